/**
 * Every governance parameter, as data (PROTOCOL.md §2): its ACL key ("subspace/Key", what
 * MsgChangeParam names), its genesis/query JSON name, its kind, the typed field it fills, and
 * what genesis must say about it.
 *
 * `genesis: 'required'` — a genesis file without it is rejected (every pocket-core genesis has it).
 * `genesis: { default }` — absent is allowed: feature-gated params (RSCAL, PerChainRTTM, BLOCK)
 * take the value pocket-core writes on the feature's activation height (all features are active
 * from genesis here, PROTOCOL §12.1), and the ledger's own monetary-policy params (§14) default
 * to "off". `auth/FeeMultipliers` defaults to Go's zero value ({default: 0}) because that is
 * what pocket-core reads from a genesis without it (the e2e localnet genesis).
 */
import { Dec } from '../core/bigdec.js';
const spec = (subspace, name, json, kind, field, genesis = 'required', ledgerExtension) => ({ key: `${subspace}/${name}`, subspace, json, kind, field, genesis, ...(ledgerExtension ? { ledgerExtension } : {}) });
const dec = (text) => Dec.fromString(text);
const SPECS = [
    // application (x/apps/types/params.go:12-72)
    spec('application', 'AppUnstakingTime', 'unstaking_time', 'duration', 'unstakingTimeNs'),
    spec('application', 'MaxApplications', 'max_applications', 'int64', 'maxApplications'),
    spec('application', 'ApplicationStakeMinimum', 'app_stake_minimum', 'int64', 'stakeMinimumUpokt'),
    spec('application', 'BaseRelaysPerPOKT', 'base_relays_per_pokt', 'int64', 'baseRelaysPerPokt'),
    spec('application', 'StabilityAdjustment', 'stability_adjustment', 'int64', 'stabilityAdjustment'),
    spec('application', 'ParticipationRateOn', 'participation_rate_on', 'bool', 'participationRateOn'),
    spec('application', 'MaximumChains', 'maximum_chains', 'int64', 'maximumChains'),
    spec('application', 'ApplicationBurnRate', 'application_burn_rate', 'dec', 'burnRate', { default: dec('0') }, true),
    // auth (x/auth/types/params.go:9-63)
    spec('auth', 'MaxMemoCharacters', 'max_memo_characters', 'uint64', 'maxMemoCharacters'),
    spec('auth', 'TxSigLimit', 'tx_sig_limit', 'uint64', 'txSigLimit'),
    spec('auth', 'FeeMultipliers', 'fee_multipliers', 'feeMultipliers', 'feeMultipliers', { default: { overrides: [], default: 0n } }),
    // gov (x/gov/types/params.go:17-73)
    spec('gov', 'acl', 'acl', 'acl', 'acl'),
    spec('gov', 'daoOwner', 'dao_owner', 'address', 'daoOwner'),
    spec('gov', 'upgrade', 'upgrade', 'upgrade', 'upgrade'),
    // pocketcore (x/pocketcore/types/params.go:12-60)
    spec('pocketcore', 'SessionNodeCount', 'session_node_count', 'int64', 'sessionNodeCount'),
    spec('pocketcore', 'ClaimSubmissionWindow', 'proof_waiting_period', 'int64', 'claimSubmissionWindow'),
    spec('pocketcore', 'SupportedBlockchains', 'supported_blockchains', 'chains', 'supportedBlockchains'),
    spec('pocketcore', 'ClaimExpiration', 'claim_expiration', 'int64', 'claimExpiration'),
    spec('pocketcore', 'ReplayAttackBurnMultiplier', 'replay_attack_burn_multiplier', 'int64', 'replayAttackBurnMultiplier'),
    spec('pocketcore', 'MinimumNumberOfProofs', 'minimum_number_of_proofs', 'int64', 'minimumNumberOfProofs'),
    spec('pocketcore', 'BlockByteSize', 'block_byte_size', 'int64', 'blockByteSize', { default: 4000000n }),
    // pos (x/nodes/types/params.go:12-142)
    spec('pos', 'RelaysToTokensMultiplier', 'relays_to_tokens_multiplier', 'int64', 'relaysToTokensMultiplier'),
    spec('pos', 'RelaysToTokensMultiplierMap', 'relays_to_tokens_multiplier_map', 'int64Map', 'relaysToTokensMultiplierMap', { default: {} }),
    spec('pos', 'UnstakingTime', 'unstaking_time', 'duration', 'unstakingTimeNs'),
    spec('pos', 'MaxValidators', 'max_validators', 'int64', 'maxValidators'),
    spec('pos', 'StakeDenom', 'stake_denom', 'string', 'stakeDenom'),
    spec('pos', 'StakeMinimum', 'stake_minimum', 'int64', 'stakeMinimumUpokt'),
    spec('pos', 'BlocksPerSession', 'session_block_frequency', 'int64', 'blocksPerSession'),
    spec('pos', 'DAOAllocation', 'dao_allocation', 'int64', 'daoAllocation'),
    spec('pos', 'ProposerPercentage', 'proposer_allocation', 'int64', 'proposerAllocation'),
    spec('pos', 'MaximumChains', 'maximum_chains', 'int64', 'maximumChains'),
    spec('pos', 'MaxJailedBlocks', 'max_jailed_blocks', 'int64', 'maxJailedBlocks'),
    spec('pos', 'MaxEvidenceAge', 'max_evidence_age', 'duration', 'maxEvidenceAgeNs'),
    spec('pos', 'SignedBlocksWindow', 'signed_blocks_window', 'int64', 'signedBlocksWindow'),
    spec('pos', 'MinSignedPerWindow', 'min_signed_per_window', 'dec', 'minSignedPerWindow'),
    spec('pos', 'DowntimeJailDuration', 'downtime_jail_duration', 'duration', 'downtimeJailDurationNs'),
    spec('pos', 'SlashFractionDoubleSign', 'slash_fraction_double_sign', 'dec', 'slashFractionDoubleSign'),
    spec('pos', 'SlashFractionDowntime', 'slash_fraction_downtime', 'dec', 'slashFractionDowntime'),
    // PIP-22 ([RSCAL]); defaults are what pocket-core writes on activation (x/nodes/module.go:127-137).
    spec('pos', 'ServicerStakeFloorMultiplier', 'servicer_stake_floor_multipler', 'int64', 'servicerStakeFloorMultiplier', { default: 15000000000n }),
    spec('pos', 'ServicerStakeWeightCeiling', 'servicer_stake_weight_ceiling', 'int64', 'servicerStakeWeightCeiling', { default: 15000000000n }),
    spec('pos', 'ServicerStakeWeightMultiplier', 'servicer_stake_weight_multipler', 'dec', 'servicerStakeWeightMultiplier', { default: dec('1') }),
    spec('pos', 'ServicerStakeFloorMultiplierExponent', 'servicer_stake_floor_multiplier_exponent', 'dec', 'servicerStakeFloorMultiplierExponent', { default: dec('1') }),
    spec('pos', 'FeeBurnPercentage', 'fee_burn_percentage', 'int64', 'feeBurnPercentage', { default: 0n }, true),
];
const everyFieldSpecified = true;
void everyFieldSpecified;
export const PARAM_SPECS = SPECS;
export const PARAM_SPECS_BY_KEY = new Map(PARAM_SPECS.map((s) => [s.key, s]));
export const SUBSPACES = ['application', 'auth', 'gov', 'pocketcore', 'pos'];
//# sourceMappingURL=registry.js.map