/** An account address from a hex public key (SHA-256(key)[:20], crypto/address.ts); null when the key is not hex. */
import { addressFromPublicKey } from '../../crypto/address.js';
import { mustHexToBytes } from '../../core/hex.js';
export function signerAddress(publicKeyHex) {
    if (publicKeyHex === null || publicKeyHex === '')
        return null;
    try {
        return addressFromPublicKey(mustHexToBytes(publicKeyHex));
    }
    catch {
        return null;
    }
}
//# sourceMappingURL=address.js.map