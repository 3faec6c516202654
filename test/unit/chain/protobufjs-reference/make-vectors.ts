/**
 * One-off (issue 11 item 4): writes test/vectors/block-codec.protobufjs.json with the
 * protobufjs-based encoders before their removal. Run: node dist/test/unit/chain/protobufjs-reference/make-vectors.js
 */
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { bytesToHex } from '../../../../src/core/hex.js';
import { arbitraryBlock, arbitraryRecord } from '../block-arbitraries.js';
import { blockToJson, recordToJson } from '../block-codec-json.js';
import { encodeBlock, encodeHeader, voteSignBytes, type Block } from './block.js';
import { encodeRecord } from './record.js';

const SEED = 20261202;
const edge: Block = {
  header: { chainId: '', height: 0, timeNs: 0n, prevBlockHash: '', proposer: '' as never, lastCommit: [], evidence: [], txRoot: '', appHash: '' },
  txs: [],
};
const blocks = [edge, ...fc.sample(arbitraryBlock, { seed: SEED, numRuns: 15 })];
const records = fc.sample(arbitraryRecord, { seed: SEED + 1, numRuns: 6 });
const out = {
  title: 'Block header, block, vote sign bytes and log record bytes written by the protobufjs-based encoders',
  summary:
    'Made once by test/unit/chain/protobufjs-reference/make-vectors.ts (fast-check seed ' + SEED + ') with the protobufjs Writer code of src/chain/block.ts and record.ts as of commit 8f22bdb, just before protobufjs was dropped (issue 11 item 4): an independent encoder of the same schema. The first block has every field empty or zero. Never edit by hand.',
  blocks: blocks.map((block) => ({
    block: blockToJson(block),
    header: bytesToHex(encodeHeader(block.header)),
    bytes: bytesToHex(encodeBlock(block)),
    voteSignBytes: block.header.evidence.map((e) => bytesToHex(voteSignBytes(block.header.chainId, e.voteA))),
  })),
  records: records.map((record) => ({ record: recordToJson(record), bytes: bytesToHex(encodeRecord(record)) })),
};
writeFileSync('test/vectors/block-codec.protobufjs.json', JSON.stringify(out, null, 1) + '\n');
console.log(`${blocks.length} blocks, ${records.length} records`);
