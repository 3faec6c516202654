/**
 * The ACL entries a pocket-core RC-0.12.0 node accepts in a genesis file. Its gov InitGenesis
 * stores the params, then validates the ACL against every parameter key stored in any subspace
 * so far and exits on a key it does not find ("not a recognized parameter":
 * x/gov/keeper/genesis.go:14-19, x/gov/keeper/subspace.go:60-69, x/gov/types/acl.go:29-45).
 * Stored by then are all of pocket-core's params except the six introduced by a feature:
 * SetParamSet skips them before their activation height (types/param.go:23-30, :306-313), and at
 * InitChain the height is 0 with codec.UpgradeFeatureMap still empty (baseapp/baseapp.go:437;
 * only a restart loads the stored upgrade's features, app/app.go:132-136), so they are never stored
 * at genesis — pocket-core adds their ACL entries at each feature's height (x/gov/module.go:170-200).
 * The ledger's own policy params (registry `ledgerExtension`) are no pocket-core param at all.
 *
 * So `export` writes the ACL without those entries in `gov.params.acl` and the whole ACL, in its
 * order (state: the root covers it), in `pokt_ledger.acl`, which the import puts back
 * (parse.ts `restoreLedgerAcl`). Example: the e2e genesis imported and exported writes 35 of its
 * 43 entries in the pocket-core section; the 8 left out are pocketcore/BlockByteSize,
 * pos/RelaysToTokensMultiplierMap, the four pos/ServicerStake* keys, pos/FeeBurnPercentage and
 * application/ApplicationBurnRate.
 */
import type { AclEntry } from '../params/kinds.js';
import { PARAM_SPECS_BY_KEY } from '../params/registry.js';

/** types/param.go:23-30 (additionalParametersKeys), as ACL keys (subspace/Key). */
const ADDED_BY_A_FEATURE: ReadonlySet<string> = new Set([
  'pocketcore/BlockByteSize',
  'pos/RelaysToTokensMultiplierMap',
  'pos/ServicerStakeFloorMultiplier',
  'pos/ServicerStakeWeightMultiplier',
  'pos/ServicerStakeWeightCeiling',
  'pos/ServicerStakeFloorMultiplierExponent',
]);

/** Whether pocket-core has `key` stored when its gov InitGenesis validates the ACL (see the header). */
export function storedByPocketCoreAtGenesis(key: string): boolean {
  const spec = PARAM_SPECS_BY_KEY.get(key);
  return spec !== undefined && spec.ledgerExtension !== true && !ADDED_BY_A_FEATURE.has(key);
}

/** The ACL as a pocket-core genesis may carry it: the entries it accepts, in their order. */
export function pocketCoreAcl(acl: readonly AclEntry[]): AclEntry[] {
  return acl.filter((entry) => storedByPocketCoreAtGenesis(entry.key));
}
