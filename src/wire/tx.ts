/**
 * pocket-core's transaction bytes: `uvarint(len) ‖ ProtoStdTx` (codec/proto_codec.go:52-61;
 * DefaultTxDecoder x/auth/types/stdtx.go:299-325), where
 *
 *   ProtoStdTx { 1: google.protobuf.Any msg; 2: repeated Coin fee;
 *                3: ProtoStdSignature signature {1: bytes publicKey, 2: bytes Signature};
 *                4: string memo; 5: int64 entropy }          (proto/x/auth/auth.proto)
 *   Any        { 1: string type_url; 2: bytes value }
 *   Coin       { 1: string denom; 2: string amount (BigInt text) }
 *
 * The tx hash is SHA-256 of the bytes exactly as received, prefix included (Tendermint
 * `Tx.Hash`, used by the ante handler's duplicate check, x/auth/ante.go:51), uppercase hex.
 *
 * Non-canonical encodings (unknown fields, repeated fields, out-of-order fields, non-minimal
 * varints, a non-minimal length prefix) are accepted exactly where pocket-core accepts them;
 * the hash is always of the received bytes, and `encodeTx(decodeTx(b), style)` reproduces `b`
 * only for canonical encodings — those written by pocket-core's gogoproto encoder or by the
 * 2020-21 pocket-js encoder that writes default values too (canonicalEncodingStyle tells which).
 *
 * Decode outcomes: `sdk:2` for anything pocket-core cannot decode (its ErrTxDecode), `sdk:6`
 * for a tx without a message (Any with empty type URL: pocket decodes a nil msg and runTx
 * answers ErrUnknownRequest, baseapp/baseapp.go:836-840), and `ledger:*` for our own bounds
 * (limits.ts), invalid UTF-8 and legacy messages.
 */
import { bytesEqual, bytesToHex } from '../core/hex.js';
import { rejection, type Rejection } from '../core/rejection.js';
import { err, ok, type Result } from '../core/result.js';
import { hash as nodeHash } from 'node:crypto';
import { LEDGER, SDK } from '../core/codes.js';
import { decodeMessageValue } from './decode-msgs.js';
import { encodeMessageValue } from './encode-msgs.js';
import { goParseBigInt } from './go-bigint.js';
import { MAX_TX_BYTES } from './limits.js';
import { decodeError, ProtoReader, pushBounded, WIRE_BYTES, WIRE_VARINT, WireError } from './proto-reader.js';
import { ProtoWriter, uvarintBytes, type EncodingStyle } from './proto-writer.js';
import { LEGACY_TYPE_URLS, MESSAGE_TYPES, messageTypeByUrl } from './type-urls.js';
import type { DecodedTx, WireCoin, WireSignature, WireTx } from './types.js';

/** Uppercase hex SHA-256 of the tx bytes as received. */
export function txHash(bytes: Uint8Array): string {
  // PERF: hex straight from node:crypto (one string, no intermediate buffer); called per tx.
  return nodeHash('sha256', bytes, 'hex').toUpperCase();
}

/**
 * Go's binary.Uvarint (used for the length prefix): ≤ 10 bytes, the 10th at most 1;
 * non-minimal encodings accepted. Returns [value, bytesRead] or undefined.
 */
function readLengthPrefix(bytes: Uint8Array): [number, number] | undefined {
  let value = 0;
  let multiplier = 1;
  for (let index = 0; index < 10 && index < bytes.byteLength; index++) {
    const byte = bytes[index] as number;
    if (byte < 0x80) {
      if (index === 9 && byte > 1) return undefined;
      return [value + byte * multiplier, index + 1];
    }
    value += (byte & 0x7f) * multiplier;
    multiplier *= 128;
  }
  return undefined;
}

function decodeCoin(r: ProtoReader): WireCoin {
  let denom = '';
  let amount = '';
  while (!r.done()) {
    const tag = r.tag();
    if (tag.fieldNumber === 1) {
      r.expectWireType(tag, WIRE_BYTES, 'Denom');
      denom = r.string('Denom');
    } else if (tag.fieldNumber === 2) {
      r.expectWireType(tag, WIRE_BYTES, 'Amount');
      const raw = r.bytes('Amount');
      if (raw.byteLength === 0) continue; // BigInt.Unmarshal keeps the previous value
      const text = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('latin1');
      if (goParseBigInt(text) === undefined) throw decodeError(`math/big: cannot unmarshal ${JSON.stringify(text.slice(0, 80))} into a *big.Int`);
      amount = text;
    } else r.skip(tag);
  }
  return { denom, amount };
}

/** ProtoStdTx's fields as read, before the message is decoded (the last value of each field wins). */
interface StdTxFields {
  readonly typeUrl: string;
  readonly value: Uint8Array;
  readonly fee: WireCoin[];
  readonly publicKey: Uint8Array | null;
  readonly signature: Uint8Array;
  readonly memo: string;
  readonly entropy: bigint;
}

function readStdTxFields(body: Uint8Array): StdTxFields {
  const r = ProtoReader.of(body, 'ProtoStdTx');
  let typeUrl = '';
  let value: Uint8Array = new Uint8Array(0);
  const fee: WireCoin[] = [];
  let publicKey: Uint8Array | null = null;
  let signature: Uint8Array = new Uint8Array(0);
  let memo = '';
  let entropy = 0n;
  while (!r.done()) {
    const tag = r.tag();
    switch (tag.fieldNumber) {
      case 1: {
        // Non-nullable Any: a second occurrence merges into the first (last value per field).
        r.expectWireType(tag, WIRE_BYTES, 'Msg');
        const any = r.embedded('Msg', 'Any');
        while (!any.done()) {
          const inner = any.tag();
          if (inner.fieldNumber === 1) {
            any.expectWireType(inner, WIRE_BYTES, 'TypeUrl');
            typeUrl = any.string('TypeUrl');
          } else if (inner.fieldNumber === 2) {
            any.expectWireType(inner, WIRE_BYTES, 'Value');
            value = any.bytes('Value');
          } else any.skip(inner);
        }
        break;
      }
      case 2:
        r.expectWireType(tag, WIRE_BYTES, 'Fee');
        pushBounded(fee, decodeCoin(r.embedded('Fee', 'Coin')), 'ProtoStdTx.Fee');
        break;
      case 3: {
        r.expectWireType(tag, WIRE_BYTES, 'Signature');
        const sig = r.embedded('Signature', 'ProtoStdSignature');
        while (!sig.done()) {
          const inner = sig.tag();
          if (inner.fieldNumber === 1) {
            sig.expectWireType(inner, WIRE_BYTES, 'PublicKey');
            publicKey = sig.bytes('PublicKey');
          } else if (inner.fieldNumber === 2) {
            sig.expectWireType(inner, WIRE_BYTES, 'Signature');
            signature = sig.bytes('Signature');
          } else sig.skip(inner);
        }
        break;
      }
      case 4:
        r.expectWireType(tag, WIRE_BYTES, 'Memo');
        memo = r.string('Memo');
        break;
      case 5:
        r.expectWireType(tag, WIRE_VARINT, 'Entropy');
        entropy = r.int64();
        break;
      default:
        r.skip(tag);
    }
  }
  return { typeUrl, value, fee, publicKey, signature, memo, entropy };
}

/** The signature as the decoded tx holds it: hex key (null when absent) and hex signature. */
function wireSignature(fields: StdTxFields): WireSignature {
  return { publicKey: fields.publicKey === null ? null : bytesToHex(fields.publicKey), signature: bytesToHex(fields.signature) };
}

function decodeStdTx(bytes: Uint8Array, body: Uint8Array): Result<DecodedTx, Rejection> {
  const fields = readStdTxFields(body);
  const { typeUrl, publicKey } = fields;
  // FromProto (stdtx.go:194-211): unpack the Any, then the signature's public key.
  if (typeUrl === '') return err(rejection(SDK.unknown_request, 'Tx.GetMsg() must return at least one message (empty type URL)'));
  const legacy = LEGACY_TYPE_URLS.get(typeUrl);
  if (legacy !== undefined) return err(rejection(LEDGER.unsupported_legacy_message, `legacy message ${typeUrl} (${legacy}) is not supported: every feature is active`));
  const info = messageTypeByUrl(typeUrl);
  if (info === undefined) {
    return err(rejection(SDK.tx_decode_error, `error decoding transaction: no concrete type registered for type URL ${typeUrl.slice(0, 200)} against interface *types.ProtoMsg`));
  }
  const msg = decodeMessageValue(info.kind, fields.value);
  if (publicKey !== null && publicKey.byteLength !== 32 && publicKey.byteLength !== 33) {
    return err(rejection(SDK.tx_decode_error, `error decoding transaction: unsupported public key type, length of: ${publicKey.byteLength}`));
  }
  const signatureBytes = { publicKey, signature: fields.signature };
  return ok({ msg, fee: fields.fee, signature: wireSignature(fields), memo: fields.memo, entropy: fields.entropy, bytes, hash: txHash(bytes), typeUrl, signatureBytes });
}

/** What a tx carries besides its message: fee, signature, memo, entropy (decodeTxEnvelope). */
export type TxEnvelope = Omit<WireTx, 'msg'>;

/**
 * The envelope of tx bytes that are KNOWN to decode (decodeTx gave ok for these very bytes, e.g.
 * a projected tx whose message JSON was stored): the same fee, signature, memo and entropy as
 * decodeTx, without decoding the message or hashing the bytes. For bytes that would not decode,
 * the answer is not decodeTx's rejection; use decodeTx for untrusted input.
 * PERF: a tx query's answer repeats the stored message JSON; decoding the message again (a
 * proof's Merkle paths) was most of the answer's own work (bench/query point/tx).
 */
export function decodeTxEnvelope(bytes: Uint8Array): Result<TxEnvelope, Rejection> {
  return withStdTxBody(bytes, false, (body) => {
    const fields = readStdTxFields(body);
    return ok({ fee: fields.fee, signature: wireSignature(fields), memo: fields.memo, entropy: fields.entropy });
  });
}

/**
 * Decode received tx bytes. Never throws: malformed input of any kind is a coded Rejection.
 * Work and allocation are bounded by MAX_TX_BYTES (checked first) and the field limits.
 */
export function decodeTx(bytes: Uint8Array): Result<DecodedTx, Rejection> {
  return withStdTxBody(bytes, true, (body, owned) => decodeStdTx(owned, body));
}

/**
 * A copy of the bytes that nothing else writes to. DEV_NOTE: `bytes.slice()` is NOT a copy for a
 * Buffer (Buffer#slice is a view) — and the block log hands out Buffers, so decoded txs used to
 * share the log's read chunk. PERF: Buffer.allocUnsafe takes a tx-sized copy from Node's shared
 * 8 KiB pool (no ArrayBuffer per tx: `new Uint8Array(bytes)` slowed a trusted replay of sends by
 * ~5%); every byte of it is written here, so nothing uninitialised is exposed.
 */
function ownedCopy(bytes: Uint8Array): Uint8Array {
  const copy = Buffer.allocUnsafe(bytes.byteLength);
  copy.set(bytes);
  return copy;
}

/**
 * The length prefix and size checks, then `decode` of the ProtoStdTx body; wire errors become
 * coded rejections. `own`: decode a copy (the result keeps the bytes) rather than the caller's buffer.
 */
function withStdTxBody<T>(bytes: Uint8Array, own: boolean, decode: (body: Uint8Array, owned: Uint8Array) => Result<T, Rejection>): Result<T, Rejection> {
  if (bytes.byteLength === 0) return err(rejection(SDK.tx_decode_error, 'txBytes are empty'));
  if (bytes.byteLength > MAX_TX_BYTES) return err(rejection(LEDGER.tx_too_large, `tx is ${bytes.byteLength} bytes, more than ${MAX_TX_BYTES}`));
  const prefix = readLengthPrefix(bytes);
  if (prefix === undefined) return err(rejection(SDK.tx_decode_error, 'error decoding transaction: invalid number of bytes read from length-prefixed encoding'));
  const [size, prefixLength] = prefix;
  const rest = bytes.byteLength - prefixLength;
  if (size !== rest) {
    return err(rejection(SDK.tx_decode_error, `error decoding transaction: ${size > rest ? 'not enough' : 'too many'} bytes to read; want: ${size}, got: ${rest}`));
  }
  // The decoded tx owns its bytes: a caller reusing its buffer cannot change a decoded tx.
  const owned = own ? ownedCopy(bytes) : bytes;
  try {
    return decode(owned.subarray(prefixLength), owned);
  } catch (error) {
    if (error instanceof WireError) {
      const message = error.code === SDK.tx_decode_error ? `error decoding transaction: ${error.message}` : error.message;
      return err(rejection(error.code, message));
    }
    throw error; // a bug, not bad input
  }
}

/**
 * The ProtoStdTx bytes of a transaction, length prefix included (what Tendermint carries), as
 * pocket-core writes them (`gogoproto`, the default) or as 2020-21 pocket-js did
 * (`explicit-defaults`, see proto-writer.ts).
 */
export function encodeTx(tx: WireTx, style: EncodingStyle = 'gogoproto'): Uint8Array {
  const w = new ProtoWriter(style);
  w.message(1, (any) => any.string(1, MESSAGE_TYPES[tx.msg.kind].typeUrl).bytes(2, encodeMessageValue(tx.msg, style)));
  for (const coin of tx.fee) {
    w.message(2, (inner) => inner.string(1, coin.denom).stringAlways(2, coin.amount === '' && style === 'gogoproto' ? '0' : coin.amount));
  }
  w.message(3, (sig) => sig.hex(1, tx.signature.publicKey).hex(2, tx.signature.signature));
  w.string(4, tx.memo).varint(5, tx.entropy);
  const body = w.finish();
  const prefix = uvarintBytes(body.byteLength);
  const out = new Uint8Array(prefix.byteLength + body.byteLength);
  out.set(prefix, 0);
  out.set(body, prefix.byteLength);
  return out;
}

/**
 * Which known encoder wrote exactly these bytes for this content, or undefined when none does
 * (unknown fields, repeated or reordered fields, non-minimal varints, mixed habits…).
 */
export function canonicalEncodingStyle(tx: DecodedTx): EncodingStyle | undefined {
  for (const style of ENCODING_STYLES) if (bytesEqual(encodeTx(tx, style), tx.bytes)) return style;
  return undefined;
}

const ENCODING_STYLES: readonly EncodingStyle[] = ['gogoproto', 'explicit-defaults'];

/** True when re-encoding reproduces the received bytes (with one of the known encoders' habits). */
export function isCanonicalEncoding(tx: DecodedTx): boolean {
  return canonicalEncodingStyle(tx) !== undefined;
}
