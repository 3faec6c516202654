/**
 * Frame: one record of a segment file.
 *
 * ```
 * offset size  field
 *      0    2  magic      0x50 0x4C ("PL")
 *      2    1  version    1
 *      3    1  flags      0 (reserved; any other value = unsupported)
 *      4    4  crc        CRC-32 (crc32.ts) of bytes 8 … end (length, height, payload), u32 LE
 *      8    4  length     payload bytes, u32 little-endian
 *     12    8  height     u64 little-endian (must be a JS safe integer, < 2^53)
 *     20    …  payload    `length` opaque bytes (the chain layer's encoded block)
 * ```
 * Worked example: height 7, payload "hi" (68 69) →
 * `50 4c 01 00 | c(4) | 02 00 00 00 | 07 00 00 00 00 00 00 00 | 68 69`, 22 bytes, where c is
 * CRC-32 of the 14 bytes `02 00 00 00 07 00 00 00 00 00 00 00 68 69` (frame.test.ts checks it).
 *
 * The checksum covers the length and height as well as the payload, so a flipped bit in any of
 * them is caught; magic, version and flags are compared exactly instead. Putting the CRC before
 * the fields it covers makes them one contiguous range: one CRC call per frame. The magic lets
 * the scanner recognise "intact data after a damaged spot" (corruption) as opposed to a torn
 * tail (nothing intact after it).
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
  out.writeUInt32LE(payload.length, at + 8);
  // u64 as two u32 halves: no BigInt on the hot path (height < 2^53 is checked by callers).
  out.writeUInt32LE(height % 2 ** 32, at + 12);
  out.writeUInt32LE(Math.floor(height / 2 ** 32), at + 16);
  out.set(payload, at + FRAME_HEADER_BYTES);
  const end = at + FRAME_HEADER_BYTES + payload.length;
  out.writeUInt32LE(crc32(out.subarray(at + 8, end)), at + 4);
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
  const length = buf.readUInt32LE(at + 8);
  if (length > FRAME_MAX_PAYLOAD_BYTES) return 'length_out_of_range';
  const heightHigh = buf.readUInt32LE(at + 16);
  if (heightHigh >= 2 ** 21) return 'height_out_of_range'; // ≥ 2^53
  return { length, height: heightHigh * 2 ** 32 + buf.readUInt32LE(at + 12), crc: buf.readUInt32LE(at + 4) };
}

/** True when the frame at `at` (header + `header.length` payload bytes in `buf`) checksums. */
export function frameChecksumOk(buf: Buffer, at: number, header: FrameHeader): boolean {
  return crc32(buf.subarray(at + 8, at + FRAME_HEADER_BYTES + header.length)) === header.crc;
}
