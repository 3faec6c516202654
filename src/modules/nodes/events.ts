/**
 * nodes (pos) domain events. This file grows with staking, jailing and slashing; block-reward
 * distribution is here because the pos BeginBlock performs it (PROTOCOL §5.3).
 */
import type { BlockRewardPlan } from './block-reward.js';

/** fee_collector emptied at BeginBlock: burn share, DAO cut, previous proposer's cut. */
export interface BlockRewardDistributed extends BlockRewardPlan {
  readonly type: 'BlockRewardDistributed';
  readonly height: number;
}

export type NodesEvent = BlockRewardDistributed;
