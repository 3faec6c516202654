/**
 * Protobuf encoding the way gogoproto's generated `Marshal` writes pocket-core messages
 * (e.g. MsgSend.MarshalToSizedBuffer, x/nodes/types/msg.pb.go:887-917), on protobufjs's Writer:
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
 * These helpers take the field number and write tag + payload.
 */
import { Writer } from 'protobufjs/minimal.js';
import { mustHexToBytes } from '../../../../src/core/hex.js';

const MASK64 = (1n << 64n) - 1n;

/** Which encoder's habits to reproduce (see above). */
export type EncodingStyle = 'gogoproto' | 'explicit-defaults';

export class ProtoWriter {
  private readonly writer = Writer.create();

  constructor(readonly style: EncodingStyle = 'gogoproto') {}

  private get explicit(): boolean {
    return this.style === 'explicit-defaults';
  }

  private tag(fieldNumber: number, wireType: number): void {
    this.writer.uint32(((fieldNumber << 3) | wireType) >>> 0);
  }

  /** int64/uint64/Go-int varint field, skipped when zero (two's complement for negatives, 10 bytes). */
  varint(fieldNumber: number, value: bigint): this {
    if (value === 0n && !this.explicit) return this;
    this.tag(fieldNumber, 0);
    const bits = value & MASK64;
    this.writer.uint64({ low: Number(bits & 0xffffffffn), high: Number(bits >> 32n), unsigned: true });
    return this;
  }

  /** uint32 varint, always written (map values). */
  uint32Always(fieldNumber: number, value: number): this {
    this.tag(fieldNumber, 0);
    this.writer.uint32(value >>> 0);
    return this;
  }

  bytes(fieldNumber: number, value: Uint8Array): this {
    if (value.byteLength === 0 && !this.explicit) return this;
    return this.bytesAlways(fieldNumber, value);
  }

  bytesAlways(fieldNumber: number, value: Uint8Array): this {
    this.tag(fieldNumber, 2);
    this.writer.bytes(value);
    return this;
  }

  /** A bytes field given as hex (addresses, keys, hashes). */
  hex(fieldNumber: number, hex: string | null): this {
    return hex === null ? this : this.bytes(fieldNumber, mustHexToBytes(hex));
  }

  string(fieldNumber: number, value: string): this {
    if (value === '' && !this.explicit) return this;
    return this.stringAlways(fieldNumber, value);
  }

  stringAlways(fieldNumber: number, value: string): this {
    return this.bytesAlways(fieldNumber, Buffer.from(value, 'utf8'));
  }

  /** An embedded message, written even when empty (gogoproto non-nullable). */
  message(fieldNumber: number, encode: (inner: ProtoWriter) => void): this {
    const inner = new ProtoWriter(this.style);
    encode(inner);
    return this.bytesAlways(fieldNumber, inner.finish());
  }

  finish(): Uint8Array {
    // A plain Uint8Array (protobufjs hands back a Buffer under Node).
    return new Uint8Array(this.writer.finish());
  }
}

/** Go `binary.PutUvarint`: the length prefix in front of a ProtoStdTx (codec/proto_codec.go:52-61). */
export function uvarintBytes(value: number): Uint8Array {
  const out: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
  return Uint8Array.from(out);
}
