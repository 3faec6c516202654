/**
 * Filler txs of exact framed sizes, to build blocks of an exact byte count (chain/block-size.ts):
 * bytes no decoder reads as a tx, delivered as failures — a proposer may include any bytes.
 */
import { varintLength } from '../../src/chain/block-size.js';

/** One filler tx framing to exactly `bytes` (tag + length varint + payload), or undefined where none does (e.g. 130). */
function oneFiller(bytes: number, fill: number): Uint8Array | undefined {
  for (let lengthBytes = 1; lengthBytes <= 5; lengthBytes++) {
    const payload = bytes - 1 - lengthBytes;
    if (payload >= 1 && varintLength(payload) === lengthBytes) return new Uint8Array(payload).fill(fill);
  }
  return undefined;
}

/** Filler txs whose framed sizes sum to exactly `bytes` (at least 3): one tx, or two where no single tx frames to it. */
export function filler(bytes: number, fill = 0xee): Uint8Array[] {
  if (bytes === 0) return [];
  const one = oneFiller(bytes, fill);
  if (one !== undefined) return [one];
  for (let first = 3; first < 16; first++) {
    const a = oneFiller(first, fill ^ 0x55);
    const b = oneFiller(bytes - first, fill);
    if (a !== undefined && b !== undefined) return [a, b];
  }
  throw new Error(`no filler txs frame to exactly ${bytes} bytes`);
}
