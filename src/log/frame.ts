/**
 * Frame: one record of a segment file.
 *
 * ```
 * offset size  field
 *      0    2  magic      0x50 0x4C ("PL")
 *      2    1  version    1
 *      3    1  flags      0 (reserved; any other value = unsupported)
 *      4    4  length     payload bytes, u32 little-endian
 *      8    8  height     u64 little-endian (must be a JS safe integer)
 *     16    4  crc        CRC-32 (crc32.ts) of bytes 0..15 followed by the payload, u32 LE
 *     20    …  payload    `length` opaque bytes (the chain layer's encoded block)
 * ```
 * Worked example: height 7, payload "hi" → 50 4c 01 00 | 02 00 00 00 | 07 00 … 00 |
 * crc32(first 16 bytes ‖ 68 69) | 68 69 — 22 bytes in all.
 *
 * The checksum covers the header fields, so a flipped bit in the length or height is caught as
 * surely as one in the payload. The magic lets the scanner recognise "valid data after a damaged
 * spot" (a real corruption) as opposed to a torn tail (nothing valid follows).
 */
import { crc32 } from './crc32.js';

export const FRAME_HEADER_BYTES = 20;
export const FRAME_MAGIC_0 = 0x50;
export const FRAME_MAGIC_1 = 0x4c;
export const FRAME_VERSION = 1;
/** Hard format limit on a payload; a header claiming more is damaged (u32 would allow 4 GiB). */
export const FRAME_MAX_PAYLOAD_BYTES = 1 << 30;

/** The 4 bytes every version-1 frame starts with (used to search for frames after damage). */
export const FRAME_PREFIX = Uint8Array.of(FRAME_MAGIC_0, FRAME_MAGIC_1, FRAME_VERSION, 0);

export interface FrameHeader {
  readonly length: number;
  readonly height: number;
  readonly crc: number;
}

export type HeaderProblem = 'bad_magic' | 'unsupported_version' | 'bad_flags' | 'length_out_of_range' | 'height_out_of_range';

export function frameBytes(payloadBytes: number): number {
  return FRAME_HEADER_BYTES + payloadBytes;
}

/** Writes one frame for (height, payload) into `out` at `at`; returns the bytes written. */
export function encodeFrameInto(out: Buffer, at: number, height: number, payload: Uint8Array): number {
  out[at] = FRAME_MAGIC_0;
  out[at + 1] = FRAME_MAGIC_1;
  out[at + 2] = FRAME_VERSION;
  out[at + 3] = 0;
  out.writeUInt32LE(payload.length, at + 4);
  out.writeBigUInt64LE(BigInt(height), at + 8);
  const headerCrc = crc32(out.subarray(at, at + 16));
  out.writeUInt32LE(crc32(payload, headerCrc), at + 16);
  out.set(payload, at + FRAME_HEADER_BYTES);
  return FRAME_HEADER_BYTES + payload.length;
}

export function encodeFrame(height: number, payload: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(frameBytes(payload.length));
  encodeFrameInto(out, 0, height, payload);
  return out;
}

/** Parses the 20 header bytes at `at` (caller guarantees they are in `buf`). */
export function decodeHeader(buf: Buffer, at: number): FrameHeader | HeaderProblem {
  if (buf[at] !== FRAME_MAGIC_0 || buf[at + 1] !== FRAME_MAGIC_1) return 'bad_magic';
  if (buf[at + 2] !== FRAME_VERSION) return 'unsupported_version';
  if (buf[at + 3] !== 0) return 'bad_flags';
  const length = buf.readUInt32LE(at + 4);
  if (length > FRAME_MAX_PAYLOAD_BYTES) return 'length_out_of_range';
  const height = buf.readBigUInt64LE(at + 8);
  if (height > BigInt(Number.MAX_SAFE_INTEGER)) return 'height_out_of_range';
  return { length, height: Number(height), crc: buf.readUInt32LE(at + 16) };
}

/** True when the frame at `at` (header + `header.length` payload bytes in `buf`) checksums. */
export function frameChecksumOk(buf: Buffer, at: number, header: FrameHeader): boolean {
  const headerCrc = crc32(buf.subarray(at, at + 16));
  const end = at + FRAME_HEADER_BYTES + header.length;
  return crc32(buf.subarray(at + FRAME_HEADER_BYTES, end), headerCrc) === header.crc;
}
