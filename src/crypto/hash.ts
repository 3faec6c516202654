/**
 * The three hash functions of the protocol (PROTOCOL.md §9):
 * - SHA-256: addresses, tx hashes, block hashes, state root, proposer seed.
 * - SHA3-256 (FIPS 202, not Keccak): session keys and headers, AAT and relay-proof hashes, seeds.
 * - BLAKE2b-256 (digest length 32 in the parameter block, not a truncated BLAKE2b-512): the
 *   Merkle sum-index tree.
 * SHA-256 and SHA3-256 use node:crypto (OpenSSL, native); BLAKE2b-256 uses our one-shot blake2b.ts
 * (OpenSSL only exposes BLAKE2b-512 through node:crypto; @noble/hashes is ~4× slower per node). Tests hold node:crypto to @noble.
 */
import { hash as nodeHash } from 'node:crypto';
import { blake2b256Fast } from './blake2b.js';

/**
 * The digest's bytes from node's latin1 ('binary') string form (one char per byte). PERF: node:crypto's
 * Buffer output gives every digest its own backing store, ~1 µs each — four times the hash of
 * 32 bytes itself (sha256 of a 32-byte key: 1.36 µs with Buffer output, 0.27 µs this way; bench/crypto sha256-32B).
 * The bytes are the same; the result is a plain Uint8Array as before.
 */
function latin1Bytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

export function sha256(data: Uint8Array | string): Uint8Array {
  return latin1Bytes(nodeHash('sha256', data, 'binary'));
}

export function sha3_256(data: Uint8Array | string): Uint8Array {
  return latin1Bytes(nodeHash('sha3-256', data, 'binary'));
}

export function blake2b256(data: Uint8Array | string): Uint8Array {
  return blake2b256Fast(typeof data === 'string' ? utf8Scratch(data) : data);
}

/**
 * Scratch for a text's UTF-8 bytes. PERF: relay-proof leaves (~350 bytes of JSON, one per proof)
 * are hashed as text; Buffer.from took a new slice of Node's pool each time and a new 8 KiB pool
 * every ~20 leaves. DEV_NOTE: the bytes returned are only valid until the next call on this
 * thread; blake2b256Fast reads them before returning and keeps nothing.
 */
const UTF8_SCRATCH = Buffer.alloc(16 * 1024);

function utf8Scratch(text: string): Uint8Array {
  // A UTF-16 unit is at most 3 UTF-8 bytes: when that bound fits, the whole text fits.
  if (text.length * 3 > UTF8_SCRATCH.byteLength) return Buffer.from(text, 'utf8');
  const written = UTF8_SCRATCH.write(text, 0, 'utf8');
  return UTF8_SCRATCH.subarray(0, written);
}
