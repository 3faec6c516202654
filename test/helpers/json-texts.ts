/**
 * Generated JSON texts for the property tests that compare our JSON readers with lossless-json
 * itself (test/unit/core/lossless-json.test.ts: the fast path; json-bytes.test.ts: the chunked
 * read of bytes), and the picture of a parsed tree both compare.
 *
 * The texts aim at where a reader could part from the library: numbers a float would change,
 * keys that are special to objects (`__proto__`, `constructor`, array-index-like) or need escapes,
 * strings full of structural characters and multi-byte UTF-8, nesting.
 */
import fc from 'fast-check';
import { isLosslessNumber } from 'lossless-json';

/** Number texts: safe integers, and all that a float would change (long, -0, decimals, exponents). */
export const numberText = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
  fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }).map(String),
  fc.constantFrom('0', '-0', '999999999999999', '1000000000000000', '9007199254740993', '1.5', '1.50', '-0.0', '1e3', '1E+2', '2e-7', '123456789012345678901234567890'),
);

export const jsonKey = fc.oneof(fc.constantFrom('address', 'coins', 'amount', '__proto__', 'a"b', 'tab\there', 'é', '\u{1f600}', 'constructor', '0', '1'), fc.string({ maxLength: 6 }));

/** Valid JSON texts, compact. */
export const jsonText = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    numberText,
    fc.string({ maxLength: 8 }).map((s) => JSON.stringify(s)),
    fc.string({ unit: fc.constantFrom('"', '\\', 'a', '1', 'é', '\u{1f600}', ',', ':', '{', ']'), maxLength: 6 }).map((s) => JSON.stringify(s)),
    fc.constantFrom('true', 'false', 'null'),
    fc.array(tie('value'), { maxLength: 5 }).map((items) => `[${items.join(',')}]`),
    fc.array(fc.tuple(jsonKey, tie('value')), { maxLength: 5 }).map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  ),
})).value;

/** The same texts as a genesis is written: four-space indentation (re-indented by JSON.stringify where it can). */
export const indentedJsonText = jsonText.map((text) => {
  try {
    return JSON.stringify(JSON.parse(text), null, 4) ?? text;
  } catch {
    return text;
  }
});

/** A comparable picture of a parsed tree: numbers marked by their text, own keys in order, a foreign prototype flagged. */
export function treePicture(node: unknown): string {
  if (isLosslessNumber(node)) return `#${node.toString()}`;
  if (Array.isArray(node)) return `[${node.map(treePicture).join(',')}]`;
  if (typeof node === 'object' && node !== null) {
    const own = Object.getOwnPropertyNames(node).map((key) => `${JSON.stringify(key)}:${treePicture((node as Record<string, unknown>)[key])}`);
    return `{${Object.getPrototypeOf(node) === Object.prototype ? '' : 'PROTO!'}${own.join(',')}}`;
  }
  return typeof node === 'number' ? `raw-number ${node}` : JSON.stringify(node);
}
