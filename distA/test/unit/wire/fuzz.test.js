/**
 * Goal: no byte string makes decodeTx/validateBasic throw or decode into something larger than
 * the documented limits; every failure is a coded Rejection.
 * Method: a seeded Prng (seed printed; override with FUZZ_SEED=<n>) drives ≥ 20,000 inputs:
 * random bytes, and mutations of valid txs of every message type and of the real mainnet tx —
 * bit flips, truncations, splices, inserted bytes, inflated length fields, huge declared
 * lengths, duplicated segments, deep group and message nesting — most re-framed with a correct
 * length prefix so the mutation reaches the inner decoders. Each decoded tx then goes through
 * validateBasic, validateTxBasic, amino JSON, sign bytes and re-encoding, and its envelope read
 * alone (decodeTxEnvelope: what tx query answers use) must equal the full decode's fee, signature,
 * memo and entropy. No timing asserts.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Prng } from '../../../src/core/prng.js';
import { ALL_CODES, validateBasic, validateTxBasic } from '../../../src/messages/index.js';
import { buildAndSignTx, decodeTx, decodeTxEnvelope, encodeTx, MAX_FIELD_BYTES, MAX_REPEATED_ENTRIES, MAX_TX_BYTES, msgToAminoJson, signBytes } from '../../../src/wire/index.js';
import { readFixture } from '../../helpers/paths.js';
import { sampleMessages, signerKey } from '../../gen/vectors/wire-samples.js';
import { framed, tag, varint } from './proto-bytes.js';
import { assertOk } from '../../helpers/assert.js';
const SEED = BigInt(process.env['FUZZ_SEED'] ?? '0x5eed0f1ce');
const RANDOM_INPUTS = 4_000;
const MUTATED_INPUTS = 18_000;
const prng = new Prng(SEED);
console.log(`wire fuzz seed: ${SEED} (re-run with FUZZ_SEED=${SEED})`);
const knownCodes = new Set(ALL_CODES.map((code) => `${code.codespace}:${code.code}:${code.name}`));
/** A corpus of valid txs: every sample message with varied memos and entropies, plus the real one. */
function corpus() {
    const out = [];
    const memos = ['', 'memo <&> ✓'];
    for (const [index, sample] of sampleMessages().entries()) {
        const built = buildAndSignTx({ chainId: 'mainnet', msg: sample.msg, feeUpokt: 10000n, memo: memos[index % 2], entropy: BigInt(index) * 0x123456789abcn - 7n, seed: signerKey.seed });
        out.push(built.bytes, encodeTx(built.tx, 'explicit-defaults'));
    }
    const fixture = JSON.parse(readFixture('tx-h41144.json'));
    out.push(new Uint8Array(Buffer.from(fixture.tx, 'base64')));
    return out;
}
/** The body of a framed tx (drop the uvarint length prefix). */
function body(tx) {
    let index = 0;
    while (tx[index] >= 0x80)
        index++;
    return [...tx.subarray(index + 1)];
}
const nestedGroups = (depth) => [...new Array(depth).fill(tag(13, 3)).flat(), ...new Array(depth).fill(tag(13, 4)).flat()];
function nestedMessages(depth) {
    let inner = [1];
    for (let i = 0; i < depth; i++)
        inner = [...tag(11, 2), ...varint(inner.length), ...inner];
    return inner;
}
function mutate(source, other) {
    const bytes = [...source];
    const at = () => prng.int(Math.max(bytes.length, 1));
    switch (prng.int(9)) {
        case 0: // bit flips
            for (let i = prng.int(8) + 1; i > 0 && bytes.length > 0; i--) {
                const index = at();
                bytes[index] = bytes[index] ^ (1 << prng.int(8));
            }
            return bytes;
        case 1: // truncation
            return bytes.slice(0, at());
        case 2: // splice with another tx
            return [...bytes.slice(0, at()), ...other.slice(prng.int(Math.max(other.length, 1)))];
        case 3: // inserted random bytes
            return [...bytes.slice(0, at()), ...prng.bytes(prng.int(16) + 1), ...bytes.slice(at())];
        case 4: // inflate a byte that may be a length into a large varint
            return [...bytes.slice(0, at()), ...varint(BigInt(prng.int(1 << 30)) * 4n + 0x80n), ...bytes.slice(at() + 1)];
        case 5: // a field with a huge declared length
            return [...bytes, ...tag(prng.int(20) + 1, 2), ...varint(prng.pick([1n << 62n, (1n << 64n) - 1n, 1n << 31n, BigInt(MAX_TX_BYTES)]))];
        case 6: // duplicate a segment
            {
                const start = at();
                const end = Math.min(bytes.length, start + prng.int(40) + 1);
                return [...bytes.slice(0, end), ...bytes.slice(start, end), ...bytes.slice(end)];
            }
        case 7: // deep group nesting, or an unbalanced one
            return [...bytes, ...nestedGroups(prng.int(2000) + 1).slice(0, prng.chance(0.2) ? -1 : undefined)];
        default: // deep message nesting in an unknown field
            return [...bytes, ...nestedMessages(prng.int(300) + 1)];
    }
}
/** Every string and list in the decoded value within the documented limits. */
function assertWithinLimits(value, path) {
    if (typeof value === 'string') {
        // bytes fields are hex: twice their byte length
        assert.ok(value.length <= 2 * MAX_FIELD_BYTES, `${path}: string of ${value.length}`);
    }
    else if (Array.isArray(value)) {
        assert.ok(value.length <= MAX_REPEATED_ENTRIES, `${path}: ${value.length} entries`);
        value.forEach((item, index) => assertWithinLimits(item, `${path}[${index}]`));
    }
    else if (value instanceof Uint8Array) {
        assert.ok(value.byteLength <= MAX_TX_BYTES, `${path}: ${value.byteLength} bytes`);
    }
    else if (typeof value === 'object' && value !== null) {
        for (const [key, item] of Object.entries(value))
            assertWithinLimits(item, `${path}.${key}`);
    }
}
const stats = { inputs: 0, decoded: 0, valid: 0, codes: new Map() };
function count(code) {
    stats.codes.set(code, (stats.codes.get(code) ?? 0) + 1);
}
function exercise(bytes) {
    stats.inputs++;
    let result;
    try {
        result = decodeTx(bytes);
    }
    catch (error) {
        assert.unreachable(`decodeTx threw on ${Buffer.from(bytes).toString('hex').slice(0, 400)}: ${String(error)}`);
        return;
    }
    if (!result.ok) {
        const { codespace, code, name, log } = result.error;
        assert.ok(knownCodes.has(`${codespace}:${code}:${name}`), `unknown code ${codespace}:${code}:${name}`);
        assert.type(log, 'string');
        count(`${codespace}:${code}`);
        return;
    }
    stats.decoded++;
    const tx = result.value;
    assertWithinLimits({ ...tx, bytes: tx.bytes }, 'tx');
    const envelope = assertOk(decodeTxEnvelope(bytes), 'the envelope of a decodable tx');
    assert.equal(envelope, { fee: tx.fee, signature: tx.signature, memo: tx.memo, entropy: tx.entropy }, 'envelope = full decode');
    try {
        const message = validateBasic(tx.msg);
        if (message.ok)
            stats.valid++;
        else
            assert.ok(knownCodes.has(`${message.error.codespace}:${message.error.code}:${message.error.name}`), message.error.name);
        count(message.ok ? 'valid' : `${message.error.codespace}:${message.error.code}`);
        validateTxBasic(tx);
        msgToAminoJson(tx.msg);
        signBytes('mainnet', tx);
        // Re-encoding always yields a decodable tx, and the canonical form is a fixed point. (It may
        // differ from the input beyond the bytes: an absent BigInt is written "0", a present-but-
        // empty bytes field is dropped — as pocket-core's own encoder does.)
        const reencoded = encodeTx(tx);
        assert.equal(encodeTx(assertOk(decodeTx(reencoded), 're-encoded tx does not decode')), reencoded);
    }
    catch (error) {
        if (error instanceof assert.Assertion)
            throw error;
        assert.unreachable(`a decoded tx made the message layer throw (${Buffer.from(bytes).toString('hex').slice(0, 400)}): ${String(error)}`);
    }
}
const fuzz = suite('wire/fuzz decodeTx + validateBasic');
fuzz(`${RANDOM_INPUTS} random byte strings (half framed with a correct prefix)`, () => {
    for (let i = 0; i < RANDOM_INPUTS; i++) {
        const raw = prng.bytes(prng.int(300));
        exercise(prng.chance(0.5) ? framed([...raw]) : raw);
    }
});
fuzz(`${MUTATED_INPUTS} mutations of valid txs of every type`, () => {
    const bodies = corpus().map(body);
    for (let i = 0; i < MUTATED_INPUTS; i++) {
        const source = prng.pick(bodies);
        let mutated = mutate(source, prng.pick(bodies));
        if (prng.chance(0.3))
            mutated = mutate(mutated, prng.pick(bodies));
        if (prng.chance(0.85))
            exercise(framed(mutated));
        else
            exercise(Uint8Array.from([...varint(prng.int(400)), ...mutated]));
    }
});
fuzz('oversized inputs are refused before parsing', () => {
    exercise(new Uint8Array(MAX_TX_BYTES + 1).fill(0xff));
    exercise(framed(new Array(MAX_TX_BYTES).fill(0x80)));
    exercise(framed([...tag(4, 2), ...varint(MAX_TX_BYTES - 10), ...new Array(MAX_TX_BYTES - 10).fill(0x61)]));
});
fuzz('summary: enough inputs, and the mutations reach the message layer', () => {
    const summary = [...stats.codes.entries()].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code}=${n}`).join(' ');
    console.log(`wire fuzz: ${stats.inputs} inputs, ${stats.decoded} decoded, ${stats.valid} valid messages; ${summary}`);
    assert.ok(stats.inputs >= 20_000);
    assert.ok(stats.decoded > 0, 'no mutated input decoded: the mutations never reach the message decoders');
    assert.ok(stats.valid > 0, 'no mutated input stayed valid');
});
fuzz.run();
//# sourceMappingURL=fuzz.test.js.map