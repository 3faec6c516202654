/**
 * reward_lines: one row per line of every reward plan, each with the plan's inputs.
 *   relay (RelaysRewarded): refund / delegator / primary / fee_collector lines, with relays,
 *     RTTM and its source, stake, floored stake, PIP-22 bin and weight, allocation percents;
 *   block (BlockRewardDistributed): burn, DAO cut, each share of the proposer cut (delegators,
 *     then primary), and what stayed in fee_collector.
 * plan_json keeps the whole plan.
 */
import type { BlockRewardDistributed } from '../../modules/nodes/index.js';
import type { RelaysRewarded } from '../../modules/pocketcore/index.js';
import type { EventEnvelope } from '../../runtime/committed-block.js';
import { bool, defineProjector, jsonText, type SqlParams, type Write } from '../projector.js';

type W = Write<'line'>;

const COLUMNS = [
  'height', 'event_index', 'line_index', 'kind', 'role', 'address', 'amount_upokt', 'servicer', 'claim_key', 'chain', 'relays',
  'multiplier_upokt_per_relay', 'multiplier_source', 'stake_upokt', 'floored_stake_upokt', 'stake_bin', 'weight', 'pip22_applied',
  'dao_allocation_percent', 'proposer_allocation_percent', 'minted_upokt', 'plan_json',
];

const EMPTY: SqlParams = Object.fromEntries(COLUMNS.map((column) => [column, null]));

function relayLines({ height, index, event }: EventEnvelope<RelaysRewarded>): W[] {
  const plan = event.plan;
  const inputs = {
    ...EMPTY,
    height,
    event_index: index,
    kind: 'relay',
    servicer: plan.servicer,
    claim_key: event.key,
    chain: plan.chain,
    relays: plan.relays,
    multiplier_upokt_per_relay: plan.multiplierUpoktPerRelay,
    multiplier_source: plan.multiplierSource,
    stake_upokt: plan.stakeUpokt,
    floored_stake_upokt: plan.flooredStakeUpokt,
    stake_bin: plan.bin,
    weight: plan.weight,
    pip22_applied: bool(plan.pip22Applied),
    dao_allocation_percent: plan.daoAllocationPercent,
    proposer_allocation_percent: plan.proposerAllocationPercent,
    minted_upokt: plan.mintedUpokt,
    plan_json: jsonText(plan),
  };
  return plan.lines.map((line, lineIndex): W => ['line', { ...inputs, line_index: lineIndex, role: line.role, address: line.address, amount_upokt: line.amountUpokt }]);
}

function blockLines({ height, index, event }: EventEnvelope<BlockRewardDistributed>): W[] {
  const base = { ...EMPTY, height, event_index: index, kind: 'block', servicer: event.proposer, plan_json: jsonText(event) };
  const lines: Array<{ role: string; address: string | null; amount: bigint }> = [
    { role: 'burn', address: null, amount: event.burnedUpokt },
    { role: 'dao', address: null, amount: event.daoUpokt },
    ...event.shares.map((share) => ({ role: `proposer_${share.role}`, address: share.address, amount: share.amountUpokt })),
    { role: 'retained', address: null, amount: event.retainedUpokt },
  ];
  return lines.map((line, lineIndex): W => ['line', { ...base, line_index: lineIndex, role: line.role, address: line.address, amount_upokt: line.amount }]);
}

export const rewardLinesProjector = defineProjector({
  name: 'reward_lines',
  table: 'reward_lines',
  statements: {
    line: `INSERT INTO reward_lines (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})`,
  },
  handlers: {
    RelaysRewarded: relayLines,
    BlockRewardDistributed: blockLines,
  },
});
