/**
 * Upgrades and protocol features (PROTOCOL §8.3, §12.1).
 *
 * The features table: feature key ("RSCAL", "NCUST", …, codec/codec.go:43-64) → activation
 * height, read from the `gov/upgrade` parameter's `Features` ("KEY:height" entries). The ledger
 * implements every feature (which ones can be switched off: docs/protocol-choices.md, first
 * paragraph) and, unlike pocket-core, treats a feature the table does not list as
 * ACTIVE FROM GENESIS (PROTOCOL §12.1 choice). A listed feature is active from its height; a
 * feature listed with height 0 is inactive (pocket-core's `IsAfter` requires a non-zero height,
 * codec/codec.go:316-319) — the way to switch one off for a compatibility test.
 * `inactiveFeatures(upgrade, h)` is computed at the start of each block and again after a
 * delivered Upgrade, which pocket-core applies at once (chain/apply-block.ts puts it into the
 * BlockContext); rules ask `ctx.inactiveFeatures.has(KEY)` instead of comparing heights.
 *
 * Upgrade halt (x/gov/module.go:136-167): at BeginBlock of h ≥ upgrade.Height, a node whose
 * version is below upgrade.Version stops. The ledger's version is LEDGER_PROTOCOL_VERSION (the
 * pocket-core release whose rules it implements, RC-0.12.0 without its tag): the producer
 * refuses to build such a block and applyBlock refuses to apply it, with a clear coded error.
 *
 * Version strings compare as pocket-core's CompareVersionStrings (types/utils.go:157-197):
 * dot-separated integers (strconv.Atoi), chunk by chunk; with equal common chunks the longer
 * version is greater ("0.8" < "0.8.2"). Example: "0.8.2" < "0.12.0" (8 < 12), "RC-0.12.0" is
 * not comparable (pocket drops the "RC-" tag of its own version only).
 */
import { isFeatureKey, type FeatureKey, type FeatureSet } from '../../core/features.js';
import { MAX_INT64, MIN_INT64 } from '../../core/types.js';
import type { Upgrade } from '../../params/kinds.js';

/** Every feature key pocket-core knows (codec/codec.go:43-64). */
export { FEATURE_KEYS, type FeatureKey, type FeatureSet } from '../../core/features.js';

/**
 * Parameters that exist only once their feature is active (pocket-core writes them, and adds
 * their ACL owner, on the activation height: x/nodes/module.go:127-142,
 * x/pocketcore/module.go:106-113, x/gov/module.go:170-200). Before that they cannot be changed
 * (no owner: gov:5) and params queries do not list them.
 */
export const PARAM_FEATURE: Readonly<Record<string, FeatureKey>> = {
  'pocketcore/BlockByteSize': 'BLOCK',
  'pos/RelaysToTokensMultiplierMap': 'PerChainRTTM',
  'pos/ServicerStakeFloorMultiplier': 'RSCAL',
  'pos/ServicerStakeWeightCeiling': 'RSCAL',
  'pos/ServicerStakeWeightMultiplier': 'RSCAL',
  'pos/ServicerStakeFloorMultiplierExponent': 'RSCAL',
};

/** pocket-core's version whose rules this ledger implements (app/app.go:30, "RC-" tag dropped). */
export const LEDGER_PROTOCOL_VERSION = '0.12.0';

/** A version-less upgrade that only adds features (subspace.go:16, 132-142). */
export const FEATURE_UPGRADE_VERSION = 'FEATURE';

/** "KEY:height" entries → key → height; a later entry for the same key wins (codec.SliceToMap). */
export function featureHeights(features: readonly string[]): Map<string, number> {
  const heights = new Map<string, number>();
  for (const entry of features) {
    const colon = entry.lastIndexOf(':');
    heights.set(entry.slice(0, colon), Number(entry.slice(colon + 1)));
  }
  return heights;
}

/**
 * Feature keys NOT active at `height` (listed with height 0, or with a later height). A key the
 * ledger does not know changes no rule, so it is not in the set.
 */
export function inactiveFeatures(upgrade: Upgrade, height: number): FeatureSet {
  const inactive = new Set<FeatureKey>();
  for (const [key, activation] of featureHeights(upgrade.features)) if (isFeatureKey(key) && (activation === 0 || height < activation)) inactive.add(key);
  return inactive;
}

/**
 * Merge feature lists as CleanUpgradeFeatureSlice (codec/codec.go:382-387): one entry per key,
 * later entries win, sorted as strings. ["RSCAL:100","REDUP:57620"] + ["RSCAL:200"] →
 * ["REDUP:57620","RSCAL:200"].
 */
export function mergeFeatures(old: readonly string[], added: readonly string[]): string[] {
  const merged = featureHeights([...old, ...added]);
  return [...merged].map(([key, height]) => `${key}:${height}`).sort();
}

/** strconv.Atoi (64-bit): an optional sign and decimal digits, within int64; else undefined. */
function atoi(chunk: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(chunk)) return undefined;
  const value = BigInt(chunk);
  return value >= MIN_INT64 && value <= MAX_INT64 ? value : undefined;
}

/**
 * −1, 0, 1 as CompareVersionStrings (types/utils.go:157-197); undefined where it errors. Like
 * pocket-core it parses chunk by chunk and stops at the first difference, so chunks after it or
 * past the shorter version are never read: ("0.12.0", "0.13.x") → −1, ("0.12.0", "0.12.x") →
 * undefined, ("0.12.0", "+0.012.0") → 0.
 */
export function compareVersions(a: string, b: string): -1 | 0 | 1 | undefined {
  const left = a.split('.');
  const right = b.split('.');
  const common = Math.min(left.length, right.length);
  for (let i = 0; i < common; i++) {
    const l = atoi(left[i]!);
    if (l === undefined) return undefined;
    const r = atoi(right[i]!);
    if (r === undefined) return undefined;
    if (l < r) return -1;
    if (l > r) return 1;
  }
  if (right.length > common) return -1;
  if (left.length > common) return 1;
  return 0;
}

/**
 * A version this ledger can compare its own with — what pocket-core's gov BeginBlock does with
 * the stored one every block, exiting when it cannot (x/gov/module.go:136-146).
 */
export function isComparableVersion(version: string, ledgerVersion: string = LEDGER_PROTOCOL_VERSION): boolean {
  return compareVersions(ledgerVersion, version) !== undefined;
}

/**
 * Why this ledger cannot produce or apply block `height` under `upgrade`, or undefined.
 * An incomparable version (only reachable through a genesis file, since the ledger rejects such
 * upgrades) stops the chain at any height, as pocket-core exits on it before comparing heights.
 */
export function upgradeHaltReason(upgrade: Upgrade, height: number, ledgerVersion: string = LEDGER_PROTOCOL_VERSION): string | undefined {
  if (height === 0) return undefined;
  const comparison = compareVersions(ledgerVersion, upgrade.version);
  if (comparison === undefined) return `the chain's upgrade version ${JSON.stringify(upgrade.version)} cannot be compared with this ledger's version ${ledgerVersion}`;
  if (BigInt(height) < upgrade.height || comparison >= 0) return undefined;
  return `upgrade required: from height ${upgrade.height} the chain runs version ${upgrade.version}; this ledger implements ${ledgerVersion} and stops before block ${height}`;
}

/** The producer's refusal to build a block this ledger may not produce (see upgradeHaltReason). */
export class UpgradeRequiredError extends Error {
  override readonly name = 'UpgradeRequiredError';
  readonly code = 'upgrade_required';
}
