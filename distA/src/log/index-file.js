/**
 * The height index: one file per segment, `index/segment-<first>.idx`, holding for each record
 * of that segment its frame's byte offset as a u64 little-endian (8 bytes per height, no
 * header). Entry i belongs to height firstHeight + i, so a lookup is one array access; a
 * frame's length is the next entry's offset (or the segment's end) minus its own.
 *
 * It is derived data. It is never trusted blindly: an entry is accepted only if the frame it
 * points at has the right magic, height, length and checksum (block-log.ts), a loaded file
 * must be well formed (validIndex below), and any mismatch rebuilds the segment's index from the
 * segment itself. Deleting the whole `index/` directory is always safe. The active segment's
 * index lives in memory and is written to its file when the segment is sealed (then fsynced)
 * or the log is closed; after a crash the file is short, and opening — which always scans the
 * last segment — rewrites it (reported in `recovery.indexRebuilt`).
 */
import { closeSync, existsSync, fstatSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { FRAME_HEADER_BYTES } from './frame.js';
import { preadFully } from './files.js';
export const INDEX_ENTRY_BYTES = 8;
export function encodeIndex(offsets) {
    const buf = Buffer.allocUnsafe(offsets.length * INDEX_ENTRY_BYTES);
    for (let i = 0; i < offsets.length; i++)
        buf.writeBigUInt64LE(BigInt(offsets[i]), i * INDEX_ENTRY_BYTES);
    return buf;
}
/** Index file → offsets; null when missing or not a whole number of entries. */
export function readIndexFile(path) {
    if (!existsSync(path))
        return null;
    const buf = readFileSync(path);
    if (buf.length % INDEX_ENTRY_BYTES !== 0)
        return null;
    const offsets = new Array(buf.length / INDEX_ENTRY_BYTES);
    for (let i = 0; i < offsets.length; i++)
        offsets[i] = Number(buf.readBigUInt64LE(i * INDEX_ENTRY_BYTES));
    return offsets;
}
/** The last entry only (8 bytes read): enough to learn a sealed segment's record count at open. */
export function readLastIndexEntry(path) {
    if (!existsSync(path))
        return null;
    const fd = openSync(path, 'r');
    try {
        const size = fstatSync(fd).size;
        if (size === 0 || size % INDEX_ENTRY_BYTES !== 0)
            return null;
        const buf = Buffer.allocUnsafe(INDEX_ENTRY_BYTES);
        if (preadFully(fd, buf, 0, INDEX_ENTRY_BYTES, size - INDEX_ENTRY_BYTES) !== INDEX_ENTRY_BYTES)
            return null;
        return { count: size / INDEX_ENTRY_BYTES, lastOffset: Number(buf.readBigUInt64LE(0)) };
    }
    finally {
        closeSync(fd);
    }
}
/**
 * Cheap shape check of a loaded index against its segment: starts at 0, strictly increasing by
 * at least a frame header, last frame starts before the segment's end. (Exact positions are
 * checked frame by frame on read.)
 */
export function validIndex(offsets, count, segmentBytes) {
    if (offsets.length !== count)
        return false;
    if (count === 0)
        return segmentBytes === 0;
    if (offsets[0] !== 0)
        return false;
    for (let i = 1; i < count; i++) {
        if (offsets[i] < offsets[i - 1] + FRAME_HEADER_BYTES)
            return false;
    }
    return offsets[count - 1] + FRAME_HEADER_BYTES <= segmentBytes;
}
/** Replaces an index file atomically (write a temporary file, then rename over). */
export function writeIndexFile(path, offsets) {
    const tmp = `${path}.tmp`;
    writeFileSync(tmp, encodeIndex(offsets));
    renameSync(tmp, path);
}
//# sourceMappingURL=index-file.js.map