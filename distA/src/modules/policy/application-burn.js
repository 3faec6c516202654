import { StakeStatus } from '../nodes/index.js';
/** "never below 1 POKT". */
export const APPLICATION_BURN_FLOOR_UPOKT = 1000000n;
/** Share `amount` pro rata to stake, none above its headroom (steps 1–3 of the file header). */
export function shareProRata(candidates, amount) {
    const burns = new Map();
    let remaining = amount;
    let active = [...candidates];
    while (remaining > 0n && active.length > 0) {
        const totalStake = active.reduce((sum, c) => sum + c.stake, 0n);
        const capped = active.filter((c) => remaining * c.stake >= c.headroom * totalStake);
        if (capped.length > 0) {
            for (const c of capped) {
                burns.set(c.address, c.headroom);
                remaining -= c.headroom;
            }
            active = active.filter((c) => !capped.includes(c));
            continue;
        }
        const parts = active.map((c) => ({ c, floor: (remaining * c.stake) / totalStake, rest: (remaining * c.stake) % totalStake }));
        let leftover = remaining - parts.reduce((sum, p) => sum + p.floor, 0n);
        parts.sort((a, b) => (a.rest !== b.rest ? (a.rest > b.rest ? -1 : 1) : a.c.address < b.c.address ? -1 : 1));
        for (const part of parts) {
            const extra = leftover > 0n ? 1n : 0n;
            leftover -= extra;
            const burn = part.floor + extra;
            if (burn > 0n)
                burns.set(part.c.address, burn);
        }
        remaining = 0n;
    }
    return burns;
}
export function planApplicationBurn(applications, mintedUpokt, rate) {
    const targetUpokt = rate.isPositive() && mintedUpokt > 0n ? rate.mulInt(mintedUpokt).truncateInt() : 0n;
    const candidates = [];
    if (targetUpokt > 0n) {
        for (const app of applications) {
            const headroom = app.stakedTokensUpokt - APPLICATION_BURN_FLOOR_UPOKT;
            if (app.status === StakeStatus.Staked && headroom > 0n)
                candidates.push({ address: app.address, stake: app.stakedTokensUpokt, headroom });
        }
        candidates.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
    }
    const burns = shareProRata(candidates, targetUpokt);
    const lines = candidates
        .filter((c) => (burns.get(c.address) ?? 0n) > 0n)
        .map((c) => ({ address: c.address, burnedUpokt: burns.get(c.address), stakeAfterUpokt: c.stake - burns.get(c.address) }));
    const burnedUpokt = lines.reduce((sum, line) => sum + line.burnedUpokt, 0n);
    return { targetUpokt, burnedUpokt, shortfallUpokt: targetUpokt - burnedUpokt, lines };
}
/** Σ relay-reward mint among a block's events (pocketcore's RelaysRewarded.plan.mintedUpokt). */
export function relayMintOf(events) {
    let total = 0n;
    for (const event of events) {
        if (event.type === 'RelaysRewarded')
            total += event.plan.mintedUpokt;
    }
    return total;
}
/** The EndBlock step: one ApplicationStakeBurned per app that burns. */
export function burnApplicationStakes(state, rate, blockEvents) {
    if (!rate.isPositive())
        return [];
    const minted = relayMintOf(blockEvents);
    if (minted === 0n)
        return [];
    const plan = planApplicationBurn(state.apps.applications.unorderedValues(), minted, rate);
    return plan.lines.map((line) => ({
        type: 'ApplicationStakeBurned',
        address: line.address,
        burnedUpokt: line.burnedUpokt,
        stakeAfterUpokt: line.stakeAfterUpokt,
        blockMintUpokt: minted,
        rate: rate.toString(),
        blockTargetUpokt: plan.targetUpokt,
    }));
}
//# sourceMappingURL=application-burn.js.map