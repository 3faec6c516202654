/**
 * Request bodies of the node's HTTP API, parsed defensively. pocket-core's RPC reads at most
 * 1 MiB of body (app/cmd/rpc/server.go PopModel, io.LimitReader 1048576), treats an empty body
 * as "no parameters", ignores the Content-Type and unknown fields. Here 1 MiB is the rawtx
 * route's limit and 64 KiB every other route's (413 body_too_large beyond). On top of that,
 * hostile JSON is refused with a coded error instead of being half-understood:
 *   - nesting deeper than 32 levels                  → too_deep (before parsing: no stack blow-up)
 *   - more than 1,024 values                         → too_many_values (before parsing)
 *   - keys `__proto__`, `constructor`, `prototype`   → hostile_json (prototype-pollution shapes)
 *   - anything JSON.parse rejects                    → invalid_json
 * An object member that is null is dropped, as Go's decoder leaves such a field at its zero value;
 * a number written with a fraction or an exponent (`5.0`, `1e1`) becomes a NonIntegerNumber, which
 * no integer or string field accepts — Go's decoder refuses it for an int64.
 */
import { nonIntegerNumberPaths } from './json-number-literals.js';

/** pocket-core's limit, kept for the one route whose body carries data: the node's rawtx (a claim or proof tx). */
export const MAX_BODY_BYTES = 1_048_576;
/**
 * Every other route: a query's parameters are a few fields (the largest, `/v1/query/nodes` with
 * its opts, is ~300 bytes). pocket-core reads up to 1 MiB everywhere; here a query body over 64 KiB
 * is refused (413) before it is read to the end, so junk bodies cannot buy parse time (below).
 */
export const MAX_QUERY_BODY_BYTES = 65_536;
export const MAX_JSON_DEPTH = 32;
/**
 * Values (array elements and object members) a body may hold. Parsing is ~1 µs a value here (the
 * reviver below runs for each), and it happens before the client's turn (client-turns.ts): a
 * 1 MiB body of 400,000 zeros took ~360 ms, and 16 connections sending such bodies held another
 * client's answer 0.8–2.8 s (QA of 2026-12-06). No route's parameters come near 1,024 values.
 */
export const MAX_JSON_VALUES = 1_024;

export class BodyError extends Error {
  override readonly name = 'BodyError';
  constructor(
    readonly code: 'invalid_json' | 'hostile_json' | 'too_deep' | 'too_many_values' | 'invalid_request',
    message: string,
  ) {
    super(message);
  }
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** What one linear scan of a body finds before it is parsed. */
export interface JsonShape {
  /** Deepest bracket nesting outside strings. */
  readonly depth: number;
  /**
   * An upper bound on the values inside arrays and objects: every opening bracket and comma
   * outside strings starts at most one more. `{"a":1,"b":[2,3]}` → 4 (the object's two members,
   * the array's two elements; the array is itself counted as the second member).
   */
  readonly values: number;
}

/** Depth and value count outside strings (a linear scan; strings' escapes respected). */
export function jsonShape(text: string): JsonShape {
  let depth = 0;
  let deepest = 0;
  let values = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      deepest = Math.max(deepest, ++depth);
      values++;
    } else if (c === 0x5d || c === 0x7d) depth--;
    else if (c === 0x2c) values++;
  }
  return { depth: deepest, values };
}

/**
 * What stands in for a number written with a fraction or an exponent (json-number-literals.ts):
 * neither an integer nor a string, so a schema refuses it by the field's name; its text says what
 * was sent.
 */
export interface NonIntegerNumber {
  readonly non_integer_number: string;
}

/** Replace the value at each path (of a parsed body) with its NonIntegerNumber marker. */
function markNonIntegers(body: unknown, text: string): unknown {
  // PERF: no '.', 'e' or 'E' anywhere, no scan (a hex field often has an 'e': then the scan is
  // linear over a small body).
  if (!/[.eE]/.test(text)) return body;
  for (const path of nonIntegerNumberPaths(text)) {
    // A body that is a number itself stays one: it is refused as not an object.
    if (path.length === 0) return body;
    let holder = body as Record<string | number, unknown> | undefined;
    for (const step of path.slice(0, -1)) holder = holder?.[step] as Record<string | number, unknown> | undefined;
    const last = path[path.length - 1]!;
    if (holder !== undefined && holder !== null && typeof holder[last] === 'number') holder[last] = { non_integer_number: String(holder[last]) } satisfies NonIntegerNumber;
  }
  return body;
}

export function parseRequestBody(text: string): unknown {
  if (text.trim() === '') return {};
  const shape = jsonShape(text);
  if (shape.depth > MAX_JSON_DEPTH) throw new BodyError('too_deep', `JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  if (shape.values > MAX_JSON_VALUES) throw new BodyError('too_many_values', `the body holds more than ${MAX_JSON_VALUES} values (a request's parameters are a few fields)`);
  return markNonIntegers(parseJson(text), text);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text, function (this: unknown, key: string, value: unknown) {
      if (FORBIDDEN_KEYS.has(key)) throw new BodyError('hostile_json', `forbidden key ${JSON.stringify(key)} in the request body`);
      // Go's encoding/json: "unmarshaling a JSON null into any other Go value [than an interface,
      // map, pointer or slice] has no effect on the value and produces no error" — pocket-core's
      // request structs hold ints, strings and bools, so `{"height": null}` is `{}` there. A
      // member that is null is dropped here (returning undefined deletes it); an array keeps its
      // nulls, and a body that is null itself stays null (refused: not an object).
      if (value === null && key !== '' && !Array.isArray(this)) return undefined;
      return value;
    });
  } catch (error) {
    if (error instanceof BodyError) throw error;
    throw new BodyError('invalid_json', `the body is not JSON: ${printable(error instanceof Error ? error.message : String(error))}`);
  }
}

/**
 * JSON.parse quotes the bytes around the error, which may be anything a client sent (a gzip body:
 * binary): control and non-ASCII characters become `?` and the text is cut at 200 characters, so
 * an error message is always readable, one line, and bounded.
 */
function printable(text: string): string {
  const safe = text.replace(/[^\x20-\x7e]/g, '?');
  return safe.length > 200 ? `${safe.slice(0, 200)}…` : safe;
}

/** An object body's string field; absent → undefined; anything else than a string → invalid_request. */
export function stringField(body: unknown, name: string): string | undefined {
  const value = objectOf(body)[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new BodyError('invalid_request', `${name} must be a string`);
  return value;
}

/**
 * An object body's integer field (Go int/int64 in pocket-core's request structs); absent or
 * null → undefined. A fraction, a string or a number beyond ±2^53 is refused (Go's decoder
 * refuses the first two; the last cannot be held exactly here).
 */
export function integerField(body: unknown, name: string): number | undefined {
  const value = objectOf(body)[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new BodyError('invalid_request', `${name} must be an integer (±2^53)`);
  return value;
}

/** An object body's nested object (`opts`); absent or null → an empty object. */
export function objectField(body: unknown, name: string): Record<string, unknown> {
  const value = objectOf(body)[name];
  if (value === undefined || value === null) return {};
  return objectOf(value, name);
}

function objectOf(value: unknown, name = 'the body'): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new BodyError('invalid_request', `${name} must be a JSON object`);
  return value as Record<string, unknown>;
}
