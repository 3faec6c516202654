/**
 * The block log's options as a caller gives them (BlockLogOptions) and as the log runs with them
 * (Settings: defaults filled in, every value checked — a bad one is log_invalid_argument).
 */
import { BlockLogError } from './errors.js';
import { FRAME_HEADER_BYTES, FRAME_MAX_PAYLOAD_BYTES } from './frame.js';
import { DEFAULT_READ_CHUNK_BYTES } from './frame-reader.js';

export type FsyncMode = 'always' | 'batch' | 'never';

export interface BlockLogOptions {
  /** Create the log if the directory holds none (default false: `log_not_found`). */
  readonly create?: boolean;
  /** Height of the first record (default 1, a chain from genesis). Checked against an existing log. */
  readonly firstHeight?: number;
  /** Durability policy of `append` (default 'always'; see docs/block-log.md). */
  readonly fsync?: FsyncMode;
  /** 'batch': fsync at least this often while records are pending (default 100 ms). */
  readonly batchIntervalMs?: number;
  /** 'batch': fsync after this many unsynced records (default 1000). */
  readonly batchMaxRecords?: number;
  /** Roll to a new segment before one would exceed this size (default 64 MiB, at most 2 GiB). */
  readonly segmentBytes?: number;
  /** Largest payload `append` accepts (default 32 MiB). */
  readonly maxPayloadBytes?: number;
  /** Open without the writer lock, never modify anything; see `refresh()`. */
  readonly readOnly?: boolean;
  /** 'tail' (default): scan the last segment, trust sealed ones until read; 'full': scan all. */
  readonly verify?: 'tail' | 'full';
  /** Cut the log before the first damaged record instead of failing (operator action; implies verify 'full'). */
  readonly repair?: boolean;
  /** Read size of `iterate` and scans (default 1 MiB). */
  readonly readChunkBytes?: number;
  /**
   * Writer: finish a committed rollback — records above this height are cut BEFORE the head
   * record could be advanced over them (an ordinary writer open makes the head claim every intact
   * record above it). Only valid when the head claims at most this height (the rollback's commit
   * point, runtime/rollback.ts); refused otherwise.
   */
  readonly cutAbove?: number;
}

export interface Settings {
  readonly fsync: FsyncMode;
  readonly batchIntervalMs: number;
  readonly batchMaxRecords: number;
  readonly segmentBytes: number;
  readonly maxPayloadBytes: number;
  readonly readOnly: boolean;
  readonly readChunkBytes: number;
}

export const DEFAULT_SEGMENT_BYTES = 64 * 1024 * 1024;
export const MAX_SEGMENT_BYTES = 2 ** 31;
export const DEFAULT_MAX_PAYLOAD_BYTES = 32 * 1024 * 1024;
export const DEFAULT_BATCH_INTERVAL_MS = 100;
export const DEFAULT_BATCH_MAX_RECORDS = 1000;

export function invalid(message: string): BlockLogError {
  return new BlockLogError('log_invalid_argument', message);
}

function positiveInt(value: number | undefined, fallback: number, name: string, min = 1): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < min) throw invalid(`${name} must be an integer ≥ ${min}, got ${String(value)}`);
  return value;
}

export function settingsOf(options: BlockLogOptions): Settings {
  const fsync = options.fsync ?? 'always';
  if (fsync !== 'always' && fsync !== 'batch' && fsync !== 'never') throw invalid(`fsync must be 'always' | 'batch' | 'never'`);
  if (options.firstHeight !== undefined && (!Number.isSafeInteger(options.firstHeight) || options.firstHeight < 0)) {
    throw invalid(`firstHeight must be a non-negative integer, got ${String(options.firstHeight)}`);
  }
  if (options.verify !== undefined && options.verify !== 'tail' && options.verify !== 'full') throw invalid(`verify must be 'tail' | 'full'`);
  // Frame offsets and syncedBytes are u32: a segment (≤ 2 GiB + one record ≤ 1 GiB) stays below 4 GiB.
  if (options.segmentBytes !== undefined && options.segmentBytes > MAX_SEGMENT_BYTES) throw invalid(`segmentBytes must be ≤ ${MAX_SEGMENT_BYTES}`);
  return {
    fsync,
    batchIntervalMs: positiveInt(options.batchIntervalMs, DEFAULT_BATCH_INTERVAL_MS, 'batchIntervalMs'),
    batchMaxRecords: positiveInt(options.batchMaxRecords, DEFAULT_BATCH_MAX_RECORDS, 'batchMaxRecords'),
    segmentBytes: positiveInt(options.segmentBytes, DEFAULT_SEGMENT_BYTES, 'segmentBytes', FRAME_HEADER_BYTES + 1),
    maxPayloadBytes: Math.min(positiveInt(options.maxPayloadBytes, DEFAULT_MAX_PAYLOAD_BYTES, 'maxPayloadBytes', 0), FRAME_MAX_PAYLOAD_BYTES),
    readOnly: options.readOnly === true,
    readChunkBytes: positiveInt(options.readChunkBytes, DEFAULT_READ_CHUNK_BYTES, 'readChunkBytes', FRAME_HEADER_BYTES),
  };
}
