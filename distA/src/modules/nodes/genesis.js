import { mint, MODULE_ADDRESSES } from '../auth/index.js';
import { VALIDATOR_SET_KEY } from './state.js';
import { computeValidatorSet } from './validator-set.js';
/** Also computes the first validator set (InitGenesis runs UpdateTendermintValidators). */
export function initNodesGenesis(bank, pos, maxValidators, doc) {
    let staked = 0n;
    for (const v of doc.validators) {
        pos.validators.set(v.address, v);
        staked += v.tokensUpokt;
    }
    mint(bank, MODULE_ADDRESSES.staked_tokens_pool, staked);
    pos.validatorSet.set(VALIDATOR_SET_KEY, computeValidatorSet(pos.validators.unorderedValues(), maxValidators));
}
//# sourceMappingURL=genesis.js.map