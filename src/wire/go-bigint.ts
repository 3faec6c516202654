/**
 * Pocket's BigInt as it travels in protobuf: the text of a Go `big.Int` (gogoproto customtype,
 * types/int.go:380-400). Decoding calls `big.Int.UnmarshalText`, which parses with base 0:
 * an optional sign, then `0x`/`0X` hex, `0b`/`0B` binary, `0o`/`0O` or a bare leading `0`
 * octal, else decimal, with `_` allowed between digits and after a base prefix. So pocket
 * accepts "0x2540BE400" or "1_000" as amounts and reads "010" as eight. The result must fit
 * 255 bits (types/int.go:11, 391-393). An empty field leaves the value at zero.
 *
 * Pocket re-marshals the value in decimal (MarshalText), so the amino JSON that is signed shows
 * the decimal value, not the text that was sent. Anything else is a decode error (sdk:2).
 *
 * Example: goParseBigInt("-0x_1F") → -31n; goParseBigInt("08") → undefined (8 is not octal).
 */

const GO_BASE0_INTEGER = /^[+-]?(?:0[xX](?:_?[0-9a-fA-F])+|0[bB](?:_?[01])+|0[oO](?:_?[0-7])+|0(?:_?[0-7])*|[1-9](?:_?[0-9])*)$/;
const CANONICAL_DECIMAL = /^(?:0|-?[1-9][0-9]*)$/;

/** Largest magnitude a pocket BigInt may hold: 2^255 − 1. */
export const MAX_BIGINT_MAGNITUDE = (1n << 255n) - 1n;

/** Bits per digit of each base, to refuse absurdly long inputs before converting them. */
const BITS_PER_DIGIT: Readonly<Record<number, number>> = { 2: 1, 8: 3, 10: Math.log2(10), 16: 4 };

/**
 * The value pocket-core's decoder reads from this text, or undefined where pocket-core fails
 * to decode (bad syntax, or more than 255 bits). Empty text is zero.
 */
export function goParseBigInt(text: string): bigint | undefined {
  if (text === '') return 0n;
  // PERF: the form every encoder writes — a canonical decimal of at most 76 digits (< 10^76 <
  // 2^255, so always in range) — is converted directly; called several times per tx.
  if (text.length <= 76 && CANONICAL_DECIMAL.test(text)) return BigInt(text);
  if (!GO_BASE0_INTEGER.test(text)) return undefined;
  const negative = text.startsWith('-');
  let body = text.replace(/^[+-]/, '').replaceAll('_', '');
  let base = 10;
  if (/^0[xX]/.test(body)) [base, body] = [16, body.slice(2)];
  else if (/^0[bB]/.test(body)) [base, body] = [2, body.slice(2)];
  else if (/^0[oO]/.test(body)) [base, body] = [8, body.slice(2)];
  else if (body.length > 1 && body.startsWith('0')) [base, body] = [8, body.slice(1)];
  const significant = body.replace(/^0+/, '');
  // DEV_NOTE: bound the work before BigInt(): a digit string longer than 255 bits can need is
  // rejected without converting it (the exact bit length is checked below for the rest).
  if (significant.length * (BITS_PER_DIGIT[base] as number) > 256 + 4) return undefined;
  if (significant === '') return 0n;
  const prefix = base === 16 ? '0x' : base === 8 ? '0o' : base === 2 ? '0b' : '';
  const magnitude = BigInt(prefix + significant);
  if (magnitude > MAX_BIGINT_MAGNITUDE) return undefined;
  return negative ? -magnitude : magnitude;
}

/** True when the text is exactly the decimal pocket-core would write for its value ("0", "-5", "10000"). */
export function isCanonicalDecimal(text: string): boolean {
  return CANONICAL_DECIMAL.test(text);
}

/** The decimal text pocket-core writes for a BigInt field: its amino JSON and its proto encoding. */
export function goBigIntText(text: string): string | undefined {
  // PERF: a canonical decimal (what every encoder writes) is its own text: BigInt(t).toString() === t
  // for /^(?:0|-?[1-9][0-9]*)$/, and up to 76 digits it is always in range (goParseBigInt). Sign
  // documents write two per send (fee, amount); this skips a BigInt and its printing for each.
  if (text.length <= 76 && CANONICAL_DECIMAL.test(text)) return text;
  const value = goParseBigInt(text);
  return value === undefined ? undefined : value.toString();
}
