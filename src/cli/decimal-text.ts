/**
 * Decimal numbers for people (the calculators' results are exact 18-decimal strings, which is
 * what --json keeps): the integer part grouped, the fraction rounded to what a person compares
 * — 6 decimals, or 6 significant digits below 1 — and "≈ " in front when rounding changed the
 * value. Amount options with their unit written out ("15000POKT", "15000000000uPOKT").
 * Exact arithmetic on the decimal digits (bigint); no floating point.
 */
import { InvalidArgumentError } from 'commander';

/** value = digits / 10^scale */
interface Decimal {
  readonly digits: bigint;
  readonly scale: number;
}

function parseDecimal(text: string): Decimal | undefined {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (match === null) return undefined;
  const fraction = match[3] ?? '';
  const digits = BigInt(match[2]! + fraction);
  return { digits: match[1] === '-' ? -digits : digits, scale: fraction.length };
}

/** Rounds half away from zero to `places` fraction digits. */
function rounded(value: Decimal, places: number): Decimal {
  if (value.scale <= places) return value;
  const divisor = 10n ** BigInt(value.scale - places);
  const magnitude = value.digits < 0n ? -value.digits : value.digits;
  const quotient = (magnitude + divisor / 2n) / divisor;
  return { digits: value.digits < 0n ? -quotient : quotient, scale: places };
}

/** "1234567.500" → "1,234,567.5" (trailing fraction zeros dropped). */
function formatted(value: Decimal): string {
  const negative = value.digits < 0n;
  const text = (negative ? -value.digits : value.digits).toString().padStart(value.scale + 1, '0');
  const whole = BigInt(text.slice(0, text.length - value.scale)).toLocaleString('en-US');
  const fraction = text.slice(text.length - value.scale).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}

const SIGNIFICANT = 6;

/** Fraction digits worth showing: 6, or below 1 as many as reach 6 significant digits. */
function placesFor(value: Decimal, significant: number): number {
  const magnitude = value.digits < 0n ? -value.digits : value.digits;
  const integerDigits = magnitude.toString().length - value.scale;
  return integerDigits > 0 ? significant : significant - integerDigits;
}

/**
 * A decimal string for people; `places` fixes the fraction digits (0 for uPOKT, which are whole).
 * Examples: "205.479452054794520548" → "≈ 205.479452"; "0.000012345678" → "≈ 0.0000123457";
 * "1500000000" → "1,500,000,000"; "4.000000000000000149" → "≈ 4"; ("2.5", places 0) → "≈ 3".
 */
export function decimalForPeople(text: string, places?: number): string {
  const value = parseDecimal(text);
  if (value === undefined) return text;
  const shown = rounded(value, places ?? placesFor(value, SIGNIFICANT));
  const exact = shown.digits * 10n ** BigInt(value.scale - shown.scale) === value.digits;
  return `${exact ? '' : '≈ '}${formatted(shown)}`;
}

/** The decimal string times 10^exponent, exactly: shifted("205.5", -6) = "0.0002055". */
export function shifted(text: string, exponent: number): string {
  const value = parseDecimal(text);
  if (value === undefined) return text;
  const scale = value.scale - exponent;
  const exact = scale >= 0 ? { digits: value.digits, scale } : { digits: value.digits * 10n ** BigInt(-scale), scale: 0 };
  return formatted(exact).replaceAll(',', '');
}

const UPOKT_DECIMALS = 6;

/**
 * An amount option in uPOKT: "15000POKT" / "15000 pokt" (at most 6 decimals), "15000000000uPOKT",
 * or a bare whole number in `bareUnit` (what the option always took, kept working).
 */
export function upoktAmountOption(flag: string, bareUnit: 'uPOKT' | 'POKT'): (text: string) => bigint {
  return (text) => {
    const match = /^(\d+(?:\.\d+)?)\s*(upokt|pokt)?$/i.exec(text.trim());
    const unit = match?.[2] === undefined ? bareUnit : match[2].toLowerCase() === 'pokt' ? 'POKT' : 'uPOKT';
    const value = match === null ? undefined : parseDecimal(match[1]!);
    const places = unit === 'POKT' ? UPOKT_DECIMALS : 0;
    if (value === undefined || value.scale > places) {
      throw new InvalidArgumentError(`${flag} is an amount such as 15000POKT or 15000000000uPOKT (a bare number is ${bareUnit}; uPOKT are whole), got ${JSON.stringify(text)}`);
    }
    return value.digits * 10n ** BigInt(places - value.scale);
  };
}
