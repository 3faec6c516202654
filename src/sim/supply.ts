/**
 * Supply accounting from the domain events alone (chain/supply-effects.ts declares, per event
 * type, what it mints and burns); the simulator checks after every block that
 *
 *   total supply (state) == supply at the start + Σ minted − Σ burned   (over the blocks' events)
 *
 * independently of the bank code that applied them (bank.ts mint/burn).
 */
import type { BlockResult } from '../chain/apply-block.js';
import type { DomainEvent } from '../chain/events.js';
import { supplyEffect } from '../chain/supply-effects.js';

export { supplyEffect, type SupplyEffect } from '../chain/supply-effects.js';

/** Every domain event of a block, in the order it was applied. */
export function blockEvents(result: BlockResult): DomainEvent[] {
  const events: DomainEvent[] = [];
  for (const step of result.beginBlock) events.push(...step.events);
  for (const receipt of result.receipts) events.push(...receipt.events);
  for (const step of result.endBlock) events.push(...step.events);
  return events;
}

/** Running totals of minted and burned uPOKT. */
export class SupplyLedger {
  mintedUpokt = 0n;
  burnedUpokt = 0n;

  constructor(readonly genesisSupplyUpokt: bigint) {}

  record(result: BlockResult): void {
    for (const event of blockEvents(result)) {
      const effect = supplyEffect(event);
      this.mintedUpokt += effect.mintedUpokt;
      this.burnedUpokt += effect.burnedUpokt;
    }
  }

  get expectedSupplyUpokt(): bigint {
    return this.genesisSupplyUpokt + this.mintedUpokt - this.burnedUpokt;
  }
}
