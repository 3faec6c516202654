/**
 * The state at a height as a pocket-core genesis in the shape `pocket util
 * export-genesis-for-reset` writes (x/*\/genesis.go ExportGenesis): `exported: true`, every
 * account with its coins (module accounts as `posmint/ModuleAccount` with name and permissions),
 * the total supply, validators, signing infos, missed blocks (each address's set bits as
 * `{index, missed: true}` entries), the previous
 * state's validator powers (in address order) and total power, the previous proposer,
 * applications, outstanding claims, every module's params and the DAO tokens. Module accounts
 * nest their base account under `BaseAccount`, and the file has every object's keys in Go's
 * sorted order (`exportedStateText`), as pocket-core writes them (amino JSON, then SortJSON).
 *
 * What pocket-core's shape cannot carry, and the round trip needs (import at H must give the
 * exporting ledger's state root at H, and the same next blocks), goes into one extra top-level
 * section `pokt_ledger` that pocket-core ignores (it reads only what its types name):
 *   - `height`, `block_hash` (of H: block H + 1 names it), `last_block_time`, `state_root`;
 *   - every table the pocket-core sections do not express, entry by entry in its canonical
 *     encoding: `chain/block_hashes` (sessions and proof seeds read earlier block hashes),
 *     `pocketcore/settled_claims` (a settled session cannot be claimed twice),
 *     `pocketcore/history_floor`, `pos/waiting_validators`, `auth/tx_index` and
 *     `auth/replay_index` (duplicate and replay protection), `chain/committed_evidence` (a
 *     double sign a block committed is not committed again);
 *   - the retained per-height history of the history tables (validators, apps, params and the
 *     validator set "as of" a session start);
 *   - each claim's submission height (pocket-core's MsgClaim does not record it);
 *   - `block_max_bytes`, where the pocket-core section's max_bytes is 0 (BlockByteSize not
 *     stored at H: BLOCK off since genesis, or switched on without its hook): the block limit the chain continues with (exportedBlockLimit);
 *   - `acl`: the whole ACL — `gov.params.acl` lists only the entries pocket-core's gov
 *     InitGenesis accepts (pocket-core-acl.ts: not the ledger's own params, not the six a
 *     feature introduces).
 * Deviations from pocket-core's exporter, each so that the import reproduces the state:
 * `index_offset` is written as it is (pocket-core zeroes it), the missed bits are written
 * (pocket-core always writes `missed_blocks: {}`, x/nodes/genesis.go:134-150 — its import then
 * starts with no stale bits; ours keeps them, slashing/state.ts), zero-balance accounts are kept
 * (pocket-core drops them; the root covers their public keys), `genesis_time` is the chain's
 * genesis time (pocket-core leaves it Go's zero time, app/pocket.go:163-184; the root covers the
 * chain's genesis time), and `initial_height` (not a field of Tendermint 0.32's GenesisDoc,
 * types/genesis.go:38-45 at 59310158d3e9; pocket-core ignores it) says where the chain continues: H + 1.
 */
import { bytesToHex } from '../core/hex.js';
import { JsonSequence, materialized, SORT_JSON_INDENT, sortedJsonChunks, sortedJsonText } from '../core/json.js';
import { formatOptionalTime, formatRfc3339Ns } from '../core/time.js';
import { consensusBlockMaxBytes, keeperBlockByteSize } from '../chain/consensus-params.js';
import type { LedgerState } from '../chain/ledger-state.js';
import { paramValueToJson, type AclEntry } from '../params/kinds.js';
import { PARAM_SPECS, PARAM_SPECS_BY_KEY, SUBSPACES } from '../params/registry.js';
import { CHAIN_META_KEY, heightKey } from '../state/chain-tables.js';
import { moduleNameOf, MODULE_NAMES, MODULE_PERMISSIONS, TOTAL_SUPPLY_KEY } from '../modules/auth/index.js';
import { VALIDATOR_SET_KEY } from '../modules/nodes/index.js';
import { pocketCoreAcl } from './pocket-core-acl.js';
import { SUPPORTED_PUB_KEY_TYPES } from './types.js';

export const EXPORT_EXTENSION_FORMAT = 'pokt-ledger-export';

/** Tables the pocket-core sections carry (everything else goes to `pokt_ledger.tables`). */
export const POCKET_SHAPED_TABLES: ReadonlySet<string> = new Set([
  'auth/accounts',
  'auth/supply',
  'pos/validators',
  'pos/validator_set',
  'pos/signing_info',
  'pos/missed_blocks',
  'application/applications',
  'gov/params',
  'pocketcore/claims',
  'chain/meta',
  // consensus_params.block.max_bytes (written from BlockByteSize, as pocket-core does; 0 → pokt_ledger.block_max_bytes)
  'chain/consensus',
]);

const coins = (amount: bigint): Array<{ denom: string; amount: string }> => (amount === 0n ? [] : [{ denom: 'upokt', amount: amount.toString() }]);

/** The exported state as a plain tree (every list an array): what tests and the import benchmark read. */
export function exportState(state: LedgerState): Record<string, unknown> {
  return materialized(exportedDocument(state)) as Record<string, unknown>;
}

/**
 * The exported state with its long lists (accounts, validators, applications, claims, the
 * `pokt_ledger` tables and versions) as JsonSequence: each item built only when it is written
 * (exportedStateChunks), so writing a mainnet-sized state holds one item of them at a time.
 * PERF: `export` of 300,935 accounts held the whole tree and every piece of its text at once
 * (docs/history.md, "After the import, at mainnet's size").
 */
export function exportedDocument(state: LedgerState): Record<string, unknown> {
  const meta = state.chain.meta.get(CHAIN_META_KEY)!;
  const params = exportParams(state);
  const set = state.nodes.validatorSet.get(VALIDATOR_SET_KEY) ?? [];
  return {
    genesis_time: formatRfc3339Ns(meta.genesisTimeNs),
    chain_id: meta.chainId,
    initial_height: String(meta.height + 1),
    consensus_params: exportConsensusParams(state),
    app_hash: '',
    app_state: {
      application: { params: params['application'], applications: exportApplications(state), exported: true },
      auth: { params: params['auth'], accounts: exportAccounts(state), supply: coins(state.auth.supply.get(TOTAL_SUPPLY_KEY) ?? 0n) },
      gov: { params: params['gov'], DAO_Tokens: state.auth.accounts.get(moduleAddressOf(MODULE_NAMES.dao, state))?.balanceUpokt.toString() ?? '0' },
      pocketcore: { params: params['pocketcore'], claims: exportClaims(state) },
      pos: {
        params: params['pos'],
        prevState_total_power: set.reduce((sum, entry) => sum + entry.power, 0n).toString(),
        prevState_validator_powers: exportPrevStatePowers(set),
        validators: exportValidators(state),
        exported: true,
        signing_infos: exportSigningInfos(state),
        missed_blocks: exportMissedBlocks(state),
        previous_proposer: meta.lastProposer ?? '',
      },
    },
    pokt_ledger: exportExtension(state),
  };
}

/**
 * The exported state as the file `export` writes: every object's keys in Go's order (integer-like
 * ones too), as pocket-core writes the file — ExportState passes the amino JSON through SortJSON
 * (app/pocket.go:187; app/util.go:98-109), an encoding/json round trip through
 * map[string]interface{}, which writes map keys sorted by their bytes (core/json.ts
 * `sortedJsonText`); arrays keep their order. Laid out as SortJSON's json.MarshalIndent(c, "",
 * "    ") lays it out (app/util.go:104): four spaces a level; one newline after it, as
 * export-genesis-for-reset prints it (fmt.Println, app/cmd/cli/util.go:138).
 */
export function exportedStateText(exported: Record<string, unknown>): string {
  return sortedJsonText(exported, SORT_JSON_INDENT) + '\n';
}

/**
 * exportedStateText's UTF-8 bytes in chunks of ~64 KB, each made when it is taken (`export`
 * writes them as they come), never one string: a long chain's export passes V8's longest string
 * (512 MiB). No chunk ends inside a character (core/json.ts sortedJsonChunks).
 */
export function* exportedStateChunks(exported: Record<string, unknown>): Generator<Buffer> {
  for (const chunk of sortedJsonChunks(exported, SORT_JSON_INDENT, '\n')) yield Buffer.from(chunk, 'utf8');
}

/**
 * pocket-core iterates the prevState powers by their store key, prefix ‖ address
 * (x/nodes/keeper/valPrevState.go:37-50, x/nodes/types/keys.go:69-71): address order, not the
 * set's power order (parse-exported.ts puts them back in the set's order). Nil when the set is
 * empty: amino writes a nil slice as null.
 */
function exportPrevStatePowers(set: ReadonlyArray<{ readonly address: string; readonly power: bigint }>): unknown[] | null {
  if (set.length === 0) return null;
  return [...set].sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0)).map((entry) => ({ Address: entry.address, Power: entry.power.toString() }));
}

/**
 * As pocket-core's ExportState writes them (app/pocket.go:168-185): max_bytes is BlockByteSize as
 * the keeper reads it at H (app/pocket.go:172; governance may have changed it since genesis) — not
 * the block limit the chain had reached (chain/consensus-params.ts), which a change below
 * 4,000,000 leaves elsewhere; a chain started from the file takes the file's value, in
 * pocket-core as at our import —, evidence max_age its constant 1000000. The first genesis's
 * values would only be stale. While BlockByteSize is not stored at H the keeper reads 0 (nothing
 * stores it before BLOCK's hook or a ParamChange: chain/consensus-params.ts keeperBlockByteSize),
 * so max_bytes is "0", a file Tendermint refuses (types/params.go:102-105); `pokt_ledger` then
 * carries the limit (exportedBlockLimit).
 */
function exportConsensusParams(state: LedgerState): Record<string, unknown> {
  return {
    block: { max_bytes: keeperBlockByteSize(state).toString(), max_gas: '-1', time_iota_ms: '1' },
    evidence: { max_age: POCKET_EXPORT_EVIDENCE_MAX_AGE },
    validator: { pub_key_types: [...SUPPORTED_PUB_KEY_TYPES] },
  };
}

const POCKET_EXPORT_EVIDENCE_MAX_AGE = '1000000';

/**
 * `pokt_ledger.block_max_bytes`, only where consensus_params.block.max_bytes is 0 (BlockByteSize
 * not stored at H): the Block.MaxBytes the exporting chain's next block is held to — the genesis doc's, as
 * nothing is handed over while the keeper reads 0 —, which the import continues with
 * (parse.ts readBlockMaxBytes), since Tendermint could not start from 0.
 */
function exportedBlockLimit(state: LedgerState): Record<string, string> {
  return keeperBlockByteSize(state) === 0n ? { block_max_bytes: consensusBlockMaxBytes(state).toString() } : {};
}

function moduleAddressOf(name: string, state: LedgerState): string {
  for (const address of state.auth.accounts.unorderedKeys()) if (moduleNameOf(address) === name) return address;
  return '';
}

/**
 * Every param in its module's section (pocket-core's amino ignores the fields it does not know,
 * go-amino v0.15.1 json-decode.go:372-406, and skips the feature-gated ones at genesis,
 * types/param.go:306-313); the ACL only with the entries pocket-core accepts (pocket-core-acl.ts),
 * the whole of it going to `pokt_ledger.acl`.
 */
function exportParams(state: LedgerState): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = Object.fromEntries(SUBSPACES.map((subspace) => [subspace, {}]));
  for (const spec of PARAM_SPECS) {
    const stored = state.gov.params.get(spec.key);
    if (stored === undefined) continue;
    const value = spec.key === ACL_KEY ? pocketCoreAcl(stored.value as readonly AclEntry[]) : stored.value;
    out[spec.subspace]![spec.json] = paramValueToJson(PARAM_SPECS_BY_KEY.get(spec.key)!.kind, value);
  }
  return out;
}

const ACL_KEY = 'gov/acl';

/** Each account's object is made as it is written, keys in Go's order (the writer then need not sort them). */
function exportAccounts(state: LedgerState): JsonSequence {
  return new JsonSequence(function* () {
    for (const [address, account] of state.auth.accounts.sortedEntries()) {
      const module = moduleNameOf(address);
      const base = { address, coins: coins(account.balanceUpokt), public_key: account.publicKey === null ? null : { type: 'crypto/ed25519_public_key', value: account.publicKey } };
      if (module === undefined) yield { type: 'posmint/Account', value: base };
      // ModuleAccount embeds *BaseAccount without a JSON tag (x/auth/types/account.go:313-317): amino
      // writes it as a field named by its Go name, "BaseAccount" (go-amino v0.15.1 codec.go:505-511).
      else yield { type: 'posmint/ModuleAccount', value: { BaseAccount: { ...base, public_key: null }, name: module, permissions: MODULE_PERMISSIONS[module] } };
    }
  });
}

/** `table`'s entries in key order, each as `item` makes it when it is written. */
function sequenceOf<V>(table: { sortedEntries(): Iterable<[string, V]> }, item: (value: V, key: string) => unknown): JsonSequence {
  return new JsonSequence(function* () {
    for (const [key, value] of table.sortedEntries()) yield item(value, key);
  });
}

function exportValidators(state: LedgerState): JsonSequence {
  return sequenceOf(state.nodes.validators, (v) => ({
    address: v.address,
    chains: [...v.chains],
    jailed: v.jailed,
    output_address: v.outputAddress ?? '',
    public_key: v.publicKey,
    reward_delegators: v.rewardDelegators,
    service_url: v.serviceUrl,
    status: v.status,
    tokens: v.tokensUpokt.toString(),
    unstaking_time: formatOptionalTime(v.unstakingTimeNs),
  }));
}

function exportApplications(state: LedgerState): JsonSequence {
  return sequenceOf(state.apps.applications, (a) => ({
    address: a.address,
    chains: [...a.chains],
    jailed: a.jailed,
    max_relays: a.maxRelays.toString(),
    public_key: a.publicKey,
    staked_tokens: a.stakedTokensUpokt.toString(),
    status: a.status,
    unstaking_time: formatOptionalTime(a.unstakingTimeNs),
  }));
}

function exportSigningInfos(state: LedgerState): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [address, info] of state.slashing.signingInfos.sortedEntries()) {
    out[address] = {
      address: info.address,
      start_height: String(info.startHeight),
      index_offset: String(info.indexOffset),
      jailed_until: formatOptionalTime(info.jailedUntilNs),
      missed_blocks_counter: String(info.missedBlocksCounter),
      jailed_blocks_counter: String(info.jailedBlocksCounter),
    };
  }
  return out;
}

function exportMissedBlocks(state: LedgerState): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [address, bits] of state.slashing.missedBlocks.sortedEntries()) out[address] = bits.indices.map((index) => ({ index: String(index), missed: true }));
  return out;
}

function exportClaims(state: LedgerState): JsonSequence | null {
  if (state.pocketcore.claims.size === 0) return null;
  return sequenceOf(state.pocketcore.claims, (c) => ({
    // EvidenceType is a Go int: amino JSON writes it as a string, as every int64 (evidence.go:215).
    evidence_type: String(c.evidenceType),
    expiration_height: String(c.expirationHeight),
    from_address: c.servicer,
    header: { app_public_key: c.header.appPublicKey, chain: c.header.chain, session_height: String(c.header.sessionHeight) },
    merkle_root: { merkleHash: Buffer.from(c.merkleRoot.hashHex, 'hex').toString('base64'), range: { lower: c.merkleRoot.lower.toString(), upper: c.merkleRoot.upper.toString() } },
    total_proofs: c.totalProofs.toString(),
  }));
}

function exportExtension(state: LedgerState): Record<string, unknown> {
  const meta = state.chain.meta.get(CHAIN_META_KEY)!;
  const tables: Record<string, JsonSequence> = {};
  const versions: Record<string, JsonSequence> = {};
  for (const table of state.store.tables()) {
    if (!POCKET_SHAPED_TABLES.has(table.name)) tables[table.name] = sequenceOf(table, (value, key) => [key, table.spec.encode(value)]);
    if (table.spec.history !== true) continue;
    versions[table.name] = new JsonSequence(function* () {
      for (const key of [...table.versions.keys()].sort()) {
        const { heights, values } = table.versions.get(key)!;
        yield [key, heights.map((h, i): [number, string | null] => [h, values[i] === undefined ? null : table.spec.encode(values[i])])];
      }
    });
  }
  return {
    format: EXPORT_EXTENSION_FORMAT,
    version: 1,
    height: meta.height,
    block_hash: state.chain.blockHashes.get(heightKey(meta.height)) ?? null,
    last_block_time: meta.lastBlockTimeNs.toString(),
    state_root: bytesToHex(state.store.root),
    // The whole ACL in its order (the pocket-core section leaves out what pocket-core refuses: pocket-core-acl.ts).
    acl: paramValueToJson('acl', state.gov.params.get(ACL_KEY)!.value),
    claim_submitted_heights: Object.fromEntries([...state.pocketcore.claims.sortedEntries()].map(([key, c]) => [key, c.submittedHeight])),
    ...exportedBlockLimit(state),
    tables,
    versions,
  };
}
