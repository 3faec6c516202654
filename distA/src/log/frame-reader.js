/**
 * Sequential, buffered reading of frames from one segment file: big reads (1 MiB by default),
 * frames parsed out of the buffer, so iterating costs one syscall per chunk, not per record.
 * Every frame is checksummed before it is returned. Each refill allocates a fresh buffer (never
 * reused), so a returned payload view stays valid for as long as the caller holds it.
 */
import { FRAME_HEADER_BYTES, FRAME_PREFIX, decodeHeader, frameChecksumOk, } from './frame.js';
import { preadFully } from './files.js';
export const DEFAULT_READ_CHUNK_BYTES = 1 << 20;
const EMPTY = Buffer.alloc(0);
export class FrameReader {
    fd;
    fileBytes;
    position;
    chunkBytes;
    buf = EMPTY;
    /** File offset of buf[0]. */
    bufStart = 0;
    constructor(fd, 
    /** Read nothing at or beyond this file offset (the known end of the segment). */
    fileBytes, position, chunkBytes = DEFAULT_READ_CHUNK_BYTES) {
        this.fd = fd;
        this.fileBytes = fileBytes;
        this.position = position;
        this.chunkBytes = chunkBytes;
    }
    get offset() {
        return this.position;
    }
    next() {
        const at = this.position;
        if (at >= this.fileBytes)
            return { kind: 'end', offset: at };
        if (!this.ensure(at, FRAME_HEADER_BYTES))
            return { kind: 'damaged', offset: at, problem: 'incomplete', header: null };
        const header = decodeHeader(this.buf, at - this.bufStart);
        if (typeof header === 'string')
            return { kind: 'damaged', offset: at, problem: header, header: null };
        const bytes = FRAME_HEADER_BYTES + header.length;
        if (!this.ensure(at, bytes))
            return { kind: 'damaged', offset: at, problem: 'incomplete', header };
        const local = at - this.bufStart;
        if (!frameChecksumOk(this.buf, local, header))
            return { kind: 'damaged', offset: at, problem: 'checksum_mismatch', header };
        this.position = at + bytes;
        return {
            kind: 'frame',
            offset: at,
            height: header.height,
            payload: this.buf.subarray(local + FRAME_HEADER_BYTES, local + bytes),
            bytes,
            syncedBytes: header.syncedBytes,
        };
    }
    /** Makes [at, at + length) available in the buffer; false if the file (as known) ends first. */
    ensure(at, length) {
        if (at + length > this.fileBytes)
            return false;
        if (at >= this.bufStart && at + length <= this.bufStart + this.buf.length)
            return true;
        const size = Math.min(Math.max(this.chunkBytes, length), this.fileBytes - at);
        const buf = Buffer.allocUnsafe(size);
        const got = preadFully(this.fd, buf, 0, size, at);
        this.buf = got === size ? buf : buf.subarray(0, got);
        this.bufStart = at;
        if (got < size)
            this.fileBytes = at + got; // the file is shorter than we were told
        return got >= length;
    }
}
/**
 * After damage at `from`, is there any intact frame later in the file? That is what tells a
 * corrupted record (valid data after it) from a torn tail (nothing valid after it). Looks for
 * the 4-byte frame prefix at every position and checks the candidate frame fully, so a
 * coincidental "PL\x01\x00" inside a payload does not count (its checksum would have to match
 * too, a 2^-32 chance).
 */
export function findIntactFrameAfter(fd, fileBytes, from) {
    const chunk = DEFAULT_READ_CHUNK_BYTES;
    for (let start = from; start < fileBytes; start += chunk - FRAME_PREFIX.length + 1) {
        const size = Math.min(chunk, fileBytes - start);
        const buf = Buffer.allocUnsafe(size);
        const got = preadFully(fd, buf, 0, size, start);
        let i = buf.subarray(0, got).indexOf(FRAME_PREFIX);
        while (i !== -1) {
            const step = new FrameReader(fd, fileBytes, start + i).next();
            if (step.kind === 'frame')
                return { offset: step.offset, height: step.height, bytes: step.bytes };
            i = buf.subarray(0, got).indexOf(FRAME_PREFIX, i + 1);
        }
        if (start + size >= fileBytes)
            break;
    }
    return null;
}
/**
 * Every intact frame after `from`: the first one, and the largest durability claim among them
 * (claims only grow while a segment is written, but damage can hide some frames, so all are
 * visited: sequential walks between searches).
 */
export function surveyIntactAfter(fd, fileBytes, from) {
    const first = findIntactFrameAfter(fd, fileBytes, from);
    if (first === null)
        return null;
    let maxSyncedBytes = 0;
    let next = first;
    while (next !== null) {
        const reader = new FrameReader(fd, fileBytes, next.offset);
        let step = reader.next();
        while (step.kind === 'frame') {
            maxSyncedBytes = Math.max(maxSyncedBytes, step.syncedBytes);
            step = reader.next();
        }
        next = step.kind === 'end' ? null : findIntactFrameAfter(fd, fileBytes, step.offset + 1);
    }
    return { offset: first.offset, height: first.height, maxSyncedBytes };
}
//# sourceMappingURL=frame-reader.js.map