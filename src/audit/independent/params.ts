/**
 * The parameters in force, tracked by the audit itself: genesis values, then every ParamChange
 * the ledger recorded as delivered (code 0), decoded with the params layer's value parser (a
 * decoder, not a rule). Read as plain bigints/decimals for the formulas.
 */
import { parse as parseLossless } from 'lossless-json';
import { parseParamValue, type FeeMultipliers, type ParamValue } from '../../params/kinds.js';
import { PARAM_SPECS_BY_KEY } from '../../params/registry.js';
import { parseDecimal } from './dec.js';
import type { Pip22Params } from './economics.js';

const BASE_FEE = 10_000n; // every message's base fee, PROTOCOL §1

export class ParamTracker {
  private readonly values: Map<string, ParamValue>;

  constructor(genesis: ReadonlyMap<string, ParamValue>) {
    this.values = new Map(genesis);
  }

  /** A delivered ParamChange; false when the value does not decode (the ledger refuses those). */
  change(key: string, valueBytes: Uint8Array): boolean {
    const spec = PARAM_SPECS_BY_KEY.get(key);
    if (spec === undefined) return false;
    const parsed = parseParamValue(spec.kind, parseLossless(new TextDecoder().decode(valueBytes)));
    if (!parsed.ok) return false;
    this.values.set(key, parsed.value);
    return true;
  }

  /** Override a value directly (what-if comparisons and tests). */
  set(key: string, value: ParamValue): void {
    this.values.set(key, value);
  }

  int(key: string): bigint {
    const value = this.values.get(key);
    if (typeof value !== 'bigint') throw new Error(`audit: parameter ${key} is not an integer (${String(value)})`);
    return value;
  }

  bool(key: string): boolean {
    return this.values.get(key) === true;
  }

  /** A list parameter (pocketcore/SupportedBlockchains: canonical chain ids). */
  list(key: string): readonly string[] {
    const value = this.values.get(key);
    return Array.isArray(value) ? (value as readonly string[]) : [];
  }

  /** The features ("KEY:height") the gov/upgrade parameter names. */
  upgradeFeatures(): readonly string[] {
    const value = this.values.get('gov/upgrade') as { readonly features?: readonly string[] } | undefined;
    return value?.features ?? [];
  }

  /** An address parameter (gov/daoOwner), lower-case hex. */
  address(key: string): string {
    const value = this.values.get(key);
    if (typeof value !== 'string') throw new Error(`audit: parameter ${key} is not an address (${String(value)})`);
    return value.toLowerCase();
  }

  /** A Dec parameter, scaled 10^18. */
  dec(key: string): bigint {
    const value = this.values.get(key);
    if (value === undefined) throw new Error(`audit: parameter ${key} is missing`);
    return parseDecimal(String(value));
  }

  /** RelaysToTokensMultiplier for `chain`: the per-chain map entry if any, else the default. */
  multiplier(chain: string): { value: bigint; source: 'chain_map' | 'default' } {
    const map = (this.values.get('pos/RelaysToTokensMultiplierMap') ?? {}) as Readonly<Record<string, bigint>>;
    const entry = map[chain];
    return entry === undefined ? { value: this.int('pos/RelaysToTokensMultiplier'), source: 'default' } : { value: BigInt(entry), source: 'chain_map' };
  }

  pip22(): Pip22Params {
    return {
      floor: this.int('pos/ServicerStakeFloorMultiplier'),
      ceiling: this.int('pos/ServicerStakeWeightCeiling'),
      exponent: this.dec('pos/ServicerStakeFloorMultiplierExponent'),
      weightMultiplier: this.dec('pos/ServicerStakeWeightMultiplier'),
    };
  }

  /** fee(msg type) = 10,000 × (its FeeMultipliers override, else the default). */
  fee(messageType: string): bigint {
    const multipliers = this.values.get('auth/FeeMultipliers') as FeeMultipliers;
    const override = multipliers.overrides.find((entry) => entry.key === messageType);
    return BASE_FEE * (override?.multiplier ?? multipliers.default);
  }
}
