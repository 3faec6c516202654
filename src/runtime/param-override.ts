/**
 * What-if parameter overrides for a scratch replay (`audit --what-if key=value@H`): at height H
 * the override becomes a ParamChanged event — the event a delivered MsgChangeParam emits — that
 * applyBlock evolves through gov's normal writer before BeginBlock, so the reducer stays
 * deterministic and every rule reads the value as if governance had set it.
 * The value is decoded exactly like a ParamChange's (amino JSON of the param's kind).
 */
import { parse as parseLossless } from 'lossless-json';
import type { DomainEvent } from '../chain/events.js';
import type { LedgerState } from '../chain/ledger-state.js';
import type { Address } from '../core/types.js';
import { activatedWithoutHook, checkParamRange } from '../modules/gov/index.js';
import { paramValueToJson, parseParamValue, type ParamValue, type Upgrade } from '../params/kinds.js';
import { paramValueOf } from '../params/params.js';
import { PARAM_SPECS_BY_KEY } from '../params/registry.js';

export interface ParamOverride {
  readonly key: string;
  /** The value as amino JSON text (e.g. "\"485\"" for an int64), or its plain text. */
  readonly value: string;
  readonly height: number;
}

export class ParamOverrideError extends Error {
  readonly code = 'invalid_param_override';
}

/**
 * The header checks a diverged what-if state cannot pass against the recorded headers — and the
 * three an overridden BlockByteSize can change through Tendermint's consensus params
 * (chain/consensus-params.ts): the evidence age, the block's size and its evidence count.
 */
export const WHAT_IF_SKIPPED_CHECKS: ReadonlySet<string> = new Set(['wrong_app_hash', 'wrong_last_commit', 'proposer_not_validator', 'evidence_too_old', 'block_too_large', 'evidence_overflow']);

/** Refuse an unknown key or an undecodable value before any replay starts. */
export function checkOverride(override: ParamOverride): void {
  decode(override);
}

function decode(override: ParamOverride): { spec: NonNullable<ReturnType<typeof PARAM_SPECS_BY_KEY.get>>; value: ParamValue; json: unknown } {
  const spec = PARAM_SPECS_BY_KEY.get(override.key);
  if (spec === undefined) throw new ParamOverrideError(`unknown parameter ${override.key}`);
  for (const text of [override.value, JSON.stringify(override.value)]) {
    let node: unknown;
    try {
      node = parseLossless(text);
    } catch {
      continue;
    }
    const parsed = parseParamValue(spec.kind, node);
    if (parsed.ok) return { spec, value: parsed.value, json: paramValueToJson(spec.kind, parsed.value) };
  }
  throw new ParamOverrideError(`${override.value} is not a value of ${override.key} (${spec.kind})`);
}

/**
 * The ParamChanged events of the overrides at `height`, against the state before that block. An
 * override of gov/upgrade takes effect before BeginBlock `height`, so a feature it lists at
 * `height` gets its activation hook there and one it lists below `height` never does: that one
 * also gets the FeatureActivatedWithoutHook a delivered upgrade gives it (modules/gov/activation.ts,
 * judged at `height` − 1, the last block the hooks of those heights could have run in).
 */
export function overrideEvents(state: LedgerState, overrides: readonly ParamOverride[], height: number): DomainEvent[] {
  return overrides
    .filter((o) => o.height === height)
    .flatMap((o): DomainEvent[] => {
      const { spec, value, json } = decode(o);
      // The ranges gov itself holds a delivered change to (modules/gov/param-value.ts), against
      // the params in force at that height (the DAO + proposer sum): a what-if of a value the
      // chain would refuse would only replay into an invariant failure (QA of 2026-12-06:
      // ProposerPercentage=-5 drove a balance negative).
      const range = checkParamRange(spec.key, value, state.params());
      if (!range.ok) throw new ParamOverrideError(`${o.key}=${o.value}@${o.height}: ${range.error.message}`);
      const changed = { type: 'ParamChanged', key: spec.key, oldValue: paramValueToJson(spec.kind, paramValueOf(state.params(), spec)), newValue: json, by: 'what-if' as Address, height } as DomainEvent;
      if (spec.key !== 'gov/upgrade') return [changed];
      return [changed, ...activatedWithoutHook(state.params().gov.upgrade, value as Upgrade, height - 1, state.gov.unstored)];
    });
}
