/**
 * Goal: the block log returns exactly what was appended, in order, across segment rolls,
 * reopen, random reads, range iteration, read-only followers and tail truncation; and refuses
 * bad input (wrong height, oversized payload, bad arguments) with coded errors, writing nothing.
 * Method: seeded workloads (Prng, seed printed) over payloads derived from the height
 * (test/helpers/log-fixtures.ts), small segment sizes to force many rolls, every result compared
 * byte for byte with the expected payload.
 */
import { readdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Prng } from '../../../src/core/prng.js';
import { BlockLog, blockLogDir, isBlockLogError, type BlockLogErrorCode } from '../../../src/log/index.js';
import { payloadFor, removeDir, scratchDir } from '../../helpers/log-fixtures.js';

const SEED = 0x10c_2026;
console.log(`block-log.test seed=${SEED}`);

function throwsCode(fn: () => unknown, code: BlockLogErrorCode): Record<string, unknown> {
  try {
    fn();
  } catch (error) {
    if (isBlockLogError(error, code)) return error.context as Record<string, unknown>;
    throw new assert.Assertion({ message: `expected ${code}, got ${String(error)}`, generated: false, operator: 'throws', expects: code, actual: error });
  }
  throw new assert.Assertion({ message: `expected ${code}, nothing thrown`, generated: false, operator: 'throws', expects: code, actual: undefined });
}

function appendRange(log: BlockLog, from: number, to: number, maxBytes = 600): void {
  for (let height = from; height <= to; height++) log.append(height, payloadFor(height, maxBytes));
}

function assertAll(log: BlockLog, from: number, to: number, maxBytes = 600): void {
  let expected = from;
  for (const record of log.iterate(from, to)) {
    assert.is(record.height, expected);
    assert.equal(Buffer.from(record.payload), Buffer.from(payloadFor(expected, maxBytes)), `payload of ${expected}`);
    expected++;
  }
  assert.is(expected, to + 1, 'iterate yields every height of the range');
}

// ── round trips ───────────────────────────────────────────────────────────────────────────────

const roundTrip = suite('log/round-trip');
let dir = '';
roundTrip.before.each(() => {
  dir = scratchDir('rt');
});
roundTrip.after.each(() => removeDir(dir));

roundTrip('a new log is empty: lastHeight = firstHeight − 1, created reported', () => {
  const { log, recovery } = BlockLog.open(blockLogDir(dir), { create: true });
  assert.is(recovery.created, true);
  assert.is(log.firstHeight, 1);
  assert.is(log.lastHeight, 0);
  assert.equal([...log.iterate(1)], []);
  log.close();
});

roundTrip('append then read and iterate return identical bytes, including an empty payload', () => {
  const { log } = BlockLog.open(blockLogDir(dir), { create: true });
  log.append(1, new Uint8Array(0));
  appendRange(log, 2, 50);
  assert.is(log.lastHeight, 50);
  assert.is(log.read(1).length, 0);
  for (let height = 2; height <= 50; height++) assert.equal(Buffer.from(log.read(height)), Buffer.from(payloadFor(height)));
  log.close();
});

roundTrip('reopen sees every record; appending continues from the tail; recovery reports nothing to repair', () => {
  const first = BlockLog.open(blockLogDir(dir), { create: true, segmentBytes: 2048 });
  appendRange(first.log, 1, 120);
  first.log.close();
  const { log, recovery } = BlockLog.open(blockLogDir(dir), { segmentBytes: 2048 });
  assert.is(recovery.created, false);
  assert.is(recovery.tornTail, null);
  assert.equal(recovery.indexRebuilt, []);
  assert.is(recovery.lastHeight, 120);
  appendRange(log, 121, 150);
  assertAll(log, 1, 150);
  log.close();
});

roundTrip('segments roll at the size limit, named by first height, each no larger than the limit', () => {
  const segmentBytes = 4096;
  const { log } = BlockLog.open(blockLogDir(dir), { create: true, segmentBytes });
  appendRange(log, 1, 300);
  const files = log.segmentFiles;
  assert.ok(files.length > 10, `expected many segments, got ${files.length}`);
  assert.is(files[0], 'segment-000000000001.log');
  for (const file of files) assert.ok(statSync(join(blockLogDir(dir), file)).size <= segmentBytes, `${file} within limit`);
  assertAll(log, 1, 300);
  log.close();
  // Segment names are the first height of each: reopening finds the same sequence.
  const { log: again } = BlockLog.open(blockLogDir(dir));
  assert.equal(again.segmentFiles, files);
  again.close();
});

roundTrip('a record larger than a segment gets a segment of its own', () => {
  const { log } = BlockLog.open(blockLogDir(dir), { create: true, segmentBytes: 256 });
  log.append(1, new Uint8Array(10).fill(1));
  log.append(2, new Uint8Array(1000).fill(2));
  log.append(3, new Uint8Array(10).fill(3));
  assert.equal(log.segmentFiles, ['segment-000000000001.log', 'segment-000000000002.log', 'segment-000000000003.log']);
  assert.equal(Buffer.from(log.read(2)), Buffer.alloc(1000, 2));
  log.close();
});

roundTrip('appendMany writes consecutive records across several segments in one call', () => {
  const { log } = BlockLog.open(blockLogDir(dir), { create: true, segmentBytes: 3000 });
  log.append(1, payloadFor(1));
  log.appendMany(Array.from({ length: 99 }, (_, i) => ({ height: i + 2, payload: payloadFor(i + 2) })));
  assert.is(log.lastHeight, 100);
  assert.ok(log.segmentFiles.length > 5);
  assertAll(log, 1, 100);
  log.close();
  const { log: again } = BlockLog.open(blockLogDir(dir));
  assertAll(again, 1, 100);
  again.close();
});

roundTrip('a log may start at any height (e.g. after a snapshot); firstHeight is remembered and checked', () => {
  const { log } = BlockLog.open(blockLogDir(dir), { create: true, firstHeight: 41144 });
  assert.is(log.lastHeight, 41143);
  throwsCode(() => log.append(1, payloadFor(1)), 'log_height_out_of_order');
  appendRange(log, 41144, 41150);
  log.close();
  const { log: again } = BlockLog.open(blockLogDir(dir));
  assert.is(again.firstHeight, 41144);
  assertAll(again, 41144, 41150);
  again.close();
  throwsCode(() => BlockLog.open(blockLogDir(dir), { firstHeight: 1 }), 'log_first_height_mismatch');
});

roundTrip.run();

// ── reads ─────────────────────────────────────────────────────────────────────────────────────

const reads = suite('log/reads');
reads.before.each(() => {
  dir = scratchDir('reads');
});
reads.after.each(() => removeDir(dir));

reads('random reads (seeded) over many segments equal the appended payloads, after reopen too', () => {
  const prng = new Prng(SEED);
  const { log } = BlockLog.open(blockLogDir(dir), { create: true, segmentBytes: 8192 });
  appendRange(log, 1, 500, 2000);
  for (let i = 0; i < 300; i++) {
    const height = 1 + prng.int(500);
    assert.equal(Buffer.from(log.read(height)), Buffer.from(payloadFor(height, 2000)), `height ${height}`);
  }
  log.close();
  const { log: again } = BlockLog.open(blockLogDir(dir));
  for (let i = 0; i < 300; i++) {
    const height = 1 + prng.int(500);
    assert.equal(Buffer.from(again.read(height)), Buffer.from(payloadFor(height, 2000)), `height ${height} after reopen`);
  }
  again.close();
});

reads('iterate ranges: any [from, to] inside the log, segment boundaries included, small read chunks', () => {
  const prng = new Prng(SEED + 1);
  const { log } = BlockLog.open(blockLogDir(dir), { create: true, segmentBytes: 4096, readChunkBytes: 64 });
  appendRange(log, 1, 200);
  for (let i = 0; i < 60; i++) {
    const from = 1 + prng.int(200);
    const to = from - 1 + prng.int(201 - from + 1);
    assertAll(log, from, to);
  }
  assertAll(log, 1, 200);
  assertAll(log, 200, 200);
  assert.equal([...log.iterate(201)], [], 'from = lastHeight + 1 is an empty range');
  log.close();
});

reads('reads outside [firstHeight, lastHeight] fail with log_height_not_found', () => {
  const { log } = BlockLog.open(blockLogDir(dir), { create: true });
  appendRange(log, 1, 5);
  throwsCode(() => log.read(0), 'log_height_not_found');
  throwsCode(() => log.read(6), 'log_height_not_found');
  throwsCode(() => log.read(1.5), 'log_height_not_found');
  throwsCode(() => log.iterate(0, 3), 'log_height_not_found');
  throwsCode(() => log.iterate(2, 6), 'log_height_not_found');
  log.close();
});

reads('a read-only follower sees only complete records and picks up a live writer’s appends and rolls with refresh()', () => {
  const writer = BlockLog.open(blockLogDir(dir), { create: true, segmentBytes: 2048 }).log;
  appendRange(writer, 1, 10);
  const { log: reader, recovery } = BlockLog.open(blockLogDir(dir), { readOnly: true });
  assert.is(recovery.lastHeight, 10);
  throwsCode(() => reader.append(11, payloadFor(11)), 'log_read_only');
  appendRange(writer, 11, 80); // rolls several segments
  assert.is(reader.lastHeight, 10, 'a follower’s view moves only on refresh');
  assert.is(reader.refresh(), 80);
  assertAll(reader, 1, 80);
  writer.close();
  reader.close();
});

reads.run();

// ── bad input ─────────────────────────────────────────────────────────────────────────────────

const bad = suite('log/bad-input');
bad.before.each(() => {
  dir = scratchDir('bad');
});
bad.after.each(() => removeDir(dir));

bad('append of a gap, a duplicate or a non-integer height fails with log_height_out_of_order and writes nothing', () => {
  const { log } = BlockLog.open(blockLogDir(dir), { create: true });
  appendRange(log, 1, 3);
  const size = statSync(join(blockLogDir(dir), 'segment-000000000001.log')).size;
  assert.equal(throwsCode(() => log.append(5, payloadFor(5)), 'log_height_out_of_order'), { expected: 4, got: 5 });
  throwsCode(() => log.append(3, payloadFor(3)), 'log_height_out_of_order');
  throwsCode(() => log.append(4.5, payloadFor(4)), 'log_height_out_of_order');
  // appendMany validates every record before writing any.
  throwsCode(() => log.appendMany([{ height: 4, payload: payloadFor(4) }, { height: 6, payload: payloadFor(6) }]), 'log_height_out_of_order');
  assert.is(statSync(join(blockLogDir(dir), 'segment-000000000001.log')).size, size);
  assert.is(log.lastHeight, 3);
  log.append(4, payloadFor(4));
  log.close();
});

bad('a payload over maxPayloadBytes fails with log_payload_too_large; a non-Uint8Array with log_invalid_argument', () => {
  const { log } = BlockLog.open(blockLogDir(dir), { create: true, maxPayloadBytes: 1000 });
  log.append(1, new Uint8Array(1000));
  assert.equal(throwsCode(() => log.append(2, new Uint8Array(1001)), 'log_payload_too_large'), { height: 2, bytes: 1001, max: 1000 });
  throwsCode(() => log.append(2, 'text' as unknown as Uint8Array), 'log_invalid_argument');
  assert.is(log.lastHeight, 1);
  log.close();
});

bad('open without create on an empty directory fails with log_not_found; bad options with log_invalid_argument', () => {
  throwsCode(() => BlockLog.open(blockLogDir(dir)), 'log_not_found');
  throwsCode(() => BlockLog.open(blockLogDir(dir), { create: true, segmentBytes: 3 }), 'log_invalid_argument');
  throwsCode(() => BlockLog.open(blockLogDir(dir), { create: true, fsync: 'sometimes' as 'always' }), 'log_invalid_argument');
  throwsCode(() => BlockLog.open(blockLogDir(dir), { create: true, firstHeight: -1 }), 'log_invalid_argument');
});

bad('a log whose block-log.json was deleted is log_meta_invalid for every opener (records are there: not "no block log")', () => {
  const { log } = BlockLog.open(blockLogDir(dir), { create: true });
  appendRange(log, 1, 3);
  log.close();
  unlinkSync(join(blockLogDir(dir), 'block-log.json'));
  // Before: readers and writers said log_not_found ("holds no block log"), while three records
  // and a head record sat there — only `create` refused to guess (create.ts).
  for (const options of [{ readOnly: true }, {}, { create: true }] as const) {
    const context = throwsCode(() => BlockLog.open(blockLogDir(dir), options), 'log_meta_invalid');
    assert.is(context['file'], join(blockLogDir(dir), 'block-log.json'), JSON.stringify(options));
  }
});

bad('a closed log refuses every operation with log_closed', () => {
  const { log } = BlockLog.open(blockLogDir(dir), { create: true });
  appendRange(log, 1, 2);
  log.close();
  log.close(); // idempotent
  throwsCode(() => log.append(3, payloadFor(3)), 'log_closed');
  throwsCode(() => log.read(1), 'log_closed');
});

bad.run();

// ── fsync modes and truncateAfter ─────────────────────────────────────────────────────────────

const modes = suite('log/modes-and-truncate');
modes.before.each(() => {
  dir = scratchDir('modes');
});
modes.after.each(() => removeDir(dir));

modes('batch and never modes store the same bytes as always (durability differs, content does not)', () => {
  for (const fsync of ['always', 'batch', 'never'] as const) {
    const sub = join(dir, fsync);
    const { log } = BlockLog.open(sub, { create: true, fsync, batchMaxRecords: 7, segmentBytes: 4096 });
    appendRange(log, 1, 100);
    log.sync();
    log.close();
  }
  const listing = (fsync: string): string[] => readdirSync(join(dir, fsync)).filter((file) => file.endsWith('.log'));
  assert.equal(listing('batch'), listing('always'));
  assert.equal(listing('never'), listing('always'));
  for (const fsync of ['batch', 'never']) {
    const { log } = BlockLog.open(join(dir, fsync));
    assertAll(log, 1, 100);
    log.close();
  }
});

modes('truncateAfter cuts the tail across segments; appends then continue from the cut; reopen agrees', () => {
  const { log } = BlockLog.open(blockLogDir(dir), { create: true, segmentBytes: 2048 });
  appendRange(log, 1, 100);
  const segmentsBefore = log.segmentFiles.length;
  log.truncateAfter(37);
  assert.is(log.lastHeight, 37);
  assert.ok(log.segmentFiles.length < segmentsBefore);
  throwsCode(() => log.read(38), 'log_height_not_found');
  appendRange(log, 38, 60);
  assertAll(log, 1, 60);
  log.truncateAfter(0);
  assert.is(log.lastHeight, 0);
  appendRange(log, 1, 5);
  log.close();
  const { log: again, recovery } = BlockLog.open(blockLogDir(dir));
  assert.is(recovery.tornTail, null);
  assertAll(again, 1, 5);
  throwsCode(() => again.truncateAfter(6), 'log_invalid_argument');
  again.close();
});

modes.run();
