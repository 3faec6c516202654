/**
 * Decoding and checking a ParamChange value (PROTOCOL §8.1 step 3).
 *
 * The value bytes are the amino JSON of the typed value: 64-bit integers, decimals and durations
 * as JSON strings ("100", "0.600000000000000000", "3600000000000"), booleans bare, lists and
 * structs as JSON (the ACL and the upgrade also in their {"type","value"} wrapping). pocket-core
 * decodes them into the existing type and SILENTLY IGNORES a value that does not decode (result
 * code 0, value unchanged; x/gov/keeper/subspace_test.go:57-120). The ledger REJECTS it instead
 * — `ledger:11 invalid_param_value` — a deliberate, documented difference: a governance
 * transaction that changes nothing should say so.
 *
 * Beyond the type, the ledger refuses values its rules cannot run with (pocket-core validates
 * nothing on change, and such a value would halt or crash it) — `ledger:12
 * param_value_out_of_range`: divisors and moduli that must be positive (BlocksPerSession,
 * SignedBlocksWindow, SessionNodeCount, ServicerStakeFloorMultiplier, ServicerStakeWeightMultiplier),
 * MaxValidators ≥ 1 (else no validator set: no block can be produced), DAOAllocation and
 * ProposerPercentage ≥ 0 with a sum ≤ 100 (else a relay reward mints a negative node share),
 * FeeBurnPercentage within 0..100 and ApplicationBurnRate ≥ 0. ACL keys that name no parameter
 * and upgrade versions CompareVersionStrings cannot read (pocket-core exits on those) are
 * `invalid_param_value`.
 * Everything else — including values pocket's own genesis Validate() would refuse but that do
 * not break a rule — is accepted, as pocket-core accepts it.
 */
import { parse as parseLossless } from 'lossless-json';
import { err, ok } from '../../core/result.js';
import { parseParamValue } from '../../params/kinds.js';
import { PARAM_SPECS_BY_KEY } from '../../params/registry.js';
import { isComparableVersion } from './features.js';
const invalid = (message) => err({ kind: 'invalid', message });
const outOfRange = (message) => err({ kind: 'out_of_range', message });
/** Bytes → typed value of `spec`'s kind (strict UTF-8, strict JSON without duplicate keys). */
export function decodeParamValue(spec, bytes) {
    let text;
    try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        return invalid(`the value of ${spec.key} is not UTF-8`);
    }
    let node;
    try {
        node = parseLossless(text);
    }
    catch (error) {
        return invalid(`the value of ${spec.key} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    const parsed = parseParamValue(spec.kind, node);
    if (!parsed.ok)
        return invalid(`the value of ${spec.key} does not decode as ${spec.kind}: ${parsed.error}`);
    return ok(parsed.value);
}
function atLeast(key, value, minimum) {
    return value >= minimum ? ok(undefined) : outOfRange(`${key} must be at least ${minimum}, got ${value}`);
}
/** The range rules above, with the other params as they are now (for the DAO + proposer sum). */
export function checkParamRange(key, value, current) {
    switch (key) {
        case 'pos/BlocksPerSession':
        case 'pos/SignedBlocksWindow':
        case 'pos/MaxValidators':
        case 'pos/ServicerStakeFloorMultiplier':
        case 'pocketcore/SessionNodeCount':
            return atLeast(key, value, 1n);
        case 'pos/ServicerStakeWeightMultiplier':
            return value.isPositive() ? ok(undefined) : outOfRange(`${key} must be positive`);
        case 'application/ApplicationBurnRate':
            return value.isNegative() ? outOfRange(`${key} must not be negative`) : ok(undefined);
        case 'pos/FeeBurnPercentage': {
            const percent = value;
            return percent >= 0n && percent <= 100n ? ok(undefined) : outOfRange(`${key} must be within 0..100, got ${percent}`);
        }
        case 'pos/DAOAllocation':
        case 'pos/ProposerPercentage': {
            const dao = key === 'pos/DAOAllocation' ? value : current.pos.daoAllocation;
            const proposer = key === 'pos/ProposerPercentage' ? value : current.pos.proposerAllocation;
            if (dao < 0n || proposer < 0n || dao + proposer > 100n)
                return outOfRange(`DAOAllocation (${dao}) and ProposerPercentage (${proposer}) must be ≥ 0 and sum to at most 100`);
            return ok(undefined);
        }
        case 'gov/acl': {
            const unknown = value.find((entry) => !PARAM_SPECS_BY_KEY.has(entry.key));
            return unknown === undefined ? ok(undefined) : invalid(`acl key ${unknown.key} is not a parameter`);
        }
        case 'gov/upgrade': {
            const { version } = value;
            return isComparableVersion(version) ? ok(undefined) : invalid(`upgrade version ${JSON.stringify(version)} is not dot-separated integers`);
        }
        default:
            return ok(undefined);
    }
}
//# sourceMappingURL=param-value.js.map