/**
 * gov evolvers: apply ./events.ts. A parameter write goes to the `gov/params` history table, so
 * `paramsAt(h)` keeps every earlier value; the chain's typed-params cache follows the write.
 * DAO moves go through auth/bank.ts (a burn is the only way supply falls).
 */
import { invariant } from '../../core/assert.js';
import { burn, transfer, MODULE_ADDRESSES } from '../auth/index.js';
import { parseParamValue } from '../../params/kinds.js';
import { PARAM_SPECS_BY_KEY } from '../../params/registry.js';
function writeParam(state, key, json) {
    const spec = PARAM_SPECS_BY_KEY.get(key);
    invariant(spec !== undefined, () => `unknown param ${key}`);
    const parsed = parseParamValue(spec.kind, json);
    invariant(parsed.ok, () => `param event for ${key} carries a value that does not parse`);
    state.gov.params.set(key, { key, value: parsed.value });
}
export const govEvolvers = {
    ParamChanged: (state, event) => writeParam(state, event.key, event.newValue),
    UpgradeScheduled: (state, event) => writeParam(state, 'gov/upgrade', event.upgrade),
    DaoTransferred: (state, event) => transfer(state.auth, MODULE_ADDRESSES.dao, event.to, event.amountUpokt),
    DaoBurned: (state, event) => burn(state.auth, MODULE_ADDRESSES.dao, event.amountUpokt),
    FeatureParamsActivated: (state, event) => {
        for (const { key, value } of event.params)
            writeParam(state, key, value);
        writeParam(state, 'gov/acl', event.acl);
    },
};
//# sourceMappingURL=evolve.js.map