/**
 * Helpers for projection tests: one simulated chain with every message kind (built once per
 * process, copied per test), and table dumps for "same rows, table by table" comparisons.
 */
import Database from 'better-sqlite3';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECTION_TABLE_NAMES } from '../../src/projection/projectors/index.js';
import { projectionFile } from '../../src/projection/store.js';
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
