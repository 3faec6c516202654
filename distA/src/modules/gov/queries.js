/**
 * Parameter queries in pocket-core's shapes (app/query.go:368-444; PROTOCOL §10.1):
 * `/v1/query/allparams` → {app_params, node_params, pocket_params, gov_params, auth_params}, each
 * a list of {param_key, param_value}; `/v1/query/param` → one {param_key, param_value}.
 *
 * param_value is the amino JSON of the value, with one JSON string level removed as pocket-core
 * does (strconv.Unquote): "15", "0.600000000000000000", "upokt", "false", but JSON text for
 * lists and structs — the ACL and the upgrade in their amino {"type","value"} wrapping:
 *   {"type":"gov/non_map_acl","value":[{"acl_key":…,"address":…},…]}
 *   {"type":"gov/upgrade","value":{"Height":"57616","Version":"0.8.2",…}}
 *   {"fee_multiplier":null,"default":"1"}     ["0001","0021"]
 * pocket-core lists keys in Go map order (random); we list them sorted by key.
 *
 * Which keys appear: every registered parameter, except a feature-gated one whose feature is not
 * active at that height (pocket-core writes those only on activation: BlockByteSize [BLOCK],
 * RelaysToTokensMultiplierMap [PerChainRTTM], the four PIP-22 params [RSCAL]). With every feature
 * active from genesis (the default) they all appear, as do the ledger's own policy params
 * (pos/FeeBurnPercentage, application/ApplicationBurnRate, PROTOCOL §14).
 */
import { paramValueToJson } from '../../params/kinds.js';
import { paramValueOf } from '../../params/params.js';
import { PARAM_SPECS } from '../../params/registry.js';
import { inactiveFeatures, PARAM_FEATURE } from './features.js';
const GROUP = {
    application: 'app_params',
    pos: 'node_params',
    pocketcore: 'pocket_params',
    gov: 'gov_params',
    auth: 'auth_params',
};
/** The amino-JSON text of a value as pocket-core's param queries print it. */
export function paramValueText(spec, value) {
    const json = paramValueToJson(spec.kind, value);
    if (typeof json === 'string')
        return json;
    if (spec.kind === 'acl')
        return JSON.stringify({ type: 'gov/non_map_acl', value: json });
    if (spec.kind === 'upgrade')
        return JSON.stringify({ type: 'gov/upgrade', value: json });
    return JSON.stringify(json);
}
/** allparams of `params` (use state.paramsAt(h) for a past height) at `height`. */
export function allParams(params, height) {
    const result = { app_params: [], node_params: [], pocket_params: [], gov_params: [], auth_params: [] };
    const inactive = inactiveFeatures(params.gov.upgrade, height);
    const specs = [...PARAM_SPECS].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const spec of specs) {
        const feature = PARAM_FEATURE[spec.key];
        if (feature !== undefined && inactive.has(feature))
            continue;
        result[GROUP[spec.subspace]].push({ param_key: spec.key, param_value: paramValueText(spec, paramValueOf(params, spec)) });
    }
    return result;
}
/** /v1/query/param: one parameter, or undefined for a key that is not a parameter. */
export function singleParam(params, key, height) {
    return Object.values(allParams(params, height))
        .flat()
        .find((entry) => entry.param_key === key);
}
//# sourceMappingURL=queries.js.map