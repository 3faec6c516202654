/**
 * The one place that applies domain events to state: event type → its module's evolver.
 * The table is typed so adding an event type without an evolver is a compile error.
 */
import { appsEvolvers } from '../modules/apps/index.js';
import { authEvolvers } from '../modules/auth/index.js';
import { govEvolvers } from '../modules/gov/index.js';
import { slashingEvolvers, slashingFollowUps } from '../modules/slashing/index.js';
import { policyEvolvers } from '../modules/policy/index.js';
import { nodesEvolvers } from '../modules/nodes/index.js';
import { pocketcoreEvolvers } from '../modules/pocketcore/index.js';
import type { DomainEvent, DomainEventType } from './events.js';
import type { LedgerState } from './ledger-state.js';

/**
 * An event's writer. `height` is the block the event belongs to (its envelope's height): events
 * carry no height of their own, and an evolver that records "when" (a settled claim) takes it here.
 */
type Evolver<T extends DomainEventType> = (state: LedgerState, event: Extract<DomainEvent, { type: T }>, height: number) => void;
type Evolvers = { readonly [T in DomainEventType]: Evolver<T> };
type AnyEvolver = (state: LedgerState, event: DomainEvent, height: number) => void;

const EVOLVERS: Evolvers = {
  ...authEvolvers,
  ...nodesEvolvers,
  ...appsEvolvers,
  ...slashingEvolvers,
  ...govEvolvers,
  ...policyEvolvers,
  ...pocketcoreEvolvers,
};

/**
 * A second module's part of an event, applied right after the owner's evolver: the slashing
 * module keeps the signing info that nodes' stake, edit and unstake events create, reset and
 * delete (so nodes never writes — or imports — slashing).
 */
const FOLLOW_UPS: { readonly [T in DomainEventType]?: Evolver<T> } = slashingFollowUps;

export function evolve(state: LedgerState, event: DomainEvent, height: number): void {
  (EVOLVERS[event.type] as AnyEvolver)(state, event, height);
  (FOLLOW_UPS[event.type] as AnyEvolver | undefined)?.(state, event, height);
}

export function evolveAll(state: LedgerState, events: readonly DomainEvent[], height: number): void {
  for (const event of events) evolve(state, event, height);
}
