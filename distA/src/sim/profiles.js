const HOUR_NS = 3600000000000n;
export const SIM_PROFILES = {
    mainnet: { name: 'mainnet', description: 'the genesis params as given', params: {} },
    // Its genesis is written by src/sim/mainnet/genesis.ts (network, mid-2022 params); its workload is `mainnet`.
    'mainnet-shaped': { name: 'mainnet-shaped', description: "mainnet's shape: thousands of nodes over 50 chains, ~2k apps, mid-2022 params with PIP-22, blocks of mainnet's composition", params: {} },
    dev: {
        name: 'dev',
        description: 'short unstaking, jail, evidence and claim timers (lifecycles complete in a few hundred blocks)',
        params: {
            pos: {
                unstaking_time: String(3n * HOUR_NS),
                downtime_jail_duration: String(HOUR_NS),
                max_evidence_age: String(3n * HOUR_NS),
                max_jailed_blocks: '200',
                signed_blocks_window: '10',
                session_block_frequency: '4',
            },
            application: { unstaking_time: String(3n * HOUR_NS) },
            pocketcore: { proof_waiting_period: '3', claim_expiration: '6' },
        },
    },
};
export function isSimProfileName(name) {
    return name === 'dev' || name === 'mainnet' || name === 'mainnet-shaped';
}
//# sourceMappingURL=profiles.js.map