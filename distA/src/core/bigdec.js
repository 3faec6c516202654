/**
 * `Dec`: pocket-core's 18-decimal fixed-point `BigDec` (types/decimal.go), bit for bit.
 *
 * A Dec is an immutable wrapper around one bigint, `scaled`, with value = scaled / 10^18.
 * Every operation reproduces the Go rounding exactly; the semantics were ported, not the code.
 *
 * Rounding, in one table (P = 10^18; "half-even" = banker's rounding on the magnitude, sign kept):
 *   add, sub, neg, abs, mulInt, mulInt64 .... exact
 *   mul ..................................... half-even(a·b / P)                     (decimal.go:263-271)
 *   mulTruncate ............................. trunc(a·b / P)                         (decimal.go:274-282)
 *   quo ..................................... half-even(trunc(a·P·P / b) / P)        (decimal.go:305-317)
 *   quoTruncate ............................. trunc(trunc(a·P·P / b) / P)            (decimal.go:320-332)
 *   quoRoundUp .............................. away-from-zero for positives, see below (decimal.go:335-347)
 *   quoInt, quoInt64 ........................ trunc(a / i) on the scaled value       (decimal.go:350-359)
 *   truncateInt, roundInt ................... trunc / half-even to an integer        (decimal.go:597-634)
 * ("trunc" is toward zero, like Go's big.Int.Quo and JS bigint `/`.)
 *
 * Overflow: Go panics ("BigInt overflow") when the scaled result of add, sub, mul, mulTruncate,
 * mulInt, mulInt64 or any quo needs more than 255 + 60 = 315 bits (decimal.go:246, 256, 267, ...).
 * DECISION: we throw `DecOverflowError` (an InvariantError) at exactly the same places. Consensus
 * maths that overflows is a bug, not an expected rejection. The one place pocket *recovers* from a
 * panic is ApproxRoot (decimal.go:366-374), and `approxRoot` below reproduces that by returning
 * `{ ok: false }`, which `fracPow` turns into 1 as FracPow does (decimal.go:444-446).
 * Division by zero (quo*, quoInt*) panics in Go too; here it throws InvariantError.
 *
 * Invariant: every Dec has |scaled| < 2^315, so no operation can start from an out-of-range value
 * (Go cannot make one either, except via NewDecFromStr, which `fromString` rejects: see there).
 *
 * DEV_NOTE: no floating point and no string round-trips inside arithmetic; `toString` is only
 * for output. Values are compared by `scaled`, never by object identity.
 */
import { InvariantError } from './assert.js';
import { BIGINT_255_LIMIT } from './bigint.js';
/** Decimal places (decimal.go:49). */
export const DEC_PRECISION = 18;
/** 10^18, the scale factor ("precisionReuse", decimal.go:57). */
export const DEC_SCALE = 10n ** 18n;
const HALF_SCALE = DEC_SCALE / 2n;
const SCALE_SQUARED = DEC_SCALE * DEC_SCALE;
/** Exclusive bound on |scaled|: Go panics when BitLen() > 255 + 60 (decimal.go:53, 246). */
export const DEC_SCALED_LIMIT = 1n << 315n;
const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);
const UINT64_LIMIT = 1n << 64n;
/** A Dec result left the 315-bit range: Go panics with "BigInt overflow" at the same point. */
export class DecOverflowError extends InvariantError {
}
/** Division of a Dec by zero: Go's big.Int panics ("division by zero"). */
export class DecDivisionByZeroError extends InvariantError {
}
/** An integer conversion out of range: Go panics ("Int64() out of bound", NewIntFromBigInt). */
export class DecIntegerRangeError extends InvariantError {
}
/** pocket-core's ApproxRoot would loop forever on this input (see Dec.approxRoot). */
export class ApproxRootNonTerminationError extends InvariantError {
}
/** Throws DecOverflowError when |scaled| needs more than 315 bits, as the Go overflow checks do. */
function checked(scaled, operation) {
    if (scaled >= DEC_SCALED_LIMIT || scaled <= -DEC_SCALED_LIMIT) {
        throw new DecOverflowError(`Dec.${operation}: BigInt overflow (result exceeds 315 bits)`);
    }
    return scaled;
}
/**
 * Divides by 10^18 with banker's rounding of the magnitude ("chopPrecisionAndRound",
 * decimal.go:537-567). Worked examples at the 10^-18 digit (x is a count of 10^-36 units):
 *   x = 2.5·10^18  → 2 (tie, 2 is even)      x = 3.5·10^18 → 4 (tie, 3 is odd)
 *   x = 2.5·10^18 + 1 → 3 (above the tie)    x = −2.5·10^18 → −2 (sign removed, rounded, restored)
 */
function chopHalfEven(x) {
    if (x < 0n)
        return -chopHalfEven(-x);
    const quotient = x / DEC_SCALE;
    const remainder = x % DEC_SCALE;
    if (remainder < HALF_SCALE)
        return quotient;
    if (remainder > HALF_SCALE)
        return quotient + 1n;
    return (quotient & 1n) === 0n ? quotient : quotient + 1n;
}
/**
 * Divides by 10^18 rounding positive remainders up and negative ones toward zero
 * ("chopPrecisionAndRoundUp", decimal.go:569-589). Examples: 1.2 → 2, −1.2 → −1 (in 10^-18 units).
 */
function chopRoundUp(x) {
    if (x < 0n)
        return -(-x / DEC_SCALE);
    const quotient = x / DEC_SCALE;
    return x % DEC_SCALE === 0n ? quotient : quotient + 1n;
}
function toBigIntInteger(value, what) {
    if (typeof value === 'bigint')
        return value;
    if (!Number.isSafeInteger(value))
        throw new InvariantError(`${what}: ${value} is not a safe integer`);
    return BigInt(value);
}
function assertInt64(value, what) {
    if (value > INT64_MAX || value < INT64_MIN)
        throw new DecIntegerRangeError(`${what}: Int64() out of bound`);
    return value;
}
/** Go's BigInt constructor (NewIntFromBigInt) panics past 255 bits (types/int.go:91-96). */
function assertInt255(value, what) {
    if (value >= BIGINT_255_LIMIT || value <= -BIGINT_255_LIMIT) {
        throw new DecIntegerRangeError(`${what}: NewIntFromBigInt() out of bound (more than 255 bits)`);
    }
    return value;
}
// Accepted text: optional '-', at least one digit, optionally '.' and 1 to 18 digits.
const DEC_TEXT = /^(-?)([0-9]+)(?:\.([0-9]{1,18}))?$/;
// 2^315 / 10^18 < 10^77: an in-range value has at most 77 significant integer digits.
const DEC_INTEGER_DIGITS_MAX = 77;
/** Iterations allowed to ApproxRoot before we call it non-terminating (see approxRoot). */
export const APPROX_ROOT_MAX_ITERATIONS = 1_000_000;
export class Dec {
    /** Value = scaled / 10^18. Always |scaled| < 2^315. */
    scaled;
    constructor(scaled) {
        this.scaled = scaled;
    }
    static ZERO = new Dec(0n);
    static ONE = new Dec(DEC_SCALE);
    /** 10^-18, the smallest positive Dec ("SmallestDec", decimal.go:86). */
    static SMALLEST = new Dec(1n);
    // ── construction ──────────────────────────────────────────────────────────────────────────
    /** From the scaled integer itself: fromScaled(1500000000000000000n) is 1.5. */
    static fromScaled(scaled) {
        return new Dec(checked(scaled, 'fromScaled'));
    }
    /** A whole number (NewDec / NewDecFromInt, decimal.go:109-147): fromInt(3) is 3.000000000000000000. */
    static fromInt(value) {
        return new Dec(checked(toBigIntInteger(value, 'Dec.fromInt') * DEC_SCALE, 'fromInt'));
    }
    /**
     * `value · 10^-precision` (NewDecWithPrec, decimal.go:115-119), precision 0..18.
     * Example: withPrecision(89, 2) is 0.89; withPrecision(12340, 5) is 0.1234.
     */
    static withPrecision(value, precision) {
        if (!Number.isInteger(precision) || precision < 0 || precision > DEC_PRECISION) {
            throw new InvariantError(`Dec.withPrecision: precision ${precision} outside 0..18`);
        }
        const factor = 10n ** BigInt(DEC_PRECISION - precision);
        return new Dec(checked(toBigIntInteger(value, 'Dec.withPrecision') * factor, 'withPrecision'));
    }
    /**
     * Parses pocket's decimal text (NewDecFromStr, decimal.go:162-210). Accepted grammar:
     *   -?[0-9]+(\.[0-9]{1,18})?        e.g. "1", "-0.75", "0.600000000000000000", "007.5"
     * Returns undefined for everything else. Every text we accept, Go accepts with the same value.
     *
     * Go also rejects: "", "-", ".", ".5", "1.", "1.2.3", more than 18 decimals, letters, spaces.
     * DEV_NOTE: we are stricter than Go in three ways, all deliberate and documented:
     *   1. No '+' and no second sign. Go hands the integer part to big.Int.SetString, which takes a
     *      sign of its own, so Go accepts "+5", "+.5" (= 0.5), "-+5" (= −5) and even "--5" (= +5).
     *   2. Leading zeros are allowed (Go allows them, and "007.5" has only one meaning), but the
     *      text must be ASCII digits (no Unicode digits, underscores or exponents — Go agrees).
     *   3. Values with |scaled| ≥ 2^315 (about 6.7·10^76) are rejected. Go's parser has no bound,
     *      but such a value overflows (panics) as soon as it takes part in add/sub/mul; keeping
     *      every Dec in range makes that impossible here and bounds the parsing work.
     * Divergence from 3 is only observable for absurd governance values (a param set to > 10^76).
     */
    static fromString(text) {
        const match = DEC_TEXT.exec(text);
        if (match === null)
            return undefined;
        const negative = match[1] === '-';
        // Leading zeros are dropped before the length guard, which bounds the work of BigInt().
        const whole = (match[2] ?? '').replace(/^0+(?=[0-9])/, '');
        if (whole.length > DEC_INTEGER_DIGITS_MAX)
            return undefined;
        const fraction = match[3] ?? '';
        const magnitude = BigInt(whole + fraction.padEnd(DEC_PRECISION, '0'));
        if (magnitude >= DEC_SCALED_LIMIT)
            return undefined;
        return new Dec(negative ? -magnitude : magnitude);
    }
    // ── exact arithmetic ──────────────────────────────────────────────────────────────────────
    /** a + b, exact; overflow-checked (decimal.go:243-250). 0.1 + 0.2 = 0.3 exactly. */
    add(other) {
        return new Dec(checked(this.scaled + other.scaled, 'add'));
    }
    /** a − b, exact; overflow-checked (decimal.go:253-260). */
    sub(other) {
        return new Dec(checked(this.scaled - other.scaled, 'sub'));
    }
    /** −a (decimal.go:233). */
    neg() {
        return new Dec(-this.scaled);
    }
    /** |a| (decimal.go:234). */
    abs() {
        return this.scaled < 0n ? new Dec(-this.scaled) : this;
    }
    /** a · i for an integer i, exact (MulInt, decimal.go:285-292). 0.00001 · 20 = 0.0002. */
    mulInt(value) {
        return new Dec(checked(this.scaled * toBigIntInteger(value, 'Dec.mulInt'), 'mulInt'));
    }
    /** MulInt64 (decimal.go:295-302): same as mulInt with the factor limited to int64. */
    mulInt64(value) {
        return this.mulInt(assertInt64(toBigIntInteger(value, 'Dec.mulInt64'), 'Dec.mulInt64'));
    }
    // ── rounded arithmetic ────────────────────────────────────────────────────────────────────
    /**
     * a · b rounded half-even at 10^-18 (Mul, decimal.go:263-271). The product a·b is exact in
     * 10^-36 units, so this is a single correct rounding of the true product.
     * Example: 0.000000000000000001 · 0.5 = 0.5·10^-18 → tie → 0 (even);
     *          0.000000000000000003 · 0.5 = 1.5·10^-18 → tie → 0.000000000000000002 (even).
     */
    mul(other) {
        return new Dec(checked(chopHalfEven(this.scaled * other.scaled), 'mul'));
    }
    /** a · b truncated toward zero at 10^-18 (MulTruncate, decimal.go:274-282). */
    mulTruncate(other) {
        return new Dec(checked((this.scaled * other.scaled) / DEC_SCALE, 'mulTruncate'));
    }
    /**
     * a / b (Quo, decimal.go:305-317) — two roundings, exactly as Go:
     *   1. q36 = trunc(a_scaled · 10^18 · 10^18 / b_scaled)   (the quotient in 10^-36 units, toward zero)
     *   2. result = half-even(q36 / 10^18)
     * Example: 3/7: q36 = 428571428571428571.428571428571428571·10^18 → 0.428571428571428571.
     * Example: 2/3 = 0.666…6|666… → 0.666666666666666667.
     * DEV_NOTE: because step 1 truncates, a quotient a hair above a tie (beyond 36 decimals) is
     * seen as the tie itself and rounds to even; a single exact rounding could round up. Tests pin it.
     * Zero divisor → InvariantError (Go panics).
     */
    quo(other) {
        return new Dec(checked(chopHalfEven(this.quotient36(other)), 'quo'));
    }
    /** a / b with both steps truncating (QuoTruncate, decimal.go:320-332): 3/7 → 0.428571428571428571. */
    quoTruncate(other) {
        return new Dec(checked(this.quotient36(other) / DEC_SCALE, 'quoTruncate'));
    }
    /**
     * a / b rounding up a positive quotient, and toward zero a negative one (QuoRoundUp,
     * decimal.go:335-347): 3/7 → 0.428571428571428572; −3/7 → −0.428571428571428571.
     */
    quoRoundUp(other) {
        return new Dec(checked(chopRoundUp(this.quotient36(other)), 'quoRoundUp'));
    }
    quotient36(other) {
        if (other.scaled === 0n)
            throw new DecDivisionByZeroError('Dec.quo: division by zero');
        return (this.scaled * SCALE_SQUARED) / other.scaled;
    }
    /**
     * Scaled value divided by an integer, truncated toward zero (QuoInt, decimal.go:350-353).
     * Example: 1.000000000000000001 quoInt 2 = 0.5 (…0005 truncated); −1 quoInt 3 = −0.333333333333333333.
     */
    quoInt(value) {
        const divisor = toBigIntInteger(value, 'Dec.quoInt');
        if (divisor === 0n)
            throw new DecDivisionByZeroError('Dec.quoInt: division by zero');
        return new Dec(this.scaled / divisor);
    }
    /** QuoInt64 (decimal.go:356-359): quoInt with the divisor limited to int64. */
    quoInt64(value) {
        return this.quoInt(assertInt64(toBigIntInteger(value, 'Dec.quoInt64'), 'Dec.quoInt64'));
    }
    // ── to integers ──────────────────────────────────────────────────────────────────────────
    /** Drops the fraction toward zero (TruncateInt, decimal.go:632-634): 7.6 → 7, −7.6 → −7. */
    truncateInt() {
        return assertInt255(this.scaled / DEC_SCALE, 'Dec.truncateInt');
    }
    /** TruncateInt64 (decimal.go:623-629): truncateInt that must fit int64 (Go panics otherwise). */
    truncateInt64() {
        return assertInt64(this.scaled / DEC_SCALE, 'Dec.truncateInt64');
    }
    /**
     * Rounds half-even to an integer (RoundInt, decimal.go:606-608). From decimal_test.go:223-232:
     * 0.5 → 0, 1.5 → 2, 2.5 → 2, 7.5 → 8, 0.545 → 1, −2.5 → −2.
     */
    roundInt() {
        return assertInt255(chopHalfEven(this.scaled), 'Dec.roundInt');
    }
    /** RoundInt64 (decimal.go:597-603): roundInt that must fit int64 (Go panics otherwise). */
    roundInt64() {
        return assertInt64(chopHalfEven(this.scaled), 'Dec.roundInt64');
    }
    /** Fraction dropped toward zero, as a Dec (TruncateDec, decimal.go:637-639): −4.7 → −4. */
    truncateDec() {
        return new Dec((this.scaled / DEC_SCALE) * DEC_SCALE);
    }
    /** Smallest integer ≥ a, as a Dec (Ceil, decimal.go:643-659): 4.001 → 5, −4.7 → −4. */
    ceil() {
        const quotient = this.scaled / DEC_SCALE;
        const remainder = this.scaled % DEC_SCALE;
        return new Dec((remainder > 0n ? quotient + 1n : quotient) * DEC_SCALE);
    }
    // ── powers and roots ─────────────────────────────────────────────────────────────────────
    /**
     * a^k for an integer 0 ≤ k < 2^64 by Go's square-and-multiply loop (Power, decimal.go:408-425):
     *   k == 0 → 1; tmp = 1; for i = k; i > 1: { if i even: i /= 2 else: tmp = tmp·a, i = (i−1)/2;  a = a·a }
     *   return a·tmp
     * Every `·` is `mul` (half-even at 10^-18), so the result depends on this exact order of
     * operations: it is NOT the same as k−1 successive multiplications. Example:
     * 1.000000001^3: i=3 odd → tmp = 1.000000001, i = 1; a = a·a = 1.000000002000000001; return
     * a·tmp = 1.000000003000000003 (the true value …003000000003000000001·10^-27 rounded).
     * Overflow of any step throws DecOverflowError (Go panics).
     */
    power(exponent) {
        const k = toBigIntInteger(exponent, 'Dec.power');
        if (k < 0n || k >= UINT64_LIMIT)
            throw new InvariantError(`Dec.power: exponent ${k} is not a uint64`);
        if (k === 0n)
            return Dec.ONE;
        return new Dec(powerScaled(this.scaled, k));
    }
    /**
     * n-th root by Go's Newton iteration in 18-decimal arithmetic (ApproxRoot, decimal.go:365-405):
     *   a < 0 → −approxRoot(−a) (errors propagate);  n == 1 or a == 0 or a == 1 → a;  n == 0 → 1
     *   guess = 1, delta = 1
     *   while |delta| > 10^-18:
     *     prev  = guess.power(n − 1), replaced by 10^-18 if it is 0
     *     delta = (a.quo(prev) − guess).quoInt(n)        ← quoInt TRUNCATES toward zero
     *     guess = guess + delta
     * Example: sqrt(4): guess 1 → 1 + (4/1 − 1)/2 = 2.5 → 2.5 + (1.6 − 2.5)/2 = 2.05 → … → 2.
     *
     * Go recovers any panic inside (decimal.go:366-374) and returns an error; the only panic that
     * can occur is an overflow (e.g. guess^(n−1) for a large a: 1000^(1/100) starts at guess
     * 1 + 999/100 = 10.99, and 10.99^99 exceeds 315 bits), which we report as `{ ok: false }`.
     *
     * DEV_NOTE: Go's loop has no iteration limit, and for some inputs it never ends: with a tiny
     * a (e.g. 0.000000000000000216, n = 9) guess^(n−1) keeps only a few significant digits, and
     * the guesses cycle forever — a pocket-core node would hang there. We detect the cycle (the
     * next guess depends only on the current one, so a repeated guess proves it) and throw
     * InvariantError instead; APPROX_ROOT_MAX_ITERATIONS is a last-resort bound far above any
     * terminating run we observed (under 3,000 iterations, for inputs below 10^-15). Integers —
     * everything PIP-22 can reach — terminate: 0..2000 with n = 100 (the root PIP-22 takes) and
     * 0..100 with every n = 2..100 (test/unit/core/bigdec-roots.test.ts); from 499 up, n = 100
     * overflows and returns `{ ok: false }`.
     */
    approxRoot(root) {
        const n = toBigIntInteger(root, 'Dec.approxRoot');
        if (n < 0n || n >= UINT64_LIMIT)
            throw new InvariantError(`Dec.approxRoot: root ${n} is not a uint64`);
        if (this.scaled < 0n) {
            // Go: d.MulInt64(-1).ApproxRoot(root) then .MulInt64(-1); neither can overflow in range.
            const positive = new Dec(-this.scaled).approxRoot(n);
            return positive.ok ? { ok: true, value: positive.value.neg() } : positive;
        }
        if (n === 1n || this.scaled === 0n || this.scaled === DEC_SCALE)
            return { ok: true, value: this };
        if (n === 0n)
            return { ok: true, value: Dec.ONE };
        try {
            return { ok: true, value: new Dec(newtonRoot(this.scaled, n)) };
        }
        catch (error) {
            if (error instanceof DecOverflowError)
                return { ok: false, reason: error.message };
            throw error;
        }
    }
    /**
     * a^(p) for a decimal exponent with a known denominator (FracPow, decimal.go:428-451):
     *   p == 0 → 1
     *   B = roundInt64(p · denominator)         (half-even; Go panics if it leaves int64)
     *   c = approxRoot(a, denominator); on error → 1 (Go's FracPow returns OneDec)
     *   return c.power(uint64(B))               (a negative B wraps to 2^64 + B, as Go's conversion does)
     * Example (PIP-22, denominator 100): 2^1.00 = approxRoot(2, 100)^100 = 2.000000000000000037,
     * not 2 — the 100th root carries an error of ~10^-18 that the 100th power amplifies.
     * Example: p = 0.005 → B = round(0.5) = 0 → power 0 → 1.
     */
    fracPow(exponent, denominator = 100) {
        if (exponent.scaled === 0n)
            return Dec.ONE;
        if (!Number.isSafeInteger(denominator) || denominator <= 0) {
            throw new InvariantError(`Dec.fracPow: denominator ${denominator} must be a positive integer`);
        }
        const numerator = exponent.mul(Dec.fromInt(denominator)).roundInt64();
        const root = this.approxRoot(denominator);
        if (!root.ok)
            return Dec.ONE;
        return root.value.power(numerator < 0n ? numerator + UINT64_LIMIT : numerator);
    }
    // ── comparisons ──────────────────────────────────────────────────────────────────────────
    /** −1, 0 or 1 as a is less than, equal to or greater than b. */
    cmp(other) {
        return this.scaled < other.scaled ? -1 : this.scaled > other.scaled ? 1 : 0;
    }
    eq(other) {
        return this.scaled === other.scaled;
    }
    lt(other) {
        return this.scaled < other.scaled;
    }
    lte(other) {
        return this.scaled <= other.scaled;
    }
    gt(other) {
        return this.scaled > other.scaled;
    }
    gte(other) {
        return this.scaled >= other.scaled;
    }
    isZero() {
        return this.scaled === 0n;
    }
    isNegative() {
        return this.scaled < 0n;
    }
    isPositive() {
        return this.scaled > 0n;
    }
    /** No fractional digits (IsInteger, decimal.go:460-462). */
    isInteger() {
        return this.scaled % DEC_SCALE === 0n;
    }
    // ── text ─────────────────────────────────────────────────────────────────────────────────
    /**
     * Pocket's String() (decimal.go:472-522): always exactly 18 decimals, "0." prefix below one,
     * "-" for negatives. Examples: 0 → "0.000000000000000000", 0.6 → "0.600000000000000000",
     * −1.5 → "-1.500000000000000000", 12340 → "12340.000000000000000000". This is also the
     * amino-JSON form of a Dec (a JSON string).
     */
    toString() {
        const negative = this.scaled < 0n;
        const digits = (negative ? -this.scaled : this.scaled).toString();
        const padded = digits.length <= DEC_PRECISION ? digits.padStart(DEC_PRECISION + 1, '0') : digits;
        const point = padded.length - DEC_PRECISION;
        return `${negative ? '-' : ''}${padded.slice(0, point)}.${padded.slice(point)}`;
    }
    /** JSON.stringify writes a Dec as pocket's string form (amino JSON). */
    toJSON() {
        return this.toString();
    }
}
/**
 * Go's Power loop on scaled values (see Dec.power); k ≥ 1. Throws DecOverflowError where Go panics.
 */
function powerScaled(base, k) {
    let accumulator = DEC_SCALE;
    for (let i = k; i > 1n;) {
        if ((i & 1n) === 0n) {
            i >>= 1n;
        }
        else {
            accumulator = checked(chopHalfEven(accumulator * base), 'power');
            i = (i - 1n) >> 1n;
        }
        base = checked(chopHalfEven(base * base), 'power');
    }
    return checked(chopHalfEven(base * accumulator), 'power');
}
/**
 * The Newton loop of ApproxRoot on scaled values, for a > 0, a ≠ 1, n ≥ 2 (see Dec.approxRoot).
 * Throws DecOverflowError where Go would panic (approxRoot turns that into `{ ok: false }`), and
 * InvariantError where Go would loop forever.
 *
 * DEV_NOTE: the next guess depends on the current guess only, so a repeated guess proves that
 * Go's loop never ends. Brent-style detection: remember the guess at iterations 1, 2, 4, 8, …
 * and compare every new guess with it; a cycle of length λ entered after μ steps is caught
 * within about 2·(μ + λ) iterations, at the cost of one comparison per iteration.
 */
function newtonRoot(target, n) {
    const powerExponent = n - 1n;
    let guess = DEC_SCALE;
    let delta = DEC_SCALE;
    let checkpoint = guess;
    let nextCheckpoint = 1;
    for (let iteration = 1; delta > 1n || delta < -1n; iteration++) {
        let previous = powerScaled(guess, powerExponent);
        if (previous === 0n)
            previous = 1n;
        // d.Quo(prev): half-even(trunc(d·P·P / prev) / P), overflow-checked.
        const quotient = checked(chopHalfEven((target * SCALE_SQUARED) / previous), 'quo');
        delta = checked(quotient - guess, 'sub') / n;
        guess = checked(guess + delta, 'add');
        if (guess === checkpoint && (delta > 1n || delta < -1n)) {
            throw new ApproxRootNonTerminationError(`Dec.approxRoot: pocket-core's ApproxRoot never terminates for ${Dec.fromScaled(target).toString()} and n = ${n} ` +
                `(its Newton iteration cycles)`);
        }
        if (iteration === nextCheckpoint) {
            checkpoint = guess;
            nextCheckpoint *= 2;
        }
        if (iteration >= APPROX_ROOT_MAX_ITERATIONS) {
            throw new ApproxRootNonTerminationError(`Dec.approxRoot: no convergence after ${iteration} iterations`);
        }
    }
    return guess;
}
//# sourceMappingURL=bigdec.js.map