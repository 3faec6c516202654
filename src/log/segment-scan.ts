/**
 * Full scan of one segment: every frame read in order and checksummed, heights checked to be
 * contiguous from the segment's first height. Produces the segment's offsets (its height index)
 * and, if the scan stopped early, where and why — the caller decides whether that is a torn
 * tail (last segment, nothing intact after it) or corruption (anything else).
 */
import { closeSync, fstatSync, openSync } from 'node:fs';
import type { FrameHeader } from './frame.js';
import { FrameReader, surveyIntactAfter, type FrameProblem, type IntactAfter } from './frame-reader.js';

export interface ScanDamage {
  /** Byte offset of the first frame that could not be accepted. */
  readonly offset: number;
  /** The height that belonged there: previous + 1 (or the segment's first height). */
  readonly expectedHeight: number;
  readonly problem: FrameProblem | 'height_mismatch';
  /** The header as read, when it parsed (its height may itself be the damaged field). */
  readonly header: FrameHeader | null;
  /** Intact frames after the damage (null: nothing valid follows), with their durability claim. */
  readonly intactAfter: IntactAfter | null;
}

export interface SegmentScan {
  readonly firstHeight: number;
  /** offsets[i] = byte offset of the frame of height firstHeight + i. */
  readonly offsets: number[];
  /** End of the last accepted frame. */
  readonly validBytes: number;
  readonly fileBytes: number;
  readonly damage: ScanDamage | null;
}

export interface ScanOptions {
  /** Look for intact frames after damage (false for a reader racing a live writer). */
  readonly lookPastDamage: boolean;
  /** Start from here (a rescan of a growing tail); offsets then only cover the new frames. */
  readonly fromOffset?: number;
  readonly fromHeight?: number;
  /** Treat the file as ending here (defaults to its current size). */
  readonly fileBytes?: number;
}

export function scanSegmentFd(fd: number, firstHeight: number, options: ScanOptions): SegmentScan {
  const fileBytes = options.fileBytes ?? fstatSync(fd).size;
  const reader = new FrameReader(fd, fileBytes, options.fromOffset ?? 0);
  const offsets: number[] = [];
  let expectedHeight = options.fromHeight ?? firstHeight;
  for (;;) {
    const step = reader.next();
    if (step.kind === 'end') return { firstHeight, offsets, validBytes: step.offset, fileBytes, damage: null };
    if (step.kind === 'frame' && step.height === expectedHeight) {
      offsets.push(step.offset);
      expectedHeight++;
      continue;
    }
    const damage: ScanDamage =
      step.kind === 'frame'
        ? // An intact frame with the wrong height is never a torn write: report it as it is.
          {
            offset: step.offset,
            expectedHeight,
            problem: 'height_mismatch',
            header: { length: step.payload.length, syncedBytes: step.syncedBytes, height: step.height, crc: 0 },
            intactAfter: { offset: step.offset, height: step.height, maxSyncedBytes: step.syncedBytes },
          }
        : {
            offset: step.offset,
            expectedHeight,
            problem: step.problem,
            header: step.header,
            intactAfter: options.lookPastDamage ? surveyIntactAfter(fd, fileBytes, step.offset + 1) : null,
          };
    return { firstHeight, offsets, validBytes: step.offset, fileBytes, damage };
  }
}

export function scanSegmentFile(path: string, firstHeight: number, options: ScanOptions): SegmentScan {
  const fd = openSync(path, 'r');
  try {
    return scanSegmentFd(fd, firstHeight, options);
  } finally {
    closeSync(fd);
  }
}
