/**
 * Two ledger states entry by entry: every table (hashed into the root or not), every key present
 * in either, with both canonical values — what `verify --against` prints at the first height
 * where two runs part. The comparison is over the tables' canonical encodings (the bytes the
 * state root hashes), so two states compare equal here exactly when every leaf is equal.
 */
import type { LedgerState } from '../chain/ledger-state.js';

export interface StateEntryDifference {
  readonly table: string;
  readonly key: string;
  /** Canonical encoding in the first state; null = absent there. */
  readonly left: string | null;
  readonly right: string | null;
}

/** Differences in table, then key order; at most `limit` of them (the count is returned too). */
export function diffStates(left: LedgerState, right: LedgerState, limit = 200): { readonly count: number; readonly entries: StateEntryDifference[] } {
  const entries: StateEntryDifference[] = [];
  let count = 0;
  for (const table of left.store.tables()) {
    const other = right.store.table(table.name);
    if (other === undefined) continue; // same build on both sides: the table sets are equal
    const keys = [...new Set([...table.unorderedKeys(), ...other.unorderedKeys()])].sort();
    for (const key of keys) {
      const a = table.get(key);
      const b = other.get(key);
      const encodedA = a === undefined ? null : table.spec.encode(a);
      const encodedB = b === undefined ? null : other.spec.encode(b);
      if (encodedA === encodedB) continue;
      count++;
      if (entries.length < limit) entries.push({ table: table.name, key, left: encodedA, right: encodedB });
    }
  }
  return { count, entries };
}
