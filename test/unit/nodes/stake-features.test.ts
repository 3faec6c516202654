/**
 * Goal: the staking rules pocket-core gates behind [OEDIT], [VEDIT], [RewardDelegators] and
 * [AppTransfer] follow the features table (PROTOCOL §12.1: a feature listed in gov/upgrade with
 * height 0, or a height not reached yet, is off — "so a flag can be turned off for compatibility
 * tests; the Go tests toggle them"). These are the before-activation halves of TV-12, TV-13 and
 * TV-14 (PROTOCOL §11); the after-activation halves are in stake-node.test.ts / stake-app.test.ts.
 * Method: a test chain whose genesis upgrade lists the feature at a later height; signed txs
 * delivered one per block by the real producer and reducer before and after that height. Where
 * the Go test calls the handler directly (bypassing the ante handler), the handler's answer is
 * checked with decideStakeNode / validateAppTransfer and the tx's answer is the ante's.
 * Expected values: pocket-core RC-0.12.0, file:line beside each.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import { validateBasic, type StakeAppMessage, type StakeNodeMessage } from '../../../src/messages/index.js';
import { validateAppTransfer } from '../../../src/modules/apps/staking.js';
import { decideStakeNode } from '../../../src/modules/nodes/staking.js';
import { inactiveFeatures } from '../../../src/modules/gov/features.js';
import { testKey, type TestKey } from '../../helpers/chain.js';
import { deliver, expectCode, heightOf, produceTo, stakeNodeMsg, startStakingChain, transferAppMsg } from '../../helpers/staking.js';

const POKT = 1_000_000n;
const genesisValidator = testKey('validator-1');
const op1 = testKey('features-operator-1');
const op2 = testKey('features-operator-2');
const outputX = testKey('features-output-x');
const delegator = testKey('features-delegator');

/** A chain on which `features` ("KEY:height") are listed in gov/upgrade; VEDIT bins off by the ceiling unless `pos` says otherwise. */
function chainWith(features: readonly string[], pos: Record<string, unknown> = { servicer_stake_weight_ceiling: '1000000' }): LedgerState {
  return startStakingChain({
    accounts: [op1, op2, outputX].map((key) => ({ key, balanceUpokt: 2_000_000n * POKT })),
    validators: [
      { key: genesisValidator, tokensUpokt: 100_000n * POKT },
      { key: op2, tokensUpokt: 1_000n * POKT },
    ],
    params: { pos: { unstaking_time: '3600000000000', ...pos }, gov: { upgrade: { Height: '0', Version: '0.0.0', Features: [...features] } } },
  });
}

const validatorOf = (state: LedgerState, key: TestKey) => state.nodes.validators.get(key.address);

function nodeMessage(operator: TestKey, output: TestKey): StakeNodeMessage {
  const validated = validateBasic(stakeNodeMsg(operator, { value: 1_000n * POKT, output }));
  if (!validated.ok || validated.value.type !== 'StakeNode') throw new Error('test message must pass ValidateBasic');
  return validated.value;
}

// ---------------------------------------------------------------------------------------------
const oedit = suite('TV-12 before [OEDIT] (valStateChanges_test.go:381-495): the output address cannot change');

oedit('op1 output X: op1 changes it → pos:124; X → sdk:4 as a tx, pos:125 in the handler; op2 (no output) sets X → ok; after OEDIT: op1 → pos:127, X → ok', () => {
  const state = chainWith(['OEDIT:6']);
  expectCode(deliver(state, op1, stakeNodeMsg(op1, { value: 1_000n * POKT, output: outputX })), 'ok');
  assert.is(validatorOf(state, op1)!.outputAddress, outputX.address);
  // valStateChanges.go:257-262: before [OEDIT] a set output may not change → ErrUnequalOutputAddr (pos:124).
  expectCode(deliver(state, op1, stakeNodeMsg(op1, { value: 1_000n * POKT, output: op1 })), 'pos:124');
  // x/auth/ante.go:73-79: the current output is an extra signer only after NCUST and OEDIT; GetSigners
  // (x/nodes/types/msg.go:202-204) is {operator, message output = op1} → no signer matches → sdk:4.
  expectCode(deliver(state, outputX, stakeNodeMsg(op1, { value: 1_000n * POKT, output: op1 })), 'sdk:4');
  // The Go test calls the handler: valStateChanges.go:126-140 skips the signer check only after
  // OEDIT; ValidateValidatorMsgSigner(new state, X) (:198-214) → ErrUnauthorizedSigner (pos:125).
  const ctx = { signer: outputX.address, height: heightOf(state) + 1, inactiveFeatures: inactiveFeatures(state.params().gov.upgrade, heightOf(state) + 1) };
  const direct = decideStakeNode(state, nodeMessage(op1, op1), ctx);
  assert.ok(!direct.ok && `${direct.rejection.codespace}:${direct.rejection.code}` === 'pos:125', JSON.stringify(direct));
  // op2 has no output: it may set one (EditStakeValidator :339-343 sets it when the current is nil).
  assert.is(validatorOf(state, op2)!.outputAddress, null);
  expectCode(deliver(state, op2, stakeNodeMsg(op2, { value: 1_000n * POKT, output: outputX })), 'ok');
  assert.is(validatorOf(state, op2)!.outputAddress, outputX.address);
  assert.ok(heightOf(state) < 6, 'the steps above ran before OEDIT');
  produceTo(state, 5);
  // After [OEDIT] (:249-256): only the current output may change it → pos:127; X may.
  expectCode(deliver(state, op1, stakeNodeMsg(op1, { value: 1_000n * POKT, output: op1 })), 'pos:127');
  expectCode(deliver(state, outputX, stakeNodeMsg(op1, { value: 1_000n * POKT, output: op1 })), 'ok');
  assert.is(validatorOf(state, op1)!.outputAddress, op1.address);
});

// ---------------------------------------------------------------------------------------------
const delegators = suite('TV-13 before [RewardDelegators] (valStateChanges_test.go:496-591): delegators are ignored');

delegators('a stake and an edit with delegators store none (x/nodes/handler.go:63-70), whoever signs; after activation: the output → pos:129, the operator → stored', () => {
  const state = chainWith(['RewardDelegators:5']);
  const withDelegator = stakeNodeMsg(op1, { value: 1_000n * POKT, output: outputX, delegators: [[delegator.address, 1]] });
  expectCode(deliver(state, op1, withDelegator), 'ok');
  assert.is(validatorOf(state, op1)!.rewardDelegators, null);
  // valStateChanges.go:269-276 applies only after the feature: the output may sign; the field is dropped.
  expectCode(deliver(state, outputX, withDelegator), 'ok');
  assert.is(validatorOf(state, op1)!.rewardDelegators, null);
  assert.ok(heightOf(state) < 5);
  produceTo(state, 4);
  expectCode(deliver(state, outputX, withDelegator), 'pos:129');
  expectCode(deliver(state, op1, withDelegator), 'ok');
  assert.equal(validatorOf(state, op1)!.rewardDelegators, { [delegator.address]: 1 });
});

// ---------------------------------------------------------------------------------------------
const vedit = suite('[VEDIT] off: an edit below the ceiling need not reach a higher bin');

vedit('F = 15,000 POKT, C = 60,000 POKT, tokens 31,000: a same-bin edit (44,000) is accepted (valStateChanges.go:224-233 only with RSCAL and VEDIT)', () => {
  const state = chainWith(['VEDIT:0'], { servicer_stake_floor_multipler: '15000000000', servicer_stake_weight_ceiling: '60000000000' });
  expectCode(deliver(state, op1, stakeNodeMsg(op1, { value: 31_000n * POKT })), 'ok');
  expectCode(deliver(state, op1, stakeNodeMsg(op1, { value: 44_000n * POKT })), 'ok');
  assert.is(validatorOf(state, op1)!.tokensUpokt, 44_000n * POKT);
});

// ---------------------------------------------------------------------------------------------
const transfer = suite('TV-14 before [AppTransfer] (appStateChanges_test.go:415-518)');

transfer('the keeper answers application:110 (appStateChanges.go:109-112); as a tx signed by the app it is sdk:4 (x/auth/ante.go:81-91: no transfer signer)', () => {
  const a0 = testKey('features-app-0');
  const k3 = testKey('features-key-3');
  const state = startStakingChain({
    accounts: [a0, k3].map((key) => ({ key, balanceUpokt: 1_000n * POKT })),
    validators: [{ key: genesisValidator, tokensUpokt: 100_000n * POKT }],
    apps: [{ key: a0, stakeUpokt: 10n * POKT }],
    params: { gov: { upgrade: { Height: '0', Version: '0.0.0', Features: ['AppTransfer:0'] } } },
  });
  const msg: StakeAppMessage = { type: 'StakeApp', publicKey: k3.publicKey, applicationAddress: k3.address, transfer: true, chains: [], chainsAsSigned: [], valueUpokt: 0n };
  const keeper = validateAppTransfer(state, a0.address, msg, inactiveFeatures(state.params().gov.upgrade, heightOf(state) + 1));
  assert.ok(!keeper.ok && keeper.error.code === 110);
  const receipt = deliver(state, a0, transferAppMsg(k3));
  expectCode(receipt, 'sdk:4');
  assert.ok(state.apps.applications.has(a0.address) && !state.apps.applications.has(k3.address));
});

oedit.run();
delegators.run();
vedit.run();
transfer.run();
