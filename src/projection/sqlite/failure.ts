/**
 * A SQLite failure of the projection file as the error an operator can act on, where the file is
 * known: a damaged file as ProjectionDamaged (../errors.ts); a file SQLite cannot write or open
 * (SQLITE_READONLY*, SQLITE_CANTOPEN*) as the operating system's reason. SQLite's code names
 * neither the file nor why: a read-only mount and a file of another owner are both
 * SQLITE_READONLY. access(2) on the file and on its directory (WAL mode creates -wal and -shm
 * beside it) tells them apart — EROFS or EACCES, with the path — and the CLI names those
 * (read_only, permission_denied: cli/runtime-errors.ts, which also maps what stays a SqliteError).
 *
 * A write past the process's file-size limit (`ulimit -f`, systemd's LimitFSIZE) fails with EFBIG,
 * which SQLite reports as a bare SQLITE_IOERR_WRITE (or _SHMSIZE when the -shm file cannot grow):
 * "the device reported an I/O error" sent operators to check a healthy disk (QA of 2026-12-06).
 * Where the process has such a limit and one of the projection's files has reached it, the
 * failure is that limit (EFBIG, file_too_large), with the figures.
 *
 * A full file system is as bare: opening a WAL database creates and grows its -shm file, which
 * on a full disk fails as SQLITE_IOERR_SHMSIZE (a page write as SQLITE_IOERR_WRITE), not
 * SQLITE_FULL — and "the device reported an I/O error" sent the operator to check a healthy
 * device (docs walk of 2026-12-07). Where the file system holding the projection has less room
 * left than such a write needs, the failure is the full disk (ENOSPC, disk_full), with the figures.
 */
import { accessSync, constants, existsSync, readFileSync, statfsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { damagedProjection } from '../errors.js';

const UNWRITABLE_CODES = /^SQLITE_(READONLY|CANTOPEN)(_|$)/;
const IO_ERROR_CODES = /^SQLITE_IOERR(_|$)/;

export function projectionFailure(error: unknown, file: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && UNWRITABLE_CODES.test(code)) return unwritableCause(file) ?? error;
  if (typeof code === 'string' && IO_ERROR_CODES.test(code)) return fileSizeLimitCause(file, code) ?? fullDiskCause(file, code) ?? error;
  return damagedProjection(error, file);
}

/**
 * How close to the limit a file must be for the limit to be the cause: SQLite writes at most a
 * page (≤ 65,536 bytes; a WAL frame adds 24) or grows the -shm file by a 32 KiB region at a time,
 * so a write the limit refused started within one of those of it. Twice that, for slack.
 */
const NEAR_LIMIT_BYTES = 2 * (65_536 + 24);

/** The projection's files: the database and, in WAL mode, its -wal and -shm beside it. */
function projectionFiles(file: string): string[] {
  return [file, `${file}-wal`, `${file}-shm`];
}

/** EFBIG with the figures when a projection file has reached this process's file-size limit. */
function fileSizeLimitCause(file: string, sqliteCode: string): Error | undefined {
  const limit = fileSizeLimitBytes();
  if (limit === undefined) return undefined;
  for (const path of projectionFiles(file)) {
    const size = sizeOf(path);
    if (size !== undefined && size > limit - NEAR_LIMIT_BYTES) {
      const message = `cannot write the projection: ${path} is ${size} bytes and this process may write files of at most ${limit} bytes (its file-size limit; SQLite said ${sqliteCode})`;
      return Object.assign(new Error(message), { code: 'EFBIG', path });
    }
  }
  return undefined;
}

/** ENOSPC with the figures when the file system holding the projection has (next to) no room left. */
function fullDiskCause(file: string, sqliteCode: string): Error | undefined {
  const dir = dirname(file);
  let free: number;
  try {
    const stats = statfsSync(dir);
    free = stats.bavail * stats.bsize;
  } catch {
    return undefined;
  }
  if (free >= NEAR_LIMIT_BYTES) return undefined;
  const message = `cannot write the projection in ${dir}: its file system has ${free} bytes free (SQLite said ${sqliteCode})`;
  return Object.assign(new Error(message), { code: 'ENOSPC', path: dir });
}

function sizeOf(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
}

/**
 * This process's soft RLIMIT_FSIZE in bytes, or undefined when unlimited or unknown (no
 * /proc: not Linux). The line reads "Max file size   204800   204800   bytes" (soft, hard).
 */
function fileSizeLimitBytes(): number | undefined {
  const soft = /^Max file size\s+(\S+)/m.exec(readProcLimits() ?? '')?.[1];
  if (soft === undefined || !/^[0-9]+$/.test(soft)) return undefined;
  return Number(soft);
}

function readProcLimits(): string | undefined {
  try {
    return readFileSync('/proc/self/limits', 'latin1');
  } catch {
    return undefined;
  }
}

/** The first of the file and its directory that this process may not write, as an errno error. */
function unwritableCause(file: string): Error | undefined {
  for (const path of existsSync(file) ? [file, dirname(file)] : [dirname(file)]) {
    try {
      accessSync(path, constants.R_OK | constants.W_OK);
    } catch (cause) {
      const errno = (cause as { code?: unknown }).code;
      return Object.assign(new Error(`cannot write the projection: ${(cause as Error).message}`), { code: errno, path });
    }
  }
  return undefined;
}
