/**
 * Supply accounting from the domain events alone: every event says how much it mints and burns,
 * and the simulator checks after every block that
 *
 *   total supply (state) == supply at the start + Σ minted − Σ burned   (over the blocks' events)
 *
 * independently of the bank code that applied them (bank.ts mint/burn).
 *
 * How an event states its effect: by convention, fields named `mintedUpokt` / `burnedUpokt`, at
 * the top level or one object down (e.g. `plan.mintedUpokt`); an event type whose amounts are
 * named otherwise has a line in SUPPLY_EFFECTS. An event that changes supply without either
 * shows up as a mismatch at the first block that emits it — the check this file exists for.
 * Example: BlockRewardDistributed with collected 1,100,000 and FeeBurnPercentage 99 carries
 * burnedUpokt 1,089,000 → { minted: 0, burned: 1,089,000 }.
 */
import type { BlockResult } from '../chain/apply-block.js';
import type { DomainEvent } from '../chain/events.js';

export interface SupplyEffect {
  readonly mintedUpokt: bigint;
  readonly burnedUpokt: bigint;
}

type Fields = Readonly<Record<string, unknown>>;

/** Event types that do not follow the field convention (keyed by event type). */
const SUPPLY_EFFECTS: Readonly<Record<string, (event: Fields) => SupplyEffect>> = {
  // MsgDAOTransfer with action dao_burn: `amountUpokt` leaves the dao module account and supply.
  DaoBurned: (event) => ({ mintedUpokt: 0n, burnedUpokt: typeof event['amountUpokt'] === 'bigint' ? event['amountUpokt'] : 0n }),
};

function conventionalEffect(event: Fields): SupplyEffect {
  let mintedUpokt = 0n;
  let burnedUpokt = 0n;
  const visit = (fields: Fields): void => {
    if (typeof fields['mintedUpokt'] === 'bigint') mintedUpokt += fields['mintedUpokt'];
    if (typeof fields['burnedUpokt'] === 'bigint') burnedUpokt += fields['burnedUpokt'];
  };
  visit(event);
  for (const value of Object.values(event)) {
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)) visit(value as Fields);
  }
  return { mintedUpokt, burnedUpokt };
}

export function supplyEffect(event: DomainEvent): SupplyEffect {
  const fields = event as unknown as Fields;
  return (SUPPLY_EFFECTS[event.type] ?? conventionalEffect)(fields);
}

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
