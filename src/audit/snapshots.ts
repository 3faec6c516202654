/**
 * Snapshot values, read raw (gunzip + JSON lines, src/snapshot's documented format) without
 * loading them into a ledger state: the audit compares each account balance, the total supply
 * and each validator's signing info a snapshot holds with the audited values at its height, so
 * a changed value is named (account and height), not just "root mismatch". Only files already
 * proven to be this chain's are read (audit.ts), so the file decodes.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { forEachLine } from '../core/lines.js';

/** A validator's signing info as a snapshot holds it (table pos/signing_info). */
export interface SnapshotSigningInfo {
  readonly startHeight: number;
  readonly index: number;
  /** null: Go's zero time (a record recreated by ResetValidatorSigningInfo or an edit stake). */
  readonly jailedUntilNs: bigint | null;
  readonly missed: number;
  readonly jailedBlocks: number;
}

export interface SnapshotValues {
  readonly file: string;
  readonly height: number;
  readonly balances: Map<string, bigint>;
  readonly total: bigint | null;
  readonly signingInfos: Map<string, SnapshotSigningInfo>;
}

/** A pos/signing_info value: [address, start_height, index_offset, jailed_until_ns (text or null), missed, jailed_blocks]. */
function signingInfoOf(value: string): SnapshotSigningInfo {
  const [, startHeight, index, jailedUntil, missed, jailedBlocks] = JSON.parse(value) as [string, number, number, string | null, number, number];
  return { startHeight, index, jailedUntilNs: jailedUntil === null ? null : BigInt(jailedUntil), missed, jailedBlocks };
}

export function readSnapshotValues(file: string, height: number): SnapshotValues {
  const balances = new Map<string, bigint>();
  const signingInfos = new Map<string, SnapshotSigningInfo>();
  let total: bigint | null = null;
  const content = gunzipSync(readFileSync(file));
  forEachLine(content, 0, content.length, (line) => {
    if (!line.startsWith('["e",')) return;
    const [, table, key, value] = JSON.parse(line) as [string, string, string, string];
    if (table === 'auth/accounts') balances.set(key, BigInt(value.split(':')[0]!));
    else if (table === 'auth/supply') total = BigInt(value);
    else if (table === 'pos/signing_info') signingInfos.set(key, signingInfoOf(value));
  });
  return { file, height, balances, total, signingInfos };
}
