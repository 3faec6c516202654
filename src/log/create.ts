/**
 * Creating a block log in an empty directory (or finishing a creation a crash interrupted).
 */
import { closeSync, existsSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { makeDirs } from '../core/make-dirs.js';
import { BlockLogError } from './errors.js';
import { INDEX_DIR, fsyncDir, indexPath, listSegments, segmentFileName } from './files.js';
import { createHeadFile } from './head.js';
import { writeMeta } from './meta.js';

/**
 * A new log: the first (empty) segment and its index, then the meta file last — its presence
 * marks creation as complete, so a crash part-way leaves a directory `create` simply finishes.
 */
export function createLog(dir: string, firstHeight: number): void {
  const existing = listSegments(dir);
  const onlyEmptyFirst =
    existing.length === 1 && existing[0]?.firstHeight === firstHeight && statSync(join(dir, existing[0].file)).size === 0;
  if (existing.length > 0 && !onlyEmptyFirst) {
    throw new BlockLogError('log_meta_invalid', `${dir} has segment files but no block-log.json; refusing to guess`, { dir });
  }
  makeDirs(join(dir, INDEX_DIR));
  const segment = join(dir, segmentFileName(firstHeight));
  if (!existsSync(segment)) closeSync(openSync(segment, 'wx'));
  closeSync(openSync(indexPath(dir, firstHeight), 'a'));
  createHeadFile(dir, firstHeight - 1, 0, firstHeight, true);
  fsyncDir(dir);
  writeMeta(dir, firstHeight);
}
