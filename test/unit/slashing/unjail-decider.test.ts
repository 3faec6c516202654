/**
 * Goal: the UnjailNode decider alone, rule by rule in pocket-core's order (slashing/unjail.ts;
 * PROTOCOL §1.2, §6.8) — the jail release is inclusive of jailed_until, the below-minimum
 * refusal keeps its side effect, and the checks come in pocket-core's order.
 * Method: decider specs (test/helpers/decider-spec.ts): a genesis chain, the jail written by
 * the real evolvers from events, the decider asked directly through the router.
 */
import { suite } from 'uvu';
import type { TxContext } from '../../../src/core/block-context.js';
import { NO_FEATURES_OFF } from '../../../src/core/features.js';
import { POS } from '../../../src/core/codes.js';
import type { DomainEvent } from '../../../src/chain/events.js';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import type { Message } from '../../../src/messages/index.js';
import { testKey, type TestKey } from '../../helpers/chain.js';
import { given } from '../../helpers/decider-spec.js';
import { startStakingChain } from '../../helpers/staking.js';

const POKT = 1_000_000n;
const MINIMUM = 15_000n * POKT;
const V = testKey('unjail-spec-v');
const SMALL = testKey('unjail-spec-small');
const STRANGER = testKey('unjail-spec-stranger');
const JAILED_UNTIL = 1_900_000_000_000_000_000n;

function chain(): LedgerState {
  return startStakingChain({
    accounts: [{ key: STRANGER, balanceUpokt: 1_000n * POKT }],
    validators: [
      { key: V, tokensUpokt: 100_000n * POKT },
      // At the minimum: pocket-core's ValidateGenesis refuses a staked validator below it
      // (x/nodes/genesis.go:210-212); a slash takes it below (smallSlashedAndJailed).
      { key: SMALL, tokensUpokt: MINIMUM },
    ],
    params: { pos: { stake_minimum: MINIMUM.toString() } },
  });
}

/** What the downtime handler writes when it jails `key` (slashing/downtime.ts). */
function jailedEvents(key: TestKey): DomainEvent[] {
  return [
    { type: 'NodeJailed', address: key.address, reason: 'downtime', signedBlocksWindow: 10n, missed: 5, maxMissed: 4n, jailedUntilNs: JAILED_UNTIL },
    {
      type: 'SigningInfosUpdated',
      cause: 'last_commit',
      infos: [{ address: key.address, startHeight: 0, indexOffset: 0, jailedUntilNs: JAILED_UNTIL, missedBlocksCounter: 0, jailedBlocksCounter: 0 }],
    },
  ];
}

/** SMALL slashed 1 uPOKT below the minimum and jailed, as downtime does it (slash, then jail). */
function smallSlashedAndJailed(): DomainEvent[] {
  return [
    { type: 'NodeSlashed', address: SMALL.address, reason: 'downtime', infractionHeight: 0, power: MINIMUM / POKT, fraction: '0.000000000000000001', burnedUpokt: 1n, tokensAfterUpokt: MINIMUM - 1n },
    ...jailedEvents(SMALL),
  ];
}

const unjail = (validator: TestKey, signer: TestKey): Message => ({ type: 'UnjailNode', validatorAddress: validator.address, signerAddress: signer.address });

function at(timeNs: bigint, signer: TestKey): TxContext {
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
  given(chain(), smallSlashedAndJailed())
    .when(unjail(SMALL, SMALL), at(JAILED_UNTIL - 1n, SMALL))
    .rejects(POS.validator_not_jailed, [{ type: 'NodeUnstakeRequested', address: SMALL.address, signer: SMALL.address, reason: 'unjail_below_minimum' }]);
});

spec.run();
