/**
 * TEMPORARY (issue 11 item 4, dropping protobufjs): the project's own writer/reader against the
 * protobufjs-based code it replaces (copied unchanged into ./protobufjs-reference/), on random
 * headers, blocks, records, vote sign bytes and ProtoWriter call sequences. Removed with
 * protobufjs; the bytes it agreed on stay as committed vectors (block-bytes.test.ts).
 */
import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import * as current from '../../../src/chain/block.js';
import * as currentRecord from '../../../src/chain/record.js';
import { bytesToHex } from '../../../src/core/hex.js';
import { ProtoWriter } from '../../../src/wire/proto-writer.js';
import * as reference from './protobufjs-reference/block.js';
import { ProtoWriter as ReferenceWriter } from './protobufjs-reference/proto-writer.js';
import * as referenceRecord from './protobufjs-reference/record.js';
import { arbitraryBlock, arbitraryRecord } from './block-arbitraries.js';
import { blockToJson, recordToJson } from './block-codec-json.js';

const RUNS = Number(process.env['EQUIVALENCE_RUNS'] ?? 500);
const test = suite('chain: own protobuf codec = the protobufjs codec it replaces');

test('headers, vote sign bytes and blocks encode to the same bytes', () => {
  fc.assert(
    fc.property(arbitraryBlock, (block) => {
      assert.is(bytesToHex(current.encodeHeader(block.header)), bytesToHex(reference.encodeHeader(block.header)));
      assert.is(bytesToHex(current.encodeBlock(block)), bytesToHex(reference.encodeBlock(block)));
      for (const evidence of block.header.evidence) {
        assert.is(bytesToHex(current.voteSignBytes(block.header.chainId, evidence.voteA)), bytesToHex(reference.voteSignBytes(block.header.chainId, evidence.voteA)));
      }
    }),
    { numRuns: RUNS },
  );
});

test('records encode to the same bytes and decode to the same values', () => {
  fc.assert(
    fc.property(arbitraryRecord, (record) => {
      const bytes = referenceRecord.encodeRecord(record);
      assert.is(bytesToHex(currentRecord.encodeRecord(record)), bytesToHex(bytes));
      assert.equal(recordToJson(currentRecord.decodeRecord(bytes)), recordToJson(referenceRecord.decodeRecord(bytes)));
    }),
    { numRuns: RUNS },
  );
});

/** A valid block with one byte changed and maybe cut short: mostly still parseable, often wrong. */
const damagedBlock = fc
  .tuple(arbitraryBlock, fc.nat(), fc.integer({ min: 0, max: 255 }), fc.boolean())
  .map(([block, at, value, cut]) => {
    const bytes = current.encodeBlock(block);
    if (bytes.byteLength === 0) return bytes;
    bytes[at % bytes.byteLength] = value;
    return cut ? bytes.subarray(0, at % bytes.byteLength) : bytes;
  });

test('damaged blocks: what protobufjs decoded decodes the same, or is a BlockDecodeError', () => {
  let agreed = 0;
  fc.assert(
    fc.property(fc.oneof(damagedBlock, fc.uint8Array({ maxLength: 80 })), (bytes) => {
      let old: unknown;
      try {
        const decoded = reference.decodeBlock(bytes);
        old = [blockToJson(decoded.block), bytesToHex(decoded.headerBytes)];
      } catch {
        old = undefined;
      }
      try {
        const decoded = current.decodeBlock(bytes);
        const now = [blockToJson(decoded.block), bytesToHex(decoded.headerBytes)];
        assert.equal(now, old);
        agreed++;
      } catch (error) {
        if (!(error instanceof current.BlockDecodeError)) throw error;
      }
    }),
    { numRuns: RUNS * 4 },
  );
  process.stderr.write(`  (${agreed} of ${RUNS * 4} damaged blocks decoded, all as protobufjs did; the rest refused)\n`);
});

type Op =
  | { readonly op: 'varint'; readonly field: number; readonly value: bigint }
  | { readonly op: 'uint32Always'; readonly field: number; readonly value: number }
  | { readonly op: 'bytes' | 'bytesAlways'; readonly field: number; readonly value: Uint8Array }
  | { readonly op: 'string' | 'stringAlways'; readonly field: number; readonly value: string }
  | { readonly op: 'hex'; readonly field: number; readonly value: string | null }
  | { readonly op: 'message'; readonly field: number; readonly inner: readonly Op[] };

const field = fc.integer({ min: 1, max: 536_870_911 });
const leafOp: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('varint' as const), field, value: fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }) }),
  fc.record({ op: fc.constant('uint32Always' as const), field, value: fc.integer({ min: -(2 ** 31), max: 2 ** 32 - 1 }) }),
  fc.record({ op: fc.constantFrom('bytes' as const, 'bytesAlways' as const), field, value: fc.uint8Array({ maxLength: 300 }) }),
  fc.record({ op: fc.constantFrom('string' as const, 'stringAlways' as const), field, value: fc.string({ unit: 'grapheme', maxLength: 60 }) }),
  fc.record({ op: fc.constant('hex' as const), field, value: fc.option(fc.uint8Array({ maxLength: 40 }).map(bytesToHex)) }),
);
const { ops } = fc.letrec<{ ops: readonly Op[]; op: Op }>((tie) => ({
  ops: fc.array(tie('op'), { maxLength: 8 }),
  op: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leafOp, fc.record({ op: fc.constant('message' as const), field, inner: tie('ops') })),
}));

interface AnyWriter {
  varint(f: number, v: bigint): unknown;
  uint32Always(f: number, v: number): unknown;
  bytes(f: number, v: Uint8Array): unknown;
  bytesAlways(f: number, v: Uint8Array): unknown;
  string(f: number, v: string): unknown;
  stringAlways(f: number, v: string): unknown;
  hex(f: number, v: string | null): unknown;
}

function play(writer: AnyWriter, list: readonly Op[], nest: (field: number, inner: readonly Op[]) => void): void {
  for (const item of list) {
    if (item.op === 'message') nest(item.field, item.inner);
    else (writer[item.op] as (f: number, v: unknown) => unknown).call(writer, item.field, item.value);
  }
}

function playCurrent(w: ProtoWriter, list: readonly Op[]): ProtoWriter {
  play(w, list, (f, inner) => w.message(f, (child) => playCurrent(child, inner)));
  return w;
}

function playReference(w: ReferenceWriter, list: readonly Op[]): ReferenceWriter {
  play(w, list, (f, inner) => w.message(f, (child) => playReference(child, inner)));
  return w;
}

test('ProtoWriter: any call sequence writes the same bytes in both styles', () => {
  fc.assert(
    fc.property(ops, fc.constantFrom('gogoproto' as const, 'explicit-defaults' as const), (list, style) => {
      assert.is(bytesToHex(playCurrent(new ProtoWriter(style), list).finish()), bytesToHex(playReference(new ReferenceWriter(style), list).finish()));
    }),
    { numRuns: RUNS },
  );
});

test.run();
