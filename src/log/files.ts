/**
 * File names and small synchronous file helpers of the block log directory.
 *
 * ```
 * <dir>/block-log.json                       meta: format, version, firstHeight (written once)
 * <dir>/LOCK                                 writer lock: {"pid","hostname","nonce"} (lock.ts)
 * <dir>/head                                 last durable height + its frame CRC, two slots (head.ts)
 * <dir>/segment-000000000001.log             frames; the number is the segment's FIRST height
 * <dir>/index/segment-000000000001.idx       derived height index of that segment (index-file.ts)
 * <dir>/torn/…                               bytes cut off as a torn tail, kept for forensics
 * ```
 * Naming a segment by its first height (12+ digits, zero-padded so names sort) lets the opener
 * check the sequence without reading: segment k+1 must start at (last height of segment k) + 1.
 *
 * Why synchronous fs calls: an append is durable only after write + fdatasync, and the caller
 * waits for both anyway; the sync calls skip the libuv thread-pool hop and a promise per record
 * (measurably faster for small records), keep ordering trivially sequential (no interleaved
 * writes from concurrent callers), and suit the synchronous reducer that consumes the log.
 */
import { closeSync, fdatasyncSync, fsyncSync, openSync, readdirSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { namingFile } from '../core/io-error.js';

export const META_FILE = 'block-log.json';
export const LOCK_FILE = 'LOCK';
export const HEAD_FILE = 'head';
export const INDEX_DIR = 'index';
export const TORN_DIR = 'torn';

const SEGMENT_NAME = /^segment-(\d{12,16})\.log$/;

export function segmentFileName(firstHeight: number): string {
  return `segment-${String(firstHeight).padStart(12, '0')}.log`;
}

export function indexFileName(firstHeight: number): string {
  return `segment-${String(firstHeight).padStart(12, '0')}.idx`;
}

export interface SegmentName {
  readonly firstHeight: number;
  readonly file: string;
}

/** Segment files in `dir`, sorted by first height (numerically, not by name). */
export function listSegments(dir: string): SegmentName[] {
  const found: SegmentName[] = [];
  for (const file of readdirSync(dir)) {
    const match = SEGMENT_NAME.exec(file);
    if (match === null) continue;
    const firstHeight = Number(match[1]);
    if (Number.isSafeInteger(firstHeight)) found.push({ firstHeight, file });
  }
  return found.sort((a, b) => a.firstHeight - b.firstHeight);
}

/** fsync a directory so that file creations / renames / deletions in it survive power loss. */
export function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Reads exactly `length` bytes at `position` (fewer only if the file ends first). */
export function preadFully(fd: number, buf: Buffer, bufOffset: number, length: number, position: number): number {
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, bufOffset + done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}

export const segmentPath = (dir: string, firstHeight: number): string => join(dir, segmentFileName(firstHeight));
export const indexPath = (dir: string, firstHeight: number): string => join(dir, INDEX_DIR, indexFileName(firstHeight));

/** Writes all of `buf` at `position` (writeSync may write less than asked); an OS error names `file`. */
export function pwriteFully(fd: number, buf: Uint8Array, position: number, file: string): void {
  let done = 0;
  try {
    while (done < buf.length) {
      done += writeSync(fd, buf, done, buf.length - done, position + done);
    }
  } catch (error) {
    throw namingFile(error, file);
  }
}

/**
 * Writes all of `bytes` at `fd`'s current position (writeSync may write less than asked),
 * fdatasyncs and closes `fd` — closed on failure too; an OS error names `file`. The body of
 * every write-whole-then-rename (snapshots, runtime/durable-file.ts).
 */
export function writeAllSyncAndClose(fd: number, bytes: Uint8Array, file: string): void {
  writeChunksSyncAndClose(fd, [bytes], file);
}

/**
 * writeAllSyncAndClose of chunks produced one after another (an export written as it is
 * built, never whole in memory); the bytes written. A chunk that throws while it is produced
 * closes `fd` too.
 */
export function writeChunksSyncAndClose(fd: number, chunks: Iterable<Uint8Array>, file: string): number {
  let written = 0;
  try {
    for (const bytes of chunks) {
      let done = 0;
      try {
        while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
      } catch (error) {
        throw namingFile(error, file);
      }
      written += done;
    }
    try {
      fdatasyncSync(fd);
    } catch (error) {
      throw namingFile(error, file);
    }
  } finally {
    closeSync(fd);
  }
  return written;
}
