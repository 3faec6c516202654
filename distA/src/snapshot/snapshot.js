/**
 * Snapshots: the complete ledger state at a height, in a canonical file, so a replay can start
 * there instead of at genesis and reach the same state root at every later height.
 *
 * File `<data>/snapshots/<height, 12 digits>-<state root>.snap`, gzip of JSON lines:
 *   {"format":"pokt-ledger-snapshot","version":2,"chain_id",…,"height","state_root"}   header
 *   ["e", table, key, encodedValue]              every entry, tables and keys in sorted order
 *   ["h", table, key, [[height, encoded|null]…]] retained history versions of history tables
 *   {"end":true,"entries":n,"versions":m,"sha256":"<hex of all previous lines>"}   trailer
 * Values use each table's canonical encoding (the same bytes the state root hashes), so loading
 * re-derives the root and checks it against the header: a snapshot proves itself.
 * Same state ⇒ byte-identical snapshot file (no timestamps, sorted everything).
 *
 * Housekeeping: a snapshot is written to `<name>.<pid>.tmp` and renamed; temporary files of
 * processes that are gone (a crash mid-write) are removed by `removeStaleTemps` (at every
 * open of the chain — runtime/open-chain.ts); after each write only the newest `keep`
 * snapshots are kept (`pruneSnapshots`, default DEFAULT_SNAPSHOT_RETENTION). Snapshots are
 * derived data: a replay from genesis rebuilds any of them.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fdatasyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { bytesToHex } from '../core/hex.js';
import { CHAIN_META_KEY } from '../state/chain-tables.js';
import { createLedgerState } from '../chain/ledger-state.js';
import { fsyncDir, processAlive } from '../log/index.js';
/** Snapshots kept after each write unless the caller says otherwise (a few: each can be ~MBs). */
export const DEFAULT_SNAPSHOT_RETENTION = 3;
export const SNAPSHOT_FORMAT = 'pokt-ledger-snapshot';
/** 2: adds the replay index (auth/replay_index); a version-1 snapshot would load without it and lose replay protection for the txs before it. */
export const SNAPSHOT_VERSION = 2;
export class SnapshotError extends Error {
    code;
    name = 'SnapshotError';
    constructor(code, message) {
        super(message);
        this.code = code;
    }
}
export function snapshotsDir(dataDir) {
    return join(dataDir, 'snapshots');
}
/** Serialise the state (which must be committed: no open checkpoint, no pending writes). */
export function encodeSnapshot(state) {
    const meta = state.chain.meta.get(CHAIN_META_KEY);
    if (meta === undefined)
        throw new SnapshotError('snapshot_unsupported', 'state has no chain metadata');
    const lines = [];
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
        if (table.spec.history !== true)
            continue;
        for (const key of [...table.versions.keys()].sort()) {
            const { heights, values } = table.versions.get(key);
            lines.push(JSON.stringify(['h', table.name, key, heights.map((h, i) => [h, values[i] === undefined ? null : table.spec.encode(values[i])])]));
            versions += heights.length;
        }
    }
    const body = lines.join('\n') + '\n';
    const sha256 = createHash('sha256').update(body).digest('hex');
    return gzipSync(Buffer.from(body + JSON.stringify({ end: true, entries, versions, sha256 }) + '\n'), { level: 6 });
}
export function decodeSnapshot(bytes) {
    let text;
    try {
        text = gunzipSync(bytes).toString('utf8');
    }
    catch (error) {
        throw new SnapshotError('snapshot_corrupt', `not a gzip snapshot: ${error instanceof Error ? error.message : String(error)}`);
    }
    const lastNewline = text.lastIndexOf('\n', text.length - 2);
    const body = text.slice(0, lastNewline + 1);
    const trailer = parseLine(text.slice(lastNewline + 1));
    if (trailer.end !== true || createHash('sha256').update(body).digest('hex') !== trailer.sha256) {
        throw new SnapshotError('snapshot_corrupt', 'snapshot checksum does not match its contents (truncated or damaged)');
    }
    const lines = body.split('\n');
    lines.pop();
    const header = parseLine(lines[0] ?? '');
    if (header.format !== SNAPSHOT_FORMAT || header.version !== SNAPSHOT_VERSION || typeof header.height !== 'number') {
        throw new SnapshotError('snapshot_unsupported', `unsupported snapshot header ${lines[0]?.slice(0, 200)}`);
    }
    const state = createLedgerState();
    for (let i = 1; i < lines.length; i++)
        loadLine(state, parseLine(lines[i]), i);
    // The loaded history already holds every version; committing must not add one at `height`.
    const root = bytesToHex(state.store.commitBlock(header.height, { recordHistory: false }));
    if (root !== header.state_root) {
        throw new SnapshotError('snapshot_root_mismatch', `entries hash to ${root}, header says ${header.state_root}`);
    }
    return state;
}
function parseLine(line) {
    try {
        return JSON.parse(line);
    }
    catch {
        throw new SnapshotError('snapshot_corrupt', `malformed snapshot line: ${line.slice(0, 120)}`);
    }
}
function loadLine(state, record, lineNumber) {
    if (!Array.isArray(record) || (record[0] !== 'e' && record[0] !== 'h') || typeof record[1] !== 'string' || typeof record[2] !== 'string') {
        throw new SnapshotError('snapshot_corrupt', `line ${lineNumber + 1} is not an entry`);
    }
    const table = state.store.table(record[1]);
    if (table === undefined)
        throw new SnapshotError('snapshot_unsupported', `unknown table ${record[1]} (snapshot from another version?)`);
    if (record[0] === 'e') {
        table.set(record[2], table.spec.decode(String(record[3])));
        return;
    }
    const versions = record[3].map(([height, encoded]) => [height, encoded === null ? undefined : table.spec.decode(encoded)]);
    state.store.loadVersions(table, record[2], versions);
}
export function snapshotFileName(height, stateRoot) {
    return `${String(height).padStart(12, '0')}-${stateRoot}.snap`;
}
/**
 * Write crash-safely: temp file named with our pid, written and fdatasync'ed, renamed, then the
 * directory fsynced — so after a crash or power loss at any instant the directory holds either
 * no file of this name or the whole snapshot (never a renamed file whose bytes were not yet on
 * disk), and a concurrent writer's temp file is never mistaken for debris. Then prune.
 */
export function writeSnapshot(dataDir, state, options = {}) {
    const dir = snapshotsDir(dataDir);
    // Not `recursive`: Node then reports a read-only file system as ENOENT (the data dir exists).
    if (!existsSync(dir))
        mkdirSync(dir);
    const meta = state.chain.meta.get(CHAIN_META_KEY);
    const stateRoot = bytesToHex(state.store.root);
    const file = join(dir, snapshotFileName(meta.height, stateRoot));
    const temp = `${file}.${process.pid}.tmp`;
    try {
        writeDurably(temp, encodeSnapshot(state));
        options.onStep?.('temp_written');
        renameSync(temp, file);
        options.onStep?.('renamed');
        fsyncDir(dir);
    }
    catch (error) {
        // A partial temp file on a full disk would keep it full: the node could never resume.
        rmSync(temp, { force: true });
        throw error;
    }
    const pruned = pruneSnapshots(dataDir, options.keep ?? DEFAULT_SNAPSHOT_RETENTION);
    return { height: meta.height, stateRoot, file, pruned };
}
function writeDurably(file, bytes) {
    const fd = openSync(file, 'wx');
    try {
        let done = 0;
        while (done < bytes.length)
            done += writeSync(fd, bytes, done, bytes.length - done);
        fdatasyncSync(fd);
    }
    finally {
        closeSync(fd);
    }
}
/** Deletes all but the newest `keep` snapshots (by height); returns the files deleted. */
export function pruneSnapshots(dataDir, keep) {
    if (!Number.isSafeInteger(keep) || keep < 1)
        throw new SnapshotError('snapshot_unsupported', `snapshot retention must be an integer ≥ 1, got ${String(keep)}`);
    const all = listSnapshots(dataDir);
    const doomed = all.slice(0, Math.max(0, all.length - keep)).map((info) => info.file);
    for (const file of doomed)
        rmSync(file, { force: true });
    return doomed;
}
const TEMP_NAME = /^\d{12}-[0-9a-f]{64}\.snap(?:\.(\d+))?\.tmp$/;
/**
 * Removes temporary snapshot files left by a crash: those whose writer process is gone (or that
 * carry no pid: the naming before pids). A live writer's temp file is left alone, so this is
 * safe next to a running `snapshot` or node. Returns the files removed.
 */
export function removeStaleTemps(dataDir) {
    const dir = snapshotsDir(dataDir);
    if (!existsSync(dir))
        return [];
    const removed = [];
    for (const name of readdirSync(dir).sort()) {
        const match = TEMP_NAME.exec(name);
        if (match === null)
            continue;
        const pid = match[1] === undefined ? undefined : Number(match[1]);
        if (pid !== undefined && processAlive(pid))
            continue; // being written right now (ours included)
        rmSync(join(dir, name), { force: true });
        removed.push(join(dir, name));
    }
    return removed;
}
export function listSnapshots(dataDir) {
    const dir = snapshotsDir(dataDir);
    if (!existsSync(dir))
        return [];
    return readdirSync(dir)
        .map((name) => /^(\d{12})-([0-9a-f]{64})\.snap$/.exec(name))
        .filter((m) => m !== null)
        .map((m) => ({ height: Number(m[1]), stateRoot: m[2], file: join(dir, m[0]) }))
        .sort((a, b) => a.height - b.height);
}
export function readSnapshot(info) {
    const state = decodeSnapshot(readFileSync(info.file));
    if (bytesToHex(state.store.root) !== info.stateRoot) {
        throw new SnapshotError('snapshot_root_mismatch', `${info.file}: state root differs from its file name`);
    }
    return state;
}
//# sourceMappingURL=snapshot.js.map