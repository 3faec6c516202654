/** validator_sets: the set after each block that changed it (ValidatorSetUpdated), and at genesis. */
import { VALIDATOR_SET_KEY } from '../../modules/nodes/index.js';
import { defineProjector, jsonText } from '../projector.js';
import { VALIDATOR_SETS } from '../tables.js';
export const validatorSetsProjector = defineProjector(() => {
    // The block's last update wins (one row per height).
    let pending;
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
            if (pending !== undefined)
                sink.add(VALIDATOR_SETS, pending);
            pending = undefined;
        },
    };
});
//# sourceMappingURL=validator-sets.js.map