/**
 * Goal: the JSON we hash and sign is byte-identical to what pocket-core's Go code produces.
 * Method: known Go encoding/json outputs (Go 1.21, pocket-core's toolchain) as cases.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { canonicalJson, goFloat, goObject, goString, sortedJson } from '../../../src/core/json.js';
const json = suite('core/json');
json('goString escapes HTML characters and control bytes as Go 1.21 does', () => {
    assert.is(goString('a<b>&c'), '"a\\u003cb\\u003e\\u0026c"');
    assert.is(goString('line\nbreak\ttab\r'), '"line\\nbreak\\ttab\\r"');
    assert.is(goString('\u0008\u000c\u0001'), '"\\u0008\\u000c\\u0001"');
    assert.is(goString('quote" back\\'), '"quote\\" back\\\\"');
    assert.is(goString('\u2028\u2029'), '"\\u2028\\u2029"');
    assert.is(goString('héllo €'), '"héllo €"');
});
json('goString, every UTF-16 code unit: decodes back to itself (a lone surrogate to U+FFFD) and leaves no character Go escapes raw', () => {
    // Go escapes ", \\, control characters, <, >, & and U+2028/2029; a lone surrogate is invalid UTF-8 → U+FFFD.
    const mustNotAppearRaw = /[<>&\u0000-\u001f\u2028\u2029]/;
    for (let unit = 0; unit <= 0xffff; unit++) {
        const char = String.fromCharCode(unit);
        const lone = unit >= 0xd800 && unit <= 0xdfff;
        for (const text of [char, `a${char}b`]) {
            const written = goString(text);
            assert.is(JSON.parse(written), lone ? text.replace(char, '\ufffd') : text, `U+${unit.toString(16)}`);
            assert.not.ok(mustNotAppearRaw.test(written), `U+${unit.toString(16)} written raw`);
        }
    }
    assert.is(goString('\ud83d\ude00'), '"\ud83d\ude00"', 'a surrogate pair is kept');
});
json('goFloat matches strconv float64 formatting used by encoding/json', () => {
    assert.is(goFloat(3908904207717607), '3908904207717607');
    // A bare int64 above 2^53 loses precision once it has been through interface{} in Go.
    assert.is(goFloat(Number(1234567890123456789n)), '1234567890123456800');
    assert.is(goFloat(1e21), '1e+21');
    assert.is(goFloat(1.5e-7), '1.5e-07');
    assert.is(goFloat(-42), '-42');
});
json('sortedJson sorts keys at every depth and drops whitespace', () => {
    const doc = { msg: { value: { to: 'b', from: 'a' }, type: 'pos/Send' }, chain_id: 'mainnet', entropy: 5, fee: [{ denom: 'upokt', amount: '10000' }], memo: '' };
    assert.is(sortedJson(doc), '{"chain_id":"mainnet","entropy":5,"fee":[{"amount":"10000","denom":"upokt"}],"memo":"","msg":{"type":"pos/Send","value":{"from":"a","to":"b"}}}');
});
json('goObject keeps declared field order', () => {
    assert.is(goObject([['z', '1'], ['a', goString('x')]]), '{"z":1,"a":"x"}');
});
json('canonicalJson writes bigint as strings, omits undefined, sorts keys', () => {
    assert.is(canonicalJson({ b: 2n, a: undefined, c: [1, 'x'], d: null }), '{"b":"2","c":[1,"x"],"d":null}');
    assert.throws(() => canonicalJson({ x: 0.5 }));
});
json.run();
//# sourceMappingURL=json.test.js.map