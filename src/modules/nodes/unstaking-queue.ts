/**
 * The unstaking queue: records in status Unstaking ordered by (unstaking time, address) — what
 * pocket-core keeps as `0x41‖timeString → [addresses]` buckets (PROTOCOL §6.1, §6.4) for
 * validators and apps alike. Each EndBlock unstakes every entry whose time ≤ the block time.
 *
 * Derived in-memory index, NOT state: every Unstaking record is in pocket-core's queue under its
 * own unstaking time, so the queue is a function of the records (`pos/validators`,
 * `application/applications`). Subscribing to the table keeps it exact through reverts and
 * snapshot loads. A record whose unstaking time is unset (Go zero time, possible only in a
 * genesis file) sorts first and matures at the first block, as in pocket-core.
 *
 * Order within one time: ascending address. Pocket-core appends in the order records started
 * unstaking; one time = one block, and within a block waiting validators are released in
 * address order, so the two agree (apps: one BeginUnstake per tx, so a bucket can hold several
 * apps in tx order — their unstakes are independent; only the event order differs, DEV_NOTE).
 */
import type { Address, TimeNs } from '../../core/types.js';
import type { Table } from '../../state/table.js';
import { StakeStatus } from './state.js';

interface QueueEntry {
  readonly timeNs: TimeNs;
  readonly address: Address;
}

/** What the queue needs to know about a record. */
interface Unstakable {
  readonly address: Address;
  readonly status: StakeStatus;
  readonly unstakingTimeNs: TimeNs | null;
}

export interface UnstakingQueueView {
  readonly size: number;
  /** Addresses whose unstaking time ≤ nowNs, oldest first (ties: ascending address). */
  matured(nowNs: TimeNs): Address[];
}

function compare(a: QueueEntry, b: QueueEntry): number {
  if (a.timeNs !== b.timeNs) return a.timeNs < b.timeNs ? -1 : 1;
  return a.address < b.address ? -1 : a.address > b.address ? 1 : 0;
}

function entryOf(record: Unstakable | undefined): QueueEntry | undefined {
  if (record === undefined || record.status !== StakeStatus.Unstaking) return undefined;
  return { timeNs: record.unstakingTimeNs ?? 0n, address: record.address };
}

export class UnstakingQueue<V extends Unstakable> implements UnstakingQueueView {
  private readonly entries: QueueEntry[] = [];

  constructor(table: Table<V>) {
    for (const record of table.unorderedValues()) this.update(undefined, record);
    table.onChange((_key, previous, next) => this.update(previous, next));
  }

  get size(): number {
    return this.entries.length;
  }

  matured(nowNs: TimeNs): Address[] {
    const out: Address[] = [];
    for (const entry of this.entries) {
      if (entry.timeNs > nowNs) break;
      out.push(entry.address);
    }
    return out;
  }

  private update(previous: V | undefined, next: V | undefined): void {
    const before = entryOf(previous);
    const after = entryOf(next);
    if (before !== undefined && after !== undefined && compare(before, after) === 0) return;
    if (before !== undefined) {
      const at = this.position(before);
      if (at < this.entries.length && compare(this.entries[at]!, before) === 0) this.entries.splice(at, 1);
    }
    if (after !== undefined) this.entries.splice(this.position(after), 0, after);
  }

  private position(entry: QueueEntry): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compare(this.entries[middle]!, entry) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
