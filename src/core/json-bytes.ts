/**
 * JSON bytes (UTF-8) → the tree lossless-json's `parse(bytes.toString('utf8'))` builds, also
 * for a file too long to be one string.
 *
 * Why: V8's longest string is 2^29 − 24 characters (buffer.constants.MAX_STRING_LENGTH), so a
 * genesis or export over 512 MiB could not be read at all; the ledger's own export of a long
 * mainnet-shaped chain passes that after ~650 blocks (docs/history.md, "Export / import").
 *
 * How: a text that fits in one string (`wholeTextBytes`) is decoded and handed to
 * parseLosslessJson whole (its fast path and its checks, as before: and faster — a 265.7 MB
 * export's tree in 5.7 s whole, 9.5 s walked, medians of 6 alternated runs on a busy 2-core
 * machine, 2026-12-07). Past it a container longer than `chunkBytes` is walked member by member over the bytes: runs
 * of members that together fit the bound are decoded as one chunk, wrapped in `[…]` or `{…}`,
 * and parsed by parseLosslessJson; a member that does not fit is walked in turn. Members of a
 * walked object are merged as lossless-json's parse.js merges a repeated key: a deep-equal value
 * is kept, another is refused ("Duplicate key"), and `__proto__` is an own property. Between
 * chunks the walker checks JSON's grammar itself (key, colon, comma, closing bracket), so every
 * byte is read by the library or by the walker. Errors name a byte offset ("at byte N").
 *
 * UTF-8: every cut is made just before or just after an ASCII byte (a bracket, quote, comma,
 * colon, whitespace, or the end of a number or keyword). A multi-byte UTF-8 sequence holds only
 * bytes ≥ 0x80, so no cut splits a character; and an ASCII byte ends any broken sequence before
 * it, so a decoder replaces invalid bytes with U+FFFD exactly as it would in the whole text.
 */
import { constants } from 'node:buffer';
import { closingQuoteOfBytes, parseLosslessJson, SlowParseRefused, type LosslessParseOptions } from './lossless-json.js';

export interface JsonBytesOptions extends LosslessParseOptions {
  /**
   * The longest text parsed whole (bytes). Default V8's longest string
   * (buffer.constants.MAX_STRING_LENGTH, 2^29 − 24): a UTF-8 text never decodes to more
   * characters than it has bytes, so any file up to it fits in one string.
   */
  readonly wholeTextBytes?: number;
  /**
   * The largest span decoded and parsed at once (bytes). Default 64 MiB: ~1 GiB of transient
   * heap if lossless-json's own parser must read it (~16×), and far from the longest string.
   */
  readonly chunkBytes?: number;
}

export const DEFAULT_CHUNK_BYTES = 64 * 2 ** 20;

/**
 * Walked containers may nest this deep: each level rescans up to `chunkBytes` before it is known
 * to be too big to decode at once, so without a bound a hostile file of nested brackets costs
 * depth × chunkBytes. A genesis walks ~4 levels (root, app_state, a module, its list). The one
 * text lossless-json reads and this reader refuses (docs/threat-model.md, "Genesis files").
 */
export const MAX_WALKED_DEPTH = 64;

/**
 * PERF: these character codes stay local to this module (json-bytes.ts / lossless-json.ts keep their
 * own copies): the same constants imported from a shared module made the scans ~2× slower (V8
 * reads an imported binding through its module cell instead of folding it: scanForFastParse +
 * topLevelStringField over a 23.8 MB export, medians of 12, alternated 4×: ~105 ms local vs
 * 190–265 ms imported, 2026-12-07). The duplicate finder's pairing of the two lists is expected.
 */
const QUOTE = 0x22;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

/** Parse the JSON in `bytes` as lossless-json parses their UTF-8 text (same tree; refuses what it refuses). */
export function parseJsonBytes(bytes: Uint8Array, options: JsonBytesOptions = {}): unknown {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const reader = new ByteReader(text, options);
  if (text.length <= (options.wholeTextBytes ?? constants.MAX_STRING_LENGTH)) return reader.parseChunk(0, text.length, '', '');
  const start = skipWhitespace(text, 0);
  const { value, end } = reader.readValue(start, 0);
  const after = skipWhitespace(text, end);
  if (after < text.length) throw new SyntaxError(`Expected end of input but got '${charAt(text, after)}' at byte ${after}`);
  return value;
}

interface Read {
  readonly value: unknown;
  /** The byte just past the value. */
  readonly end: number;
}

/** One run of whole members not yet parsed: bytes [start, end) of the container's text. */
interface Batch {
  start: number;
  end: number;
}

class ByteReader {
  readonly chunkBytes: number;

  constructor(
    private readonly text: Buffer,
    private readonly options: JsonBytesOptions,
  ) {
    this.chunkBytes = Math.max(1, options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
  }

  /** The value starting at `at` (not whitespace), walked if it is a container past the bound. */
  readValue(at: number, depth: number): Read {
    const end = this.spanEnd(at);
    if (end >= 0) return { value: this.parseChunk(at, end, '', ''), end };
    if (depth + 1 > MAX_WALKED_DEPTH) throw new SyntaxError(`values over ${this.chunkBytes} bytes nested deeper than ${MAX_WALKED_DEPTH} at byte ${at}`);
    return this.text[at] === OPEN_BRACE ? this.walkObject(at, depth + 1) : this.walkArray(at, depth + 1);
  }

  /**
   * The end of the value at `at` when it may be decoded at once, or -1 for a container longer
   * than the bound (or not closed: walking it finds where). Refuses what cannot start a value.
   */
  spanEnd(at: number): number {
    const c = this.text[at];
    if (c === OPEN_BRACE || c === OPEN_BRACKET) return containerEnd(this.text, at, this.chunkBytes);
    if (c === undefined) throw new SyntaxError(`JSON value expected but reached end of input at byte ${at}`);
    if (c === CLOSE_BRACE || c === CLOSE_BRACKET || c === COMMA || c === COLON) throw new SyntaxError(`JSON value expected but got '${charAt(this.text, at)}' at byte ${at}`);
    const end = c === QUOTE ? closingQuoteOfBytes(this.text, at + 1) + 1 : scalarEnd(this.text, at);
    if (end === 0) throw new SyntaxError(`End of string '"' expected but reached end of input (the string opened at byte ${at})`);
    // A string longer than any string Node can make: nothing could read it (the library neither).
    if (end - at > constants.MAX_STRING_LENGTH) throw new SyntaxError(`a value of ${end - at} bytes at byte ${at}, longer than the longest string (${constants.MAX_STRING_LENGTH})`);
    return end;
  }

  walkArray(at: number, depth: number): Read {
    const items: unknown[] = [];
    const flush = (batch: Batch): void => {
      for (const item of this.parseChunk(batch.start, batch.end, '[', ']') as unknown[]) items.push(item);
    };
    const end = this.walkMembers(at, CLOSE_BRACKET, depth, flush, (start) => {
      const read = this.readValue(start, depth);
      items.push(read.value);
      return read.end;
    });
    return { value: items, end };
  }

  walkObject(at: number, depth: number): Read {
    const object: Record<string, unknown> = {};
    const flush = (batch: Batch): void => {
      const parsed = this.parseChunk(batch.start, batch.end, '{', '}') as Record<string, unknown>;
      for (const key of Object.keys(parsed)) addMember(object, key, parsed[key], () => this.keyPosition(batch, key));
    };
    const end = this.walkMembers(at, CLOSE_BRACE, depth, flush, (start) => {
      const keyEnd = this.keyEnd(start);
      const key = this.decodeKey(start, keyEnd);
      const read = this.readValue(this.valueStart(keyEnd), depth);
      addMember(object, key, read.value, () => start);
      return read.end;
    });
    return { value: object, end };
  }

  /**
   * Walks the members of the container opening at `at` (an object's when `close` is '}'): runs
   * of members that fit the bound go to `flush` together, a member that does not to `walkOne`.
   * Returns the byte past the closing bracket.
   */
  walkMembers(at: number, close: number, depth: number, flush: (batch: Batch) => void, walkOne: (start: number) => number): number {
    const isObject = close === CLOSE_BRACE;
    let i = skipWhitespace(this.text, at + 1);
    if (this.text[i] === close) return i + 1;
    let batch: Batch | undefined;
    for (;;) {
      const valueAt = isObject ? this.valueStart(this.keyEnd(i)) : i;
      const valueEnd = this.spanEnd(valueAt);
      let end: number;
      if (valueEnd >= 0) {
        if (batch !== undefined && valueEnd - batch.start > this.chunkBytes) {
          flush(batch);
          batch = undefined;
        }
        batch = batch === undefined ? { start: i, end: valueEnd } : { start: batch.start, end: valueEnd };
        end = valueEnd;
      } else {
        if (batch !== undefined) flush(batch);
        batch = undefined;
        end = walkOne(i);
      }
      i = skipWhitespace(this.text, end);
      const c = this.text[i];
      if (c === close) {
        if (batch !== undefined) flush(batch);
        return i + 1;
      }
      if (c !== COMMA) throw new SyntaxError(`',' or '${String.fromCharCode(close)}' expected after a value but ${c === undefined ? 'reached end of input' : `got '${charAt(this.text, i)}'`} at byte ${i}`);
      i = skipWhitespace(this.text, i + 1);
      // Checked here too, so that a walked value is never read first: [1,] and {"a":1,} are refused.
      if (this.text[i] === close) throw new SyntaxError(`${isObject ? 'Quoted object key' : 'Array item'} expected but got '${String.fromCharCode(close)}' at byte ${i}`);
    }
  }

  /** The end of the quoted key at `at` (past its closing quote). */
  keyEnd(at: number): number {
    if (this.text[at] !== QUOTE) throw new SyntaxError(`Quoted object key expected but ${at < this.text.length ? `got '${charAt(this.text, at)}'` : 'reached end of input'} at byte ${at}`);
    const quote = closingQuoteOfBytes(this.text, at + 1);
    if (quote < 0) throw new SyntaxError(`End of string '"' expected but reached end of input (the key opened at byte ${at})`);
    return quote + 1;
  }

  /** The first byte of the value after the key ending at `keyEnd` and its colon. */
  valueStart(keyEnd: number): number {
    const colon = skipWhitespace(this.text, keyEnd);
    if (this.text[colon] !== COLON) throw new SyntaxError(`Colon ':' expected after property name at byte ${colon}`);
    return skipWhitespace(this.text, colon + 1);
  }

  /** A key as JSON decodes it (escapes and all: lossless-json decodes the same ones the same way). */
  decodeKey(start: number, end: number): string {
    if (end - start > constants.MAX_STRING_LENGTH) throw new SyntaxError(`a key of ${end - start} bytes at byte ${start}, longer than the longest string`);
    try {
      return JSON.parse(this.text.toString('utf8', start, end)) as string;
    } catch (error) {
      throw new SyntaxError(`invalid object key at byte ${start}: ${(error as Error).message}`);
    }
  }

  /** Where the key `key` first appears among the batch's members (for the duplicate key's error). */
  keyPosition(batch: Batch, key: string): number {
    for (let i = batch.start; i < batch.end; ) {
      const keyEnd = this.keyEnd(i);
      if (this.decodeKey(i, keyEnd) === key) return i;
      const next = skipWhitespace(this.text, this.spanEnd(this.valueStart(keyEnd)));
      i = skipWhitespace(this.text, next + 1);
    }
    return batch.start;
  }

  /**
   * parseLosslessJson of bytes [start, end) decoded, between `open` and `close` (a run of members
   * read as one array or object); its errors' character positions become byte offsets.
   */
  parseChunk(start: number, end: number, open: string, close: string): unknown {
    const decoded = this.text.toString('utf8', start, end);
    const text = open === '' ? decoded : `${open}${decoded}${close}`;
    try {
      return parseLosslessJson(text, this.options);
    } catch (error) {
      throw atByte(error, decoded, open.length, start, end);
    }
  }
}

/**
 * The same error, its character position in the text parsed (after `prefix` wrapper characters)
 * named as a byte offset of the file: character P is byte `start` + the UTF-8 length of the
 * decoded text before it (e.g. in `["é", x]` from byte 0, character 6 is byte 7). JSON.parse
 * names no position when the text ends too soon ("Unexpected end of JSON input"): that is byte
 * `end`, where the bytes parsed end (a file cut short: its length).
 */
function atByte(error: unknown, decoded: string, prefix: number, start: number, end: number): unknown {
  const byteOf = (position: number): number => start + Buffer.byteLength(decoded.slice(0, Math.max(0, position - prefix)));
  if (error instanceof SlowParseRefused) return new SlowParseRefused(error.reason, byteOf(error.position));
  if (!(error instanceof SyntaxError)) return error; // RangeError: nesting past the stack, read by the caller
  const named = error.message.replace(/(?:at )?position (\d+)/, (_, position: string) => `at byte ${byteOf(Number(position))}`);
  if (named !== error.message) return new SyntaxError(named);
  if (/end of JSON input$/.test(error.message)) return new SyntaxError(`${error.message} at byte ${end}`);
  return new SyntaxError(`${error.message} (in the text from byte ${start})`);
}

/** If a repeat of `key` holds a deep-equal value it stands, otherwise it is refused — lossless-json's parseObject. */
function addMember(object: Record<string, unknown>, key: string, value: unknown, position: () => number): void {
  if (Object.hasOwn(object, key) && !isDeepEqual(value, object[key])) throw new SyntaxError(`Duplicate key '${key}' encountered at byte ${position()}`);
  // lossless-json's setObjectKey: a plain assignment of __proto__ would set the prototype.
  if (key === '__proto__') Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  else object[key] = value;
}

/** lossless-json 4.3.3's isDeepEqual (parse.js; not exported by the package), for its duplicate-key rule. */
function isDeepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => isDeepEqual(item, b[index]));
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.every((key) => isDeepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
  }
  return false;
}

/**
 * The end of the container opening at `at` if it closes within `bound` bytes, else -1. Brackets
 * are counted, not matched: a mismatch inside is the library's to refuse when it parses the span.
 */
function containerEnd(text: Buffer, at: number, bound: number): number {
  const limit = Math.min(text.length, at + bound);
  let depth = 0;
  for (let i = at; i < limit; i++) {
    const c = text[i];
    if (c === QUOTE) {
      i = closingQuoteOfBytes(text, i + 1);
      if (i < 0) return -1;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (--depth === 0) return i + 1 <= limit ? i + 1 : -1;
    }
  }
  return -1;
}

/** The end of a number or keyword (or junk) at `at`: the next whitespace or structural byte. */
function scalarEnd(text: Buffer, at: number): number {
  let i = at;
  while (i < text.length) {
    const c = text[i]!;
    if (isWhitespace(c) || c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || c === COLON || c === QUOTE || c === OPEN_BRACE || c === OPEN_BRACKET) break;
    i++;
  }
  return i;
}

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function skipWhitespace(text: Buffer, from: number): number {
  let i = from;
  while (i < text.length && isWhitespace(text[i]!)) i++;
  return i;
}

/** The character at byte `at`, for an error (a byte ≥ 0x80 shown as its hex: it may be half a character). */
function charAt(text: Buffer, at: number): string {
  const c = text[at]!;
  return c < 0x80 ? String.fromCharCode(c) : `\\x${c.toString(16)}`;
}
