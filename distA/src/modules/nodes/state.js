/**
 * nodes (pos) state: validator records (with per-height history, read "as of" session start by
 * sessions and claims), signing info for downtime, the waiting-to-unstake set, the previous
 * block's proposer and the last reported validator-set powers.
 */
import { canonicalJson } from '../../core/json.js';
/** Go types/staking.go:42-44. */
export const StakeStatus = { Unstaked: 0, Unstaking: 1, Staked: 2 };
function encodeValidator(v) {
    return canonicalJson({
        address: v.address,
        chains: v.chains,
        jailed: v.jailed,
        output_address: v.outputAddress,
        public_key: v.publicKey,
        reward_delegators: v.rewardDelegators,
        service_url: v.serviceUrl,
        status: v.status,
        tokens: v.tokensUpokt,
        unstaking_time: v.unstakingTimeNs,
    });
}
function decodeValidator(text) {
    const raw = JSON.parse(text);
    return {
        address: raw['address'],
        publicKey: raw['public_key'],
        jailed: raw['jailed'],
        status: raw['status'],
        chains: raw['chains'],
        serviceUrl: raw['service_url'],
        tokensUpokt: BigInt(raw['tokens']),
        unstakingTimeNs: raw['unstaking_time'] === null ? null : BigInt(raw['unstaking_time']),
        outputAddress: raw['output_address'] ?? null,
        rewardDelegators: raw['reward_delegators'] ?? null,
    };
}
export const validatorsTable = {
    name: 'pos/validators',
    encode: encodeValidator,
    decode: decodeValidator,
    history: true,
};
/** Consensus power = floor(tokens / 10^6) when staked and not jailed (validator.go:81-86). */
export function consensusPower(v) {
    return v.status === StakeStatus.Staked && !v.jailed ? v.tokensUpokt / 1000000n : 0n;
}
export const VALIDATOR_SET_KEY = 'current';
export const validatorSetTable = {
    name: 'pos/validator_set',
    encode: (set) => canonicalJson(set.map((m) => [m.address, m.power])),
    decode: (text) => JSON.parse(text).map(([address, power]) => ({ address, power: BigInt(power) })),
    history: true,
};
/**
 * The waiting-to-begin-unstaking set: operator address → the reason it (last) joined. At the
 * session's last block (h mod BlocksPerSession = 0) every member still Staked starts unstaking
 * and the set is emptied (PROTOCOL §6.4). Not history: nothing reads it "as of" a height.
 */
export const waitingValidatorsTable = {
    name: 'pos/waiting_validators',
    encode: (reason) => reason,
    decode: (text) => text,
};
//# sourceMappingURL=state.js.map