/**
 * Goal: the UnjailNode decider alone, rule by rule in pocket-core's order (slashing/unjail.ts;
 * PROTOCOL §1.2, §6.8) — the jail release is inclusive of jailed_until, the below-minimum
 * refusal keeps its side effect, and the checks come in pocket-core's order.
 * Method: decider specs (test/helpers/decider-spec.ts): a genesis chain, the jail written by
 * the real evolvers from events, the decider asked directly through the router.
 */
import { suite } from 'uvu';
import { NO_FEATURES_OFF } from '../../../src/core/features.js';
import { POS } from '../../../src/core/codes.js';
import { testKey } from '../../helpers/chain.js';
import { given } from '../../helpers/decider-spec.js';
import { startStakingChain } from '../../helpers/staking.js';
const POKT = 1000000n;
const MINIMUM = 15000n * POKT;
const V = testKey('unjail-spec-v');
const SMALL = testKey('unjail-spec-small');
const STRANGER = testKey('unjail-spec-stranger');
const JAILED_UNTIL = 1900000000000000000n;
function chain() {
    return startStakingChain({
        accounts: [{ key: STRANGER, balanceUpokt: 1000n * POKT }],
        validators: [
            { key: V, tokensUpokt: 100000n * POKT },
            { key: SMALL, tokensUpokt: MINIMUM - 1n },
        ],
        params: { pos: { stake_minimum: MINIMUM.toString() } },
    });
}
/** What the downtime handler writes when it jails `key` (slashing/downtime.ts). */
function jailedEvents(key) {
    return [
        { type: 'NodeJailed', address: key.address, reason: 'downtime', signedBlocksWindow: 10n, missed: 5, maxMissed: 4n, jailedUntilNs: JAILED_UNTIL },
        {
            type: 'SigningInfosUpdated',
            cause: 'last_commit',
            infos: [{ address: key.address, startHeight: 0, indexOffset: 0, jailedUntilNs: JAILED_UNTIL, missedBlocksCounter: 0, jailedBlocksCounter: 0 }],
        },
    ];
}
const unjail = (validator, signer) => ({ type: 'UnjailNode', validatorAddress: validator.address, signerAddress: signer.address });
function at(timeNs, signer) {
    const base = { chainId: 'x', height: 2, timeNs, blockHash: '00'.repeat(32), proposer: V.address, previousProposer: V.address, lastCommit: [], evidence: [], inactiveFeatures: NO_FEATURES_OFF };
    return { ...base, txHash: 'ab'.repeat(32), txIndex: 0, signer: signer.address, signerPublicKey: signer.publicKey };
}
const spec = suite('slashing: UnjailNode decider');
spec('one nanosecond before jailed_until → pos:104; at jailed_until exactly → NodeUnjailed', () => {
    given(chain(), jailedEvents(V)).when(unjail(V, V), at(JAILED_UNTIL - 1n, V)).rejects(POS.validator_jailed);
    given(chain(), jailedEvents(V))
        .when(unjail(V, V), at(JAILED_UNTIL, V))
        // The record reset by the unjail (start height and jailed_until kept, counters zero).
        .then([{ type: 'NodeUnjailed', address: V.address, signer: V.address, signingInfo: { address: V.address, startHeight: 0, indexOffset: 0, jailedUntilNs: JAILED_UNTIL, missedBlocksCounter: 0, jailedBlocksCounter: 0 } }]);
});
spec('not jailed → pos:105 with no side effect; unknown validator → pos:101; a stranger signing → pos:125', () => {
    given(chain()).when(unjail(V, V), at(JAILED_UNTIL, V)).rejects(POS.validator_not_jailed);
    given(chain()).when(unjail(STRANGER, STRANGER), at(JAILED_UNTIL, STRANGER)).rejects(POS.validator_not_found);
    given(chain(), jailedEvents(V)).when(unjail(V, STRANGER), at(JAILED_UNTIL, STRANGER)).rejects(POS.signer_not_operator_or_output);
});
spec('below the stake minimum → pos:105 that still queues the unstake (pocket-core writes before failing), even before jailed_until', () => {
    given(chain(), jailedEvents(SMALL))
        .when(unjail(SMALL, SMALL), at(JAILED_UNTIL - 1n, SMALL))
        .rejects(POS.validator_not_jailed, [{ type: 'NodeUnstakeRequested', address: SMALL.address, signer: SMALL.address, reason: 'unjail_below_minimum' }]);
});
spec.run();
//# sourceMappingURL=unjail-decider.test.js.map