/**
 * Preparing a tx for the reducer: decode, ValidateBasic, and the sign bytes — everything that
 * depends only on the tx bytes and the chain id, so it can run before the reducer (in the
 * ingest stage, with signatures verified in bulk on the worker pool).
 *
 * DEV_NOTE: determinism — a PreparedTx is a pure function of (bytes, chainId); its signature
 * verdict is the same on every machine by the acceptance rule (src/crypto/ed25519.ts). A tx
 * whose signature carries no public key cannot be checked here (pocket-core then uses the
 * signer account's key, which is state); it stays 'unchecked' and the ante handler verifies it.
 */
import { bytesToHex, hexToBytes } from '../core/hex.js';
import type { Rejection } from '../core/rejection.js';
import type { Result } from '../core/result.js';
import { sha256 } from '../crypto/hash.js';
import { verify } from '../crypto/ed25519.js';
import { validateBasic, type Message } from '../messages/index.js';
import { decodeTx, signBytes, type DecodedTx } from '../wire/index.js';

export type SignatureVerdict = 'valid' | 'invalid' | 'unchecked';

export interface PreparedTx {
  readonly bytes: Uint8Array;
  /** Upper-case hex SHA-256 of the bytes (also for undecodable txs: Tendermint indexes them). */
  readonly hash: string;
  readonly decoded: Result<DecodedTx, Rejection>;
  /** ValidateBasic of the message (only meaningful when decoded). */
  readonly message: Result<Message, Rejection> | undefined;
  readonly signBytes: Uint8Array | undefined;
  signature: SignatureVerdict;
}

export function hashTxBytes(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes)).toUpperCase();
}

export function prepareTx(bytes: Uint8Array, chainId: string): PreparedTx {
  const decoded = decodeTx(bytes);
  if (!decoded.ok) return { bytes, hash: hashTxBytes(bytes), decoded, message: undefined, signBytes: undefined, signature: 'unchecked' };
  const tx = decoded.value;
  return { bytes, hash: tx.hash, decoded, message: validateBasic(tx.msg), signBytes: signBytes(chainId, tx), signature: 'unchecked' };
}

/** The (publicKey, message, signature) a verifier needs, or undefined when it cannot be checked statelessly. */
export function verificationInput(prepared: PreparedTx): { publicKey: Uint8Array; message: Uint8Array; signature: Uint8Array } | undefined {
  if (!prepared.decoded.ok || prepared.signBytes === undefined) return undefined;
  const { publicKey, signature } = prepared.decoded.value.signature;
  const key = publicKey === null ? undefined : hexToBytes(publicKey);
  const sig = hexToBytes(signature);
  if (key === undefined || sig === undefined) return undefined;
  return { publicKey: key, message: prepared.signBytes, signature: sig };
}

/** Verify inline (one core). The ingest stage uses the worker pool instead. */
export function verifyPrepared(prepared: PreparedTx): void {
  const input = verificationInput(prepared);
  if (input !== undefined) prepared.signature = verify(input.publicKey, input.message, input.signature) ? 'valid' : 'invalid';
}
