/**
 * ed25519 for pocket keys. Signing and the hot-path verification use node:crypto (OpenSSL);
 * @noble/ed25519 is the reference implementation tests hold it against.
 *
 * Key material: pocket's private key is 64 bytes = seed(32) ‖ publicKey(32) (Tendermint layout);
 * only the seed is secret input to signing.
 *
 * NOTE: provisional minimal surface; the acceptance rule (strictness on S, R and A encodings)
 * is pinned down and documented with the property tests.
 */
import { createPrivateKey, createPublicKey, sign as nodeSign, verify as nodeVerify, type KeyObject } from 'node:crypto';

const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export const PUBLIC_KEY_BYTES = 32;
export const SIGNATURE_BYTES = 64;
export const SEED_BYTES = 32;

function privateKeyObject(seed: Uint8Array): KeyObject {
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

function publicKeyObject(publicKey: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, publicKey]), format: 'der', type: 'spki' });
}

export function publicKeyFromSeed(seed: Uint8Array): Uint8Array {
  if (seed.byteLength !== SEED_BYTES) throw new TypeError('ed25519 seed must be 32 bytes');
  const der = createPublicKey(privateKeyObject(seed)).export({ format: 'der', type: 'spki' });
  return new Uint8Array(der.subarray(SPKI_ED25519_PREFIX.byteLength));
}

export function sign(seed: Uint8Array, message: Uint8Array): Uint8Array {
  if (seed.byteLength !== SEED_BYTES) throw new TypeError('ed25519 seed must be 32 bytes');
  return new Uint8Array(nodeSign(null, message, privateKeyObject(seed)));
}

/** Never throws: wrong lengths and undecodable keys are simply "not valid". */
export function verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (publicKey.byteLength !== PUBLIC_KEY_BYTES || signature.byteLength !== SIGNATURE_BYTES) return false;
  try {
    return nodeVerify(null, message, publicKeyObject(publicKey), signature);
  } catch {
    return false;
  }
}
