/**
 * Snapshots: the complete ledger state at a height, in a canonical file, so a replay can start
 * there instead of at genesis and reach the same state root at every later height.
 *
 * File `<data>/snapshots/<height, 12 digits>-<state root>.snap`, gzip of JSON lines:
 *   {"format":"pokt-ledger-snapshot","version":1,"chain_id",…,"height","state_root"}   header
 *   ["e", table, key, encodedValue]              every entry, tables and keys in sorted order
 *   ["h", table, key, [[height, encoded|null]…]] retained history versions of history tables
 *   {"end":true,"entries":n,"versions":m,"sha256":"<hex of all previous lines>"}   trailer
 * Values use each table's canonical encoding (the same bytes the state root hashes), so loading
 * re-derives the root and checks it against the header: a snapshot proves itself.
 * Same state ⇒ byte-identical snapshot file (no timestamps, sorted everything).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { bytesToHex } from '../core/hex.js';
import { CHAIN_META_KEY } from '../state/chain-tables.js';
import { createLedgerState, type LedgerState } from '../chain/ledger-state.js';
import type { Table } from '../state/table.js';

export const SNAPSHOT_FORMAT = 'pokt-ledger-snapshot';
export const SNAPSHOT_VERSION = 1;

export class SnapshotError extends Error {
  override readonly name = 'SnapshotError';
  constructor(
    readonly code: 'snapshot_corrupt' | 'snapshot_root_mismatch' | 'snapshot_unsupported' | 'snapshot_not_found',
    message: string,
  ) {
    super(message);
  }
}

export interface SnapshotInfo {
  readonly height: number;
  readonly stateRoot: string;
  readonly file: string;
}

export function snapshotsDir(dataDir: string): string {
  return join(dataDir, 'snapshots');
}

/** Serialise the state (which must be committed: no open checkpoint, no pending writes). */
export function encodeSnapshot(state: LedgerState): Uint8Array {
  const meta = state.chain.meta.get(CHAIN_META_KEY);
  if (meta === undefined) throw new SnapshotError('snapshot_unsupported', 'state has no chain metadata');
  const lines: string[] = [];
  lines.push(JSON.stringify({ format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, chain_id: meta.chainId, height: meta.height, state_root: bytesToHex(state.store.root) }));
  let entries = 0;
  let versions = 0;
  for (const table of state.store.tables()) {
    for (const [key, value] of table.sortedEntries()) {
      lines.push(JSON.stringify(['e', table.name, key, table.spec.encode(value)]));
      entries++;
    }
  }
  for (const table of state.store.tables()) {
    if (table.spec.history !== true) continue;
    for (const key of [...table.versions.keys()].sort()) {
      const { heights, values } = table.versions.get(key)!;
      lines.push(JSON.stringify(['h', table.name, key, heights.map((h, i) => [h, values[i] === undefined ? null : table.spec.encode(values[i])])]));
      versions += heights.length;
    }
  }
  const body = lines.join('\n') + '\n';
  const sha256 = createHash('sha256').update(body).digest('hex');
  return gzipSync(Buffer.from(body + JSON.stringify({ end: true, entries, versions, sha256 }) + '\n'), { level: 6 });
}

export function decodeSnapshot(bytes: Uint8Array): LedgerState {
  let text: string;
  try {
    text = gunzipSync(bytes).toString('utf8');
  } catch (error) {
    throw new SnapshotError('snapshot_corrupt', `not a gzip snapshot: ${error instanceof Error ? error.message : String(error)}`);
  }
  const lastNewline = text.lastIndexOf('\n', text.length - 2);
  const body = text.slice(0, lastNewline + 1);
  const trailer = parseLine(text.slice(lastNewline + 1)) as { end?: boolean; sha256?: string };
  if (trailer.end !== true || createHash('sha256').update(body).digest('hex') !== trailer.sha256) {
    throw new SnapshotError('snapshot_corrupt', 'snapshot checksum does not match its contents (truncated or damaged)');
  }
  const lines = body.split('\n');
  lines.pop();
  const header = parseLine(lines[0] ?? '') as { format?: string; version?: number; height?: number; state_root?: string };
  if (header.format !== SNAPSHOT_FORMAT || header.version !== SNAPSHOT_VERSION || typeof header.height !== 'number') {
    throw new SnapshotError('snapshot_unsupported', `unsupported snapshot header ${lines[0]?.slice(0, 200)}`);
  }
  const state = createLedgerState();
  for (let i = 1; i < lines.length; i++) loadLine(state, parseLine(lines[i]!), i);
  // The loaded history already holds every version; committing must not add one at `height`.
  const root = bytesToHex(state.store.commitBlock(header.height, { recordHistory: false }));
  if (root !== header.state_root) {
    throw new SnapshotError('snapshot_root_mismatch', `entries hash to ${root}, header says ${header.state_root}`);
  }
  return state;
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new SnapshotError('snapshot_corrupt', `malformed snapshot line: ${line.slice(0, 120)}`);
  }
}

function loadLine(state: LedgerState, record: unknown, lineNumber: number): void {
  if (!Array.isArray(record) || (record[0] !== 'e' && record[0] !== 'h') || typeof record[1] !== 'string' || typeof record[2] !== 'string') {
    throw new SnapshotError('snapshot_corrupt', `line ${lineNumber + 1} is not an entry`);
  }
  const table = state.store.table(record[1]);
  if (table === undefined) throw new SnapshotError('snapshot_unsupported', `unknown table ${record[1]} (snapshot from another version?)`);
  if (record[0] === 'e') {
    table.set(record[2], table.spec.decode(String(record[3])));
    return;
  }
  const versions = (record[3] as Array<[number, string | null]>).map(([height, encoded]) => [height, encoded === null ? undefined : table.spec.decode(encoded)] as const);
  state.store.loadVersions(table as Table<unknown>, record[2], versions);
}

export function snapshotFileName(height: number, stateRoot: string): string {
  return `${String(height).padStart(12, '0')}-${stateRoot}.snap`;
}

/** Write atomically (temp file + rename): a crash never leaves a half-written snapshot. */
export function writeSnapshot(dataDir: string, state: LedgerState): SnapshotInfo {
  const dir = snapshotsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const meta = state.chain.meta.get(CHAIN_META_KEY)!;
  const stateRoot = bytesToHex(state.store.root);
  const file = join(dir, snapshotFileName(meta.height, stateRoot));
  const temp = `${file}.tmp`;
  writeFileSync(temp, encodeSnapshot(state));
  renameSync(temp, file);
  return { height: meta.height, stateRoot, file };
}

export function listSnapshots(dataDir: string): SnapshotInfo[] {
  const dir = snapshotsDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => /^(\d{12})-([0-9a-f]{64})\.snap$/.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ height: Number(m[1]), stateRoot: m[2]!, file: join(dir, m[0]) }))
    .sort((a, b) => a.height - b.height);
}

export function readSnapshot(info: SnapshotInfo): LedgerState {
  const state = decodeSnapshot(readFileSync(info.file));
  if (bytesToHex(state.store.root) !== info.stateRoot) {
    throw new SnapshotError('snapshot_root_mismatch', `${info.file}: state root differs from its file name`);
  }
  return state;
}
