/**
 * gov state: every governance parameter of every module, keyed by its ACL key
 * ("pos/StakeMinimum"), with per-height history so rules can read `paramsAt(sessionStart)`.
 * (pocket-core keeps module params in per-module subspaces; one table keyed by the ACL key is the
 * same information.)
 */
import { invariant } from '../../core/assert.js';
import { canonicalJson } from '../../core/json.js';
import { parseParamValue, paramValueToJson, type ParamValue } from '../../params/kinds.js';
import { PARAM_SPECS_BY_KEY } from '../../params/registry.js';
import type { TableSpec } from '../../state/table.js';
import { isFeatureKey, type FeatureKey } from '../../core/features.js';


export interface StoredParam {
  readonly key: string;
  readonly value: ParamValue;
}

export const paramsTable: TableSpec<StoredParam> = {
  name: 'gov/params',
  encode: ({ key, value }) => {
    const spec = PARAM_SPECS_BY_KEY.get(key);
    invariant(spec !== undefined, () => `unknown param ${key}`);
    return canonicalJson({ key, value: paramValueToJson(spec.kind, value) });
  },
  decode: (text) => {
    const raw = JSON.parse(text) as { key: string; value: unknown };
    const spec = PARAM_SPECS_BY_KEY.get(raw.key);
    invariant(spec !== undefined, () => `unknown param ${raw.key}`);
    const parsed = parseParamValue(spec.kind, raw.value);
    invariant(parsed.ok, () => `stored param ${raw.key} does not parse`);
    return { key: raw.key, value: parsed.value };
  },
  history: true,
};

/**
 * The feature-gated params pocket-core's store does not hold (key → its feature). pocket-core
 * stores a gated key only in InitGenesis while its feature is already active (SetParamSet skips
 * it otherwise, types/param.go:306-313), in its activation hook (x/nodes/module.go:127-142,
 * x/pocketcore/module.go:106-113) or through a ParamChange (Subspace.Set); it never deletes one —
 * switching the feature off leaves it stored. Its getters read the store with no feature check
 * (x/pocketcore/keeper/params.go:64-67, x/nodes/keeper/params.go:113-145), zero values for an
 * absent key (types/param.go:107-126). The ledger keeps a value for every key from genesis, so
 * this table says which of them pocket-core would not read: BlockByteSize reads 0 while listed
 * (chain/consensus-params.ts keeperBlockByteSize), and a feature switched on at a past height
 * writes only its listed keys (./activation.ts activatedWithoutHook).
 * Empty on a chain whose features are all active from genesis (the default), so such a chain's
 * state root does not see it. It is hashed like the params (it is app state in pocket-core: a key
 * present or absent in its store), so a chain whose genesis schedules BLOCK, RSCAL or
 * PerChainRTTM later has other roots than before this table existed (2026-12-07), and a
 * snapshot written before then is refused (snapshot format 6, snapshot/codec.ts): loaded, it would
 * have the table empty and its keys taken as stored.
 */
export const unstoredParamsTable: TableSpec<FeatureKey> = {
  name: 'gov/unstored_params',
  encode: (feature) => feature,
  decode: (text) => {
    invariant(isFeatureKey(text), () => `gov/unstored_params: ${text} is not a feature key`);
    return text;
  },
};
