/**
 * The read-only face of the ledger state, handed to every deciding function (message
 * handlers, hook steps): same shape as LedgerState, tables without their write methods.
 * Deciding never writes; evolve (./evolve.ts) is the only writer.
 */
import type { ReadonlyTable, Table } from '../state/table.js';
import type { LedgerState } from './ledger-state.js';

type ReadonlyTables<T> = {
  readonly [K in keyof T]: T[K] extends Table<infer V> ? ReadonlyTable<V> : T[K] extends (...args: never[]) => unknown ? T[K] : ReadonlyTables<T[K]>;
};

export type ReadonlyLedgerState = ReadonlyTables<Omit<LedgerState, 'store'>>;
