/**
 * MsgUnjail (x/nodes/handler.go:151-168; ValidateUnjailMessage and UnjailValidator,
 * x/nodes/keeper/valStateChanges.go:651-719; PROTOCOL §1.2, §6.8). Checks in pocket-core's order:
 *
 *   1. no validator at the address                              → pos:101
 *   2. signer is neither the operator nor its output address    → pos:125
 *   3. tokens < StakeMinimum                                    → pos:105, and the validator is
 *      put in the waiting-to-unstake set anyway (pocket-core's handler writes before failing;
 *      post-[NCUST] "defensive against stuck in jail") — an explicit failed-with-side-effect
 *      outcome here (core/outcome.ts)
 *   4. not jailed                                               → pos:105
 *   5. no signing info                                          → pos:101
 *   6. block time < jailed_until                                → pos:104
 *   then: unjailed (back in the validator set at EndBlock), signing-info counters reset.
 *
 * Deliberate differences: pocket-core also refuses when `jailed_until` is after the node's
 * WALL-CLOCK time (time.Now(), valStateChanges.go:682-684) — non-deterministic, so only block
 * time counts here (PROTOCOL §12.2 item 2). Its "tokens == 0 → pos:106" check compares
 * pointers and never fires; zero tokens reach check 3 as in pocket-core.
 *
 * Worked example (mainnet params): jailed by downtime at block time T → jailed_until
 * T + 3600 s; an Unjail in a block at T + 3599 s → pos:104; at T + 3600 s → accepted.
 */
import { accepted, rejected, rejectedWithSideEffects } from '../../core/outcome.js';
import { rejection } from '../../core/rejection.js';
import { POS } from '../../messages/index.js';
export function decideUnjailNode(state, msg, ctx) {
    const validator = state.pos.validators.get(msg.validatorAddress);
    if (validator === undefined)
        return rejected(rejection(POS.validator_not_found, `no validator found for address ${msg.validatorAddress}`));
    if (msg.signerAddress !== validator.address && msg.signerAddress !== validator.outputAddress) {
        return rejected(rejection(POS.signer_not_operator_or_output, `signer ${msg.signerAddress} is neither the operator nor the output address`));
    }
    const minimum = state.params().pos.stakeMinimumUpokt;
    if (validator.tokensUpokt < minimum) {
        const queued = { type: 'NodeUnstakeRequested', address: validator.address, signer: msg.signerAddress, reason: 'unjail_below_minimum' };
        return rejectedWithSideEffects(rejection(POS.validator_not_jailed, `validator's self delegation ${validator.tokensUpokt}upokt is below the minimum ${minimum}upokt to unjail; it will be unstaked`), [queued]);
    }
    if (!validator.jailed)
        return rejected(rejection(POS.validator_not_jailed, 'validator is not jailed'));
    const info = state.pos.signingInfos.get(validator.address);
    if (info === undefined)
        return rejected(rejection(POS.validator_not_found, `no signing info for validator ${validator.address}`));
    if (info.jailedUntilNs !== null && ctx.timeNs < info.jailedUntilNs) {
        return rejected(rejection(POS.validator_jailed, `validator is jailed until ${info.jailedUntilNs} ns; block time is ${ctx.timeNs} ns`));
    }
    return accepted({ type: 'NodeUnjailed', address: validator.address, signer: msg.signerAddress, height: ctx.height });
}
//# sourceMappingURL=unjail.js.map