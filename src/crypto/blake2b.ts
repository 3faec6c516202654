/**
 * BLAKE2b-256 (RFC 7693; digest length 32 in the parameter block, no key), one-shot, with the
 * compression function F in WebAssembly (native 64-bit adds and rotations).
 *
 * PERF: the Merkle sum-index tree (pocketcore/msi-tree.ts) hashes 64–96-byte nodes, a dozen per
 * proof. In JavaScript every 64-bit word is two 32-bit halves with carries; @noble/hashes'
 * blake2b also allocates a hasher object per call. In WebAssembly F is a straight line of i64
 * adds, xors and rotates over 32 locals (bench/crypto case blake2b-256-node against node's
 * native BLAKE2b-512). OpenSSL's native BLAKE2b is only reachable from node:crypto as
 * BLAKE2b-512, whose parameter block differs, so a native call cannot produce these digests.
 * Tests hold this function to @noble/hashes and to the RFC 7693 / reference vectors
 * (test/unit/crypto/blake2b).
 *
 * The module is assembled here from the RFC's definition (blake2b-wasm.ts), ~10 KB, compiled
 * once per thread at import. Memory layout: h (8 × u64) at 0, the message block at 64.
 * DEV_NOTE: the memory is scratch shared by every call on this thread; calls never yield, so two
 * cannot interleave (each worker thread has its own module instance).
 */
import { blake2bCompressModule, wasm } from './blake2b-wasm.js';

const BLOCK_BYTES = 128;
const OUT_BYTES = 32;
const TWO_32 = 0x1_0000_0000;
const H_OFFSET = 0;
const BLOCK_OFFSET = 64;

/** The BLAKE2b IV (the SHA-512 IV) as little-endian bytes, with parameter word 0 folded in. */
const INITIAL_H = (() => {
  const iv = [
    0x6a09e667f3bcc908n, 0xbb67ae8584caa73bn, 0x3c6ef372fe94f82bn, 0xa54ff53a5f1d36f1n,
    0x510e527fade682d1n, 0x9b05688c2b3e6c1fn, 0x1f83d9abfb41bd6bn, 0x5be0cd19137e2179n,
  ];
  // Parameter block word 0: digest length 32, key length 0, fanout 1, depth 1 → 0x01010020.
  iv[0] = iv[0]! ^ 0x01010020n;
  const bytes = new Uint8Array(64);
  const view = new DataView(bytes.buffer);
  iv.forEach((word, i) => view.setBigUint64(8 * i, word, true));
  return bytes;
})();

const instance = new wasm.Instance(blake2bCompressModule(), {});
const memory = new Uint8Array((instance.exports['memory'] as { readonly buffer: ArrayBuffer }).buffer);
/** F(h, block at 64, counter = lo + hi·2^32, final flag): updates h in place. */
const compress = instance.exports['compress'] as (last: number, counterLo: number, counterHi: number) => void;

/** BLAKE2b with a 32-byte digest of `data` (RFC 7693, unkeyed). */
export function blake2b256Fast(data: Uint8Array): Uint8Array {
  memory.set(INITIAL_H, H_OFFSET);
  const length = data.byteLength;
  let offset = 0;
  // Every full block but the last is compressed as it is; the last (possibly partial, possibly
  // empty) block is zero-padded and compressed with the final flag.
  while (length - offset > BLOCK_BYTES) {
    memory.set(data.subarray(offset, offset + BLOCK_BYTES), BLOCK_OFFSET);
    offset += BLOCK_BYTES;
    compress(0, offset >>> 0, Math.floor(offset / TWO_32));
  }
  memory.fill(0, BLOCK_OFFSET, BLOCK_OFFSET + BLOCK_BYTES);
  memory.set(data.subarray(offset, length), BLOCK_OFFSET);
  compress(1, length >>> 0, Math.floor(length / TWO_32));
  return memory.slice(H_OFFSET, H_OFFSET + OUT_BYTES);
}

/**
 * BLAKE2b-256 of one short input (≤ 128 bytes: one block) written in place, for a caller that
 * hashes many such inputs in a row and feeds each digest into the next input (the MSI tree walk,
 * pocketcore/msi-tree.ts). PERF: no copy of the input into the module, no digest allocated.
 * Use: write the input into `input` (and `inputView`), call `digest(length)`, read `output`.
 * DEV_NOTE: `input` and `output` are views of the module's scratch memory: any other BLAKE2b
 * call on this thread overwrites both, so read `output` (or copy it into `input`) before
 * calling anything else that hashes. The memory never grows, so the views stay attached.
 */
export const blake2b256Block = {
  /** The message block: the input goes at 0..length (bytes beyond it are zeroed by `digest`). */
  input: memory.subarray(BLOCK_OFFSET, BLOCK_OFFSET + BLOCK_BYTES),
  /** A DataView of `input`, for little-endian words. */
  inputView: new DataView(memory.buffer, memory.byteOffset + BLOCK_OFFSET, BLOCK_BYTES),
  /** The 32-byte digest of the last `digest` call. */
  output: memory.subarray(H_OFFSET, H_OFFSET + OUT_BYTES),
  /** Hash input[0..length] (length ≤ 128) into `output`: the same digest as blake2b256Fast. */
  digest(length: number): void {
    if (!(length >= 0 && length <= BLOCK_BYTES)) throw new RangeError(`blake2b256Block: ${length} bytes is not one block`);
    memory.fill(0, BLOCK_OFFSET + length, BLOCK_OFFSET + BLOCK_BYTES);
    memory.set(INITIAL_H, H_OFFSET);
    compress(1, length, 0);
  },
};

