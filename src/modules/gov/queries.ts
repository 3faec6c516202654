/**
 * Parameter queries in pocket-core's shapes (app/query.go:368-444; PROTOCOL §10.1):
 * `/v1/query/allparams` → {app_params, node_params, pocket_params, gov_params, auth_params}, each
 * a list of {param_key, param_value}; `/v1/query/param` → one {param_key, param_value}.
 *
 * param_value is the amino JSON of the value, with one JSON string level removed as pocket-core
 * does (strconv.Unquote): "15", "0.600000000000000000", "upokt", "false", but JSON text for
 * lists and structs — the ACL and the upgrade in their amino {"type","value"} wrapping:
 *   {"type":"gov/non_map_acl","value":[{"acl_key":…,"address":…},…]}
 *   {"type":"gov/upgrade","value":{"Height":"57616","Version":"0.8.2",…}}
 *   {"fee_multiplier":null,"default":"1"}     ["0001","0021"]
 * pocket-core lists keys in Go map order (random); we list them sorted by key.
 *
 * Which keys appear: every registered parameter, except a feature-gated one (BlockByteSize
 * [BLOCK], RelaysToTokensMultiplierMap [PerChainRTTM], the four PIP-22 params [RSCAL]) that
 * pocket-core's store does not hold while its feature is off at that height. pocket-core lists
 * exactly the keys its store holds (x/gov/keeper/subspace.go:71-80 over types/param.go:128-140):
 * a gated key is stored at genesis if its feature is on, by a hook, a ParamChange, or another
 * hook's SetParams (./state.ts unstoredParamsTable, ./activation.ts), and never deleted — so a
 * key stored and then switched off is still listed. With every feature active from genesis (the
 * default) they all appear, as do the ledger's own policy params (pos/FeeBurnPercentage,
 * application/ApplicationBurnRate, PROTOCOL §14).
 *
 * The ledger's one addition: a feature an upgrade switched on at a past height (no hook, its
 * keys unstored; pocket-core never lists them) has its keys listed while it is on — the values
 * the ledger reads for them (./activation.ts activatedWithoutHook; docs/protocol-choices.md).
 * "On at h" means under the upgrade block h began with as well as the one it ended with: an
 * upgrade delivered in block h (a ParamChange of gov/upgrade, which the features table reads from
 * h + 1, or a MsgUpgrade) lists what it switched on from h + 1, as a hook stores a gated key only
 * in BeginBlock of h == H (x/nodes/module.go:127-142, x/pocketcore/module.go:106-113;
 * codec/codec.go:321-324) — never in the upgrade's own block.
 * Example: RSCAL at 1000, block 5 sets gov/upgrade to "RSCAL:5" → allparams at 5 has no
 * pos/ServicerStakeFloorMultiplier; at 6 it lists it. RSCAL's hook ran at 6, block 9 moves it to
 * 1000 → still listed at 10 (stored).
 */
import { paramValueToJson, type ParamValue, type Upgrade } from '../../params/kinds.js';
import { paramValueOf, type Params } from '../../params/params.js';
import { PARAM_SPECS, type ParamSpec, type Subspace } from '../../params/registry.js';
import type { ReadonlyTable } from '../../state/table.js';
import { inactiveFeatures, PARAM_FEATURE, type FeatureSet } from './features.js';
import type { StoredParam } from './state.js';
import type { FeatureKey } from '../../core/features.js';

export interface SingleParam {
  readonly param_key: string;
  readonly param_value: string;
}

export interface AllParams {
  readonly app_params: SingleParam[];
  readonly node_params: SingleParam[];
  readonly pocket_params: SingleParam[];
  readonly gov_params: SingleParam[];
  readonly auth_params: SingleParam[];
}

const GROUP: Record<Subspace, keyof AllParams> = {
  application: 'app_params',
  pos: 'node_params',
  pocketcore: 'pocket_params',
  gov: 'gov_params',
  auth: 'auth_params',
};

/** The amino-JSON text of a value as pocket-core's param queries print it. */
export function paramValueText(spec: ParamSpec, value: ParamValue): string {
  const json = paramValueToJson(spec.kind, value);
  if (typeof json === 'string') return json;
  if (spec.kind === 'acl') return JSON.stringify({ type: 'gov/non_map_acl', value: json });
  if (spec.kind === 'upgrade') return JSON.stringify({ type: 'gov/upgrade', value: json });
  return JSON.stringify(json);
}

/** What the parameter queries read of a state: its params by height and gov/upgrade's history. */
export interface ParamsHistory {
  paramsAt(height: number): Params;
  readonly gov: { readonly params: Pick<ReadonlyTable<StoredParam>, 'getAt'>; readonly unstored: Pick<ReadonlyTable<FeatureKey>, 'has'> };
}

/**
 * The features that are off at the end of block `height` for listing: off under the upgrade it
 * ended with or the one it began with (see the header). Example: began "RSCAL:1000", ended
 * "RSCAL:5", height 5 → {RSCAL}; at 6 (began and ended "RSCAL:5") → {}.
 */
export function unlistedFeatures(upgrade: Upgrade, upgradeBefore: Upgrade, height: number): FeatureSet {
  return new Set([...inactiveFeatures(upgrade, height), ...inactiveFeatures(upgradeBefore, height)]);
}

/**
 * Whether allparams lists `key` at the end of a block: `off` its features off (unlistedFeatures),
 * `stored` whether pocket-core's store holds it then. Every ungated key is listed.
 */
export function isListedParam(key: string, off: FeatureSet, stored: (key: string) => boolean): boolean {
  const feature = PARAM_FEATURE[key];
  return feature === undefined || !off.has(feature) || stored(key);
}

/**
 * allparams of `params` at `height`, the end of that block; `upgradeBefore` is gov/upgrade as the
 * block began (at the end of `height - 1`), `stored` says which gated keys pocket-core's store
 * holds then. From a state: allParamsAt.
 */
export function allParams(params: Params, height: number, upgradeBefore: Upgrade, stored: (key: string) => boolean): AllParams {
  const result: AllParams = { app_params: [], node_params: [], pocket_params: [], gov_params: [], auth_params: [] };
  const off = unlistedFeatures(params.gov.upgrade, upgradeBefore, height);
  const specs = [...PARAM_SPECS].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const spec of specs) {
    if (!isListedParam(spec.key, off, stored)) continue;
    result[GROUP[spec.subspace]].push({ param_key: spec.key, param_value: paramValueText(spec, paramValueOf(params, spec)) });
  }
  return result;
}

/**
 * allparams of a state at its current height `height`. Only there: which gated keys are stored
 * is the unstored-params table, which keeps no history (the query service answers past heights
 * from the projection, whose rows carry it).
 */
export function allParamsAt(state: ParamsHistory, height: number): AllParams {
  const params = state.paramsAt(height);
  // A chain's first state has no block before it: it began with its own upgrade.
  const before = state.gov.params.getAt('gov/upgrade', height - 1)?.value as Upgrade | undefined;
  return allParams(params, height, before ?? params.gov.upgrade, (key) => !state.gov.unstored.has(key));
}

/** /v1/query/param: one parameter, or undefined for a key that is not a parameter (or not listed); at the state's current height. */
export function singleParam(state: ParamsHistory, key: string, height: number): SingleParam | undefined {
  return Object.values(allParamsAt(state, height))
    .flat()
    .find((entry: SingleParam) => entry.param_key === key);
}
