import { burn, mint, MODULE_ADDRESSES } from '../auth/index.js';
import { invariant } from '../../core/assert.js';
import { HISTORY_FLOOR_KEY } from './state.js';
/** The claim leaves the live set, remembered as settled at `height` (the event's block). */
function settle(state, key, height, outcome) {
    const claim = state.pocketcore.claims.get(key);
    invariant(claim !== undefined, () => `settling claim ${key}: no live claim`);
    state.pocketcore.claims.delete(key);
    state.pocketcore.settledClaims.set(key, { servicer: claim.servicer, sessionHeight: claim.header.sessionHeight, settledHeight: height, outcome });
}
/** simpleSlash's burn (slash.go:44-79): tokens down, the same amount burned from the pool. */
function burnServicerStake(state, event) {
    const { burn: plan } = event;
    if (plan.burnedUpokt <= 0n)
        return;
    const validator = state.nodes.validators.get(plan.servicer);
    invariant(validator !== undefined, () => `ReplayAttackDetected: ${plan.burnedUpokt} to burn from ${plan.servicer}, which is not a validator`);
    const tokensUpokt = validator.tokensUpokt - plan.burnedUpokt;
    state.nodes.validators.set(plan.servicer, { ...validator, tokensUpokt });
    burn(state.auth, MODULE_ADDRESSES.staked_tokens_pool, plan.burnedUpokt);
}
export const pocketcoreEvolvers = {
    ClaimSubmitted: (state, event) => {
        state.pocketcore.claims.set(event.key, event.claim);
    },
    ClaimsExpired: (state, event) => {
        for (const claim of event.claims)
            state.pocketcore.claims.delete(claim.key);
    },
    ProofAccepted: (state, event, height) => {
        settle(state, event.key, height, 'proved');
    },
    ProofRejected: (_state, _event) => {
        // Nothing changes: the claim stays live; the event records the refused attempt.
    },
    RelaysRewarded: (state, event) => {
        for (const line of event.plan.lines)
            mint(state.auth, line.address, line.amountUpokt);
    },
    ReplayAttackDetected: (state, event, height) => {
        burnServicerStake(state, event);
        settle(state, event.key, height, 'replay_attack_burned');
    },
    HistoryFloorAdvanced: (state, event) => {
        state.pocketcore.historyFloor.set(HISTORY_FLOOR_KEY, event.floor);
        for (const key of event.forgottenSettledKeys)
            state.pocketcore.settledClaims.delete(key);
    },
};
//# sourceMappingURL=evolve.js.map