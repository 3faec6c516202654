/**
 * `block-log.json`: what the directory is and where the chain starts. Written at creation
 * (temporary file, fsync, rename, fsync of the directory); its presence marks a completed
 * `create`. `head: true` says the log keeps a head record (head.ts), so a missing head file is
 * damage, not an old log: a log created before head records existed lacks the field and is
 * given a head (and the field, by one more atomic rewrite) the first time a writer opens it.
 *
 * Read strictly: a member this build does not write, or `head` that is not a boolean, is damage
 * (`log_meta_invalid`), never ignored — one flipped bit turning `"head"` into `"heaD"` would
 * otherwise make the log look older than it is and switch off the missing-head check.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { BlockLogError } from './errors.js';
import { META_FILE, fsyncDir } from './files.js';

export const META_FORMAT = 'pokt-ledger/block-log';
export const META_VERSION = 1;

export interface LogMeta {
  readonly format: typeof META_FORMAT;
  readonly version: number;
  readonly firstHeight: number;
  /** True when the log keeps a head record (absent in logs made before it existed). */
  readonly head: boolean;
}

/** The members a meta file may have (`head` is absent in logs made before head records). */
const META_KEYS: ReadonlySet<string> = new Set(['format', 'version', 'firstHeight', 'head']);

export const metaPath = (dir: string): string => join(dir, META_FILE);

export function metaExists(dir: string): boolean {
  return existsSync(metaPath(dir));
}

export function readMeta(dir: string): LogMeta {
  const path = metaPath(dir);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new BlockLogError('log_meta_invalid', `cannot read ${path}: ${(error as Error).message}`, { file: path });
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new BlockLogError('log_meta_invalid', `${path} is not a block log meta file (not a JSON object)`, { file: path });
  }
  const meta = raw as Partial<LogMeta>;
  if (meta.format !== META_FORMAT || typeof meta.version !== 'number') {
    throw new BlockLogError('log_meta_invalid', `${path} is not a block log meta file`, { file: path });
  }
  if (meta.version !== META_VERSION) {
    throw new BlockLogError('log_format_unsupported', `${path}: block log version ${meta.version}, this build reads ${META_VERSION}`, {
      file: path,
      version: meta.version,
    });
  }
  if (typeof meta.firstHeight !== 'number' || !Number.isSafeInteger(meta.firstHeight) || meta.firstHeight < 0) {
    throw new BlockLogError('log_meta_invalid', `${path}: bad firstHeight`, { file: path });
  }
  const unknown = Object.keys(meta).filter((key) => !META_KEYS.has(key));
  if (unknown.length > 0) {
    throw new BlockLogError('log_meta_invalid', `${path}: unknown member${unknown.length > 1 ? 's' : ''} ${unknown.map((key) => JSON.stringify(key)).join(', ')} (damaged, or written by another program)`, { file: path, members: unknown });
  }
  if (meta.head !== undefined && typeof meta.head !== 'boolean') {
    throw new BlockLogError('log_meta_invalid', `${path}: "head" must be true or false`, { file: path });
  }
  return { format: META_FORMAT, version: META_VERSION, firstHeight: meta.firstHeight, head: meta.head === true };
}

export function writeMeta(dir: string, firstHeight: number): void {
  const path = metaPath(dir);
  const tmp = `${path}.tmp`;
  const meta: LogMeta = { format: META_FORMAT, version: META_VERSION, firstHeight, head: true };
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, JSON.stringify(meta) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  fsyncDir(dir);
}
