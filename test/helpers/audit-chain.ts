/**
 * One simulated chain for the audit tests (every message kind, snapshots every 50 blocks),
 * built once per process and projected; tests copy it before changing anything.
 * AUDIT_BLOCKS=2000 runs the same tests on the 2,000-block chain (README "Audit").
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { project } from '../../src/projection/run.js';
import { simulate } from '../../src/sim/simulator.js';
import { scratch, writeSmallGenesis } from './sim.js';

export const AUDIT_SIM_BLOCKS = Number(process.env['AUDIT_BLOCKS'] ?? 250);

let built: Promise<string> | undefined;

export function auditSimChain(): Promise<string> {
  built ??= (async () => {
    const tmp = scratch('audit-sim');
    process.on('exit', tmp.remove);
    const dataDir = join(tmp.dir, 'chain');
    await simulate({ dataDir, genesisFile: writeSmallGenesis(tmp.dir), seed: 12n, blocks: AUDIT_SIM_BLOCKS, txsPerBlock: 8, fsync: 'never', snapshotEvery: 50 });
    await project(dataDir);
    return dataDir;
  })();
  return built;
}

/** A private copy of the chain, projection and snapshots included. */
export function copyChain(dataDir: string, prefix: string): { dir: string; remove: () => void } {
  const tmp = scratch(prefix);
  const dir = join(tmp.dir, 'chain');
  cpSync(dataDir, dir, { recursive: true, filter: (source) => !source.endsWith('.lock') });
  return { dir, remove: tmp.remove };
}
