/** Shared fixtures of the block-log tests: scratch directories and payloads derived from height. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh empty directory under the OS temp dir; the log goes in `<it>/events`. */
export function scratchDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `pokt-log-${label}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * The payload of `height`: its length (0 … maxBytes − 1) and bytes are a function of the height
 * alone (sha256 in counter mode), so any process can check any record without being told it.
 */
export function payloadFor(height: number, maxBytes = 600): Uint8Array {
  const length = (height * 7919 + 13) % maxBytes;
  const out = Buffer.allocUnsafe(length);
  for (let block = 0; block * 32 < length; block++) {
    const digest = createHash('sha256').update(`pokt-log:${height}:${block}`).digest();
    digest.copy(out, block * 32, 0, Math.min(32, length - block * 32));
  }
  return out;
}

/** XORs one byte of a file in place (a bit-rot stand-in). */
export function flipByte(path: string, offset: number, mask = 0x40): void {
  const bytes = readFileSync(path);
  if (offset >= bytes.length) throw new RangeError(`flipByte: offset ${offset} beyond ${path} (${bytes.length} bytes)`);
  bytes[offset] = (bytes[offset] as number) ^ mask;
  writeFileSync(path, bytes);
}
