import { resetSigningInfo } from './signing-info.js';
import { StakeStatus } from './state.js';
import { planForceUnstake } from './unstaking.js';
export function incrementJailedBlocks(state, params, ctx) {
    const jailed = [];
    for (const validator of state.pos.validators.unorderedValues())
        if (validator.jailed)
            jailed.push(validator);
    if (jailed.length === 0)
        return [];
    // DEV_NOTE: determinism — table iteration order depends on history; sort by address.
    jailed.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
    const infos = [];
    const forced = [];
    for (const validator of jailed) {
        const current = state.pos.signingInfos.get(validator.address) ?? resetSigningInfo(undefined, validator.address, ctx.height);
        const counter = current.jailedBlocksCounter + 1;
        if (BigInt(counter) <= params.maxJailedBlocks) {
            infos.push({ ...current, jailedBlocksCounter: counter });
            continue;
        }
        if (validator.status !== StakeStatus.Staked || state.pos.waitingValidators.has(validator.address))
            continue;
        forced.push(...planForceUnstake(validator, 'max_jailed_blocks'));
    }
    const events = [...forced];
    if (infos.length > 0)
        events.push({ type: 'SigningInfosUpdated', height: ctx.height, cause: 'jailed_blocks', infos });
    return events;
}
//# sourceMappingURL=jail.js.map