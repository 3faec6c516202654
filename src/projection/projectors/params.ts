/**
 * params: every parameter's value with history, as pocket-core's param queries print it
 * (modules/gov/queries.ts paramValueText), so `param`/`allparams` at any height are a lookup.
 * Events carry amino JSON; it is parsed with the registry's kind (as the gov evolver does) and
 * printed with the query's own formatter.
 */
import { invariant } from '../../core/assert.js';
import { paramValueText } from '../../modules/gov/index.js';
import { parseParamValue, type ParamValue } from '../../params/kinds.js';
import { PARAM_SPECS, PARAM_SPECS_BY_KEY } from '../../params/registry.js';
import { defineProjector } from '../projector.js';
import { PARAMS } from '../tables.js';
import { VersionedRows } from '../version-rows.js';

function textFromJson(key: string, json: unknown): string {
  const spec = PARAM_SPECS_BY_KEY.get(key);
  invariant(spec !== undefined, () => `param event for unknown key ${key}`);
  const parsed = parseParamValue(spec.kind, json);
  invariant(parsed.ok, () => `param event for ${key} carries a value that does not parse`);
  return paramValueText(spec, parsed.value);
}

export const paramsProjector = defineProjector(() => {
  const rows = new VersionedRows(PARAMS);
  const set = (key: string, json: unknown, height: number): void => rows.put([key, height, textFromJson(key, json)]);
  return {
    name: 'params',
    tables: [PARAMS],
    handlers: {
      ParamChanged: ({ height, event }) => set(event.key, event.newValue, height),
      UpgradeScheduled: ({ height, event }) => set('gov/upgrade', event.upgrade, height),
      // The hook also makes the DAO owner the params' ACL owner (x/gov/module.go:170-200); the
      // event carries the resulting gov/acl, which the gov evolver writes too.
      FeatureParamsActivated: ({ height, event }) => {
        for (const { key, value } of event.params) set(key, value, height);
        set('gov/acl', event.acl, height);
      },
      // No hook ran: no ACL owner, so gov/acl keeps its row.
      FeatureActivatedWithoutHook: ({ height, event }) => {
        for (const { key, value } of event.params) set(key, value, height);
      },
    },
    genesis: (state, height) => {
      const params = state.params();
      for (const spec of PARAM_SPECS) {
        const value = (params[spec.subspace] as unknown as Record<string, ParamValue>)[spec.field]!;
        rows.put([spec.key, height, paramValueText(spec, value)]);
      }
    },
    flush: (sink) => rows.flush(sink),
    resume: (_table, resumed) => rows.resume(resumed),
  };
});
