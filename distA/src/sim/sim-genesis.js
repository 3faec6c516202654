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
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isLosslessNumber, parse as parseLossless, stringify as stringifyLossless } from 'lossless-json';
import { blockLogDir } from '../log/index.js';
import { SIM_PROFILES } from './profiles.js';
import { deriveSimKeys } from './sim-keys.js';
import { augmentMainnetShaped } from './mainnet/genesis.js';
import { DEFAULT_RELAY_SCALE, mainnetShape } from './mainnet/shape.js';
import { assignGovernanceOwner } from './workloads/governance.js';
export const SIM_MANIFEST_FORMAT = 'pokt-ledger-simulation';
export const SIM_MANIFEST_VERSION = 1;
export function simKeySets(manifest) {
    const seed = BigInt(manifest.seed);
    return {
        byWorkload: new Map(manifest.workloads.map(({ name, accounts }) => [name, deriveSimKeys(seed, `w:${name}`, accounts)])),
        validators: deriveSimKeys(seed, 'validator', manifest.validators),
        apps: deriveSimKeys(seed, 'app', manifest.apps),
    };
}
export function sha256Hex(bytes) {
    return createHash('sha256').update(bytes).digest('hex');
}
const ZERO_TIME = '0001-01-01T00:00:00Z';
export function objectAt(root, ...path) {
    let node = root;
    for (const name of path) {
        const next = node[name];
        if (typeof next !== 'object' || next === null || Array.isArray(next) || isLosslessNumber(next)) {
            throw new Error(`genesis has no object at ${path.join('.')}`);
        }
        node = next;
    }
    return node;
}
export function listAt(object, name) {
    const value = object[name];
    if (value === undefined || value === null) {
        object[name] = [];
        return object[name];
    }
    if (!Array.isArray(value))
        throw new Error(`genesis field ${name} is not a list`);
    return value;
}
export function accountEntry(key, balanceUpokt) {
    return {
        type: 'posmint/Account',
        value: { address: key.address, coins: [{ denom: 'upokt', amount: balanceUpokt.toString() }], public_key: { type: 'crypto/ed25519_public_key', value: key.publicKey } },
    };
}
/** The augmented genesis JSON text (see the file header). Throws on a genesis it cannot extend. */
export function augmentGenesis(sourceText, manifest) {
    const genesis = parseLossless(sourceText);
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
    if (governanceOwner !== undefined)
        assignGovernanceOwner(appState, governanceOwner.address);
    for (const [module, overrides] of Object.entries(SIM_PROFILES[manifest.profile].params)) {
        Object.assign(objectAt(appState, module, 'params'), overrides);
    }
    if (manifest.profile === 'mainnet-shaped') {
        augmentMainnetShaped(appState, BigInt(manifest.seed), mainnetShape({ scale: manifest.shape?.scale ?? 1, relayScale: manifest.shape?.relay_scale ?? DEFAULT_RELAY_SCALE }));
    }
    return stringifyLossless(genesis, null, 1) + '\n';
}
function supportedChains(appState) {
    const chains = objectAt(appState, 'pocketcore', 'params')['supported_blockchains'];
    const list = Array.isArray(chains) ? chains.filter((c) => typeof c === 'string') : [];
    return list.length > 0 ? list : ['0001'];
}
export function bumpDeclaredSupply(auth, addedUpokt) {
    const supply = auth['supply'];
    if (!Array.isArray(supply) || supply.length === 0)
        return; // computed from the accounts at import
    const coin = supply.find((c) => typeof c === 'object' && c !== null && c['denom'] === 'upokt');
    if (coin === undefined)
        supply.push({ denom: 'upokt', amount: addedUpokt.toString() });
    else
        coin['amount'] = (BigInt(String(coin['amount'])) + addedUpokt).toString();
}
export function simManifestPath(dataDir) {
    return join(blockLogDir(dataDir), 'simulation.json');
}
export function readSimManifest(dataDir) {
    const file = simManifestPath(dataDir);
    if (!existsSync(file))
        return undefined;
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    if (manifest.format !== SIM_MANIFEST_FORMAT || manifest.version !== SIM_MANIFEST_VERSION)
        throw new Error(`${file} is not a simulation manifest this version reads`);
    return manifest;
}
export function writeSimManifest(dataDir, manifest) {
    writeFileSync(simManifestPath(dataDir), JSON.stringify(manifest, null, 2) + '\n');
}
//# sourceMappingURL=sim-genesis.js.map