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
import { bytesToHex } from '../core/hex.js';
import type { Rejection } from '../core/rejection.js';
import type { Result } from '../core/result.js';
import { sha256 } from '../crypto/hash.js';
import { verify } from '../crypto/ed25519.js';
import type { VerifyItem } from '../crypto/verify-batch.js';
import { validateBasic, type Message } from '../messages/index.js';
import { decodeTx, signBytes, type DecodedTx } from '../wire/index.js';

export type SignatureVerdict = 'valid' | 'invalid' | 'unchecked';

export interface PreparedTx {
  readonly bytes: Uint8Array;
  /** Upper-case hex SHA-256 of the bytes (also for undecodable txs: Tendermint indexes them). */
  readonly hash: string;
  readonly chainId: string;
  readonly decoded: Result<DecodedTx, Rejection>;
  /** ValidateBasic of the message (only meaningful when decoded). */
  readonly message: Result<Message, Rejection> | undefined;
  /** The sign document bytes; computed on first use (a trusted replay never needs them). */
  signBytes: Uint8Array | undefined;
  signature: SignatureVerdict;
}

export function hashTxBytes(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes)).toUpperCase();
}

export function prepareTx(bytes: Uint8Array, chainId: string): PreparedTx {
  const decoded = decodeTx(bytes);
  if (!decoded.ok) return { bytes, hash: hashTxBytes(bytes), chainId, decoded, message: undefined, signBytes: undefined, signature: 'unchecked' };
  const tx = decoded.value;
  return { bytes, hash: tx.hash, chainId, decoded, message: validateBasic(tx.msg), signBytes: undefined, signature: 'unchecked' };
}

/** The sign bytes of a decoded tx (computed once). */
export function signBytesOf(prepared: PreparedTx): Uint8Array | undefined {
  if (!prepared.decoded.ok) return undefined;
  prepared.signBytes ??= signBytes(prepared.chainId, prepared.decoded.value);
  return prepared.signBytes;
}

/**
 * Trusted replay (`--trust-signatures`): the producer checked every signature and recorded the
 * txs whose signature failed (chain/record.ts invalidSignatures); every other verdict is taken
 * as 'valid' here, and replay marks the recorded ones 'invalid'. A tx without a public key is
 * still checked by the ante handler against the account's key. If the trust is misplaced (a
 * hand-made log), the state roots stop matching and replay reports it.
 */
export function trustSignature(prepared: PreparedTx): void {
  if (prepared.decoded.ok && prepared.decoded.value.signature.publicKey !== null) prepared.signature = 'valid';
}

/** The (publicKey, message, signature) a verifier needs, or undefined when it cannot be checked statelessly. */
export function verificationInput(prepared: PreparedTx): VerifyItem | undefined {
  if (!prepared.decoded.ok) return undefined;
  return txSignatureInput(prepared.decoded.value, () => signBytesOf(prepared)!);
}

/** verificationInput of a decoded tx; `message` computes its sign bytes (only when checkable). */
export function txSignatureInput(tx: DecodedTx, message: () => Uint8Array): VerifyItem | undefined {
  const { publicKey, signature } = tx.signatureBytes;
  if (publicKey === null) return undefined;
  return { publicKey, message: message(), signature };
}

/** Verify inline (one core). The ingest stage uses the worker pool instead. */
export function verifyPrepared(prepared: PreparedTx): void {
  const input = verificationInput(prepared);
  if (input !== undefined) prepared.signature = verify(input.publicKey, input.message, input.signature) ? 'valid' : 'invalid';
}
