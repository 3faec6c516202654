/**
 * JSON exactly as pocket-core's Go code writes it, where bytes reach a hash or a signature.
 *
 * Two shapes matter (PROTOCOL.md §9):
 * - Go `encoding/json` of a struct: fields in declared order, no whitespace. Used for session
 *   headers, AATs, relay-proof leaves, proof seeds — write those with `goObject`.
 * - Sorted JSON (`types.MustSortJSON`): the document is parsed into `interface{}` and
 *   re-marshalled, so object keys come out sorted and every JSON number goes through float64.
 *   In pocket's sign documents that never loses precision: amino JSON writes int64 values
 *   (entropy, heights, amounts) as quoted strings — verified on the real mainnet tx at height
 *   41144, whose signature checks out only over `"entropy":"3908904207717607"` — and the only
 *   bare numbers left are small (reward-delegator shares). `sortedJson` still reproduces the
 *   float64 round trip (`goFloat`) so any bare number is written exactly as Go writes it.
 *
 * String escaping follows Go 1.21 (pocket-core's go.mod): `<`, `>`, `&`, U+2028 and U+2029 are
 * \u-escaped (HTML-safe), control characters other than \n \r \t are written \u00XX (Go ≥ 1.22
 * writes \b and \f as short escapes; 1.21 does not).
 */

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

const HEX_DIGITS = '0123456789abcdef';

/** Any character goString escapes or replaces (the same set as the loop below handles). */
const NEEDS_ESCAPE = /["\\<>&\u0000-\u001f\u2028\u2029\ud800-\udfff]/;

/** Go `encoding/json` string literal (with HTML escaping, as json.Marshal does by default). */
export function goString(text: string): string {
  // PERF: most strings (keys, hex, decimals, type names) need no escape: one regex test.
  if (!NEEDS_ESCAPE.test(text)) return `"${text}"`;
  let out = '"';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let escape: string | undefined;
    if (c < 0x20) {
      escape = c === 0x0a ? '\\n' : c === 0x0d ? '\\r' : c === 0x09 ? '\\t' : `\\u00${HEX_DIGITS[c >> 4]}${HEX_DIGITS[c & 15]}`;
    } else if (c === 0x22) escape = '\\"';
    else if (c === 0x5c) escape = '\\\\';
    else if (c === 0x3c) escape = '\\u003c';
    else if (c === 0x3e) escape = '\\u003e';
    else if (c === 0x26) escape = '\\u0026';
    else if (c === 0x2028) escape = '\\u2028';
    else if (c === 0x2029) escape = '\\u2029';
    else if (c >= 0xd800 && c <= 0xdfff) {
      // A lone surrogate cannot come from valid UTF-8; Go replaces invalid bytes with U+FFFD.
      const next = text.charCodeAt(i + 1);
      const paired = c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
      if (paired) {
        i++;
        continue;
      }
      escape = '\\ufffd';
    }
    if (escape !== undefined) {
      out += text.slice(start, i) + escape;
      start = i + 1;
    }
  }
  return out + text.slice(start) + '"';
}

/**
 * A float64 as Go's encoding/json writes it: shortest round-trip digits, plain notation for
 * 1e-6 ≤ |x| < 1e21, exponent form otherwise (Go writes e-07 / e+21 with a two-digit exponent).
 */
export function goFloat(value: number): string {
  if (!Number.isFinite(value)) throw new TypeError(`JSON cannot encode ${value}`);
  if (Object.is(value, -0)) return '-0';
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    // JS: 1e+21, 1.5e-7 → Go: 1e+21, 1.5e-07 (at least two exponent digits).
    return value.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  }
  return String(value);
}

/**
 * Go json.Marshal of a map: keys sorted by their UTF-8 bytes.
 * PERF: compared by UTF-16 code units while both are below the surrogate range (U+D800): there
 * UTF-16 order is code-point order, which is UTF-8 byte order. Only a difference at a surrogate
 * or above (where the orders can disagree, e.g. U+FFFD vs U+10000) is settled on the UTF-8
 * bytes. Example: "from_address" < "to_address" at index 0 ('f' < 't') — no allocation.
 */
function compareUtf8(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x < 0xd800 && y < 0xd800) return x < y ? -1 : 1;
    return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
  }
  return a.length - b.length;
}

/** The bytes `types.MustSortJSON` produces for this document (keys sorted, numbers as float64). */
export function sortedJson(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return goFloat(value);
  if (typeof value === 'string') return goString(value);
  // PERF: string building in loops (no per-level arrays from map/join); the replay key writes a
  // sign document per tx (chain/replay-key.ts).
  if (Array.isArray(value)) {
    const items = value as readonly JsonValue[];
    let out = '[';
    for (let i = 0; i < items.length; i++) out += (i === 0 ? '' : ',') + sortedJson(items[i] as JsonValue);
    return out + ']';
  }
  const object = value as { readonly [key: string]: JsonValue };
  const keys = Object.keys(object).sort(compareUtf8);
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    out += (i === 0 ? '' : ',') + goString(key) + ':' + sortedJson(object[key] as JsonValue);
  }
  return out + '}';
}

/**
 * A Go struct marshalled by encoding/json: the caller lists fields in declared order with their
 * already-encoded values. `goObject([['a', goString('x')], ['n', '5']])` → `{"a":"x","n":5}`.
 */
export function goObject(fields: ReadonlyArray<readonly [string, string]>): string {
  let out = '{';
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    if (i > 0) out += ',';
    out += goString(field[0]) + ':' + field[1];
  }
  return out + '}';
}

/**
 * canonicalJson's text of one number (a safe integer, else the same TypeError) and of one bigint
 * (a decimal string): for encoders that write a hot record's canonical JSON field by field, in
 * canonicalJson's key order, instead of building and sorting an object (pocketcore/state.ts).
 */
export function canonicalInt(value: number): string {
  if (!Number.isSafeInteger(value)) throw new TypeError(`canonicalJson: only safe integers, got ${value}`);
  return String(value);
}

export function canonicalBigint(value: bigint): string {
  return `"${value.toString()}"`;
}

/**
 * Our own canonical JSON for what the ledger hashes and stores (state entries, snapshots, block
 * headers in JSON form): keys sorted by UTF-8 bytes, no whitespace, bigint as a decimal string,
 * undefined fields omitted. Deterministic for the same value on every machine.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return canonicalInt(value);
    case 'bigint':
      return canonicalBigint(value);
    case 'string':
      return goString(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
      if (value instanceof Uint8Array) throw new TypeError('canonicalJson: encode bytes as hex first');
      const object = value as Record<string, unknown>;
      const keys = Object.keys(object)
        .filter((key) => object[key] !== undefined)
        .sort(compareUtf8);
      return `{${keys.map((key) => `${goString(key)}:${canonicalJson(object[key])}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: cannot encode ${typeof value}`);
  }
}

/** SortJSON's indentation, in spaces a level: json.MarshalIndent(c, "", "    ") (app/util.go:104). */
export const SORT_JSON_INDENT = 4;

/**
 * A JSON array whose items are produced while the document is written (sortedJsonChunks): a
 * long list — an export's accounts, its tx index — is never held whole, each item garbage once
 * written. `items` is called once per writing (or `materialized`), so it may be written again.
 */
export class JsonSequence {
  constructor(readonly items: () => Iterable<unknown>) {}
}

/** `value` with every JsonSequence turned into its array: the plain tree JSON.stringify and tests read. */
export function materialized(value: unknown): unknown {
  if (value instanceof JsonSequence) return Array.from(value.items(), materialized);
  if (Array.isArray(value)) return value.map(materialized);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = materialized((value as Record<string, unknown>)[key]);
  return out;
}

/**
 * A whole document as pocket-core's SortJSON writes it (app/util.go:98-109: json.Unmarshal into
 * interface{}, then json.MarshalIndent): `sortedJson`'s key order, escaping and numbers, laid out
 * with `indent` spaces per level as JSON.stringify(value, null, indent) lays them out (0: none;
 * SortJSON's own layout is SORT_JSON_INDENT).
 * For the exported state (genesis/export.ts, query/state-export.ts), whose trees are not
 * JsonValue-typed: an `undefined` member is left out of an object (null in an array), as
 * JSON.stringify does; a JsonSequence is an array. Go's key order matters beyond
 * JSON.stringify: a JavaScript object lists
 * integer-like keys ("1234", "0": canonical array indices) first whatever the insertion order, so
 * a per-chain map {"0021", "1234"} would come out "1234" first; Go sorts the bytes: "0021" first.
 */
export function sortedJsonText(value: unknown, indent = 0): string {
  let text = '';
  for (const chunk of sortedJsonChunks(value, indent)) text += chunk;
  return text;
}

/**
 * Characters a chunk of sortedJsonChunks reaches before it is handed out: 64 Ki. PERF: each chunk
 * is a rope of small appends that Buffer.from flattens and encodes; ropes of 64 Ki characters did
 * that ~4× faster than ropes of 1–4 Mi (pieces of an export's shape, 74 MB, medians of 5: ~0.22 s
 * against 0.8–1.0 s), and a file takes 64 KB writes as well as bigger ones.
 */
const CHUNK_CHARS = 64 * 2 ** 10;

/**
 * sortedJsonText(value, indent) + `suffix` in pieces of about `chunkChars` characters (a chunk
 * ends where the piece that passed the bound ends: each piece is a whole token with its padding,
 * so no chunk ends inside a surrogate pair), produced as they are taken: written to a file chunk
 * by chunk, a document of any size needs memory for one chunk and the open containers, not the
 * text (and JsonSequence items only while each is written).
 * PERF: one walk with its own stack of open containers (a generator yields only from its own
 * frame, and recursion would need one per level); each member is one string append with its
 * separator and padding, and an object's keys are sorted only when not already in order (the
 * exporter builds most of them sorted). 226 MB export of 300k accounts: see docs/history.md.
 */
export function* sortedJsonChunks(value: unknown, indent = 0, suffix = '', chunkChars = CHUNK_CHARS): Generator<string> {
  const writer = new SortedJsonWriter(indent);
  writer.open(value, indent === 0 ? '' : '\n');
  while (writer.advance()) {
    if (writer.out.length >= chunkChars) yield writer.take();
  }
  writer.out += suffix;
  if (writer.out.length > 0) yield writer.out;
}

/** An open array (`items` or `iterator`, `count` written so far) or object (`keys`, `index` next). */
interface OpenContainer {
  readonly object: Record<string, unknown> | undefined;
  readonly keys: readonly string[];
  index: number;
  readonly iterator: Iterator<unknown> | undefined;
  count: number;
  /** '\n' and the container's own padding: before its closing bracket. */
  readonly newline: string;
  /** newline + one step: before each member. */
  readonly inner: string;
}

class SortedJsonWriter {
  out = '';
  private readonly stack: OpenContainer[] = [];
  private readonly step: string;
  private readonly colon: string;

  constructor(indent: number) {
    this.step = indent === 0 ? '' : ' '.repeat(indent);
    this.colon = indent === 0 ? ':' : ': ';
  }

  take(): string {
    const out = this.out;
    this.out = '';
    return out;
  }

  /** Writes a scalar, or opens a container (`newline`: '\n' and the current level's padding). */
  open(value: unknown, newline: string): void {
    if (value === null || value === undefined) this.out += 'null';
    else if (typeof value === 'string') this.out += goString(value);
    else if (typeof value === 'number') this.out += goFloat(value);
    else if (typeof value === 'boolean') this.out += value ? 'true' : 'false';
    // As the query answers write a bigint (query/http-app.ts stringifyAnswer): all its digits, bare.
    else if (typeof value === 'bigint') this.out += value.toString();
    else if (typeof value !== 'object') throw new TypeError(`sortedJsonText: a ${typeof value} has no JSON form`);
    else if (Array.isArray(value) || value instanceof JsonSequence) {
      const items: Iterable<unknown> = value instanceof JsonSequence ? value.items() : value;
      this.stack.push({ object: undefined, keys: NO_KEYS, index: 0, iterator: items[Symbol.iterator](), count: 0, newline, inner: newline + this.step });
    } else {
      const object = value as Record<string, unknown>;
      const keys = sortedDefinedKeys(object);
      if (keys.length === 0) this.out += '{}';
      else this.stack.push({ object, keys, index: 0, iterator: undefined, count: 0, newline, inner: newline + this.step });
    }
  }

  /** Writes the next member of the innermost open container, or closes it; false when the document is done. */
  advance(): boolean {
    const open = this.stack[this.stack.length - 1];
    if (open === undefined) return false;
    if (open.object !== undefined) {
      if (open.index === open.keys.length) {
        this.out += open.newline + '}';
        this.stack.pop();
        return true;
      }
      const key = open.keys[open.index]!;
      this.out += (open.index++ === 0 ? '{' : ',') + open.inner + goString(key) + this.colon;
      this.open(open.object[key], open.inner);
      return true;
    }
    const next = open.iterator!.next();
    if (next.done === true) {
      this.out += open.count === 0 ? '[]' : open.newline + ']';
      this.stack.pop();
      return true;
    }
    this.out += (open.count++ === 0 ? '[' : ',') + open.inner;
    this.open(next.value, open.inner);
    return true;
  }
}

const NO_KEYS: readonly string[] = [];

/** An object's keys without its undefined members, in Go's order (compareUtf8); sorted only when not already. */
function sortedDefinedKeys(object: Record<string, unknown>): string[] {
  let keys = Object.keys(object);
  for (let i = 0; i < keys.length; i++) {
    if (object[keys[i]!] === undefined) {
      keys = keys.filter((key) => object[key] !== undefined);
      break;
    }
  }
  for (let i = 1; i < keys.length; i++) if (compareUtf8(keys[i - 1]!, keys[i]!) > 0) return keys.sort(compareUtf8);
  return keys;
}
