/**
 * Coded errors of the block log.
 *
 * The log's failures are thrown, not returned as `Rejection` values: they are not protocol
 * outcomes of a message but facts about the process and its disk (another writer holds the lock,
 * a record on disk is damaged, a caller appended out of order). None of them can be handled
 * inside the reducer; the caller (node runner, CLI) stops and reports them. Each carries a stable
 * `code` (programs key on it; the CLI maps it to `CliError(code, message, context)`) and a `context` that names
 * the place: height, file, byte offset.
 */
export const BLOCK_LOG_ERROR_CODES = [
  /** `open` without `create` on a directory that holds no block log (no `block-log.json`). */
  'log_not_found',
  /** `block-log.json` is unreadable or malformed (an unknown member, a wrong type), or segment files exist without it (refusing to guess). */
  'log_meta_invalid',
  /** The directory was written by an unknown format version (meta or frame version byte). */
  'log_format_unsupported',
  /** `open({ firstHeight })` disagrees with the first height the log was created with. */
  'log_first_height_mismatch',
  /** Another live process holds the writer lock (context: pid, hostname, lock file). */
  'log_locked',
  /** A write was attempted on a log opened with `readOnly: true`. */
  'log_read_only',
  /** The log was used after `close()`. */
  'log_closed',
  /** `append` with a height other than `lastHeight + 1` (context: expected, got). */
  'log_height_out_of_order',
  /** A payload larger than `maxPayloadBytes` (context: bytes, max). */
  'log_payload_too_large',
  /** A bad argument: not a Uint8Array, not a safe non-negative integer height, bad option. */
  'log_invalid_argument',
  /** `read`/`iterate` of a height outside [firstHeight, lastHeight]. */
  'log_height_not_found',
  /**
   * A damaged record that is NOT a torn tail: bad checksum, bad magic or unreadable header with
   * intact data after it, or a sealed segment cut short. Details: height (the expected height,
   * i.e. previous + 1, when the header cannot be trusted), file, offset, reason.
   */
  'log_record_corrupt',
  /** Records whose heights are not contiguous: a gap or a duplicate (context: expected, found). */
  'log_height_sequence_broken',
  /** Segment files missing, extra or out of sequence (context: file, expectedFirstHeight). */
  'log_segment_sequence_broken',
  /**
   * Acknowledged records are missing: the head record (head.ts) says height `toHeight` was
   * durable but the segments end at `lastHeight` (a deleted or truncated segment). Context:
   * fromHeight, toHeight (the heights lost), lastHeight, headFile.
   */
  'log_records_lost',
  /** The record at the head's height is not the one acknowledged (its frame CRC differs). */
  'log_head_mismatch',
  /** Neither slot of the head record is valid (context: file). */
  'log_head_corrupt',
  /** The log keeps a head record (block-log.json says so) but the file is gone (context: file). */
  'log_head_missing',
] as const;

export type BlockLogErrorCode = (typeof BLOCK_LOG_ERROR_CODES)[number];

export class BlockLogError extends Error {
  override readonly name = 'BlockLogError';
  constructor(
    readonly code: BlockLogErrorCode,
    message: string,
    /**
     * The facts (height, file, offset, …). Deliberately not named `details`: uvu's reporter
     * calls `err.details.split()` and prints nothing at all for an error whose `details` is an
     * object, which would hide the very facts this error carries in a failing test.
     */
    readonly context: Readonly<Record<string, unknown>> = {},
  ) {
    super(`[${code}] ${message}`);
  }
}

export function isBlockLogError(error: unknown, code?: BlockLogErrorCode): error is BlockLogError {
  return error instanceof BlockLogError && (code === undefined || error.code === code);
}
