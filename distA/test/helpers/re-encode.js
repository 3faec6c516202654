import { decodeTx, encodeTx } from '../../src/wire/index.js';
import { paddedVarint, tag, varint } from '../unit/wire/proto-bytes.js';
const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_BYTES = 2;
const WIRE_FIXED32 = 5;
function readVarint(bytes, start) {
    let value = 0n;
    let shift = 0n;
    for (let pos = start; pos < bytes.length; pos++) {
        const byte = bytes[pos];
        value |= BigInt(byte & 0x7f) << shift;
        if (byte < 0x80)
            return [value, pos + 1];
        shift += 7n;
    }
    throw new Error('truncated varint in a test tx');
}
/** The fields of a well-formed message (test input: canonical txs only). */
export function parseFields(bytes) {
    const fields = [];
    let pos = 0;
    while (pos < bytes.length) {
        const [key, afterTag] = readVarint(bytes, pos);
        const number = Number(key >> 3n);
        const wireType = Number(key & 7n);
        if (wireType === WIRE_VARINT) {
            const [, end] = readVarint(bytes, afterTag);
            fields.push({ number, wireType, value: bytes.slice(afterTag, end) });
            pos = end;
        }
        else if (wireType === WIRE_BYTES) {
            const [length, start] = readVarint(bytes, afterTag);
            fields.push({ number, wireType, value: bytes.slice(start, start + Number(length)) });
            pos = start + Number(length);
        }
        else {
            const size = wireType === WIRE_FIXED64 ? 8 : 4;
            fields.push({ number, wireType, value: bytes.slice(afterTag, afterTag + size) });
            pos = afterTag + size;
        }
    }
    return fields;
}
export function writeField(field, options = {}) {
    const key = (BigInt(field.number) << 3n) | BigInt(field.wireType);
    const tagBytes = options.padTag ? paddedVarint(key, options.padTag) : varint(key);
    if (field.wireType !== WIRE_BYTES)
        return [...tagBytes, ...field.value];
    const length = options.padLength ? paddedVarint(field.value.length, options.padLength) : varint(field.value.length);
    return [...tagBytes, ...length, ...field.value];
}
export const writeFields = (fields) => fields.flatMap((field) => writeField(field));
/** The body of a framed tx (the uvarint length prefix dropped). */
export function bodyOf(tx) {
    const [, start] = readVarint([...tx.subarray(0, 10)], 0);
    return [...tx.subarray(start)];
}
/** uvarint(len) ‖ body, the prefix with `pad` redundant continuation bytes. */
export function frame(body, pad = 0) {
    return Uint8Array.from([...(pad > 0 ? paddedVarint(body.length, pad) : varint(body.length)), ...body]);
}
function decoded(tx) {
    const result = decodeTx(tx);
    if (!result.ok)
        throw new Error(`test tx does not decode: ${result.error.log}`);
    return result.value;
}
/** An unknown field: never a field number the ProtoStdTx (1–5) or its inner messages use. */
const unknownField = (number = 99) => [...tag(number, WIRE_VARINT), 1];
/** The same signed tx without its public key (pocket-core then verifies with the account's key). */
export function withoutPublicKey(tx) {
    const value = decoded(tx);
    return encodeTx({ ...value, signature: { publicKey: null, signature: value.signature.signature } });
}
/** Every named re-encoding of `tx`: the same signature over the same sign document, other bytes. */
export const RE_ENCODINGS = [
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
export function singleBitFlips(tx) {
    const out = [];
    for (let index = 0; index < tx.byteLength; index++) {
        for (let bit = 0; bit < 8; bit++) {
            const flipped = tx.slice();
            flipped[index] = flipped[index] ^ (1 << bit);
            out.push(flipped);
        }
    }
    return out;
}
function shuffled(items, prng) {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
        const j = prng.int(i + 1);
        [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
}
function randomUnknownField(prng, inner) {
    // Inside nested messages field numbers ≤ 12 may be real (e.g. a StakeNode's); stay above them.
    const number = (inner ? 20 : 6) + prng.int(5_000);
    const wireType = prng.pick([WIRE_VARINT, WIRE_FIXED64, WIRE_BYTES, WIRE_FIXED32]);
    const value = wireType === WIRE_VARINT ? varint(prng.int(1 << 20)) : wireType === WIRE_FIXED64 ? [...prng.bytes(8)] : wireType === WIRE_FIXED32 ? [...prng.bytes(4)] : [...prng.bytes(prng.int(12))];
    return { number, wireType, value };
}
const insertAt = (items, item, prng) => {
    const at = prng.int(items.length + 1);
    return [...items.slice(0, at), item, ...items.slice(at)];
};
/** Edit the contents of a nested (length-delimited) field: Any (1), a fee coin (2), the signature (3). */
function editNested(fields, prng, edit) {
    const candidates = fields.map((field, index) => [field, index]).filter(([field]) => field.wireType === WIRE_BYTES && field.number <= 3);
    if (candidates.length === 0)
        return fields;
    const [field, index] = prng.pick(candidates);
    const inner = edit(parseFields(field.value));
    return fields.map((f, i) => (i === index ? { ...field, value: writeFields(inner) } : f));
}
/** One random field-level edit of a tx body's fields. */
function mutateOnce(fields, prng) {
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
            if (any < 0)
                return fields;
            const anyFields = parseFields(fields[any].value).map((f) => (f.number === 2 ? { ...f, value: [...f.value, ...writeField(randomUnknownField(prng, true))] } : f));
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
                if (i !== flipped || f.value.length === 0)
                    return f;
                const value = [...f.value];
                const at = prng.int(value.length);
                value[at] = value[at] ^ (1 << prng.int(8));
                return { ...f, value };
            });
        }
    }
}
/** 1–3 random field-level edits, written with randomly padded tags, lengths and prefix. */
export function mutateFields(tx, prng) {
    let fields = parseFields(bodyOf(tx));
    for (let edits = 1 + prng.int(3); edits > 0; edits--)
        fields = mutateOnce(fields, prng);
    const body = fields.flatMap((field) => writeField(field, { padTag: prng.chance(0.1) ? 1 + prng.int(3) : 0, padLength: prng.chance(0.1) ? 1 + prng.int(3) : 0 }));
    return frame(body, prng.chance(0.2) ? 1 + prng.int(3) : 0);
}
//# sourceMappingURL=re-encode.js.map