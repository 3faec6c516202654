import { accepted, rejected } from '../../core/outcome.js';
import { rejection } from '../../core/rejection.js';
import { POS } from '../../messages/index.js';
import { primaryRecipient } from './reward-split.js';
import { isOperatorOrOutput } from './staking.js';
import { StakeStatus } from './state.js';
export function decideBeginUnstakeNode(state, msg, ctx) {
    void ctx; // pocket-core checks the message's signer field; the ante handler tied it to the tx signer's set
    const validator = state.nodes.validators.get(msg.validatorAddress);
    if (validator === undefined)
        return rejected(rejection(POS.validator_not_found, `validator ${msg.validatorAddress} does not exist`));
    if (!isOperatorOrOutput(validator, msg.signerAddress)) {
        return rejected(rejection(POS.signer_not_operator_or_output, `signer ${msg.signerAddress} is neither the operator nor the output address`));
    }
    if (validator.status !== StakeStatus.Staked)
        return rejected(rejection(POS.invalid_validator_status, `validator ${validator.address} is not staked`));
    return accepted({ type: 'NodeUnstakeRequested', address: validator.address, signer: msg.signerAddress, reason: 'begin_unstake_message' });
}
/** Is this block the last of its session (the one that releases waiting validators)? */
export function isSessionEnd(height, blocksPerSession) {
    return blocksPerSession > 0n && BigInt(height) % blocksPerSession === 0n;
}
/** EndBlock step: at session end, start unstaking every waiting validator still Staked. */
export function releaseWaitingValidators(state, params, ctx) {
    if (!isSessionEnd(ctx.height, params.blocksPerSession))
        return [];
    const events = [];
    for (const [address, waitingReason] of state.nodes.waitingValidators.sortedEntries()) {
        const validator = state.nodes.validators.get(address);
        if (validator === undefined) {
            events.push({ type: 'NodeUnstakeWaitDropped', address: address, reason: 'validator_not_found' });
        }
        else if (validator.status !== StakeStatus.Staked) {
            events.push({ type: 'NodeUnstakeWaitDropped', address: validator.address, reason: 'not_staked' });
        }
        else {
            // BeginUnstakingValidator sets the time only if unset (valStateChanges.go:437-439); a
            // Staked validator never has one, so this is block time + UnstakingTime.
            const unstakingTimeNs = validator.unstakingTimeNs ?? ctx.timeNs + params.unstakingTimeNs;
            events.push({ type: 'NodeUnstakingStarted', address: validator.address, tokensUpokt: validator.tokensUpokt, unstakingTimeNs, waitingReason });
        }
    }
    return events;
}
/** EndBlock step: return the stake of every validator whose unstaking time has come. */
export function unstakeMatureValidators(state, ctx) {
    const events = [];
    for (const address of state.nodes.unstakingQueue.matured(ctx.timeNs)) {
        const validator = state.nodes.validators.get(address);
        if (validator === undefined || validator.status !== StakeStatus.Unstaking)
            continue;
        events.push({
            type: 'NodeUnstaked',
            address: validator.address,
            recipient: primaryRecipient(validator),
            amountUpokt: validator.tokensUpokt,
            unstakingTimeNs: validator.unstakingTimeNs ?? 0n,
        });
    }
    return events;
}
/**
 * The force-unstake primitive (post-[NCUST] ForceValidatorUnstake): for slashing below the
 * minimum (`stake_below_minimum`, with the validator as it is AFTER the slash) and for the
 * jailed-blocks counter (`max_jailed_blocks`). JailValidator jails only a validator that is not
 * already jailed and not Unstaked (valStateChanges.go:575-603); the waiting entry is added in
 * every case. Returns no event for a validator that does not exist (pocket-core logs and moves on).
 */
export function planForceUnstake(validator, reason) {
    if (validator === undefined)
        return [];
    const jails = !validator.jailed && validator.status !== StakeStatus.Unstaked;
    return [{ type: 'NodeForceUnstakeQueued', address: validator.address, reason, jails, tokensUpokt: validator.tokensUpokt }];
}
/**
 * Slashing's follow-up rule (slash.go:105-146 / simpleSlash 44-79): after a burn leaves the
 * validator below pos/StakeMinimum, force it to unstake. `validatorAfterSlash` is the record with
 * the burn applied. Example: StakeMinimum 15,000 POKT, tokens 15,000.5 POKT, burn 1 POKT →
 * 14,999.5 POKT < minimum → NodeForceUnstakeQueued(stake_below_minimum).
 */
export function forceUnstakeIfBelowMinimum(validatorAfterSlash, params) {
    if (validatorAfterSlash === undefined || validatorAfterSlash.tokensUpokt >= params.stakeMinimumUpokt)
        return [];
    return planForceUnstake(validatorAfterSlash, 'stake_below_minimum');
}
//# sourceMappingURL=unstaking.js.map