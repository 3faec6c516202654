/**
 * apps state: application records, with per-height history (claims and proofs read the app
 * "as of" the session start).
 */
import { canonicalJson } from '../../core/json.js';
export const applicationsTable = {
    name: 'application/applications',
    encode: (a) => canonicalJson({
        address: a.address,
        chains: a.chains,
        jailed: a.jailed,
        max_relays: a.maxRelays,
        public_key: a.publicKey,
        staked_tokens: a.stakedTokensUpokt,
        status: a.status,
        unstaking_time: a.unstakingTimeNs,
    }),
    decode: (text) => {
        const raw = JSON.parse(text);
        return {
            address: raw['address'],
            publicKey: raw['public_key'],
            jailed: raw['jailed'],
            status: raw['status'],
            chains: raw['chains'],
            stakedTokensUpokt: BigInt(raw['staked_tokens']),
            maxRelays: BigInt(raw['max_relays']),
            unstakingTimeNs: raw['unstaking_time'] === null ? null : BigInt(raw['unstaking_time']),
        };
    },
    history: true,
};
//# sourceMappingURL=state.js.map