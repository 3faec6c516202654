/**
 * Branded primitives. A brand costs nothing at run time and stops, at compile time, an address
 * being passed where a public key is expected.
 *
 * - Address: 40 lowercase hex chars (20 bytes = first 20 bytes of sha256(ed25519 pubkey)).
 * - PublicKeyHex: 64 lowercase hex chars (32-byte ed25519 public key).
 * - Upokt: bigint micro-POKT (1 POKT = 10^6 uPOKT). Always bigint: testnet supply exceeds 2^64.
 * - Height: block height, a JS number (safe to 2^53; a chain at one block per second needs
 *   285 million years to get there).
 * - TimeNs: block time in nanoseconds since the Unix epoch, bigint (Go time.Time precision).
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type Address = Brand<string, 'Address'>;
export type PublicKeyHex = Brand<string, 'PublicKeyHex'>;
export type Upokt = bigint;
export type Height = number;
export type TimeNs = bigint;

const ADDRESS = /^[0-9a-f]{40}$/;
const PUBLIC_KEY = /^[0-9a-f]{64}$/;

export function isAddress(text: string): text is Address {
  return ADDRESS.test(text);
}

export function isPublicKeyHex(text: string): text is PublicKeyHex {
  return PUBLIC_KEY.test(text);
}

/** Accepts either case (as Go's hex decoding does) and returns the canonical lowercase form. */
export function parseAddress(text: string): Address | undefined {
  const lower = text.toLowerCase();
  return isAddress(lower) ? lower : undefined;
}

export function parsePublicKeyHex(text: string): PublicKeyHex | undefined {
  const lower = text.toLowerCase();
  return isPublicKeyHex(lower) ? lower : undefined;
}

export const UPOKT_PER_POKT = 1_000_000n;

/** Pocket's BigInt is limited to 255 bits (types/int.go:11); amounts above are invalid. */
export const MAX_BIGINT_255 = (1n << 255n) - 1n;
export const MAX_INT64 = (1n << 63n) - 1n;
export const MIN_INT64 = -(1n << 63n);
export const MAX_UINT64 = (1n << 64n) - 1n;
