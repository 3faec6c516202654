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
