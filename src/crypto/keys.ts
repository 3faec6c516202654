/**
 * Account keys and key files.
 *
 * A key is derived from a 32-byte seed (tests and the simulator pass seeded bytes; the CLI
 * passes node:crypto randomBytes). Pocket's raw private key is 64 bytes = seed ‖ publicKey
 * (Tendermint PrivKeyEd25519 layout, what `pocket accounts export-raw` prints and what the
 * pocket-js vector uses); the address is the first 20 bytes of SHA-256(publicKey).
 *
 * Key file: one JSON object, exactly these three fields, hex (read in either case, written
 * lowercase), e.g. for the pocket-js test key:
 *   {"address":"b50a6e20…c560","public_key":"b243b27b…6cc3","private_key":"1f8cbde3…6cc3"}
 * Reading checks, in this order (first failure wins): JSON, shape, hex, lengths, that the
 * private key's second half is the public key of its seed, that public_key is that key, that
 * address is its address.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bytesEqual, bytesToHex, hexToBytes } from '../core/hex.js';
import { rejection, type Rejection } from '../core/rejection.js';
import { err, ok, type Result } from '../core/result.js';
import type { Address } from '../core/types.js';
import { addressFromPublicKey } from './address.js';
import { KeyFileCodes } from './codes.js';
import { createSigner, publicKeyFromSeed, SEED_BYTES } from './ed25519.js';

export const PRIVATE_KEY_BYTES = 64;
export const ADDRESS_BYTES = 20;

export interface AccountKey {
  /** The 32 secret bytes signing starts from. */
  readonly seed: Uint8Array;
  readonly publicKey: Uint8Array;
  /** seed ‖ publicKey (64 bytes): pocket's raw private key. */
  readonly privateKey: Uint8Array;
  readonly address: Address;
  /** Signs with a KeyObject imported once for this key. */
  readonly sign: (message: Uint8Array) => Uint8Array;
}

export interface KeyFile {
  readonly address: string;
  readonly public_key: string;
  readonly private_key: string;
}

export function keyFromSeed(seed: Uint8Array): AccountKey {
  if (seed.byteLength !== SEED_BYTES) throw new TypeError('ed25519 seed must be 32 bytes');
  const seedCopy = seed.slice();
  const publicKey = publicKeyFromSeed(seedCopy);
  const privateKey = new Uint8Array(PRIVATE_KEY_BYTES);
  privateKey.set(seedCopy, 0);
  privateKey.set(publicKey, SEED_BYTES);
  let signer: ((message: Uint8Array) => Uint8Array) | undefined;
  return {
    seed: seedCopy,
    publicKey,
    privateKey,
    address: addressFromPublicKey(publicKey),
    sign: (message) => (signer ??= createSigner(seedCopy))(message),
  };
}

/** A fresh key from a random source (default: node:crypto randomBytes, for the CLI). */
export function generateKey(randomSource: (length: number) => Uint8Array = randomBytes): AccountKey {
  return keyFromSeed(randomSource(SEED_BYTES));
}

/** From pocket's 64-byte raw private key; its second half must be the seed's public key. */
export function keyFromPrivateKey(privateKey: Uint8Array): Result<AccountKey, Rejection> {
  if (privateKey.byteLength !== PRIVATE_KEY_BYTES) {
    return err(rejection(KeyFileCodes.wrongLength, `private key must be ${PRIVATE_KEY_BYTES} bytes, got ${privateKey.byteLength}`));
  }
  const key = keyFromSeed(privateKey.subarray(0, SEED_BYTES));
  if (!bytesEqual(key.publicKey, privateKey.subarray(SEED_BYTES))) {
    return err(rejection(KeyFileCodes.publicKeyMismatch, 'the private key\'s second half is not the public key of its seed'));
  }
  return ok(key);
}

export function toKeyFile(key: AccountKey): KeyFile {
  return { address: key.address, public_key: bytesToHex(key.publicKey), private_key: bytesToHex(key.privateKey) };
}

/** The key file text: two-space indented JSON, fields in the documented order, newline-ended. */
export function formatKeyFile(key: AccountKey): string {
  return JSON.stringify(toKeyFile(key), null, 2) + '\n';
}

const FIELDS = ['address', 'public_key', 'private_key'] as const;

function decodeField(record: Record<string, unknown>, field: (typeof FIELDS)[number], bytes: number): Result<Uint8Array, Rejection> {
  const text = record[field] as string;
  const decoded = hexToBytes(text);
  if (decoded === undefined) return err(rejection(KeyFileCodes.badHex, `${field} is not hex`));
  if (decoded.byteLength !== bytes) {
    return err(rejection(KeyFileCodes.wrongLength, `${field} must be ${bytes} bytes, got ${decoded.byteLength}`));
  }
  return ok(decoded);
}

export function parseKeyFile(text: string): Result<AccountKey, Rejection> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return err(rejection(KeyFileCodes.notJson, `key file is not JSON: ${(error as Error).message}`));
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return err(rejection(KeyFileCodes.badShape, 'key file must be a JSON object'));
  }
  const record = parsed as Record<string, unknown>;
  for (const field of FIELDS) {
    if (typeof record[field] !== 'string') return err(rejection(KeyFileCodes.badShape, `key file field ${field} must be a string`));
  }
  const unknown = Object.keys(record).filter((name) => !(FIELDS as readonly string[]).includes(name));
  if (unknown.length > 0) return err(rejection(KeyFileCodes.badShape, `key file has unknown fields: ${unknown.join(', ')}`));

  const address = decodeField(record, 'address', ADDRESS_BYTES);
  if (!address.ok) return address;
  const publicKey = decodeField(record, 'public_key', 32);
  if (!publicKey.ok) return publicKey;
  const privateKey = decodeField(record, 'private_key', PRIVATE_KEY_BYTES);
  if (!privateKey.ok) return privateKey;

  const key = keyFromPrivateKey(privateKey.value);
  if (!key.ok) return key;
  if (!bytesEqual(key.value.publicKey, publicKey.value)) {
    return err(rejection(KeyFileCodes.publicKeyMismatch, 'public_key is not the public key of private_key'));
  }
  if (key.value.address !== bytesToHex(address.value)) {
    return err(rejection(KeyFileCodes.addressMismatch, `address is not the address of public_key (${key.value.address})`));
  }
  return key;
}

export function readKeyFile(path: string): Result<AccountKey, Rejection> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return err(rejection(KeyFileCodes.unreadable, `cannot read key file ${path}: ${(error as Error).message}`));
  }
  return parseKeyFile(text);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Writes the key file with mode 0600; refuses to replace an existing file unless asked. */
export function writeKeyFile(path: string, key: AccountKey, options: { readonly overwrite?: boolean } = {}): Result<void, Rejection> {
  try {
    writeFileSync(path, formatKeyFile(key), { mode: 0o600, flag: options.overwrite === true ? 'w' : 'wx' });
    return ok(undefined);
  } catch (error) {
    const errno = (error as NodeJS.ErrnoException).code;
    // `wx` on a directory says EEXIST too: name what is in the way.
    if (errno === 'EEXIST' && isDirectory(path)) return err(rejection(KeyFileCodes.unwritable, `cannot write key file ${path}: it is a directory (give a file name, e.g. ${join(path, 'key.json')})`));
    // Said with the way on, not as the system call's "EEXIST: file already exists, open '…'".
    if (errno === 'EEXIST') return err(rejection(KeyFileCodes.exists, `cannot write key file ${path}: it already holds a file, and a key file is never overwritten (a key lost is its account lost): give another --out, or move that file away first`));
    return err(rejection(KeyFileCodes.unwritable, `cannot write key file ${path}: ${(error as Error).message}`));
  }
}
