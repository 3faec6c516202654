/** nodes evolve: applies nodes events (never validates; a violation is a bug). */
import { burn, transfer, type BankTables } from '../auth/bank.js';
import { MODULE_ADDRESSES } from '../auth/state.js';
import type { BlockRewardDistributed } from './events.js';

export interface NodesEvolveState {
  readonly auth: BankTables;
}

export const nodesEvolvers = {
  BlockRewardDistributed: (state: NodesEvolveState, event: BlockRewardDistributed): void => {
    const collector = MODULE_ADDRESSES.fee_collector;
    burn(state.auth, collector, event.burnedUpokt);
    transfer(state.auth, collector, MODULE_ADDRESSES.dao, event.daoUpokt);
    for (const share of event.shares) transfer(state.auth, collector, share.address, share.amountUpokt);
  },
};
