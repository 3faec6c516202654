/**
 * A projector (after emmett's projections): the table(s) it owns, the domain events it handles,
 * and what it makes of them — ROWS, not SQL. A handler updates the projector's own view of the
 * newest rows (version-rows.ts) or appends log rows; at the end of each block `flush` hands the
 * block's final rows to a sink, and a backend (SQLite: store.ts; PostgreSQL: pg/) writes them
 * with the checkpoint in one transaction. Handlers never read the database or the ledger state:
 * what they need of earlier blocks is the newest row per entity, which the projector keeps and,
 * after a restart, reads back from the database (`resume`, by the table's `resume` rule).
 *
 * So the same projectors feed every backend, and "rebuild = incremental = resumed" depends only
 * on the checkpoint, which refuses a block it has seen.
 *
 * Block-level rows (blocks, txs, supply) come from `block`, which gets the whole committed block;
 * genesis rows from `genesis`, which reads the imported genesis state (height 0), so a
 * projection built from the log alone is complete.
 */
import type { LedgerState } from '../chain/ledger-state.js';
import type { DomainEvent, DomainEventType } from '../chain/events.js';
import type { CommittedBlock, EventEnvelope } from '../runtime/committed-block.js';
import type { Row, TableSpec } from './tables.js';

/** Where a projector's flushed rows go (one batch of blocks, written in one transaction). */
export interface RowSink {
  add(table: TableSpec, row: Row): void;
}

export type EventHandlers<T extends DomainEventType> = {
  readonly [K in T]: (envelope: EventEnvelope<Extract<DomainEvent, { type: K }>>) => void;
};

export interface Projector<T extends DomainEventType = DomainEventType> {
  readonly name: string;
  /** The tables this projector owns (rows of no other projector go there). */
  readonly tables: readonly TableSpec[];
  /** The events it handles, each with its handler. */
  readonly handlers: EventHandlers<T>;
  /** Rows from the block itself (after the block's events). */
  readonly block?: (committed: CommittedBlock) => void;
  /** Rows at the genesis height (0, or an imported exported state's height) from the genesis state (then `flush`). */
  readonly genesis?: (state: LedgerState, height: number) => void;
  /** The block's final rows to `sink`; the projector forgets them (keeps only the newest per entity). */
  readonly flush: (sink: RowSink) => void;
  /** After a restart: the rows the table's `resume` rule selects, as the database holds them. */
  readonly resume?: (table: TableSpec, rows: readonly Row[]) => void;
}

/** A projector is stateful (its newest rows): a store makes a fresh set when it opens. */
export type ProjectorFactory = () => Projector;

/** Types a projector's handlers against the events it declares. */
export function defineProjector<T extends DomainEventType>(make: () => Projector<T>): ProjectorFactory {
  return make as unknown as ProjectorFactory;
}

export const bool = (value: boolean): number => (value ? 1 : 0);
export { jsonText } from './json-text.js';

/** Rows appended during a block (log tables: one row per event or line), flushed as they are. */
export class AppendRows {
  private rows: Row[] = [];
  constructor(readonly table: TableSpec) {}

  add(row: Row): void {
    this.rows.push(row);
  }

  flush(sink: RowSink): void {
    for (const row of this.rows) sink.add(this.table, row);
    this.rows = [];
  }
}
