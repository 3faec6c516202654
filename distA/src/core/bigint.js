/**
 * pocket-core's `BigInt` (types/int.go) as plain JS bigint: parsing, range and the two integer
 * operations whose semantics differ from JS (`Mod` is Euclidean; `Quo` truncates like JS `/`).
 *
 * Range: pocket's BigInt holds |x| < 2^255 (`maxBitLen = 255`, types/int.go:11); Add/Sub/Mul
 * panic past it (int.go:219-260) and parsing rejects it (int.go:100-110).
 */
import { InvariantError } from './assert.js';
/** Exclusive magnitude bound of pocket's BigInt: |x| must be < 2^255 (types/int.go:11). */
export const BIGINT_255_LIMIT = 1n << 255n;
/** True when `value` fits pocket's BigInt (bit length ≤ 255, either sign). */
export function fitsBigInt255(value) {
    return value < BIGINT_255_LIMIT && value > -BIGINT_255_LIMIT;
}
const CANONICAL_DECIMAL = /^-?(?:0|[1-9][0-9]*)$/;
/**
 * Parses an integer written in canonical decimal: an optional `-`, then `0` or digits without a
 * leading zero; `-0` is not canonical. Returns undefined for anything else and for values that
 * do not fit 255 bits.
 *
 * Accepted: "0", "15000000000", "-1". Rejected: "", " 1", "+1", "01", "-0", "1e3", "0x10",
 * "1_000", "1.0", and 2^255 or more in magnitude.
 *
 * DEV_NOTE: deliberately stricter than pocket's `NewIntFromString` (Go `SetString(s, 0)`,
 * types/int.go:13-15, 100-110), which also takes "+1", "0x1f", "0b101", "0o17", "017" (octal!)
 * and "1_000". A number in a signed message or a param value must have exactly one spelling:
 * we reject a non-canonical number instead of silently normalising it, so two ledgers can never
 * disagree about what a signed document said (and "017" can never mean 15).
 *
 * Example: parseBigIntDecimal("15000000000") === 15000000000n; parseBigIntDecimal("015") === undefined.
 */
export function parseBigIntDecimal(text) {
    // The length guard bounds the work before BigInt(): 2^255 has 77 decimal digits.
    if (text.length > 78 || !CANONICAL_DECIMAL.test(text) || text === '-0')
        return undefined;
    const value = BigInt(text);
    return fitsBigInt255(value) ? value : undefined;
}
/** Like parseBigIntDecimal, but also rejects negatives (amounts, counts). Example: "-1" → undefined. */
export function parseNonNegativeBigIntDecimal(text) {
    const value = parseBigIntDecimal(text);
    return value !== undefined && value >= 0n ? value : undefined;
}
/**
 * Go big.Int `Mod`: Euclidean remainder, always in [0, |m|) (types/int.go:280-287).
 * Differs from JS `%` only for a negative dividend: euclideanMod(-7n, 3n) === 2n, while -7n % 3n === -1n.
 * A zero modulus panics in Go ("division-by-zero"); here it throws InvariantError (a bug upstream).
 */
export function euclideanMod(value, modulus) {
    if (modulus === 0n)
        throw new InvariantError('euclideanMod: modulus is zero');
    const remainder = value % modulus;
    if (remainder >= 0n)
        return remainder;
    return modulus > 0n ? remainder + modulus : remainder - modulus;
}
/**
 * Go big.Int `Quo` (pocket BigInt.Quo, int.go:266-272): quotient truncated toward zero, exactly
 * JS bigint `/`. Example: truncatingQuo(-7n, 2n) === -3n. Zero divisor → InvariantError.
 */
export function truncatingQuo(value, divisor) {
    if (divisor === 0n)
        throw new InvariantError('truncatingQuo: division by zero');
    return value / divisor;
}
/** Fails loudly when an intermediate leaves pocket's 255-bit BigInt range (Go panics there). */
export function assertBigInt255(value, what) {
    if (!fitsBigInt255(value))
        throw new InvariantError(`${what}: BigInt overflow (more than 255 bits)`);
    return value;
}
//# sourceMappingURL=bigint.js.map