/** validator_sets: the set after each block that changed it (ValidatorSetUpdated), and at genesis. */
import { VALIDATOR_SET_KEY } from '../../modules/nodes/index.js';
import { defineProjector, jsonText } from '../projector.js';

export const validatorSetsProjector = defineProjector({
  name: 'validator_sets',
  table: 'validator_sets',
  statements: {
    put: 'INSERT OR REPLACE INTO validator_sets (height, members_json, updates_json) VALUES (@height, @members_json, @updates_json)',
  },
  handlers: {
    ValidatorSetUpdated: ({ height, event }) => [['put', { height, members_json: jsonText(event.members), updates_json: jsonText(event.updates) }]],
  },
  genesis: (state) => {
    const members = state.nodes.validatorSet.get(VALIDATOR_SET_KEY) ?? [];
    return [['put', { height: 0, members_json: jsonText(members), updates_json: jsonText(members) }]];
  },
});
