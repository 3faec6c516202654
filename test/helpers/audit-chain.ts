/**
 * The audit tests' chain: the projection tests' simulated chain (every message kind, seed 12,
 * snapshots every 50 blocks; PROJECTION_BLOCKS=2000 runs the tests on the 2,000-block
 * chain by hand — README "Audit"), projected once per process; tests copy it before changing
 * anything.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { project } from '../../src/projection/run.js';
import { PROJECTION_SIM_BLOCKS, projectionSimChain } from './projection.js';
import { scratch } from './sim.js';

export const AUDIT_SIM_BLOCKS = PROJECTION_SIM_BLOCKS;

let projected: Promise<string> | undefined;

export function auditSimChain(): Promise<string> {
  projected ??= projectionSimChain().then(async (dataDir) => {
    await project(dataDir);
    return dataDir;
  });
  return projected;
}

/** A private copy of the chain, projection and snapshots included. */
export function copyChain(dataDir: string, prefix: string): { dir: string; remove: () => void } {
  const tmp = scratch(prefix);
  const dir = join(tmp.dir, 'chain');
  cpSync(dataDir, dir, { recursive: true, filter: (source) => !source.endsWith('.lock') });
  return { dir, remove: tmp.remove };
}
