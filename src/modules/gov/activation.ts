/**
 * Feature activation heights (BeginBlock, first step): on the exact height a feature is
 * scheduled for in gov/upgrade's features table, pocket-core writes the parameters that feature
 * introduces at their default values and gives them an ACL owner, the then-current DAO owner:
 *   [RSCAL]        the four PIP-22 params (x/nodes/module.go:127-137)
 *   [PerChainRTTM] pos/RelaysToTokensMultiplierMap = {} (x/nodes/module.go:138-142)
 *   [BLOCK]        pocketcore/BlockByteSize = 4,000,000 (x/pocketcore/module.go:106-113)
 *   ACL owners     x/gov/module.go:170-200 (ACL.SetOwner: an existing entry's owner is replaced)
 *
 * With every feature active from genesis (the ledger default, features table empty) this never
 * fires: genesis already holds those params and owners. It matters for a chain that schedules a
 * feature with MsgUpgrade ("RSCAL:H"): before H the params cannot change (decide.ts) and are not
 * listed (queries.ts); at H they are reset and owned, as on pocket-core.
 *
 * Worked example: Upgrade features ["RSCAL:5"] → BeginBlock 5 emits FeatureParamsActivated
 * {feature RSCAL, owner = gov/daoOwner, ServicerStakeFloorMultiplier "15000000000", …}.
 */
import { invariant } from '../../core/assert.js';
import type { BlockContext } from '../../core/block-context.js';
import type { Address } from '../../core/types.js';
import { paramValueToJson, type AclEntry } from '../../params/kinds.js';
import type { Params } from '../../params/params.js';
import { PARAM_SPECS_BY_KEY } from '../../params/registry.js';
import type { FeatureParamsActivated } from './events.js';
import { featureHeights, PARAM_FEATURE, type FeatureKey } from './features.js';

/**
 * ACL.SetOwner for each key in order (x/gov/types/acl.go): a listed key's owner is replaced in
 * place, an unlisted key is appended. Example: [{a, X}] with keys [a, b] and owner Y →
 * [{a, Y}, {b, Y}].
 */
export function setOwners(acl: readonly AclEntry[], keys: readonly string[], owner: Address): AclEntry[] {
  const listed = new Set(keys);
  const updated = acl.map((entry) => (listed.has(entry.key) ? { key: entry.key, address: owner } : entry));
  for (const key of keys) if (!acl.some((entry) => entry.key === key)) updated.push({ key, address: owner });
  return updated;
}

/**
 * The params each feature introduces, features and keys in the order pocket-core's gov BeginBlock
 * calls ACL.SetOwner for them (x/gov/module.go:170-200). The order is visible: SetOwner appends,
 * so it is the order the new keys take in the `gov/acl` list (queries, allparams).
 */
const ACTIVATION_ORDER: ReadonlyArray<readonly [feature: FeatureKey, keys: readonly string[]]> = [
  ['BLOCK', ['pocketcore/BlockByteSize']],
  ['RSCAL', ['pos/ServicerStakeFloorMultiplier', 'pos/ServicerStakeWeightMultiplier', 'pos/ServicerStakeWeightCeiling', 'pos/ServicerStakeFloorMultiplierExponent']],
  ['PerChainRTTM', ['pos/RelaysToTokensMultiplierMap']],
];
invariant(
  ACTIVATION_ORDER.flatMap(([feature, keys]) => keys.map((key) => `${key}:${feature}`)).sort().join() ===
    Object.entries(PARAM_FEATURE).map(([key, feature]) => `${key}:${feature}`).sort().join(),
  'ACTIVATION_ORDER lists exactly the PARAM_FEATURE params',
);

export function activateFeatureParams(state: { params(): Params }, ctx: BlockContext): FeatureParamsActivated[] {
  const params = state.params();
  const events: FeatureParamsActivated[] = [];
  // Each activation's ACL builds on the one before it in this block (events apply in order).
  let acl = params.gov.acl;
  const heights = featureHeights(params.gov.upgrade.features);
  for (const [feature, keys] of ACTIVATION_ORDER) {
    const height = heights.get(feature);
    if (height === undefined || height <= 0 || height !== ctx.height) continue;
    const values = keys.map((key) => {
      const spec = PARAM_SPECS_BY_KEY.get(key);
      invariant(spec !== undefined && spec.genesis !== 'required', () => `feature-gated param ${key} has no default`);
      return { key, value: paramValueToJson(spec.kind, spec.genesis.default) };
    });
    acl = setOwners(acl, keys, params.gov.daoOwner);
    events.push({ type: 'FeatureParamsActivated', feature, owner: params.gov.daoOwner, params: values, acl: paramValueToJson('acl', acl) });
  }
  return events;
}
