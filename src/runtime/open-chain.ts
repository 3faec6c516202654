/**
 * Opening a data directory's chain: the ONE path every command takes before it trusts anything
 * (node, replay, roots, snapshot, query, simulate, start). It refuses a directory whose parts do
 * not describe one chain, and says out loud whatever it had to repair:
 *
 *   1. events/ledger.json parses and has every field;
 *   2. events/genesis.json is the file ledger.json names (SHA-256) and carries the same chain id;
 *   3. the block log opens (src/log: head record, torn tail, lock, index — see recovery below);
 *   4. the log's first block names the same chain id, and its app hash (the root after genesis)
 *      is ledger.json's genesis state root.
 * So a changed byte of chain_id in ledger.json is `chain_id_mismatch` before any tx is judged
 * against it, instead of a node that refuses honest txs and writes blocks no replay accepts.
 * Snapshots are checked where they are chosen (runtime/starting-state.ts).
 *
 * Warnings: what opening repaired or skipped — a torn (never acknowledged) tail cut, a stale
 * lock taken over, an index rebuilt, a damaged head slot, stray snapshot temp files removed —
 * goes to `onWarning` (default: one line on stderr), never silently.
 */
import { constants } from 'node:buffer';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonBytes } from '../core/json-bytes.js';
import { topLevelStringField } from '../core/lossless-json.js';
import { decodeRecord } from '../chain/record.js';
import { BlockLog, blockLogDir, type FsyncMode, type OpenRecovery } from '../log/index.js';
import { removeStaleTemps } from '../snapshot/snapshot.js';
import { settlePendingRollback } from './rollback.js';
import { warnOnStderr, type ChainWarning, type WarningSink } from './warnings.js';
import { chainIdCheck, CheckedGenesisBytes, checkGenesisChecksum, configPath, DataDirError, genesisHeightOf, genesisPathOf, readDataDirConfig, type DataDirConfig } from './data-dir.js';

export { warnOnStderr, type ChainWarning, type WarningSink } from './warnings.js';

export interface OpenChainOptions {
  /** Open the log for writing (takes the lock; cuts a torn tail); default: read-only. */
  readonly write?: { readonly fsync: FsyncMode };
  readonly onWarning?: WarningSink;
  /**
   * Keep the genesis copy's checked bytes (OpenedChain.genesisBytes) for a start from genesis;
   * `when-read`: only if this open read them for its check anyway — none when this process had
   * checked the copy already (a caller that may not start from genesis: `project` at `node` start).
   */
  readonly keepGenesisBytes?: boolean | 'when-read';
  /**
   * With keepGenesisBytes: the bytes an earlier open of this process kept, handed over instead of
   * a read while the copy still has the identity they were checked under (else the copy is read
   * and checked whole again). PERF: `project` opens its chain for the tip, then for the replay.
   */
  readonly genesisBytes?: CheckedGenesisBytes;
}

export interface OpenedChain {
  readonly config: DataDirConfig;
  readonly log: BlockLog;
  readonly recovery: OpenRecovery;
  /** With keepGenesisBytes: what step 2 read, so a start from genesis reads and hashes it no second time. */
  readonly genesisBytes?: CheckedGenesisBytes;
}

export function openChain(dir: string, options: OpenChainOptions = {}): OpenedChain {
  const warn = options.onWarning ?? warnOnStderr;
  const wanted = bytesWanted(options);
  const { config, genesis } = chainFiles(dir, wanted);
  // An interrupted rollback is settled first: at H or at the old head, never in between (rollback.ts).
  settlePendingRollback(dir, warn, () => existsSync(join(dir, 'projections')));
  const { log, recovery } = BlockLog.open(blockLogDir(dir), options.write === undefined ? { readOnly: true } : { fsync: options.write.fsync });
  try {
    for (const warning of recoveryWarnings(recovery)) warn(warning);
    checkFirstBlock(dir, config, log);
    // Safe for readers too: a temp file is removed only when the process that wrote it is gone.
    for (const file of removeStaleTemps(dir)) warn({ code: 'snapshot_temp_removed', message: `removed ${file}, left by a snapshot write that never finished`, details: { file } });
    return { config, log, recovery, ...(wanted !== undefined && genesis !== undefined ? { genesisBytes: genesis } : {}) };
  } catch (error) {
    log.close();
    throw error;
  }
}

/**
 * Steps 1–2, which need no block log: ledger.json, and the genesis it names. `repair` runs them
 * before it mends a log it cannot open — cutting a directory every other command refuses would
 * change what its owner has to restore.
 */
export function checkChainFiles(dir: string): DataDirConfig {
  return chainFiles(dir).config;
}

/** The copy's checked bytes are wanted: `kept`, an earlier open's, if still the copy's; `reread`: read for them when the copy was checked before. */
interface KeepBytes {
  readonly kept: CheckedGenesisBytes | undefined;
  readonly reread: boolean;
}

function bytesWanted(options: OpenChainOptions): KeepBytes | undefined {
  const keep = options.keepGenesisBytes;
  return keep === undefined || keep === false ? undefined : { kept: options.genesisBytes, reread: keep === true };
}

/**
 * Steps 1–2 and the genesis copy's bytes that step 2 read: none when this process had checked the
 * same copy, unless `keep` (then the kept ones, or read again, not hashed: checkedCopyBytes).
 */
function chainFiles(dir: string, keep?: KeepBytes): { config: DataDirConfig; genesis: CheckedGenesisBytes | undefined } {
  const config = readDataDirConfig(dir);
  return { config, genesis: checkGenesisFile(dir, config, keep) };
}

/**
 * Genesis copies this process has checked, by what identifies the file's content on disk (path,
 * device, inode, size, modification and change times in ns) and what they were checked against.
 * PERF: a command opens its chain two or three times (project: its tip, the checkpoint's check,
 * the replay), and each check reads and hashes the whole copy — ~3.4 s for a mainnet-sized
 * export of 218 MB (scale walk of 2026-12-07). A write to the file changes its change time (so
 * does putting its modification time back), so a changed copy is checked again.
 */
const checkedGenesisCopies = new Set<string>();

/** Undefined when the file cannot be stat'ed: the check then runs and says what is wrong. */
function copyIdentity(file: string, config: DataDirConfig): string | undefined {
  try {
    const stat = statSync(file, { bigint: true });
    return [file, stat.dev, stat.ino, stat.size, stat.mtimeNs, stat.ctimeNs, config.genesis_sha256, config.chain_id].join('\0');
  } catch {
    return undefined;
  }
}

/** Step 2; the bytes it read, or undefined when the same copy was checked before in this process (unless `keep` has them or rereads them). */
function checkGenesisFile(dir: string, config: DataDirConfig, keep: KeepBytes | undefined): CheckedGenesisBytes | undefined {
  const file = genesisPathOf(dir, config);
  // Taken before the read: a write after it gives the next open another identity.
  const identity = copyIdentity(file, config);
  const kept = keptBytes(keep?.kept, identity); // taken whatever comes: unused, they are let go
  if (identity !== undefined && checkedGenesisCopies.has(identity)) {
    if (kept !== undefined) return new CheckedGenesisBytes(kept, identity);
    if (keep?.reread !== true) return undefined;
    const bytes = checkedCopyBytes(file, config, identity);
    if (bytes !== undefined) return new CheckedGenesisBytes(bytes, identity);
  }
  const bytes = checkGenesisAgainst(dir, file, config);
  if (identity !== undefined) checkedGenesisCopies.add(identity);
  return new CheckedGenesisBytes(bytes, identity);
}

/**
 * An earlier open's bytes, when the copy still has the identity they were read under: the same
 * argument as checkedCopyBytes (a write to the file changes its change time), without the read.
 * Bytes of another identity are let go: the copy changed since, and is read and checked again.
 */
function keptBytes(kept: CheckedGenesisBytes | undefined, identity: string | undefined): Buffer | undefined {
  const bytes = kept?.take();
  return identity !== undefined && kept?.identity === identity ? bytes : undefined;
}

/**
 * A checked copy's bytes read again for a start from genesis, without a second SHA-256; undefined
 * when the copy's identity changed while it was read (then it is checked whole again).
 * PERF: `project` of a new projection opens its chain first for its tip, then for the replay,
 * which parses the copy: that second open hashed the 218 MB copy again (~0.5 s of CPU,
 * docs/history.md, 2026-12-07).
 */
function checkedCopyBytes(file: string, config: DataDirConfig, identity: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined; // the whole check says what is wrong
  }
  return copyIdentity(file, config) === identity ? bytes : undefined;
}

function checkGenesisAgainst(dir: string, file: string, config: DataDirConfig): Buffer {
  const bytes = checkGenesisChecksum(file, config);
  // PERF: the scan walks the whole copy (pocket-core's sorted keys put chain_id after app_state:
  // ~1.1 s at 218 MB, profile of 2026-12-08). The checksum just matched, so the copy is the file
  // init read this chain id from, if ledger.json still pairs the two as init wrote them.
  if (config.chain_id_checked === chainIdCheck(config.chain_id, config.genesis_sha256)) return bytes;
  const chainId = genesisChainId(file, bytes);
  if (chainId !== config.chain_id) {
    throw new DataDirError('chain_id_mismatch', `${configPath(dir)} says chain_id ${JSON.stringify(config.chain_id)} but its genesis ${file} says ${JSON.stringify(chainId)}`, {
      file: configPath(dir),
      ledger_json: config.chain_id,
      genesis: chainId,
    });
  }
  return bytes;
}

/**
 * The genesis copy's top-level chain_id. PERF: the field alone, not the tree (a mainnet-sized
 * export is hundreds of MB). A copy the scan cannot answer for — chain_id given twice, or
 * escaped — is parsed whole: by JSON.parse when it fits in one string, so the last key wins, as
 * in Go's encoding/json (pocket-core reads the file so); past that by parseJsonBytes, which
 * refuses a key given twice with two values. init refused both, so the copy was edited along
 * with its checksum: a copy that is not JSON is said to be damaged, never a bare SyntaxError.
 */
function genesisChainId(file: string, bytes: Buffer): unknown {
  const scanned = topLevelStringField(bytes, 'chain_id');
  if (scanned !== undefined) return scanned;
  try {
    const root = bytes.length <= constants.MAX_STRING_LENGTH ? JSON.parse(bytes.toString('utf8')) : parseJsonBytes(bytes);
    return (root as { chain_id?: unknown } | null)?.chain_id;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DataDirError('data_dir_invalid', `${file} matches its checksum in ledger.json but is not a readable genesis (${reason}): both were edited; restore the genesis copy and ledger.json from a backup`, { file });
  }
}

/** Block 1 was made from this genesis: same chain id, app hash = the genesis state root (step 4). */
export function checkFirstBlock(dir: string, config: DataDirConfig, log: BlockLog): void {
  if (log.lastHeight < log.firstHeight) return;
  const header = decodeRecord(log.read(log.firstHeight), log.firstHeight).block.header;
  if (header.chainId !== config.chain_id) {
    throw new DataDirError(
      'chain_id_mismatch',
      `${configPath(dir)} says chain_id ${JSON.stringify(config.chain_id)} but block ${log.firstHeight} of the log says ${JSON.stringify(header.chainId)}`,
      { file: configPath(dir), ledger_json: config.chain_id, first_block: header.chainId, height: log.firstHeight },
    );
  }
  if (log.firstHeight === genesisHeightOf(config) + 1 && header.appHash !== config.genesis_state_root) {
    throw new DataDirError(
      'genesis_root_changed',
      `${configPath(dir)} says the genesis state root is ${config.genesis_state_root} but block 1 of the log was built on ${header.appHash}`,
      { file: configPath(dir), expected: config.genesis_state_root, first_block: header.appHash, height: 1 },
    );
  }
}

/** What the log's open repaired or noticed, as warnings for the operator. */
export function recoveryWarnings(recovery: OpenRecovery): ChainWarning[] {
  const warnings: ChainWarning[] = [];
  const torn = recovery.tornTail;
  if (torn !== null) {
    const action = torn.truncated ? `cut ${torn.bytes} bytes` : `ignored ${torn.bytes} bytes (read-only)`;
    warnings.push({
      code: 'log_tail_cut',
      message: `${action} at ${torn.file} offset ${torn.offset}: a record of height ${torn.height} that was never acknowledged (${torn.problem})${torn.savedTo === null ? '' : `; kept in ${torn.savedTo}`}`,
      details: { ...torn },
    });
  }
  const lock = recovery.staleLockTakenOver;
  if (lock !== null) {
    const whose = 'unreadable' in lock ? `an empty or unreadable lock file (${JSON.stringify(lock.unreadable)})` : `a lock of pid ${lock.pid} on ${lock.hostname}, which is no longer running`;
    warnings.push({ code: 'log_lock_taken_over', message: `took over ${whose}`, details: { ...lock } });
  }
  if (recovery.indexRebuilt.length > 0) {
    warnings.push({ code: 'log_index_rebuilt', message: `rebuilt the height index of ${recovery.indexRebuilt.join(', ')} from the segment (derived data)`, details: { files: recovery.indexRebuilt } });
  }
  if (recovery.headSlotDamaged !== null) {
    warnings.push({ code: 'log_head_slot_damaged', message: `slot ${recovery.headSlotDamaged} of the head record is damaged; the other slot (height ${recovery.head?.height}) was used`, details: { slot: recovery.headSlotDamaged } });
  }
  if (recovery.headCreated === 'upgraded') {
    warnings.push({ code: 'log_head_created', message: `the log had no head record (made by an older version); one now records height ${recovery.lastHeight}` });
  }
  return warnings;
}
