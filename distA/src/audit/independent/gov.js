import { PARAM_SPECS_BY_KEY } from '../../params/registry.js';
import { paramValueProblem, readableVersion } from './param-rules.js';
import { decodeParamBytes, FEATURE_PARAMS } from './params.js';
const DELIVERED = 'ok';
const UNAUTHORIZED = 'gov:5';
const INVALID_VALUE = 'ledger:14';
/** Each feature-gated key → its feature (params.ts FEATURE_PARAMS). */
const GATED_KEYS = new Map(Object.entries(FEATURE_PARAMS).flatMap(([feature, values]) => Object.keys(values).map((key) => [key, feature])));
/** subspace.go:15 minSafeMaxValidatorParamChangeHeight. */
const MAX_VALIDATORS_FROZEN_FROM = 40_000;
/** A ParamChange's code at block `height` (feature activations of this block already applied: params.ts activateFeatures). */
export function decideParamChange(params, message, height) {
    const key = message.paramKey;
    if (params.aclOwner(key) !== message.fromAddress.toLowerCase())
        return UNAUTHORIZED;
    const feature = GATED_KEYS.get(key);
    if (feature !== undefined && params.featureOff(feature, height))
        return UNAUTHORIZED;
    if (height >= MAX_VALIDATORS_FROZEN_FROM && key === 'pos/MaxValidators' && params.featureOff('SPLIT', height))
        return 'gov:11';
    // An ACL entry naming no parameter (only a genesis file can hold one): nothing to own → gov:5.
    if (!PARAM_SPECS_BY_KEY.has(key))
        return UNAUTHORIZED;
    const value = decodeParamBytes(key, message.paramValue);
    if (value === undefined)
        return INVALID_VALUE;
    return paramValueProblem(key, value, params) ?? DELIVERED;
}
/** An Upgrade's code (the merge: mergeUpgrade). */
export function decideUpgrade(params, message) {
    if (params.aclOwner('gov/upgrade') !== message.address.toLowerCase())
        return UNAUTHORIZED;
    return readableVersion(mergeUpgrade(params.upgrade(), message).version) ? DELIVERED : INVALID_VALUE;
}
/** A DAOTransfer's code, with the dao module account's balance before it. */
export function decideDaoTransfer(params, message, daoBalance) {
    if (message.fromAddress.toLowerCase() !== params.address('gov/daoOwner'))
        return 'sdk:4';
    if (message.action === 'dao_transfer' && message.toAddress === null)
        return 'sdk:7'; // ValidateBasic refuses it first (msg.go:107-122)
    if (daoBalance >= message.amountUpokt)
        return DELIVERED;
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
export function mergeUpgrade(old, message) {
    const byKey = new Map();
    for (const entry of old.features)
        byKey.set(entry.slice(0, entry.lastIndexOf(':')), entry);
    for (const feature of message.features)
        byKey.set(feature.key, `${feature.key}:${feature.height}`);
    const features = [...byKey.values()].sort();
    if (message.height !== 1 && message.version !== 'FEATURE')
        return { height: BigInt(message.height), version: message.version, oldUpgradeHeight: old.height, features };
    return { ...old, features };
}
//# sourceMappingURL=gov.js.map