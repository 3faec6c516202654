/**
 * `block-log.json`: what the directory is and where the chain starts. Written at creation
 * (temporary file, fsync, rename, fsync of the directory); its presence marks a completed
 * `create`. `head: true` says the log keeps a head record (head.ts), so a missing head file is
 * damage, not an old log: a log created before head records existed lacks the field and is
 * given a head (and the field, by one more atomic rewrite) the first time a writer opens it.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { BlockLogError } from './errors.js';
import { META_FILE, fsyncDir } from './files.js';
export const META_FORMAT = 'pokt-ledger/block-log';
export const META_VERSION = 1;
export const metaPath = (dir) => join(dir, META_FILE);
export function metaExists(dir) {
    return existsSync(metaPath(dir));
}
export function readMeta(dir) {
    const path = metaPath(dir);
    let raw;
    try {
        raw = JSON.parse(readFileSync(path, 'utf8'));
    }
    catch (error) {
        throw new BlockLogError('log_meta_invalid', `cannot read ${path}: ${error.message}`, { file: path });
    }
    const meta = raw;
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
    return { format: META_FORMAT, version: META_VERSION, firstHeight: meta.firstHeight, head: meta.head === true };
}
export function writeMeta(dir, firstHeight) {
    const path = metaPath(dir);
    const tmp = `${path}.tmp`;
    const meta = { format: META_FORMAT, version: META_VERSION, firstHeight, head: true };
    const fd = openSync(tmp, 'w');
    try {
        writeSync(fd, JSON.stringify(meta) + '\n');
        fsyncSync(fd);
    }
    finally {
        closeSync(fd);
    }
    renameSync(tmp, path);
    fsyncDir(dir);
}
//# sourceMappingURL=meta.js.map