/**
 * The audit tests' chain: the projection tests' simulated chain (every message kind, seed 12,
 * snapshots every 50 blocks; PROJECTION_BLOCKS=2000 runs the tests on the 2,000-block
 * chain by hand — docs/audit.md), projected once per process; tests copy it before changing
 * anything.
 */
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { project } from '../../src/projection/run.js';
import { simulate } from '../../src/sim/simulator.js';
import { testGenesisJson, testKey } from './chain.js';
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

const HOUR_NS = 3_600_000_000_000n;

/**
 * A chain where jailed validators STAY jailed until MaxJailedBlocks forces them out: the
 * "faults" workload (offline victims → downtime jails, double-sign evidence) beside sends and
 * staking, on genesis params of its own (the `mainnet` profile changes nothing): a 10-block
 * window, a 1,000-hour downtime jail (every Unjail is too early, pos:104), MaxJailedBlocks 15,
 * 4-block sessions, 3-hour unstaking and evidence age. 200 blocks (seed 7): 4 downtime slashes
 * and jails, 9 double-sign slashes, 4 force unstakes for max_jailed_blocks. Projected; never
 * write to it — copy it.
 */
export const JAILED_SIM_BLOCKS = 200;
let jailed: Promise<string> | undefined;

export function jailedSimChain(): Promise<string> {
  jailed ??= (async () => {
    const tmp = scratch('audit-jailed');
    process.on('exit', tmp.remove);
    const genesisFile = join(tmp.dir, 'genesis.json');
    writeFileSync(genesisFile, testGenesisJson({
      accounts: [{ key: testKey('genesis-holder'), balanceUpokt: 5_000_000_000n }],
      params: {
        pos: { signed_blocks_window: '10', downtime_jail_duration: String(1000n * HOUR_NS), max_jailed_blocks: '15', session_block_frequency: '4', unstaking_time: String(3n * HOUR_NS), max_evidence_age: String(3n * HOUR_NS) },
        application: { unstaking_time: String(3n * HOUR_NS) },
      },
    }));
    const dataDir = join(tmp.dir, 'chain');
    await simulate({ dataDir, genesisFile, seed: 7n, blocks: JAILED_SIM_BLOCKS, txsPerBlock: 6, fsync: 'never', profile: 'mainnet', workloads: ['sends', 'staking', 'faults'] });
    await project(dataDir);
    return dataDir;
  })();
  return jailed;
}
