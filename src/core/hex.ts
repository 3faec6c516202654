/**
 * Hex helpers. Pocket renders addresses, keys and hashes as hex; on input it accepts either case
 * (Go's hex.DecodeString), on output it writes lowercase (addresses) or uppercase (tx hashes).
 */

const HEX_PAIR = /^(?:[0-9a-fA-F]{2})*$/;

/** True for an even-length string of hex digits (either case). The empty string is valid hex. */
export function isHex(text: string): boolean {
  return HEX_PAIR.test(text);
}

/** Value of each ASCII hex digit (either case), -1 for every other code unit below 128. */
const HEX_VALUE = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < 16; i++) {
    table['0123456789abcdef'.charCodeAt(i)] = i;
    table['0123456789ABCDEF'.charCodeAt(i)] = i;
  }
  return table;
})();

/** Strings up to this length are decoded by the loop below; longer ones by Buffer (native). */
const SHORT_HEX = 256;

/** Strict decoder: returns undefined for odd length or a non-hex character (never throws). */
export function hexToBytes(text: string): Uint8Array | undefined {
  if (text.length > SHORT_HEX) {
    if (!isHex(text)) return undefined;
    return new Uint8Array(Buffer.from(text, 'hex'));
  }
  // PERF: keys, signatures and hashes (64–128 digits, a dozen per relay proof) decode here in
  // one pass that also validates: no regex, no pooled Buffer and copy (bench/relays proofs).
  if (text.length % 2 !== 0) return undefined;
  const out = new Uint8Array(text.length / 2);
  return hexInto(text, out, 0) ? out : undefined;
}

/**
 * Decodes `text` (even length) into out[offset..offset + text.length / 2]; false at the first
 * non-hex character (the bytes before it are written). PERF: for a caller that decodes straight
 * into a buffer it reuses — the MSI walk decodes each sibling hash into BLAKE2b's scratch.
 */
export function hexInto(text: string, out: Uint8Array, offset: number): boolean {
  const length = text.length >>> 1;
  for (let i = 0; i < length; i++) {
    const value = hexPairAt(text, 2 * i);
    if (value < 0) return false;
    out[offset + i] = value;
  }
  return true;
}

/** The byte of the two hex digits at text[at], text[at + 1]; negative if either is not a hex digit. */
function hexPairAt(text: string, at: number): number {
  const high = text.charCodeAt(at);
  const low = text.charCodeAt(at + 1);
  return ((high < 128 ? HEX_VALUE[high]! : -1) << 4) | (low < 128 ? HEX_VALUE[low]! : -1);
}

/** Whether `text` is the hex (either case) of exactly `bytes`: hexToBytes(text) equals bytes, without the copy. */
export function hexEqualsBytes(text: string, bytes: Uint8Array): boolean {
  if (text.length !== 2 * bytes.byteLength) return false;
  for (let i = 0; i < bytes.byteLength; i++) if (hexPairAt(text, 2 * i) !== bytes[i]) return false;
  return true;
}

/** Decoder for values already known to be hex; a bad input here is a bug, so it throws. */
export function mustHexToBytes(text: string): Uint8Array {
  const bytes = hexToBytes(text);
  if (bytes === undefined) throw new TypeError(`not hex: ${JSON.stringify(text.slice(0, 80))}`);
  return bytes;
}

export function bytesToHex(bytes: Uint8Array): string {
  // PERF: decoded wire fields are Buffer views already (the tx's bytes live in Node's pool); a
  // second view per call cost ~60 ns of ~140 (14 hashes a relay proof, 4 fields a send).
  if (bytes instanceof Buffer) return bytes.toString('hex');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.byteLength;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}
