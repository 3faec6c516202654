/**
 * params: every parameter's value with history, as pocket-core's param queries print it
 * (modules/gov/queries.ts paramValueText), so `param`/`allparams` at any height are a lookup.
 * Events carry amino JSON; it is parsed with the registry's kind (as the gov evolver does) and
 * printed with the query's own formatter. Each row also says whether pocket-core's store holds
 * the key from then on (`stored`, migrations/010-param-stored.sql), as the gov evolver keeps
 * gov/unstored_params: allparams lists a gated key whose feature is off only while it is stored.
 */
import { invariant } from '../../core/assert.js';
import { paramValueText } from '../../modules/gov/index.js';
import { parseParamValue, type ParamValue } from '../../params/kinds.js';
import { PARAM_SPECS, PARAM_SPECS_BY_KEY } from '../../params/registry.js';
import { defineProjector } from '../projector.js';
import { PARAM_COLUMNS, PARAMS, positions } from '../tables.js';
import { VersionedRows } from '../version-rows.js';

const STORED_COLUMN = positions(PARAM_COLUMNS).stored;

function textFromJson(key: string, json: unknown): string {
  const spec = PARAM_SPECS_BY_KEY.get(key);
  invariant(spec !== undefined, () => `param event for unknown key ${key}`);
  const parsed = parseParamValue(spec.kind, json);
  invariant(parsed.ok, () => `param event for ${key} carries a value that does not parse`);
  return paramValueText(spec, parsed.value);
}

const STORED = 1;
const UNSTORED = 0;

export const paramsProjector = defineProjector(() => {
  const rows = new VersionedRows(PARAMS);
  const set = (key: string, json: unknown, height: number, stored = STORED): void => rows.put([key, height, textFromJson(key, json), stored]);
  /** The key's row again, stored: its value unchanged (another hook's SetParams wrote it). */
  const markStored = (key: string, height: number): void => rows.change(key, height, (row) => (row[STORED_COLUMN] = STORED));
  return {
    name: 'params',
    tables: [PARAMS],
    handlers: {
      // A ParamChange stores its key in pocket-core (Subspace.Set), a gated one included.
      ParamChanged: ({ height, event }) => set(event.key, event.newValue, height),
      UpgradeScheduled: ({ height, event }) => set('gov/upgrade', event.upgrade, height),
      // The hook also makes the DAO owner the params' ACL owner (x/gov/module.go:170-200); the
      // event carries the resulting gov/acl, which the gov evolver writes too. Its module's
      // SetParams stores `storedAlso` with the values they had: a row whose value repeats the
      // one before, as the hook's own defaults may (a write, as pocket-core's store sees it).
      FeatureParamsActivated: ({ height, event }) => {
        for (const { key, value } of event.params) set(key, value, height);
        for (const key of event.storedAlso) markStored(key, height);
        set('gov/acl', event.acl, height);
      },
      // No hook ran: no ACL owner, so gov/acl keeps its row; pocket-core's store still does not
      // hold these keys (the event lists only such keys).
      FeatureActivatedWithoutHook: ({ height, event }) => {
        for (const { key, value } of event.params) set(key, value, height, UNSTORED);
      },
    },
    genesis: (state, height) => {
      const params = state.params();
      for (const spec of PARAM_SPECS) {
        const value = (params[spec.subspace] as unknown as Record<string, ParamValue>)[spec.field]!;
        rows.put([spec.key, height, paramValueText(spec, value), state.gov.unstored.has(spec.key) ? UNSTORED : STORED]);
      }
    },
    flush: (sink) => rows.flush(sink),
    resume: (_table, resumed) => rows.resume(resumed),
  };
});
