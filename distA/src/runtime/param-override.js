/**
 * What-if parameter overrides for a scratch replay (`audit --what-if key=value@H`): at height H
 * the override becomes a ParamChanged event — the event a delivered MsgChangeParam emits — that
 * applyBlock evolves through gov's normal writer before BeginBlock, so the reducer stays
 * deterministic and every rule reads the value as if governance had set it.
 * The value is decoded exactly like a ParamChange's (amino JSON of the param's kind).
 */
import { parse as parseLossless } from 'lossless-json';
import { paramValueToJson, parseParamValue } from '../params/kinds.js';
import { paramValueOf } from '../params/params.js';
import { PARAM_SPECS_BY_KEY } from '../params/registry.js';
export class ParamOverrideError extends Error {
    code = 'invalid_param_override';
}
/** The header checks a diverged what-if state cannot pass against the recorded headers. */
export const WHAT_IF_SKIPPED_CHECKS = new Set(['wrong_app_hash', 'wrong_last_commit', 'proposer_not_validator']);
/** Refuse an unknown key or an undecodable value before any replay starts. */
export function checkOverride(override) {
    decode(override);
}
function decode(override) {
    const spec = PARAM_SPECS_BY_KEY.get(override.key);
    if (spec === undefined)
        throw new ParamOverrideError(`unknown parameter ${override.key}`);
    for (const text of [override.value, JSON.stringify(override.value)]) {
        let node;
        try {
            node = parseLossless(text);
        }
        catch {
            continue;
        }
        const parsed = parseParamValue(spec.kind, node);
        if (parsed.ok)
            return { spec, json: paramValueToJson(spec.kind, parsed.value) };
    }
    throw new ParamOverrideError(`${override.value} is not a value of ${override.key} (${spec.kind})`);
}
/** The ParamChanged events of the overrides at `height`, against the state before that block. */
export function overrideEvents(state, overrides, height) {
    return overrides
        .filter((o) => o.height === height)
        .map((o) => {
        const { spec, json } = decode(o);
        return { type: 'ParamChanged', key: spec.key, oldValue: paramValueToJson(spec.kind, paramValueOf(state.params(), spec)), newValue: json, by: 'what-if', height };
    });
}
//# sourceMappingURL=param-override.js.map