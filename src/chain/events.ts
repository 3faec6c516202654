/**
 * Every domain event, from every module — the reducer's output besides receipts and the state
 * root. Projections and the audit consume these; evolve (./evolve.ts) applies them.
 */
import type { AppsEvent } from '../modules/apps/events.js';
import type { AuthEvent } from '../modules/auth/events.js';
import type { GovEvent } from '../modules/gov/events.js';
import type { SlashingEvent } from '../modules/nodes/slashing-events.js';
import type { PolicyEvent } from '../modules/policy/events.js';
import type { NodesEvent } from '../modules/nodes/events.js';
import type { PocketcoreEvent } from '../modules/pocketcore/events.js';

export type DomainEvent = AuthEvent | NodesEvent | AppsEvent | SlashingEvent | GovEvent | PolicyEvent | PocketcoreEvent;

export type DomainEventType = DomainEvent['type'];
