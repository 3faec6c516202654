/** nodes evolve: applies nodes events (never validates; a violation is a bug). */
import { burn, transfer, type BankTables } from '../auth/bank.js';
import { MODULE_ADDRESSES } from '../auth/state.js';
import type { Table } from '../../state/table.js';
import type { BlockRewardDistributed, ValidatorSetUpdated } from './events.js';
import { VALIDATOR_SET_KEY, type ValidatorSetEntry } from './state.js';
import { nodesStakingEvolvers } from './staking-evolve.js';

export interface NodesEvolveState {
  readonly auth: BankTables;
  readonly pos: { readonly validatorSet: Table<readonly ValidatorSetEntry[]> };
}

export const nodesEvolvers = {
  ...nodesStakingEvolvers,
  BlockRewardDistributed: (state: NodesEvolveState, event: BlockRewardDistributed): void => {
    const collector = MODULE_ADDRESSES.fee_collector;
    burn(state.auth, collector, event.burnedUpokt);
    transfer(state.auth, collector, MODULE_ADDRESSES.dao, event.daoUpokt);
    for (const share of event.shares) transfer(state.auth, collector, share.address, share.amountUpokt);
  },
  ValidatorSetUpdated: (state: NodesEvolveState, event: ValidatorSetUpdated): void => {
    state.pos.validatorSet.set(VALIDATOR_SET_KEY, event.members);
  },
};
