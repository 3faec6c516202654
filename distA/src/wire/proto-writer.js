/**
 * Protobuf encoding the way gogoproto's generated `Marshal` writes pocket-core messages
 * (e.g. MsgSend.MarshalToSizedBuffer, x/nodes/types/msg.pb.go:887-917):
 *
 * - fields in ascending field-number order, minimal varints;
 * - scalars (int64, uint64, int32 casts) only when non-zero; strings and bytes only when
 *   non-empty; repeated fields once per element;
 * - non-nullable embedded messages ALWAYS, even when empty (tag + length 0): ProtoStdTx.msg and
 *   .signature, MsgClaim.header/.merkle_root, MsgProtoProof.merkle_proof/.leaf, HashRange.range,
 *   RelayProof.aat, MsgUpgrade.upgrade, …;
 * - customtype BigInt fields ALWAYS, as decimal text ("0" for zero) — types/int.go:355-380;
 * - map entries as an embedded message {1: key, 2: value}, both always written
 *   (msg.pb.go:622-638), in the order given (Go iterates its map in random order).
 *
 * A second style, `explicit-defaults`, writes every singular field even when it holds its
 * default (empty string/bytes, zero): that is what pocket-js's ts-proto-generated encoders of
 * 2020-2021 did (`writer.uint32(34).string(message.memo)` unconditionally), and real mainnet
 * txs carry it — the tx at height 41144 has an empty memo field `22 00`. Absent optional bytes
 * (`null`) are never written in either style.
 *
 * The `…Always` methods write their field whatever the style (the block header and log record,
 * src/chain, write every field). These helpers take the field number and write tag + payload.
 *
 * Varints: a value is written as its 64-bit two's complement, 7 bits a byte, low bits first
 * (so -1 takes 10 bytes: ff ff ff ff ff ff ff ff ff 01, as Go's int64 and protobufjs's int32 /
 * int64 write it). Strings are written as well-formed UTF-8 (Buffer's encoder: a lone surrogate
 * becomes U+FFFD, which is what every reader of the bytes would see anyway).
 */
import { mustHexToBytes } from '../core/hex.js';
const MASK64 = (1n << 64n) - 1n;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const WIRE_VARINT = 0;
const WIRE_BYTES = 2;
export class ProtoWriter {
    style;
    buf;
    len = 0;
    constructor(style = 'gogoproto', 
    /** Initial capacity in bytes (the buffer doubles when full). */
    capacity = 64) {
        this.style = style;
        // Pooled for small sizes (Node's Buffer pool); finish() copies out, so the pool is never exposed.
        this.buf = Buffer.allocUnsafe(capacity);
    }
    get explicit() {
        return this.style === 'explicit-defaults';
    }
    reserve(count) {
        if (this.len + count <= this.buf.byteLength)
            return;
        const grown = Buffer.allocUnsafe(Math.max(this.buf.byteLength * 2, this.len + count));
        grown.set(this.buf.subarray(0, this.len));
        this.buf = grown;
    }
    /** A non-negative safe integer as a varint. Worked example: 300 → ac 02 (0x2c|0x80, 300>>7 = 2). */
    rawVarint(value) {
        this.reserve(10);
        let rest = value;
        while (rest >= 0x80) {
            this.buf[this.len++] = (rest % 0x80) | 0x80;
            rest = Math.floor(rest / 0x80);
        }
        this.buf[this.len++] = rest;
    }
    /** Any integer as the varint of its 64-bit two's complement (bits above 64 are dropped). */
    rawVarint64(value) {
        let bits = value & MASK64;
        if (bits <= MAX_SAFE)
            return this.rawVarint(Number(bits));
        this.reserve(10);
        while (bits >= 0x80n) {
            this.buf[this.len++] = Number(bits & 0x7fn) | 0x80;
            bits >>= 7n;
        }
        this.buf[this.len++] = Number(bits);
    }
    tag(fieldNumber, wireType) {
        this.rawVarint(fieldNumber * 8 + wireType);
    }
    raw(bytes) {
        this.reserve(bytes.byteLength);
        this.buf.set(bytes, this.len);
        this.len += bytes.byteLength;
    }
    /** int64/uint64/Go-int varint field, skipped when zero (two's complement for negatives, 10 bytes). */
    varint(fieldNumber, value) {
        if (value === 0n && !this.explicit)
            return this;
        return this.varintAlways(fieldNumber, value);
    }
    /** An int64/int32 varint field written even when zero. */
    varintAlways(fieldNumber, value) {
        this.tag(fieldNumber, WIRE_VARINT);
        if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)
            this.rawVarint(value);
        else
            this.rawVarint64(BigInt(value));
        return this;
    }
    /** uint32 varint, always written (map values). */
    uint32Always(fieldNumber, value) {
        this.tag(fieldNumber, WIRE_VARINT);
        this.rawVarint(value >>> 0);
        return this;
    }
    /** A bool, always written (0 or 1). */
    boolAlways(fieldNumber, value) {
        this.tag(fieldNumber, WIRE_VARINT);
        this.rawVarint(value ? 1 : 0);
        return this;
    }
    /** A packed repeated uint32 field (length, then one varint each); nothing when the list is empty. */
    packedUint32(fieldNumber, values) {
        if (values.length === 0)
            return this;
        this.tag(fieldNumber, WIRE_BYTES);
        return this.lengthDelimited(() => {
            for (const value of values)
                this.rawVarint(value >>> 0);
        });
    }
    bytes(fieldNumber, value) {
        if (value.byteLength === 0 && !this.explicit)
            return this;
        return this.bytesAlways(fieldNumber, value);
    }
    bytesAlways(fieldNumber, value) {
        this.tag(fieldNumber, WIRE_BYTES);
        this.rawVarint(value.byteLength);
        this.raw(value);
        return this;
    }
    /** A bytes field given as hex (addresses, keys, hashes). */
    hex(fieldNumber, hex) {
        return hex === null ? this : this.bytes(fieldNumber, mustHexToBytes(hex));
    }
    /** A bytes field given as hex, written even when empty. */
    hexAlways(fieldNumber, hex) {
        return this.bytesAlways(fieldNumber, mustHexToBytes(hex));
    }
    string(fieldNumber, value) {
        if (value === '' && !this.explicit)
            return this;
        return this.stringAlways(fieldNumber, value);
    }
    stringAlways(fieldNumber, value) {
        return this.bytesAlways(fieldNumber, Buffer.from(value, 'utf8'));
    }
    /**
     * An embedded message, written even when empty (gogoproto non-nullable). PERF: written in place
     * (no writer per message): the body goes after the tag, then moves right by its length
     * prefix's size (1 byte below 128, so usually 1) and the prefix is written in front.
     */
    message(fieldNumber, encode) {
        this.tag(fieldNumber, WIRE_BYTES);
        return this.lengthDelimited(() => encode(this));
    }
    lengthDelimited(writeBody) {
        const start = this.len;
        writeBody();
        const body = this.len - start;
        let prefix = 1;
        while (body >= 0x80 ** prefix)
            prefix++;
        this.reserve(prefix);
        this.buf.copyWithin(start + prefix, start, this.len);
        const end = this.len + prefix;
        this.len = start;
        this.rawVarint(body);
        this.len = end;
        return this;
    }
    /** The encoded bytes: a fresh Uint8Array of exactly their length. */
    finish() {
        const out = new Uint8Array(this.len);
        out.set(this.buf.subarray(0, this.len));
        return out;
    }
}
/** Go `binary.PutUvarint`: the length prefix in front of a ProtoStdTx (codec/proto_codec.go:52-61). */
export function uvarintBytes(value) {
    const out = [];
    let rest = value;
    while (rest >= 0x80) {
        out.push((rest % 0x80) | 0x80);
        rest = Math.floor(rest / 0x80);
    }
    out.push(rest);
    return Uint8Array.from(out);
}
//# sourceMappingURL=proto-writer.js.map