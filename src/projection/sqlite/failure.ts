/**
 * A SQLite failure of the projection file as the error an operator can act on, where the file is
 * known: a damaged file as ProjectionDamaged (../errors.ts); a file SQLite cannot write or open
 * (SQLITE_READONLY*, SQLITE_CANTOPEN*) as the operating system's reason. SQLite's code names
 * neither the file nor why: a read-only mount and a file of another owner are both
 * SQLITE_READONLY. access(2) on the file and on its directory (WAL mode creates -wal and -shm
 * beside it) tells them apart — EROFS or EACCES, with the path — and the CLI names those
 * (read_only, permission_denied: cli/runtime-errors.ts, which also maps what stays a SqliteError).
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { damagedProjection } from '../errors.js';

const UNWRITABLE_CODES = /^SQLITE_(READONLY|CANTOPEN)(_|$)/;

export function projectionFailure(error: unknown, file: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && UNWRITABLE_CODES.test(code)) return unwritableCause(file) ?? error;
  return damagedProjection(error, file);
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
