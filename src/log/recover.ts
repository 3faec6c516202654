/**
 * What opening a log does to its segments: check the file sequence, learn each sealed segment's
 * record count (cheaply from its index, or by scanning), scan the last segment completely, cut a
 * torn tail, and rewrite any index that disagrees with its segment.
 *
 * Torn tail vs corruption (the rule, applied to the last segment only):
 * - damage (incomplete frame, bad magic/header, checksum mismatch) at offset o is a torn tail
 *   when nothing after it proves o was durable: no intact frame follows, or every intact frame
 *   that follows claims syncedBytes ≤ o (frame.ts: it was written while o was not yet fsynced —
 *   the out-of-order writeback of a power loss). That is the write in flight when the process
 *   died or the power went: cut off (writer) or ignored (reader); every earlier record is kept.
 * - damage followed by an intact frame claiming syncedBytes > o (the damaged bytes had been
 *   fsynced), or an intact frame whose height is not previous + 1, is corruption:
 *   `log_record_corrupt` / `log_height_sequence_broken`, naming the height, file and offset.
 *   Nothing is cut unless the operator opens with `repair: true`.
 * Sealed segments were fsynced before the next segment was created, so any damage in them is
 * corruption, never a torn tail.
 */
import { makeDirs } from '../core/make-dirs.js';
import { closeSync, copyFileSync, existsSync, fstatSync, ftruncateSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BlockLogError } from './errors.js';
import { INDEX_DIR, TORN_DIR, fsyncDir, indexPath, listSegments, preadFully, type SegmentName } from './files.js';
import { FrameReader, type IntactAfter } from './frame-reader.js';
import { encodeIndex, readLastIndexEntry, writeIndexFile } from './index-file.js';
import { damageError, type Segment } from './segment.js';
import { scanSegmentFile, type ScanDamage, type SegmentScan } from './segment-scan.js';

export interface TornTail {
  readonly file: string;
  readonly offset: number;
  readonly bytes: number;
  readonly problem: string;
  /** The height the torn record would have had. */
  readonly height: number;
  /** False for a read-only opener, which only ignores it (it may be a record being written). */
  readonly truncated: boolean;
  /** Where the cut bytes were kept (`torn/…`), null if not kept. */
  readonly savedTo: string | null;
  /**
   * Intact frames inside the cut (written after the damaged one but never covered by an fsync,
   * so never promised durable — only possible after a power loss or with appendMany/batch).
   */
  readonly intactAfter: IntactAfter | null;
}

export interface RepairReport {
  /** The first height dropped (the damaged record). */
  readonly fromHeight: number;
  readonly error: { readonly code: string; readonly message: string };
  readonly segmentsDeleted: readonly string[];
}

export interface LoadOptions {
  readonly readOnly: boolean;
  readonly verify: 'tail' | 'full';
  readonly repair: boolean;
  /** False under fsync 'never': recovery then skips its own fsyncs too. */
  readonly durable: boolean;
  /** The head record's height (head.ts): a damaged record at or below it was acknowledged, never a torn tail. */
  readonly acknowledgedHeight: number;
}

export interface Loaded {
  readonly segments: Segment[];
  readonly tornTail: TornTail | null;
  readonly indexRebuilt: string[];
  readonly repaired: RepairReport | null;
}

export function loadSegments(dir: string, firstHeight: number, options: LoadOptions): Loaded {
  const names = listSegments(dir);
  const first = names[0];
  if (first === undefined || first.firstHeight !== firstHeight) {
    throw new BlockLogError(
      'log_segment_sequence_broken',
      first === undefined
        ? `${dir}: no segment files (expected segment starting at height ${firstHeight})`
        : `${dir}: first segment is ${first.file}, expected one starting at height ${firstHeight}`,
      { dir, expectedFirstHeight: firstHeight, file: first?.file ?? null },
    );
  }
  if (!options.readOnly) makeDirs(join(dir, INDEX_DIR));
  const indexRebuilt: string[] = [];
  const segments: Segment[] = [];
  for (let i = 0; i < names.length - 1; i++) {
    const name = names[i] as SegmentName;
    const next = names[i + 1] as SegmentName;
    try {
      const segment = loadSealed(dir, name, options, indexRebuilt);
      if (segment.firstHeight + segment.count !== next.firstHeight) {
        throw new BlockLogError(
          'log_segment_sequence_broken',
          `${join(dir, name.file)} ends at height ${segment.firstHeight + segment.count - 1} but the next segment is ${next.file}`,
          { file: join(dir, next.file), expectedFirstHeight: segment.firstHeight + segment.count, foundFirstHeight: next.firstHeight },
        );
      }
      segments.push(segment);
    } catch (error) {
      if (!options.repair || !(error instanceof BlockLogError)) throw error;
      const repaired = repairAt(dir, names, i, error);
      const last = loadLast(dir, name, options, indexRebuilt);
      return { segments: [...segments, last.segment], tornTail: null, indexRebuilt, repaired };
    }
  }
  const lastName = names[names.length - 1] as SegmentName;
  try {
    const last = loadLast(dir, lastName, options, indexRebuilt);
    return { segments: [...segments, last.segment], tornTail: last.tornTail, indexRebuilt, repaired: null };
  } catch (error) {
    if (!options.repair || !(error instanceof BlockLogError)) throw error;
    const repaired = repairAt(dir, names, names.length - 1, error);
    const last = loadLast(dir, lastName, options, indexRebuilt);
    return { segments: [...segments, last.segment], tornTail: null, indexRebuilt, repaired };
  }
}

/** A sealed segment: its count from the index (checked against the segment's last frame), or a scan. */
function loadSealed(dir: string, name: SegmentName, options: LoadOptions, indexRebuilt: string[]): Segment {
  const path = join(dir, name.file);
  const bytes = statSync(path).size;
  if (options.verify === 'tail') {
    const last = readLastIndexEntry(indexPath(dir, name.firstHeight));
    if (last !== null && lastFrameMatches(path, bytes, last.lastOffset, name.firstHeight + last.count - 1)) {
      return { firstHeight: name.firstHeight, file: name.file, count: last.count, bytes, offsets: null, offsetsFromScan: false };
    }
  }
  const scan = scanSegmentFile(path, name.firstHeight, { lookPastDamage: true });
  if (scan.damage !== null) throw damageError(dir, name.file, scan.damage, true);
  syncIndexFile(dir, name, scan.offsets, options.readOnly, indexRebuilt);
  return { firstHeight: name.firstHeight, file: name.file, count: scan.offsets.length, bytes, offsets: scan.offsets, offsetsFromScan: true };
}

/** Is the frame at `offset` intact, of `height`, and does it end exactly where the file ends? */
function lastFrameMatches(path: string, fileBytes: number, offset: number, height: number): boolean {
  if (offset >= fileBytes) return false;
  const fd = openSync(path, 'r');
  try {
    const step = new FrameReader(fd, fileBytes, offset, 0).next();
    return step.kind === 'frame' && step.height === height && step.offset + step.bytes === fileBytes;
  } finally {
    closeSync(fd);
  }
}

function loadLast(dir: string, name: SegmentName, options: LoadOptions, indexRebuilt: string[]): { segment: Segment; tornTail: TornTail | null } {
  const path = join(dir, name.file);
  // Read-only openers look past damage too: a live writer can leave only a partial LAST frame,
  // so damage followed by attested intact frames is corruption for a reader as well (a replay
  // must report it with its height, not stop there as if the log ended).
  const scan = scanSegmentFile(path, name.firstHeight, { lookPastDamage: true });
  let tornTail: TornTail | null = null;
  if (scan.damage !== null) {
    if (!isTornTail(scan.damage) || scan.damage.expectedHeight <= options.acknowledgedHeight) {
      throw damageError(dir, name.file, scan.damage, false, options.acknowledgedHeight);
    }
    tornTail = options.readOnly ? describeTorn(name, scan, scan.damage, false, null) : cutTornTail(dir, name, scan, scan.damage, options.durable);
  }
  syncIndexFile(dir, name, scan.offsets, options.readOnly, indexRebuilt, true);
  const segment: Segment = {
    firstHeight: name.firstHeight,
    file: name.file,
    count: scan.offsets.length,
    bytes: scan.validBytes,
    offsets: scan.offsets,
    offsetsFromScan: true,
  };
  return { segment, tornTail };
}

/** The rule above. */
export function isTornTail(damage: ScanDamage): boolean {
  if (damage.problem === 'height_mismatch') return false;
  return damage.intactAfter === null || damage.intactAfter.maxSyncedBytes <= damage.offset;
}

function describeTorn(name: SegmentName, scan: SegmentScan, damage: ScanDamage, truncated: boolean, savedTo: string | null): TornTail {
  return {
    file: name.file,
    offset: damage.offset,
    bytes: scan.fileBytes - damage.offset,
    problem: damage.problem,
    height: damage.expectedHeight,
    truncated,
    savedTo,
    intactAfter: damage.intactAfter,
  };
}

/** Keeps the torn bytes under torn/ (for forensics), then truncates the segment and fsyncs it. */
function cutTornTail(dir: string, name: SegmentName, scan: SegmentScan, damage: ScanDamage, durable: boolean): TornTail {
  const path = join(dir, name.file);
  const fd = openSync(path, 'r+');
  try {
    const tornBytes = scan.fileBytes - damage.offset;
    const saved = Buffer.allocUnsafe(tornBytes);
    const got = preadFully(fd, saved, 0, tornBytes, damage.offset);
    makeDirs(join(dir, TORN_DIR));
    const savedTo = join(TORN_DIR, `${name.file}@${damage.offset}.${process.pid}.${Date.now()}.torn`);
    writeFileSync(join(dir, savedTo), saved.subarray(0, got));
    ftruncateSync(fd, damage.offset);
    if (durable) fsyncSync(fd);
    return describeTorn(name, scan, damage, true, savedTo);
  } finally {
    closeSync(fd);
  }
}

/**
 * Rewrites the segment's index file when it differs from what the scan found. The last
 * segment's index lags its segment by design after a crash (it is written at roll and close,
 * index-file.ts): a file that is a prefix of the right one is brought up to date without being
 * reported as rebuilt; anything else (missing, damaged) is reported.
 */
function syncIndexFile(dir: string, name: SegmentName, offsets: readonly number[], readOnly: boolean, indexRebuilt: string[], lagExpected = false): void {
  const path = indexPath(dir, name.firstHeight);
  const wanted = encodeIndex(offsets);
  const found = existsSync(path) ? readFileSync(path) : null;
  if (found !== null && found.equals(wanted)) return;
  const lagging = lagExpected && found !== null && found.length < wanted.length && wanted.subarray(0, found.length).equals(found);
  if (!lagging) indexRebuilt.push(name.file);
  if (!readOnly) writeIndexFile(path, offsets);
}

/**
 * `repair: true`: keep everything before the damaged record and cut what follows (later segments
 * first, so a crash half-way leaves a shorter but consistent log). Nothing is destroyed: later
 * segments are moved to torn/, and the damaged segment is copied there before it is truncated.
 */
function repairAt(dir: string, names: readonly SegmentName[], index: number, error: BlockLogError): RepairReport {
  const segmentsDeleted: string[] = [];
  const stamp = `${process.pid}.${Date.now()}`;
  makeDirs(join(dir, TORN_DIR));
  for (let j = names.length - 1; j > index; j--) {
    const later = names[j] as SegmentName;
    // Moved aside, not destroyed: repair gives up these blocks for the log, not for forensics.
    renameSync(join(dir, later.file), join(dir, TORN_DIR, `${later.file}.after-repair.${stamp}`));
    const idx = indexPath(dir, later.firstHeight);
    if (existsSync(idx)) unlinkSync(idx);
    segmentsDeleted.push(later.file);
  }
  fsyncDir(dir);
  const name = names[index] as SegmentName;
  const path = join(dir, name.file);
  const details = error.context;
  const height = [details['height'], details['expected'], details['expectedFirstHeight']].find((value) => typeof value === 'number') as number | undefined;
  const offset = details['offset'];
  if (typeof offset === 'number' && details['file'] === path) {
    copyFileSync(path, join(dir, TORN_DIR, `${name.file}.before-repair.${stamp}`));
    const fd = openSync(path, 'r+');
    try {
      if (offset < fstatSync(fd).size) ftruncateSync(fd, offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
  return {
    fromHeight: height ?? name.firstHeight,
    error: { code: error.code, message: error.message },
    segmentsDeleted,
  };
}
