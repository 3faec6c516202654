/**
 * The gov handler's codes, re-decided from the audit's own parameters and bank (PROTOCOL §1.6,
 * §8.1–§8.3; checked against pocket-core RC-0.12.0 x/gov/handler.go, keeper/subspace.go,
 * keeper/acl.go, keeper/dao.go, x/auth/keeper/bank.go) and the ledger's documented refusals
 * (docs/protocol-choices.md, Governance: a value that does not decode or that no rule could
 * run with is refused, `ledger:14` / `ledger:15`, where pocket-core keeps the old value).
 *
 * ParamChange (ModifyParam, subspace.go:199-234), in this order:
 *   1. the signer must be the key's owner in gov/acl — a key the ACL does not list (an unknown
 *      key too) has no owner → gov:5 (acl.go VerifyACL; errors.go CodeUnauthorizedParamChange).
 *      Nothing else: a feature-gated key (params.ts FEATURE_PARAMS) gets its owner from its
 *      hook (activateFeatures) or from a gov/acl change that names it, and whoever the ACL
 *      names may change it, its feature off or not;
 *   2. h ≥ 40,000 with [SPLIT] switched off and key pos/MaxValidators → gov:11 (subspace.go:15,
 *      204-208);
 *   3. the value must decode as the key's type (params.ts decodeParamBytes: gov/acl and gov/upgrade
 *      in amino's {"type","value"} wrapping, the upgrade over the stored one) → else ledger:14,
 *      and pass param-rules.ts → else its code (ledger:15, or ledger:14 for an ACL naming no
 *      parameter and an unreadable upgrade version);
 *   else delivered.
 * Upgrade (HandleUpgrade after UPG30024, subspace.go:82-197): the signer must own gov/upgrade
 * (VerifyACL on "gov/upgrade", not gov/daoOwner: the two are separate params) → else gov:5; the
 * merged value's version must be readable (param-rules.ts) → else ledger:14; else delivered.
 * DAOTransfer (dao.go:11-55): from ≠ gov/daoOwner → sdk:4; a transfer the dao account cannot
 * cover → sdk:10 (SendCoins' insufficient coins); a burn it cannot cover → sdk:1 (BurnCoins
 * wraps SubtractCoins' error as ErrInternal, x/auth/keeper/bank.go:97-100); else delivered.
 */
import type { Message } from '../../messages/index.js';
import type { Upgrade } from '../../params/kinds.js';
import { PARAM_SPECS_BY_KEY } from '../../params/registry.js';
import { paramValueProblem, readableVersion } from './param-rules.js';
import { decodeParamBytes, type ParamTracker } from './params.js';

type ParamChange = Extract<Message, { type: 'ParamChange' }>;
type UpgradeMsg = Extract<Message, { type: 'Upgrade' }>;
type DaoTransfer = Extract<Message, { type: 'DAOTransfer' }>;

const DELIVERED = 'ok';
const UNAUTHORIZED = 'gov:5';
const INVALID_VALUE = 'ledger:14';

/** subspace.go:15 minSafeMaxValidatorParamChangeHeight. */
const MAX_VALIDATORS_FROZEN_FROM = 40_000;

/** A ParamChange's code at block `height` (feature activations of this block already applied: params.ts activateFeatures). */
export function decideParamChange(params: ParamTracker, message: ParamChange, height: number): string {
  const key = message.paramKey;
  if (params.aclOwner(key) !== message.fromAddress.toLowerCase()) return UNAUTHORIZED;
  if (height >= MAX_VALIDATORS_FROZEN_FROM && key === 'pos/MaxValidators' && params.featureOff('SPLIT', height)) return 'gov:11';
  // An ACL entry naming no parameter (only a genesis file can hold one): nothing to own → gov:5.
  if (!PARAM_SPECS_BY_KEY.has(key)) return UNAUTHORIZED;
  const value = decodeParamBytes(key, message.paramValue, params.stored(key));
  if (value === undefined) return INVALID_VALUE;
  return paramValueProblem(key, value, params) ?? DELIVERED;
}

/** An Upgrade's code (the merge: mergeUpgrade). */
export function decideUpgrade(params: ParamTracker, message: UpgradeMsg): string {
  if (params.aclOwner('gov/upgrade') !== message.address.toLowerCase()) return UNAUTHORIZED;
  return readableVersion(mergeUpgrade(params.upgrade(), message).version) ? DELIVERED : INVALID_VALUE;
}

/** A DAOTransfer's code, with the dao module account's balance before it. */
export function decideDaoTransfer(params: ParamTracker, message: DaoTransfer, daoBalance: bigint): string {
  if (message.fromAddress.toLowerCase() !== params.address('gov/daoOwner')) return 'sdk:4';
  if (message.action === 'dao_transfer' && message.toAddress === null) return 'sdk:7'; // ValidateBasic refuses it first (msg.go:107-122)
  if (daoBalance >= message.amountUpokt) return DELIVERED;
  return message.action === 'dao_burn' ? 'sdk:1' : 'sdk:10';
}

/**
 * The gov/upgrade value after an Upgrade (subspace.go:104-126; PROTOCOL §8.3): a version upgrade
 * (Height ≠ 1 and Version ≠ "FEATURE") takes the message's Height and Version and the old Height
 * as OldUpgradeHeight; a features-only one keeps the old three. Both merge the feature lists:
 * one "KEY:height" per key, the later entry winning, sorted as strings (CleanUpgradeFeatureSlice).
 * Example: old {5, "0.9.0", features ["RSCAL:10"]} + {1, "FEATURE", ["REDUP:7", "RSCAL:12"]} →
 * {5, "0.9.0", old 0, ["REDUP:7", "RSCAL:12"]}.
 */
export function mergeUpgrade(old: Upgrade, message: Pick<UpgradeMsg, 'height' | 'version' | 'features'>): Upgrade {
  const byKey = new Map<string, string>();
  for (const entry of old.features) byKey.set(entry.slice(0, entry.lastIndexOf(':')), entry);
  for (const feature of message.features) byKey.set(feature.key, `${feature.key}:${feature.height}`);
  const features = [...byKey.values()].sort();
  if (message.height !== 1 && message.version !== 'FEATURE') return { height: BigInt(message.height), version: message.version, oldUpgradeHeight: old.height, features };
  return { ...old, features };
}
