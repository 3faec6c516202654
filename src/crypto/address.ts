/**
 * Addresses: the first 20 bytes of SHA-256(ed25519 public key), lowercase hex (Tendermint
 * AddressHash). Module accounts: the first 20 bytes of SHA-256(module name)
 * (x/auth/types/account.go:320-322). A 33-byte secp256k1 key — pocket-core decodes one; the
 * ledger only names its address, never verifies with it — has RIPEMD-160(SHA-256(key)):
 * addressOfKeyBytes.
 */
import { ripemd160 } from '@noble/hashes/legacy';
import { bytesToHex } from '../core/hex.js';
import type { Address } from '../core/types.js';
import { sha256 } from './hash.js';

export function addressFromPublicKey(publicKey: Uint8Array): Address {
  return bytesToHex(sha256(publicKey).subarray(0, 20)) as Address;
}

/**
 * pocket-core's `NewPublicKeyBz(key).Address()` for the keys it tells apart by length
 * (crypto/keys.go:88-99): 32 bytes ed25519, 33 bytes secp256k1 (tendermint
 * crypto/secp256k1/secp256k1.go:142-150: RIPEMD-160 of the SHA-256). Undefined for any other
 * length — Go then tries an amino multisig key, which the ledger does not decode (see
 * messages/index.ts rule 4).
 */
export function addressOfKeyBytes(publicKey: Uint8Array): Address | undefined {
  if (publicKey.byteLength === ED25519_KEY_BYTES) return addressFromPublicKey(publicKey);
  if (publicKey.byteLength === SECP256K1_KEY_BYTES) return bytesToHex(ripemd160(sha256(publicKey))) as Address;
  return undefined;
}

const ED25519_KEY_BYTES = 32;
const SECP256K1_KEY_BYTES = 33;

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
