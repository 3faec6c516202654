/**
 * One scalar of a JSON text at a path of object keys, found by a scan of its bytes instead of a
 * parse: a genesis file of hundreds of megabytes is parsed in ~40 s (218 MB, 2026-12-07), and
 * a question about one field should not wait for that.
 */
import { closingQuoteOfBytes } from './lossless-json.js';

// PERF: local character codes, as in lossless-json.ts and json-bytes.ts (imported ones made the scans ~2× slower).
const QUOTE = 0x22;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/**
 * The JSON text of the scalar (`true`, `12`, `"text"`: a string keeps its quotes) at the FIRST
 * member named `path[0]` of the root object, within it the first named `path[1]`, and so on;
 * undefined when the scan leaves that path without it (absent, or a container on the way is no
 * object, or the value is one). Keys are compared by their bytes: a key spelled with escapes is
 * never taken for a path key (it may still decode to one: then it is a repeat, below).
 *
 * What it vouches for: if the text is valid JSON without repeated keys, JSON.parse and
 * lossless-json read that value there. A repeat is the caller's to weigh: lossless-json (the
 * genesis reader) keeps a repeated key only when both values are deep-equal, and refuses the
 * text otherwise; so to it the first value is the value, or the file is refused. A text that
 * is not JSON at all may be answered anything: the caller's parse refuses it.
 *
 * Cost: one pass over the bytes up to the value (strings skipped with indexOf, values off the
 * path by counting brackets); a path object that closes without the next key ends it early.
 */
export function firstScalarAtPath(bytes: Uint8Array, path: readonly string[]): string | undefined {
  if (path.length === 0) return undefined;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const keys = path.map((key) => Buffer.from(JSON.stringify(key)));
  let inside = 0; // path objects open, the innermost the only container open: the root is path[0]'s, then each path key's value
  let expectKey = false; // the next string is a key of the innermost path object
  let keyMatched = false; // the key just read is path[inside − 1]: its value is next
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (keyMatched) {
      if (c === COLON || isWhitespace(c)) continue;
      if (inside === keys.length) return scalarText(text, i);
      if (c !== OPEN_BRACE) return undefined; // the path's next container is no object
      inside++;
      keyMatched = false;
      expectKey = true;
    } else if (c === QUOTE) {
      const end = closingQuoteOfBytes(text, i + 1);
      if (end < 0) return undefined;
      if (expectKey) keyMatched = sameBytes(text, i, end + 1, keys[inside - 1]!);
      expectKey = false;
      i = end;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (inside > 0) {
        // A value off the path, skipped whole. PERF: a tight loop over what is most of the file
        // (a genesis's accounts): ~35% faster than walking it here (218 MB: ~1.1 s, 2026-12-07).
        i = closingBracket(text, i);
        if (i < 0) return undefined;
      } else if (c === OPEN_BRACE) {
        inside = 1;
        expectKey = true;
      } else {
        return undefined; // the root is no object
      }
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      return undefined; // the innermost path object closed without the next key
    } else if (c === COMMA) {
      expectKey = inside > 0;
    }
  }
  return undefined;
}

/** The bracket closing the container opening at `at` (brackets counted, strings skipped), or -1. */
function closingBracket(text: Buffer, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text[i]!;
    if (c === QUOTE) {
      i = closingQuoteOfBytes(text, i + 1);
      if (i < 0) return -1;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
    } else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === 0) {
      return i;
    }
  }
  return -1;
}

/** The text of the scalar at `at`: a string literal to its closing quote, else to the next delimiter; undefined for a container. */
function scalarText(text: Buffer, at: number): string | undefined {
  const c = text[at]!;
  if (c === OPEN_BRACE || c === OPEN_BRACKET) return undefined;
  if (c === QUOTE) {
    const end = closingQuoteOfBytes(text, at + 1);
    return end < 0 ? undefined : text.toString('utf8', at, end + 1);
  }
  let end = at;
  while (end < text.length && !isDelimiter(text[end]!)) end++;
  return text.toString('utf8', at, end);
}

function sameBytes(text: Buffer, start: number, end: number, wanted: Buffer): boolean {
  return end - start === wanted.length && text.compare(wanted, 0, wanted.length, start, end) === 0;
}

function isDelimiter(c: number): boolean {
  return isWhitespace(c) || c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET;
}

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
