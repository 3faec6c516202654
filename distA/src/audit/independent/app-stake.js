/** Features whose switching off changes the app stake rules (PROTOCOL §1.3, §12.1). */
const APP_STAKE_FEATURES = ['AppTransfer'];
/**
 * The code ("ok" or "application:N", undefined where not decided). `spendable`: what the
 * app's address holds after the fee it paid.
 */
export function decideAppStake(world, message, signer, spendable) {
    if (world.featuresChanged(APP_STAKE_FEATURES))
        return undefined;
    if (message.transfer && isTransferable(world, message, signer))
        return 'ok';
    const p = world.params;
    if (BigInt(message.chains.length) > p.int('application/MaximumChains'))
        return 'application:118';
    const value = message.valueUpokt;
    const current = world.apps.get(message.applicationAddress);
    if (current !== undefined) {
        if (current.unstakingAtNs !== null)
            return 'application:110';
        if (value < current.stake)
            return 'application:120';
        return spendable < value - current.stake ? 'application:112' : 'ok';
    }
    if (value < p.int('application/ApplicationStakeMinimum'))
        return 'application:111';
    if (spendable < value)
        return 'application:112';
    return BigInt(stakedUnjailedApps(world)) >= p.int('application/MaxApplications') ? 'application:119' : 'ok';
}
/** ValidateApplicationTransfer: the signer is a Staked app and the message's key holds none. */
function isTransferable(world, message, signer) {
    const from = world.apps.get(signer);
    return from !== undefined && from.unstakingAtNs === null && !world.apps.has(message.applicationAddress);
}
/** getStakedApplicationsCount (appStaked.go:64-71): Staked and not jailed. */
function stakedUnjailedApps(world) {
    let count = 0;
    for (const app of world.apps.values())
        if (app.unstakingAtNs === null && !app.jailed)
            count++;
    return count;
}
//# sourceMappingURL=app-stake.js.map