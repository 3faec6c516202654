/**
 * A data directory: one chain's inputs and derived files.
 *
 *   <data>/events/                the block log (src/log) — the only source of truth after genesis
 *   <data>/events/ledger.json     what chain this is: chain id, genesis checksum and state root
 *   <data>/events/genesis.json    the genesis file it started from (a copy, byte for byte)
 *   <data>/snapshots/             state snapshots (derived; src/snapshot)
 *
 * Inputs (genesis + blocks) live together under events/; everything elsewhere is derived.
 * The default data directory is the repository root (its events/ and snapshots/ folders).
 */
import { makeDirs } from '../core/make-dirs.js';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { bytesToHex } from '../core/hex.js';
import type { LedgerState } from '../chain/ledger-state.js';
import { importGenesis } from '../genesis/import.js';
import { ExportImportError } from '../genesis/import-exported.js';
import { ZERO_HASH } from '../chain/block.js';
import { heightKey } from '../state/chain-tables.js';
import { checkGenesisSize, GenesisError, parseGenesisBytes, readGenesisBytes } from '../genesis/load.js';
import type { GenesisDoc } from '../genesis/types.js';
import { BlockLog, blockLogDir, isBlockLogError } from '../log/index.js';
import { writeFileDurably } from './durable-file.js';
import { warnOnStderr, type WarningSink } from './warnings.js';

export const DATA_DIR_FORMAT = 'pokt-ledger-data';
export const DATA_DIR_VERSION = 1;

export interface DataDirConfig {
  readonly format: string;
  readonly version: number;
  readonly chain_id: string;
  readonly genesis_file: string;
  readonly genesis_sha256: string;
  /** State root after genesis import; a different value means the importer changed. */
  readonly genesis_state_root: string;
  /**
   * chainIdCheck(chain_id, genesis_sha256): init read this chain id from the genesis with this
   * checksum. An open whose ledger.json still pairs the two so (the copy's checksum matched) need
   * not scan the copy for its chain id (open-chain.ts); one byte of either edited breaks the pair,
   * and the copy is scanned and refused as before. Absent (data directories made before
   * 2026-12-08): scanned.
   */
  readonly chain_id_checked?: string;
  /**
   * A chain continued from an exported state at height H (genesis/export.ts): its log starts at
   * H + 1 and its first block names this block hash (of H) as previous. Absent: a chain from
   * height 0 (first height 1, previous hash all zeros).
   */
  readonly first_height?: number;
  readonly previous_block_hash?: string;
  /**
   * The exported height given at `init --exported-height` for a genesis file that does not carry
   * it (pocket-core's export-genesis-for-reset); every later load of the file needs it again.
   */
  readonly exported_height?: number;
}

/** The genesis height of a data directory's chain: 0, or H for a chain continued from an exported state at H. */
export function genesisHeightOf(config: DataDirConfig): number {
  return (config.first_height ?? 1) - 1;
}

export interface InitOptions {
  /** The height an exported state was taken at, for a file without `initial_height`. */
  readonly exportedHeight?: number;
  /** What was imported but deserves a look (default: one line each on stderr). */
  readonly onWarning?: WarningSink;
  /**
   * More files for events/ (name → content), written before ledger.json so that they exist
   * whenever the chain does (the simulator's manifest).
   */
  readonly files?: Readonly<Record<string, string>>;
  /** Failure tests: called after each step of the creation (a throw there is a failed init). */
  readonly onStep?: (step: InitStep) => void;
  /** Called as each long step begins (a mainnet-sized export: ~30 s in all), for a line on stderr. */
  readonly onPhase?: (phase: InitPhase) => void;
}

/** `reading`: the file's bytes and their parse; `importing`: the state tree; `writing`: the log and the copy. */
export type InitPhase = 'reading' | 'importing' | 'writing';

/** `log_created`: the empty block log; `files_written`: genesis.json and `files`, all but ledger.json. */
export type InitStep = 'log_created' | 'files_written';

export type DataDirErrorCode =
  | 'data_dir_exists'
  | 'data_dir_not_found'
  | 'data_dir_invalid'
  | 'genesis_changed'
  | 'genesis_root_changed'
  /** ledger.json, genesis.json and the log's first block do not name the same chain. */
  | 'chain_id_mismatch'
  /** Opening for writing: the log does not replay to its own stored roots. */
  | 'replay_diverged'
  /** init: the directory given is a folder of an existing chain (its events/, snapshots/, …). */
  | 'data_dir_inside_chain'
  /** A height below the genesis of a chain continued from an exported state (its blocks are not here). */
  | 'height_before_genesis';

export class DataDirError extends Error {
  override readonly name = 'DataDirError';
  constructor(
    readonly code: DataDirErrorCode,
    message: string,
    /** The facts: file, expected and found values, height. */
    readonly context?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
}

export const configPath = (dir: string): string => join(blockLogDir(dir), 'ledger.json');

/** What ledger.json's `chain_id_checked` records for a chain id read from the genesis with this checksum. */
export function chainIdCheck(chainId: string, genesisSha256: string): string {
  return createHash('sha256').update(`pokt-ledger chain id\0${genesisSha256}\0${chainId}`).digest('hex');
}

export function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * The genesis state; an exported state written by `pokt-ledger export` must import to the root
 * its extension records (anything else means a damaged file or a different ledger version).
 */
function importExported(doc: GenesisDoc): LedgerState {
  let state: LedgerState;
  try {
    state = importGenesis(doc);
  } catch (error) {
    if (error instanceof ExportImportError) throw new DataDirError('data_dir_invalid', `invalid exported state: ${error.message}`, { path: error.path });
    throw error;
  }
  const recorded = doc.exported?.extension?.stateRoot;
  const root = bytesToHex(state.store.root);
  if (recorded !== undefined && recorded !== root) {
    throw new DataDirError('genesis_root_changed', `the exported state imports to root ${root} but was exported at root ${recorded}`, { path: '$.pokt_ledger.state_root', expected: recorded, actual: root });
  }
  return state;
}

/**
 * What a chain leaves in a data directory besides events/ledger.json, by folder: the block log's
 * files, the genesis copy, the simulator's manifest, a rollback intent and temporary files of
 * any of them; snapshots; the projection. Other files (the repository root's READMEs, when it is
 * the data directory) are not a chain's.
 */
const CHAIN_FILES: Readonly<Record<string, RegExp>> = {
  events: /^(?:block-log\.json|head|LOCK|ledger\.json|genesis\.json|simulation\.json|rollback\.json|index|torn)(?:\..*)?$|^segment-\d+\.log/,
  snapshots: /\.snap(?:\.|$)/,
  projections: /./,
};

/** A chain's files present in `dir` (paths relative to it), in the given folders. */
function chainFilesIn(dir: string, folders: readonly string[] = Object.keys(CHAIN_FILES)): string[] {
  const found: string[] = [];
  for (const folder of folders) {
    const path = join(dir, folder);
    if (!existsSync(path)) continue;
    for (const name of readdirSync(path).sort()) if (CHAIN_FILES[folder]!.test(name)) found.push(`${folder}/${name}`);
  }
  return found;
}

/**
 * Whether `dir` holds a chain: true with events/ledger.json; false when it holds none of a
 * chain's files (absent, empty, or only others' files). A chain's files without ledger.json are
 * a damaged data directory — blocks whose chain nobody can name — never a place for a new chain.
 */
export function holdsChain(dir: string): boolean {
  if (existsSync(configPath(dir))) return true;
  const found = chainFilesIn(dir);
  if (found.length === 0) return false;
  const shown = found.length > 6 ? `${found.slice(0, 6).join(', ')} and ${found.length - 6} more` : found.join(', ');
  const remedy = blockless(dir, found)
    ? 'its log holds no block (an interrupted init?): delete these files, then run init again'
    : 'restore events/ledger.json from a backup, or use another data directory for a new chain';
  throw new DataDirError('data_dir_invalid', `${dir} holds ${shown} but no events/ledger.json (the file naming its chain): a damaged data directory, not an empty one; ${remedy} (nothing was changed)`, {
    dir,
    found,
    missing: 'events/ledger.json',
  });
}

/** No block anywhere: only empty segments, no snapshot, no projection (what an interrupted init leaves). */
function blockless(dir: string, found: readonly string[]): boolean {
  return found.every((file) => file.startsWith('events/') && (!/^events\/segment-/.test(file) || statSync(join(dir, file)).size === 0));
}

/** A chain's own folders: `--data` naming one of them is a slip for the directory above. */
const CHAIN_FOLDERS: ReadonlySet<string> = new Set(['events', 'snapshots', 'projections', 'reports']);

/**
 * The data directory `dir` is a folder of (`--data chain/events` for `--data chain`), if any.
 * Without this, `verify --data chain/events` advised creating a chain there, and `init` did: a
 * second chain inside the first one's events/ or snapshots/ (QA of 2026-12-06).
 */
function enclosingChain(dir: string): string | undefined {
  const parent = dirname(resolve(dir));
  return CHAIN_FOLDERS.has(basename(resolve(dir))) && existsSync(configPath(parent)) ? parent : undefined;
}

/** Create a chain: copy and import the genesis, create an empty block log (first height H + 1 for a state exported at H). */
export function initDataDir(dir: string, genesisFile: string, options: InitOptions = {}): DataDirConfig {
  if (holdsChain(dir)) {
    readDataDirConfig(dir); // a damaged ledger.json: say so, and what to do (data_dir_invalid)
    throw new DataDirError('data_dir_exists', `${dir} already holds a chain (events/ledger.json exists)`);
  }
  const enclosing = enclosingChain(dir);
  if (enclosing !== undefined) {
    throw new DataDirError('data_dir_inside_chain', `${dir} is the ${basename(resolve(dir))}/ folder of the chain in ${enclosing}: a new chain goes in a directory of its own (nothing was changed)`, { dir, chain: enclosing });
  }
  options.onPhase?.('reading');
  const genesisBytes = readGenesisBytes(genesisFile);
  const doc = parseGenesisBytes(genesisFile, genesisBytes, options);
  options.onPhase?.('importing');
  const state = importExported(doc);
  reportIrregularAccounts(doc, options.onWarning ?? warnOnStderr);
  const height = doc.exported?.height ?? 0;
  const genesisSha256 = createHash('sha256').update(genesisBytes).digest('hex');
  const config: DataDirConfig = {
    format: DATA_DIR_FORMAT,
    version: DATA_DIR_VERSION,
    chain_id: doc.chainId,
    genesis_file: 'genesis.json',
    genesis_sha256: genesisSha256,
    genesis_state_root: bytesToHex(state.store.root),
    chain_id_checked: chainIdCheck(doc.chainId, genesisSha256),
    ...(height === 0 ? {} : { first_height: height + 1, previous_block_hash: state.chain.blockHashes.get(heightKey(height)) ?? ZERO_HASH }),
    ...(options.exportedHeight === undefined ? {} : { exported_height: options.exportedHeight }),
  };
  const files: Array<[string, string | Uint8Array]> = [['genesis.json', genesisBytes], ...Object.entries(options.files ?? {})];
  options.onPhase?.('writing');
  createChainFiles(dir, height + 1, files, JSON.stringify(config, null, 2) + '\n', options.onStep);
  return config;
}

/**
 * The empty log, then `files`, then ledger.json — the commit: a chain exists once it does. Each
 * file is written whole (temp + fsync + rename). The writer lock is held throughout, so a
 * concurrent init fails (log_locked) instead of mixing its files with ours. If a step fails (a
 * full disk), what this init created is removed again, so the retry finds the directory as it was.
 */
function createChainFiles(dir: string, firstHeight: number, files: ReadonlyArray<readonly [string, string | Uint8Array]>, config: string, onStep?: (step: InitStep) => void): void {
  const existed = { dir: existsSync(dir), events: existsSync(blockLogDir(dir)) };
  const log = createEmptyLog(dir, firstHeight, existed);
  try {
    onStep?.('log_created');
    for (const [name, content] of files) writeFileDurably(join(blockLogDir(dir), name), content);
    onStep?.('files_written');
    writeFileDurably(configPath(dir), config);
  } catch (error) {
    closeQuietly(log);
    removeUnfinishedInit(dir, existed);
    throw error;
  }
  log.close();
}

/** The new chain's empty log, open for writing (locked); a failure removes what it made, but never another writer's log. */
function createEmptyLog(dir: string, firstHeight: number, existed: InitialState): BlockLog {
  let opened: ReturnType<typeof BlockLog.open>;
  try {
    makeDirs(dir);
    opened = BlockLog.open(blockLogDir(dir), { create: true, firstHeight });
  } catch (error) {
    if (!isBlockLogError(error, 'log_locked')) removeUnfinishedInit(dir, existed);
    throw error;
  }
  if (!opened.recovery.created) {
    // Created by another init between our check and our lock: theirs to finish.
    opened.log.close();
    throw new DataDirError('data_dir_exists', `${dir} already holds a chain (another process created it meanwhile)`);
  }
  return opened.log;
}

/** Whether the data directory and its events/ folder existed before init. */
interface InitialState {
  readonly dir: boolean;
  readonly events: boolean;
}

function closeQuietly(log: BlockLog | undefined): void {
  try {
    log?.close();
  } catch {
    // Already failing: the first error is the one to report.
  }
}

/** Undo a failed init: it found no chain file in events/, so every one there now is its own. */
function removeUnfinishedInit(dir: string, existed: InitialState): void {
  try {
    for (const file of chainFilesIn(dir, ['events'])) rmSync(join(dir, file), { recursive: true, force: true });
    if (!existed.events) rmdirSync(blockLogDir(dir));
    if (!existed.dir) rmdirSync(dir);
  } catch {
    // Left over (the disk refused even a removal): the next init names the files (data_dir_invalid).
  }
}

/** Each account at an address that is not 20 bytes, imported as pocket-core held it (GenesisIrregularAccount). */
function reportIrregularAccounts(doc: GenesisDoc, warn: WarningSink): void {
  for (const account of doc.exported?.irregularAccounts ?? []) {
    warn({
      code: 'irregular_address_imported',
      message: `${account.path}: account ${account.address} (${account.address.length / 2} bytes, not 20) imported with its ${account.balanceUpokt} uPOKT as pocket-core held it; no key derives it, so its balance cannot move`,
      details: { path: account.path, address: account.address, balance_upokt: account.balanceUpokt.toString() },
    });
  }
}

/** What `--data FILE` is told by every command that opens a chain (serve too: its projection is under it). */
export const IS_A_FILE = 'is a file, not a data directory: give --data the directory that holds the chain (events/, snapshots/, projections/)';

export function pathIsFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

const CONFIG_REMEDY = 'restore it from a backup of this chain; if an `init` that failed left it (the log holds no block), delete it, then run init again';

export function readDataDirConfig(dir: string): DataDirConfig {
  if (!holdsChain(dir)) {
    // A key file or a genesis given as --data: "create one there" would only meet not_a_directory.
    if (pathIsFile(dir)) throw new DataDirError('data_dir_not_found', `${dir} ${IS_A_FILE}`, { dir });
    const enclosing = enclosingChain(dir);
    if (enclosing !== undefined) throw new DataDirError('data_dir_not_found', `${dir} is the ${basename(resolve(dir))}/ folder of a chain, not a data directory: give --data ${enclosing}`, { dir, chain: enclosing });
    throw new DataDirError('data_dir_not_found', `${dir} holds no chain (create one: \`pokt-ledger init --genesis FILE --data ${dir}\`, or \`simulate --data ${dir} --genesis FILE --blocks N\`)`);
  }
  let config: DataDirConfig;
  try {
    config = JSON.parse(readFileSync(configPath(dir), 'utf8')) as DataDirConfig;
  } catch (error) {
    // Written only whole (temp + rename): an unreadable one was damaged afterwards (or left empty
    // by a version that wrote it in place), and the blocks beside it still need their chain named.
    throw new DataDirError('data_dir_invalid', `${configPath(dir)} is damaged (${error instanceof Error ? error.message : String(error)}): ${CONFIG_REMEDY}`, { file: configPath(dir) });
  }
  if (config === null || typeof config !== 'object' || config.format !== DATA_DIR_FORMAT || config.version !== DATA_DIR_VERSION) {
    throw new DataDirError('data_dir_invalid', `${configPath(dir)} is not a pokt-ledger data directory config: ${CONFIG_REMEDY}`, { file: configPath(dir) });
  }
  for (const field of ['chain_id', 'genesis_file', 'genesis_sha256', 'genesis_state_root'] as const) {
    if (typeof config[field] !== 'string' || config[field] === '') throw new DataDirError('data_dir_invalid', `${configPath(dir)}: ${field} is missing`, { file: configPath(dir), field });
  }
  return config;
}

/** The genesis copy must be the file `init` recorded (ledger.json `genesis_sha256`); its bytes. */
export function checkGenesisChecksum(file: string, config: DataDirConfig): Buffer {
  const bytes = readGenesisCopy(file, readFileSync);
  checkGenesisBytes(file, bytes, config);
  return bytes;
}

/** The genesis copy's bytes by `read`; a file that cannot be read is `genesis_changed` (a GenesisError passes). */
function readGenesisCopy(file: string, read: (file: string) => Buffer): Buffer {
  try {
    return read(file);
  } catch (error) {
    if (error instanceof GenesisError) throw error;
    throw new DataDirError('genesis_changed', `${file} cannot be read (${(error as Error).message})`, { file });
  }
}

function checkGenesisBytes(file: string, bytes: Buffer, config: DataDirConfig): void {
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== config.genesis_sha256) {
    throw new DataDirError('genesis_changed', `${file} changed since init: its sha256 is ${actual}, ledger.json beside it records ${config.genesis_sha256}`, {
      file,
      expected: config.genesis_sha256,
      actual,
    });
  }
}

/** Path of a data directory's genesis copy. */
export const genesisPathOf = (dir: string, config: DataDirConfig): string => join(blockLogDir(dir), config.genesis_file);

export interface GenesisOfDataDir {
  readonly config: DataDirConfig;
  readonly doc: GenesisDoc;
  /** Fresh state at height 0. */
  readonly state: LedgerState;
}

/**
 * The genesis copy's bytes as opening the chain read them, their checksum checked
 * (open-chain.ts, option keepGenesisBytes), for the one reader that parses them next: `take`
 * hands them over once and forgets them, so a mainnet-sized file (hundreds of MB) is not held
 * through a replay that started from a snapshot.
 */
export class CheckedGenesisBytes {
  #bytes: Buffer | undefined;

  constructor(
    bytes: Buffer,
    /** What identified the copy on disk when they were read (open-chain.ts copyIdentity); undefined: unknown. */
    readonly identity?: string,
  ) {
    this.#bytes = bytes;
  }

  take(): Buffer | undefined {
    const bytes = this.#bytes;
    this.#bytes = undefined;
    return bytes;
  }
}

/**
 * The genesis copy's doc, after its checksum: one read of the file serves both — or none, given
 * bytes whose checksum was checked when the chain was opened (then only the size refusal, which
 * comes first when reading, is left to make).
 */
function readCheckedGenesis(file: string, config: DataDirConfig, checked: Buffer | undefined): GenesisDoc {
  try {
    let bytes: Buffer;
    if (checked === undefined) {
      bytes = readGenesisCopy(file, readGenesisBytes); // refused by its size before it is read
      checkGenesisBytes(file, bytes, config);
    } else {
      checkGenesisSize(file, checked.byteLength);
      bytes = checked;
    }
    return parseGenesisBytes(file, bytes, config.exported_height === undefined ? {} : { exportedHeight: config.exported_height });
  } catch (error) {
    if (error instanceof GenesisError) throw new DataDirError('data_dir_invalid', error.message);
    throw error;
  }
}

/** The chain's genesis state, checked against what `init` recorded (`checked`: CheckedGenesisBytes). */
export function loadGenesisOfDataDir(dir: string, checked?: Buffer): GenesisOfDataDir {
  const config = readDataDirConfig(dir);
  const file = genesisPathOf(dir, config);
  const doc = readCheckedGenesis(file, config, checked);
  const state = importExported(doc);
  const root = bytesToHex(state.store.root);
  if (root !== config.genesis_state_root) {
    throw new DataDirError('genesis_root_changed', `genesis imports to ${root} but the chain was created with ${config.genesis_state_root} (a different ledger version?)`, {
      file,
      expected: config.genesis_state_root,
      actual: root,
    });
  }
  return { config, doc, state };
}
