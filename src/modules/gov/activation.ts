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
 * listed (queries.ts); at H they are reset and owned, as on pocket-core. A height already
 * reached when the upgrade is delivered never fires this hook (activatedWithoutHook below).
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
import type { Upgrade } from '../../params/kinds.js';
import type { ReadonlyTable } from '../../state/table.js';
import type { FeatureActivatedWithoutHook, FeatureParamsActivated } from './events.js';
import { featureHeights, inactiveFeatures, PARAM_FEATURE, type FeatureKey } from './features.js';

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

export function activateFeatureParams(state: { params(): Params; readonly gov: { readonly unstored: Pick<ReadonlyTable<FeatureKey>, 'has'> } }, ctx: BlockContext): FeatureParamsActivated[] {
  const params = state.params();
  const events: FeatureParamsActivated[] = [];
  // Each activation's ACL builds on the one before it in this block (events apply in order).
  let acl = params.gov.acl;
  const heights = featureHeights(params.gov.upgrade.features);
  const hooked = ACTIVATION_ORDER.filter(([feature]) => heights.get(feature) === ctx.height && ctx.height > 0);
  for (const [feature, keys] of hooked) {
    const values = keys.map((key) => {
      const spec = PARAM_SPECS_BY_KEY.get(key);
      invariant(spec !== undefined && spec.genesis !== 'required', () => `feature-gated param ${key} has no default`);
      return { key, value: paramValueToJson(spec.kind, spec.genesis.default) };
    });
    acl = setOwners(acl, keys, params.gov.daoOwner);
    const storedAlso = storedBySetParams(subspaceOf(keys[0]!), hooked.map(([other]) => other), ctx, state.gov.unstored);
    events.push({ type: 'FeatureParamsActivated', feature, owner: params.gov.daoOwner, params: values, acl: paramValueToJson('acl', acl), storedAlso });
  }
  return events;
}

/**
 * The other gated keys a feature's hook stores in `module`, its params' subspace: it writes its
 * params with the module's SetParams (x/nodes/module.go:127-142, x/pocketcore/module.go:106-113),
 * which stores every param of the module whose feature is on at this height (SetParamSet skips only the others,
 * types/param.go:298-316), each with the value GetParams read. So a key of the same module,
 * of another feature that is on but whose key pocket-core's store does not hold (switched on at
 * a past height, no hook), becomes stored. Its value stays the ledger's: for PerChainRTTM's map
 * the same {} pocket-core writes (amino writes a nil map as {}, go-amino v0.15.1
 * json-encode.go:338-400); for RSCAL pocket-core writes the zeros it read where the ledger keeps
 * the defaults (docs/protocol-choices.md). A feature whose own hook runs in this block stores
 * its keys itself (`hooked`). BLOCK's module has no other gated key.
 * Example: PerChainRTTM switched on at 3 by an upgrade in block 5 (no hook), RSCAL's hook at 7 →
 * storedAlso [pos/RelaysToTokensMultiplierMap]; switched off later, allparams still lists it.
 */
function storedBySetParams(module: string, hooked: readonly FeatureKey[], ctx: BlockContext, unstored: Pick<ReadonlyTable<FeatureKey>, 'has'>): string[] {
  const stored: string[] = [];
  for (const [other, keys] of ACTIVATION_ORDER) {
    if (hooked.includes(other) || ctx.inactiveFeatures.has(other)) continue;
    for (const key of keys) if (subspaceOf(key) === module && unstored.has(key)) stored.push(key);
  }
  return stored;
}

function subspaceOf(key: string): string {
  const spec = PARAM_SPECS_BY_KEY.get(key);
  invariant(spec !== undefined, () => `unknown param ${key}`);
  return spec.subspace;
}

/**
 * A feature that an upgrade (MsgUpgrade, or a ParamChange of gov/upgrade) switches on at a
 * height already reached — the upgrade's own block included, whose BeginBlock has run — never
 * gets its activation hook: pocket-core's hooks test `height == featureHeight`
 * (IsOnNamedFeatureActivationHeight, codec/codec.go:321-324), while every rule tests
 * `height >= featureHeight` (codec/codec.go:316-319) and so applies at once. So no ACL owner is
 * added (x/gov/module.go:170-200: a ParamChange of the key stays gov:5 unless a gov/acl change
 * names it) and the params are never written (x/nodes/module.go:127-142,
 * x/pocketcore/module.go:106-113; InitGenesis skipped them too while the feature was off,
 * types/param.go:306-313). They read as pocket-core's getters read an absent key
 * (Subspace.Get leaves the value unset, types/param.go:107-126):
 *   [BLOCK]        BlockByteSize 0 (x/pocketcore/keeper/params.go:64-67): EndBlock then hands
 *                  Tendermint nothing (x/pocketcore/keeper/keeper.go:74-78);
 *   [PerChainRTTM] {} (the getter's default, x/nodes/keeper/params.go:113-119);
 *   [RSCAL]        pocket-core reads 0 and a nil Dec (x/nodes/keeper/params.go:121-145), and every
 *                  relay reward and replay burn then panics on stake.Mod(0) (reward.go:33,
 *                  slash.go:29, types/int.go:282-285), recovered as sdk:1 for each proof
 *                  (baseapp/baseapp.go:987-999). Not reproduced (docs/protocol-choices.md):
 *                  the ledger writes the defaults the hook would have written.
 * Only the keys pocket-core's store does not hold are written (`unstored`, ./state.ts
 * unstoredParamsTable): a feature first switched on at a past height has all of them (InitGenesis
 * skipped them); one whose hook ran, or whose keys a ParamChange set, and that was switched off
 * and is now on again keeps them stored there — its hook's defaults or what the DAO set since,
 * read by the same getters — so the ledger keeps its values too. A key written here stays
 * unstored, as in pocket-core, and is written again (the same value) the next time.
 * Each such feature with a key to write gives one event, written by the upgrade's tx, in
 * ACTIVATION_ORDER. A feature already active under `before`, or not yet active under `after`,
 * gives none (the latter gets its hook when its height comes).
 *
 * Examples: features ["BLOCK:1000"], block 5 delivers an Upgrade ["BLOCK:3"] → one event
 * {feature BLOCK, params [pocketcore/BlockByteSize = "0"]}. BLOCK's hook ran at 6, an upgrade
 * moved it to 1000, another to 3 → no event: BlockByteSize keeps the hook's 4,000,000.
 */
export function activatedWithoutHook(before: Upgrade, after: Upgrade, height: number, unstored: Pick<ReadonlyTable<FeatureKey>, 'has'>): FeatureActivatedWithoutHook[] {
  const wasOff = inactiveFeatures(before, height);
  const isOff = inactiveFeatures(after, height);
  const events: FeatureActivatedWithoutHook[] = [];
  for (const [feature, keys] of ACTIVATION_ORDER) {
    if (!wasOff.has(feature) || isOff.has(feature)) continue;
    const params = keys.filter((key) => unstored.has(key)).map((key) => {
      const spec = PARAM_SPECS_BY_KEY.get(key);
      invariant(spec !== undefined && spec.genesis !== 'required', () => `feature-gated param ${key} has no default`);
      return { key, value: paramValueToJson(spec.kind, feature === 'BLOCK' ? 0n : spec.genesis.default) };
    });
    if (params.length > 0) events.push({ type: 'FeatureActivatedWithoutHook', feature, params });
  }
  return events;
}
