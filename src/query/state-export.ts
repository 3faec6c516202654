/**
 * `/v1/query/state` {height}: the state at a height as a genesis document, the shape pocket-core's
 * ExportState writes (app/pocket.go:156-186: a Tendermint GenesisDoc, chain id
 * "<Input New ChainID>", consensus params from BlockByteSize, app_state per module with
 * `exported: true`, then every key sorted by SortJSON), built from the ReadStore alone. Module
 * accounts are `posmint/ModuleAccount` with their name and their base account nested under
 * `BaseAccount`; signing infos and the prevState powers (address order) as amino writes them;
 * `missed_blocks` is `{}` and every signing info's `index_offset` "0", as ExportGenesis writes them
 * (x/nodes/genesis.go:133-137: the missed-blocks map is never filled, `info.Index = 0`) — unlike
 * `pokt-ledger export`, which keeps both so that an import continues the chain's root.
 */
import { formatOptionalTime } from '../core/time.js';
import { SORT_JSON_INDENT, sortedJsonText } from '../core/json.js';
import { PARAM_SPECS_BY_KEY } from '../params/registry.js';
import { MODULE_PERMISSIONS, moduleNameOf } from '../modules/auth/index.js';
import type { AccountRecord, ReadStore } from '../projection/read-store.js';
import { HttpError } from './http-error.js';
import { RawJson } from './route.js';
import { claimAminoJson, moduleParamsJson, signingInfoJson } from './pocket-json.js';
import * as S from './schemas.js';

async function everyAccount(store: ReadStore, height: number): Promise<AccountRecord[]> {
  const all: AccountRecord[] = [];
  for (let page = 1; ; page++) {
    const next = await store.accounts(height, { page, perPage: S.MAX_PER_PAGE });
    all.push(...next.items);
    if (next.items.length === 0 || all.length >= next.total) return all;
  }
}

function accountEntry(account: AccountRecord): unknown {
  const base = {
    address: account.address,
    // An account at zero (kept, as the ledger's exporter keeps it: genesis/export.ts) holds an empty
    // sdk.Coins: a coin of amount 0 is not a valid Coins (types/coin.go:201-209).
    coins: account.balanceUpokt === 0n ? [] : [{ amount: account.balanceUpokt.toString(), denom: 'upokt' }],
    public_key: account.publicKey === null ? null : { type: 'crypto/ed25519_public_key', value: account.publicKey },
  };
  const name = moduleNameOf(account.address);
  // ModuleAccount embeds *BaseAccount untagged (x/auth/types/account.go:313-317): amino writes it
  // as a field named by its Go name (go-amino v0.15.1 codec.go:505-511).
  return name === undefined ? { type: 'posmint/Account', value: base } : { type: 'posmint/ModuleAccount', value: { BaseAccount: base, name, permissions: MODULE_PERMISSIONS[name] } };
}

/** ValidatorSigningInfo in amino JSON (ExportGenesis, x/nodes/genesis.go:125-150): its int64 fields as decimal strings, the index offset reset to 0 (:137). */
function signingInfoAminoJson(info: Parameters<typeof signingInfoJson>[0]): Record<string, unknown> {
  const json = signingInfoJson(info);
  for (const field of ['start_height', 'missed_blocks_counter', 'jailed_blocks_counter']) json[field] = String(json[field]);
  json['index_offset'] = '0';
  return json;
}

/**
 * auth's supply as ExportGenesis writes it: the supply keeper's total as sdk.Coins
 * (x/auth/genesis.go:13-16) — one upokt coin, none when zero (an empty Coins). Example: a total of
 * 650,000,000,000,000 → [{"denom":"upokt","amount":"650000000000000"}].
 */
const totalSupplyCoins = (total: string): Array<{ denom: string; amount: string }> => (total === '0' ? [] : [{ denom: 'upokt', amount: total }]);

/**
 * gov's params as pocket-core's ExportGenesis writes them, the ACL as its state holds it
 * (x/gov/keeper/genesis.go:33-34): the entries of params it has stored at that height — those
 * listed here, so a feature-introduced key once its feature is active (x/gov/module.go:170-200),
 * not the ledger's own policy params, which pocket-core does not have. Unlike `pokt-ledger export`,
 * which writes only what pocket-core's InitGenesis accepts (genesis/pocket-core-acl.ts): this is
 * pocket-core's answer, loadable or not, as its `missed_blocks: {}` is.
 */
function govParamsJson(params: Parameters<typeof moduleParamsJson>[0]): Record<string, unknown> {
  const gov = moduleParamsJson(params, 'gov');
  const stored = new Set(Object.values(params).flat().map((param: { param_key: string }) => param.param_key).filter((key) => PARAM_SPECS_BY_KEY.get(key)?.ledgerExtension !== true));
  const acl = gov['acl'];
  if (Array.isArray(acl)) gov['acl'] = acl.filter((entry: { acl_key: string }) => stored.has(entry.acl_key));
  return gov;
}

/**
 * The document as text, as SortJSON writes it (core/json.ts `sortedJsonText`): keys in Go's order,
 * four spaces a level (app/util.go:104), no newline after it — State writes ExportState's string
 * as is (app/cmd/rpc/query.go:1019-1024, WriteRaw app/cmd/rpc/server.go:160-167).
 */
export async function exportState(store: ReadStore, height: number): Promise<RawJson> {
  const [block, params, nodes, apps, signingInfos, validatorSet, claims, supply, accounts] = await Promise.all([
    store.block(height),
    store.allParams(height),
    store.nodes(height),
    store.apps(height),
    store.signingInfos(height),
    store.validatorSet(height),
    store.claims(height),
    store.supply(height),
    everyAccount(store, height),
  ]);
  if (supply === undefined) throw new HttpError(500, 'projection_row_missing', `no supply row at height ${height}`);
  const pocket = moduleParamsJson(params, 'pocketcore');
  const totalPower = validatorSet.reduce((sum, member) => sum + member.power, 0n);
  // The prevState powers by their store key, prefix ‖ address (x/nodes/keeper/valPrevState.go:37-50); a nil slice (null) when none.
  const powers = [...validatorSet].sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0)).map((member) => ({ Address: member.address, Power: member.power.toString() }));
  return new RawJson(sortedJsonText({
    // GenesisDoc.GenesisTime is left unset (app/pocket.go:163-184): Go's zero time.
    genesis_time: formatOptionalTime(null),
    chain_id: '<Input New ChainID>',
    // max_bytes is the keeper's BlockByteSize (app/pocket.go:172): 0 while feature BLOCK is inactive,
    // when no value is stored yet (x/pocketcore/module.go:106-113; Subspace.Get leaves 0, types/param.go:107-125)
    // — a file Tendermint would refuse (types/params.go:102-105), as pocket-core's. `pokt-ledger export`
    // writes the same 0 (genesis/export.ts), beside the limit in its own section.
    consensus_params: { block: { max_bytes: String(pocket['block_byte_size'] ?? '0'), max_gas: '-1', time_iota_ms: '1' }, evidence: { max_age: '1000000' }, validator: { pub_key_types: ['ed25519'] } },
    app_hash: '',
    app_state: {
      application: { params: moduleParamsJson(params, 'application'), applications: apps, exported: true },
      auth: { params: moduleParamsJson(params, 'auth'), accounts: accounts.map(accountEntry), supply: totalSupplyCoins(supply.total) },
      gov: { params: govParamsJson(params), DAO_Tokens: supply.dao },
      pos: {
        params: moduleParamsJson(params, 'pos'),
        prevState_total_power: totalPower.toString(),
        prevState_validator_powers: powers.length === 0 ? null : powers,
        validators: nodes,
        exported: true,
        signing_infos: Object.fromEntries(signingInfos.map((info) => [info.address, signingInfoAminoJson(info)])),
        missed_blocks: {},
        previous_proposer: block?.proposer ?? '',
      },
      pocketcore: { params: pocket, claims: claims.length === 0 ? null : claims.map(claimAminoJson) },
    },
  }, SORT_JSON_INDENT));
}
