/**
 * signing_infos: validators' downtime records with history. SigningInfosUpdated carries whole
 * records. Three node events change them by a rule of the evolvers, restated here:
 *   - NodeStaked creates a record (start = height, jailed_until = Unix 0) only if there is none
 *     (valStateChanges.go:312-321);
 *   - NodeStakeEdited replaces it: start = height, jailed_until = Go zero time, counters 0
 *     (the old record is deleted with the validator, valStateChanges.go:361, and recreated);
 *   - NodeUnjailed resets the counters (ResetSigningInfo), creating a record with jailed_until =
 *     Go zero time if there is none;
 *   - NodeUnstaked deletes it.
 *
 * STEPPED ROWS (PERF): every validator of the commit gets a new record every block (index_offset
 * + 1; a jailed validator's jailed_blocks_counter + 1), which as plain version rows was three
 * quarters of all projected rows. A row here also says how those two counters move after its
 * height: the record at H (height ≤ H < the key's next row) is the row with
 *   index_offset          + index_offset_step  × (H − height)
 *   jailed_blocks_counter + jailed_blocks_step × (H − height)
 * (SIGNING_INFO_AS_OF_COLUMNS). The projector writes a row exactly when the record at a height
 * differs from what the newest row predicts for it — also when a stepping record was NOT updated
 * (it left the commit) — so every as-of answer is the reducer's record, by construction; the
 * steps are only a guess of the next block (1 for the counter that just moved).
 * Example: offset 3 at height 40 with step 1 → 7 at 44; if the validator misses block 45 (missed
 * counter 0 → 1) a row (45, offset 9, missed 1, step 1) follows.
 */
import type { SigningInfo } from '../../modules/slashing/index.js';
import { integerOrNull } from '../amounts.js';
import { defineProjector } from '../projector.js';
import { positions, SIGNING_INFO_COLUMNS, SIGNING_INFOS, type Row } from '../tables.js';

const I = positions(SIGNING_INFO_COLUMNS);

/** The record columns "as of @height" from a stepped row `t` (SQL, both dialects). */
export const SIGNING_INFO_AS_OF_COLUMNS =
  't.address, t.height, t.deleted, t.start_height, t.index_offset + t.index_offset_step * (@height - t.height) AS index_offset, t.jailed_until_ns, ' +
  't.missed_blocks_counter, t.jailed_blocks_counter + t.jailed_blocks_step * (@height - t.height) AS jailed_blocks_counter';

interface Steps {
  offset: number;
  jailed: number;
}

function infoRow(height: number, info: SigningInfo): Row {
  return [info.address, height, 0, info.startHeight, info.indexOffset, info.jailedUntilNs, info.missedBlocksCounter, info.jailedBlocksCounter, 0, 0];
}

/** A row read back from a backend (bigint or text cells) in the projector's own cell types. */
function normalized(row: Row): Row {
  const n = (i: number): number => Number(row[i]);
  return [String(row[I.address]), n(I.height), n(I.deleted), n(I.start_height), n(I.index_offset), integerOrNull(row[I.jailed_until_ns]), n(I.missed_blocks_counter), n(I.jailed_blocks_counter), n(I.index_offset_step), n(I.jailed_blocks_step)];
}

/** The record `row` predicts at `height` (a copy with the stepped counters advanced). */
function predictedAt(row: Row, height: number): Row {
  const copy = row.slice();
  copy[I.index_offset] = predictedCounter(row, I.index_offset, I.index_offset_step, height);
  copy[I.jailed_blocks_counter] = predictedCounter(row, I.jailed_blocks_counter, I.jailed_blocks_step, height);
  return copy;
}

const predictedCounter = (row: Row, counter: number, step: number, height: number): number => (row[counter] as number) + (row[step] as number) * (height - (row[I.height] as number));

/** Whether `record` (a row's record cells) is what `stored` predicts at `height`. */
function predicts(stored: Row, height: number, record: Row): boolean {
  return (
    stored[I.deleted] === record[I.deleted] &&
    stored[I.start_height] === record[I.start_height] &&
    predictedCounter(stored, I.index_offset, I.index_offset_step, height) === record[I.index_offset] &&
    stored[I.jailed_until_ns] === record[I.jailed_until_ns] &&
    stored[I.missed_blocks_counter] === record[I.missed_blocks_counter] &&
    predictedCounter(stored, I.jailed_blocks_counter, I.jailed_blocks_step, height) === record[I.jailed_blocks_counter]
  );
}

/** Whether the live `info` is what `stored` predicts at `height` (predicts(), without building a row). */
function predictsInfo(stored: Row, height: number, info: SigningInfo): boolean {
  return (
    stored[I.deleted] === 0 &&
    stored[I.start_height] === info.startHeight &&
    predictedCounter(stored, I.index_offset, I.index_offset_step, height) === info.indexOffset &&
    stored[I.jailed_until_ns] === info.jailedUntilNs &&
    stored[I.missed_blocks_counter] === info.missedBlocksCounter &&
    predictedCounter(stored, I.jailed_blocks_counter, I.jailed_blocks_step, height) === info.jailedBlocksCounter
  );
}

const live = (row: Row | undefined): row is Row => row !== undefined && row[I.deleted] === 0;

interface Change {
  row: Row;
  steps: Steps;
}

/** The newest stored row per address, this block's changed records, and the rows to flush. */
class SteppedSigningInfos {
  private readonly newest = new Map<string, Row>();
  /** Addresses whose newest row has a non-zero step (their record moves even without an event). */
  private readonly stepping = new Set<string>();
  /** Records changed in this block that may differ from their newest row's prediction. */
  private readonly changed = new Map<string, Change>();
  /** Records updated in this block to exactly what their newest row predicts (no row, no copy). */
  private readonly asPredicted = new Set<string>();
  private out: Row[] = [];

  /**
   * A whole new record from SigningInfosUpdated. PERF: the hot path (every validator of the
   * commit, every block): a record that matches its row's prediction is only noted.
   */
  update(height: number, info: SigningInfo, steps: Partial<Steps>): void {
    const stored = this.changed.has(info.address) ? undefined : this.newest.get(info.address);
    if (stored !== undefined && predictsInfo(stored, height, info)) {
      this.asPredicted.add(info.address);
      return;
    }
    this.asPredicted.delete(info.address);
    this.set(info.address, infoRow(height, info), steps);
  }

  /** The record of `address` in block `height` so far (to change in place), undefined if it never had one. */
  current(address: string, height: number): Change | undefined {
    const hit = this.changed.get(address);
    if (hit !== undefined) return hit;
    const stored = this.newest.get(address);
    if (stored === undefined) return undefined;
    // Updated as predicted in this block: the record at `height`, the row's steps still the best guess.
    const updated = this.asPredicted.delete(address);
    const entry = updated
      ? { row: predictedAt(stored, height), steps: { offset: stored[I.index_offset_step] as number, jailed: stored[I.jailed_blocks_step] as number } }
      : { row: predictedAt(stored, height - 1), steps: { offset: 0, jailed: 0 } };
    this.changed.set(address, entry);
    return entry;
  }

  set(address: string, row: Row, steps: Partial<Steps> = {}): void {
    const entry = this.changed.get(address);
    if (entry === undefined) {
      this.changed.set(address, { row, steps: { offset: steps.offset ?? 0, jailed: steps.jailed ?? 0 } });
      return;
    }
    entry.row = row;
    entry.steps.offset = steps.offset ?? entry.steps.offset;
    entry.steps.jailed = steps.jailed ?? entry.steps.jailed;
  }

  /** End of block `height`: a row for every record that differs from its newest row's prediction. */
  settle(height: number): void {
    // A stepping record without an update this block stood still, which its row does not predict.
    for (const address of this.stepping) if (!this.asPredicted.has(address)) this.current(address, height);
    for (const [address, { row, steps }] of this.changed) {
      const stored = this.newest.get(address);
      if (stored !== undefined && predicts(stored, height, row)) continue;
      const deleted = row[I.deleted] !== 0;
      const next = row.slice();
      next[I.height] = height;
      next[I.index_offset_step] = deleted ? 0 : steps.offset;
      next[I.jailed_blocks_step] = deleted ? 0 : steps.jailed;
      this.put(next);
    }
    this.changed.clear();
    this.asPredicted.clear();
  }

  put(row: Row): void {
    const address = row[I.address] as string;
    this.newest.set(address, row);
    if (row[I.index_offset_step] !== 0 || row[I.jailed_blocks_step] !== 0) this.stepping.add(address);
    else this.stepping.delete(address);
    this.out.push(row);
  }

  resume(rows: readonly Row[]): void {
    for (const row of rows) this.put(normalized(row));
    this.out = [];
  }

  take(): Row[] {
    const rows = this.out;
    this.out = [];
    return rows;
  }
}

export const signingInfosProjector = defineProjector(() => {
  const infos = new SteppedSigningInfos();
  const createIfAbsent = (address: string, height: number, jailedUntilNs: bigint | null): void => {
    if (!live(infos.current(address, height)?.row)) infos.set(address, [address, height, 0, height, 0, jailedUntilNs, 0, 0, 0, 0]);
  };
  const resetOrCreate = (address: string, height: number): void => {
    const row = infos.current(address, height)?.row;
    if (live(row)) {
      row[I.index_offset] = 0;
      row[I.missed_blocks_counter] = 0;
      row[I.jailed_blocks_counter] = 0;
    }
    createIfAbsent(address, height, null);
  };
  const recreate = (address: string, height: number): void => {
    infos.current(address, height);
    infos.set(address, [address, height, 0, height, 0, null, 0, 0, 0, 0]);
  };
  return {
    name: 'signing_infos',
    tables: [SIGNING_INFOS],
    handlers: {
      SigningInfosUpdated: ({ height, event }) => {
        const steps = event.cause === 'last_commit' ? { offset: 1 } : { jailed: 1 };
        for (const info of event.infos) infos.update(height, info, steps);
      },
      NodeStaked: ({ height, event }) => createIfAbsent(event.address, height, 0n),
      NodeStakeEdited: ({ height, event }) => recreate(event.address, height),
      NodeUnjailed: ({ height, event }) => resetOrCreate(event.address, height),
      NodeUnstaked: ({ height, event }) => {
        const row = infos.current(event.address, height)?.row;
        if (row !== undefined) row[I.deleted] = 1;
      },
    },
    block: (committed) => infos.settle(committed.block.header.height),
    genesis: (state, height) => {
      for (const [, info] of state.slashing.signingInfos.sortedEntries()) infos.put(infoRow(height, info));
    },
    flush: (sink) => {
      for (const row of infos.take()) sink.add(SIGNING_INFOS, row);
    },
    resume: (_table, resumed) => infos.resume(resumed),
  };
});
