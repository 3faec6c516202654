import { accepted, rejected } from '../../core/outcome.js';
import { rejection } from '../../core/rejection.js';
import { GOV, LEDGER, SDK } from '../../messages/index.js';
import { paramValueToJson } from '../../params/kinds.js';
import { paramValueOf } from '../../params/params.js';
import { PARAM_SPECS_BY_KEY } from '../../params/registry.js';
import { MODULE_ADDRESSES } from '../auth/index.js';
import { FEATURE_UPGRADE_VERSION, isComparableVersion, mergeFeatures, PARAM_FEATURE } from './features.js';
import { checkParamRange, decodeParamValue } from './param-value.js';
/** x/gov/keeper/subspace.go:15 — MaxValidators is frozen from here until [SPLIT]. */
const MAX_VALIDATORS_FREEZE_HEIGHT = 40_000;
const UPGRADE_KEY = 'gov/upgrade';
export function aclOwner(params, key) {
    return params.gov.acl.find((entry) => entry.key === key)?.address;
}
function unauthorized(from, key) {
    return rejected(rejection(GOV.param_change_unauthorized, `unauthorized param change: ${from} is not the owner of ${key}`));
}
export function decideParamChange(state, msg, ctx) {
    const params = state.params();
    if (aclOwner(params, msg.paramKey) !== msg.fromAddress)
        return unauthorized(msg.fromAddress, msg.paramKey);
    const feature = PARAM_FEATURE[msg.paramKey];
    if (feature !== undefined && ctx.inactiveFeatures.has(feature))
        return unauthorized(msg.fromAddress, msg.paramKey);
    if (ctx.height >= MAX_VALIDATORS_FREEZE_HEIGHT && ctx.inactiveFeatures.has('SPLIT') && msg.paramKey === 'pos/MaxValidators') {
        return rejected(rejection(GOV.param_change_before_allowed_height, `${msg.paramKey} cannot change before the validator-split upgrade`));
    }
    const spec = PARAM_SPECS_BY_KEY.get(msg.paramKey);
    if (spec === undefined)
        return unauthorized(msg.fromAddress, msg.paramKey);
    const decoded = decodeParamValue(spec, msg.paramValue);
    if (!decoded.ok)
        return rejected(rejection(LEDGER.invalid_param_value, decoded.error.message));
    const range = checkParamRange(spec.key, decoded.value, params);
    if (!range.ok)
        return rejected(rejection(range.error.kind === 'invalid' ? LEDGER.invalid_param_value : LEDGER.param_value_out_of_range, range.error.message));
    const oldValue = paramValueToJson(spec.kind, paramValueOf(params, spec));
    return accepted({ type: 'ParamChanged', key: spec.key, oldValue, newValue: paramValueToJson(spec.kind, decoded.value), by: msg.fromAddress });
}
export function decideDaoTransfer(state, msg) {
    const owner = state.params().gov.daoOwner;
    if (msg.fromAddress !== owner) {
        const verb = msg.action === 'dao_burn' ? 'burn' : 'transfer';
        return rejected(rejection(SDK.unauthorized, `non dao owner is trying to ${verb} from the dao ${msg.fromAddress}`));
    }
    const treasury = state.auth.accounts.get(MODULE_ADDRESSES.dao)?.balanceUpokt ?? 0n;
    if (msg.action === 'dao_burn') {
        if (treasury < msg.amountUpokt)
            return rejected(rejection(SDK.internal_error, `insufficient account funds; ${treasury}upokt < ${msg.amountUpokt}upokt`));
        return accepted({ type: 'DaoBurned', by: msg.fromAddress, amountUpokt: msg.amountUpokt });
    }
    if (msg.toAddress === null)
        return rejected(rejection(SDK.invalid_address, 'nil to address'));
    if (treasury < msg.amountUpokt)
        return rejected(rejection(SDK.insufficient_coins, `insufficient account funds; ${treasury}upokt < ${msg.amountUpokt}upokt`));
    return accepted({ type: 'DaoTransferred', by: msg.fromAddress, to: msg.toAddress, amountUpokt: msg.amountUpokt });
}
/** The merged `gov/upgrade` value a MsgUpgrade produces (HandleUpgrade post-UPG30024). */
export function mergeUpgrade(old, msg) {
    const features = mergeFeatures(old.features, msg.features.map((f) => `${f.key}:${f.height}`));
    if (msg.height !== 1 && msg.version !== FEATURE_UPGRADE_VERSION) {
        return { kind: 'version', upgrade: { height: BigInt(msg.height), version: msg.version, oldUpgradeHeight: old.height, features } };
    }
    return { kind: 'features', upgrade: { ...old, features } };
}
export function decideUpgrade(state, msg, ctx) {
    const params = state.params();
    if (aclOwner(params, UPGRADE_KEY) !== msg.address)
        return unauthorized(msg.address, UPGRADE_KEY);
    const { kind, upgrade } = mergeUpgrade(params.gov.upgrade, msg);
    if (!isComparableVersion(upgrade.version)) {
        return rejected(rejection(LEDGER.invalid_param_value, `upgrade version ${JSON.stringify(msg.version)} is not dot-separated integers (or "FEATURE")`));
    }
    return accepted({
        type: 'UpgradeScheduled',
        by: msg.address,
        kind,
        previous: paramValueToJson('upgrade', params.gov.upgrade),
        upgrade: paramValueToJson('upgrade', upgrade),
    });
}
//# sourceMappingURL=decide.js.map