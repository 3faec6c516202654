/**
 * lossless-json's `parse`, at V8's speed for the files that are almost all we read: genesis files
 * and exports of hundreds of megabytes.
 *
 * Why: lossless-json keeps every number's text (a LosslessNumber, so no int64 goes through a
 * float) and refuses a key given twice with two values, both of which a hostile genesis needs.
 * But it builds each string a character at a time: importing a 271 MB pocket-core-shaped export
 * spent ~14 s of its ~30 s there and in the garbage collector (profile, 2026-12-07), against
 * ~1–2 s for JSON.parse.
 *
 * How: one pass over the text looks for what JSON.parse would read differently — a key given
 * twice (or one written with escapes, or `__proto__`), a number that is not a canonical integer
 * of at most 15 digits (its float is then not its text), nesting deeper than a genesis has. If
 * it finds none, JSON.parse builds the tree and the few numbers are wrapped in LosslessNumber;
 * otherwise, and whenever JSON.parse throws, lossless-json parses the text itself, so every
 * answer and every error message is the library's own (test/unit/core/lossless-json.test.ts
 * checks both on generated and damaged texts) — except past `maxSlowLength`, where the library
 * is never run.
 */
import { LosslessNumber, parse as parseWithLibrary } from 'lossless-json';

/** Deeper than any genesis (~8 levels); the library's own error for hostile nesting stays. */
const MAX_FAST_DEPTH = 64;
/** A number whose float64 prints back as its text: 0 or ±1–15 digits without a leading zero. */
const SAFE_INTEGER_TEXT = /^(?:0|-?[1-9][0-9]{0,14})$/;
/** Keys of one object are compared in a list until it is this long, then in a Set. */
const KEY_LIST_LIMIT = 16;

/**
 * PERF: these character codes stay local to this module (json-bytes.ts / lossless-json.ts keep their
 * own copies): the same constants imported from a shared module made the scans ~2× slower (V8
 * reads an imported binding through its module cell instead of folding it: scanForFastParse +
 * topLevelStringField over a 23.8 MB export, medians of 12, alternated 4×: ~105 ms local vs
 * 190–265 ms imported, 2026-12-07). The duplicate finder's pairing of the two lists is expected.
 */
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const MINUS = 0x2d;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

export interface LosslessParseOptions {
  /**
   * The longest text handed to lossless-json's own parser (which needs ~10–16× the text in heap):
   * past it a text the fast path declines is refused with SlowParseRefused if it is JSON, and any
   * text that is not (declined or not) with JSON.parse's SyntaxError, instead of risking V8's
   * out-of-heap abort. Default: no limit.
   */
  readonly maxSlowLength?: number;
}

/** A text the fast path declined, too long for the library's parser (`maxSlowLength`). */
export class SlowParseRefused extends Error {
  override readonly name = 'SlowParseRefused';
  constructor(
    /** Why JSON.parse could not read it as the library would, e.g. "key \"a\" given twice". */
    readonly reason: string,
    /** The character position of that. */
    readonly position: number,
  ) {
    super(`${reason} at position ${position}`);
  }
}

/** Parse JSON text exactly as lossless-json's `parse(text)` does (same tree, same errors). */
export function parseLosslessJson(text: string, options: LosslessParseOptions = {}): unknown {
  const scan = scanForFastParse(text);
  if ('slow' in scan) {
    if (!exceeds(text, options)) return parseWithLibrary(text);
    // Too long for the library: refused as such only if it is JSON. A text cut short inside a
    // string (most of a genesis's bytes are strings: the likely cut of a download) or with a
    // stray closing bracket is declined by the scan too, and was refused as too large
    // (genesis_too_large) for what is damage: JSON.parse says so, in its words, as below.
    // Costs a JSON.parse of a valid declined text before its refusal (~2–3× it in heap, as the
    // fast path's own parse).
    JSON.parse(text);
    throw new SlowParseRefused(scan.slow, scan.at);
  }
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    // Invalid JSON: the library's words for it — but the library builds everything it read
    // before the error (a truncated 500 MB export: all of it, ~16× in heap), so past
    // maxSlowLength JSON.parse's own words, not V8's out-of-heap abort.
    if (exceeds(text, options)) throw error;
    return parseWithLibrary(text);
  }
  return scan.numbers === 0 ? root : wrapNumbers(root);
}

/** Whether `text` is too long for lossless-json's own parser (maxSlowLength). */
function exceeds(text: string, options: LosslessParseOptions): boolean {
  return options.maxSlowLength !== undefined && text.length > options.maxSlowLength;
}

/** The keys seen so far in one open object (a list while short), or null for an array. */
type OpenContainer = string[] | Set<string> | null;

/** The fast path's verdict: the count of numbers to wrap, or why the library must read the text. */
export type FastParseScan = { readonly numbers: number } | { readonly slow: string; readonly at: number };

/**
 * Whether JSON.parse would read `text` exactly as lossless-json does, with the count of numbers
 * to wrap; if it might not, why and where (then the library reads it). Invalid JSON may pass:
 * JSON.parse then refuses it.
 */
export function scanForFastParse(text: string): FastParseScan {
  const open: OpenContainer[] = [];
  let expectKey = false;
  let numbers = 0;
  // PERF: strings are found with indexOf; a backslash's position is looked up once and reused
  // until the scan passes it (most files have none).
  let nextBackslash = text.indexOf('\\');
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = closingQuote(text, i + 1, nextBackslash);
      if (end < 0) return { slow: 'a string without its closing quote', at: i };
      if (expectKey) {
        // An escaped key is compared as decoded text only by the library.
        if (nextBackslash >= 0 && nextBackslash < end) return { slow: 'a key written with escapes', at: i };
        const key = text.slice(i + 1, end);
        if (!addKey(open, key)) return { slow: key === '__proto__' ? 'a key "__proto__"' : `key ${clip(key)} given twice in one object`, at: i };
        expectKey = false;
      }
      i = end;
      if (nextBackslash >= 0 && nextBackslash < i) nextBackslash = text.indexOf('\\', i);
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (open.length >= MAX_FAST_DEPTH) return { slow: `values nested deeper than ${MAX_FAST_DEPTH}`, at: i };
      open.push(c === OPEN_BRACE ? [] : null);
      expectKey = c === OPEN_BRACE;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (open.pop() === undefined) return { slow: 'a closing bracket without its opening one', at: i };
      expectKey = false;
    } else if (c === COMMA) {
      expectKey = open.length > 0 && open[open.length - 1] !== null;
    } else if (c === MINUS || (c >= DIGIT_0 && c <= DIGIT_9)) {
      const end = numberEnd(text, i);
      const number = text.slice(i, end);
      if (!SAFE_INTEGER_TEXT.test(number)) return { slow: `the number ${clip(number)} (not an integer of at most 15 digits)`, at: i };
      numbers++;
      i = end - 1;
    }
    // Whitespace, ':' and the letters of true/false/null need nothing.
  }
  return { numbers };
}

/** A key or number as quoted in a reason: JSON, at most 40 characters of it. */
function clip(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** Index of the quote that ends the string whose text starts at `from`, or -1. */
function closingQuote(text: string, from: number, nextBackslash: number): number {
  const quote = text.indexOf('"', from);
  if (quote < 0 || nextBackslash < 0 || nextBackslash > quote) return quote;
  // An escape before that quote: walk this string by hand (\" and \\ must be skipped).
  for (let j = from; j < text.length; j++) {
    const d = text.charCodeAt(j);
    if (d === QUOTE) return j;
    if (d === BACKSLASH) j++;
  }
  return -1;
}

/** End (exclusive) of the number token starting at `from`: digits, sign, '.', exponent. */
function numberEnd(text: string, from: number): number {
  let j = from + 1;
  for (; j < text.length; j++) {
    const d = text.charCodeAt(j);
    const partOfNumber = (d >= DIGIT_0 && d <= DIGIT_9) || d === 0x2e || d === 0x65 || d === 0x45 || d === 0x2b || d === MINUS;
    if (!partOfNumber) break;
  }
  return j;
}

/** Records `key` in the innermost object; false when it is there already or is `__proto__`. */
function addKey(open: OpenContainer[], key: string): boolean {
  const top = open.length - 1;
  const keys = open[top];
  if (keys === null || keys === undefined || key === '__proto__') return false;
  if (Array.isArray(keys)) {
    if (keys.includes(key)) return false;
    keys.push(key);
    if (keys.length > KEY_LIST_LIMIT) open[top] = new Set(keys);
    return true;
  }
  if (keys.has(key)) return false;
  keys.add(key);
  return true;
}

/** Replaces every number in the tree by the LosslessNumber of its text (safe: its text is String(n)). */
function wrapNumbers(root: unknown): unknown {
  if (typeof root === 'number') return new LosslessNumber(String(root));
  // An explicit stack: the tree is at most MAX_FAST_DEPTH deep, but a recursion per element is slower.
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const value: unknown = node[i];
        if (typeof value === 'number') node[i] = new LosslessNumber(String(value));
        else if (typeof value === 'object' && value !== null) pending.push(value);
      }
      continue;
    }
    const container = node as Record<string, unknown>;
    for (const key of Object.keys(container)) {
      const value = container[key];
      if (typeof value === 'number') container[key] = new LosslessNumber(String(value));
      else if (typeof value === 'object' && value !== null) pending.push(value);
    }
  }
  return root;
}

const COLON = 0x3a;
const SPACE = 0x20;
const TAB = 0x09;
const NEWLINE = 0x0a;
const RETURN = 0x0d;

/**
 * The string value of `key` in the top-level object of the JSON text `bytes`, without building
 * the tree: undefined when the scan cannot vouch for JSON.parse's answer — the root is no object,
 * the key is absent or given twice, any top-level key is spelled with escapes (it may be `key`),
 * the value is not a string, or more than whitespace follows the root; the caller then parses the
 * text itself. JSON.parse never reads another value from the same bytes (a key given twice: the
 * last one, as pocket-core's Go reads it; it may refuse damage the scan does not look for, such as
 * a missing colon), so nothing after the value may name the key again: when the rest
 * of the bytes hold neither the key's text nor a \u escape (two native searches), the value
 * stands; otherwise the scan goes on over the whole root.
 * PERF: opening a chain checks its genesis's chain_id; JSON.parse of a 270 MB export costs ~2 s
 * and ~1 GB of heap for one field, this scan up to the key plus the two searches ~0.1 s (the
 * whole root, byte by byte: ~1.2 s).
 */
export function topLevelStringField(bytes: Uint8Array, key: string): string | undefined {
  const wanted = Buffer.from(JSON.stringify(key));
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let depth = 0;
  let expectKey = false;
  let keyMatched = false;
  let found: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === QUOTE) {
      const end = closingQuoteOfBytes(text, i + 1);
      if (end < 0) return undefined;
      if (keyMatched) {
        found = stringLiteral(text.toString('utf8', i, end + 1));
        if (found === undefined || !mayRepeat(text, end + 1, wanted)) return found;
        keyMatched = false;
      } else if (depth === 1 && expectKey) {
        if (text.subarray(i + 1, end).includes(BACKSLASH)) return undefined; // it may decode to `key`
        keyMatched = end + 1 - i === wanted.length && text.compare(wanted, 0, wanted.length, i, end + 1) === 0;
        if (keyMatched && found !== undefined) return undefined; // given twice
      }
      expectKey = false;
      i = end;
    } else if (keyMatched) {
      if (c !== COLON && !isJsonWhitespace(c)) return undefined; // the value is no string
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (depth === 0 && c === OPEN_BRACKET) return undefined;
      depth++;
      expectKey = depth === 1;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      if (depth <= 0) return onlyWhitespaceFrom(text, i + 1) ? found : undefined; // the root closed
    } else if (c === COMMA) {
      expectKey = depth === 1;
    }
  }
  return undefined;
}

/**
 * Whether the bytes from `from` on might give `wanted` (a key's JSON text) again: they hold it, or
 * a \u escape, which could spell it. Whether only whitespace follows the root is not checked on
 * this path: JSON.parse refuses anything else, so it yields no other value.
 */
function mayRepeat(text: Buffer, from: number, wanted: Buffer): boolean {
  return text.indexOf(wanted, from) >= 0 || text.indexOf(UNICODE_ESCAPE, from) >= 0;
}

const UNICODE_ESCAPE = Buffer.from('\\u');

function isJsonWhitespace(c: number): boolean {
  return c === SPACE || c === TAB || c === NEWLINE || c === RETURN;
}

function onlyWhitespaceFrom(text: Buffer, from: number): boolean {
  for (let i = from; i < text.length; i++) if (!isJsonWhitespace(text[i]!)) return false;
  return true;
}

/** Index of the quote ending the string from `from` on: the first quote after an even run of backslashes. */
export function closingQuoteOfBytes(text: Buffer, from: number): number {
  for (let at = from; ; ) {
    const quote = text.indexOf(QUOTE, at);
    if (quote < 0) return -1;
    let backslashes = 0;
    while (quote - backslashes - 1 >= from && text[quote - backslashes - 1] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
    at = quote + 1;
  }
}

/** A JSON string literal's value; undefined for a malformed one (the caller's whole parse says why). */
function stringLiteral(literal: string): string | undefined {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return undefined;
  }
}
