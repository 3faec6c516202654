/** Counting a test's reads of one file, to hold a command to reading it once. */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { resolve } from 'node:path';

/** What `action` returns, and how many times it read `file` with node:fs's readFileSync. */
export async function countReads<T>(file: string, action: () => T | Promise<T>): Promise<{ value: T; reads: number }> {
  const read = fs.readFileSync;
  let reads = 0;
  // node:fs's ESM named exports (what the code imports) follow the CommonJS object once synced.
  fs.readFileSync = ((...args: Parameters<typeof read>) => {
    if (typeof args[0] === 'string' && resolve(args[0]) === resolve(file)) reads++;
    return read(...args);
  }) as typeof read;
  syncBuiltinESMExports();
  try {
    const value = await action();
    return { value, reads };
  } finally {
    fs.readFileSync = read;
    syncBuiltinESMExports();
  }
}
