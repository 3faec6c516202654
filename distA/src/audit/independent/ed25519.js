/**
 * ed25519 verification for the audit, with node:crypto (OpenSSL) directly, not the ledger's
 * crypto/ed25519.ts: 0.2 ms per verification against 1.7 ms for @noble/ed25519 (measured on
 * the shared machine), which the default test's budget needs. Both reject every honestly wrong
 * signature; they part only on adversarial edge encodings (crypto/ed25519.ts's header).
 * Used by the ante (tx signatures) and the relay-proof checks (AAT and client signatures).
 */
import { createPublicKey, verify } from 'node:crypto';
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex'); // DER prefix of a raw 32-byte ed25519 key
const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const HEX_SIGNATURE = /^[0-9a-fA-F]{128}$/;
/** Keys kept at most (a long audit meets many relay clients' keys); the cache is emptied when full. */
const KEY_CACHE_CAPACITY = 50_000;
export class Ed25519Verifier {
    /**
     * PERF: the KeyObject of each public key is made once (createPublicKey took as long as the
     * verification itself: 1.4 s of 5.9 s auditing 60 mainnet-genesis blocks).
     */
    keys = new Map();
    /** Whether `signatureHex` (64 bytes, hex) by `publicKeyHex` (32 bytes, hex) verifies over `message`. */
    verifies(publicKeyHex, message, signatureHex) {
        let key = this.keys.get(publicKeyHex);
        if (key === undefined) {
            if (this.keys.size >= KEY_CACHE_CAPACITY)
                this.keys.clear();
            this.keys.set(publicKeyHex, (key = keyObject(publicKeyHex)));
        }
        if (key === null || !HEX_SIGNATURE.test(signatureHex))
            return false;
        return verify(null, message, key, Buffer.from(signatureHex, 'hex'));
    }
}
/** A raw 32-byte ed25519 key as an OpenSSL key object; null when it is not one (not a point on the curve). */
function keyObject(publicKeyHex) {
    if (!HEX_KEY.test(publicKeyHex))
        return null;
    try {
        return createPublicKey({ key: Buffer.concat([SPKI_ED25519, Buffer.from(publicKeyHex, 'hex')]), format: 'der', type: 'spki' });
    }
    catch {
        return null;
    }
}
//# sourceMappingURL=ed25519.js.map