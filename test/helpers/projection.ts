/**
 * Helpers for projection tests: one simulated chain with every message kind (built once per
 * process, copied per test), and table dumps for "same rows, table by table" comparisons.
 */
import Database from 'better-sqlite3';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import * as assert from 'uvu/assert';
import { PROJECTION_TABLE_NAMES } from '../../src/projection/projectors/index.js';
import { projectionFile, ProjectionError } from '../../src/projection/store.js';
import { simulate } from '../../src/sim/simulator.js';
import { scratch, writeSmallGenesis } from './sim.js';

/**
 * 300 blocks keep the suite's time sane; PROJECTION_BLOCKS=1000 runs the same tests on a longer
 * chain by hand (docs/projections.md has that run's figures).
 */
export const PROJECTION_SIM_BLOCKS = Number(process.env['PROJECTION_BLOCKS'] ?? 300);
export const PROJECTION_SIM_SEED = 12n;

const built = new Map<number, Promise<string>>();

/** A simulated data dir of `blocks` blocks (snapshots every 50 blocks), built once per length; never write to it — copy it. */
export function projectionSimChain(blocks = PROJECTION_SIM_BLOCKS): Promise<string> {
  let chain = built.get(blocks);
  if (chain === undefined) {
    chain = (async () => {
      const tmp = scratch('projection-sim');
      process.on('exit', tmp.remove);
      const dataDir = join(tmp.dir, 'chain');
      await simulate({ dataDir, genesisFile: writeSmallGenesis(tmp.dir), seed: PROJECTION_SIM_SEED, blocks, txsPerBlock: 8, fsync: 'never', snapshotEvery: 50 });
      return dataDir;
    })();
    built.set(blocks, chain);
  }
  return chain;
}

/** A private copy of `dataDir` (without its projection). */
export function copyDataDir(dataDir: string, prefix: string): { dir: string; remove: () => void } {
  const tmp = scratch(prefix);
  const dir = join(tmp.dir, 'chain');
  cpSync(dataDir, dir, { recursive: true, filter: (source) => !source.includes('projections') });
  return { dir, remove: tmp.remove };
}


/** Every row of every projection table, in primary-key order, as JSON text per table. */
export function dumpTables(dataDir: string): Map<string, string[]> {
  const db = new Database(projectionFile(dataDir), { readonly: true });
  db.defaultSafeIntegers(true);
  try {
    const dump = new Map<string, string[]>();
    for (const table of PROJECTION_TABLE_NAMES) {
      const rows = db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2, 3`).all() as Array<Record<string, unknown>>;
      dump.set(table, rows.map((row) => JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v))));
    }
    return dump;
  } finally {
    db.close();
  }
}

/** A short seeded chain on the small genesis (4 txs a block, no fsync) at `<dir>/<name>`: chains that differ by seed share a genesis. */
export async function smallSimChain(dir: string, name: string, seed: bigint, blocks: number): Promise<string> {
  const dataDir = join(dir, name);
  await simulate({ dataDir, genesisFile: writeSmallGenesis(dir), seed, blocks, txsPerBlock: 4, fsync: 'never' });
  return dataDir;
}

/** Awaits `run`, which must be refused with the ProjectionError `code` (its message matching `message`, when given). */
export async function refusedWith(code: string, run: () => Promise<unknown>, message?: RegExp): Promise<void> {
  try {
    await run();
  } catch (error) {
    assert.instance(error, ProjectionError);
    assert.is((error as ProjectionError).code, code, (error as Error).message);
    if (message !== undefined) assert.match((error as Error).message, message);
    return;
  }
  assert.unreachable(`expected ${code}`);
}
