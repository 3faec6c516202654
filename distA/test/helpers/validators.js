import { StakeStatus } from '../../src/modules/nodes/state.js';
export const TEST_OPERATOR = '11'.repeat(20);
/** Staked, unjailed, chain 0001, 1 uPOKT, no output address or delegators — unless `changes` say otherwise. */
export function validatorRecord(changes = {}) {
    return {
        address: TEST_OPERATOR,
        publicKey: '33'.repeat(32),
        jailed: false,
        status: StakeStatus.Staked,
        chains: ['0001'],
        serviceUrl: 'https://n.example.com:443',
        tokensUpokt: 1n,
        unstakingTimeNs: null,
        outputAddress: null,
        rewardDelegators: null,
        ...changes,
    };
}
//# sourceMappingURL=validators.js.map