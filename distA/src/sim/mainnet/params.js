/**
 * The mainnet-shaped chain's parameters, in genesis JSON form (the field names of each module's
 * `params`): the real mainnet `/v1/query/allparams` answer of mid-2022 (../shared/data and
 * test/fixtures/allparams-mid2022.json: pocket-go provider/samples/query_allparams.json, gov/upgrade
 * height 57,616, v0.8.2), plus the PIP-22 parameters, which that dump predates (PIP-22 came with
 * RC-0.9.0, later in 2022).
 *
 * PIP-22 values (an assumption, stated): floor 15,000 POKT, ceiling 60,000 POKT, exponent 1,
 * weight multiplier 1 — the values of pocket-core's own reward test (reward_test.go TV-2) and of
 * the first mainnet setting; a node staked at 60,000 POKT earns 4× a 15,000 POKT node per relay.
 *
 * SupportedBlockchains: the dump's 32 chains plus 18 more (hex ids in the same style) to make
 * the ~50 chains of late 2022 (MAINNET_CHAINS, in popularity order: the first chains carry most
 * relays).
 */
/** The dump's 32 chains (allparams-mid2022.json pocketcore/SupportedBlockchains), then 18 added. */
export const MAINNET_CHAINS = [
    '0021', '0009', '0040', '0004', '0005', '0001', '0003', '0006', '000A', '000B', '000C', '0010', '0012', '0022', '0023', '0024',
    '0025', '0026', '0027', '0028', '0029', '0044', '0046', '0047', '0048', '0049', '0050', '0051', '0052', '0053', '03CB', '03DF',
    '0054', '0055', '0056', '0057', '0058', '0059', '005A', '005B', '005C', '005D', '005E', '005F', '0060', '0061', '0062', '0063', '0064', '0065',
];
const POKT = 1000000n;
export const PIP22_FLOOR_UPOKT = 15000n * POKT;
export const PIP22_CEILING_UPOKT = 60000n * POKT;
/** module → genesis param name → value (strings for int64/dec/duration, as the genesis file writes them). */
export const MAINNET_MID2022_PARAMS = {
    application: {
        maximum_chains: '15',
        max_applications: '2295',
        app_stake_minimum: '1000000',
        unstaking_time: '1814000000000000',
        base_relays_per_pokt: '200000',
        participation_rate_on: false,
        stability_adjustment: '0',
    },
    auth: { max_memo_characters: '75', tx_sig_limit: '8', fee_multipliers: { fee_multiplier: [], default: '1' } },
    pos: {
        relays_to_tokens_multiplier: '2109',
        stake_minimum: '15000000000',
        proposer_allocation: '1',
        slash_fraction_double_sign: '0.000001000000000000',
        unstaking_time: '1814000000000000',
        signed_blocks_window: '10',
        maximum_chains: '15',
        slash_fraction_downtime: '0.000001000000000000',
        session_block_frequency: '4',
        downtime_jail_duration: '3600000000000',
        max_evidence_age: '120000000000',
        dao_allocation: '10',
        max_jailed_blocks: '37960',
        max_validators: '1000',
        min_signed_per_window: '0.600000000000000000',
        servicer_stake_floor_multipler: PIP22_FLOOR_UPOKT.toString(),
        servicer_stake_weight_ceiling: PIP22_CEILING_UPOKT.toString(),
        servicer_stake_weight_multipler: '1.000000000000000000',
        servicer_stake_floor_multiplier_exponent: '1.000000000000000000',
    },
    pocketcore: {
        session_node_count: '24',
        proof_waiting_period: '3', // ClaimSubmissionWindow's genesis name
        supported_blockchains: MAINNET_CHAINS,
        claim_expiration: '24',
        minimum_number_of_proofs: '10',
        replay_attack_burn_multiplier: '3',
    },
};
//# sourceMappingURL=params.js.map