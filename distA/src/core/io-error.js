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
 */
export const IO_ERROR_CODES = ['disk_full', 'read_only', 'too_many_open_files', 'permission_denied', 'io_error'];
const BY_ERRNO = {
    ENOSPC: 'disk_full',
    EDQUOT: 'disk_full',
    EROFS: 'read_only',
    EMFILE: 'too_many_open_files',
    ENFILE: 'too_many_open_files',
    EACCES: 'permission_denied',
    EPERM: 'permission_denied',
    EIO: 'io_error',
};
const HINTS = {
    disk_full: 'the disk is full: free space, then retry',
    read_only: 'the file system is read-only: remount it read-write, then retry',
    too_many_open_files: 'out of file descriptors: raise `ulimit -n` or lower the connection cap',
    permission_denied: 'permission denied: fix the owner or mode of the data directory',
    io_error: 'the device reported an I/O error: check it before retrying',
};
/** The errno name of a Node system error (`ENOSPC`), if `error` is one. */
export function errnoOf(error) {
    if (typeof error !== 'object' || error === null)
        return undefined;
    const code = error.code;
    return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}
/** The coded name of an OS error the operator can act on, or undefined for anything else. */
export function ioErrorCode(error) {
    const errno = errnoOf(error);
    return errno === undefined ? undefined : BY_ERRNO[errno];
}
/** What to do about it, one line (for messages). */
export function ioErrorHint(code) {
    return HINTS[code];
}
/** The system error's own words without Node's prefix noise, e.g. "ENOSPC: no space left on device, write". */
export function systemMessage(error) {
    return error instanceof Error ? error.message : String(error);
}
//# sourceMappingURL=io-error.js.map