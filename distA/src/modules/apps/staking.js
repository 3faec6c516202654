import { accepted, rejected } from '../../core/outcome.js';
import { rejection } from '../../core/rejection.js';
import { err, ok } from '../../core/result.js';
import { APPLICATION } from '../../messages/index.js';
import { MODULE_ADDRESSES, TOTAL_SUPPLY_KEY } from '../auth/index.js';
import { StakeStatus } from '../nodes/index.js';
import { calculateAppRelays } from './max-relays.js';
const balanceOf = (state, address) => state.auth.accounts.get(address)?.balanceUpokt ?? 0n;
/**
 * ValidateApplicationTransfer as a function of its own: the signer's app when the transfer may
 * happen, else application:110 (what pocket-core's keeper returns; TV-14 asserts it directly).
 */
export function validateAppTransfer(state, signer, msg) {
    const current = state.apps.applications.get(signer);
    if (current === undefined || current.status !== StakeStatus.Staked) {
        return err(rejection(APPLICATION.invalid_application_status, `signer ${signer} is not a staked application`));
    }
    if (state.apps.applications.has(msg.applicationAddress)) {
        return err(rejection(APPLICATION.invalid_application_status, `an application already exists at ${msg.applicationAddress}`));
    }
    return ok(current);
}
/** MaxRelays for `stakeUpokt` once `addedUpokt` has moved into the app pool (§7). */
export function maxRelaysAfterStake(state, params, stakeUpokt, addedUpokt) {
    return calculateAppRelays({
        stakeUpokt,
        baseRelaysPerPokt: params.baseRelaysPerPokt,
        stabilityAdjustment: params.stabilityAdjustment,
        participationRateOn: params.participationRateOn,
        appsStakedPoolUpokt: balanceOf(state, MODULE_ADDRESSES.application_staked_tokens_pool) + addedUpokt,
        nodesStakedPoolUpokt: balanceOf(state, MODULE_ADDRESSES.staked_tokens_pool),
        totalSupplyUpokt: state.auth.supply.get(TOTAL_SUPPLY_KEY) ?? 0n,
    });
}
export function decideStakeApp(state, msg, ctx) {
    if (msg.transfer) {
        const transfer = validateAppTransfer(state, ctx.signer, msg);
        if (transfer.ok) {
            const from = transfer.value;
            return accepted({ type: 'AppTransferred', from: from.address, to: msg.applicationAddress, toPublicKey: msg.publicKey, stakeUpokt: from.stakedTokensUpokt });
        }
    }
    const params = state.params().application;
    if (BigInt(msg.chains.length) > params.maximumChains) {
        return rejected(rejection(APPLICATION.too_many_chains, `${msg.chains.length} chains exceed application/MaximumChains ${params.maximumChains}`));
    }
    const current = state.apps.applications.get(msg.applicationAddress);
    if (current !== undefined) {
        if (current.status === StakeStatus.Staked)
            return decideEditAppStake(state, params, msg, current);
        return rejected(rejection(APPLICATION.invalid_application_status, `application ${current.address} is unstaking and cannot stake until its unstake completes`));
    }
    if (msg.valueUpokt < params.stakeMinimumUpokt) {
        return rejected(rejection(APPLICATION.stake_below_minimum, `stake ${msg.valueUpokt}upokt is below application/ApplicationStakeMinimum ${params.stakeMinimumUpokt}upokt`));
    }
    const balance = balanceOf(state, msg.applicationAddress);
    if (balance < msg.valueUpokt)
        return rejected(rejection(APPLICATION.not_enough_coins, `application ${msg.applicationAddress} holds ${balance}upokt, the stake needs ${msg.valueUpokt}upokt`));
    if (BigInt(state.apps.stakedCount.count) >= params.maxApplications) {
        return rejected(rejection(APPLICATION.max_applications_reached, `${state.apps.stakedCount.count} staked applications reach application/MaxApplications ${params.maxApplications}`));
    }
    return accepted({
        type: 'AppStaked',
        address: msg.applicationAddress,
        publicKey: msg.publicKey,
        amountUpokt: msg.valueUpokt,
        chains: msg.chains,
        maxRelays: maxRelaysAfterStake(state, params, msg.valueUpokt, msg.valueUpokt),
    });
}
function decideEditAppStake(state, params, msg, current) {
    const tokens = current.stakedTokensUpokt;
    if (msg.valueUpokt < tokens) {
        return rejected(rejection(APPLICATION.edit_stake_must_not_decrease, `edit stake ${msg.valueUpokt}upokt must be greater than or equal to the current stake ${tokens}upokt`));
    }
    const added = msg.valueUpokt - tokens;
    const balance = balanceOf(state, current.address);
    if (added > 0n && balance < added)
        return rejected(rejection(APPLICATION.not_enough_coins, `application ${current.address} holds ${balance}upokt, the raise needs ${added}upokt`));
    const maxRelays = added > 0n ? maxRelaysAfterStake(state, params, msg.valueUpokt, added) : current.maxRelays;
    return accepted({
        type: 'AppStakeEdited',
        address: current.address,
        previousTokensUpokt: tokens,
        addedUpokt: added,
        tokensUpokt: msg.valueUpokt,
        chains: msg.chains,
        previousChains: current.chains,
        maxRelays,
        previousMaxRelays: current.maxRelays,
        maxRelaysRecomputed: added > 0n,
    });
}
//# sourceMappingURL=staking.js.map