/**
 * Random blocks and log records for codec properties: every header field over its whole range
 * (negative int64s and int32 rounds, empty and odd-length hashes, long and non-ASCII chain ids,
 * empty and long repeated fields).
 */
import fc from 'fast-check';
import { encodeBlock } from '../../../src/chain/block.js';
import { bytesToHex } from '../../../src/core/hex.js';
const INT64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n };
const hex = (maxLength) => fc.uint8Array({ maxLength }).map(bytesToHex);
const hash = fc.oneof(fc.uint8Array({ minLength: 32, maxLength: 32 }).map(bytesToHex), hex(40));
const address = fc.oneof(fc.uint8Array({ minLength: 20, maxLength: 20 }).map(bytesToHex), hex(24));
// Heights and rounds are JS numbers in the header type: the safe-integer range, negatives included.
const safeInt = fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.maxSafeInteger(), fc.constant(0));
const vote = fc.record({
    height: safeInt,
    round: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
    blockHash: hash,
    timestampNs: fc.bigInt(INT64),
    validatorAddress: address,
    signature: fc.uint8Array({ maxLength: 70 }),
});
const commitVote = fc.record({ address, power: fc.bigInt(INT64), signed: fc.boolean() });
const evidence = fc.record({
    publicKey: hex(40),
    voteA: vote,
    voteB: vote,
});
export const arbitraryBlock = fc.record({
    header: fc.record({
        // Short (< 40 UTF-16 units) and long chain ids: protobufjs wrote the two with different code.
        chainId: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.string({ unit: 'grapheme', minLength: 30, maxLength: 90 })),
        height: safeInt,
        timeNs: fc.bigInt(INT64),
        prevBlockHash: hash,
        proposer: address,
        lastCommit: fc.array(commitVote, { maxLength: 6 }),
        evidence: fc.array(evidence, { maxLength: 3 }),
        txRoot: hash,
        appHash: hash,
    }),
    txs: fc.array(fc.uint8Array({ maxLength: 400 }), { maxLength: 8 }),
});
export const arbitraryRecord = fc.record({
    blockBytes: arbitraryBlock.map(encodeBlock), // opaque to the record codec
    stateRootAfter: fc.uint8Array({ minLength: 32, maxLength: 32 }).map(bytesToHex),
    writeSet: fc.integer({ min: 0, max: 6 }).chain((n) => fc.uint8Array({ minLength: n * 16, maxLength: n * 16 })),
    invalidSignatures: fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { maxLength: 6 }),
});
//# sourceMappingURL=block-arbitraries.js.map