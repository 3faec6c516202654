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
import { importGenesis } from '../genesis/import.js';
import { ExportImportError } from '../genesis/import-exported.js';
import { ZERO_HASH } from '../chain/block.js';
import { heightKey } from '../state/chain-tables.js';
import { GenesisError, readGenesisFile } from '../genesis/load.js';
import { BlockLog, blockLogDir } from '../log/index.js';
import { warnOnStderr } from './warnings.js';
export const DATA_DIR_FORMAT = 'pokt-ledger-data';
export const DATA_DIR_VERSION = 1;
/** The genesis height of a data directory's chain: 0, or H for a chain continued from an exported state at H. */
export function genesisHeightOf(config) {
    return (config.first_height ?? 1) - 1;
}
export class DataDirError extends Error {
    code;
    context;
    name = 'DataDirError';
    constructor(code, message, 
    /** The facts: file, expected and found values, height. */
    context) {
        super(message);
        this.code = code;
        this.context = context;
    }
}
export const configPath = (dir) => join(blockLogDir(dir), 'ledger.json');
export function sha256File(file) {
    return createHash('sha256').update(readFileSync(file)).digest('hex');
}
/**
 * The genesis state; an exported state written by `pokt-ledger export` must import to the root
 * its extension records (anything else means a damaged file or a different ledger version).
 */
function importExported(doc) {
    let state;
    try {
        state = importGenesis(doc);
    }
    catch (error) {
        if (error instanceof ExportImportError)
            throw new DataDirError('data_dir_invalid', `invalid exported state: ${error.message}`, { path: error.path });
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
export function initDataDir(dir, genesisFile, options = {}) {
    if (existsSync(configPath(dir)))
        throw new DataDirError('data_dir_exists', `${dir} already holds a chain (events/ledger.json exists)`);
    const doc = readGenesisFile(genesisFile, options);
    const state = importExported(doc);
    reportIrregularAccounts(doc, options.onWarning ?? warnOnStderr);
    const height = doc.exported?.height ?? 0;
    mkdirSync(dir, { recursive: true });
    const { log } = BlockLog.open(blockLogDir(dir), { create: true, firstHeight: height + 1 });
    log.close();
    const genesisCopy = join(blockLogDir(dir), 'genesis.json');
    copyFileSync(genesisFile, genesisCopy);
    const config = {
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
function reportIrregularAccounts(doc, warn) {
    for (const account of doc.exported?.irregularAccounts ?? []) {
        warn({
            code: 'irregular_address_imported',
            message: `${account.path}: account ${account.address} (${account.address.length / 2} bytes, not 20) imported with its ${account.balanceUpokt} uPOKT as pocket-core held it; no key derives it, so its balance cannot move`,
            details: { path: account.path, address: account.address, balance_upokt: account.balanceUpokt.toString() },
        });
    }
}
export function readDataDirConfig(dir) {
    if (!existsSync(configPath(dir)))
        throw new DataDirError('data_dir_not_found', `${dir} holds no chain (run \`pokt-ledger init --data ${dir}\`)`);
    let config;
    try {
        config = JSON.parse(readFileSync(configPath(dir), 'utf8'));
    }
    catch (error) {
        throw new DataDirError('data_dir_invalid', `${configPath(dir)}: ${error instanceof Error ? error.message : String(error)}`, { file: configPath(dir) });
    }
    if (config.format !== DATA_DIR_FORMAT || config.version !== DATA_DIR_VERSION)
        throw new DataDirError('data_dir_invalid', `${configPath(dir)} is not a pokt-ledger data directory config`, { file: configPath(dir) });
    for (const field of ['chain_id', 'genesis_file', 'genesis_sha256', 'genesis_state_root']) {
        if (typeof config[field] !== 'string' || config[field] === '')
            throw new DataDirError('data_dir_invalid', `${configPath(dir)}: ${field} is missing`, { file: configPath(dir), field });
    }
    return config;
}
/** The genesis copy must be the file `init` recorded (ledger.json `genesis_sha256`). */
export function checkGenesisChecksum(file, config) {
    let actual;
    try {
        actual = sha256File(file);
    }
    catch (error) {
        throw new DataDirError('genesis_changed', `${file} cannot be read (${error.message})`, { file });
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
export const genesisPathOf = (dir, config) => join(blockLogDir(dir), config.genesis_file);
/** The chain's genesis state, checked against what `init` recorded. */
export function loadGenesisOfDataDir(dir) {
    const config = readDataDirConfig(dir);
    const file = genesisPathOf(dir, config);
    checkGenesisChecksum(file, config);
    let doc;
    try {
        doc = readGenesisFile(file, config.exported_height === undefined ? {} : { exportedHeight: config.exported_height });
    }
    catch (error) {
        if (error instanceof GenesisError)
            throw new DataDirError('data_dir_invalid', error.message);
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
//# sourceMappingURL=data-dir.js.map