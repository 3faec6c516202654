import { supplyEffect } from '../chain/supply-effects.js';
export { supplyEffect } from '../chain/supply-effects.js';
/** Every domain event of a block, in the order it was applied. */
export function blockEvents(result) {
    const events = [];
    for (const step of result.beginBlock)
        events.push(...step.events);
    for (const receipt of result.receipts)
        events.push(...receipt.events);
    for (const step of result.endBlock)
        events.push(...step.events);
    return events;
}
/** Running totals of minted and burned uPOKT. */
export class SupplyLedger {
    genesisSupplyUpokt;
    mintedUpokt = 0n;
    burnedUpokt = 0n;
    constructor(genesisSupplyUpokt) {
        this.genesisSupplyUpokt = genesisSupplyUpokt;
    }
    record(result) {
        for (const event of blockEvents(result)) {
            const effect = supplyEffect(event);
            this.mintedUpokt += effect.mintedUpokt;
            this.burnedUpokt += effect.burnedUpokt;
        }
    }
    get expectedSupplyUpokt() {
        return this.genesisSupplyUpokt + this.mintedUpokt - this.burnedUpokt;
    }
}
//# sourceMappingURL=supply.js.map