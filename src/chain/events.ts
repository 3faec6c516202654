/**
 * Every domain event, from every module — the reducer's output besides receipts and the state
 * root. Projections and the audit consume these; evolve (./evolve.ts) applies them.
 */
import type { AuthEvent } from '../modules/auth/events.js';
import type { NodesEvent } from '../modules/nodes/events.js';

export type DomainEvent = AuthEvent | NodesEvent;

export type DomainEventType = DomainEvent['type'];
