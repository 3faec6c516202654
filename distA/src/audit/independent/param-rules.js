import { PARAM_SPECS_BY_KEY } from '../../params/registry.js';
import { parseDecimal } from './dec.js';
const OUT_OF_RANGE = 'ledger:15';
const INVALID_VALUE = 'ledger:14';
const AT_LEAST_ONE = new Set(['pos/BlocksPerSession', 'pos/SignedBlocksWindow', 'pocketcore/SessionNodeCount', 'pos/ServicerStakeFloorMultiplier', 'pos/MaxValidators']);
/** The refusal code for `value` of `key` with the other params as `params` holds them, or undefined when accepted. */
export function paramValueProblem(key, value, params) {
    if (AT_LEAST_ONE.has(key))
        return value >= 1n ? undefined : OUT_OF_RANGE;
    switch (key) {
        case 'pos/ServicerStakeWeightMultiplier':
            return parseDecimal(String(value)) > 0n ? undefined : OUT_OF_RANGE;
        case 'application/ApplicationBurnRate':
            return parseDecimal(String(value)) >= 0n ? undefined : OUT_OF_RANGE;
        case 'pos/FeeBurnPercentage':
            return value >= 0n && value <= 100n ? undefined : OUT_OF_RANGE;
        case 'pos/DAOAllocation':
        case 'pos/ProposerPercentage': {
            const dao = key === 'pos/DAOAllocation' ? value : params.int('pos/DAOAllocation');
            const proposer = key === 'pos/ProposerPercentage' ? value : params.int('pos/ProposerPercentage');
            return dao >= 0n && proposer >= 0n && dao + proposer <= 100n ? undefined : OUT_OF_RANGE;
        }
        case 'gov/acl':
            return value.every((entry) => PARAM_SPECS_BY_KEY.has(entry.key)) ? undefined : INVALID_VALUE;
        case 'gov/upgrade':
            return readableVersion(value.version) ? undefined : INVALID_VALUE;
        default:
            return undefined;
    }
}
/**
 * A version CompareVersionStrings can read (types/utils.go:157-197: "."-separated chunks, each
 * through strconv.Atoi): here chunks of 1–18 decimal digits, as the ledger accepts (every such
 * chunk fits Atoi's int64; signs, spaces and empty chunks are refused). "0.12.0" yes; "v-next",
 * "1..2", "RC-0.12.0" no. pocket-core would store an unreadable version and then every node exits.
 */
export function readableVersion(version) {
    return version.split('.').every((chunk) => chunk.length >= 1 && chunk.length <= 18 && [...chunk].every((c) => c >= '0' && c <= '9'));
}
//# sourceMappingURL=param-rules.js.map