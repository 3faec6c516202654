/**
 * nodes (pos) domain events. This file grows with staking, jailing and slashing; block-reward
 * distribution is here because the pos BeginBlock performs it (PROTOCOL §5.3).
 */
import type { BlockRewardPlan } from './block-reward.js';
import type { NodeStakingEvent } from './staking-events.js';
import type { ValidatorSetEntry } from './state.js';

/** fee_collector emptied at BeginBlock: burn share, DAO cut, previous proposer's cut. */
export interface BlockRewardDistributed extends BlockRewardPlan {
  readonly type: 'BlockRewardDistributed';
  readonly height: number;
}

/** EndBlock: the top-MaxValidators set changed (it produces and signs the next block). */
export interface ValidatorSetUpdated {
  readonly type: 'ValidatorSetUpdated';
  readonly height: number;
  readonly members: readonly ValidatorSetEntry[];
  /** Validators whose power changed (0 = left the set), as Tendermint validator updates. */
  readonly updates: readonly ValidatorSetEntry[];
}

export type NodesEvent = BlockRewardDistributed | ValidatorSetUpdated | NodeStakingEvent;
