/**
 * The replay key: what one signature authorizes, independent of how the tx is encoded.
 *
 *   replayKey = lowercase hex SHA-256( signBytes ‖ 0x00 ‖ signer address (40 hex chars) )
 *
 * `signBytes` is the sign document (chain id, fee, memo, message, entropy; wire/sign.ts), which
 * is exactly what the signature covers, and the signer is the account whose key verified it (the
 * fee payer). Two encodings of one signed tx — a non-minimal length prefix, an unknown field,
 * reordered fields, the public key left out (the ante handler then takes the account's key) —
 * decode to the same sign document and verify under the same key, so they get the same key and
 * only the first is delivered (ledger:20). Honest txs with the same content differ by their
 * entropy, which the sign document includes. The 0x00 separator cannot occur inside the sign
 * bytes (JSON text escapes control characters), so the two parts cannot run into each other.
 *
 * Why the signer too: a message may have several acceptable signers (a node's operator or its
 * output address); each one's signature is its own authorization.
 * Example: the mainnet send at height 41144 signed by ce16…687a has one key; the same bytes
 * with the public key field removed have another tx hash but this same key.
 */
import { createHash } from 'node:crypto';
import { invariant } from '../core/assert.js';
import type { Address } from '../core/types.js';
import { signBytesOf, type PreparedTx } from './prepare.js';

const SEPARATOR = Uint8Array.of(0);

/** The replay key of a decoded tx signed by `signer` (computes the sign bytes once). */
export function replayKeyOf(prepared: PreparedTx, signer: Address): string {
  const signBytes = signBytesOf(prepared);
  invariant(signBytes !== undefined, 'only a decoded tx has a replay key');
  return createHash('sha256').update(signBytes).update(SEPARATOR).update(signer, 'latin1').digest('hex');
}
