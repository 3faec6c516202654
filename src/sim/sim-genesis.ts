/**
 * The simulator's genesis: the given genesis file plus the simulator's own keys.
 *
 * `simulate --genesis FILE` never changes FILE. It writes an AUGMENTED copy, and that copy is
 * what the data directory is created from (so `<data>/events/genesis.json` is the augmented
 * genesis, and replaying the data dir needs nothing but the data dir):
 *   - every workload gets `count` accounts (keys derived from the seed, role "w:<workload>"),
 *     each funded with `account_balance_upokt`, public key included;
 *   - `validators` staked, unjailed validators (role "validator") with `validator_stake_upokt`,
 *     chains = the first two supported chains, so the simulator holds keys in the validator set;
 *   - `apps` staked applications (role "app") with `app_stake_upokt`;
 *   - the profile's parameter overrides (profiles.ts);
 *   - a declared auth supply, if the genesis has one, grows by the funded balances (stakes are
 *     minted by their own modules at import, as for any genesis).
 * The manifest (`<data>/events/simulation.json`) records the seed and these settings, so a later
 * `simulate` on the same data dir continues the chain with the same keys.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isLosslessNumber, parse as parseLossless, stringify as stringifyLossless } from 'lossless-json';
import { blockLogDir } from '../log/index.js';
import { DataDirError } from '../runtime/data-dir.js';
import { SIM_PROFILES } from './profiles.js';
import { deriveSimKeys } from './sim-keys.js';
import { augmentMainnetShaped } from './mainnet/genesis.js';
import { DEFAULT_RELAY_SCALE, mainnetShape } from './mainnet/shape.js';
import { assignGovernanceOwner } from './workloads/governance.js';
import type { SimKey, SimProfileName } from './workload.js';

export const SIM_MANIFEST_FORMAT = 'pokt-ledger-simulation';
export const SIM_MANIFEST_VERSION = 1;

export interface SimManifest {
  readonly format: typeof SIM_MANIFEST_FORMAT;
  readonly version: typeof SIM_MANIFEST_VERSION;
  /** The simulation seed, decimal (a u64). */
  readonly seed: string;
  readonly profile: SimProfileName;
  /** The mainnet-shaped profile's knobs (src/sim/mainnet/shape.ts); absent for other profiles. */
  readonly shape?: { readonly scale: number; readonly relay_scale: number };
  /** Funded accounts per workload, in the order the workloads run. */
  readonly workloads: ReadonlyArray<{ readonly name: string; readonly accounts: number }>;
  readonly validators: number;
  readonly apps: number;
  readonly account_balance_upokt: string;
  readonly validator_stake_upokt: string;
  readonly app_stake_upokt: string;
  /** SHA-256 of the genesis file the augmented one was made from. */
  readonly source_genesis_sha256: string;
}

export interface SimKeySets {
  readonly byWorkload: ReadonlyMap<string, readonly SimKey[]>;
  readonly validators: readonly SimKey[];
  readonly apps: readonly SimKey[];
}

export function simKeySets(manifest: SimManifest): SimKeySets {
  const seed = BigInt(manifest.seed);
  return {
    byWorkload: new Map(manifest.workloads.map(({ name, accounts }) => [name, deriveSimKeys(seed, `w:${name}`, accounts)])),
    validators: deriveSimKeys(seed, 'validator', manifest.validators),
    apps: deriveSimKeys(seed, 'app', manifest.apps),
  };
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const ZERO_TIME = '0001-01-01T00:00:00Z';

export type Json = Record<string, unknown>;

export function objectAt(root: Json, ...path: string[]): Json {
  let node: unknown = root;
  for (const name of path) {
    const next = (node as Json)[name];
    if (typeof next !== 'object' || next === null || Array.isArray(next) || isLosslessNumber(next)) {
      throw new Error(`genesis has no object at ${path.join('.')}`);
    }
    node = next;
  }
  return node as Json;
}

export function listAt(object: Json, name: string): unknown[] {
  const value = object[name];
  if (value === undefined || value === null) {
    object[name] = [];
    return object[name] as unknown[];
  }
  if (!Array.isArray(value)) throw new Error(`genesis field ${name} is not a list`);
  return value;
}

export function accountEntry(key: SimKey, balanceUpokt: bigint): Json {
  return {
    type: 'posmint/Account',
    value: { address: key.address, coins: [{ denom: 'upokt', amount: balanceUpokt.toString() }], public_key: { type: 'crypto/ed25519_public_key', value: key.publicKey } },
  };
}

/** The augmented genesis JSON text (see the file header). Throws on a genesis it cannot extend. */
export function augmentGenesis(sourceText: string, manifest: SimManifest): string {
  const genesis = parseLossless(sourceText) as Json;
  const appState = objectAt(genesis, 'app_state');
  const keys = simKeySets(manifest);
  const balance = BigInt(manifest.account_balance_upokt);

  const auth = objectAt(appState, 'auth');
  const accounts = listAt(auth, 'accounts');
  let added = 0n;
  for (const list of keys.byWorkload.values()) {
    for (const key of list) {
      accounts.push(accountEntry(key, balance));
      added += balance;
    }
  }
  bumpDeclaredSupply(auth, added);

  const chains = supportedChains(appState).slice(0, 2);
  const pos = objectAt(appState, 'pos');
  const validators = listAt(pos, 'validators');
  keys.validators.forEach((key, i) => {
    validators.push({
      address: key.address,
      public_key: key.publicKey,
      jailed: false,
      status: 2,
      tokens: manifest.validator_stake_upokt,
      service_url: `https://sim-node-${i}.example.com:443`,
      chains,
      unstaking_time: ZERO_TIME,
    });
  });
  const application = objectAt(appState, 'application');
  const apps = listAt(application, 'applications');
  for (const key of keys.apps) {
    apps.push({ address: key.address, public_key: key.publicKey, jailed: false, status: 2, chains, staked_tokens: manifest.app_stake_upokt, unstaking_time: ZERO_TIME });
  }
  // The governance workload's first key owns the DAO and every ACL entry (its owner paths run).
  const governanceOwner = keys.byWorkload.get('governance')?.[0];
  if (governanceOwner !== undefined) assignGovernanceOwner(appState, governanceOwner.address);
  for (const [module, overrides] of Object.entries(SIM_PROFILES[manifest.profile].params)) {
    Object.assign(objectAt(appState, module, 'params'), overrides);
  }
  if (manifest.profile === 'mainnet-shaped') {
    augmentMainnetShaped(appState, BigInt(manifest.seed), mainnetShape({ scale: manifest.shape?.scale ?? 1, relayScale: manifest.shape?.relay_scale ?? DEFAULT_RELAY_SCALE }));
  }
  return stringifyLossless(genesis, null, 1) + '\n';
}

function supportedChains(appState: Json): string[] {
  const chains = objectAt(appState, 'pocketcore', 'params')['supported_blockchains'];
  const list = Array.isArray(chains) ? chains.filter((c): c is string => typeof c === 'string') : [];
  return list.length > 0 ? list : ['0001'];
}

export function bumpDeclaredSupply(auth: Json, addedUpokt: bigint): void {
  const supply = auth['supply'];
  if (!Array.isArray(supply) || supply.length === 0) return; // computed from the accounts at import
  const coin = supply.find((c): c is Json => typeof c === 'object' && c !== null && (c as Json)['denom'] === 'upokt');
  if (coin === undefined) supply.push({ denom: 'upokt', amount: addedUpokt.toString() });
  else coin['amount'] = (BigInt(String(coin['amount'])) + addedUpokt).toString();
}

export function simManifestPath(dataDir: string): string {
  return join(blockLogDir(dataDir), 'simulation.json');
}

export function readSimManifest(dataDir: string): SimManifest | undefined {
  const file = simManifestPath(dataDir);
  if (!existsSync(file)) return undefined;
  // The chain itself does not need this file; only simulating more blocks on it does.
  const damaged = (why: string): DataDirError =>
    new DataDirError(
      'data_dir_invalid',
      `${file} ${why}: it holds the simulator's settings (seed, profile, workloads) for this chain; restore it from a backup, or simulate into another data directory (the chain itself still opens: node, replay, query)`,
      { file },
    );
  let manifest: SimManifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as SimManifest;
  } catch (error) {
    throw damaged(`is damaged (${error instanceof Error ? error.message : String(error)})`);
  }
  if (manifest === null || manifest.format !== SIM_MANIFEST_FORMAT || manifest.version !== SIM_MANIFEST_VERSION) throw damaged('is not a simulation manifest this version reads');
  return manifest;
}

/** The manifest file's content (written by init together with the chain: initDataDir `files`). */
export function simManifestText(manifest: SimManifest): string {
  return JSON.stringify(manifest, null, 2) + '\n';
}
