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
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bytesToHex } from '../core/hex.js';
import type { LedgerState } from '../chain/ledger-state.js';
import { importGenesis } from '../genesis/import.js';
import { ExportImportError } from '../genesis/import-exported.js';
import { ZERO_HASH } from '../chain/block.js';
import { heightKey } from '../state/chain-tables.js';
import { GenesisError, readGenesisFile } from '../genesis/load.js';
import type { GenesisDoc } from '../genesis/types.js';
import { BlockLog, blockLogDir } from '../log/index.js';
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
}

export type DataDirErrorCode =
  | 'data_dir_exists'
  | 'data_dir_not_found'
  | 'data_dir_invalid'
  | 'genesis_changed'
  | 'genesis_root_changed'
  /** ledger.json, genesis.json and the log's first block do not name the same chain. */
  | 'chain_id_mismatch'
  /** Opening for writing: the log does not replay to its own stored roots. */
  | 'replay_diverged';

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

/** Create a chain: copy and import the genesis, create an empty block log (first height H + 1 for a state exported at H). */
export function initDataDir(dir: string, genesisFile: string, options: InitOptions = {}): DataDirConfig {
  if (existsSync(configPath(dir))) throw new DataDirError('data_dir_exists', `${dir} already holds a chain (events/ledger.json exists)`);
  const doc = readGenesisFile(genesisFile, options);
  const state = importExported(doc);
  reportIrregularAccounts(doc, options.onWarning ?? warnOnStderr);
  const height = doc.exported?.height ?? 0;
  mkdirSync(dir, { recursive: true });
  const { log } = BlockLog.open(blockLogDir(dir), { create: true, firstHeight: height + 1 });
  log.close();
  const genesisCopy = join(blockLogDir(dir), 'genesis.json');
  copyFileSync(genesisFile, genesisCopy);
  const config: DataDirConfig = {
    format: DATA_DIR_FORMAT,
    version: DATA_DIR_VERSION,
    chain_id: doc.chainId,
    genesis_file: 'genesis.json',
    genesis_sha256: sha256File(genesisCopy),
    genesis_state_root: bytesToHex(state.store.root),
    ...(height === 0 ? {} : { first_height: height + 1, previous_block_hash: state.chain.blockHashes.get(heightKey(height)) ?? ZERO_HASH }),
    ...(options.exportedHeight === undefined ? {} : { exported_height: options.exportedHeight }),
  };
  writeFileSync(configPath(dir), JSON.stringify(config, null, 2) + '\n');
  return config;
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

export function readDataDirConfig(dir: string): DataDirConfig {
  if (!existsSync(configPath(dir))) throw new DataDirError('data_dir_not_found', `${dir} holds no chain (run \`pokt-ledger init --data ${dir}\`)`);
  let config: DataDirConfig;
  try {
    config = JSON.parse(readFileSync(configPath(dir), 'utf8')) as DataDirConfig;
  } catch (error) {
    throw new DataDirError('data_dir_invalid', `${configPath(dir)}: ${error instanceof Error ? error.message : String(error)}`, { file: configPath(dir) });
  }
  if (config.format !== DATA_DIR_FORMAT || config.version !== DATA_DIR_VERSION) throw new DataDirError('data_dir_invalid', `${configPath(dir)} is not a pokt-ledger data directory config`, { file: configPath(dir) });
  for (const field of ['chain_id', 'genesis_file', 'genesis_sha256', 'genesis_state_root'] as const) {
    if (typeof config[field] !== 'string' || config[field] === '') throw new DataDirError('data_dir_invalid', `${configPath(dir)}: ${field} is missing`, { file: configPath(dir), field });
  }
  return config;
}

/** The genesis copy must be the file `init` recorded (ledger.json `genesis_sha256`). */
export function checkGenesisChecksum(file: string, config: DataDirConfig): void {
  let actual: string;
  try {
    actual = sha256File(file);
  } catch (error) {
    throw new DataDirError('genesis_changed', `${file} cannot be read (${(error as Error).message})`, { file });
  }
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

/** The chain's genesis state, checked against what `init` recorded. */
export function loadGenesisOfDataDir(dir: string): GenesisOfDataDir {
  const config = readDataDirConfig(dir);
  const file = genesisPathOf(dir, config);
  checkGenesisChecksum(file, config);
  let doc: GenesisDoc;
  try {
    doc = readGenesisFile(file, config.exported_height === undefined ? {} : { exportedHeight: config.exported_height });
  } catch (error) {
    if (error instanceof GenesisError) throw new DataDirError('data_dir_invalid', error.message);
    throw error;
  }
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
