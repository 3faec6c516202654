/**
 * What a pocket transaction signs, and building signed transactions.
 *
 * StdSignBytes (x/auth/types/stdtx.go:46-64) marshals
 *   StdSignDoc{chain_id, fee: Raw(coins JSON), memo, msg: Raw(msg.GetSignBytes()), entropy}
 * with amino JSON and key-sorts the result (MustSortJSON, types/utils.go:47-68). Facts that
 * matter for byte equality:
 * - `entropy` is an int64, which amino writes as a decimal STRING ("entropy":"3908904207717607"),
 *   so it never passes through float64 and is signed exactly, whatever its size. Verified on
 *   the mainnet tx at height 41144: the signature checks out only over the quoted form.
 * - `fee` is `Coins.MarshalJSON` (types/coin.go:179-185): stdlib JSON of [{denom,amount}], denom
 *   omitted when empty (json:"denom,omitempty"), amount the BigInt decimal, [] when no coins.
 * - `msg` is the message's own sorted amino JSON (amino-json.ts).
 * The only bare JSON numbers anywhere in a sign document are reward-delegator shares (uint32),
 * which float64 represents exactly; MustSortJSON's float64 round trip is still reproduced by
 * `sortedJson` (goFloat).
 *
 * Example (tx-h41144): {"chain_id":"mainnet","entropy":"3908904207717607","fee":[{"amount":"10000",
 * "denom":"upokt"}],"memo":"","msg":{"type":"pos/Send","value":{"amount":"8000010000",
 * "from_address":"ce16bb2714f93cfb3c00b5bd4b16dc5d8ca1687a","to_address":"fb61cfd078fdf52f3a2052c431264ff1e4ecaa45"}}}
 */
import { bytesToHex, hexToBytes } from '../core/hex.js';
import { goString, sortedJson, type JsonValue } from '../core/json.js';
import { Utf8Arena } from '../core/utf8-arena.js';
import { publicKeyFromSeed, sign, verify } from '../crypto/ed25519.js';
import { bigIntText, msgToAminoJson } from './amino-json.js';
import { claimValueText, feeText, proofValueText, sendValueText } from './sign-text.js';
import { MESSAGE_TYPES } from './type-urls.js';
import { encodeTx, txHash } from './tx.js';
import type { UnsignedTx, WireCoin, WireMessage, WireTx } from './types.js';

/** The stake denomination (types/staking.go:10). */
export const UPOKT_DENOM = 'upokt';

function coinsJson(fee: readonly WireCoin[]): JsonValue {
  return fee.map((coin) => {
    const amount = bigIntText(coin.amount);
    return coin.denom === '' ? { amount } : { denom: coin.denom, amount };
  });
}

/** The sign document as a JSON value (keys not yet sorted). */
export function signDocument(chainId: string, tx: UnsignedTx): JsonValue {
  const msg = msgToAminoJson(tx.msg);
  return {
    chain_id: chainId,
    fee: coinsJson(tx.fee),
    memo: tx.memo,
    msg: { type: msg.type, value: msg.value },
    entropy: tx.entropy.toString(),
  };
}

/**
 * The sign document as text: `sortedJson(signDocument(chainId, tx))`, written with the top-level
 * keys already in sorted order (chain_id < entropy < fee < memo < msg; type < value), and the fee
 * and the values of sends, claims and proofs written sorted too (sign-text.ts); other messages'
 * values go through the generic sorter.
 * PERF: on the replay hot path (every tx's replay key hashes it); the generic form built a JSON
 * tree and sorted five constant keys per tx. Tests hold the two forms equal (wire/round-trip,
 * wire/sign-text).
 */
export function signDocumentText(chainId: string, tx: UnsignedTx): string {
  const head = `{"chain_id":${goString(chainId)},"entropy":"${tx.entropy}","fee":${feeText(tx.fee)},"memo":${goString(tx.memo)},"msg":`;
  return `${head}{"type":${goString(MESSAGE_TYPES[tx.msg.kind].aminoType)},"value":${sortedValueText(tx.msg)}}}`;
}

/** The message's amino JSON value, sorted: written directly for the kinds a mainnet block is made of (sign-text.ts). */
function sortedValueText(msg: WireMessage): string {
  if (msg.kind === 'Send') return sendValueText(msg);
  if (msg.kind === 'Claim') return claimValueText(msg);
  if (msg.kind === 'Proof') return proofValueText(msg) ?? sortedJson(msgToAminoJson(msg).value);
  return sortedJson(msgToAminoJson(msg).value);
}

const SIGN_BYTES_ARENA = new Utf8Arena();

/**
 * The exact bytes pocket-core signs and verifies for this tx on chain `chainId`: a read-only view
 * into a shared chunk (core/utf8-arena.ts; never write to it or use its `.buffer` whole).
 * PERF: a verified block encodes one per tx (~0.1 µs for a send's instead of TextEncoder's
 * ~1.1 µs). The text has lone surrogates replaced already (goString), so the UTF-8 is exact.
 */
export function signBytes(chainId: string, tx: UnsignedTx): Uint8Array {
  return SIGN_BYTES_ARENA.encode(signDocumentText(chainId, tx));
}

/**
 * Whether the tx's signature verifies under the public key it carries. False when the key is
 * absent (pocket would take it from the signer's account — the ante handler's business), not
 * ed25519, or the signature does not match.
 */
export function verifyTxSignature(chainId: string, tx: WireTx): boolean {
  const publicKey = tx.signature.publicKey === null ? undefined : hexToBytes(tx.signature.publicKey);
  const signature = hexToBytes(tx.signature.signature);
  if (publicKey === undefined || signature === undefined || publicKey.byteLength !== 32) return false;
  return verify(publicKey, signBytes(chainId, tx), signature);
}

export interface BuildTxInput {
  readonly chainId: string;
  readonly msg: WireMessage;
  /** Declared fee in uPOKT; 0 means no fee coin at all (sdk.NewCoins drops zero coins). */
  readonly feeUpokt: bigint;
  readonly memo?: string;
  readonly entropy: bigint;
  /** 32-byte ed25519 seed (the first half of pocket's 64-byte private key). */
  readonly seed: Uint8Array;
}

export interface BuiltTx {
  readonly tx: WireTx;
  readonly bytes: Uint8Array;
  readonly hash: string;
  readonly signBytes: Uint8Array;
}

/** Sign `msg` with `seed` and encode the tx (the same bytes pocket-core's CLI would produce). */
export function buildAndSignTx(input: BuildTxInput): BuiltTx {
  const fee: WireCoin[] = input.feeUpokt === 0n ? [] : [{ denom: UPOKT_DENOM, amount: input.feeUpokt.toString() }];
  const unsigned: UnsignedTx = { msg: input.msg, fee, memo: input.memo ?? '', entropy: input.entropy };
  const bytesToSign = signBytes(input.chainId, unsigned);
  const signature = sign(input.seed, bytesToSign);
  const tx: WireTx = {
    ...unsigned,
    signature: { publicKey: bytesToHex(publicKeyFromSeed(input.seed)), signature: bytesToHex(signature) },
  };
  const bytes = encodeTx(tx);
  return { tx, bytes, hash: txHash(bytes), signBytes: bytesToSign };
}
