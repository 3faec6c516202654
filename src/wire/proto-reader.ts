/**
 * A protobuf reader that accepts exactly what pocket-core's gogoproto-generated `Unmarshal`
 * methods accept (x/<module>/types/*.pb.go, e.g. ProtoStdTx.Unmarshal auth.pb.go:1975-2178), so that a
 * transaction decodes here iff it decodes on mainnet (within the bounds of limits.ts):
 *
 * - varints: at most 10 bytes; bits above 63 are dropped silently (Go shifts them out), so
 *   non-minimal encodings are accepted;
 * - a tag's field number is `int32(wire >> 3)` (Go truncates), ≤ 0 is an error; wire type 4
 *   outside a group is an error; a known field with the wrong wire type is an error;
 * - lengths are Go `int`s: negative or past the end is an error;
 * - unknown fields are skipped (wire types 0, 1, 2, 5 and groups 3…4, iteratively, as skipX);
 * - strings are NOT UTF-8-checked by Go; we reject invalid UTF-8 (ledger:string_is_not_utf8)
 *   because pocket-core would sign them through Go's JSON with U+FFFD replacement we cannot
 *   reproduce exactly (deliberate difference, src/messages/index.ts).
 *
 * Why not protobufjs's Reader: it rejects or truncates differently (uint32 lengths, 5-byte
 * tags, no wire-type checks); consensus needs Go's acceptance rules bit for bit. The same reader
 * decodes the ledger's own block and log-record bytes (src/chain/block.ts, record.ts).
 *
 * Failures throw `WireError`, caught once in decodeTx and turned into a Rejection; nothing else
 * escapes (decodeTx never throws).
 */
import type { RejectionCode } from '../core/rejection.js';
import { LEDGER, SDK } from '../core/codes.js';
import { MAX_FIELD_BYTES, MAX_REPEATED_ENTRIES } from './limits.js';

export class WireError extends Error {
  override readonly name = 'WireError';
  constructor(
    readonly code: RejectionCode,
    message: string,
  ) {
    super(message);
  }
}

export function decodeError(message: string): WireError {
  return new WireError(SDK.tx_decode_error, message);
}

const UNEXPECTED_EOF = 'unexpected EOF';
const INT_OVERFLOW = 'proto: integer overflow';
const NEGATIVE_LENGTH = 'proto: negative length found during unmarshaling';

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_BYTES = 2;
export const WIRE_START_GROUP = 3;
export const WIRE_END_GROUP = 4;
export const WIRE_FIXED32 = 5;

const TWO_POW_32 = 4_294_967_296;
const TWO_POW_35 = 34_359_738_368;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export interface Tag {
  readonly fieldNumber: number;
  readonly wireType: number;
}

export class ProtoReader {
  pos: number;
  /**
   * The tag `tag()` answers, rewritten by every call on this reader. DEV_NOTE: a caller must use
   * a tag before it reads the next tag of the same reader (every decoder here reads a tag, then
   * its field). PERF: one object per reader instead of one per field (a send tx has eleven
   * tags; bench/replay's heap profile).
   */
  private readonly current: { fieldNumber: number; wireType: number } = { fieldNumber: 0, wireType: 0 };

  constructor(
    readonly buf: Uint8Array,
    start: number,
    readonly end: number,
    /** The proto message name, for error texts ("proto: ProtoStdTx: illegal tag 0"). */
    readonly messageName: string,
  ) {
    this.pos = start;
  }

  static of(bytes: Uint8Array, messageName: string): ProtoReader {
    return new ProtoReader(bytes, 0, bytes.byteLength, messageName);
  }

  done(): boolean {
    return this.pos >= this.end;
  }

  /**
   * A uint64 varint exactly as Go reads it: up to 10 bytes, bits above 63 dropped.
   * Returns a number when the value is below 2^49 (the common case), else a bigint.
   */
  private varint(): number | bigint {
    let value = 0;
    let multiplier = 1;
    for (let index = 0; index < 7; index++) {
      if (this.pos >= this.end) throw decodeError(UNEXPECTED_EOF);
      const byte = this.buf[this.pos++] as number;
      value += (byte & 0x7f) * multiplier;
      if (byte < 0x80) return value;
      multiplier *= 128;
    }
    let big = BigInt(value);
    for (let shift = 49n; ; shift += 7n) {
      if (shift >= 64n) throw decodeError(INT_OVERFLOW);
      if (this.pos >= this.end) throw decodeError(UNEXPECTED_EOF);
      const byte = this.buf[this.pos++] as number;
      big |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) return BigInt.asUintN(64, big);
    }
  }

  /** Go `uint64` field (Range.lower/upper). */
  uint64(): bigint {
    const value = this.varint();
    return typeof value === 'bigint' ? value : BigInt(value);
  }

  /** Go `int64` field (entropy, heights, counts): the uint64 bits reinterpreted. */
  int64(): bigint {
    const value = this.varint();
    return typeof value === 'bigint' ? BigInt.asIntN(64, value) : BigInt(value);
  }

  /** Go `uint32` (the map value of reward delegators): the low 32 bits. */
  uint32(): number {
    const value = this.varint();
    return typeof value === 'bigint' ? Number(BigInt.asUintN(32, value)) : value % TWO_POW_32;
  }

  /** The next field's tag (the reader's one Tag object, see `current`). */
  tag(): Tag {
    const wire = this.varint();
    // Go: fieldNum := int32(wire >> 3) — truncated to 32 bits, then signed.
    const low35 = typeof wire === 'bigint' ? Number(BigInt.asUintN(35, wire)) : wire % TWO_POW_35;
    const fieldBits = Math.floor(low35 / 8);
    const fieldNumber = fieldBits >= TWO_POW_32 / 2 ? fieldBits - TWO_POW_32 : fieldBits;
    const wireType = low35 % 8;
    if (wireType === WIRE_END_GROUP) throw decodeError(`proto: ${this.messageName}: wiretype end group for non-group`);
    if (fieldNumber <= 0) throw decodeError(`proto: ${this.messageName}: illegal tag ${fieldNumber} (wire type ${wireType})`);
    this.current.fieldNumber = fieldNumber;
    this.current.wireType = wireType;
    return this.current;
  }

  /** A length prefix as Go reads it into an `int`: negative or past the end of this message is an error. */
  private length(): number {
    const value = this.varint();
    if (typeof value === 'bigint') {
      // ≥ 2^63 wraps negative in Go (ErrInvalidLength); anything else this big is past the end.
      throw decodeError(value >= 1n << 63n ? NEGATIVE_LENGTH : UNEXPECTED_EOF);
    }
    if (value > this.end - this.pos) throw decodeError(UNEXPECTED_EOF);
    return value;
  }

  /**
   * The bytes of a length-delimited field (a view into the input, not a copy). `limit` is the
   * tx fields' bound by default; the ledger's own containers (block, log record) pass theirs.
   */
  bytes(field: string, limit = MAX_FIELD_BYTES): Uint8Array {
    const length = this.length();
    if (length > limit) throw new WireError(LEDGER.field_exceeds_limit, `${this.messageName}.${field}: ${length} bytes > ${limit}`);
    const start = this.pos;
    this.pos += length;
    return this.buf.subarray(start, this.pos);
  }

  string(field: string): string {
    const bytes = this.bytes(field);
    try {
      return utf8.decode(bytes);
    } catch {
      throw new WireError(LEDGER.string_is_not_utf8, `${this.messageName}.${field} is not valid UTF-8`);
    }
  }

  /** A reader over an embedded message's bytes (advances this reader past them). */
  embedded(field: string, messageName: string): ProtoReader {
    const length = this.length();
    const start = this.pos;
    this.pos += length;
    return new ProtoReader(this.buf, start, start + length, messageName);
  }

  expectWireType(tag: Tag, wireType: number, field: string): void {
    if (tag.wireType !== wireType) throw decodeError(`proto: wrong wireType = ${tag.wireType} for field ${field}`);
  }

  /** Skip an unknown field whose tag was just read (gogoproto skipX semantics, groups included). */
  skip(tag: Tag): void {
    let wireType = tag.wireType;
    let depth = 0;
    for (;;) {
      switch (wireType) {
        case WIRE_VARINT:
          this.varint();
          break;
        case WIRE_FIXED64:
          this.advance(8);
          break;
        case WIRE_BYTES:
          this.advance(this.length());
          break;
        case WIRE_START_GROUP:
          depth++;
          break;
        case WIRE_END_GROUP:
          if (depth === 0) throw decodeError('proto: unexpected end of group');
          depth--;
          break;
        case WIRE_FIXED32:
          this.advance(4);
          break;
        default:
          throw decodeError(`proto: illegal wireType ${wireType}`);
      }
      if (depth === 0) return;
      // Inside a group Go reads raw tags without checking field numbers.
      if (this.pos >= this.end) throw decodeError(UNEXPECTED_EOF);
      const wire = this.varint();
      wireType = typeof wire === 'bigint' ? Number(wire & 7n) : wire % 8;
    }
  }

  private advance(count: number): void {
    if (count > this.end - this.pos) throw decodeError(UNEXPECTED_EOF);
    this.pos += count;
  }
}

/** Append to a repeated field, refusing to grow past MAX_REPEATED_ENTRIES. */
export function pushBounded<T>(list: T[], item: T, field: string): void {
  if (list.length >= MAX_REPEATED_ENTRIES) throw new WireError(LEDGER.field_exceeds_limit, `${field}: more than ${MAX_REPEATED_ENTRIES} entries`);
  list.push(item);
}
