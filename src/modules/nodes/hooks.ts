/**
 * nodes (pos) BeginBlock / EndBlock (x/nodes/keeper/abci.go). Order inside BeginBlock:
 * (a) pay the previous proposer (block reward), (b) downtime from the last commit,
 * (c) double-sign evidence. EndBlock: jailed counters, release waiting validators at session
 * end, validator-set update, mature unstakes. Steps land here as each capability is built.
 */
import type { BlockContext } from '../../core/block-context.js';
import type { PosParams } from '../../params/params.js';
import type { ReadonlyTable } from '../../state/table.js';
import type { Account } from '../auth/state.js';
import { MODULE_ADDRESSES } from '../auth/state.js';
import { planBlockReward } from './block-reward.js';
import type { NodesEvent } from './events.js';
import type { Validator } from './state.js';

export interface NodesHookView {
  readonly auth: { readonly accounts: ReadonlyTable<Account> };
  readonly pos: { readonly validators: ReadonlyTable<Validator> };
}

export function nodesBeginBlock(state: NodesHookView, params: PosParams, ctx: BlockContext): NodesEvent[] {
  const events: NodesEvent[] = [];
  if (ctx.height > 1) {
    const collected = state.auth.accounts.get(MODULE_ADDRESSES.fee_collector)?.balanceUpokt ?? 0n;
    const proposer = ctx.previousProposer;
    const plan = planBlockReward(collected, params, proposer, proposer === null ? undefined : state.pos.validators.get(proposer));
    if (plan !== null) events.push({ type: 'BlockRewardDistributed', height: ctx.height, ...plan });
  }
  return events;
}
