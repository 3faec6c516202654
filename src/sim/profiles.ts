/**
 * Simulation profiles: what the simulator changes in the given genesis's parameters.
 *
 * - `mainnet`: nothing — the genesis params as given (with the bundled genesis: Pocket mainnet's
 *   launch params, e.g. 21-day unstaking, 1-hour downtime jail, claims expiring after 120
 *   sessions). Lifecycles that wait on those timers do not finish within a short run.
 * - `mainnet-shaped`: the genesis plus a mainnet-sized network and mainnet's mid-2022 params
 *   (src/sim/mainnet/), run with the `mainnet` workload: blocks of mainnet's composition.
 * - `dev`: short timers so every lifecycle completes within a few hundred blocks at the
 *   simulated 15 minutes per block: unstaking (nodes and apps) 3 h = 12 blocks, downtime jail
 *   1 h = 4 blocks, evidence max age 3 h, max jailed blocks 200, claims expire after 6 sessions
 *   (24 blocks at 4 blocks per session), a 10-block signing window.
 *
 * Values are written in the genesis's own JSON form (durations as nanosecond strings, int64 as
 * strings), so the augmented genesis is an ordinary pocket-core genesis file.
 */
import type { SimProfileName } from './workload.js';

export interface SimProfile {
  readonly name: SimProfileName;
  readonly description: string;
  /** module → param JSON name → value as it appears in genesis JSON. */
  readonly params: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

const HOUR_NS = 3_600_000_000_000n;

export const SIM_PROFILES: Readonly<Record<SimProfileName, SimProfile>> = {
  mainnet: { name: 'mainnet', description: 'the genesis params as given', params: {} },
  // Its genesis is written by src/sim/mainnet/genesis.ts (network, mid-2022 params); its workload is `mainnet`.
  'mainnet-shaped': { name: 'mainnet-shaped', description: "mainnet's shape: thousands of nodes over 50 chains, ~2k apps, mid-2022 params with PIP-22, blocks of mainnet's composition", params: {} },
  dev: {
    name: 'dev',
    description: 'short unstaking, jail, evidence and claim timers (lifecycles complete in a few hundred blocks)',
    params: {
      pos: {
        unstaking_time: String(3n * HOUR_NS),
        downtime_jail_duration: String(HOUR_NS),
        max_evidence_age: String(3n * HOUR_NS),
        max_jailed_blocks: '200',
        signed_blocks_window: '10',
        session_block_frequency: '4',
      },
      application: { unstaking_time: String(3n * HOUR_NS) },
      pocketcore: { proof_waiting_period: '3', claim_expiration: '6' },
    },
  },
};

export function isSimProfileName(name: string): name is SimProfileName {
  return name === 'dev' || name === 'mainnet' || name === 'mainnet-shaped';
}
