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
import { sha256 } from '../crypto/hash.js';
import { verify } from '../crypto/ed25519.js';
import { validateBasic } from '../messages/index.js';
import { decodeTx, signBytes } from '../wire/index.js';
export function hashTxBytes(bytes) {
    return bytesToHex(sha256(bytes)).toUpperCase();
}
export function prepareTx(bytes, chainId) {
    const decoded = decodeTx(bytes);
    if (!decoded.ok)
        return { bytes, hash: hashTxBytes(bytes), chainId, decoded, message: undefined, signBytes: undefined, signature: 'unchecked' };
    const tx = decoded.value;
    return { bytes, hash: tx.hash, chainId, decoded, message: validateBasic(tx.msg), signBytes: undefined, signature: 'unchecked' };
}
/** The sign bytes of a decoded tx (computed once). */
export function signBytesOf(prepared) {
    if (!prepared.decoded.ok)
        return undefined;
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
export function trustSignature(prepared) {
    if (prepared.decoded.ok && prepared.decoded.value.signature.publicKey !== null)
        prepared.signature = 'valid';
}
/** The (publicKey, message, signature) a verifier needs, or undefined when it cannot be checked statelessly. */
export function verificationInput(prepared) {
    if (!prepared.decoded.ok)
        return undefined;
    return txSignatureInput(prepared.decoded.value, () => signBytesOf(prepared));
}
/** verificationInput of a decoded tx; `message` computes its sign bytes (only when checkable). */
export function txSignatureInput(tx, message) {
    const { publicKey, signature } = tx.signature;
    const key = publicKey === null ? undefined : hexToBytes(publicKey);
    const sig = hexToBytes(signature);
    if (key === undefined || sig === undefined)
        return undefined;
    return { publicKey: key, message: message(), signature: sig };
}
/** Verify inline (one core). The ingest stage uses the worker pool instead. */
export function verifyPrepared(prepared) {
    const input = verificationInput(prepared);
    if (input !== undefined)
        prepared.signature = verify(input.publicKey, input.message, input.signature) ? 'valid' : 'invalid';
}
//# sourceMappingURL=prepare.js.map