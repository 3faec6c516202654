/**
 * The audit's own 18-decimal fixed-point arithmetic, written from PROTOCOL.md §9 and §5.2
 * (pocket-core types/decimal.go), deliberately NOT core/bigdec.ts: the audit must not share a
 * bug with the reducer. A value is a bigint scaled by 10^18 (1.5 = 1_500_000_000_000_000_000n).
 *
 *   mul(a, b)  = halfEven(a·b / 10^18)
 *   quo(a, b)  = halfEven(trunc(a·10^18·10^18 / b) / 10^18)
 *   approxRoot = Newton iteration with truncating QuoInt (PROTOCOL §5.2)
 *   power      = square-and-multiply in pocket-core's exact order (every step a rounded mul)
 *
 * Worked example: mul(1.5, 1.5) = 2.25 exactly; quo(1, 3) = 0.333333333333333333 (…3|33 → down);
 * quo(2, 3) = 0.666666666666666667 (…6|66 → up).
 */
export const ONE = 10n ** 18n;
const MAX_ROOT_ITERATIONS = 1_000_000;

/** n / d rounded half to even (d > 0). */
export function divHalfEven(n: bigint, d: bigint): bigint {
  const negative = n < 0n;
  const magnitude = negative ? -n : n;
  let q = magnitude / d;
  const twiceRemainder = (magnitude % d) * 2n;
  if (twiceRemainder > d || (twiceRemainder === d && q % 2n === 1n)) q += 1n;
  return negative ? -q : q;
}

/**
 * pocket-core's BigDec holds at most 255 + 60 bits: Mul and Quo panic above that (decimal.go:
 * 263-272, 306-316), Quo also on a zero divisor. ApproxRoot recovers the panic (:366-374) and FracPow then answers 1 (:442-446),
 * which is what PIP-22 gives every bin from 499 up (E = 1); anywhere else the panic fails the tx.
 */
export class DecOverflow extends Error {}
const BIT_LIMIT = 1n << 315n;

function inRange(a: bigint): bigint {
  if (a >= BIT_LIMIT || a <= -BIT_LIMIT) throw new DecOverflow(`decimal overflow: ${a.toString(2).length} bits > 315`);
  return a;
}

export const fromInt = (n: bigint): bigint => n * ONE;
export const mul = (a: bigint, b: bigint): bigint => inRange(divHalfEven(a * b, ONE));
export const quo = (a: bigint, b: bigint): bigint => {
  if (b === 0n) throw new DecOverflow('division by zero'); // big.Int's Quo panics too
  return inRange(divHalfEven((a * ONE * ONE) / b, ONE));
};
const INT64_MAX = (1n << 63n) - 1n;
const UINT64 = 1n << 64n;
/** Integer part, toward zero; Go's TruncateInt panics beyond sdk.Int's 255 bits (NewIntFromBigInt). */
export const truncate = (a: bigint): bigint => {
  const whole = a / ONE;
  if (whole >= 1n << 255n || whole <= -(1n << 255n)) throw new DecOverflow(`integer overflow: ${whole.toString(2).length} bits > 255`);
  return whole;
};
export const roundHalfEven = (a: bigint): bigint => divHalfEven(a, ONE);

/** "12.5" → 12.5·10^18 (at most 18 fraction digits; the params layer parsed it already). */
export function parseDecimal(text: string): bigint {
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const scaled = BigInt(whole || '0') * ONE + BigInt((fraction + '0'.repeat(18)).slice(0, 18));
  return negative ? -scaled : scaled;
}

export function formatDecimal(a: bigint): string {
  const negative = a < 0n;
  const magnitude = negative ? -a : a;
  return `${negative ? '-' : ''}${magnitude / ONE}.${(magnitude % ONE).toString().padStart(18, '0')}`;
}

/** pocket-core Power(d, k): tmp = 1; while i > 1 {odd: tmp·=d; i halves; d·=d}; d·tmp. */
export function power(d: bigint, k: bigint): bigint {
  if (k === 0n) return ONE;
  let tmp = ONE;
  let base = d;
  for (let i = k; i > 1n; ) {
    if (i % 2n === 0n) i /= 2n;
    else {
      tmp = mul(tmp, base);
      i = (i - 1n) / 2n;
    }
    base = mul(base, base);
  }
  return mul(base, tmp);
}

/** pocket-core ApproxRoot(d, n): Newton's method until the step is at most 10^-18. */
export function approxRoot(d: bigint, n: bigint): bigint {
  if (d < 0n) return -approxRoot(-d, n);
  if (n === 1n || d === 0n || d === ONE) return d;
  let guess = ONE;
  let delta = ONE;
  for (let i = 0; delta > 1n || delta < -1n; i++) {
    if (i >= MAX_ROOT_ITERATIONS) throw new Error(`approxRoot(${formatDecimal(d)}, ${n}) did not converge`);
    let previous = power(guess, n - 1n);
    if (previous === 0n) previous = 1n;
    delta = (quo(d, previous) - guess) / n; // QuoInt: truncating division of the scaled integer
    guess += delta;
  }
  return guess;
}

/**
 * FracPow(d, p, 100): p = 0 → 1; else Power(ApproxRoot(d, 100), round_half_even(p × 100)); an
 * overflow inside ApproxRoot → 1 (decimal.go:442-446). Example: d = 499 → 1 (see DecOverflow).
 */
export function fracPow(d: bigint, p: bigint): bigint {
  if (p === 0n) return ONE;
  // B = RoundInt64(p · 100) (panics outside int64), then Power(·, uint64(B)): a negative B wraps.
  const rounded = roundHalfEven(inRange(p * 100n));
  if (rounded > INT64_MAX || rounded < -INT64_MAX - 1n) throw new DecOverflow(`RoundInt64: ${rounded} is not an int64`);
  const exponentHundredths = rounded < 0n ? rounded + UINT64 : rounded;
  let root: bigint;
  try {
    root = approxRoot(d, 100n);
  } catch (error) {
    if (error instanceof DecOverflow) return ONE;
    throw error;
  }
  return power(root, exponentHundredths);
}
