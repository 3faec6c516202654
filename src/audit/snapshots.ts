/**
 * Snapshot values, read raw (gunzip + JSON lines, src/snapshot's documented format) without
 * loading them into a ledger state: the audit compares each account balance and the total
 * supply a snapshot holds with the audited values at its height, so a changed value is named
 * (account and height), not just "root mismatch".
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface SnapshotValues {
  readonly file: string;
  readonly height: number;
  readonly balances: Map<string, bigint>;
  readonly total: bigint | null;
}

/** Height → snapshot file, for every `<height>-<root>.snap` under <data>/snapshots. */
export function snapshotFiles(dataDir: string): Map<number, string> {
  const dir = join(dataDir, 'snapshots');
  const out = new Map<number, string>();
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const match = /^(\d{12})-[0-9a-f]{64}\.snap$/.exec(name);
    if (match !== null) out.set(Number(match[1]), join(dir, name));
  }
  return out;
}

export function readSnapshotValues(file: string, height: number): SnapshotValues {
  const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
  const balances = new Map<string, bigint>();
  let total: bigint | null = null;
  for (const line of lines) {
    if (!line.startsWith('["e",')) continue;
    const [, table, key, value] = JSON.parse(line) as [string, string, string, string];
    if (table === 'auth/accounts') balances.set(key, BigInt(value.split(':')[0]!));
    else if (table === 'auth/supply') total = BigInt(value);
  }
  return { file, height, balances, total };
}
