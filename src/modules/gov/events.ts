/**
 * gov domain events (PROTOCOL §8): parameter changes, DAO treasury moves, upgrades. Values are
 * carried in their amino-JSON form (params/kinds.ts `paramValueToJson`) so an event reads the
 * same as pocket-core's params query and the audit can show old → new without the registry.
 * Evolvers: ./evolve.ts.
 */
import type { Address } from '../../core/types.js';
import type { ParamJson } from '../../params/kinds.js';

/** MsgChangeParam applied (ModifyParam, x/gov/keeper/subspace.go:199-234). */
export interface ParamChanged {
  readonly type: 'ParamChanged';
  /** ACL key, e.g. "pos/StakeMinimum". */
  readonly key: string;
  readonly oldValue: ParamJson;
  readonly newValue: ParamJson;
  /** The ACL owner who changed it. */
  readonly by: Address;
}

/** MsgDAOTransfer `dao_transfer`: `amountUpokt` from the dao module account to `to`. */
export interface DaoTransferred {
  readonly type: 'DaoTransferred';
  readonly by: Address;
  readonly to: Address;
  readonly amountUpokt: bigint;
}

/** MsgDAOTransfer `dao_burn`: `amountUpokt` burned from the dao module account (supply falls). */
export interface DaoBurned {
  readonly type: 'DaoBurned';
  readonly by: Address;
  readonly amountUpokt: bigint;
}

/**
 * MsgUpgrade applied (HandleUpgrade post-UPG30024, subspace.go:132-197): `upgrade` is the new
 * `gov/upgrade` value after merging with `previous` (amino-JSON form, {Height, Version,
 * OldUpgradeHeight?, Features?}).
 */
export interface UpgradeScheduled {
  readonly type: 'UpgradeScheduled';
  readonly by: Address;
  /** 'version' = a version upgrade at upgrade.Height; 'features' = Height 1 or Version "FEATURE". */
  readonly kind: 'version' | 'features';
  readonly previous: ParamJson;
  readonly upgrade: ParamJson;
}

/**
 * A feature's activation height (./activation.ts): its parameters written at their defaults and
 * owned by `owner` (the DAO owner) in the ACL; `acl` is the whole new `gov/acl` value (amino-JSON
 * form), merged by the hook (ACL.SetOwner: listed keys get the new owner, the others are
 * appended in `params` order). `storedAlso`: other feature-gated keys of the hook's module that
 * its SetParams puts in pocket-core's store with the values they already had (their feature on,
 * they unstored: ./activation.ts storedBySetParams); usually none.
 */
export interface FeatureParamsActivated {
  readonly type: 'FeatureParamsActivated';
  readonly feature: string;
  readonly owner: Address;
  readonly params: ReadonlyArray<{ readonly key: string; readonly value: ParamJson }>;
  readonly acl: ParamJson;
  readonly storedAlso: readonly string[];
}

/**
 * A feature an upgrade switches on at a height already reached (./activation.ts
 * activatedWithoutHook): pocket-core's activation hooks run only ON the height (== in BeginBlock),
 * so they never run for it — no ACL owner. `params`: the values its params then read, written in
 * the upgrade's tx (BLOCK: BlockByteSize 0; PerChainRTTM: {}; RSCAL: the hook's defaults) — only
 * for keys pocket-core's store does not hold (gov/unstored_params); a stored key keeps its value,
 * and a feature with none to write gives no event.
 */
export interface FeatureActivatedWithoutHook {
  readonly type: 'FeatureActivatedWithoutHook';
  readonly feature: string;
  readonly params: ReadonlyArray<{ readonly key: string; readonly value: ParamJson }>;
}

export type GovEvent = ParamChanged | DaoTransferred | DaoBurned | UpgradeScheduled | FeatureParamsActivated | FeatureActivatedWithoutHook;
