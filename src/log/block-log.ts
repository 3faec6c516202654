/**
 * BlockLog: the durable, append-only log of opaque block records (API summary in index.ts).
 *
 * Writer state lives in memory (segments with their counts, byte sizes and — loaded lazily —
 * frame offsets); the files are the truth and every read re-checks the frame it gets. All fs
 * calls are synchronous on purpose (see files.ts).
 */
import { makeDirs } from '../core/make-dirs.js';
import { closeSync, existsSync, fdatasyncSync, ftruncateSync, openSync, renameSync, rmSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BlockLogError } from './errors.js';
import { INDEX_DIR, fsyncDir, indexPath, listSegments, preadFully, pwriteFully, segmentFileName } from './files.js';
import { FRAME_HEADER_BYTES, FRAME_MAX_PAYLOAD_BYTES, decodeHeader, encodeFrameInto, frameChecksumOk } from './frame.js';
import { FrameReader, type FrameProblem } from './frame-reader.js';
import { INDEX_ENTRY_BYTES, encodeIndex, readIndexFile, validIndex, writeIndexFile } from './index-file.js';
import { HeadWriter, createHeadFile, headPath, openHead, type HeadRecord } from './head.js';
import { acquireLock, releaseLock, type HeldLock, type StaleLock } from './lock.js';
import { metaExists, readMeta, writeMeta, type LogMeta } from './meta.js';
import { loadSegments, type RepairReport, type TornTail } from './recover.js';
import { damageError, lastHeightOf, type Segment } from './segment.js';
import { scanSegmentFile } from './segment-scan.js';
import { createLog, refuseSegmentsWithoutMeta } from './create.js';
import { invalid, settingsOf, type BlockLogOptions, type Settings } from './settings.js';

export interface OpenRecovery {
  readonly created: boolean;
  /** The stale writer lock taken over (its process was dead, or the file empty/unreadable), or null. */
  readonly staleLockTakenOver: StaleLock | null;
  /** The torn tail cut off (or, read-only, ignored), or null. */
  readonly tornTail: TornTail | null;
  /** Segment files whose index file was missing or wrong and was rebuilt by scanning. */
  readonly indexRebuilt: readonly string[];
  /** What `repair: true` cut, or null. */
  readonly repaired: RepairReport | null;
  /**
   * The head record as found at open (head.ts): the last height known acknowledged, or null for
   * a log made before head records existed (and for a repaired log whose head was unreadable).
   */
  readonly head: { readonly height: number; readonly file: string } | null;
  /** A head slot that failed its checksum (a torn head write; the other slot was used), or null. */
  readonly headSlotDamaged: number | null;
  /** Why a head file was (re)written from the log at open: an old log upgraded, or a repair. */
  readonly headCreated: 'upgraded' | 'repaired' | null;
  /** `repair: true` accepted the loss of these acknowledged heights (head above the log's end). */
  readonly lossAccepted: { readonly fromHeight: number; readonly toHeight: number } | null;
  readonly verified: 'tail' | 'full';
  readonly segments: number;
  readonly firstHeight: number;
  readonly lastHeight: number;
}

export interface LogRecord {
  readonly height: number;
  readonly payload: Uint8Array;
}

export interface VerifyReport {
  readonly segments: number;
  readonly records: number;
  readonly bytes: number;
}


/** Read file descriptors kept open for `read()` of sealed segments. */
const READ_FD_CACHE = 8;

/** `<data>/events`: where a data directory keeps its block log. */
export const blockLogDir = (dataDir: string): string => join(dataDir, 'events');

/** The last stored height of the log in `dir` (a data directory's events/), read without the writer's lock. */
export function lastStoredHeight(dir: string): number {
  const { log } = BlockLog.open(dir, { readOnly: true });
  try {
    return log.lastHeight;
  } finally {
    log.close();
  }
}

export class BlockLog {
  private activeFd = -1;
  private activeIndexFd = -1;
  private readonly readFds = new Map<number, number>();
  private pendingRecords = 0;
  /** Bytes of the active segment known durable; written into each new frame (frame.ts). */
  private syncedBytes = 0;
  /** Entries of the active segment already in its index file (the rest are written at roll/close). */
  private indexFlushedCount = 0;
  private lastSyncAt = performance.now();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private failure: Error | undefined;
  private readonly rebuilt: string[] = [];
  private headWriter: HeadWriter | null = null;
  /** The height the head file claims now (writer). */
  private headHeight = -1;
  /** CRC field of the last record's frame (what the head records next to its height). */
  private lastFrameCrc = 0;

  private constructor(
    readonly dir: string,
    readonly firstHeight: number,
    private readonly settings: Settings,
    private readonly segments: Segment[],
    private readonly lock: HeldLock | null,
  ) {}

  // ── opening ────────────────────────────────────────────────────────────────────────────────

  static open(dir: string, options: BlockLogOptions = {}): { log: BlockLog; recovery: OpenRecovery } {
    const settings = settingsOf(options);
    const verify = options.repair === true ? 'full' : (options.verify ?? 'tail');
    if (options.repair === true && settings.readOnly) throw invalid('repair needs a writer (readOnly: false)');
    let created = false;
    if (!metaExists(dir)) {
      refuseSegmentsWithoutMeta(dir, options.firstHeight ?? (options.create === true ? 1 : undefined));
      if (options.create !== true || settings.readOnly) {
        throw new BlockLogError('log_not_found', `${dir} holds no block log (no block-log.json)`, { dir });
      }
      makeDirs(dir);
    }
    const lock = settings.readOnly ? null : acquireLock(dir);
    let log: BlockLog | undefined;
    try {
      if (!metaExists(dir)) {
        createLog(dir, options.firstHeight ?? 1);
        created = true;
      }
      const meta = readMeta(dir);
      if (options.firstHeight !== undefined && options.firstHeight !== meta.firstHeight) {
        throw new BlockLogError('log_first_height_mismatch', `${dir} starts at height ${meta.firstHeight}, not ${options.firstHeight}`, {
          dir,
          firstHeight: meta.firstHeight,
          requested: options.firstHeight,
        });
      }
      // The head is read BEFORE the segments: a live writer only moves it forward after the
      // records it names are on disk, so a reader never sees a head ahead of the segments it lists.
      const headRead = openHead(dir, meta, options.repair === true);
      const acknowledged = headRead?.head.height ?? meta.firstHeight - 1;
      const loaded = loadSegments(dir, meta.firstHeight, {
        readOnly: settings.readOnly,
        verify,
        repair: options.repair === true,
        durable: settings.fsync !== 'never',
        acknowledgedHeight: acknowledged,
      });
      log = new BlockLog(dir, meta.firstHeight, settings, loaded.segments, lock);
      log.rebuilt.push(...loaded.indexRebuilt);
      if (!settings.readOnly) log.openActive();
      const lossAccepted = log.checkAgainstHead(headRead?.head ?? null, options.repair === true);
      if (options.cutAbove !== undefined) log.cutAboveHead(headRead?.head ?? null, options.cutAbove);
      const headCreated = settings.readOnly ? null : log.openHeadWriter(meta, headRead?.head ?? null, lossAccepted !== null || options.repair === true);
      const recovery: OpenRecovery = {
        created,
        staleLockTakenOver: lock?.takenOverFrom ?? null,
        tornTail: loaded.tornTail,
        indexRebuilt: loaded.indexRebuilt,
        repaired: loaded.repaired,
        head: headRead === null ? null : { height: headRead.head.height, file: headPath(dir) },
        headSlotDamaged: headRead?.damagedSlot ?? null,
        headCreated,
        lossAccepted,
        verified: verify,
        segments: loaded.segments.length,
        firstHeight: meta.firstHeight,
        lastHeight: log.lastHeight,
      };
      return { log, recovery };
    } catch (error) {
      if (log !== undefined) {
        log.failure = error as Error; // close files without writing anything
        log.close();
      }
      if (lock !== null) releaseLock(lock);
      throw error;
    }
  }

  /**
   * Deletes the derived index and rebuilds it by scanning every segment (which also verifies
   * every record). Takes the writer lock for the duration.
   */
  static rebuildIndex(dir: string): OpenRecovery {
    if (!metaExists(dir)) throw new BlockLogError('log_not_found', `${dir} holds no block log`, { dir });
    const lock = acquireLock(dir);
    try {
      const indexDir = join(dir, INDEX_DIR);
      if (existsSync(indexDir)) renameSync(indexDir, `${indexDir}.old-${process.pid}`);
      releaseLock(lock);
      const { log, recovery } = BlockLog.open(dir, { verify: 'full' });
      log.close();
      removeTree(`${indexDir}.old-${process.pid}`);
      return recovery;
    } catch (error) {
      releaseLock(lock);
      throw error;
    }
  }

  private openActive(): void {
    const active = this.active();
    this.activeFd = openSync(join(this.dir, active.file), 'r+');
    this.activeIndexFd = openSync(indexPath(this.dir, active.firstHeight), 'r+');
    this.indexFlushedCount = active.count; // opening (or truncateAfter) left the file matching the segment
    // Make what the scan accepted durable, so new frames may claim it (0 = claim nothing).
    if (this.settings.fsync !== 'never') fdatasyncSync(this.activeFd);
    this.syncedBytes = this.settings.fsync === 'never' ? 0 : active.bytes;
    if (this.settings.fsync === 'batch') {
      this.timer = setInterval(() => this.syncFromTimer(), this.settings.batchIntervalMs);
      this.timer.unref();
    }
  }

  /**
   * The segments must hold every record the head says was acknowledged, and the record at the
   * head's height must be the one acknowledged (same frame CRC). `repair` accepts a loss (the
   * operator's decision) and returns it; otherwise a loss is `log_records_lost` naming the heights.
   */
  private checkAgainstHead(head: HeadRecord | null, repair: boolean): { fromHeight: number; toHeight: number } | null {
    if (head === null) return null;
    const last = this.lastHeight;
    if (last < head.height) {
      if (repair) return { fromHeight: last + 1, toHeight: head.height };
      const segments = this.segments.map((segment) => segment.file);
      throw new BlockLogError(
        'log_records_lost',
        `acknowledged records of heights ${last + 1}…${head.height} are missing: the segments end at height ${last} but ${headPath(this.dir)} records height ${head.height} as durable (a segment file deleted, emptied or truncated?). Restore the missing segment from a backup, or accept the loss with \`pokt-ledger repair\``,
        { fromHeight: last + 1, toHeight: head.height, lastHeight: last, headFile: headPath(this.dir), segments },
      );
    }
    if (head.height < this.firstHeight) return null;
    const segment = this.segmentOf(head.height, 'head check');
    const crc = this.frameCrcAt(head.height);
    if (crc !== head.frameCrc) {
      if (repair) return null;
      throw new BlockLogError(
        'log_head_mismatch',
        `the record of height ${head.height} in ${join(this.dir, segment.file)} is not the one acknowledged (frame CRC ${hex32(crc)}, the head record says ${hex32(head.frameCrc)}): a segment was replaced or rewritten`,
        { height: head.height, file: join(this.dir, segment.file), headFile: headPath(this.dir), foundCrc: crc, headCrc: head.frameCrc },
      );
    }
    return null;
  }

  /** See BlockLogOptions.cutAbove: truncate to `height` with the head left where it is (≤ height). */
  private cutAboveHead(head: HeadRecord | null, height: number): void {
    if (this.settings.readOnly) throw invalid('cutAbove needs a writer (readOnly: false)');
    if (head === null || head.height > height) throw invalid(`cutAbove(${height}): the head record claims height ${head?.height ?? 'none'}, above the cut`);
    if (this.lastHeight <= height) return;
    this.headWriter = new HeadWriter(this.dir, head.seq);
    this.headHeight = head.height;
    this.truncateAfter(height);
  }

  /**
   * Writer: opens the head file for in-place updates and makes it claim everything now on disk
   * (openActive just fsynced the active segment; sealed ones were fsynced when they were sealed).
   * A log without a head file gets one: an old log (meta without `head`) or a repaired one.
   */
  private openHeadWriter(meta: LogMeta, head: HeadRecord | null, rewrite: boolean): OpenRecovery['headCreated'] {
    const durable = this.settings.fsync !== 'never';
    this.lastFrameCrc = this.frameCrcAt(this.lastHeight);
    let created: OpenRecovery['headCreated'] = null;
    if (this.headWriter !== null) {
      this.advanceHead(durable); // cutAboveHead opened it already
      return null;
    }
    if (head === null || rewrite) {
      head = createHeadFile(this.dir, this.lastHeight, this.lastFrameCrc, this.firstHeight, durable);
      created = meta.head ? 'repaired' : 'upgraded';
      if (!meta.head) writeMeta(this.dir, this.firstHeight);
    }
    this.headWriter = new HeadWriter(this.dir, head.seq);
    this.headHeight = head.height;
    this.advanceHead(durable);
    return created;
  }

  /** The CRC field of `height`'s frame, after a checked read (0 for firstHeight − 1: no record). */
  private frameCrcAt(height: number): number {
    if (height < this.firstHeight) return 0;
    this.read(height); // throws log_record_corrupt (naming height, file, offset) if it is damaged
    return this.readAt(this.segmentOf(height, 'frame CRC'), height).crc;
  }

  /** Makes the head claim lastHeight (only call once the records up to it are durable, or in mode 'never'). */
  private advanceHead(durable: boolean): void {
    if (this.headWriter === null || this.headHeight === this.lastHeight) return;
    this.headWriter.write(this.lastHeight, this.lastFrameCrc, this.firstHeight, durable);
    this.headHeight = this.lastHeight;
  }

  // ── state ──────────────────────────────────────────────────────────────────────────────────

  /** Height of the last record; firstHeight − 1 when the log is empty. */
  get lastHeight(): number {
    return lastHeightOf(this.active());
  }

  get readOnly(): boolean {
    return this.settings.readOnly;
  }

  /** Segment files whose index was rebuilt since open (at open, or found wrong while reading). */
  get indexRebuilt(): readonly string[] {
    return this.rebuilt;
  }

  /** Segment file names, oldest first. */
  get segmentFiles(): readonly string[] {
    return this.segments.map((segment) => segment.file);
  }

  private active(): Segment {
    return this.segments[this.segments.length - 1] as Segment;
  }

  // ── appending ──────────────────────────────────────────────────────────────────────────────

  /** Appends one record; with fsync 'always' it is on disk (write + fdatasync) when this returns. */
  append(height: number, payload: Uint8Array): void {
    this.appendMany([{ height, payload }]);
  }

  /**
   * Appends records of consecutive heights with one write per segment touched and one fsync.
   * All are validated before anything is written. Durable together when this returns ('always').
   */
  appendMany(records: readonly LogRecord[]): void {
    this.checkWritable();
    if (records.length === 0) return;
    this.validateRecords(records);
    try {
      let start = 0;
      while (start < records.length) {
        const end = this.recordsFittingActive(records, start);
        if (end === start) {
          this.roll(records[start]?.height as number);
          continue;
        }
        this.writeGroup(records, start, end);
        start = end;
      }
      this.afterWrite();
    } catch (error) {
      // The files may now hold part of this call; only reopening (which re-scans) knows what.
      this.failure = error as Error;
      throw error;
    }
  }

  /** Forces unsynced appends to disk (any mode); a no-op when nothing is pending. */
  sync(): void {
    this.checkWritable();
    this.syncNow();
  }

  private validateRecords(records: readonly LogRecord[]): void {
    let expected = this.lastHeight + 1;
    for (const record of records) {
      if (!(record.payload instanceof Uint8Array)) throw invalid(`payload of height ${String(record.height)} is not a Uint8Array`);
      if (record.height !== expected) {
        throw new BlockLogError('log_height_out_of_order', `append of height ${String(record.height)}, expected ${expected}`, {
          expected,
          got: record.height,
        });
      }
      if (record.payload.length > this.settings.maxPayloadBytes) {
        throw new BlockLogError(
          'log_payload_too_large',
          `payload of height ${expected} is ${record.payload.length} bytes, max ${this.settings.maxPayloadBytes}`,
          { height: expected, bytes: record.payload.length, max: this.settings.maxPayloadBytes },
        );
      }
      expected++;
    }
  }

  /** End (exclusive) of the run of records from `start` that fits the active segment. */
  private recordsFittingActive(records: readonly LogRecord[], start: number): number {
    const active = this.active();
    let bytes = active.bytes;
    let end = start;
    while (end < records.length) {
      const frame = FRAME_HEADER_BYTES + (records[end] as LogRecord).payload.length;
      // A frame larger than a whole segment still goes in, alone, into an empty segment.
      if (bytes > 0 && bytes + frame > this.settings.segmentBytes) break;
      bytes += frame;
      end++;
    }
    return end;
  }

  private writeGroup(records: readonly LogRecord[], start: number, end: number): void {
    const active = this.active();
    let total = 0;
    for (let i = start; i < end; i++) total += FRAME_HEADER_BYTES + (records[i] as LogRecord).payload.length;
    const frames = Buffer.allocUnsafe(total);
    const newOffsets: number[] = [];
    let at = 0;
    let lastCrc = 0;
    for (let i = start; i < end; i++) {
      const record = records[i] as LogRecord;
      newOffsets.push(active.bytes + at);
      const frameAt = at;
      at += encodeFrameInto(frames, at, record.height, record.payload, this.syncedBytes);
      lastCrc = frames.readUInt32LE(frameAt + 4); // the frame's CRC field (frame.ts), for the head record
    }
    pwriteFully(this.activeFd, frames, active.bytes, join(this.dir, active.file));
    this.lastFrameCrc = lastCrc;
    // Memory moves only after the write succeeded (a failure poisons the log; reopen rescans).
    const offsets = active.offsets as number[];
    for (const offset of newOffsets) offsets.push(offset);
    active.bytes += total;
    active.count += end - start;
    this.pendingRecords += end - start;
  }

  /**
   * Writes the active segment's index entries not yet in its file. Deferred to roll and close:
   * while a segment is active its index lives in memory, and opening always rebuilds the last
   * segment's index from a scan anyway — so writing it per append would be a syscall for nothing.
   */
  private flushIndex(): void {
    const active = this.active();
    const offsets = active.offsets as number[];
    if (this.indexFlushedCount >= active.count) return;
    pwriteFully(this.activeIndexFd, encodeIndex(offsets.slice(this.indexFlushedCount)), this.indexFlushedCount * INDEX_ENTRY_BYTES, indexPath(this.dir, active.firstHeight));
    this.indexFlushedCount = active.count;
  }

  /**
   * Seals the active segment (fsync of its data and index) and starts a new one named after the
   * next height, fsyncing the directory so the new file survives a power loss.
   */
  private roll(nextHeight: number): void {
    this.flushIndex();
    if (this.settings.fsync !== 'never') {
      fdatasyncSync(this.activeFd);
      fdatasyncSync(this.activeIndexFd);
      this.pendingRecords = 0;
      this.lastSyncAt = performance.now();
    }
    closeSync(this.activeFd);
    closeSync(this.activeIndexFd);
    this.activeFd = -1;
    this.activeIndexFd = -1;
    const file = segmentFileName(nextHeight);
    this.activeFd = openSync(join(this.dir, file), 'wx+');
    this.activeIndexFd = openSync(indexPath(this.dir, nextHeight), 'w+');
    if (this.settings.fsync !== 'never') fsyncDir(this.dir);
    this.segments.push({ firstHeight: nextHeight, file, count: 0, bytes: 0, offsets: [], offsetsFromScan: true });
    this.indexFlushedCount = 0;
    this.syncedBytes = 0;
  }

  private afterWrite(): void {
    if (this.settings.fsync === 'always') this.syncNow();
    else if (this.settings.fsync === 'batch') {
      const due = performance.now() - this.lastSyncAt >= this.settings.batchIntervalMs;
      if (due || this.pendingRecords >= this.settings.batchMaxRecords) this.syncNow();
    } else this.advanceHead(false); // 'never': the head claims what was acknowledged, unsynced
  }

  /** fdatasync of the segment, THEN the head moved to what is now durable (head.ts: ordering). */
  private syncNow(): void {
    if (this.pendingRecords > 0) {
      fdatasyncSync(this.activeFd);
      this.syncedBytes = this.active().bytes;
      this.pendingRecords = 0;
      this.lastSyncAt = performance.now();
    }
    this.advanceHead(true);
  }

  private syncFromTimer(): void {
    if (this.closed || this.failure !== undefined || this.pendingRecords === 0) return;
    try {
      this.syncNow();
    } catch (error) {
      // After a failed fsync the page cache state is unknown: refuse further appends.
      this.failure = error as Error;
    }
  }

  private checkOpen(): void {
    if (this.closed) throw new BlockLogError('log_closed', `block log ${this.dir} is closed`, { dir: this.dir });
  }

  private checkWritable(): void {
    this.checkOpen();
    if (this.settings.readOnly) throw new BlockLogError('log_read_only', `block log ${this.dir} was opened read-only`, { dir: this.dir });
    if (this.failure !== undefined) {
      throw new BlockLogError('log_closed', `an earlier write or fsync failed (${this.failure.message}); close and reopen the log`, {
        dir: this.dir,
        cause: this.failure.message,
      });
    }
  }

  // ── reading ────────────────────────────────────────────────────────────────────────────────

  /** The payload of `height` (checked: magic, height, length, checksum). One pread. */
  read(height: number): Uint8Array {
    this.checkOpen();
    const segment = this.segmentOf(height, 'read');
    const first = this.readAt(segment, height);
    if (first.payload !== null) return first.payload;
    if (!segment.offsetsFromScan) {
      // Perhaps the index is wrong rather than the segment: rebuild it from the segment and retry.
      this.rebuildSegmentIndex(segment);
      const second = this.readAt(segment, height);
      if (second.payload !== null) return second.payload;
      throw this.corruptAt(segment, height, second.offset, second.problem);
    }
    throw this.corruptAt(segment, height, first.offset, first.problem);
  }

  /**
   * Records fromHeight … toHeight (default: lastHeight now) in order, streamed with big reads;
   * every record is checksummed. Payloads are views of read buffers the log never reuses.
   * Do not `truncateAfter` while an iteration is in progress.
   */
  iterate(fromHeight: number, toHeight: number = this.lastHeight): Generator<LogRecord, void, undefined> {
    this.checkOpen();
    this.checkRange(fromHeight, toHeight);
    return this.records(fromHeight, toHeight);
  }

  private *records(fromHeight: number, toHeight: number): Generator<LogRecord, void, undefined> {
    let height = fromHeight;
    let index = height <= toHeight ? this.segmentIndexOf(height) : this.segments.length;
    while (height <= toHeight) {
      const segment = this.segments[index] as Segment;
      const startOffset = this.startOffsetOf(segment, height);
      const fd = openSync(join(this.dir, segment.file), 'r');
      try {
        const reader = new FrameReader(fd, segment.bytes, startOffset, this.settings.readChunkBytes);
        const segmentLast = Math.min(lastHeightOf(segment), toHeight);
        while (height <= segmentLast) {
          const step = reader.next();
          if (step.kind !== 'frame' || step.height !== height) {
            throw this.corruptAt(segment, height, reader.offset, step.kind === 'frame' ? 'height_mismatch' : step.kind === 'end' ? 'incomplete' : step.problem);
          }
          yield { height, payload: step.payload };
          height++;
        }
      } finally {
        closeSync(fd);
      }
      index++;
    }
  }

  /** Scans every record of every segment (checksums, heights, sequence); throws on the first damage. */
  verify(): VerifyReport {
    this.checkOpen();
    let records = 0;
    let bytes = 0;
    for (const segment of this.segments) {
      const scan = scanSegmentFile(join(this.dir, segment.file), segment.firstHeight, { lookPastDamage: true, fileBytes: segment.bytes });
      if (scan.damage !== null) throw damageError(this.dir, segment.file, scan.damage, true);
      if (scan.offsets.length !== segment.count) {
        throw new BlockLogError('log_segment_sequence_broken', `${segment.file} holds ${scan.offsets.length} records, expected ${segment.count}`, {
          file: join(this.dir, segment.file),
        });
      }
      records += segment.count;
      bytes += segment.bytes;
    }
    return { segments: this.segments.length, records, bytes };
  }

  /**
   * Read-only logs: picks up records a live writer appended since open (or the last refresh),
   * including new segments. Only complete, checksummed records become visible; a partial frame
   * at the end is left for the next refresh. Returns the new lastHeight.
   */
  refresh(): number {
    this.checkOpen();
    if (!this.settings.readOnly) return this.lastHeight;
    const names = listSegments(this.dir).filter((name) => name.firstHeight > this.active().firstHeight);
    this.extendTail(names.length > 0);
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as { firstHeight: number; file: string };
      if (name.firstHeight !== this.lastHeight + 1) {
        throw new BlockLogError('log_segment_sequence_broken', `${name.file} follows a segment ending at height ${this.lastHeight}`, {
          file: join(this.dir, name.file),
          expectedFirstHeight: this.lastHeight + 1,
        });
      }
      this.segments.push({ firstHeight: name.firstHeight, file: name.file, count: 0, bytes: 0, offsets: [], offsetsFromScan: true });
      this.extendTail(i < names.length - 1);
    }
    return this.lastHeight;
  }

  /** Scans the last known segment from its known end; `sealed` = a later segment exists. */
  private extendTail(sealed: boolean): void {
    const active = this.active();
    const scan = scanSegmentFile(join(this.dir, active.file), active.firstHeight, {
      lookPastDamage: false,
      fromOffset: active.bytes,
      fromHeight: active.firstHeight + active.count,
    });
    if (sealed && scan.damage !== null) throw damageError(this.dir, active.file, scan.damage, true);
    (active.offsets as number[]).push(...scan.offsets);
    active.count += scan.offsets.length;
    active.bytes = scan.validBytes;
  }

  private readAt(segment: Segment, height: number): { payload: Uint8Array | null; offset: number; problem: FrameProblem | 'height_mismatch'; crc: number } {
    const offsets = this.offsetsOf(segment);
    const i = height - segment.firstHeight;
    const offset = offsets[i] as number;
    const end = i + 1 < segment.count ? (offsets[i + 1] as number) : segment.bytes;
    const length = end - offset;
    if (!(length >= FRAME_HEADER_BYTES && length <= FRAME_HEADER_BYTES + FRAME_MAX_PAYLOAD_BYTES)) return { payload: null, offset, problem: 'incomplete', crc: -1 };
    const buf = Buffer.allocUnsafe(length);
    if (preadFully(this.readFd(segment), buf, 0, length, offset) !== length) return { payload: null, offset, problem: 'incomplete', crc: -1 };
    const header = decodeHeader(buf, 0);
    if (typeof header === 'string') return { payload: null, offset, problem: header, crc: -1 };
    if (header.length !== length - FRAME_HEADER_BYTES) return { payload: null, offset, problem: 'length_out_of_range', crc: -1 };
    if (header.height !== height) return { payload: null, offset, problem: 'height_mismatch', crc: -1 };
    if (!frameChecksumOk(buf, 0, header)) return { payload: null, offset, problem: 'checksum_mismatch', crc: -1 };
    return { payload: buf.subarray(FRAME_HEADER_BYTES), offset, problem: 'incomplete', crc: header.crc };
  }

  /** Offset of `height`'s frame, confirming it when it comes from an index file. */
  private startOffsetOf(segment: Segment, height: number): number {
    if (height === segment.firstHeight) return 0;
    const offset = this.offsetsOf(segment)[height - segment.firstHeight] as number;
    if (segment.offsetsFromScan || this.readAt(segment, height).payload !== null) return offset;
    this.rebuildSegmentIndex(segment);
    return this.offsetsOf(segment)[height - segment.firstHeight] as number;
  }

  private offsetsOf(segment: Segment): number[] {
    if (segment.offsets !== null) return segment.offsets;
    const offsets = readIndexFile(indexPath(this.dir, segment.firstHeight));
    if (offsets !== null && validIndex(offsets, segment.count, segment.bytes)) {
      segment.offsets = offsets;
      return offsets;
    }
    return this.rebuildSegmentIndex(segment);
  }

  /** Sealed segments only (the active one's offsets always come from a scan). */
  private rebuildSegmentIndex(segment: Segment): number[] {
    const scan = scanSegmentFile(join(this.dir, segment.file), segment.firstHeight, { lookPastDamage: true, fileBytes: segment.bytes });
    if (scan.damage !== null) throw damageError(this.dir, segment.file, scan.damage, true);
    if (scan.offsets.length !== segment.count) {
      throw new BlockLogError('log_segment_sequence_broken', `${segment.file} holds ${scan.offsets.length} records, expected ${segment.count}`, {
        file: join(this.dir, segment.file),
      });
    }
    segment.offsets = scan.offsets;
    segment.offsetsFromScan = true;
    this.rebuilt.push(segment.file);
    if (!this.settings.readOnly && segment !== this.active()) writeIndexFile(indexPath(this.dir, segment.firstHeight), scan.offsets);
    return scan.offsets;
  }

  private readFd(segment: Segment): number {
    if (!this.settings.readOnly && segment === this.active()) return this.activeFd;
    const cached = this.readFds.get(segment.firstHeight);
    if (cached !== undefined) return cached;
    if (this.readFds.size >= READ_FD_CACHE) {
      const [oldest, fd] = this.readFds.entries().next().value as [number, number];
      closeSync(fd);
      this.readFds.delete(oldest);
    }
    const fd = openSync(join(this.dir, segment.file), 'r');
    this.readFds.set(segment.firstHeight, fd);
    return fd;
  }

  private segmentOf(height: number, what: string): Segment {
    if (!Number.isSafeInteger(height) || height < this.firstHeight || height > this.lastHeight) {
      throw new BlockLogError('log_height_not_found', `${what} of height ${String(height)}: the log holds ${this.firstHeight}…${this.lastHeight}`, {
        height,
        firstHeight: this.firstHeight,
        lastHeight: this.lastHeight,
      });
    }
    return this.segments[this.segmentIndexOf(height)] as Segment;
  }

  /** Binary search over segments by first height (heights are contiguous). */
  private segmentIndexOf(height: number): number {
    let low = 0;
    let high = this.segments.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.segments[mid] as Segment).firstHeight <= height) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  private checkRange(fromHeight: number, toHeight: number): void {
    const ok =
      Number.isSafeInteger(fromHeight) &&
      Number.isSafeInteger(toHeight) &&
      fromHeight >= this.firstHeight &&
      toHeight <= this.lastHeight &&
      fromHeight <= toHeight + 1;
    if (!ok) {
      throw new BlockLogError('log_height_not_found', `iterate ${String(fromHeight)}…${String(toHeight)}: the log holds ${this.firstHeight}…${this.lastHeight}`, {
        fromHeight,
        toHeight,
        firstHeight: this.firstHeight,
        lastHeight: this.lastHeight,
      });
    }
  }

  private corruptAt(segment: Segment, height: number, offset: number, problem: string): BlockLogError {
    const file = join(this.dir, segment.file);
    return new BlockLogError('log_record_corrupt', `${file} offset ${offset}: record of height ${height} is damaged (${problem})`, {
      height,
      file,
      offset,
      problem,
    });
  }

  // ── the one non-append operation ───────────────────────────────────────────────────────────

  /**
   * Removes every record above `height` (firstHeight − 1 empties the log). For tools and tests
   * only — e.g. cutting a tail that diverged from the canonical chain. Later segments are
   * deleted newest first, then the segment holding height + 1 is truncated and fsynced, so a
   * crash half-way leaves a consistent log that still holds some of the records to remove.
   */
  truncateAfter(height: number): void {
    this.checkWritable();
    if (!Number.isSafeInteger(height) || height < this.firstHeight - 1 || height > this.lastHeight) {
      throw invalid(`truncateAfter(${String(height)}): must be within ${this.firstHeight - 1}…${this.lastHeight}`);
    }
    if (height === this.lastHeight) return;
    // The head moves down first (durably): a crash part-way then leaves records above the head
    // (kept, as never acknowledged), never a head above the records.
    this.lastFrameCrc = this.frameCrcAt(height);
    this.headWriter?.write(height, this.lastFrameCrc, this.firstHeight, this.settings.fsync !== 'never');
    this.headHeight = height;
    const keepIndex = this.segmentIndexOf(height + 1);
    const keep = this.segments[keepIndex] as Segment;
    const offsets = this.offsetsOf(keep);
    closeSync(this.activeFd);
    closeSync(this.activeIndexFd);
    for (const fd of this.readFds.values()) closeSync(fd);
    this.readFds.clear();
    try {
      for (let j = this.segments.length - 1; j > keepIndex; j--) {
        const segment = this.segments[j] as Segment;
        unlinkSync(join(this.dir, segment.file));
        if (existsSync(indexPath(this.dir, segment.firstHeight))) unlinkSync(indexPath(this.dir, segment.firstHeight));
        this.segments.pop();
      }
      fsyncDir(this.dir);
      const cutCount = height + 1 - keep.firstHeight;
      const cutBytes = offsets[cutCount] as number;
      const fd = openSync(join(this.dir, keep.file), 'r+');
      try {
        ftruncateSync(fd, cutBytes);
        fdatasyncSync(fd);
      } finally {
        closeSync(fd);
      }
      keep.offsets = offsets.slice(0, cutCount);
      keep.offsetsFromScan = true;
      keep.count = cutCount;
      keep.bytes = cutBytes;
      writeIndexFile(indexPath(this.dir, keep.firstHeight), keep.offsets);
      this.pendingRecords = 0;
      this.activeFd = -1;
      this.activeIndexFd = -1;
      if (this.timer !== undefined) clearInterval(this.timer);
      this.openActive();
    } catch (error) {
      this.failure = error as Error;
      throw error;
    }
  }

  // ── closing ────────────────────────────────────────────────────────────────────────────────

  /** Syncs pending appends (unless fsync 'never'), closes files, releases the lock. Idempotent. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    try {
      if (!this.settings.readOnly && this.failure === undefined) {
        this.flushIndex();
        if (this.settings.fsync !== 'never') this.syncNow();
      }
    } finally {
      if (this.activeFd >= 0) closeSync(this.activeFd);
      if (this.activeIndexFd >= 0) closeSync(this.activeIndexFd);
      for (const fd of this.readFds.values()) closeSync(fd);
      this.readFds.clear();
      this.headWriter?.close();
      if (this.lock !== null) releaseLock(this.lock);
    }
  }
}

// ── helpers ──────────────────────────────────────────────────────────────────────────────────

const hex32 = (value: number): string => (value >>> 0).toString(16).padStart(8, '0');

function removeTree(path: string): void {
  rmSync(path, { recursive: true, force: true });
}
