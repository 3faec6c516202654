/**
 * params: every parameter's value with history, as pocket-core's param queries print it
 * (modules/gov/queries.ts paramValueText), so `param`/`allparams` at any height are a lookup.
 * Events carry amino JSON; it is parsed with the registry's kind (as the gov evolver does) and
 * printed with the query's own formatter.
 */
import { invariant } from '../../core/assert.js';
import { paramValueText } from '../../modules/gov/index.js';
import { parseParamValue, type ParamValue } from '../../params/kinds.js';
import type { Params } from '../../params/params.js';
import { PARAM_SPECS, PARAM_SPECS_BY_KEY } from '../../params/registry.js';
import { defineProjector, type Write } from '../projector.js';

type W = Write<'set'>;

function setFromJson(key: string, json: unknown, height: number): W {
  const spec = PARAM_SPECS_BY_KEY.get(key);
  invariant(spec !== undefined, () => `param event for unknown key ${key}`);
  const parsed = parseParamValue(spec.kind, json);
  invariant(parsed.ok, () => `param event for ${key} carries a value that does not parse`);
  return ['set', { param_key: key, height, param_value: paramValueText(spec, parsed.value) }];
}

function genesisRows(params: Params): W[] {
  return PARAM_SPECS.map((spec): W => {
    const value = (params[spec.subspace] as unknown as Record<string, ParamValue>)[spec.field]!;
    return ['set', { param_key: spec.key, height: 0, param_value: paramValueText(spec, value) }];
  });
}

export const paramsProjector = defineProjector({
  name: 'params',
  table: 'params',
  statements: {
    set: 'INSERT OR REPLACE INTO params (param_key, height, param_value) VALUES (@param_key, @height, @param_value)',
  },
  handlers: {
    ParamChanged: ({ height, event }) => [setFromJson(event.key, event.newValue, height)],
    UpgradeScheduled: ({ height, event }) => [setFromJson('gov/upgrade', event.upgrade, height)],
    // DEV_NOTE: the gov evolver also merges the DAO owner into gov/acl (ACL.SetOwner) — a
    // decision the event does not spell out; the ACL row is not updated here (see the report /
    // README: FeatureParamsActivated should carry the resulting ACL).
    FeatureParamsActivated: ({ height, event }) => event.params.map(({ key, value }) => setFromJson(key, value, height)),
  },
  genesis: (state) => genesisRows(state.params()),
});
