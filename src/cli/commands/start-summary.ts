/**
 * `start`'s one-screen summary: what was produced, what it did (sessions, claims, proofs,
 * rewards, jailings), the supply check, the verification replay, the projection and the audit.
 */
import type { BlockResult } from '../../chain/apply-block.js';
import type { ProjectReport } from '../../projection/run.js';
import type { AuditSummary } from '../../audit/index.js';
import { GENESIS_INCLUDED } from '../../audit/html.js';
import { poktText } from '../../core/pokt-text.js';
import { blockEvents } from '../../sim/supply.js';
import type { SimulationSummary } from '../../sim/simulator.js';
import { counted, heightRange } from '../output.js';
import type { ReplayReport } from './replay.js';

/** What happened in the produced blocks, counted from their domain events and receipts. */
export class ActivityTally {
  claims = 0;
  proofs = 0;
  sends = 0;
  failed = 0;
  relayRewardsUpokt = 0n;
  jailed = 0;
  unjailed = 0;
  stakes = 0;
  paramChanges = 0;
  sessions = new Set<number>();

  record(result: BlockResult): void {
    for (const receipt of result.receipts) {
      if (receipt.code !== 0) this.failed++;
      else if (receipt.messageType === 'claim') this.claims++;
      else if (receipt.messageType === 'proof') this.proofs++;
      else if (receipt.messageType === 'send') this.sends++;
      else if (receipt.messageType === 'stake_validator') this.stakes++;
      else if (receipt.messageType === 'change_param') this.paramChanges++;
    }
    for (const event of blockEvents(result)) {
      if (event.type === 'RelaysRewarded') this.relayRewardsUpokt += event.plan.mintedUpokt;
      else if (event.type === 'NodeJailed') this.jailed++;
      else if (event.type === 'NodeUnjailed') this.unjailed++;
      else if (event.type === 'ClaimSubmitted') this.sessions.add(event.claim.header.sessionHeight);
    }
  }
}

/**
 * The tally as `start --json` prints it: snake_case keys like the rest of the document (it
 * printed the fields' own relayRewardsUpokt and paramChanges), the sessions counted.
 */
export function activityJson(a: ActivityTally): Record<string, number | bigint> {
  return {
    claims: a.claims,
    proofs: a.proofs,
    sends: a.sends,
    failed: a.failed,
    relay_rewards_upokt: a.relayRewardsUpokt,
    jailed: a.jailed,
    unjailed: a.unjailed,
    stakes: a.stakes,
    param_changes: a.paramChanges,
    sessions: a.sessions.size,
  };
}

export interface StartReport {
  readonly dataDir: string;
  readonly simulation: SimulationSummary;
  readonly activity: ActivityTally;
  readonly replay: ReplayReport;
  readonly projection: ProjectReport;
  readonly audit: AuditSummary;
  /** The audit's HTML report file. */
  readonly auditReport: string;
}

export function startSummaryLines(r: StartReport): string[] {
  const s = r.simulation;
  const a = r.activity;
  const supplyOk = s.supply.total_upokt === s.supply.start_upokt + s.supply.minted_upokt - s.supply.burned_upokt;
  const auditOk = r.audit.mismatches === 0 && r.audit.supply_ok;
  return [
    `pokt-ledger: Pocket Network chain "${s.chain_id}" in ${r.dataDir} (events/, snapshots/, projections/)`,
    `  genesis     bundled mainnet genesis + the simulator's keys (seed ${s.seed}, profile ${s.profile})`,
    `  heights     ${s.created ? 'new chain' : 'continued'}: blocks ${heightRange(s.start_height + 1, s.height)} (${counted(s.blocks, 'block')}, ${counted(a.sessions.size, 'session')} claimed)`,
    `  txs         ${s.txs.toLocaleString('en-US')}: ${counted(a.claims, 'claim')}, ${counted(a.proofs, 'proof')}, ${counted(a.sends, 'send')}, ${counted(a.stakes, 'stake')}, ${counted(a.paramChanges, 'param change')}, ${a.failed.toLocaleString('en-US')} failed (as expected)`,
    `  rewards     ${poktText(a.relayRewardsUpokt)} minted for relays; ${counted(a.jailed, 'node')} jailed for downtime, ${a.unjailed.toLocaleString('en-US')} unjailed`,
    `  supply      ${poktText(s.supply.total_upokt)} = start + minted ${poktText(s.supply.minted_upokt)} − burned ${poktText(s.supply.burned_upokt)}: ${supplyOk ? 'ok' : 'MISMATCH'}`,
    `  replay      ${counted(r.replay.blocks, 'block')} re-applied from genesis, every signature verified: ${r.replay.verified ? 'every state root matches' : 'DIVERGED'}`,
    `  projection  ${r.projection.file} at height ${r.projection.height}`,
    `  audit       ${auditOk ? 'PASS' : 'FAIL'}: ${counted(r.audit.reward_lines, 'reward line')}, ${counted(r.audit.slash_and_burn_lines, 'slash/burn line')}, ${counted(r.audit.supply_checks, 'supply check')}${GENESIS_INCLUDED}, ${counted(r.audit.mismatches, 'mismatch', 'mismatches')}${r.audit.snapshots_skipped.length === 0 ? '' : `; ${counted(r.audit.snapshots_skipped.length, 'snapshot')} skipped (damaged or foreign, not compared)`}`,
    `  report      ${r.auditReport} (the audit's HTML report; every line it derived in audit-lines.csv beside it)`,
  ];
}
