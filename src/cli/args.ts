/**
 * Option parsers shared by the chain commands (commander `argParser`s): strict decimal
 * integers (no "1e3", no "0x10", no signs), a u64 seed, the default data directory.
 */
import { resolve } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { packageRoot } from '../core/paths.js';

export function integerOption(name: string, min = 0): (text: string) => number {
  return (text) => {
    if (!/^(0|[1-9][0-9]*)$/.test(text)) throw new InvalidArgumentError(`${name} must be a whole number, got ${JSON.stringify(text)}`);
    const value = Number(text);
    if (!Number.isSafeInteger(value) || value < min) throw new InvalidArgumentError(`${name} must be an integer ≥ ${min}`);
    return value;
  };
}

export function seedOption(text: string): bigint {
  if (!/^(0|[1-9][0-9]*)$/.test(text) || BigInt(text) >= 1n << 64n) throw new InvalidArgumentError(`the seed must be a whole number below 2^64, got ${JSON.stringify(text)}`);
  return BigInt(text);
}

/** The default data directory: the repository (package) root, whose events/ and snapshots/ it uses. */
export function defaultDataDir(): string {
  return packageRoot();
}

export function dataDirOf(option: string | undefined): string {
  return resolve(option ?? defaultDataDir());
}
