"""pocket-core's BigDec (types/decimal.go) and BigInt limits (types/int.go), ported from the Go
source and PROTOCOL.md §9 — not from the TypeScript under test.

A BigDec is a Python int `i` = value × 10^18. Go's panics become exceptions:
  Overflow      "BigInt overflow": a result needs more than 255 + 60 bits (Add/Sub/Mul/Quo/MulInt64)
  DivByZero     big.Int.Quo by zero
  IntRange      NewIntFromBigInt above 255 bits (TruncateInt/RoundInt) or RoundInt64 outside int64
  NeverEnds     ApproxRoot's Newton loop revisits a guess: in Go it would run forever
ApproxRoot's own `recover` turns any panic inside it into an error (ApproxRootError).
"""

PRECISION = 10 ** 18
FIVE_PRECISION = PRECISION // 2
MAX_DEC_BITS = 255 + 60
MAX_INT_BITS = 255
INT64_MIN, INT64_MAX = -(2 ** 63), 2 ** 63 - 1
UINT64 = 2 ** 64


class Overflow(Exception):
    pass


class DivByZero(Exception):
    pass


class IntRange(Exception):
    pass


class NeverEnds(Exception):
    pass


class ApproxRootError(Exception):
    pass


class Rejected(Exception):
    pass


def quo_trunc(a, b):
    """big.Int.Quo: truncated toward zero (Python's // floors)."""
    if b == 0:
        raise DivByZero()
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b > 0) else -q


def checked(i):
    if i.bit_length() > MAX_DEC_BITS:
        raise Overflow()
    return i


def chop_round(d):
    """chopPrecisionAndRound: divide by 10^18, half-even; negatives by symmetry."""
    if d < 0:
        return -chop_round(-d)
    quo, rem = divmod(d, PRECISION)
    if rem == 0 or rem < FIVE_PRECISION:
        return quo
    if rem > FIVE_PRECISION:
        return quo + 1
    return quo if quo % 2 == 0 else quo + 1


def chop_round_up(d):
    """chopPrecisionAndRoundUp: up for positives; negatives TRUNCATE (Go's code, kept as is)."""
    if d < 0:
        return -quo_trunc(-d, PRECISION)
    quo, rem = divmod(d, PRECISION)
    return quo if rem == 0 else quo + 1


def chop_trunc(d):
    return quo_trunc(d, PRECISION)


# --- construction and text -------------------------------------------------------------

def from_int(n):
    return n * PRECISION


def go_set_string_base10(text):
    """big.Int.SetString(text, 10): optional sign, then one or more ASCII digits."""
    body = text[1:] if text[:1] in ('+', '-') else text
    if body == '' or not all('0' <= c <= '9' for c in body):
        return None
    value = int(body)
    return -value if text[:1] == '-' else value


def from_str(text):
    """NewDecFromStr (decimal.go): note Go does not bound the size here."""
    if text == '':
        raise Rejected()
    neg = text[0] == '-'
    if neg:
        text = text[1:]
    if text == '':
        raise Rejected()
    parts = text.split('.')
    combined = parts[0]
    decimals = 0
    if len(parts) == 2:
        decimals = len(parts[1])
        if decimals == 0 or combined == '':
            raise Rejected()
        combined += parts[1]
    elif len(parts) > 2:
        raise Rejected()
    if decimals > 18:
        raise Rejected()
    value = go_set_string_base10(combined + '0' * (18 - decimals))
    if value is None:
        raise Rejected()
    return -value if neg else value


def to_str(i):
    """BigDec.String(): 18 decimals always, '-' for negatives."""
    sign = '-' if i < 0 else ''
    digits = str(abs(i))
    if len(digits) <= 18:
        return sign + '0.' + digits.rjust(18, '0')
    return sign + digits[:-18] + '.' + digits[-18:]


# --- arithmetic ------------------------------------------------------------------------

def add(a, b):
    return checked(a + b)


def sub(a, b):
    return checked(a - b)


def mul(a, b):
    return checked(chop_round(a * b))


def mul_truncate(a, b):
    return checked(chop_trunc(a * b))


def mul_int64(a, n):
    return checked(a * n)


def quo(a, b):
    return checked(chop_round(quo_trunc(a * PRECISION * PRECISION, b)))


def quo_truncate(a, b):
    return checked(chop_trunc(quo_trunc(a * PRECISION * PRECISION, b)))


def quo_round_up(a, b):
    return checked(chop_round_up(quo_trunc(a * PRECISION * PRECISION, b)))


def quo_int(a, n):
    """QuoInt / QuoInt64: plain truncating division of the scaled value (no re-scaling)."""
    return quo_trunc(a, n)


def truncate_int(a):
    value = chop_trunc(a)
    if value.bit_length() > MAX_INT_BITS:
        raise IntRange()
    return value


def round_int(a):
    value = chop_round(a)
    if value.bit_length() > MAX_INT_BITS:
        raise IntRange()
    return value


def round_int64(a):
    value = chop_round(a)
    if not INT64_MIN <= value <= INT64_MAX:
        raise IntRange()
    return value


def power(d, k):
    """Power(k uint64): square-and-multiply in exactly Go's order; every product rounds."""
    if k == 0:
        return PRECISION
    tmp = PRECISION
    i = k
    while i > 1:
        if i % 2 == 0:
            i //= 2
        else:
            tmp = mul(tmp, d)
            i = (i - 1) // 2
        d = mul(d, d)
    return mul(d, tmp)


def approx_root(d, root):
    """ApproxRoot(root uint64): Newton in fixed point; any panic inside ⇒ ApproxRootError."""
    try:
        return _approx_root(d, root)
    except (Overflow, DivByZero, IntRange):
        raise ApproxRootError()


def _approx_root(d, root):
    if d < 0:
        return mul_int64(approx_root(mul_int64(d, -1), root), -1)
    if root == 1 or d == 0 or d == PRECISION:
        return d
    if root == 0:
        return PRECISION
    guess, delta = PRECISION, PRECISION
    seen = set()
    while abs(delta) > 1:
        # The loop's next step depends on `guess` alone: a guess seen before means a cycle.
        if guess in seen:
            raise NeverEnds()
        seen.add(guess)
        prev = power(guess, root - 1)
        if prev == 0:
            prev = 1
        delta = quo(d, prev)
        delta = sub(delta, guess)
        delta = quo_int(delta, root)
        guess = add(guess, delta)
    return guess


def frac_pow(d, p, denominator):
    """FracPow(power, denominator int64): B = round(p·denominator); root(d, denominator)^B."""
    if p == 0:
        return PRECISION
    b = round_int64(mul(p, from_int(denominator)))
    try:
        root = approx_root(d, denominator % UINT64)
    except ApproxRootError:
        return PRECISION
    # B.RoundInt64() of an integer Dec is B itself; uint64() wraps a negative B.
    return power(root, b % UINT64)
