/**
 * reward_lines: one row per line of every reward plan, each with the plan's inputs.
 *   relay (RelaysRewarded): refund / delegator / primary / fee_collector lines, with relays,
 *     RTTM and its source, stake, floored stake, PIP-22 bin and weight, allocation percents;
 *   block (BlockRewardDistributed): burn, DAO cut, each share of the proposer cut (delegators,
 *     then primary), and what stayed in fee_collector.
 * plan_json keeps the whole plan. PERF: a plan's inputs (and its JSON) are built once; each line
 * is a copy of that row with its own index, role, address and amount.
 */
import type { BlockRewardDistributed } from '../../modules/nodes/index.js';
import type { RelaysRewarded } from '../../modules/pocketcore/index.js';
import type { EventEnvelope } from '../../runtime/committed-block.js';
import { AppendRows, bool, defineProjector, jsonText } from '../projector.js';
import { positions, REWARD_LINE_COLUMNS, REWARD_LINES, type Row } from '../tables.js';

const R = positions(REWARD_LINE_COLUMNS);

function planRow(height: number, eventIndex: number, kind: string, servicer: string | null, planJson: string): Row {
  const row: Row = REWARD_LINE_COLUMNS.map(() => null);
  row[R.height] = height;
  row[R.event_index] = eventIndex;
  row[R.kind] = kind;
  row[R.servicer] = servicer;
  row[R.plan_json] = planJson;
  return row;
}

function line(base: Row, lineIndex: number, role: string, address: string | null, amount: bigint): Row {
  const row = base.slice();
  row[R.line_index] = lineIndex;
  row[R.role] = role;
  row[R.address] = address;
  row[R.amount_upokt] = amount;
  return row;
}

function relayLines(rows: AppendRows, { height, index, event }: EventEnvelope<RelaysRewarded>): void {
  const plan = event.plan;
  const base = planRow(height, index, 'relay', plan.servicer, jsonText(plan));
  base[R.claim_key] = event.key;
  base[R.chain] = plan.chain;
  base[R.relays] = plan.relays;
  base[R.multiplier_upokt_per_relay] = plan.multiplierUpoktPerRelay;
  base[R.multiplier_source] = plan.multiplierSource;
  base[R.stake_upokt] = plan.stakeUpokt;
  base[R.floored_stake_upokt] = plan.flooredStakeUpokt;
  base[R.stake_bin] = plan.bin;
  base[R.weight] = plan.weight;
  base[R.pip22_applied] = bool(plan.pip22Applied);
  base[R.dao_allocation_percent] = plan.daoAllocationPercent;
  base[R.proposer_allocation_percent] = plan.proposerAllocationPercent;
  base[R.minted_upokt] = plan.mintedUpokt;
  plan.lines.forEach((l, lineIndex) => rows.add(line(base, lineIndex, l.role, l.address, l.amountUpokt)));
}

function blockLines(rows: AppendRows, { height, index, event }: EventEnvelope<BlockRewardDistributed>): void {
  const base = planRow(height, index, 'block', event.proposer, jsonText(event));
  let lineIndex = 0;
  rows.add(line(base, lineIndex++, 'burn', null, event.burnedUpokt));
  rows.add(line(base, lineIndex++, 'dao', null, event.daoUpokt));
  for (const share of event.shares) rows.add(line(base, lineIndex++, `proposer_${share.role}`, share.address, share.amountUpokt));
  rows.add(line(base, lineIndex, 'retained', null, event.retainedUpokt));
}

export const rewardLinesProjector = defineProjector(() => {
  const rows = new AppendRows(REWARD_LINES);
  return {
    name: 'reward_lines',
    tables: [REWARD_LINES],
    handlers: {
      RelaysRewarded: (e) => relayLines(rows, e),
      BlockRewardDistributed: (e) => blockLines(rows, e),
    },
    flush: (sink) => rows.flush(sink),
  };
});
