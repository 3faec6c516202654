/**
 * The parameters in force, tracked by the audit itself: genesis values, then every ParamChange
 * and Upgrade the audit's OWN verdict delivers (gov.ts; a change the ledger accepted wrongly is a
 * `tx/N:code` mismatch and leaves these values alone), decoded with the params layer's value
 * parser (a decoder, not a rule). Read as plain bigints/decimals for the formulas.
 */
import { parse as parseLossless } from 'lossless-json';
import { parseParamValue, type AclEntry, type FeeMultipliers, type ParamValue, type Upgrade } from '../../params/kinds.js';
import { PARAM_SPECS_BY_KEY } from '../../params/registry.js';
import type { Address } from '../../core/types.js';
import { parseDecimal } from './dec.js';
import type { Pip22Params, RewardFeatures } from './economics.js';

const BASE_FEE = 10_000n; // every message's base fee, PROTOCOL §1

/**
 * Params that exist only from their feature's activation height (PROTOCOL §2.5), with the value
 * pocket-core writes on that height: x/nodes/module.go:127-142 (RSCAL, PerChainRTTM; defaults
 * x/nodes/types/params.go:27-33, 59-60), x/pocketcore/module.go:106-113 (BLOCK; default
 * x/pocketcore/types/params.go:20). Decimals as their text (read with parseDecimal).
 */
export const FEATURE_PARAMS: Readonly<Record<string, Readonly<Record<string, ParamValue>>>> = {
  BLOCK: { 'pocketcore/BlockByteSize': 4_000_000n },
  PerChainRTTM: { 'pos/RelaysToTokensMultiplierMap': {} },
  RSCAL: {
    'pos/ServicerStakeFloorMultiplier': 15_000_000_000n,
    'pos/ServicerStakeFloorMultiplierExponent': '1',
    'pos/ServicerStakeWeightCeiling': 15_000_000_000n,
    'pos/ServicerStakeWeightMultiplier': '1',
  },
};

/**
 * What a feature's params read when an upgrade (MsgUpgrade, or a ParamChange of gov/upgrade)
 * switches it on at a height already reached — the upgrade's own block included, whose BeginBlock
 * has passed: the rules test `height >= featureHeight` (pocket-core codec/codec.go:316-319), the
 * activation hooks `height == featureHeight` (codec/codec.go:321-324), so the hook never runs and
 * the params are never written (docs/protocol-choices.md, Governance). An absent key reads as
 * pocket-core's getters read it (Subspace.Get leaves the value unset, types/param.go:107-126):
 * BlockByteSize 0 (x/pocketcore/keeper/params.go:64-67), the RTTM map {} (x/nodes/keeper/
 * params.go:113-119); RSCAL would read 0 and a nil Dec there (params.go:121-145) and panic on
 * every reward — the ledger's documented choice instead is the values the hook would write.
 * No ACL owner either (x/gov/module.go:170-200 never runs).
 */
export const PARAMS_WITHOUT_HOOK: Readonly<Record<string, Readonly<Record<string, ParamValue>>>> = {
  BLOCK: { 'pocketcore/BlockByteSize': 0n },
  PerChainRTTM: { 'pos/RelaysToTokensMultiplierMap': {} },
  RSCAL: FEATURE_PARAMS['RSCAL']!,
};

/** The height `features` ("KEY:height", the last entry winning) give `feature`; undefined when unlisted. */
function listedHeight(features: readonly string[], feature: string): number | undefined {
  let height: number | undefined;
  for (const entry of features) {
    const colon = entry.lastIndexOf(':');
    if (entry.slice(0, colon) === feature) height = Number(entry.slice(colon + 1));
  }
  return height;
}

/** Switched off at `height` under `features`: listed with 0 or with a later height (unlisted: on). */
function offUnder(features: readonly string[], feature: string, height: number): boolean {
  const activation = listedHeight(features, feature);
  return activation !== undefined && (activation === 0 || height < activation);
}

export class ParamTracker {
  private readonly values: Map<string, ParamValue>;
  /** The block being replayed (activateFeatures): the height an upgrade delivered in it is judged at. */
  private blockHeight = 0;
  /**
   * The feature list the rules read (featureOff, featureHeight): gov/upgrade's features as of the
   * block's start, or of the last delivered Upgrade in it. A delivered Upgrade sets pocket-core's
   * feature map at once (x/gov/keeper/subspace.go:186-188); a ParamChange of gov/upgrade stores
   * the value only, which the ledger reads from the next block on (docs/protocol-choices.md) —
   * so a ParamChange does not switch features for the rest of its own block here either.
   */
  private features: readonly string[];

  /**
   * The feature-gated keys pocket-core's store does not hold: at genesis those whose feature is
   * off (InitGenesis' SetParamSet skips them, types/param.go:306-313); a ParamChange (Subspace
   * Update, x/gov/keeper/subspace.go:199-218) or the activation hook stores one, and nothing
   * deletes it — a feature switched off keeps its params (the getters read them with no feature
   * check, x/pocketcore/keeper/params.go:64-67, x/nodes/keeper/params.go:113-145). An imported
   * chain is judged from its features at its height (a ledger export's own record of them is
   * not read).
   */
  private readonly unstored = new Set<string>();

  constructor(genesis: ReadonlyMap<string, ParamValue>, genesisHeight = 0) {
    this.values = new Map(genesis);
    this.features = this.upgrade().features;
    for (const [feature, values] of Object.entries(FEATURE_PARAMS)) {
      if (offUnder(this.features, feature, genesisHeight)) for (const key of Object.keys(values)) this.unstored.add(key);
    }
  }

  /** Whether pocket-core's store would hold no value for `key` (a feature-gated key: see `unstored`). */
  isUnstored(key: string): boolean {
    return this.unstored.has(key);
  }

  /**
   * A delivered ParamChange; false when the value does not decode (gov.ts refuses those). A new
   * gov/upgrade switches features as withoutHook says (the features the rules read change only at
   * the next block, activateFeatures).
   */
  change(key: string, valueBytes: Uint8Array): boolean {
    const value = decodeParamBytes(key, valueBytes, this.values.get(key));
    if (value === undefined) return false;
    if (key === 'gov/upgrade') this.withoutHook((value as Upgrade).features);
    this.values.set(key, value);
    this.unstored.delete(key);
    return true;
  }

  /** A delivered Upgrade: the merged value (gov.ts mergeUpgrade) replaces gov/upgrade, its features in force at once. */
  setUpgrade(upgrade: Upgrade): void {
    this.withoutHook(upgrade.features);
    this.values.set('gov/upgrade', upgrade);
    this.features = upgrade.features;
  }

  /**
   * An upgrade delivered in the current block: each feature (PARAMS_WITHOUT_HOOK) that the stored
   * gov/upgrade has off at this height and `after` has on — so at this height or an earlier one,
   * whose == hook is gone — takes the values its params then read, with no ACL owner, for each
   * key pocket-core's store does not hold (a stored one keeps its value). A feature
   * on already keeps its values; one still off gets its hook when its height comes
   * (activateFeatures). Example: RSCAL listed at 1000, block 31 delivers RSCAL:31 → the four
   * RSCAL params take the hook's defaults, and ParamChanges of them stay gov:5.
   */
  private withoutHook(after: readonly string[]): void {
    const before = this.upgrade().features;
    for (const [feature, values] of Object.entries(PARAMS_WITHOUT_HOOK)) {
      if (!offUnder(before, feature, this.blockHeight) || offUnder(after, feature, this.blockHeight)) continue;
      // Only keys pocket-core's store does not hold: a feature whose hook ran (or whose keys a
      // ParamChange set) before it was switched off keeps those values.
      for (const [key, value] of Object.entries(values)) if (this.unstored.has(key)) this.values.set(key, value);
    }
  }

  /** The gov/upgrade value (genesis: {0, "0"} on mainnet, PROTOCOL §2.5). */
  upgrade(): Upgrade {
    return (this.values.get('gov/upgrade') as Upgrade | undefined) ?? { height: 0n, version: '', oldUpgradeHeight: 0n, features: [] };
  }

  /** The owner of an ACL key (lower-case hex), or undefined when gov/acl does not list it (x/gov/types/acl.go GetOwner → nil). */
  aclOwner(key: string): string | undefined {
    const acl = (this.values.get('gov/acl') ?? []) as readonly AclEntry[];
    return acl.find((entry) => entry.key === key)?.address.toLowerCase();
  }

  /** The value in force for `key` (undefined for a key that is no parameter). */
  stored(key: string): ParamValue | undefined {
    return this.values.get(key);
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
    return this.features;
  }

  /**
   * The activation height gov/upgrade gives `feature` (the last "KEY:height" entry for it wins,
   * codec.go SliceToMap), or undefined when it is not listed — active from genesis, the ledger's
   * choice (docs/protocol-choices.md). Height 0 means never (codec.go IsAfter… needs ≠ 0).
   */
  featureHeight(feature: string): number | undefined {
    return listedHeight(this.upgradeFeatures(), feature);
  }

  /**
   * BeginBlock of `height`: each feature gov/upgrade schedules for exactly this height writes its
   * params' values (FEATURE_PARAMS) and makes the DAO owner their ACL owner (x/gov/module.go:
   * 170-200, ACL.SetOwner: an entry's owner replaced, a missing entry appended). A feature listed
   * with a past height never fires (IsOnNamedFeatureActivationHeight is an equality); one an
   * upgrade names at a height already reached reads as withoutHook says. A hook writes with its
   * module's SetParams, which stores every key of that module whose feature is on
   * (types/param.go:298-316) with the value it holds: see storeModuleKeys.
   */
  activateFeatures(height: number): void {
    // A block starts from the stored gov/upgrade, a ParamChange's of the block before included.
    this.features = this.upgrade().features;
    this.blockHeight = height;
    if (height === 0) return;
    for (const [feature, values] of Object.entries(FEATURE_PARAMS)) {
      if (this.featureHeight(feature) !== height) continue;
      this.storeModuleKeys(Object.keys(values)[0]!, height);
      const owner = this.values.get('gov/daoOwner') as Address;
      const acl = [...((this.values.get('gov/acl') ?? []) as readonly AclEntry[])];
      for (const [key, value] of Object.entries(values)) {
        this.values.set(key, value);
        this.unstored.delete(key);
        const index = acl.findIndex((entry) => entry.key === key);
        if (index >= 0) acl[index] = { key, address: owner };
        else acl.push({ key, address: owner });
      }
      this.values.set('gov/acl', acl);
    }
  }

  /**
   * A hook's SetParams in the module of `hookKey` ("pos", "pocketcore": the text before the
   * slash): each gated key of that module whose feature is on at `height` is stored from now on,
   * its value kept (x/nodes/module.go:127-142 reads GetParams and writes it all back). Example:
   * PerChainRTTM on since 3 with no hook, RSCAL's hook at 7 → the RTTM map is stored at 7.
   */
  private storeModuleKeys(hookKey: string, height: number): void {
    const module = hookKey.slice(0, hookKey.indexOf('/'));
    for (const [feature, values] of Object.entries(FEATURE_PARAMS)) {
      if (this.featureOff(feature, height)) continue;
      for (const key of Object.keys(values)) if (key.startsWith(`${module}/`)) this.unstored.delete(key);
    }
  }

  /** Whether `feature` is switched off at block `height`: listed with 0 or with a later height. */
  featureOff(feature: string, height: number): boolean {
    return offUnder(this.upgradeFeatures(), feature, height);
  }

  /** The reward path's features at `height` (economics.ts RewardFeatures). */
  rewardFeatures(height: number): RewardFeatures {
    return { rscal: !this.featureOff('RSCAL', height), rewardDelegators: !this.featureOff('RewardDelegators', height), ncust: !this.featureOff('NCUST', height) };
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
  /** The chain's RTTM at `height`: its map entry only while [PerChainRTTM] is active (GetChainSpecificMultiplier, x/nodes/keeper/reward.go:215-224). */
  multiplier(chain: string, height: number): { value: bigint; source: 'chain_map' | 'default' } {
    const map = (this.values.get('pos/RelaysToTokensMultiplierMap') ?? {}) as Readonly<Record<string, bigint>>;
    const entry = this.featureOff('PerChainRTTM', height) ? undefined : map[chain];
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

/**
 * A ParamChange value → the typed value of `key`, or undefined: the bytes must be UTF-8 (strict),
 * one JSON value (lossless-json: no duplicate keys, big integers kept) of the key's amino-JSON
 * form (params/kinds.ts parseParamValue: 64-bit integers and decimals as strings, …), read as
 * pocket-core's Subspace.Update reads it (types/param.go:227-246):
 *  - gov/acl and gov/upgrade are registered amino types (x/gov/types/codec.go:24-25), so go-amino
 *    v0.15.1 UnmarshalJSON wants {"type": "gov/non_map_acl" | "gov/upgrade", "value": …}
 *    (go-amino v0.15.1 amino.go:426-438); a bare list or object is an error;
 *  - the upgrade is decoded over the stored one: a field left out keeps its value when it is
 *    omitempty (OldUpgradeHeight, Features: gov.pb.go:215-216) and is zeroed otherwise (Height,
 *    Version) — json-decode.go:399-405.
 */
export function decodeParamBytes(key: string, valueBytes: Uint8Array, stored?: ParamValue): ParamValue | undefined {
  const spec = PARAM_SPECS_BY_KEY.get(key);
  if (spec === undefined) return undefined;
  let node: unknown;
  try {
    node = parseLossless(new TextDecoder('utf-8', { fatal: true }).decode(valueBytes));
  } catch {
    return undefined;
  }
  const wrapper = REGISTERED_NAME[key];
  if (wrapper !== undefined) {
    if (!isPlainObject(node) || node['type'] !== wrapper || node['value'] === undefined || node['value'] === null) return undefined;
    node = node['value'];
  }
  if (key === 'gov/upgrade' && isPlainObject(node)) node = { ...upgradeDefaults(stored as Upgrade | undefined), ...node };
  const parsed = parseParamValue(spec.kind, node);
  return parsed.ok ? parsed.value : undefined;
}

/** The amino names of the two registered param types (x/gov/types/codec.go:24-25). */
const REGISTERED_NAME: Readonly<Record<string, string>> = { 'gov/acl': 'gov/non_map_acl', 'gov/upgrade': 'gov/upgrade' };

function isPlainObject(node: unknown): node is Record<string, unknown> {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}

/** What an upgrade value that leaves a field out gets for it (see decodeParamBytes). */
function upgradeDefaults(stored: Upgrade | undefined): Record<string, unknown> {
  const defaults: Record<string, unknown> = { Height: '0', Version: '' };
  if (stored !== undefined && stored.oldUpgradeHeight !== 0n) defaults['OldUpgradeHeight'] = stored.oldUpgradeHeight.toString();
  if (stored !== undefined && stored.features.length > 0) defaults['Features'] = [...stored.features];
  return defaults;
}
