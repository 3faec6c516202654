/**
 * validator_sets: the set after each block that changed it (ValidatorSetUpdated), and at genesis.
 * The row at height h is the set after block h: it signs block h + 2 (Tendermint's delay,
 * modules/nodes/validator-set.ts); the signers of a block are in the next block's last commit.
 */
import { VALIDATOR_SET_KEY } from '../../modules/nodes/index.js';
import { defineProjector, jsonText } from '../projector.js';
import { VALIDATOR_SETS, type Row } from '../tables.js';

export const validatorSetsProjector = defineProjector(() => {
  // The block's last update wins (one row per height).
  let pending: Row | undefined;
  return {
    name: 'validator_sets',
    tables: [VALIDATOR_SETS],
    handlers: {
      ValidatorSetUpdated: ({ height, event }) => void (pending = [height, jsonText(event.members), jsonText(event.updates)]),
    },
    genesis: (state, height) => {
      const members = state.nodes.validatorSet.get(VALIDATOR_SET_KEY) ?? [];
      pending = [height, jsonText(members), jsonText(members)];
    },
    flush: (sink) => {
      if (pending !== undefined) sink.add(VALIDATOR_SETS, pending);
      pending = undefined;
    },
  };
});
