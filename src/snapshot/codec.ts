/**
 * The snapshot file's content: a ledger state ⇄ gzip of JSON lines (the format is described in
 * snapshot.ts, which names, writes, lists and prunes the files). Decoding proves the content:
 * the trailer's checksum, then the root re-derived from the loaded entries against the header's.
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { bytesToHex } from '../core/hex.js';
import { forEachLine, NEWLINE } from '../core/lines.js';
import { CHAIN_META_KEY } from '../state/chain-tables.js';
import { createLedgerState, type LedgerState } from '../chain/ledger-state.js';
import type { Table } from '../state/table.js';

export const SNAPSHOT_FORMAT = 'pokt-ledger-snapshot';
/**
 * 2: adds the replay index (auth/replay_index); a version-1 snapshot would load without it and
 * lose replay protection for the txs before it.
 * 3: adds the committed evidence (chain/committed_evidence); a version-2 snapshot would load
 * without it and accept a block re-committing evidence from before it, which a replay from
 * genesis refuses.
 * 4: adds the consensus block limit (chain/consensus); a version-3 snapshot would load without
 * it, and the node could not tell which block size an ignored BlockByteSize change left.
 * 5: the consensus entry carries Tendermint's evidence max age too (a version-4 one has none).
 * 6: gov/unstored_params (modules/gov/state.ts), the gated params pocket-core's store would not
 * hold. It is in the state root, but a version-5 snapshot of a chain whose genesis scheduled a
 * gated feature for later would load with it empty and still match its header's root (written
 * before the table existed), then decide later ParamChanges and upgrades otherwise than a
 * replay from genesis: the same log, two states.
 * 7: a genesis that schedules BLOCK, RSCAL or PerChainRTTM for later no longer gives their keys
 * an ACL owner (genesis/parse.ts completeAcl: pocket-core adds it with the hook). A version-6
 * snapshot of such a chain holds the owners the ledger used to add at genesis and matches its own
 * root; loaded, it would let them change those keys where a replay from genesis says gov:5.
 * The tables of versions 2–5 are outside the state root, version 6's is missing from an older
 * snapshot's root as well, and version 7's change is in values both roots cover, so only the
 * version can tell: an older snapshot is unsupported, and the state is rebuilt from an older one
 * or from genesis.
 */
export const SNAPSHOT_VERSION = 7;

export class SnapshotError extends Error {
  override readonly name = 'SnapshotError';
  constructor(
    readonly code: 'snapshot_corrupt' | 'snapshot_root_mismatch' | 'snapshot_unsupported' | 'snapshot_not_found',
    message: string,
  ) {
    super(message);
  }
}

/** Serialise the state (which must be committed: no open checkpoint, no pending writes). */
export function encodeSnapshot(state: LedgerState): Uint8Array {
  const meta = state.chain.meta.get(CHAIN_META_KEY);
  if (meta === undefined) throw new SnapshotError('snapshot_unsupported', 'state has no chain metadata');
  const body = new BodyWriter();
  body.line(JSON.stringify({ format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, chain_id: meta.chainId, height: meta.height, state_root: bytesToHex(state.store.root) }));
  let entries = 0;
  let versions = 0;
  for (const table of state.store.tables()) {
    for (const [key, value] of table.sortedEntries()) {
      body.line(JSON.stringify(['e', table.name, key, table.spec.encode(value)]));
      entries++;
    }
  }
  for (const table of state.store.tables()) {
    if (table.spec.history !== true) continue;
    for (const key of [...table.versions.keys()].sort()) {
      const { heights, values } = table.versions.get(key)!;
      body.line(JSON.stringify(['h', table.name, key, heights.map((h, i) => [h, values[i] === undefined ? null : table.spec.encode(values[i])])]));
      versions += heights.length;
    }
  }
  const file = body.end((sha256) => JSON.stringify({ end: true, entries, versions, sha256 }));
  return gzipSync(file, { level: SNAPSHOT_GZIP_LEVEL });
}

/**
 * The body's lines as UTF-8, a few MB at a time, hashed as they go; then the trailer.
 * - Chunks, not one joined string: V8's longest string (~512 MB) would otherwise cap a snapshot
 *   at ~5M entries (a tx index entry is ~100 bytes), below what the tables hold (core/spill-map.ts).
 * - PERF: each character is encoded to UTF-8 once and hashed as bytes (the text was converted
 *   twice before, for the hash and for the file; 53 MB: writing 2.8–3.3 → 2.1–2.5 s, with gzip level 1).
 */
class BodyWriter {
  private readonly hash = createHash('sha256');
  private readonly chunks: Buffer[] = [];
  private pending: string[] = [];
  private pendingChars = 0;

  line(text: string): void {
    this.pending.push(text);
    this.pendingChars += text.length + 1;
    if (this.pendingChars >= BODY_CHUNK_CHARS) this.flush();
  }

  /** The whole file: every line, then the trailer built from the body's SHA-256 (hex). */
  end(trailer: (sha256: string) => string): Buffer {
    this.flush();
    this.chunks.push(Buffer.from(trailer(this.hash.digest('hex')) + '\n'));
    return Buffer.concat(this.chunks);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.pending.push(''); // the last line's newline, without another copy of the joined text
    const bytes = Buffer.from(this.pending.join('\n'));
    this.hash.update(bytes);
    this.chunks.push(bytes);
    this.pending = [];
    this.pendingChars = 0;
  }
}

const BODY_CHUNK_CHARS = 8 * 1024 * 1024;

/**
 * Fixed, so the same state gives the same file (with the same zlib). Level 1: 27% less gzip time
 * than 6 for 1% more bytes (53 MB: 934 → 681 ms, 20.84 → 21.06 MB); gunzip is as fast.
 */
const SNAPSHOT_GZIP_LEVEL = 1;

export function decodeSnapshot(bytes: Uint8Array): LedgerState {
  const raw = gunzipSnapshot(bytes);
  // The body is every line before the trailer; the trailer's sha256 covers its exact bytes.
  const bodyEnd = raw.length < 2 ? 0 : raw.lastIndexOf(NEWLINE, raw.length - 2) + 1;
  const trailer = parseLine(raw.toString('utf8', bodyEnd)) as { end?: boolean; sha256?: string };
  if (trailer.end !== true || createHash('sha256').update(raw.subarray(0, bodyEnd)).digest('hex') !== trailer.sha256) {
    throw new SnapshotError('snapshot_corrupt', 'snapshot checksum does not match its contents (truncated or damaged)');
  }
  const headerEnd = bodyEnd === 0 ? 0 : raw.indexOf(NEWLINE);
  const headerText = raw.toString('utf8', 0, headerEnd);
  const header = parseLine(headerText) as { format?: string; version?: number; height?: number; state_root?: string };
  if (header.format !== SNAPSHOT_FORMAT || header.version !== SNAPSHOT_VERSION || typeof header.height !== 'number') {
    throw new SnapshotError('snapshot_unsupported', `unsupported snapshot header ${headerText.slice(0, 200)}`);
  }
  if (!Number.isSafeInteger(header.height) || header.height < 0) throw new SnapshotError('snapshot_corrupt', `snapshot height ${header.height} is not a block height`);
  const state = createLedgerState();
  const loader = new SnapshotLoader(state);
  forEachLine(raw, headerEnd + 1, bodyEnd, (text, index) => loader.load(parseLine(text), index + 1));
  const root = bytesToHex(state.store.commitLoaded(header.height));
  if (root !== header.state_root) {
    throw new SnapshotError('snapshot_root_mismatch', `entries hash to ${root}, header says ${header.state_root}`);
  }
  return state;
}

/** gzip's ratio cannot exceed ~1032:1 (RFC 1951's longest match per ~2 bits): a larger announced size is a lie. */
const MAX_GZIP_RATIO = 1032;
const MAX_OUTPUT_CHUNK = 256 * 1024 * 1024;

function gunzipSnapshot(bytes: Uint8Array): Buffer {
  try {
    return gunzipSync(bytes, { chunkSize: outputChunkSize(bytes) });
  } catch (error) {
    throw new SnapshotError('snapshot_corrupt', `not a gzip snapshot: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * PERF: one output chunk of the size the gzip trailer announces (ISIZE, its last 4 bytes: the
 * uncompressed size mod 2^32) spares zlib's chunk-by-chunk copies (a 53 MB snapshot: ~330 →
 * ~275 ms). The file is untrusted, so the size is only a hint, clamped: a wrong one costs time,
 * never correctness.
 */
function outputChunkSize(bytes: Uint8Array): number {
  const DEFAULT_CHUNK = 64 * 1024;
  if (bytes.byteLength < 18) return DEFAULT_CHUNK;
  const announced = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(bytes.byteLength - 4, true);
  return Math.max(DEFAULT_CHUNK, Math.min(announced + 1, bytes.byteLength * MAX_GZIP_RATIO, MAX_OUTPUT_CHUNK));
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new SnapshotError('snapshot_corrupt', `malformed snapshot line: ${line.slice(0, 120)}`);
  }
}

/**
 * Loads entry lines, then history lines, into a fresh state. The writer emits both sorted by
 * table and key, each once; the loader requires exactly that, so every key is new when it is
 * loaded (Table.load relies on it: no previous value to journal or to unindex).
 */
class SnapshotLoader {
  private section: 'e' | 'h' = 'e';
  private lastTable: string | undefined;
  private lastKey = '';

  constructor(private readonly state: LedgerState) {}

  load(record: unknown, lineNumber: number): void {
    if (!Array.isArray(record) || (record[0] !== 'e' && record[0] !== 'h') || typeof record[1] !== 'string' || typeof record[2] !== 'string') {
      throw corruptLine(lineNumber, 'is not an entry');
    }
    const [kind, name, key, value] = record as [string, string, string, unknown];
    this.checkOrder(kind, name, key, lineNumber);
    const table = this.state.store.table(name);
    if (table === undefined) throw new SnapshotError('snapshot_unsupported', `unknown table ${name} (snapshot from another version?)`);
    if (kind === 'e') {
      if (typeof value !== 'string') throw corruptLine(lineNumber, 'has no encoded value');
      table.load(key, decodeValue(table, value, lineNumber));
      return;
    }
    this.state.store.loadVersions(table, key, versionsOf(table, value, lineNumber));
  }

  private checkOrder(kind: string, table: string, key: string, lineNumber: number): void {
    if (kind !== this.section) {
      if (kind === 'e') throw corruptLine(lineNumber, 'is an entry after the history lines');
      this.section = 'h';
      this.lastTable = undefined;
    }
    const last = this.lastTable;
    if (last !== undefined && (table < last || (table === last && key <= this.lastKey))) {
      throw corruptLine(lineNumber, `is out of order (${table}/${key.slice(0, 80)} after ${last}/${this.lastKey.slice(0, 80)}): lines are sorted by table and key, each once`);
    }
    this.lastTable = table;
    this.lastKey = key;
  }
}

/** A table's decode of hostile text may throw anything: it becomes the line's coded error. */
function decodeValue(table: Table<unknown>, text: string, lineNumber: number): unknown {
  try {
    return table.spec.decode(text);
  } catch (error) {
    throw corruptLine(lineNumber, `holds a value ${table.name} cannot decode (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** A history line's versions: [height, encoded value | null (deleted)], heights ascending. */
function versionsOf(table: Table<unknown>, value: unknown, lineNumber: number): Array<readonly [number, unknown]> {
  if (table.spec.history !== true) throw corruptLine(lineNumber, `has history for ${table.name}, which keeps none`);
  if (!Array.isArray(value)) throw corruptLine(lineNumber, 'has no version list');
  let previous = -1;
  return value.map((version: unknown) => {
    const [height, encoded] = Array.isArray(version) && version.length === 2 ? (version as [unknown, unknown]) : [undefined, undefined];
    if (typeof height !== 'number' || !Number.isSafeInteger(height) || height <= previous || (encoded !== null && typeof encoded !== 'string')) {
      throw corruptLine(lineNumber, 'has a malformed version (heights must be ascending integers, values text or null)');
    }
    previous = height;
    return [height, encoded === null ? undefined : decodeValue(table, encoded, lineNumber)] as const;
  });
}

function corruptLine(lineNumber: number, problem: string): SnapshotError {
  return new SnapshotError('snapshot_corrupt', `snapshot line ${lineNumber + 1} ${problem}`);
}
