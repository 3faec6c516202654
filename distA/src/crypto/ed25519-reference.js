/**
 * The independent reference for the ed25519 acceptance rule (stated in ed25519.ts), written
 * step by step from @noble/ed25519's point arithmetic and @noble/hashes' SHA-512 — no OpenSSL.
 * Tests hold `verify` (node:crypto) to it on random and adversarial inputs. It is ~10× slower
 * than node:crypto and is not meant for the hot path.
 *
 * Also exports `noble`, the @noble/ed25519 module with its synchronous SHA-512 hook set, for
 * tests and benchmarks that call noble's own sign/verify.
 */
import * as noble from '@noble/ed25519';
import { sha512 } from '@noble/hashes/sha512';
import { GROUP_ORDER, PUBLIC_KEY_BYTES, SIGNATURE_BYTES } from './ed25519.js';
noble.etc.sha512Sync ??= (...parts) => sha512(noble.etc.concatBytes(...parts));
export { noble };
const { Point } = noble;
/** The field prime p = 2^255 − 19. */
export const FIELD_PRIME = 2n ** 255n - 19n;
export function bytesToBigintLe(bytes) {
    let value = 0n;
    for (let i = bytes.byteLength - 1; i >= 0; i--)
        value = (value << 8n) | BigInt(bytes[i]);
    return value;
}
export function bigintToBytesLe(value, length = 32) {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++, value >>= 8n)
        out[i] = Number(value & 0xffn);
    return out;
}
/**
 * Rule step 3: lenient decoding. y = bits 0..254 mod p; x from the curve equation; the sign
 * bit picks x or −x (no effect when x = 0). Returns undefined when y has no point.
 */
export function decodePointLenient(encoded) {
    if (encoded.byteLength !== 32)
        return undefined;
    const signBit = (encoded[31] & 0x80) !== 0;
    const y = (bytesToBigintLe(encoded) & ((1n << 255n) - 1n)) % FIELD_PRIME;
    const canonical = bigintToBytesLe(y);
    if (signBit)
        canonical[31] = canonical[31] | 0x80;
    try {
        // y is now < p, so noble's zip215 flag only relaxes one check: x = 0 with the sign bit set
        // (which noble then decodes as x = 0, as Go and OpenSSL do).
        return Point.fromBytes(canonical, true);
    }
    catch {
        return undefined;
    }
}
/** Canonical encoding (y < p little-endian, bit 255 = parity of x); total, unlike noble's toBytes. */
export function encodePoint(point) {
    const { x, y } = point.toAffine();
    const out = bigintToBytesLe(y);
    if ((x & 1n) === 1n)
        out[31] = out[31] | 0x80;
    return out;
}
/** [n]P for any 0 ≤ n < L and any point (also small- and mixed-order ones). */
export function multiply(point, scalar) {
    return scalar === 0n ? Point.ZERO : point.multiply(scalar, false);
}
/** k = SHA-512(R ‖ A ‖ M) mod L, over the bytes as given. */
export function challengeScalar(rBytes, publicKey, message) {
    return bytesToBigintLe(sha512(noble.etc.concatBytes(rBytes, publicKey, message))) % GROUP_ORDER;
}
/** The acceptance rule, computed from first principles. Never throws. */
export function verifyReference(publicKey, message, signature) {
    if (publicKey.byteLength !== PUBLIC_KEY_BYTES || signature.byteLength !== SIGNATURE_BYTES)
        return false;
    const rBytes = signature.subarray(0, 32);
    const s = bytesToBigintLe(signature.subarray(32, 64));
    if (s >= GROUP_ORDER)
        return false;
    const a = decodePointLenient(publicKey);
    if (a === undefined)
        return false;
    const k = challengeScalar(rBytes, publicKey, message);
    const check = multiply(Point.BASE, s).add(multiply(a, k).negate());
    const encoded = encodePoint(check);
    for (let i = 0; i < 32; i++)
        if (encoded[i] !== rBytes[i])
            return false;
    return true;
}
//# sourceMappingURL=ed25519-reference.js.map