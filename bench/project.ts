/**
 * PERF: the SQLite projection (src/projection) on a simulated chain with every message kind
 * (the simulator's dev profile on the bundled mainnet genesis).
 * - `rows`: projecting the chain's committed blocks into a fresh database (genesis rows, then
 *   every block, DEFAULT_BATCH_BLOCKS per transaction with its checkpoint) in rows/s; its inputs
 *   (the genesis state, the committed blocks) are loaded before timing; next to the limit:
 *   a raw prepared INSERT of the very same final rows into the same schema, one transaction per
 *   table, sampled alternately (bench/lib/paired.ts). Goal ≥ 0.5 of raw.
 * - `replay`: `replay --trust-signatures` with the projection attached (what `pokt-ledger
 *   project` does from scratch: the catch-up store — rows made on the replay's thread, written
 *   by its writer thread, or inline for a run under THREAD_MIN_BLOCKS blocks as the quick run's
 *   40 are (src/projection/sqlite/catch-up-store.ts; `extra.writer` says which) —, genesis rows from the
 *   replay's starting state, batches of DEFAULT_BATCH_BLOCKS) vs without, sampled alternately.
 *   Goal: the projection adds ≤ 30% (ratio_to_limit ≥ 0.77).
 *   `rows` keeps measuring the synchronous store (the live node's; the same SQL).
 * Self-checks: every replay verifies; the projected database ends at the chain's height with the
 * same row count every sample.
 */
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundledMainnetGenesisPath } from '../src/core/paths.js';
import { PROJECTION_TABLE_NAMES } from '../src/projection/projectors/index.js';
import { loadMigrations } from '../src/projection/schema.js';
import { ProjectionStore, projectionsDir } from '../src/projection/store.js';
import { catchUpWriter, SqliteCatchUpStore } from '../src/projection/sqlite/catch-up-store.js';
import type { LedgerState } from '../src/chain/ledger-state.js';
import { CommittedBlockStream, type CommittedBlock } from '../src/runtime/committed-block.js';
import { loadGenesisOfDataDir, readDataDirConfig } from '../src/runtime/data-dir.js';
import { DEFAULT_BATCH_BLOCKS } from '../src/projection/run.js';
import { replay } from '../src/runtime/replay.js';
import { simulate } from '../src/sim/simulator.js';
import { measurePair } from './lib/paired.js';
import { scratchDir } from './lib/scratch.js';
import type { BenchContext, BenchModule } from './lib/types.js';

export interface MixedChain {
  readonly dir: string;
  readonly height: number;
  readonly txs: number;
  readonly stateRoot: string;
}

export async function mixedChain(ctx: BenchContext, scratch: string, blocks: number): Promise<MixedChain> {
  const dir = join(scratch, 'chain');
  ctx.progress(`workload: simulating ${blocks} blocks, every message kind, dev profile on the mainnet genesis (seed ${ctx.seed})…`);
  const summary = await simulate({ dataDir: dir, genesisFile: bundledMainnetGenesisPath(), seed: BigInt(ctx.seed), blocks, txsPerBlock: 10, fsync: 'never' });
  return { dir, height: summary.height, txs: summary.txs, stateRoot: summary.state_root };
}

/** Replays the chain; every committed block goes to `stream` when given (the projection attached), the starting state to `onStart`. */
async function replayed(chain: MixedChain, stream?: CommittedBlockStream, onStart?: (state: LedgerState) => void, beforeChunk?: () => Promise<void>): Promise<number> {
  const outcome = await replay(chain.dir, { trustSignatures: true, ...(stream === undefined ? {} : { stream }), ...(onStart === undefined ? {} : { onStart }), ...(beforeChunk === undefined ? {} : { beforeChunk }) });
  if (!outcome.verified || outcome.stateRoot !== chain.stateRoot) throw new Error(`replay did not reproduce the chain: ${outcome.divergence?.detail ?? outcome.stateRoot}`);
  return outcome.txs;
}

export async function committedBlocks(chain: MixedChain): Promise<CommittedBlock[]> {
  const blocks: CommittedBlock[] = [];
  const stream = new CommittedBlockStream();
  stream.subscribe((block) => blocks.push(block));
  await replayed(chain, stream);
  return blocks;
}

/** The projection's inputs, loaded before timing: the genesis state and the committed blocks. */
interface Inputs {
  readonly genesis: LedgerState;
  readonly genesisStateRoot: string;
  readonly blocks: readonly CommittedBlock[];
}

/** Fresh projection of the inputs into `dataDir`; returns the rows it holds. */
function projectBlocks(dataDir: string, chain: MixedChain, { genesis, genesisStateRoot, blocks }: Inputs): number {
  rmSync(projectionsDir(dataDir), { recursive: true, force: true });
  const store = ProjectionStore.open(dataDir);
  try {
    store.seedGenesis(genesis, genesisStateRoot);
    for (let i = 0; i < blocks.length; i += DEFAULT_BATCH_BLOCKS) store.apply(blocks.slice(i, i + DEFAULT_BATCH_BLOCKS));
    if (store.checkpoint?.height !== chain.height) throw new Error(`projection ended at ${store.checkpoint?.height}, the chain at ${chain.height}`);
    return countRows(store.db);
  } finally {
    store.close();
  }
}

function countRows(db: Database.Database): number {
  let rows = 0;
  for (const table of PROJECTION_TABLE_NAMES) rows += Number((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: bigint | number }).n);
  return rows;
}

type TableRows = ReadonlyArray<{ readonly table: string; readonly columns: readonly string[]; readonly rows: readonly unknown[][] }>;

function readRows(file: string): TableRows {
  const db = new Database(file, { readonly: true });
  db.defaultSafeIntegers(true);
  try {
    return PROJECTION_TABLE_NAMES.map((table) => {
      const statement = db.prepare(`SELECT * FROM ${table}`).raw(true);
      return { table, columns: statement.columns().map((c) => c.name), rows: statement.all() as unknown[][] };
    });
  } finally {
    db.close();
  }
}

/** The limit: the same final rows, one prepared INSERT per table, into a fresh database of the same schema. */
function rawInsert(file: string, tables: TableRows): number {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    for (const migration of loadMigrations()) db.exec(migration.sql);
    let rows = 0;
    for (const { table, columns, rows: values } of tables) {
      const insert = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      db.transaction(() => {
        for (const row of values) insert.run(row);
      })();
      rows += values.length;
    }
    return rows;
  } finally {
    db.close();
  }
}

export const benchmark: BenchModule = {
  name: 'project',
  description: 'SQLite projection: rows/s vs a raw prepared insert of the same rows (goal ≥ 0.5), replay with vs without the projection (goal ≤ +30%)',
  async run(ctx) {
    const scratch = scratchDir('pokt-ledger-bench-project-');
    try {
      const chain = await mixedChain(ctx, scratch, ctx.quick ? 40 : 150);
      const workload = { blocks: chain.height, txs: chain.txs, mix: 'simulator, every message kind (dev profile)', genesis: 'mainnet + sim accounts' };
      // Like the blocks, the genesis state is loaded once, untimed (seedGenesis only reads it).
      const inputs: Inputs = { genesis: loadGenesisOfDataDir(chain.dir).state, genesisStateRoot: readDataDirConfig(chain.dir).genesis_state_root, blocks: await committedBlocks(chain) };
      const target = join(scratch, 'target');
      const rows = projectBlocks(target, chain, inputs);
      const tables = readRows(join(projectionsDir(target), 'ledger.sqlite'));
      const rawFile = join(scratch, 'raw.sqlite');
      const rowsPair = await measurePair(
        ctx,
        { label: 'raw prepared insert of the same rows', run: () => rawInsert(rawFile, tables) },
        {
          label: 'projection (genesis + every block, checkpointed)',
          run: () => {
            const projected = projectBlocks(target, chain, inputs);
            if (projected !== rows) throw new Error(`projected ${projected} rows, expected ${rows}`);
            return projected;
          },
        },
      );
      ctx.report({
        case: 'rows',
        workload: { ...workload, rows, batch_blocks: DEFAULT_BATCH_BLOCKS },
        metric: 'rows_per_s',
        stats: rowsPair.subject,
        limit: { what: 'raw prepared INSERT of the same final rows into the same schema, one transaction per table (sampled alternately)', median: rowsPair.limit.median },
        extra: { goal_ratio_to_limit: 0.5 },
      });

      const attached = join(scratch, 'attached');
      // As `project` chooses for this many blocks (a short run writes inline).
      const writer = catchUpWriter(chain.height);
      const replayPair = await measurePair(
        ctx,
        { label: 'replay --trust-signatures', run: () => replayed(chain) },
        {
          label: 'replay --trust-signatures + projection',
          before: () => rmSync(projectionsDir(attached), { recursive: true, force: true }),
          run: async () => {
            // As `project` does: the catch-up store (rows made here, written by its writer thread),
            // genesis rows from the replay's starting state (one genesis parse), batches of
            // DEFAULT_BATCH_BLOCKS, at most one batch outstanding before each replay chunk.
            const store = SqliteCatchUpStore.open(attached, { writer });
            try {
              const stream = new CommittedBlockStream();
              let inBatch = 0;
              stream.subscribe((block) => {
                store.append(block);
                if (++inBatch >= DEFAULT_BATCH_BLOCKS) {
                  inBatch = 0;
                  store.commit();
                }
              });
              const genesisStateRoot = readDataDirConfig(chain.dir).genesis_state_root;
              const txs = await replayed(chain, stream, (state) => store.seedGenesis(state, genesisStateRoot), () => store.throttle(1));
              store.commit();
              await store.throttle(0);
              if (store.committed !== chain.height) throw new Error(`projection committed up to ${store.committed}, the chain is at ${chain.height}`);
              return txs;
            } finally {
              await store.close();
            }
          },
        },
      );
      ctx.report({
        case: 'replay',
        workload,
        metric: 'txs_per_s',
        stats: replayPair.subject,
        limit: { what: 'the same replay without the projection (sampled alternately)', median: replayPair.limit.median },
        extra: { goal_ratio_to_limit: 0.77, writer, added_pct: Math.round((replayPair.limit.median / replayPair.subject.median - 1) * 100) },
      });
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  },
};
