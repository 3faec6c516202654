/**
 * Goal: a message written as amino JSON parses back to the same wire message (the CLI's
 * `tx sign --msg`), and malformed JSON is a coded rejection.
 * Method: every sample message → msgToAminoJson → JSON text → wireMessageFromAminoJson must
 * give the sample back; hand-written bad shapes must give ledger:10.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { codeOf } from '../../../src/core/rejection.js';
import { msgToAminoJson, wireMessageFromAminoJson } from '../../../src/wire/index.js';
import { sampleMessages } from '../../gen/vectors/wire-samples.js';
const parse = suite('wire/amino JSON parsing');
for (const sample of sampleMessages()) {
    parse(`${sample.name}: JSON text of its amino JSON parses back to the same message`, () => {
        const text = JSON.stringify(msgToAminoJson(sample.msg));
        assert.equal(wireMessageFromAminoJson(JSON.parse(text)), { ok: true, value: sample.msg });
    });
}
parse('bad shapes are ledger:10', () => {
    const bad = [
        null,
        [],
        { type: 'pos/Nope', value: {} },
        { type: 'pos/Send', value: { from_address: 5 } },
        { type: 'pos/Send', value: { from_address: 'zz' } },
        { type: 'pos/Send', value: { extra: '1' } },
        { type: 'pocketcore/claim', value: { total_proofs: '1.5' } },
        { type: 'pocketcore/claim', value: { total_proofs: '9223372036854775808' } },
        { type: 'gov/msg_change_param', value: { param_value: 'not base64!' } },
        { type: 'pos/8.0MsgStake', value: { public_key: { type: 'crypto/other', value: 'aa' } } },
        { type: 'pos/8.0MsgStake', value: { reward_delegators: { a: -1 } } },
        { type: 'pocketcore/proof', value: { leaf: { type: 'x', value: {} } } },
    ];
    for (const json of bad) {
        const result = wireMessageFromAminoJson(json);
        assert.is(result.ok ? 'parsed' : codeOf(result.error), 'ledger:10', JSON.stringify(json));
    }
});
parse.run();
//# sourceMappingURL=amino-json-parse.test.js.map