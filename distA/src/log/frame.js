/**
 * Frame: one record of a segment file.
 *
 * ```
 * offset size  field
 *      0    2  magic        0x50 0x4C ("PL")
 *      2    1  version      1
 *      3    1  flags        0 (reserved; any other value = unsupported)
 *      4    4  crc          CRC-32 (crc32.ts) of bytes 8 … end of frame, u32 LE
 *      8    4  length       payload bytes, u32 LE
 *     12    4  syncedBytes  bytes of this segment known durable (fdatasync returned) when this
 *                           frame was written, u32 LE — see below
 *     16    8  height       u64 LE (a JS safe integer, < 2^53)
 *     24    …  payload      `length` opaque bytes (the chain layer's encoded block)
 * ```
 * Worked example: height 7, payload "hi" (68 69), segment synced up to byte 0 →
 * `50 4c 01 00 | c(4) | 02 00 00 00 | 00 00 00 00 | 07 00 00 00 00 00 00 00 | 68 69`, 26 bytes,
 * c = CRC-32 of the 18 bytes after it (frame.test.ts checks it).
 *
 * The checksum covers length, syncedBytes, height and payload, so a flipped bit in any of them
 * is caught; magic, version and flags are compared exactly instead. The CRC sits before the
 * fields it covers so that they form one contiguous range: one CRC call per frame.
 *
 * Why syncedBytes: after a power loss, pages that were written but not yet fsynced may reach
 * the disk in any order, so the unsynced end of a segment can hold a damaged frame followed by
 * intact ones. A damaged frame at offset o followed by an intact frame that claims syncedBytes
 * > o had been fsynced before that later frame was written: it is real corruption. If every
 * intact frame after it claims syncedBytes ≤ o, the damage lies in the window that was never
 * confirmed durable: a torn tail. (recover.ts applies this rule.)
 */
import { crc32 } from './crc32.js';
export const FRAME_HEADER_BYTES = 24;
export const FRAME_MAGIC_0 = 0x50;
export const FRAME_MAGIC_1 = 0x4c;
export const FRAME_VERSION = 1;
/** Hard format limit on a payload; a header claiming more is damaged (u32 would allow 4 GiB). */
export const FRAME_MAX_PAYLOAD_BYTES = 1 << 30;
/** The 4 bytes every version-1 frame starts with (used to search for frames after damage). */
export const FRAME_PREFIX = Uint8Array.of(FRAME_MAGIC_0, FRAME_MAGIC_1, FRAME_VERSION, 0);
export function frameBytes(payloadBytes) {
    return FRAME_HEADER_BYTES + payloadBytes;
}
/** Largest segment offset a frame may start at or claim as synced (u32 fields). */
export const FRAME_MAX_SEGMENT_OFFSET = 2 ** 32 - 1;
/**
 * Writes one frame for (height, payload) into `out` at `at`; returns the bytes written.
 * `syncedBytes`: how much of the segment is known durable now (0 when unknown).
 */
export function encodeFrameInto(out, at, height, payload, syncedBytes = 0) {
    out[at] = FRAME_MAGIC_0;
    out[at + 1] = FRAME_MAGIC_1;
    out[at + 2] = FRAME_VERSION;
    out[at + 3] = 0;
    out.writeUInt32LE(payload.length, at + 8);
    out.writeUInt32LE(syncedBytes, at + 12);
    // u64 as two u32 halves: no BigInt on the hot path (height < 2^53 is checked by callers).
    out.writeUInt32LE(height % 2 ** 32, at + 16);
    out.writeUInt32LE(Math.floor(height / 2 ** 32), at + 20);
    out.set(payload, at + FRAME_HEADER_BYTES);
    const end = at + FRAME_HEADER_BYTES + payload.length;
    out.writeUInt32LE(crc32(out.subarray(at + 8, end)), at + 4);
    return FRAME_HEADER_BYTES + payload.length;
}
export function encodeFrame(height, payload, syncedBytes = 0) {
    const out = Buffer.allocUnsafe(frameBytes(payload.length));
    encodeFrameInto(out, 0, height, payload, syncedBytes);
    return out;
}
/** Parses the 20 header bytes at `at` (caller guarantees they are in `buf`). */
export function decodeHeader(buf, at) {
    if (buf[at] !== FRAME_MAGIC_0 || buf[at + 1] !== FRAME_MAGIC_1)
        return 'bad_magic';
    if (buf[at + 2] !== FRAME_VERSION)
        return 'unsupported_version';
    if (buf[at + 3] !== 0)
        return 'bad_flags';
    const length = buf.readUInt32LE(at + 8);
    if (length > FRAME_MAX_PAYLOAD_BYTES)
        return 'length_out_of_range';
    const heightHigh = buf.readUInt32LE(at + 20);
    if (heightHigh >= 2 ** 21)
        return 'height_out_of_range'; // ≥ 2^53
    return {
        length,
        syncedBytes: buf.readUInt32LE(at + 12),
        height: heightHigh * 2 ** 32 + buf.readUInt32LE(at + 16),
        crc: buf.readUInt32LE(at + 4),
    };
}
/** True when the frame at `at` (header + `header.length` payload bytes in `buf`) checksums. */
export function frameChecksumOk(buf, at, header) {
    return crc32(buf.subarray(at + 8, at + FRAME_HEADER_BYTES + header.length)) === header.crc;
}
//# sourceMappingURL=frame.js.map