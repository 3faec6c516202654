/**
 * Protocol feature keys (pocket-core's upgrade features, codec/codec.go:43-64) and the set of
 * those switched off at a block. Here, below every rule, so that the block context carries the
 * set typed by its keys: asking about a feature that does not exist is a compile error.
 * Which features are off at a height: modules/gov/features.ts `inactiveFeatures`.
 */
export const FEATURE_KEYS = [
    'CODEC',
    'SPLIT',
    'NCUST',
    'MAXCH',
    'REDUP',
    'MREL',
    'REPBR',
    'BLOCK',
    'RSCAL',
    'VEDIT',
    'OEDIT',
    'CRVAL',
    'PerChainRTTM',
    'AppTransfer',
    'RewardDelegators',
];
export const NO_FEATURES_OFF = new Set();
const KNOWN = new Set(FEATURE_KEYS);
export function isFeatureKey(key) {
    return KNOWN.has(key);
}
//# sourceMappingURL=features.js.map