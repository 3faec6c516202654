import { match } from 'ts-pattern';
import { accepted } from '../core/outcome.js';
import { decideSend } from '../modules/auth/index.js';
import { decideDaoTransfer, decideParamChange, decideUpgrade } from '../modules/gov/index.js';
import { decideUnjailNode, withStakeSigningInfo } from '../modules/slashing/index.js';
import { decideStakeApp, decideBeginUnstakeApp, decideUnjailApp } from '../modules/apps/index.js';
import { decideStakeNode, decideBeginUnstakeNode } from '../modules/nodes/index.js';
import { decideClaim, decideProof } from '../modules/pocketcore/index.js';
/**
 * One arm per message type; `.exhaustive()` makes a message type without a rule a compile
 * error (pocket-core's "unrecognized msg type", sdk:6, cannot happen for a validated message).
 */
export function routeMessage(state, msg, ctx) {
    return match(msg)
        .with({ type: 'Send' }, (m) => decideSend(state, m))
        .with({ type: 'StakeNode' }, (m) => stakeNode(state, m, ctx))
        .with({ type: 'BeginUnstakeNode' }, (m) => decideBeginUnstakeNode(state, m, ctx))
        .with({ type: 'UnjailNode' }, (m) => decideUnjailNode(state, m, ctx))
        .with({ type: 'StakeApp' }, (m) => decideStakeApp(state, m, ctx))
        .with({ type: 'BeginUnstakeApp' }, (m) => decideBeginUnstakeApp(state, m, ctx))
        .with({ type: 'UnjailApp' }, (m) => decideUnjailApp(state, m))
        .with({ type: 'Claim' }, (m) => decideClaim(state, m, ctx))
        .with({ type: 'Proof' }, (m) => decideProof(state, m, ctx))
        .with({ type: 'ParamChange' }, (m) => decideParamChange(state, m, ctx))
        .with({ type: 'DAOTransfer' }, (m) => decideDaoTransfer(state, m))
        .with({ type: 'Upgrade' }, (m) => decideUpgrade(state, m, ctx))
        .exhaustive();
}
/** nodes decides the stake; slashing then decides what it does to the signing info (SigningInfoSet). */
function stakeNode(state, msg, ctx) {
    const outcome = decideStakeNode(state, msg, ctx);
    if (!outcome.ok)
        return outcome;
    return accepted(...withStakeSigningInfo(state, outcome.events, ctx.height));
}
//# sourceMappingURL=router.js.map