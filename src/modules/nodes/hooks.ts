/**
 * nodes (pos) BeginBlock / EndBlock (x/nodes/keeper/abci.go). Order inside BeginBlock:
 * (a) pay the previous proposer (block reward), (b) downtime from the last commit,
 * (c) double-sign evidence. EndBlock: jailed counters, release waiting validators at session
 * end, validator-set update, mature unstakes. Steps land here as each capability is built.
 */
import type { BlockContext } from '../../core/block-context.js';
import type { PosParams } from '../../params/params.js';
import type { ReadonlyTable } from '../../state/table.js';
import { type Account, MODULE_ADDRESSES } from '../auth/index.js';
import { planBlockReward } from './block-reward.js';
import type { NodesEvent } from './events.js';
import type { PowerIndexView } from './power-index.js';
import { VALIDATOR_SET_KEY, type Validator, type ValidatorSetEntry } from './state.js';

export interface NodesHookView {
  readonly auth: { readonly accounts: ReadonlyTable<Account> };
  readonly nodes: {
    readonly validators: ReadonlyTable<Validator>;
    readonly validatorSet: ReadonlyTable<readonly ValidatorSetEntry[]>;
    /** Derived ranking of every validator with power > 0 (./power-index.ts). */
    readonly powerIndex: PowerIndexView;
  };
}

/** BeginBlock (a): pay the previous block's proposer from fee_collector (PROTOCOL §5.3). */
export function payBlockReward(state: NodesHookView, params: PosParams, ctx: BlockContext): NodesEvent[] {
  if (ctx.height <= 1) return [];
  const collected = state.auth.accounts.get(MODULE_ADDRESSES.fee_collector)?.balanceUpokt ?? 0n;
  const proposer = ctx.previousProposer;
  const plan = planBlockReward(collected, params, proposer, proposer === null ? undefined : state.nodes.validators.get(proposer), ctx.inactiveFeatures);
  return plan === null ? [] : [{ type: 'BlockRewardDistributed', ...plan }];
}

/**
 * EndBlock: the top-MaxValidators set from the power index; emit the changes as validator
 * updates. Incremental: the index follows every validator write, so this reads its top N
 * (memoised — the same array while no power changed) instead of ranking every validator each
 * block; when that array is the stored set itself nothing changed and the step is O(1).
 * Result and events are exactly those of `computeValidatorSet` over all validators.
 */
export function updateValidatorSet(state: NodesHookView, params: PosParams, ctx: BlockContext): NodesEvent[] {
  const previous = state.nodes.validatorSet.get(VALIDATOR_SET_KEY) ?? [];
  const members = state.nodes.powerIndex.top(params.maxValidators);
  if (members === previous) return [];
  const before = new Map(previous.map((m) => [m.address as string, m.power]));
  const after = new Map(members.map((m) => [m.address as string, m.power]));
  const updates: ValidatorSetEntry[] = [];
  for (const member of members) if (before.get(member.address) !== member.power) updates.push(member);
  for (const member of previous) if (!after.has(member.address)) updates.push({ address: member.address, power: 0n });
  if (updates.length === 0) return [];
  updates.sort((a, b) => (a.address < b.address ? -1 : 1));
  return [{ type: 'ValidatorSetUpdated', members, updates }];
}
