/**
 * Creating or re-opening a simulated chain's data directory (see sim-genesis.ts for what the
 * simulator adds to the given genesis and where it records its settings).
 */
import { constants } from 'node:buffer';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstScalarAtPath } from '../core/json-path-scan.js';
import { topLevelStringField } from '../core/lossless-json.js';
import { checkGenesisSize, GenesisError, parseGenesisBytes } from '../genesis/load.js';
import { holdsChain, initDataDir } from '../runtime/data-dir.js';
import { augmentGenesis, readSimManifest, sha256Hex, SIM_MANIFEST_FORMAT, SIM_MANIFEST_VERSION, simManifestText, type SimManifest } from './sim-genesis.js';
import { WORKLOADS, findWorkload, profileWorkloads, type WorkloadEntry } from './workloads/index.js';
import { mainnetShape, type MainnetShapeOptions } from './mainnet/shape.js';
import type { SimProfileName } from './workload.js';

export class SimulationSetupError extends Error {
  override readonly name = 'SimulationSetupError';
  constructor(
    readonly code: 'sim_genesis_required' | 'sim_genesis_conflict' | 'sim_genesis_exported' | 'sim_genesis_too_large' | 'sim_not_a_simulation' | 'sim_settings_differ' | 'sim_unknown_workload',
    message: string,
  ) {
    super(message);
  }
}

export interface SimSetupOptions {
  readonly dataDir: string;
  /** Required to create a chain; when continuing, it must be the file the chain was made from. */
  readonly genesisFile?: string;
  readonly seed: bigint;
  /** When continuing, must match the chain's (undefined = whatever it was). */
  readonly profile?: SimProfileName;
  /** Workload names (default: every registered one). When continuing, the chain's list is used. */
  readonly workloads?: readonly string[];
  readonly accountsPerWorkload?: number;
  readonly validators?: number;
  readonly apps?: number;
  /** The mainnet-shaped profile's knobs (src/sim/mainnet/shape.ts); recorded in the manifest. */
  readonly shape?: MainnetShapeOptions;
  /** Workloads to choose from (default: the registry, workloads/index.ts); tests and benchmarks bring their own. */
  readonly registry?: readonly WorkloadEntry[];
}

export const SIM_DEFAULTS = {
  profile: 'dev' as SimProfileName,
  accountsPerWorkload: 32,
  validators: 4,
  apps: 2,
  accountBalanceUpokt: 1_000_000_000_000n, // 1,000,000 POKT
  validatorStakeUpokt: 100_000_000_000n, // 100,000 POKT (mainnet StakeMinimum is 15,000 POKT)
  appStakeUpokt: 100_000_000_000n,
};

/** Whether `dataDir` holds a chain; a damaged one (a chain's files without ledger.json) is refused (data_dir_invalid). */
export function chainExists(dataDir: string): boolean {
  return holdsChain(dataDir);
}

/** The manifest of the simulated chain in `dataDir`, creating the chain first if there is none. */
export function openOrCreateSimulation(options: SimSetupOptions): { manifest: SimManifest; created: boolean } {
  if (chainExists(options.dataDir)) return { manifest: checkExisting(options), created: false };
  if (options.genesisFile === undefined) throw new SimulationSetupError('sim_genesis_required', `${options.dataDir} holds no chain yet: give --genesis to create one`);
  const registry = options.registry ?? WORKLOADS;
  const profile = options.profile ?? SIM_DEFAULTS.profile;
  const names = options.workloads ?? profileWorkloads(profile, registry);
  const shape = profile === 'mainnet-shaped' ? mainnetShape(options.shape) : undefined;
  const shapeSettings = shape === undefined ? undefined : { scale: shape.scale, relay_scale: shape.relayScale };
  const workloads = names.map((name) => {
    const entry = findWorkload(name, registry);
    if (entry === undefined) throw new SimulationSetupError('sim_unknown_workload', `unknown workload ${name} (known: ${registry.map((w) => w.name).join(', ')})`);
    const settings = { seed: options.seed, workers: 0, ...(shapeSettings === undefined ? {} : { shape: shapeSettings }) };
    return { name, accounts: entry.create(settings).accounts ?? options.accountsPerWorkload ?? SIM_DEFAULTS.accountsPerWorkload };
  });
  // The file must be a genesis on its own first: its problems are reported under its own name
  // (invalid_genesis), before the simulator's accounts are added to it (QA of 2026-12-06: `not
  // json` or `{}` reached the augmenting code and came out as an internal error).
  // PERF: the file is read once, and its scans, parse and text all use those bytes (it was read
  // three times: ~1 s a read for a mainnet-sized export).
  checkSourceGenesisSize(options.genesisFile); // before the read: a file it cannot use is not read
  const bytes = readFileSync(options.genesisFile);
  refuseExportedBeforeParse(options.genesisFile, bytes);
  checkGenesisSize(options.genesisFile, bytes.length);
  const source = parseGenesisBytes(options.genesisFile, bytes);
  const sourceText = bytes.toString('utf8');
  // An exported state (export: its `pokt_ledger` section; Tendermint's shape: `initial_height`,
  // which the reader takes as the state at initial_height − 1; pocket-core's: `exported` in
  // app_state.pos, refused by the scan above or by the parse) is a chain's middle, with its
  // apps' max relays, its staked pools and its state root to match: the simulator's accounts and
  // validators cannot be added to it. Said once, instead of whichever check failed first.
  if (source.exported !== null || isExportedState(sourceText)) {
    throw exportedStateError(options.genesisFile, source.exported !== null ? `the state at height ${source.exported.height}` : 'it has a pokt_ledger section');
  }
  const manifest: SimManifest = {
    format: SIM_MANIFEST_FORMAT,
    version: SIM_MANIFEST_VERSION,
    seed: options.seed.toString(),
    profile,
    ...(shapeSettings === undefined ? {} : { shape: shapeSettings }),
    workloads,
    validators: options.validators ?? SIM_DEFAULTS.validators,
    apps: options.apps ?? SIM_DEFAULTS.apps,
    account_balance_upokt: SIM_DEFAULTS.accountBalanceUpokt.toString(),
    validator_stake_upokt: SIM_DEFAULTS.validatorStakeUpokt.toString(),
    app_stake_upokt: SIM_DEFAULTS.appStakeUpokt.toString(),
    source_genesis_sha256: sha256Hex(sourceText),
  };
  const scratch = mkdtempSync(join(tmpdir(), 'pokt-ledger-sim-genesis-'));
  try {
    const augmented = join(scratch, 'genesis.json');
    writeFileSync(augmented, augmentGenesis(sourceText, manifest));
    // The manifest is created with the chain: a chain made here never lacks it.
    initDataDir(options.dataDir, augmented, { files: { 'simulation.json': simManifestText(manifest) } });
  } catch (error) {
    if (error instanceof GenesisError) throw withSimAccountsProblem(options.genesisFile, options.seed, error);
    throw error;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return { manifest, created: true };
}

/**
 * The genesis the simulator builds on, as text (sim-genesis.ts edits it as text). init reads any
 * genesis as bytes (core/json-bytes.ts), but a text is one string: past V8's longest string
 * (buffer.constants.MAX_STRING_LENGTH, 2^29 − 24) a coded refusal, not V8's "Cannot create a
 * string longer than …". A fresh genesis that size (the bundled mainnet one is 638 KB) is no
 * simulator's starting point.
 */
function readSourceGenesisText(file: string): string {
  checkSourceGenesisSize(file);
  return readFileSync(file, 'utf8');
}

function checkSourceGenesisSize(file: string): void {
  const size = statSync(file).size;
  if (size > constants.MAX_STRING_LENGTH) {
    throw new SimulationSetupError('sim_genesis_too_large', `${file} is ${size} bytes: the simulator edits its genesis as one string, at most ${constants.MAX_STRING_LENGTH} characters; start from a smaller genesis`);
  }
}

function exportedStateError(file: string, why: string): SimulationSetupError {
  return new SimulationSetupError('sim_genesis_exported', `${file} is an exported state (${why}): the simulator builds on a genesis, not on a chain's middle — continue an exported chain with \`init --genesis\` and \`node\` instead`);
}

/**
 * An exported state refused before the parse (~43 s for a 218 MB export in the scale walk of
 * 2026-12-07; 17.8 s measured below), by two byte scans. Sound: the parse takes a file with either sign for an exported
 * state (genesis/parse.ts isExport), which the simulator refuses (below, or invalid_genesis:
 * without initial_height, an export needs `init --exported-height`), so no file it accepts is
 * refused here; a file they do not vouch for is left to the parse and the checks below.
 * - A top-level `initial_height` (every export of this ledger writes one; Tendermint-shaped ones
 *   may): core/lossless-json.ts topLevelStringField answers only when it can vouch for
 *   JSON.parse's value (a key given twice or spelled with escapes is left to the parse), and
 *   only a decimal string names the height (initial_height − 1, as the parse reads it).
 * - `app_state.pos.exported: true`: pocket-core's export-genesis-for-reset writes no
 *   initial_height (RC-0.12.0 app/pocket.go:156–187, a GenesisDoc of chain id, consensus params
 *   and app state), only the nodes module's `Exported: true` (x/nodes/genesis.go:148, field
 *   `json:"exported"` at x/nodes/types/genesis.go:13). core/json-path-scan.ts reads the first
 *   such member: the genesis reader (lossless-json) keeps a repeated key only with a deep-equal
 *   value and refuses the file otherwise, so the first value is the one it reads. Its keys are
 *   sorted (app/util.go:98 SortJSON: Go's json.MarshalIndent of a map), `pos` last of the
 *   modules and `exported` first in it: the scan passes the accounts (~0.6–1.7 s at 218 MB).
 *   `simulate` on a 218 MB export in that shape (300,935 accounts): refused in 5.4 s (CLI start
 *   ~2.5 s included) instead of 17.8 s, after the parse, as invalid_genesis (medians of 3 runs,
 *   builds alternated, load average ~7 on 2 cores, 2026-12-07).
 */
function refuseExportedBeforeParse(file: string, bytes: Buffer): void {
  const initialHeight = topLevelInitialHeight(bytes);
  if (initialHeight !== undefined && /^[1-9][0-9]{0,17}$/.test(initialHeight)) throw exportedStateError(file, `the state at height ${BigInt(initialHeight) - 1n}`);
  if (firstScalarAtPath(bytes, POS_EXPORTED) === 'true') throw exportedStateError(file, "app_state.pos.exported is true, as in pocket-core's export-genesis-for-reset");
}

/**
 * The scan for a top-level `initial_height`, when the file holds the key's bytes at all.
 * PERF: pocket-core's export has none, and the scan walked all of it (~2 s at 218 MB, profile of
 * 2026-12-08) before the `exported` scan refused it. Equivalent: topLevelStringField compares
 * keys by their bytes (an escaped one is left to the parse), so without them it answers nothing;
 * the search is native (~0.1 s at 218 MB).
 */
function topLevelInitialHeight(bytes: Buffer): string | undefined {
  return bytes.includes(INITIAL_HEIGHT_KEY) ? topLevelStringField(bytes, 'initial_height') : undefined;
}

const INITIAL_HEIGHT_KEY = Buffer.from('"initial_height"');

/** Where pocket-core's nodes module says its genesis is an export (x/nodes/types/genesis.go:13). */
const POS_EXPORTED = ['app_state', 'pos', 'exported'] as const;

/** Whether a (valid) genesis text is one of `export`'s: a top-level `pokt_ledger` member. */
function isExportedState(text: string): boolean {
  const parsed = JSON.parse(text) as Record<string, unknown>;
  return typeof parsed === 'object' && parsed !== null && Object.prototype.hasOwnProperty.call(parsed, 'pokt_ledger');
}

/**
 * The genesis was valid, the genesis with the simulator's accounts is not: most often because it
 * holds them already (exported from a chain simulated with this seed: a duplicate account). Named
 * as the user's file, not the scratch copy the problem was found in.
 */
function withSimAccountsProblem(file: string, seed: bigint, error: GenesisError): SimulationSetupError {
  const first = error.problems[0];
  const duplicate = error.problems.some((problem) => problem.message.includes('duplicate'));
  const hint = duplicate ? ': it already holds accounts of the simulator with this seed (a genesis exported from a simulated chain?) — use another --seed' : '';
  return new SimulationSetupError('sim_genesis_conflict', `${file} is a valid genesis, but not with the simulator's accounts (seed ${seed}) added: ${error.problems.length} problem(s); first: ${first?.path}: ${first?.message}${hint}`);
}

function checkExisting(options: SimSetupOptions): SimManifest {
  const manifest = readSimManifest(options.dataDir);
  if (manifest === undefined) {
    throw new SimulationSetupError('sim_not_a_simulation', `${options.dataDir} holds a chain the simulator did not create (no events/simulation.json); use a new data directory`);
  }
  const differ = (what: string, theirs: string, ours: string): never => {
    throw new SimulationSetupError('sim_settings_differ', `${options.dataDir} was simulated with ${what} ${theirs}, not ${ours}; use the same settings or a new data directory`);
  };
  if (manifest.seed !== options.seed.toString()) differ('seed', manifest.seed, options.seed.toString());
  if (options.profile !== undefined && manifest.profile !== options.profile) differ('profile', manifest.profile, options.profile);
  if (options.genesisFile !== undefined) {
    const sha = sha256Hex(readSourceGenesisText(options.genesisFile));
    if (sha !== manifest.source_genesis_sha256) differ('a genesis file of sha256', manifest.source_genesis_sha256, sha);
  }
  // The mainnet-shaped knobs as given (the other one the chain's): a continued chain keeps its
  // own, and a different one given was ignored without a word.
  if (options.shape !== undefined && manifest.shape !== undefined) {
    const wanted = mainnetShape({ scale: options.shape.scale ?? manifest.shape.scale, relayScale: options.shape.relayScale ?? manifest.shape.relay_scale });
    if (wanted.scale !== manifest.shape.scale) differ('scale', String(manifest.shape.scale), String(wanted.scale));
    if (wanted.relayScale !== manifest.shape.relay_scale) differ('relay scale', String(manifest.shape.relay_scale), String(wanted.relayScale));
  }
  if (options.workloads !== undefined) {
    const theirs = manifest.workloads.map((w) => w.name).join(',');
    if (options.workloads.join(',') !== theirs) differ('workloads', theirs, options.workloads.join(','));
  }
  for (const { name } of manifest.workloads) {
    if (findWorkload(name, options.registry) === undefined) throw new SimulationSetupError('sim_unknown_workload', `the chain uses workload ${name}, which this version does not have`);
  }
  return manifest;
}
