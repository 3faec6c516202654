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
function toBytes(buffer) {
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
export function sha256(data) {
    return toBytes(nodeHash('sha256', data, 'buffer'));
}
export function sha3_256(data) {
    return toBytes(nodeHash('sha3-256', data, 'buffer'));
}
export function blake2b256(data) {
    return blake2b256Fast(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
}
//# sourceMappingURL=hash.js.map