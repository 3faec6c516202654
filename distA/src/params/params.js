import { invariant } from '../core/assert.js';
import { PARAM_SPECS } from './registry.js';
/**
 * Build the typed view from a complete key → value map (every registered key present). The
 * registry's types guarantee a spec for every field and a kind that fits it (registry.ts), and
 * the stored value was parsed by that kind, so each group is complete and correctly typed.
 */
export function buildParams(values) {
    const group = (subspace) => {
        const fields = {};
        for (const spec of PARAM_SPECS) {
            if (spec.subspace !== subspace)
                continue;
            const value = values(spec.key);
            invariant(value !== undefined, () => `parameter ${spec.key} missing from state`);
            fields[spec.field] = value;
        }
        return fields;
    };
    return { application: group('application'), auth: group('auth'), gov: group('gov'), pocketcore: group('pocketcore'), pos: group('pos') };
}
/** The current value of a registered parameter, read from the typed view. */
export function paramValueOf(params, spec) {
    switch (spec.subspace) {
        case 'application':
            return params.application[spec.field];
        case 'auth':
            return params.auth[spec.field];
        case 'gov':
            return params.gov[spec.field];
        case 'pocketcore':
            return params.pocketcore[spec.field];
        case 'pos':
            return params.pos[spec.field];
    }
}
//# sourceMappingURL=params.js.map