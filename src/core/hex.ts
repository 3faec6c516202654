/**
 * Hex helpers. Pocket renders addresses, keys and hashes as hex; on input it accepts either case
 * (Go's hex.DecodeString), on output it writes lowercase (addresses) or uppercase (tx hashes).
 */

const HEX_PAIR = /^(?:[0-9a-fA-F]{2})*$/;

/** True for an even-length string of hex digits (either case). The empty string is valid hex. */
export function isHex(text: string): boolean {
  return HEX_PAIR.test(text);
}

/** Strict decoder: returns undefined for odd length or a non-hex character (never throws). */
export function hexToBytes(text: string): Uint8Array | undefined {
  if (!isHex(text)) return undefined;
  return Uint8Array.from(Buffer.from(text, 'hex'));
}

/** Decoder for values already known to be hex; a bad input here is a bug, so it throws. */
export function mustHexToBytes(text: string): Uint8Array {
  const bytes = hexToBytes(text);
  if (bytes === undefined) throw new TypeError(`not hex: ${JSON.stringify(text.slice(0, 80))}`);
  return bytes;
}

export function bytesToHex(bytes: Uint8Array): string {
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
