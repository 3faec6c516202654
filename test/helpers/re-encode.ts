/**
 * Other encodings of one signed tx — the same sign document and signature in different bytes —
 * and seeded mutations of a tx's fields, for the replay-protection tests (issue 10 item 1).
 *
 * Each re-encoding decodes (as pocket-core decodes it) to the same message, fee, memo and
 * entropy, so the signature still verifies; only the bytes, and so the tx hash, differ:
 *   non-minimal length prefix · an unknown field appended · top-level fields reordered ·
 *   the public key left out · pocket-js's explicit-defaults style · a non-minimal entropy varint.
 * `mutateFields` composes random field-level edits (reorder, unknown fields at every nesting
 * level, duplicated or dropped fields, padded varints and lengths, the key dropped, bit flips):
 * some keep the sign document, most break the tx — either way none may be delivered twice.
 */
import type { Prng } from '../../src/core/prng.js';
import { decodeTx, encodeTx, type DecodedTx } from '../../src/wire/index.js';
import { paddedVarint, tag, varint } from '../unit/wire/proto-bytes.js';

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_BYTES = 2;
const WIRE_FIXED32 = 5;

/** One protobuf field as written: its number, wire type and value bytes (a length-delimited field's contents). */
export interface ProtoField {
  readonly number: number;
  readonly wireType: number;
  readonly value: readonly number[];
}

function readVarint(bytes: readonly number[], start: number): [bigint, number] {
  let value = 0n;
  let shift = 0n;
  for (let pos = start; pos < bytes.length; pos++) {
    const byte = bytes[pos]!;
    value |= BigInt(byte & 0x7f) << shift;
    if (byte < 0x80) return [value, pos + 1];
    shift += 7n;
  }
  throw new Error('truncated varint in a test tx');
}

/** The fields of a well-formed message (test input: canonical txs only). */
export function parseFields(bytes: readonly number[]): ProtoField[] {
  const fields: ProtoField[] = [];
  let pos = 0;
  while (pos < bytes.length) {
    const [key, afterTag] = readVarint(bytes, pos);
    const number = Number(key >> 3n);
    const wireType = Number(key & 7n);
    if (wireType === WIRE_VARINT) {
      const [, end] = readVarint(bytes, afterTag);
      fields.push({ number, wireType, value: bytes.slice(afterTag, end) });
      pos = end;
    } else if (wireType === WIRE_BYTES) {
      const [length, start] = readVarint(bytes, afterTag);
      fields.push({ number, wireType, value: bytes.slice(start, start + Number(length)) });
      pos = start + Number(length);
    } else {
      const size = wireType === WIRE_FIXED64 ? 8 : 4;
      fields.push({ number, wireType, value: bytes.slice(afterTag, afterTag + size) });
      pos = afterTag + size;
    }
  }
  return fields;
}

export interface WriteOptions {
  /** Redundant continuation bytes in the tag / in a length-delimited field's length. */
  readonly padTag?: number;
  readonly padLength?: number;
}

export function writeField(field: ProtoField, options: WriteOptions = {}): number[] {
  const key = (BigInt(field.number) << 3n) | BigInt(field.wireType);
  const tagBytes = options.padTag ? paddedVarint(key, options.padTag) : varint(key);
  if (field.wireType !== WIRE_BYTES) return [...tagBytes, ...field.value];
  const length = options.padLength ? paddedVarint(field.value.length, options.padLength) : varint(field.value.length);
  return [...tagBytes, ...length, ...field.value];
}

export const writeFields = (fields: readonly ProtoField[]): number[] => fields.flatMap((field) => writeField(field));

/** The body of a framed tx (the uvarint length prefix dropped). */
export function bodyOf(tx: Uint8Array): number[] {
  const [, start] = readVarint([...tx.subarray(0, 10)], 0);
  return [...tx.subarray(start)];
}

/** uvarint(len) ‖ body, the prefix with `pad` redundant continuation bytes. */
export function frame(body: readonly number[], pad = 0): Uint8Array {
  return Uint8Array.from([...(pad > 0 ? paddedVarint(body.length, pad) : varint(body.length)), ...body]);
}

function decoded(tx: Uint8Array): DecodedTx {
  const result = decodeTx(tx);
  if (!result.ok) throw new Error(`test tx does not decode: ${result.error.log}`);
  return result.value;
}

/** An unknown field: never a field number the ProtoStdTx (1–5) or its inner messages use. */
const unknownField = (number = 99): number[] => [...tag(number, WIRE_VARINT), 1];

/** The same signed tx without its public key (pocket-core then verifies with the account's key). */
export function withoutPublicKey(tx: Uint8Array): Uint8Array {
  const value = decoded(tx);
  return encodeTx({ ...value, signature: { publicKey: null, signature: value.signature.signature } });
}

/** Every named re-encoding of `tx`: the same signature over the same sign document, other bytes. */
export const RE_ENCODINGS: ReadonlyArray<readonly [string, (tx: Uint8Array) => Uint8Array]> = [
  ['non-minimal length prefix', (tx) => frame(bodyOf(tx), 1)],
  ['an unknown field appended', (tx) => frame([...bodyOf(tx), ...unknownField()])],
  ['fields reordered', (tx) => frame(writeFields(parseFields(bodyOf(tx)).reverse()))],
  ['public key omitted', withoutPublicKey],
  ['explicit defaults (pocket-js 2020 style)', (tx) => encodeTx(decoded(tx), 'explicit-defaults')],
  [
    'entropy as a non-minimal varint',
    (tx) => frame(parseFields(bodyOf(tx)).flatMap((field) => (field.number === 5 ? [...tag(5, WIRE_VARINT), ...paddedVarint(decoded(tx).entropy, 2)] : writeField(field)))),
  ],
];

/** Every single-bit flip of `tx`, 8 per byte. */
export function singleBitFlips(tx: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let index = 0; index < tx.byteLength; index++) {
    for (let bit = 0; bit < 8; bit++) {
      const flipped = tx.slice();
      flipped[index] = flipped[index]! ^ (1 << bit);
      out.push(flipped);
    }
  }
  return out;
}

function shuffled<T>(items: readonly T[], prng: Prng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = prng.int(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function randomUnknownField(prng: Prng, inner: boolean): ProtoField {
  // Inside nested messages field numbers ≤ 12 may be real (e.g. a StakeNode's); stay above them.
  const number = (inner ? 20 : 6) + prng.int(5_000);
  const wireType = prng.pick([WIRE_VARINT, WIRE_FIXED64, WIRE_BYTES, WIRE_FIXED32]);
  const value = wireType === WIRE_VARINT ? varint(prng.int(1 << 20)) : wireType === WIRE_FIXED64 ? [...prng.bytes(8)] : wireType === WIRE_FIXED32 ? [...prng.bytes(4)] : [...prng.bytes(prng.int(12))];
  return { number, wireType, value };
}

const insertAt = <T>(items: readonly T[], item: T, prng: Prng): T[] => {
  const at = prng.int(items.length + 1);
  return [...items.slice(0, at), item, ...items.slice(at)];
};

/** Edit the contents of a nested (length-delimited) field: Any (1), a fee coin (2), the signature (3). */
function editNested(fields: ProtoField[], prng: Prng, edit: (inner: ProtoField[]) => ProtoField[]): ProtoField[] {
  const candidates = fields.map((field, index) => [field, index] as const).filter(([field]) => field.wireType === WIRE_BYTES && field.number <= 3);
  if (candidates.length === 0) return fields;
  const [field, index] = prng.pick(candidates);
  const inner = edit(parseFields(field.value));
  return fields.map((f, i) => (i === index ? { ...field, value: writeFields(inner) } : f));
}

/** One random field-level edit of a tx body's fields. */
function mutateOnce(fields: ProtoField[], prng: Prng): ProtoField[] {
  switch (prng.int(9)) {
    case 0:
      return shuffled(fields, prng);
    case 1:
      return insertAt(fields, randomUnknownField(prng, false), prng);
    case 2:
      return editNested(fields, prng, (inner) => insertAt(inner, randomUnknownField(prng, true), prng));
    case 3:
      return editNested(fields, prng, (inner) => shuffled(inner, prng));
    case 4: {
      // the Any's message value (Any field 2): an unknown field inside the message itself
      const any = fields.findIndex((field) => field.number === 1);
      if (any < 0) return fields;
      const anyFields = parseFields(fields[any]!.value).map((f) => (f.number === 2 ? { ...f, value: [...f.value, ...writeField(randomUnknownField(prng, true))] } : f));
      return fields.map((f, i) => (i === any ? { ...f, value: writeFields(anyFields) } : f));
    }
    case 5: // drop the public key (signature field 3, inner field 1)
      return fields.map((f) => (f.number === 3 ? { ...f, value: writeFields(parseFields(f.value).filter((inner) => inner.number !== 1)) } : f));
    case 6: // duplicate a field (a repeated message merges, a repeated scalar keeps the last, a repeated fee adds a coin)
      return insertAt(fields, prng.pick(fields), prng);
    case 7: {
      // drop a field
      const dropped = prng.int(fields.length);
      return fields.filter((_, i) => i !== dropped);
    }
    default: {
      // a bit flip somewhere in one field's value
      const flipped = prng.int(fields.length);
      return fields.map((f, i) => {
        if (i !== flipped || f.value.length === 0) return f;
        const value = [...f.value];
        const at = prng.int(value.length);
        value[at] = value[at]! ^ (1 << prng.int(8));
        return { ...f, value };
      });
    }
  }
}

/** 1–3 random field-level edits, written with randomly padded tags, lengths and prefix. */
export function mutateFields(tx: Uint8Array, prng: Prng): Uint8Array {
  let fields = parseFields(bodyOf(tx));
  for (let edits = 1 + prng.int(3); edits > 0; edits--) fields = mutateOnce(fields, prng);
  const body = fields.flatMap((field) => writeField(field, { padTag: prng.chance(0.1) ? 1 + prng.int(3) : 0, padLength: prng.chance(0.1) ? 1 + prng.int(3) : 0 }));
  return frame(body, prng.chance(0.2) ? 1 + prng.int(3) : 0);
}
