/**
 * The operating system's errors (Node's `error.code` errno names) as the ledger's coded errors,
 * so that a full disk or a read-only mount is named as such wherever it surfaces — the block log,
 * a snapshot, a data directory being created — rather than as a raw "ENOSPC: no space left on
 * device, write" with a stack. Each code says what the operator has to do:
 *
 *   disk_full            ENOSPC, EDQUOT   free space (or raise the quota), then retry
 *   read_only            EROFS            remount the file system read-write
 *   too_many_open_files  EMFILE, ENFILE   raise `ulimit -n` or lower the node's connection cap
 *   permission_denied    EACCES, EPERM    fix the file's owner or mode
 *   io_error             EIO              the device failed: check it (dmesg), restore from a copy
 *   file_too_large       EFBIG            a file outgrew the process's file-size limit (`ulimit -f`,
 *                                         a systemd LimitFSIZE) or the file system's largest file
 */
export const IO_ERROR_CODES = ['disk_full', 'read_only', 'too_many_open_files', 'permission_denied', 'io_error', 'file_too_large'] as const;
export type IoErrorCode = (typeof IO_ERROR_CODES)[number];

const BY_ERRNO: Readonly<Record<string, IoErrorCode>> = {
  ENOSPC: 'disk_full',
  EDQUOT: 'disk_full',
  EROFS: 'read_only',
  EMFILE: 'too_many_open_files',
  ENFILE: 'too_many_open_files',
  EACCES: 'permission_denied',
  EPERM: 'permission_denied',
  EIO: 'io_error',
  // Node ignores SIGXFSZ, so a write past `ulimit -f` fails with EFBIG instead of killing the
  // process: it reached the CLI as an internal error calling itself a bug (QA of 2026-12-06).
  EFBIG: 'file_too_large',
};

const HINTS: Readonly<Record<IoErrorCode, string>> = {
  disk_full: 'the disk is full: free space, then retry',
  read_only: 'the file system is read-only: remount it read-write, then retry',
  too_many_open_files: 'out of file descriptors: raise `ulimit -n` or lower the connection cap',
  permission_denied: 'permission denied: fix the owner or mode of the data directory',
  io_error: 'the device reported an I/O error: check it before retrying',
  file_too_large: 'a file reached the largest size allowed (the file-size limit, `ulimit -f`, or the file system\'s): raise the limit, then retry',
};

/** The errno name of a Node system error (`ENOSPC`), if `error` is one. */
export function errnoOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/**
 * Whether the OS refused a write because the place cannot be written by this process: a
 * read-only medium (EROFS) or another user's directory (EACCES, EPERM). Readers that would only
 * tidy up there (stale temporary files) or could work elsewhere (a scratch rebuild) go on.
 */
export function refusesWrites(error: unknown): boolean {
  const errno = errnoOf(error);
  return errno === 'EROFS' || errno === 'EACCES' || errno === 'EPERM';
}

/** The coded name of an OS error the operator can act on, or undefined for anything else. */
export function ioErrorCode(error: unknown): IoErrorCode | undefined {
  const errno = errnoOf(error);
  return errno === undefined ? undefined : BY_ERRNO[errno];
}

/** What to do about it, one line (for messages). */
export function ioErrorHint(code: IoErrorCode): string {
  return HINTS[code];
}

/** The system error's own words without Node's prefix noise, e.g. "ENOSPC: no space left on device, write". */
export function systemMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * `error` with `file` named, when it is an OS error that names none. Node's errors of a write
 * on a file descriptor carry no path ("EFBIG: file too large, write"), so a write stopped by the
 * file-size limit or a full disk reached the operator as "a file reached the largest size" without
 * saying which (QA of 2026-12-06); an open's error names its path already and is left as it is.
 * Written the way Node writes an open's: "EFBIG: file too large, write '/data/events/head'".
 */
export function namingFile(error: unknown, file: string): unknown {
  if (errnoOf(error) === undefined || !(error instanceof Error)) return error;
  const named = error as Error & { path?: unknown };
  if (typeof named.path === 'string') return error;
  named.path = file;
  named.message = `${named.message} '${file}'`;
  return error;
}
