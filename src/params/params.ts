/**
 * Typed parameters: one object per subspace, built from the raw key → value map the state
 * stores. Rules read params through these types (never by string key) and through
 * `paramsAt(height)` where PROTOCOL.md says a rule uses the params of an earlier height
 * (session start), so a mid-session change cannot alter a session's fixed inputs.
 */
import type { Dec } from '../core/bigdec.js';
import { invariant } from '../core/assert.js';
import type { Address } from '../core/types.js';
import type { AclEntry, FeeMultipliers, ParamValue, Upgrade } from './kinds.js';
import { PARAM_SPECS, type Subspace } from './registry.js';

export interface ApplicationParams {
  readonly unstakingTimeNs: bigint;
  readonly maxApplications: bigint;
  readonly stakeMinimumUpokt: bigint;
  readonly baseRelaysPerPokt: bigint;
  readonly stabilityAdjustment: bigint;
  readonly participationRateOn: boolean;
  readonly maximumChains: bigint;
  /** Ledger extension (§14): share of each block's relay-reward mint burned from app stakes. */
  readonly burnRate: Dec;
}

export interface AuthParams {
  readonly maxMemoCharacters: bigint;
  readonly txSigLimit: bigint;
  readonly feeMultipliers: FeeMultipliers;
}

export interface GovParams {
  readonly acl: readonly AclEntry[];
  readonly daoOwner: Address;
  readonly upgrade: Upgrade;
}

export interface PocketcoreParams {
  readonly sessionNodeCount: bigint;
  readonly claimSubmissionWindow: bigint;
  readonly supportedBlockchains: readonly string[];
  readonly claimExpiration: bigint;
  readonly replayAttackBurnMultiplier: bigint;
  readonly minimumNumberOfProofs: bigint;
  readonly blockByteSize: bigint;
}

export interface PosParams {
  readonly relaysToTokensMultiplier: bigint;
  readonly relaysToTokensMultiplierMap: Readonly<Record<string, bigint>>;
  readonly unstakingTimeNs: bigint;
  readonly maxValidators: bigint;
  readonly stakeDenom: string;
  readonly stakeMinimumUpokt: bigint;
  readonly blocksPerSession: bigint;
  readonly daoAllocation: bigint;
  readonly proposerAllocation: bigint;
  readonly maximumChains: bigint;
  readonly maxJailedBlocks: bigint;
  readonly maxEvidenceAgeNs: bigint;
  readonly signedBlocksWindow: bigint;
  readonly minSignedPerWindow: Dec;
  readonly downtimeJailDurationNs: bigint;
  readonly slashFractionDoubleSign: Dec;
  readonly slashFractionDowntime: Dec;
  readonly servicerStakeFloorMultiplier: bigint;
  readonly servicerStakeWeightCeiling: bigint;
  readonly servicerStakeWeightMultiplier: Dec;
  readonly servicerStakeFloorMultiplierExponent: Dec;
  /** Ledger extension (§14): percent of every fee burned before the DAO/proposer split. */
  readonly feeBurnPercentage: bigint;
}

export interface Params {
  readonly application: ApplicationParams;
  readonly auth: AuthParams;
  readonly gov: GovParams;
  readonly pocketcore: PocketcoreParams;
  readonly pos: PosParams;
}

/** Build the typed view from a complete key → value map (every registered key present). */
export function buildParams(values: (key: string) => ParamValue | undefined): Params {
  const groups: Record<Subspace, Record<string, ParamValue>> = { application: {}, auth: {}, gov: {}, pocketcore: {}, pos: {} };
  for (const spec of PARAM_SPECS) {
    const value = values(spec.key);
    invariant(value !== undefined, () => `parameter ${spec.key} missing from state`);
    groups[spec.subspace][spec.field] = value;
  }
  return groups as unknown as Params;
}
