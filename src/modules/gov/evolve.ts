/**
 * gov evolvers: apply ./events.ts. A parameter write goes to the `gov/params` history table, so
 * `paramsAt(h)` keeps every earlier value; the chain's typed-params cache follows the write.
 * DAO moves go through auth/bank.ts (a burn is the only way supply falls).
 */
import { invariant } from '../../core/assert.js';
import type { Table } from '../../state/table.js';
import { burn, transfer, type BankTables, MODULE_ADDRESSES } from '../auth/index.js';
import { parseParamValue, type ParamJson } from '../../params/kinds.js';
import { PARAM_SPECS_BY_KEY } from '../../params/registry.js';
import type { DaoBurned, DaoTransferred, FeatureActivatedWithoutHook, FeatureParamsActivated, ParamChanged, UpgradeScheduled } from './events.js';
import type { FeatureKey } from '../../core/features.js';
import type { StoredParam } from './state.js';

export interface GovEvolveState {
  readonly auth: BankTables;
  readonly gov: { readonly params: Table<StoredParam>; readonly unstored: Table<FeatureKey> };
}

/** A ParamChange or an activation hook puts the key in pocket-core's store (./state.ts unstoredParamsTable). */
function markStored(state: GovEvolveState, key: string): void {
  state.gov.unstored.delete(key);
}

function writeParam(state: GovEvolveState, key: string, json: ParamJson): void {
  const spec = PARAM_SPECS_BY_KEY.get(key);
  invariant(spec !== undefined, () => `unknown param ${key}`);
  const parsed = parseParamValue(spec.kind, json);
  invariant(parsed.ok, () => `param event for ${key} carries a value that does not parse`);
  state.gov.params.set(key, { key, value: parsed.value });
}

export const govEvolvers = {
  ParamChanged: (state: GovEvolveState, event: ParamChanged): void => {
    writeParam(state, event.key, event.newValue);
    markStored(state, event.key);
  },
  UpgradeScheduled: (state: GovEvolveState, event: UpgradeScheduled): void => writeParam(state, 'gov/upgrade', event.upgrade),
  DaoTransferred: (state: GovEvolveState, event: DaoTransferred): void => transfer(state.auth, MODULE_ADDRESSES.dao, event.to, event.amountUpokt),
  DaoBurned: (state: GovEvolveState, event: DaoBurned): void => burn(state.auth, MODULE_ADDRESSES.dao, event.amountUpokt),
  FeatureParamsActivated: (state: GovEvolveState, event: FeatureParamsActivated): void => {
    for (const { key, value } of event.params) {
      writeParam(state, key, value);
      markStored(state, key);
    }
    for (const key of event.storedAlso) markStored(state, key);
    writeParam(state, 'gov/acl', event.acl);
  },
  // pocket-core stores nothing here: the keys stay unstored (./activation.ts activatedWithoutHook).
  FeatureActivatedWithoutHook: (state: GovEvolveState, event: FeatureActivatedWithoutHook): void => {
    for (const { key, value } of event.params) writeParam(state, key, value);
  },
};
