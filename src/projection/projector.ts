/**
 * A projector (after emmett's sqliteProjection): the table it writes, the domain events it
 * handles, and a PURE handler per event that maps the event (in its envelope) to statement calls
 * — `[statement name, named parameters]`. The store prepares the statements once and runs the
 * calls of every projector for a block, with the checkpoint, in one transaction. Handlers never
 * read the database or the ledger state, so "handled twice = handled once" and "rebuild =
 * incremental" depend only on the checkpoint, which refuses a block it has seen.
 *
 * Block-level rows (blocks, txs, supply) come from `block`, which gets the whole committed block;
 * genesis rows from `genesis`, which reads the imported genesis state (height 0), so a
 * projection built from the log alone is complete.
 */
import type { LedgerState } from '../chain/ledger-state.js';
import type { DomainEvent, DomainEventType } from '../chain/events.js';
import type { CommittedBlock, EventEnvelope } from '../runtime/committed-block.js';

/** Named parameters: better-sqlite3 binds bigint, number, string, null and Uint8Array. */
export type SqlParams = Readonly<Record<string, bigint | number | string | null | Uint8Array>>;

/** One statement call: the statement's name in the projector's `statements`, and its parameters. */
export type Write<S extends string> = readonly [S, SqlParams];

export type EventHandlers<S extends string, T extends DomainEventType> = {
  readonly [K in T]: (envelope: EventEnvelope<Extract<DomainEvent, { type: K }>>) => ReadonlyArray<Write<S>>;
};

export interface Projector<S extends string = string, T extends DomainEventType = DomainEventType> {
  readonly name: string;
  /** The table this projector owns (rows of no other projector go there). */
  readonly table: string;
  /** Statement name → SQL (named parameters @name). */
  readonly statements: Readonly<Record<S, string>>;
  /** The events it handles, each with its pure handler. */
  readonly handlers: EventHandlers<S, T>;
  /** Rows from the block itself (after the event rows). */
  readonly block?: (committed: CommittedBlock) => ReadonlyArray<Write<S>>;
  /**
   * Optional: merges one block's writes before they run (pure; e.g. summing the balance deltas
   * of one address), so a value touched by many events is written once per block.
   */
  readonly combine?: (writes: ReadonlyArray<Write<S>>) => ReadonlyArray<Write<S>>;
  /** Rows at height 0 from the imported genesis state. */
  readonly genesis?: (state: LedgerState) => ReadonlyArray<Write<S>>;
}

/** Types a projector literal without widening its statement names (a typo is a compile error). */
export function defineProjector<S extends string, T extends DomainEventType>(projector: Projector<S, T>): Projector<S, T> {
  return projector;
}

export const bool = (value: boolean): number => (value ? 1 : 0);
export const jsonText = (value: unknown): string => JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
