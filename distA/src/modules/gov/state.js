/**
 * gov state: every governance parameter of every module, keyed by its ACL key
 * ("pos/StakeMinimum"), with per-height history so rules can read `paramsAt(sessionStart)`.
 * (pocket-core keeps module params in per-module subspaces; one table keyed by the ACL key is the
 * same information.)
 */
import { invariant } from '../../core/assert.js';
import { canonicalJson } from '../../core/json.js';
import { parseParamValue, paramValueToJson } from '../../params/kinds.js';
import { PARAM_SPECS_BY_KEY } from '../../params/registry.js';
export const paramsTable = {
    name: 'gov/params',
    encode: ({ key, value }) => {
        const spec = PARAM_SPECS_BY_KEY.get(key);
        invariant(spec !== undefined, () => `unknown param ${key}`);
        return canonicalJson({ key, value: paramValueToJson(spec.kind, value) });
    },
    decode: (text) => {
        const raw = JSON.parse(text);
        const spec = PARAM_SPECS_BY_KEY.get(raw.key);
        invariant(spec !== undefined, () => `unknown param ${raw.key}`);
        const parsed = parseParamValue(spec.kind, raw.value);
        invariant(parsed.ok, () => `stored param ${raw.key} does not parse`);
        return { key: raw.key, value: parsed.value };
    },
    history: true,
};
//# sourceMappingURL=state.js.map