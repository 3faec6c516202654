/**
 * The backend-neutral half of a projection: the projectors (./projectors), the checkpoint and
 * the successor check. `project` turns committed blocks into a RowBatch (every table's new rows,
 * in order) and the checkpoint after them; a backend (store.ts: SQLite, pg/store.ts: PostgreSQL)
 * writes the batch and the checkpoint in ONE transaction.
 *
 * Guarantees (with a backend that commits batch + checkpoint atomically):
 *   - after a crash the database holds whole blocks up to the checkpoint, nothing after it, and
 *     projecting resumes at checkpoint + 1 (the projectors read their newest rows back);
 *   - a block is accepted only as the checkpoint's successor: its height must be checkpoint + 1
 *     and its header must link to the checkpoint (previous block hash, app hash = state root
 *     after the checkpoint). A block seen before is refused (`block_already_projected`), never
 *     counted twice; a gap or another chain's block is refused too.
 *
 * An engine whose batch failed (refused block, failed write) holds rows the database does not:
 * the backend throws it away and opens a new one from the database.
 */
import { ZERO_HASH } from '../chain/block.js';
import type { DomainEventType } from '../chain/events.js';
import type { LedgerState } from '../chain/ledger-state.js';
import type { CommittedBlock, EventEnvelope } from '../runtime/committed-block.js';
import { CHAIN_META_KEY } from '../state/chain-tables.js';
import type { Projector, RowSink } from './projector.js';
import { PROJECTORS } from './projectors/index.js';
import { rowWithIntegers } from './amounts.js';
import { TABLES, type Row, type TableSpec } from './tables.js';

export { amountRangeError, ProjectionError } from './errors.js';
import { ProjectionError, REBUILD_ADVICE } from './errors.js';

export interface Checkpoint {
  readonly height: number;
  readonly blockHash: string;
  readonly stateRoot: string;
}

/** Rows of one or more blocks, per table (TableSpec.index), in the order they were made. */
export class RowBatch implements RowSink {
  readonly rows: Row[][] = TABLES.map(() => []);
  count = 0;

  add(table: TableSpec, row: Row): void {
    this.rows[table.index]!.push(row);
    this.count++;
  }
}

type Handler = (envelope: EventEnvelope) => void;

/** Reads back what a table's `resume` rule selects (only called when a checkpoint exists). */
export type ResumeReader = (table: TableSpec) => Row[];

export class ProjectionEngine {
  private readonly projectors: readonly Projector[];
  private readonly byEvent = new Map<string, Handler[]>();
  private current: Checkpoint | undefined;

  constructor(checkpoint: Checkpoint | undefined, readBack: ResumeReader) {
    this.projectors = PROJECTORS.map((make) => make());
    for (const projector of this.projectors) {
      for (const [type, handler] of Object.entries(projector.handlers) as Array<[DomainEventType, Handler]>) {
        const list = this.byEvent.get(type) ?? [];
        list.push(handler);
        this.byEvent.set(type, list);
      }
    }
    this.current = checkpoint;
    if (checkpoint === undefined) return;
    for (const projector of this.projectors) {
      // Rows read back hold amounts as stored (SQLite: INTEGER or decimal text); the projectors add bigints.
      for (const table of projector.tables) if (table.resume !== undefined) projector.resume?.(table, readBack(table).map((row) => rowWithIntegers(table, row)));
    }
  }

  get checkpoint(): Checkpoint | undefined {
    return this.current;
  }

  /**
   * Rows at the genesis height from the genesis state, and the checkpoint there: height 0 and
   * the zero hash for a new chain; for an imported exported state (init --exported-height) its
   * height H, and the hash the first block (H + 1) names as its predecessor.
   */
  genesis(state: LedgerState, genesisStateRoot: string, previousBlockHash = ZERO_HASH): RowBatch {
    if (this.current !== undefined) throw new ProjectionError('genesis_already_projected', `the projection is at height ${this.current.height}; genesis was projected before`);
    const height = state.chain.meta.get(CHAIN_META_KEY)!.height;
    const batch = new RowBatch();
    for (const projector of this.projectors) {
      projector.genesis?.(state, height);
      projector.flush(batch);
    }
    this.current = { height, blockHash: previousBlockHash, stateRoot: genesisStateRoot };
    return batch;
  }

  /** The rows of consecutive blocks; the checkpoint moves to the last one. */
  project(blocks: readonly CommittedBlock[], batch = new RowBatch()): RowBatch {
    for (const committed of blocks) this.projectOne(committed, batch);
    return batch;
  }

  private projectOne(committed: CommittedBlock, batch: RowBatch): void {
    this.checkSuccessor(committed);
    for (const envelope of committed.events) {
      const handlers = this.byEvent.get(envelope.event.type);
      if (handlers !== undefined) for (const handler of handlers) handler(envelope);
    }
    for (const projector of this.projectors) {
      projector.block?.(committed);
      projector.flush(batch);
    }
    this.current = { height: committed.block.header.height, blockHash: committed.blockHash, stateRoot: committed.stateRoot };
  }

  private checkSuccessor(committed: CommittedBlock): void {
    const header = committed.block.header;
    const at = this.current;
    if (at === undefined) throw new ProjectionError('projection_not_seeded', 'the projection has no genesis rows yet');
    if (header.height <= at.height) {
      throw new ProjectionError('block_already_projected', `block ${header.height} is already projected (checkpoint ${at.height})`, { height: header.height, checkpoint: at.height });
    }
    if (header.height !== at.height + 1) {
      throw new ProjectionError('block_out_of_order', `block ${header.height} does not follow the checkpoint ${at.height}`, { height: header.height, checkpoint: at.height });
    }
    if (header.prevBlockHash !== at.blockHash || header.appHash !== at.stateRoot) {
      throw new ProjectionError('projection_other_chain', `block ${header.height} does not link to the projected block ${at.height} (previous hash or app hash differs): the projection holds another history (e.g. the chain was rolled back without it); ${REBUILD_ADVICE}`, {
        height: header.height,
        expected_previous_hash: at.blockHash,
        expected_app_hash: at.stateRoot,
      });
    }
  }
}

/**
 * SQL (both dialects) selecting what a table's `resume` rule reads back: the newest row per key,
 * the last row, or the open rows.
 */
export function resumeSql(table: TableSpec): string {
  const columns = table.columns.join(', ');
  const rule = table.resume;
  if (rule === 'latest') {
    const key = table.columns[0]!;
    return `SELECT ${columns} FROM ${table.name} WHERE (${key}, height) IN (SELECT ${key}, max(height) FROM ${table.name} GROUP BY ${key})`;
  }
  if (rule === 'last') return `SELECT ${columns} FROM ${table.name} WHERE height = (SELECT max(height) FROM ${table.name})`;
  if (rule !== undefined) return `SELECT ${columns} FROM ${table.name} WHERE ${rule.where}`;
  throw new Error(`table ${table.name} has no resume rule`);
}
