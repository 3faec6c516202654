/**
 * Goal: the block header, block, vote sign bytes and log record encode to exactly the bytes the
 * protobufjs-based encoders wrote before the project moved to its own field-numbered writer and
 * reader (issue 11 item 4), and those bytes decode back to the same values — so block hashes,
 * and every log and state root written before the change, stay valid.
 * Oracle: test/vectors/block-codec.protobufjs.json, written once by protobufjs's Writer (an
 * independent encoder of the same schema; see the file's summary), never by the code under test.
 * Plus a round-trip property over random blocks and records (fast-check, block-arbitraries.ts).
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { blockHash, decodeBlock, decodeHeader, encodeBlock, encodeHeader, voteSignBytes } from '../../../src/chain/block.js';
import { decodeRecord, encodeRecord } from '../../../src/chain/record.js';
import { bytesToHex, mustHexToBytes } from '../../../src/core/hex.js';
import { sha256 } from '../../../src/crypto/hash.js';
import { arbitraryBlock, arbitraryRecord } from './block-arbitraries.js';
import { blockFromJson, blockToJson, recordFromJson, recordToJson } from './block-codec-json.js';
const vectors = JSON.parse(readFileSync(new URL('../../../../test/vectors/block-codec.protobufjs.json', import.meta.url), 'utf8'));
const test = suite('chain: block and record bytes = the committed protobufjs bytes');
test('the vectors are there and cover empty and full headers', () => {
    assert.ok(vectors.blocks.length >= 10 && vectors.records.length >= 5);
    assert.ok(vectors.blocks.some((v) => v.block.header.evidence.length > 0 && v.block.header.lastCommit.length > 0));
    assert.ok(vectors.blocks.some((v) => v.block.header.height === 0 && v.block.header.chainId === ''));
});
test('headers and blocks encode to the committed bytes and decode back', () => {
    for (const [i, vector] of vectors.blocks.entries()) {
        const block = blockFromJson(vector.block);
        assert.is(bytesToHex(encodeHeader(block.header)), vector.header, `header ${i}`);
        assert.is(bytesToHex(encodeBlock(block)), vector.bytes, `block ${i}`);
        assert.is(blockHash(block.header), bytesToHex(sha256(mustHexToBytes(vector.header))), `hash ${i}`);
        const decoded = decodeBlock(mustHexToBytes(vector.bytes));
        assert.equal(blockToJson(decoded.block), vector.block, `decoded block ${i}`);
        assert.is(bytesToHex(decoded.headerBytes), vector.header);
        assert.equal(blockToJson({ header: decodeHeader(mustHexToBytes(vector.header)), txs: [] }).header, vector.block.header);
    }
});
test('vote sign bytes encode to the committed bytes', () => {
    let checked = 0;
    for (const vector of vectors.blocks) {
        const block = blockFromJson(vector.block);
        block.header.evidence.forEach((evidence, i) => {
            assert.is(bytesToHex(voteSignBytes(block.header.chainId, evidence.voteA)), vector.voteSignBytes[i]);
            checked++;
        });
    }
    assert.ok(checked > 5);
});
test('records encode to the committed bytes and decode back', () => {
    for (const [i, vector] of vectors.records.entries()) {
        assert.is(bytesToHex(encodeRecord(recordFromJson(vector.record))), vector.bytes, `record ${i}`);
        const decoded = decodeRecord(mustHexToBytes(vector.bytes));
        assert.equal(recordToJson(decoded), vector.record, `decoded record ${i}`);
    }
});
test('random blocks and records: decode(encode(x)) = x, and re-encoding the decoded value gives the same bytes', () => {
    fc.assert(fc.property(arbitraryBlock, arbitraryRecord, (block, record) => {
        const bytes = encodeBlock(block);
        const decoded = decodeBlock(bytes);
        assert.equal(blockToJson(decoded.block), blockToJson(block));
        assert.is(bytesToHex(encodeBlock(decoded.block)), bytesToHex(bytes));
        const recordBytes = encodeRecord(record);
        assert.equal(recordToJson(decodeRecord(recordBytes)), recordToJson({ ...record, invalidSignatures: record.invalidSignatures ?? [] }));
    }), { numRuns: 300 });
});
test.run();
//# sourceMappingURL=block-bytes.test.js.map