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
 * Which keys appear: every registered parameter, except a feature-gated one whose feature is not
 * active at that height (pocket-core writes those only on activation: BlockByteSize [BLOCK],
 * RelaysToTokensMultiplierMap [PerChainRTTM], the four PIP-22 params [RSCAL]; it also lists one
 * stored before its feature was switched off, which is not reproduced here:
 * docs/protocol-choices.md). With every feature
 * active from genesis (the default) they all appear, as do the ledger's own policy params
 * (pos/FeeBurnPercentage, application/ApplicationBurnRate, PROTOCOL §14).
 *
 * "Active at h" means under the upgrade block h began with as well as the one it ended with: an
 * upgrade delivered in block h (a ParamChange of gov/upgrade, which the features table reads from
 * h + 1, or a MsgUpgrade) lists what it switched on from h + 1. pocket-core lists the keys its
 * store holds (x/gov/keeper/subspace.go:71-80 over types/param.go:128-140), and a gated key is
 * stored only by its hook in BeginBlock of h == H (x/nodes/module.go:127-142,
 * x/pocketcore/module.go:106-113; codec/codec.go:321-324) — never by the upgrade's own block.
 * Example: RSCAL at 1000, block 5 sets gov/upgrade to "RSCAL:5" → allparams at 5 has no
 * pos/ServicerStakeFloorMultiplier; at 6 it lists it (the ledger's choice; pocket-core, with no
 * hook run, never does: docs/protocol-choices.md).
 */
import { paramValueToJson, type ParamValue, type Upgrade } from '../../params/kinds.js';
import { paramValueOf, type Params } from '../../params/params.js';
import { PARAM_SPECS, type ParamSpec, type Subspace } from '../../params/registry.js';
import type { ReadonlyTable } from '../../state/table.js';
import { inactiveFeatures, PARAM_FEATURE, type FeatureSet } from './features.js';
import type { StoredParam } from './state.js';

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
  readonly gov: { readonly params: Pick<ReadonlyTable<StoredParam>, 'getAt'> };
}

/**
 * The features whose params are not listed at the end of block `height`: off under the upgrade it
 * ended with or the one it began with (see the header). Example: began "RSCAL:1000", ended
 * "RSCAL:5", height 5 → {RSCAL}; at 6 (began and ended "RSCAL:5") → {}.
 */
export function unlistedFeatures(upgrade: Upgrade, upgradeBefore: Upgrade, height: number): FeatureSet {
  return new Set([...inactiveFeatures(upgrade, height), ...inactiveFeatures(upgradeBefore, height)]);
}

/**
 * allparams of `params` at `height`, the end of that block; `upgradeBefore` is gov/upgrade as the
 * block began (at the end of `height - 1`). From a state: allParamsAt.
 */
export function allParams(params: Params, height: number, upgradeBefore: Upgrade): AllParams {
  const result: AllParams = { app_params: [], node_params: [], pocket_params: [], gov_params: [], auth_params: [] };
  const unlisted = unlistedFeatures(params.gov.upgrade, upgradeBefore, height);
  const specs = [...PARAM_SPECS].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const spec of specs) {
    const feature = PARAM_FEATURE[spec.key];
    if (feature !== undefined && unlisted.has(feature)) continue;
    result[GROUP[spec.subspace]].push({ param_key: spec.key, param_value: paramValueText(spec, paramValueOf(params, spec)) });
  }
  return result;
}

/** allparams of a state at `height` (its current height or a past one its history holds). */
export function allParamsAt(state: ParamsHistory, height: number): AllParams {
  const params = state.paramsAt(height);
  // A chain's first state has no block before it: it began with its own upgrade.
  const before = state.gov.params.getAt('gov/upgrade', height - 1)?.value as Upgrade | undefined;
  return allParams(params, height, before ?? params.gov.upgrade);
}

/** /v1/query/param: one parameter, or undefined for a key that is not a parameter (or not listed). */
export function singleParam(state: ParamsHistory, key: string, height: number): SingleParam | undefined {
  return Object.values(allParamsAt(state, height))
    .flat()
    .find((entry: SingleParam) => entry.param_key === key);
}
