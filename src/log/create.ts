/**
 * Creating a block log in an empty directory (or finishing a creation a crash interrupted).
 */
import { closeSync, existsSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { makeDirs } from '../core/make-dirs.js';
import { BlockLogError } from './errors.js';
import { INDEX_DIR, META_FILE, fsyncDir, indexPath, listSegments, segmentFileName } from './files.js';
import { createHeadFile } from './head.js';
import { writeMeta } from './meta.js';

/**
 * Segment files beyond what an interrupted `create` leaves (one empty first segment) but no
 * block-log.json: the meta file was lost (deleted, or never copied), not a log never made.
 * Refused as `log_meta_invalid` (naming the file to restore) for readers and writers alike —
 * "no block log" would read as an empty directory while records sit there, and guessing the
 * first height from the file names could open someone else's half-copied log.
 * `firstHeight`: the height a creation would start at (undefined: any single empty segment).
 */
export function refuseSegmentsWithoutMeta(dir: string, firstHeight?: number): void {
  if (!existsSync(dir)) return;
  const existing = listSegments(dir);
  const only = existing[0];
  const onlyEmptyFirst = existing.length === 1 && only !== undefined && (firstHeight === undefined || only.firstHeight === firstHeight) && statSync(join(dir, only.file)).size === 0;
  if (existing.length === 0 || onlyEmptyFirst) return;
  throw new BlockLogError(
    'log_meta_invalid',
    `${dir} has segment files (${existing.map((name) => name.file).join(', ')}) but no block-log.json; refusing to guess where the log starts`,
    { dir, file: join(dir, META_FILE), segments: existing.map((name) => name.file) },
  );
}

/**
 * A new log: the first (empty) segment and its index, then the meta file last — its presence
 * marks creation as complete, so a crash part-way leaves a directory `create` simply finishes.
 */
export function createLog(dir: string, firstHeight: number): void {
  refuseSegmentsWithoutMeta(dir, firstHeight);
  makeDirs(join(dir, INDEX_DIR));
  const segment = join(dir, segmentFileName(firstHeight));
  if (!existsSync(segment)) closeSync(openSync(segment, 'wx'));
  closeSync(openSync(indexPath(dir, firstHeight), 'a'));
  createHeadFile(dir, firstHeight - 1, 0, firstHeight, true);
  fsyncDir(dir);
  writeMeta(dir, firstHeight);
}
