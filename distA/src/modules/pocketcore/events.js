/** Total relay-reward mint among `events` (what ApplicationBurnRate offsets). */
export function relayRewardMintedUpokt(events) {
    let total = 0n;
    for (const event of events)
        if (event.type === 'RelaysRewarded')
            total += event.plan.mintedUpokt;
    return total;
}
//# sourceMappingURL=events.js.map