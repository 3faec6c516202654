/**
 * The one place that applies domain events to state: event type → its module's evolver.
 * The table is typed so adding an event type without an evolver is a compile error.
 */
import { appsEvolvers } from '../modules/apps/evolve.js';
import { authEvolvers } from '../modules/auth/evolve.js';
import { govEvolvers } from '../modules/gov/evolve.js';
import { slashingEvolvers } from '../modules/nodes/slashing-evolve.js';
import { policyEvolvers } from '../modules/policy/evolve.js';
import { nodesEvolvers } from '../modules/nodes/evolve.js';
import { pocketcoreEvolvers } from '../modules/pocketcore/evolve.js';
import type { DomainEvent, DomainEventType } from './events.js';
import type { LedgerState } from './ledger-state.js';

type Evolvers = { readonly [T in DomainEventType]: (state: LedgerState, event: Extract<DomainEvent, { type: T }>) => void };

const EVOLVERS: Evolvers = {
  ...authEvolvers,
  ...nodesEvolvers,
  ...appsEvolvers,
  ...slashingEvolvers,
  ...govEvolvers,
  ...policyEvolvers,
  ...pocketcoreEvolvers,
};

export function evolve(state: LedgerState, event: DomainEvent): void {
  (EVOLVERS[event.type] as (state: LedgerState, event: DomainEvent) => void)(state, event);
}

export function evolveAll(state: LedgerState, events: readonly DomainEvent[]): void {
  for (const event of events) evolve(state, event);
}
