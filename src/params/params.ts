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
import { PARAM_SPECS, type FieldOf, type ParamSpec, type Subspace } from './registry.js';

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

/**
 * Build the typed view from a complete key → value map (every registered key present). The
 * registry's types guarantee a spec for every field and a kind that fits it (registry.ts), and
 * the stored value was parsed by that kind, so each group is complete and correctly typed.
 */
export function buildParams(values: (key: string) => ParamValue | undefined): Params {
  const group = <S extends Subspace>(subspace: S): Params[S] => {
    const fields: Partial<Record<FieldOf<S>, ParamValue>> = {};
    for (const spec of PARAM_SPECS) {
      if (spec.subspace !== subspace) continue;
      const value = values(spec.key);
      invariant(value !== undefined, () => `parameter ${spec.key} missing from state`);
      fields[spec.field as FieldOf<S>] = value;
    }
    return fields as Params[S];
  };
  return { application: group('application'), auth: group('auth'), gov: group('gov'), pocketcore: group('pocketcore'), pos: group('pos') };
}

/** The current value of a registered parameter, read from the typed view. */
export function paramValueOf(params: Params, spec: ParamSpec): ParamValue {
  switch (spec.subspace) {
    case 'application':
      return params.application[spec.field];
    case 'auth':
      return params.auth[spec.field];
    case 'gov':
      return params.gov[spec.field];
    case 'pocketcore':
      return params.pocketcore[spec.field];
    case 'pos':
      return params.pos[spec.field];
  }
}
