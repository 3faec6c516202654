/**
 * The block log: a durable, append-only log of opaque records, one per block height, stored in
 * `<data>/events/`. It knows nothing about blocks: the chain layer encodes them and checks hash
 * links; this layer guarantees that what `append` accepted is there, byte for byte, in order.
 *
 * ## API
 *
 * ```ts
 * const { log, recovery } = BlockLog.open(blockLogDir(dataDir), {
 *   create?: boolean,            // create if absent (default false → log_not_found)
 *   firstHeight?: number,        // first record's height (default 1); checked when it exists
 *   fsync?: 'always' | 'batch' | 'never',   // default 'always'
 *   batchIntervalMs?: number,    // 'batch': fsync at least every … ms while pending (100)
 *   batchMaxRecords?: number,    // 'batch': … or every N records (1000)
 *   readChunkBytes?: number,     // iterate / scan read size (1 MiB)
 *   segmentBytes?: number,       // roll size (64 MiB; at most 2 GiB)
 *   maxPayloadBytes?: number,    // append limit (32 MiB; format limit 1 GiB)
 *   readOnly?: boolean,          // no lock, no writes; tolerate a live writer (see refresh)
 *   verify?: 'tail' | 'full',    // scan only the last segment at open (default) or all
 *   repair?: boolean,            // operator: cut at the first damaged record instead of failing
 * });
 * log.append(height, payload)          // height must be lastHeight + 1; durable on return ('always')
 * log.appendMany([{ height, payload }, …])   // consecutive heights; one write + one fsync
 * log.sync()                           // force pending appends to disk ('batch' / 'never')
 * log.firstHeight, log.lastHeight      // lastHeight = firstHeight − 1 when empty
 * log.read(height): Uint8Array         // one pread; frame re-checked (height, length, CRC)
 * log.iterate(from, to = lastHeight): Iterable<{ height, payload }>   // 1 MiB sequential reads
 * log.verify(): { segments, records, bytes }   // full scan, throws on the first damage
 * log.refresh(): number                // read-only: pick up a live writer's new records
 * log.truncateAfter(height)            // the ONE non-append operation (tools/tests: cut a tail)
 * log.close()                          // sync (unless 'never'), close files, release the lock
 * BlockLog.rebuildIndex(dir): OpenRecovery    // drop index/, rebuild by scanning everything
 * blockLogDir(dataDir) = join(dataDir, 'events')
 * ```
 * Payloads returned by read/iterate are views of buffers the log never reuses (safe to keep;
 * a kept iterate payload pins its 1 MiB read chunk — copy it if you keep many).
 * `recovery` (OpenRecovery) says what opening found: `created`, `staleLockTakenOver`
 * ({pid, hostname, nonce} or {unreadable}), `tornTail` ({file, offset, bytes, problem, height,
 * truncated, savedTo, intactAfter}), `indexRebuilt` (segment files), `repaired`, `head`
 * ({height, file} of the head record), `headSlotDamaged`, `headCreated` ('upgraded' |
 * 'repaired'), `lossAccepted` ({fromHeight, toHeight}, repair only), `verified`, `segments`,
 * `firstHeight`, `lastHeight`.
 *
 * Failures throw `BlockLogError` with a stable `code` and a `context` object (errors.ts):
 * log_not_found, log_meta_invalid, log_format_unsupported, log_first_height_mismatch,
 * log_locked {pid, hostname, lockFile}, log_read_only, log_closed (also after a failed
 * write/fsync: reopen), log_height_out_of_order {expected, got}, log_payload_too_large
 * {height, bytes, max}, log_invalid_argument, log_height_not_found, log_record_corrupt
 * {height, file, offset, problem, headerHeight, intactAfter}, log_height_sequence_broken
 * {expected, found, file, offset}, log_segment_sequence_broken {file, expectedFirstHeight},
 * log_records_lost {fromHeight, toHeight, lastHeight, headFile}, log_head_mismatch {height, file},
 * log_head_corrupt {file}, log_head_missing {file}.
 *
 * ## On disk (format version 1)
 *
 * `block-log.json` (format, version, firstHeight, head), `LOCK` (writer pid/host), `head`
 * (last durable height + its frame CRC, two CRC'd slots rewritten in place: head.ts), segments
 * `segment-<first height, 12 digits>.log` of frames (frame.ts: 24-byte little-endian header —
 * magic "PL", version 1, flags 0, CRC-32 of everything after it, u32 payload length, u32
 * syncedBytes, u64 height — then the payload), derived per-segment indexes `index/segment-<first>.idx` (u64 offset per
 * height; index-file.ts), and `torn/` (bytes cut off at recovery, kept for forensics).
 *
 * ## Crash safety (details: recover.ts, docs/block-log.md)
 *
 * A torn tail (the last segment ends in a partial or checksum-failing frame above the head
 * record's height and nothing after it proves those bytes were fsynced) is cut at open; every
 * complete earlier record is kept. Segments ending below the head's height are
 * `log_records_lost` naming the heights: an acknowledged record is never lost silently. Damage
 * that later frames attest as fsynced, or any damage in a sealed segment, is an error naming
 * height, file and offset — never skipped, never cut unless the operator asks (`repair`). Every read re-checks its frame, so damage in a segment
 * that was not scanned at open is reported when it is read.
 */
export { BlockLog, blockLogDir, lastStoredHeight, type LogRecord, type OpenRecovery, type VerifyReport } from './block-log.js';
export {
  DEFAULT_BATCH_INTERVAL_MS,
  DEFAULT_BATCH_MAX_RECORDS,
  DEFAULT_MAX_PAYLOAD_BYTES,
  DEFAULT_SEGMENT_BYTES,
  MAX_SEGMENT_BYTES,
  type BlockLogOptions,
  type FsyncMode,
} from './settings.js';
export { BLOCK_LOG_ERROR_CODES, BlockLogError, isBlockLogError, type BlockLogErrorCode } from './errors.js';
export { FRAME_HEADER_BYTES, FRAME_MAX_PAYLOAD_BYTES } from './frame.js';
export { fsyncDir, writeAllSyncAndClose, writeChunksSyncAndClose } from './files.js';
export { processAlive, releaseHeldLocks, watchLocks, type LockOwner, type LockWatcher, type StaleLock } from './lock.js';
export type { RepairReport, TornTail } from './recover.js';
