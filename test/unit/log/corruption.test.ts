/**
 * Goal: damage on disk is never silently skipped or silently cut. A torn tail (the final record
 * cut at ANY byte, or complete with a bad checksum, or followed by zeros) is truncated at open
 * with every earlier record kept; a damaged record with intact data after it — early in the
 * log, in a middle segment, or in the last segment — is reported with its height, file and byte
 * offset; height gaps/duplicates, wrong magic and missing or misnamed segments are detected.
 * Method: build a pristine log (payloads derived from height), copy it, damage the copy the way
 * a crash or bit rot would (truncate, flip one byte, append zeros, rename files), then open /
 * read / iterate / verify it and check the reported error details and the surviving content.
 * Last, a fast-check property flips one bit anywhere in any of the log's files (segments, their
 * indexes, the head, the meta file): opening and reading the whole chain either fails with a
 * coded BlockLogError or gives back exactly the records written — never other content, never
 * fewer records.
 */
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, renameSync, statSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { BlockLog, isBlockLogError } from '../../../src/log/index.js';
import { FRAME_HEADER_BYTES, encodeFrame } from '../../../src/log/frame.js';
import { errorOf, flipByte, payloadFor, removeDir, scratchDir } from '../../helpers/log-fixtures.js';
import { fastCheckSeed } from '../crypto/fc-seed.js';

const SEGMENT_BYTES = 4096;
const H = FRAME_HEADER_BYTES;
const LAST = 125;

/** Frame start offsets of a segment file, read from the documented header layout. */
function frameOffsets(path: string): number[] {
  const bytes = readFileSync(path);
  const offsets: number[] = [];
  for (let at = 0; at + H <= bytes.length; at += H + bytes.readUInt32LE(at + 8)) offsets.push(at);
  return offsets;
}

function segmentPath(logDir: string, firstHeight: number): string {
  return join(logDir, `segment-${String(firstHeight).padStart(12, '0')}.log`);
}

function segmentFirstHeights(logDir: string): number[] {
  return readdirSync(logDir)
    .filter((file) => file.endsWith('.log'))
    .map((file) => Number(file.slice(8, 20)))
    .sort((a, b) => a - b);
}

function assertRecords(log: BlockLog, from: number, to: number): void {
  let expected = from;
  for (const record of log.iterate(from, to)) {
    assert.equal(Buffer.from(record.payload), Buffer.from(payloadFor(record.height)), `payload of ${record.height}`);
    expected++;
  }
  assert.is(expected, to + 1);
}

let root = '';
let pristine = '';
let work = '';
/** The head file's bytes after each append of the pristine log: headAt[h] claims height h. */
const headAt: Buffer[] = [];

function setup(): void {
  root = scratchDir('corrupt');
  pristine = join(root, 'pristine');
  // fsync 'always': every frame then attests that the ones before it were durable (frame.ts).
  const { log } = BlockLog.open(pristine, { create: true, segmentBytes: SEGMENT_BYTES });
  headAt[0] = readFileSync(join(pristine, 'head'));
  for (let height = 1; height <= LAST; height++) {
    log.append(height, payloadFor(height));
    headAt[height] = readFileSync(join(pristine, 'head'));
  }
  log.close();
}

/**
 * A crash after a record reached the segment but before its append returned leaves the head
 * one record behind: the state in which damage to that record is a torn tail (never
 * acknowledged). `headClaiming(dir, h)` puts the log's head back to height h.
 */
function headClaiming(dir: string, height: number): void {
  writeFileSync(join(dir, 'head'), headAt[height] as Buffer);
}

function freshCopy(label: string): string {
  work = join(root, label);
  removeDir(work);
  cpSync(pristine, work, { recursive: true });
  return work;
}

// ── torn tails ────────────────────────────────────────────────────────────────────────────────

const torn = suite('log/torn-tail');
torn.before(setup);
torn.after(() => removeDir(root));

torn('the final record cut at every byte position: cut off, all earlier records kept, appending resumes', () => {
  const heights = segmentFirstHeights(pristine);
  const lastFirst = heights[heights.length - 1] as number;
  const offsets = frameOffsets(segmentPath(pristine, lastFirst));
  const frameStart = offsets[offsets.length - 1] as number;
  const frameEnd = statSync(segmentPath(pristine, lastFirst)).size;
  assert.ok(frameEnd - frameStart > H, 'the final frame has a payload');
  // One working copy; each case rewrites only the last segment (pristine bytes cut at `cut`).
  // fsync 'never' keeps the ~500 cases fast; what is cut and kept does not depend on fsync.
  const dir = freshCopy('cut');
  const lastBytes = readFileSync(segmentPath(pristine, lastFirst));
  let cases = 0;
  for (let cut = frameStart; cut < frameEnd; cut++) {
    writeFileSync(segmentPath(dir, lastFirst), lastBytes.subarray(0, cut));
    headClaiming(dir, LAST - 1);
    const { log, recovery } = BlockLog.open(dir, { segmentBytes: SEGMENT_BYTES, fsync: 'never' });
    assert.is(recovery.lastHeight, LAST - 1, `cut at ${cut}`);
    if (cut === frameStart) assert.is(recovery.tornTail, null, 'a clean cut at a frame boundary is not torn');
    else {
      assert.is(recovery.tornTail?.offset, frameStart);
      assert.is(recovery.tornTail?.bytes, cut - frameStart);
      assert.is(recovery.tornTail?.height, LAST);
      assert.is(recovery.tornTail?.truncated, true);
    }
    assert.is(statSync(segmentPath(dir, lastFirst)).size, frameStart);
    assert.equal(Buffer.from(log.read(LAST - 1)), Buffer.from(payloadFor(LAST - 1)));
    log.append(LAST, payloadFor(LAST));
    log.close();
    cases++;
  }
  // Spot-check the full content once (the loop above checks the neighbours of the cut).
  const { log } = BlockLog.open(work);
  assertRecords(log, 1, LAST);
  log.close();
  assert.is(cases, frameEnd - frameStart);
});

torn('a complete final record with a bad checksum is a torn tail: cut, and its bytes kept under torn/', () => {
  const dir = freshCopy('badcrc');
  const heights = segmentFirstHeights(dir);
  const path = segmentPath(dir, heights[heights.length - 1] as number);
  const offsets = frameOffsets(path);
  const frameStart = offsets[offsets.length - 1] as number;
  const frame = readFileSync(path).subarray(frameStart);
  flipByte(path, frameStart + H + 1);
  headClaiming(dir, LAST - 1);
  const { log, recovery } = BlockLog.open(dir);
  assert.is(recovery.tornTail?.problem, 'checksum_mismatch');
  assert.is(recovery.tornTail?.height, LAST);
  assert.is(log.lastHeight, LAST - 1);
  const saved = readFileSync(join(dir, recovery.tornTail?.savedTo as string));
  assert.is(saved.length, frame.length);
  assert.equal(saved.subarray(0, H), frame.subarray(0, H), 'saved bytes are the torn frame');
  log.close();
});

torn('zeros after the last record (a file extended but never written) are a torn tail', () => {
  const dir = freshCopy('zeros');
  const heights = segmentFirstHeights(dir);
  appendFileSync(segmentPath(dir, heights[heights.length - 1] as number), Buffer.alloc(3000));
  const { log, recovery } = BlockLog.open(dir);
  assert.is(recovery.tornTail?.problem, 'bad_magic');
  assert.is(recovery.tornTail?.bytes, 3000);
  assert.is(log.lastHeight, LAST);
  log.close();
});

torn('the only record of a freshly rolled segment torn: the segment stays, empty, and is written again', () => {
  const dir = freshCopy('rolltorn');
  const heights = segmentFirstHeights(dir);
  const lastFirst = heights[heights.length - 1] as number;
  // Cut the last segment inside its first frame.
  truncateSync(segmentPath(dir, lastFirst), 7);
  headClaiming(dir, lastFirst - 1);
  const { log, recovery } = BlockLog.open(dir, { segmentBytes: SEGMENT_BYTES });
  assert.is(recovery.lastHeight, lastFirst - 1);
  assert.is(statSync(segmentPath(dir, lastFirst)).size, 0);
  for (let height = lastFirst; height <= LAST; height++) log.append(height, payloadFor(height));
  assertRecords(log, 1, LAST);
  log.close();
});

torn('a read-only opener ignores a torn tail (it may be a record being written) and changes nothing', () => {
  const dir = freshCopy('rotorn');
  const heights = segmentFirstHeights(dir);
  const path = segmentPath(dir, heights[heights.length - 1] as number);
  const size = statSync(path).size;
  truncateSync(path, size - 5);
  headClaiming(dir, LAST - 1);
  const { log, recovery } = BlockLog.open(dir, { readOnly: true });
  assert.is(recovery.tornTail?.truncated, false);
  assert.is(log.lastHeight, LAST - 1);
  assert.is(statSync(path).size, size - 5, 'file untouched');
  log.close();
});

torn('power loss reordering unsynced pages: a hole inside the last appendMany batch with intact frames after it is torn, cut at the hole', () => {
  const dir = join(root, 'reorder');
  const { log } = BlockLog.open(dir, { create: true });
  for (let height = 1; height <= 20; height++) log.append(height, payloadFor(height));
  const headBeforeBatch = readFileSync(join(dir, 'head'));
  log.appendMany(Array.from({ length: 10 }, (_, i) => ({ height: 21 + i, payload: payloadFor(21 + i) })));
  log.close();
  writeFileSync(join(dir, 'head'), headBeforeBatch); // the power went before appendMany returned
  const path = segmentPath(dir, 1);
  const offsets = frameOffsets(path);
  const bytes = readFileSync(path);
  // A page that never reached the disk reads back as zeros: blank the frame of height 23.
  bytes.fill(0, offsets[22] as number, offsets[23] as number);
  writeFileSync(path, bytes);
  const { log: reopened, recovery } = BlockLog.open(dir);
  assert.is(recovery.tornTail?.height, 23);
  assert.is(recovery.tornTail?.offset, offsets[22]);
  assert.is(recovery.tornTail?.intactAfter?.height, 24, 'the intact but never-attested frames were cut with it');
  assert.is(reopened.lastHeight, 22);
  reopened.close();
});

torn('the same hole in a record that later frames attest as fsynced is corruption, not a torn tail', () => {
  const dir = join(root, 'attested');
  const { log } = BlockLog.open(dir, { create: true });
  for (let height = 1; height <= 30; height++) log.append(height, payloadFor(height));
  log.close();
  const path = segmentPath(dir, 1);
  const offsets = frameOffsets(path);
  const bytes = readFileSync(path);
  bytes.fill(0, offsets[22] as number, offsets[23] as number);
  writeFileSync(path, bytes);
  const details = errorOf(() => BlockLog.open(dir), 'log_record_corrupt');
  assert.equal([details['height'], details['offset']], [23, offsets[22]]);
});

torn('fsync batch: appends since the last fsync are the unattested window; a hole there is torn', () => {
  const dir = join(root, 'batchwindow');
  BlockLog.open(dir, { create: true }).log.close();
  const { log } = BlockLog.open(dir, { fsync: 'batch', batchIntervalMs: 3_600_000, batchMaxRecords: 1_000_000 });
  const headBeforeSync = readFileSync(join(dir, 'head'));
  for (let height = 1; height <= 12; height++) log.append(height, payloadFor(height));
  log.close();
  writeFileSync(join(dir, 'head'), headBeforeSync); // the power went before the batch's fsync
  const path = segmentPath(dir, 1);
  const offsets = frameOffsets(path);
  const bytes = readFileSync(path);
  bytes.fill(0, offsets[4] as number, offsets[5] as number);
  writeFileSync(path, bytes);
  const { log: reopened, recovery } = BlockLog.open(dir);
  assert.is(recovery.tornTail?.height, 5);
  assert.is(reopened.lastHeight, 4);
  reopened.close();
});

torn.run();

// ── damage before the tail ────────────────────────────────────────────────────────────────────

const middle = suite('log/damage-before-tail');
middle.before(setup);
middle.after(() => removeDir(root));

middle('a flipped payload byte in an early record: named by height, file and offset on full verify, read, iterate and verify()', () => {
  const dir = freshCopy('early');
  const path = segmentPath(dir, 1);
  const offset = frameOffsets(path)[3] as number; // height 4
  flipByte(path, offset + H + 2);
  const atOpen = errorOf(() => BlockLog.open(dir, { verify: 'full' }), 'log_record_corrupt');
  assert.equal([atOpen['height'], atOpen['file'], atOpen['offset'], atOpen['problem']], [4, path, offset, 'checksum_mismatch']);
  // The default open scans only the last segment; the damage surfaces on the first read of it.
  const { log } = BlockLog.open(dir);
  assert.equal(Buffer.from(log.read(3)), Buffer.from(payloadFor(3)));
  const onRead = errorOf(() => log.read(4), 'log_record_corrupt');
  assert.equal([onRead['height'], onRead['file'], onRead['offset']], [4, path, offset]);
  const onIterate = errorOf(() => [...log.iterate(1, 10)], 'log_record_corrupt');
  assert.equal([onIterate['height'], onIterate['offset']], [4, offset]);
  const onVerify = errorOf(() => log.verify(), 'log_record_corrupt');
  assert.equal([onVerify['height'], onVerify['offset']], [4, offset]);
  assert.equal(Buffer.from(log.read(5)), Buffer.from(payloadFor(5)), 'records after the damage stay readable');
  log.close();
});

middle('a flipped byte in a middle segment is reported with its height and offset', () => {
  const dir = freshCopy('mid');
  const heights = segmentFirstHeights(dir);
  assert.ok(heights.length >= 5, `need several segments, have ${heights.length}`);
  const first = heights[2] as number;
  const path = segmentPath(dir, first);
  const offsets = frameOffsets(path);
  const k = Math.floor(offsets.length / 2);
  flipByte(path, (offsets[k] as number) + H + 1);
  const details = errorOf(() => BlockLog.open(dir, { verify: 'full' }), 'log_record_corrupt');
  assert.equal([details['height'], details['file'], details['offset']], [first + k, path, offsets[k]]);
  const { log } = BlockLog.open(dir);
  const onRead = errorOf(() => log.read(first + k), 'log_record_corrupt');
  assert.equal([onRead['height'], onRead['offset']], [first + k, offsets[k]]);
  log.close();
});

middle('a damaged header in the last segment with records after it fails open (never cut), naming the expected height', () => {
  const dir = freshCopy('hdr');
  const heights = segmentFirstHeights(dir);
  const lastFirst = heights[heights.length - 1] as number;
  const path = segmentPath(dir, lastFirst);
  const offsets = frameOffsets(path);
  assert.ok(offsets.length >= 3);
  const size = statSync(path).size;
  flipByte(path, (offsets[1] as number) + 8 + 3, 0x7f); // length field: header unreadable as a frame
  const details = errorOf(() => BlockLog.open(dir), 'log_record_corrupt');
  assert.equal([details['height'], details['offset']], [lastFirst + 1, offsets[1]]);
  assert.is(statSync(path).size, size, 'nothing was truncated');
  flipByte(path, (offsets[1] as number) + 8 + 3, 0x7f); // undo; now break the magic instead
  flipByte(path, offsets[1] as number, 0xff);
  const magic = errorOf(() => BlockLog.open(dir), 'log_record_corrupt');
  assert.equal([magic['height'], magic['problem']], [lastFirst + 1, 'bad_magic']);
});

middle('intact records with a height gap or a duplicate height are log_height_sequence_broken', () => {
  for (const [label, height] of [['gap', LAST + 2], ['dup', LAST]] as const) {
    const dir = freshCopy(label);
    const heights = segmentFirstHeights(dir);
    const path = segmentPath(dir, heights[heights.length - 1] as number);
    const offset = statSync(path).size;
    appendFileSync(path, encodeFrame(height, payloadFor(height)));
    const details = errorOf(() => BlockLog.open(dir), 'log_height_sequence_broken');
    assert.equal([details['expected'], details['found'], details['offset']], [LAST + 1, height, offset], label);
  }
});

middle('missing, misnamed or foreign segments are log_segment_sequence_broken or corrupt', () => {
  let dir = freshCopy('missing-mid');
  let heights = segmentFirstHeights(dir);
  unlinkSync(segmentPath(dir, heights[2] as number));
  const gap = errorOf(() => BlockLog.open(dir), 'log_segment_sequence_broken');
  assert.is(gap['foundFirstHeight'], heights[3]);

  dir = freshCopy('missing-first');
  unlinkSync(segmentPath(dir, 1));
  errorOf(() => BlockLog.open(dir), 'log_segment_sequence_broken');

  dir = freshCopy('misnamed');
  heights = segmentFirstHeights(dir);
  renameSync(segmentPath(dir, heights[2] as number), segmentPath(dir, (heights[2] as number) + 1));
  errorOf(() => BlockLog.open(dir), 'log_segment_sequence_broken');

  dir = freshCopy('foreign');
  heights = segmentFirstHeights(dir);
  const path = segmentPath(dir, heights[1] as number);
  const size = statSync(path).size;
  truncateSync(path, 0);
  appendFileSync(path, Buffer.alloc(size, 0x41));
  const foreign = errorOf(() => BlockLog.open(dir, { verify: 'full' }), 'log_record_corrupt');
  assert.equal([foreign['height'], foreign['problem']], [heights[1], 'bad_magic']);
});

middle('repair (operator action) cuts before the damaged record, keeps the cut bytes under torn/, and appending resumes', () => {
  const dir = freshCopy('repair');
  const heights = segmentFirstHeights(dir);
  const first = heights[2] as number;
  const path = segmentPath(dir, first);
  const offsets = frameOffsets(path);
  flipByte(path, (offsets[1] as number) + H + 1);
  const { log, recovery } = BlockLog.open(dir, { repair: true, segmentBytes: SEGMENT_BYTES });
  assert.is(recovery.repaired?.fromHeight, first + 1);
  assert.is(recovery.repaired?.segmentsDeleted.length, heights.length - 3);
  assert.is(log.lastHeight, first);
  assert.ok(readdirSync(join(dir, 'torn')).length >= heights.length - 2, 'moved segments and the pre-repair copy are kept');
  for (let height = first + 1; height <= LAST; height++) log.append(height, payloadFor(height));
  assertRecords(log, 1, LAST);
  log.close();
  assert.ok(existsSync(path));
});

middle.run();

// ── one bit anywhere ──────────────────────────────────────────────────────────────────────────

const anywhere = suite('log/one-bit-anywhere');
anywhere.before(setup);
anywhere.after(() => removeDir(root));

/** Every file of a log directory, relative to it, sorted. */
function filesOf(dir: string, under = ''): string[] {
  return readdirSync(join(dir, under), { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesOf(dir, join(under, entry.name)) : [join(under, entry.name)]))
    .sort();
}

/** What opening `dir` (as the writer or a reader) and reading every record gave: a coded error, or the records. */
function openAndReadAll(dir: string, readOnly: boolean): { code: string } | { heights: number; differing: number[] } {
  try {
    const { log } = BlockLog.open(dir, readOnly ? { readOnly: true } : { segmentBytes: SEGMENT_BYTES });
    try {
      const differing: number[] = [];
      let heights = 0;
      for (const record of log.iterate(1, log.lastHeight)) {
        heights++;
        if (record.height !== heights || !Buffer.from(record.payload).equals(Buffer.from(payloadFor(record.height)))) differing.push(record.height);
      }
      return { heights, differing };
    } finally {
      log.close();
    }
  } catch (error) {
    if (isBlockLogError(error)) return { code: error.code };
    throw error;
  }
}

anywhere('one bit flipped in any file of the log: a coded error, or exactly the records written', () => {
  const files = filesOf(pristine).map((file) => ({ file, bytes: statSync(join(pristine, file)).size })).filter(({ bytes }) => bytes > 0);
  assert.ok(files.some(({ file }) => file.endsWith('.idx')) && files.some(({ file }) => file === 'head') && files.some(({ file }) => file === 'block-log.json'), files.map(({ file }) => file).join(' '));
  const flip = fc.record({ which: fc.nat(files.length - 1), at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), bit: fc.nat(7) });
  const seen = new Map<string, number>();
  fc.assert(
    fc.property(flip, ({ which, at, bit }) => {
      const { file, bytes } = files[which]!;
      const offset = Math.floor(at * bytes);
      for (const readOnly of [false, true]) {
        const dir = freshCopy('one-bit');
        flipByte(join(dir, file), offset, 1 << bit);
        const outcome = openAndReadAll(dir, readOnly);
        const where = `${file} byte ${offset} bit ${bit} (${readOnly ? 'reader' : 'writer'})`;
        if ('code' in outcome) {
          seen.set(outcome.code, (seen.get(outcome.code) ?? 0) + 1);
          continue;
        }
        assert.equal(outcome, { heights: LAST, differing: [] }, `${where}: opened without an error, so every record must be the one written`);
        seen.set('read intact', (seen.get('read intact') ?? 0) + 1);
      }
    }),
    { seed: fastCheckSeed('log/one-bit-anywhere'), numRuns: 250 },
  );
  // Flips in segments must have been caught by their checksums, not only landed in harmless bytes.
  assert.ok((seen.get('log_record_corrupt') ?? 0) > 50 && (seen.get('read intact') ?? 0) > 50, JSON.stringify([...seen]));
});

anywhere('the meta file read strictly: a flipped letter in a member name, a null, a non-boolean head', () => {
  const cases: Array<[string, (text: string) => string]> = [
    ['"head" → "heaD"', (text) => text.replace('"head"', '"heaD"')],
    ['null', () => 'null'],
    ['"head": 1', (text) => text.replace('"head":true', '"head":1')],
  ];
  for (const [label, edit] of cases) {
    const dir = freshCopy('meta');
    const path = join(dir, 'block-log.json');
    writeFileSync(path, edit(readFileSync(path, 'utf8')));
    assert.equal(openAndReadAll(dir, false), { code: 'log_meta_invalid' }, label);
  }
});

anywhere.run();
