/**
 * ed25519 for pocket keys: signing and the hot-path verification through node:crypto (OpenSSL).
 *
 * ACCEPTANCE RULE (every verifier in this code base implements exactly this; it is what
 * pocket-core does — Go crypto/ed25519.Verify via tendermint's PubKeyEd25519.VerifyBytes — and
 * what OpenSSL 3.0 in Node 20 does; both checked case by case in test/unit/crypto/ed25519-edge,
 * Go through the verdicts of test/unit/crypto/go-oracle):
 * a 64-byte signature R‖S on a message M (any length, empty included) under a 32-byte public
 * key A is valid iff
 *   1. A is exactly 32 bytes and the signature exactly 64 (anything else is invalid);
 *   2. S, read little-endian, is < L = 2^252 + 27742317777372353535851937790883648493;
 *   3. A decodes to a curve point: y = A with bit 255 cleared, taken mod p — non-canonical
 *      y ≥ p is ACCEPTED; x is recovered from y (no square root: invalid) with the sign of
 *      bit 255 — x = 0 with the sign bit set is ACCEPTED; small- and mixed-order A are ACCEPTED;
 *   4. k = SHA-512(R ‖ A ‖ M) mod L over the bytes exactly as given (never re-encoded);
 *   5. the canonical encoding of [S]B − [k]A equals R byte for byte (cofactorless; R is never
 *      decoded, so a non-canonical R never verifies and a small-order R only when 5 holds).
 * This is RFC 8032 §5.1.7 with the cofactorless equation, except that A is decoded leniently
 * (RFC 8032 §5.1.3 would reject y ≥ p and x = 0 with the sign bit). @noble/ed25519's own
 * `verify` differs on adversarial inputs (it is cofactored; zip215:false also rejects
 * small-order A): it is used only through its point arithmetic, in the test-only reference
 * verifier (test/helpers/ed25519-reference.ts).
 *
 * Key material: pocket's private key is 64 bytes = seed(32) ‖ publicKey(32) (Tendermint
 * layout); only the seed is secret input to signing (see keys.ts for the key file).
 *
 * DEV_NOTE: node:crypto imports keys through JWK, not DER: on OpenSSL 3 a DER import goes
 * through the decoder framework and costs ~80 µs (it halves the verify rate: bench case
 * verify/node-uncached-der-1core), a JWK import ~5 µs. Both end in the same raw-key
 * EVP_PKEY; the edge-case suite runs through this path.
 */
import { createPrivateKey, createPublicKey, sign as nodeSign, verify as nodeVerify, type KeyObject } from 'node:crypto';

export const PUBLIC_KEY_BYTES = 32;
export const SIGNATURE_BYTES = 64;
export const SEED_BYTES = 32;

/** The prime order of the ed25519 base point. */
export const GROUP_ORDER = 2n ** 252n + 27742317777372353535851937790883648493n;

/** L as 32 little-endian bytes, for the byte-wise S < L check. */
const GROUP_ORDER_LE = (() => {
  const out = new Uint8Array(32);
  let value = GROUP_ORDER;
  for (let i = 0; i < 32; i++, value >>= 8n) out[i] = Number(value & 0xffn);
  return out;
})();

function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}

/**
 * Rule step 2 on the raw bytes: S (little-endian, bytes 32..63 of the signature) < L.
 * DEV_NOTE: OpenSSL 3.0 already rejects S ≥ L; checking here too keeps the most common
 * malleability (S + L) out whichever OpenSSL build Node is linked against.
 */
export function isCanonicalScalar(scalarLe: Uint8Array): boolean {
  for (let i = 31; i >= 0; i--) {
    const byte = scalarLe[i] as number;
    const limit = GROUP_ORDER_LE[i] as number;
    if (byte !== limit) return byte < limit;
  }
  return false; // S == L
}

function privateKeyObject(seed: Uint8Array): KeyObject {
  if (seed.byteLength !== SEED_BYTES) throw new TypeError('ed25519 seed must be 32 bytes');
  // DEV_NOTE: Node imports an OKP private JWK from `d` alone and derives the public key; `x`
  // must be a string but is not read. An empty `x` makes a future Node that does read it
  // throw instead of signing with a wrong key (and the RFC 8032 vectors would catch it).
  return createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', d: base64url(seed), x: '' }, format: 'jwk' });
}

/** Imports a public key; undefined if OpenSSL refuses it (a verification then fails). */
function importPublicKey(publicKey: Uint8Array): KeyObject | undefined {
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: base64url(publicKey) }, format: 'jwk' });
  } catch {
    return undefined;
  }
}

export function publicKeyFromSeed(seed: Uint8Array): Uint8Array {
  const jwk = createPublicKey(privateKeyObject(seed)).export({ format: 'jwk' });
  return new Uint8Array(Buffer.from(jwk.x as string, 'base64url'));
}

/** RFC 8032 Ed25519 (deterministic). Imports the seed on every call; see createSigner. */
export function sign(seed: Uint8Array, message: Uint8Array): Uint8Array {
  return new Uint8Array(nodeSign(null, message, privateKeyObject(seed)));
}

/** A signing function that keeps the imported key: ~2× faster than `sign` per signature. */
export function createSigner(seed: Uint8Array): (message: Uint8Array) => Uint8Array {
  const key = privateKeyObject(seed);
  return (message) => new Uint8Array(nodeSign(null, message, key));
}

/**
 * Bounded least-recently-used map from public key bytes to imported KeyObjects. A hit saves
 * the import (~5 µs of a ~100 µs verification); the bound keeps a flood of one-shot keys
 * from growing memory. DEV_NOTE: the cache cannot change an outcome — the key is the full
 * 32 bytes and the KeyObject is a pure function of them.
 */
export class PublicKeyCache {
  private readonly entries = new Map<string, KeyObject | undefined>();
  hits = 0;
  misses = 0;

  constructor(readonly capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) throw new RangeError(`PublicKeyCache: bad capacity ${capacity}`);
  }

  get size(): number {
    return this.entries.size;
  }

  has(publicKey: Uint8Array): boolean {
    return this.entries.has(cacheId(publicKey));
  }

  get(publicKey: Uint8Array): KeyObject | undefined {
    const id = cacheId(publicKey);
    const cached = this.entries.get(id);
    // PERF: one lookup on a hit; `has` only for a key cached as undefined (one that is not a point).
    if (cached !== undefined || this.entries.has(id)) {
      this.hits++;
      // Re-insert so Map order is recency order (the first key is the least recently used).
      this.entries.delete(id);
      this.entries.set(id, cached);
      return cached;
    }
    this.misses++;
    const keyObject = importPublicKey(publicKey);
    this.entries.set(id, keyObject);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    return keyObject;
  }

  clear(): void {
    this.entries.clear();
    this.hits = 0;
    this.misses = 0;
  }
}

function cacheId(publicKey: Uint8Array): string {
  // latin1 maps each byte to one UTF-16 unit: a 32-char string, distinct for distinct bytes.
  return Buffer.from(publicKey.buffer, publicKey.byteOffset, publicKey.byteLength).toString('latin1');
}

export const DEFAULT_PUBLIC_KEY_CACHE_CAPACITY = 16_384;

/** The cache `verify` uses (one per thread: each worker has its own module instance). */
export let publicKeyCache = new PublicKeyCache(DEFAULT_PUBLIC_KEY_CACHE_CAPACITY);

export function setPublicKeyCacheCapacity(capacity: number): void {
  publicKeyCache = new PublicKeyCache(capacity);
}

function hasRuleLengthsAndScalar(publicKey: Uint8Array, signature: Uint8Array): boolean {
  // DEV_NOTE: lengths must be checked here: OpenSSL never sees a wrong-length key as such
  // (a 33-byte key inside DER is read as its first 32 bytes), and Go panics on it.
  return (
    publicKey.byteLength === PUBLIC_KEY_BYTES &&
    signature.byteLength === SIGNATURE_BYTES &&
    isCanonicalScalar(signature.subarray(32, 64))
  );
}

/** The acceptance rule above, through node:crypto with the KeyObject cache. Never throws. */
export function verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (!hasRuleLengthsAndScalar(publicKey, signature)) return false;
  const keyObject = publicKeyCache.get(publicKey);
  if (keyObject === undefined) return false;
  try {
    return nodeVerify(null, message, keyObject, signature);
  } catch {
    return false;
  }
}

/** Same rule, importing the key every time (what the cache saves; for benchmarks and tests). */
export function verifyUncached(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (!hasRuleLengthsAndScalar(publicKey, signature)) return false;
  const keyObject = importPublicKey(publicKey);
  if (keyObject === undefined) return false;
  try {
    return nodeVerify(null, message, keyObject, signature);
  } catch {
    return false;
  }
}
