/**
 * Addresses: the first 20 bytes of SHA-256(ed25519 public key), lowercase hex (Tendermint
 * AddressHash). Module accounts: the first 20 bytes of SHA-256(module name)
 * (x/auth/types/account.go:320-322).
 */
import { bytesToHex } from '../core/hex.js';
import { sha256 } from './hash.js';
export function addressFromPublicKey(publicKey) {
    return bytesToHex(sha256(publicKey).subarray(0, 20));
}
export function moduleAddress(moduleName) {
    return bytesToHex(sha256(Buffer.from(moduleName, 'utf8')).subarray(0, 20));
}
/**
 * Address of a hex public key, memoised: the ante handler derives the signer's address for
 * every tx, and most txs come from keys seen before. A pure function, so the cache (bounded,
 * cleared when full) cannot change any result.
 */
const addressCache = new Map();
const ADDRESS_CACHE_LIMIT = 65_536;
export function addressOfPublicKeyHex(publicKeyHex) {
    const cached = addressCache.get(publicKeyHex);
    if (cached !== undefined)
        return cached;
    if (!/^[0-9a-fA-F]{64}$/.test(publicKeyHex))
        return undefined;
    const address = addressFromPublicKey(Buffer.from(publicKeyHex, 'hex'));
    if (addressCache.size >= ADDRESS_CACHE_LIMIT)
        addressCache.clear();
    addressCache.set(publicKeyHex, address);
    return address;
}
//# sourceMappingURL=address.js.map