/**
 * Addresses: the first 20 bytes of SHA-256(ed25519 public key), lowercase hex (Tendermint
 * AddressHash). Module accounts: the first 20 bytes of SHA-256(module name)
 * (x/auth/types/account.go:320-322).
 */
import { bytesToHex } from '../core/hex.js';
import type { Address } from '../core/types.js';
import { sha256 } from './hash.js';

export function addressFromPublicKey(publicKey: Uint8Array): Address {
  return bytesToHex(sha256(publicKey).subarray(0, 20)) as Address;
}

export function moduleAddress(moduleName: string): Address {
  return bytesToHex(sha256(Buffer.from(moduleName, 'utf8')).subarray(0, 20)) as Address;
}

/**
 * Address of a hex public key, memoised: the ante handler derives the signer's address for
 * every tx, and most txs come from keys seen before. A pure function, so the cache (bounded,
 * cleared when full) cannot change any result.
 */
const addressCache = new Map<string, Address>();
const ADDRESS_CACHE_LIMIT = 65_536;

export function addressOfPublicKeyHex(publicKeyHex: string): Address | undefined {
  const cached = addressCache.get(publicKeyHex);
  if (cached !== undefined) return cached;
  if (!/^[0-9a-fA-F]{64}$/.test(publicKeyHex)) return undefined;
  const address = addressFromPublicKey(Buffer.from(publicKeyHex, 'hex'));
  if (addressCache.size >= ADDRESS_CACHE_LIMIT) addressCache.clear();
  addressCache.set(publicKeyHex, address);
  return address;
}
