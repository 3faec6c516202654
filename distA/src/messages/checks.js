/**
 * Small stateless checks shared by the validators: addresses, public keys, chain IDs, amounts.
 * Each returns the canonical value or undefined; the caller picks the rejection code, because
 * pocket-core uses a different code for the same check in every module.
 */
import { hexToBytes } from '../core/hex.js';
import { parseAddress, parsePublicKeyHex } from '../core/types.js';
import { goParseBigInt, isCanonicalDecimal } from '../wire/go-bigint.js';
/** A 20-byte address from wire hex (either case), lowercase; undefined for any other length. */
export function addressFromHex(hex) {
    return parseAddress(hex);
}
/** A 32-byte ed25519 key from wire hex (either case), lowercase. */
export function publicKeyFromHex(hex) {
    return parsePublicKeyHex(hex);
}
/** Byte length of a hex string, or undefined when it is not hex (Go hex.DecodeString fails). */
export function hexByteLength(hex) {
    const bytes = hexToBytes(hex);
    return bytes?.byteLength;
}
/**
 * A relay-chain ID as pocket's ValidateNetworkIdentifier accepts it (x/nodes/types/util.go:50-67:
 * hex, 1..maxBytes bytes; either case, "03DF" passes) → canonical upper-case hex.
 */
export function canonicalChain(chain, maxBytes) {
    const length = hexByteLength(chain);
    if (length === undefined || length === 0 || length > maxBytes)
        return undefined;
    return chain.toUpperCase();
}
/**
 * The value of a BigInt field as pocket-core reads it (Go base-0 syntax, ≤ 255 bits; "" = 0),
 * or undefined when pocket-core could not have decoded it (only reachable for hand-built
 * wire messages: decodeTx already refuses such bytes).
 */
export function bigIntValue(text) {
    return goParseBigInt(text);
}
/**
 * Our canonical-form rule for amounts: exactly the decimal pocket-core writes back ("10000",
 * not "010000", "+10000", "1_0000", " 1" or "0x2710"), or an absent field (read as 0 by
 * every implementation).
 */
export function isCanonicalAmountText(text) {
    return text === '' || isCanonicalDecimal(text);
}
/** Heights travel as int64; the ledger keeps them as JS numbers (safe to 2^53). */
export function isSafeHeight(value) {
    return value >= 0n && value <= BigInt(Number.MAX_SAFE_INTEGER);
}
//# sourceMappingURL=checks.js.map