import { accepted, rejected } from '../../core/outcome.js';
import { rejection } from '../../core/rejection.js';
import { APPLICATION, SDK } from '../../messages/index.js';
import { StakeStatus } from '../nodes/index.js';
export function decideBeginUnstakeApp(state, msg, ctx) {
    const app = state.apps.applications.get(msg.applicationAddress);
    if (app === undefined)
        return rejected(rejection(APPLICATION.application_not_found, `application ${msg.applicationAddress} does not exist`));
    if (app.status !== StakeStatus.Staked) {
        return rejected(rejection(SDK.internal_error, `application:110 invalid application status: ${app.address} is not staked`));
    }
    if (app.jailed)
        return rejected(rejection(SDK.internal_error, `application:104 application is jailed: ${app.address}`));
    const unstakingTimeNs = app.unstakingTimeNs ?? ctx.timeNs + state.params().application.unstakingTimeNs;
    return accepted({ type: 'AppUnstakingStarted', address: app.address, tokensUpokt: app.stakedTokensUpokt, unstakingTimeNs });
}
/** EndBlock step (application): return the stake of every app whose unstaking time has come. */
export function unstakeMatureApplications(state, ctx) {
    const events = [];
    for (const address of state.apps.unstakingQueue.matured(ctx.timeNs)) {
        const app = state.apps.applications.get(address);
        if (app === undefined || app.status !== StakeStatus.Unstaking || app.jailed)
            continue;
        events.push({ type: 'AppUnstaked', address: app.address, amountUpokt: app.stakedTokensUpokt, unstakingTimeNs: app.unstakingTimeNs ?? 0n });
    }
    return events;
}
export function decideUnjailApp(state, msg) {
    const app = state.apps.applications.get(msg.applicationAddress);
    if (app === undefined)
        return rejected(rejection(APPLICATION.application_not_found, `application ${msg.applicationAddress} does not exist`));
    const minimum = state.params().application.stakeMinimumUpokt;
    if (app.stakedTokensUpokt < minimum) {
        return rejected(rejection(APPLICATION.application_not_jailed, `stake ${app.stakedTokensUpokt}upokt is too low to unjail (minimum ${minimum}upokt)`));
    }
    if (!app.jailed)
        return rejected(rejection(APPLICATION.application_not_jailed, `application ${app.address} is not jailed`));
    return accepted({ type: 'AppUnjailed', address: app.address });
}
//# sourceMappingURL=unstaking.js.map