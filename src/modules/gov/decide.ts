/**
 * gov message rules (x/gov/handler.go, keeper/subspace.go, keeper/dao.go; PROTOCOL §1.6, §8).
 *
 * ParamChange, in pocket-core's order:
 *   1. the sender must be the key's ACL owner; a key the ACL does not list has no owner → gov:5
 *      (this covers unknown keys too, and a feature-gated key before its hook adds its owner,
 *      genesis/parse.ts completeAcl). The ACL alone decides, as ModifyParam's VerifyACL does
 *      (x/gov/keeper/subspace.go:199-202): a gated key a `gov/acl` change named early may be
 *      changed by its owner while its feature is off, which stores it;
 *   2. h ≥ 40,000 while [SPLIT] is inactive and the key is pos/MaxValidators → gov:11;
 *   3. the value must decode as the parameter's type → else ledger:14 (pocket-core: code 0 and
 *      nothing changes — see ./param-value.ts), and must be a value the rules can run with →
 *      else ledger:15;
 *   then ParamChanged. It takes effect at once (later txs of the same block see it);
 *   `paramsAt(h)` returns it from the end of block h on.
 *
 * DAOTransfer: only `gov/daoOwner` may move the treasury (else sdk:4); a transfer the dao account
 * cannot cover is sdk:10 (bank's insufficient coins); a burn it cannot cover is sdk:1 (pocket's
 * BurnCoins wraps the bank error as internal).
 *
 * Upgrade: the sender must own `gov/upgrade` (gov:5); the new value is merged with the old one
 * (post-UPG30024): a version upgrade (Height ≠ 1 and Version ≠ "FEATURE") records the old Height
 * as OldUpgradeHeight; a features-only upgrade keeps Height, Version and OldUpgradeHeight; both
 * merge the feature lists (./features.ts mergeFeatures). A version CompareVersionStrings cannot
 * compare with this ledger's is ledger:14 (pocket-core would store it and then every node would
 * exit, x/gov/module.go:138-146). Heights in the past are allowed, as in pocket-core: such a
 * feature is active at once but its activation hook never runs (./activation.ts
 * activatedWithoutHook: FeatureActivatedWithoutHook events after UpgradeScheduled).
 */
import type { TxContext } from '../../core/block-context.js';
import { accepted, rejected, type Outcome } from '../../core/outcome.js';
import { rejection } from '../../core/rejection.js';
import type { Address } from '../../core/types.js';
import { GOV, LEDGER, SDK, type DAOTransferMessage, type ParamChangeMessage, type UpgradeMessage } from '../../messages/index.js';
import { paramValueToJson, type Upgrade } from '../../params/kinds.js';
import { paramValueOf, type Params } from '../../params/params.js';
import { PARAM_SPECS_BY_KEY } from '../../params/registry.js';
import type { ReadonlyTable } from '../../state/table.js';
import { type Account, MODULE_ADDRESSES } from '../auth/index.js';
import type { GovEvent } from './events.js';
import { type FeatureKey, FEATURE_UPGRADE_VERSION, isComparableVersion, LEDGER_PROTOCOL_VERSION, mergeFeatures } from './features.js';
import { checkParamRange, decodeParamValue } from './param-value.js';
import { activatedWithoutHook } from './activation.js';

export interface GovView {
  readonly auth: { readonly accounts: ReadonlyTable<Account> };
  /** The gated params pocket-core's store would not hold (./state.ts unstoredParamsTable). */
  readonly gov: { readonly unstored: Pick<ReadonlyTable<FeatureKey>, 'has'> };
  params(): Params;
}

/** x/gov/keeper/subspace.go:15 — MaxValidators is frozen from here until [SPLIT]. */
const MAX_VALIDATORS_FREEZE_HEIGHT = 40_000;
const UPGRADE_KEY = 'gov/upgrade';

export function aclOwner(params: Params, key: string): Address | undefined {
  return params.gov.acl.find((entry) => entry.key === key)?.address;
}

function unauthorized(from: Address, key: string): Outcome<GovEvent> {
  return rejected(rejection(GOV.param_change_unauthorized, `unauthorized param change: ${from} is not the owner of ${key}`));
}

export function decideParamChange(state: GovView, msg: ParamChangeMessage, ctx: TxContext): Outcome<GovEvent> {
  const params = state.params();
  if (aclOwner(params, msg.paramKey) !== msg.fromAddress) return unauthorized(msg.fromAddress, msg.paramKey);
  if (ctx.height >= MAX_VALIDATORS_FREEZE_HEIGHT && ctx.inactiveFeatures.has('SPLIT') && msg.paramKey === 'pos/MaxValidators') {
    return rejected(rejection(GOV.param_change_before_allowed_height, `${msg.paramKey} cannot change before the validator-split upgrade`));
  }
  const spec = PARAM_SPECS_BY_KEY.get(msg.paramKey);
  if (spec === undefined) return unauthorized(msg.fromAddress, msg.paramKey);
  const decoded = decodeParamValue(spec, msg.paramValue, paramValueOf(params, spec));
  if (!decoded.ok) return rejected(rejection(LEDGER.invalid_param_value, decoded.error.message));
  const range = checkParamRange(spec.key, decoded.value, params);
  if (!range.ok) return rejected(rejection(range.error.kind === 'invalid' ? LEDGER.invalid_param_value : LEDGER.param_value_out_of_range, range.error.message));
  const oldValue = paramValueToJson(spec.kind, paramValueOf(params, spec));
  const changed: GovEvent = { type: 'ParamChanged', key: spec.key, oldValue, newValue: paramValueToJson(spec.kind, decoded.value), by: msg.fromAddress };
  if (spec.key !== UPGRADE_KEY) return accepted(changed);
  // The ledger's features table reads the new value from the next block on: a feature it makes
  // active at this height (so at a past one) never gets its hook (./activation.ts).
  return accepted<GovEvent>(changed, ...activatedWithoutHook(params.gov.upgrade, decoded.value as Upgrade, ctx.height, state.gov.unstored));
}

export function decideDaoTransfer(state: GovView, msg: DAOTransferMessage): Outcome<GovEvent> {
  const owner = state.params().gov.daoOwner;
  if (msg.fromAddress !== owner) {
    const verb = msg.action === 'dao_burn' ? 'burn' : 'transfer';
    return rejected(rejection(SDK.unauthorized, `non dao owner is trying to ${verb} from the dao ${msg.fromAddress}`));
  }
  const treasury = state.auth.accounts.get(MODULE_ADDRESSES.dao)?.balanceUpokt ?? 0n;
  if (msg.action === 'dao_burn') {
    if (treasury < msg.amountUpokt) return rejected(rejection(SDK.internal_error, `insufficient account funds; ${treasury}upokt < ${msg.amountUpokt}upokt`));
    return accepted({ type: 'DaoBurned', by: msg.fromAddress, amountUpokt: msg.amountUpokt });
  }
  if (msg.toAddress === null) return rejected(rejection(SDK.invalid_address, 'nil to address'));
  if (treasury < msg.amountUpokt) return rejected(rejection(SDK.insufficient_coins, `insufficient account funds; ${treasury}upokt < ${msg.amountUpokt}upokt`));
  return accepted({ type: 'DaoTransferred', by: msg.fromAddress, to: msg.toAddress, amountUpokt: msg.amountUpokt });
}

/** The merged `gov/upgrade` value a MsgUpgrade produces (HandleUpgrade post-UPG30024). */
export function mergeUpgrade(old: Upgrade, msg: Pick<UpgradeMessage, 'height' | 'version' | 'features'>): { kind: 'version' | 'features'; upgrade: Upgrade } {
  const features = mergeFeatures(old.features, msg.features.map((f) => `${f.key}:${f.height}`));
  if (msg.height !== 1 && msg.version !== FEATURE_UPGRADE_VERSION) {
    return { kind: 'version', upgrade: { height: BigInt(msg.height), version: msg.version, oldUpgradeHeight: old.height, features } };
  }
  return { kind: 'features', upgrade: { ...old, features } };
}

export function decideUpgrade(state: GovView, msg: UpgradeMessage, ctx: TxContext): Outcome<GovEvent> {
  const params = state.params();
  if (aclOwner(params, UPGRADE_KEY) !== msg.address) return unauthorized(msg.address, UPGRADE_KEY);
  const { kind, upgrade } = mergeUpgrade(params.gov.upgrade, msg);
  if (!isComparableVersion(upgrade.version)) {
    return rejected(rejection(LEDGER.invalid_param_value, `upgrade version ${JSON.stringify(msg.version)} cannot be compared with this ledger's version ${LEDGER_PROTOCOL_VERSION}`));
  }
  const scheduled: GovEvent = {
    type: 'UpgradeScheduled',
    by: msg.address,
    kind,
    previous: paramValueToJson('upgrade', params.gov.upgrade),
    upgrade: paramValueToJson('upgrade', upgrade),
  };
  // A feature named at a height already reached is active at once but never gets its activation
  // hook (./activation.ts activatedWithoutHook).
  return accepted<GovEvent>(scheduled, ...activatedWithoutHook(params.gov.upgrade, upgrade, ctx.height, state.gov.unstored));
}
