/**
 * Goal: every message type survives build → sign → encode → decode → verify unchanged, in both
 * encoder styles, including int64 edge entropies and hostile memos.
 * Method: the fixed-key samples of test/gen/vectors/wire-samples.ts; for each, the decoded tx
 * must equal the built one field by field, the signature must verify over our sign bytes, the
 * bytes must re-encode identically, and the message must pass validateBasic.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { validateBasic } from '../../../src/messages/index.js';
import { sortedJson } from '../../../src/core/json.js';
import { buildAndSignTx, canonicalEncodingStyle, decodeTx, encodeTx, signBytes, signDocument, signDocumentText, verifyTxSignature } from '../../../src/wire/index.js';
import { sampleMessages, signerKey } from '../../gen/vectors/wire-samples.js';
import { assertOk } from '../../helpers/assert.js';
const CHAIN = 'mainnet';
function roundTrip(msg, entropy, memo, feeUpokt = 10000n) {
    const built = buildAndSignTx({ chainId: CHAIN, msg, feeUpokt, memo, entropy, seed: signerKey.seed });
    const tx = assertOk(decodeTx(built.bytes));
    assert.equal(tx.msg, msg);
    assert.is(tx.entropy, entropy);
    assert.is(tx.memo, memo);
    assert.equal(tx.fee, built.tx.fee);
    assert.equal(tx.signature, built.tx.signature);
    assert.is(tx.hash, built.hash);
    assert.ok(verifyTxSignature(CHAIN, tx));
    assert.equal(signBytes(CHAIN, tx), built.signBytes);
    assert.is(signDocumentText(CHAIN, tx), sortedJson(signDocument(CHAIN, tx)), 'the direct writer is the generic sorted form');
    assert.is(canonicalEncodingStyle(tx), 'gogoproto');
    assert.equal(encodeTx(tx), built.bytes);
}
const everyType = suite('wire/round trip of every message type');
for (const sample of sampleMessages()) {
    everyType(`${sample.name}: build, sign, encode, decode, verify; and it is valid`, () => {
        roundTrip(sample.msg, 42n, '');
        assert.ok(validateBasic(sample.msg).ok);
    });
}
everyType('every message kind has at least one sample', () => {
    const kinds = new Set(sampleMessages().map((sample) => sample.msg.kind));
    for (const kind of ['Send', 'StakeNode', 'BeginUnstakeNode', 'UnjailNode', 'StakeApp', 'BeginUnstakeApp', 'UnjailApp', 'Claim', 'Proof', 'ParamChange', 'DAOTransfer', 'Upgrade']) {
        assert.ok(kinds.has(kind), kind);
    }
});
everyType.run();
const edges = suite('wire/round trip edge values');
const send = sampleMessages()[0].msg;
edges('the sign document of a Send (written directly) equals the generic sorted form, for odd amounts and upper-case addresses too', () => {
    for (const amount of ['1', '+5', '0x2710', '007', '1_000', '', '340282366920938463463374607431768211456']) {
        for (const [from, to] of [['ce16bb2714f93cfb3c00b5bd4b16dc5d8ca1687a', 'fb61cfd078fdf52f3a2052c431264ff1e4ecaa45'], ['CE16BB2714F93CFB3C00B5BD4B16DC5D8CA1687A', '']]) {
            const tx = { msg: { kind: 'Send', fromAddress: from, toAddress: to, amount }, fee: [{ denom: 'upokt', amount: '10000' }, { denom: '', amount: '+1' }], memo: 'm<&>', entropy: -3n };
            assert.is(signDocumentText(CHAIN, tx), sortedJson(signDocument(CHAIN, tx)), `${amount} ${from}`);
        }
    }
});
edges('entropy: negative, 2^53 + 1, max and min int64, zero', () => {
    for (const entropy of [-1n, -123456789n, 9007199254740993n, 9223372036854775807n, -9223372036854775808n, 0n]) {
        roundTrip(send, entropy, '');
    }
});
edges('an entropy above 2^53 is signed exactly (amino writes int64 as a string, no float64 rounding)', () => {
    const built = buildAndSignTx({ chainId: CHAIN, msg: send, feeUpokt: 10000n, entropy: 1234567890123456789n, seed: signerKey.seed });
    assert.ok(Buffer.from(built.signBytes).toString().includes('"entropy":"1234567890123456789"'));
});
edges('a negative entropy is a 10-byte varint in the tx and a signed decimal string in the sign bytes', () => {
    const built = buildAndSignTx({ chainId: CHAIN, msg: send, feeUpokt: 10000n, entropy: -1n, seed: signerKey.seed });
    const hex = Buffer.from(built.bytes).toString('hex');
    assert.ok(hex.endsWith('28ffffffffffffffffff01'), hex.slice(-30));
    assert.ok(Buffer.from(built.signBytes).toString().includes('"entropy":"-1"'));
});
edges('memo: empty, unicode with <>& and quotes, control characters', () => {
    for (const memo of ['', 'héllo 世界 <b>&amp;</b> "q" \\ \u2028', 'tab\tnew\nline\u0001', '🚀'.repeat(10)])
        roundTrip(send, 7n, memo);
});
edges('the memo is HTML-escaped in the sign bytes as Go encoding/json does', () => {
    const built = buildAndSignTx({ chainId: CHAIN, msg: send, feeUpokt: 10000n, memo: '<a&b>', entropy: 1n, seed: signerKey.seed });
    assert.ok(Buffer.from(built.signBytes).toString().includes('"memo":"\\u003ca\\u0026b\\u003e"'));
});
edges('no fee coin (fee 0): the fee list is empty in the tx and [] in the sign bytes', () => {
    roundTrip(send, 5n, '', 0n);
    const built = buildAndSignTx({ chainId: CHAIN, msg: send, feeUpokt: 0n, entropy: 5n, seed: signerKey.seed });
    assert.ok(Buffer.from(built.signBytes).toString().includes('"fee":[]'));
});
edges('the explicit-defaults (pocket-js 2020) style round-trips too', () => {
    for (const sample of sampleMessages()) {
        const built = buildAndSignTx({ chainId: CHAIN, msg: sample.msg, feeUpokt: 10000n, entropy: 0n, seed: signerKey.seed });
        const explicit = encodeTx(built.tx, 'explicit-defaults');
        const decoded = assertOk(decodeTx(explicit), sample.name);
        assert.equal(decoded.msg, sample.msg, sample.name);
        assert.ok(verifyTxSignature(CHAIN, decoded), sample.name);
        // entropy 0 and an empty memo are written only in this style, so the bytes tell the style
        assert.is(canonicalEncodingStyle(decoded), 'explicit-defaults', sample.name);
    }
});
edges.run();
//# sourceMappingURL=round-trip.test.js.map