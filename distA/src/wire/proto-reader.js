import { LEDGER, SDK } from '../core/codes.js';
import { MAX_FIELD_BYTES, MAX_REPEATED_ENTRIES } from './limits.js';
export class WireError extends Error {
    code;
    name = 'WireError';
    constructor(code, message) {
        super(message);
        this.code = code;
    }
}
export function decodeError(message) {
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
export class ProtoReader {
    buf;
    end;
    messageName;
    pos;
    constructor(buf, start, end, 
    /** The proto message name, for error texts ("proto: ProtoStdTx: illegal tag 0"). */
    messageName) {
        this.buf = buf;
        this.end = end;
        this.messageName = messageName;
        this.pos = start;
    }
    static of(bytes, messageName) {
        return new ProtoReader(bytes, 0, bytes.byteLength, messageName);
    }
    done() {
        return this.pos >= this.end;
    }
    /**
     * A uint64 varint exactly as Go reads it: up to 10 bytes, bits above 63 dropped.
     * Returns a number when the value is below 2^49 (the common case), else a bigint.
     */
    varint() {
        let value = 0;
        let multiplier = 1;
        for (let index = 0; index < 7; index++) {
            if (this.pos >= this.end)
                throw decodeError(UNEXPECTED_EOF);
            const byte = this.buf[this.pos++];
            value += (byte & 0x7f) * multiplier;
            if (byte < 0x80)
                return value;
            multiplier *= 128;
        }
        let big = BigInt(value);
        for (let shift = 49n;; shift += 7n) {
            if (shift >= 64n)
                throw decodeError(INT_OVERFLOW);
            if (this.pos >= this.end)
                throw decodeError(UNEXPECTED_EOF);
            const byte = this.buf[this.pos++];
            big |= BigInt(byte & 0x7f) << shift;
            if (byte < 0x80)
                return BigInt.asUintN(64, big);
        }
    }
    /** Go `uint64` field (Range.lower/upper). */
    uint64() {
        const value = this.varint();
        return typeof value === 'bigint' ? value : BigInt(value);
    }
    /** Go `int64` field (entropy, heights, counts): the uint64 bits reinterpreted. */
    int64() {
        const value = this.varint();
        return typeof value === 'bigint' ? BigInt.asIntN(64, value) : BigInt(value);
    }
    /** Go `uint32` (the map value of reward delegators): the low 32 bits. */
    uint32() {
        const value = this.varint();
        return typeof value === 'bigint' ? Number(BigInt.asUintN(32, value)) : value % TWO_POW_32;
    }
    tag() {
        const wire = this.varint();
        // Go: fieldNum := int32(wire >> 3) — truncated to 32 bits, then signed.
        const low35 = typeof wire === 'bigint' ? Number(BigInt.asUintN(35, wire)) : wire % TWO_POW_35;
        const fieldBits = Math.floor(low35 / 8);
        const fieldNumber = fieldBits >= TWO_POW_32 / 2 ? fieldBits - TWO_POW_32 : fieldBits;
        const wireType = low35 % 8;
        if (wireType === WIRE_END_GROUP)
            throw decodeError(`proto: ${this.messageName}: wiretype end group for non-group`);
        if (fieldNumber <= 0)
            throw decodeError(`proto: ${this.messageName}: illegal tag ${fieldNumber} (wire type ${wireType})`);
        return { fieldNumber, wireType };
    }
    /** A length prefix as Go reads it into an `int`: negative or past the end of this message is an error. */
    length() {
        const value = this.varint();
        if (typeof value === 'bigint') {
            // ≥ 2^63 wraps negative in Go (ErrInvalidLength); anything else this big is past the end.
            throw decodeError(value >= 1n << 63n ? NEGATIVE_LENGTH : UNEXPECTED_EOF);
        }
        if (value > this.end - this.pos)
            throw decodeError(UNEXPECTED_EOF);
        return value;
    }
    /**
     * The bytes of a length-delimited field (a view into the input, not a copy). `limit` is the
     * tx fields' bound by default; the ledger's own containers (block, log record) pass theirs.
     */
    bytes(field, limit = MAX_FIELD_BYTES) {
        const length = this.length();
        if (length > limit)
            throw new WireError(LEDGER.field_exceeds_limit, `${this.messageName}.${field}: ${length} bytes > ${limit}`);
        const start = this.pos;
        this.pos += length;
        return this.buf.subarray(start, this.pos);
    }
    string(field) {
        const bytes = this.bytes(field);
        try {
            return utf8.decode(bytes);
        }
        catch {
            throw new WireError(LEDGER.string_is_not_utf8, `${this.messageName}.${field} is not valid UTF-8`);
        }
    }
    /** A reader over an embedded message's bytes (advances this reader past them). */
    embedded(field, messageName) {
        const length = this.length();
        const start = this.pos;
        this.pos += length;
        return new ProtoReader(this.buf, start, start + length, messageName);
    }
    expectWireType(tag, wireType, field) {
        if (tag.wireType !== wireType)
            throw decodeError(`proto: wrong wireType = ${tag.wireType} for field ${field}`);
    }
    /** Skip an unknown field whose tag was just read (gogoproto skipX semantics, groups included). */
    skip(tag) {
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
                    if (depth === 0)
                        throw decodeError('proto: unexpected end of group');
                    depth--;
                    break;
                case WIRE_FIXED32:
                    this.advance(4);
                    break;
                default:
                    throw decodeError(`proto: illegal wireType ${wireType}`);
            }
            if (depth === 0)
                return;
            // Inside a group Go reads raw tags without checking field numbers.
            if (this.pos >= this.end)
                throw decodeError(UNEXPECTED_EOF);
            const wire = this.varint();
            wireType = typeof wire === 'bigint' ? Number(wire & 7n) : wire % 8;
        }
    }
    advance(count) {
        if (count > this.end - this.pos)
            throw decodeError(UNEXPECTED_EOF);
        this.pos += count;
    }
}
/** Append to a repeated field, refusing to grow past MAX_REPEATED_ENTRIES. */
export function pushBounded(list, item, field) {
    if (list.length >= MAX_REPEATED_ENTRIES)
        throw new WireError(LEDGER.field_exceeds_limit, `${field}: more than ${MAX_REPEATED_ENTRIES} entries`);
    list.push(item);
}
//# sourceMappingURL=proto-reader.js.map