/**
 * Every domain event, from every module — the reducer's output besides receipts and the state
 * root. Projections and the audit consume these; evolve (./evolve.ts) applies them.
 */
import type { AppsEvent } from '../modules/apps/index.js';
import type { AuthEvent } from '../modules/auth/index.js';
import type { GovEvent } from '../modules/gov/index.js';
import type { SlashingEvent } from '../modules/slashing/index.js';
import type { PolicyEvent } from '../modules/policy/index.js';
import type { NodesEvent } from '../modules/nodes/index.js';
import type { PocketcoreEvent } from '../modules/pocketcore/index.js';

export type DomainEvent = AuthEvent | NodesEvent | AppsEvent | SlashingEvent | GovEvent | PolicyEvent | PocketcoreEvent;

export type DomainEventType = DomainEvent['type'];
