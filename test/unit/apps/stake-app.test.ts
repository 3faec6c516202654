/**
 * Goal: application staking runs every pocket-core rule with every feature active (PROTOCOL
 * §1.3, §7): new stake, edit (only upwards), app transfer (TV-14), MaximumChains,
 * ApplicationStakeMinimum, MaxApplications, MaxRelays computed at stake time (TV-8 rows, the
 * participation rate, frozen until the stake increases), the per-node-per-session allowance,
 * BeginUnstake (immediate, matured by block time), Unjail — every rejection with its code.
 * Method: given a test chain with genesis applications, when one signed tx is delivered in a
 * block by the real producer and reducer, then the receipt, events and records are checked;
 * invariants after every block. TV-14's keeper-level answers come from `validateAppTransfer`.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import { balanceOf, totalSupply } from '../../../src/modules/auth/bank.js';
import { MODULE_ADDRESSES } from '../../../src/modules/auth/state.js';
import { relaysPerNodePerSession } from '../../../src/modules/apps/selectors.js';
import { validateAppTransfer } from '../../../src/modules/apps/staking.js';
import { StakeStatus } from '../../../src/modules/nodes/state.js';
import { validateBasic, type StakeAppMessage } from '../../../src/messages/index.js';
import { produce, testKey, type TestKey } from '../../helpers/chain.js';
import {
  beginUnstakeAppMsg,
  deliver,
  endBlockEvents,
  eventsOf,
  expectCode,
  stakeAppMsg,
  startStakingChain,
  transferAppMsg,
  unjailAppMsg,
  type GenesisApp,
} from '../../helpers/staking.js';

const POKT = 1_000_000n;
const FEE = 10_000n;
const genesisValidator = testKey('validator-1');
const app1 = testKey('app-1');
const app2 = testKey('app-2');
const newOwner = testKey('app-new-owner');

function chain(options: { apps?: readonly GenesisApp[]; accounts?: ReadonlyArray<{ key: TestKey; balanceUpokt: bigint }>; application?: Record<string, unknown> } = {}): LedgerState {
  return startStakingChain({
    accounts: options.accounts ?? [app1, app2, newOwner].map((key) => ({ key, balanceUpokt: 1_000_000n * POKT })),
    validators: [{ key: genesisValidator, tokensUpokt: 100_000n * POKT }],
    apps: options.apps ?? [],
    params: { application: options.application ?? {} },
  });
}

const appOf = (state: LedgerState, key: TestKey) => state.apps.applications.get(key.address);

// ---------------------------------------------------------------------------------------------
const stake = suite('StakeApp: new stake and MaxRelays');

stake('TV-8 row 1: stake 100,000 POKT, 1 chain, BaseRelaysPerPOKT 100 → MaxRelays 100,000; allowance with SNC 1 = 100,000', () => {
  const state = chain();
  const poolBefore = balanceOf(state.auth, MODULE_ADDRESSES.application_staked_tokens_pool);
  const receipt = deliver(state, app1, stakeAppMsg(app1, 100_000n * POKT, ['0001']));
  expectCode(receipt, 'ok');
  assert.is(receipt.messageType, 'app_stake');
  assert.equal(eventsOf(receipt.events, 'AppStaked'), [
    { type: 'AppStaked', address: app1.address, publicKey: app1.publicKey, amountUpokt: 100_000n * POKT, chains: ['0001'], maxRelays: 100_000n },
  ]);
  assert.is(balanceOf(state.auth, app1.address), 1_000_000n * POKT - 100_000n * POKT - FEE);
  assert.is(balanceOf(state.auth, MODULE_ADDRESSES.application_staked_tokens_pool) - poolBefore, 100_000n * POKT);
  const app = appOf(state, app1)!;
  assert.is(app.status, StakeStatus.Staked);
  assert.is(app.maxRelays, 100_000n);
  assert.is(relaysPerNodePerSession(app, 1n), 100_000n);
  assert.is(state.apps.stakedCount.count, 1);
});

stake('TV-8 row 2: stake 2,228,350 POKT, BaseRelaysPerPOKT 200,000 → MaxRelays 4,456,700,000; allowance with SNC 24 = 185,695,833', () => {
  const state = chain({ accounts: [{ key: app1, balanceUpokt: 2_300_000n * POKT }], application: { base_relays_per_pokt: '200000' } });
  expectCode(deliver(state, app1, stakeAppMsg(app1, 2_228_350n * POKT)), 'ok');
  assert.is(appOf(state, app1)!.maxRelays, 4_456_700_000n);
  assert.is(relaysPerNodePerSession(appOf(state, app1)!, 24n), 185_695_833n);
});

stake('participation rate on: (apps pool AFTER the stake + nodes pool) / supply = 200,000 / 400,000 = 0.5 → MaxRelays 50,000', () => {
  const state = chain({ accounts: [{ key: app1, balanceUpokt: 300_000n * POKT }], application: { participation_rate_on: true } });
  assert.is(totalSupply(state.auth), 400_000n * POKT, 'setup: supply = 300,000 liquid + 100,000 staked by the genesis validator');
  expectCode(deliver(state, app1, stakeAppMsg(app1, 100_000n * POKT)), 'ok');
  assert.is(appOf(state, app1)!.maxRelays, 50_000n);
});

stake('StabilityAdjustment is added before truncation: base 100, stake 1.5 POKT, SA 7 → trunc(1.5 + 7) = 8', () => {
  const state = chain({ application: { stability_adjustment: '7' } });
  expectCode(deliver(state, app1, stakeAppMsg(app1, 1_500_000n)), 'ok');
  assert.is(appOf(state, app1)!.maxRelays, 8n);
});

stake('MaxRelays is frozen: a param change does not re-rate; a chains-only edit keeps it; a raise recomputes with the new param', () => {
  const state = chain();
  deliver(state, app1, stakeAppMsg(app1, 1_000n * POKT));
  assert.is(appOf(state, app1)!.maxRelays, 1_000n);
  // Stand-in for a ParamChange (gov): BaseRelaysPerPOKT 100 → 200.
  state.gov.params.set('application/BaseRelaysPerPOKT', { key: 'application/BaseRelaysPerPOKT', value: 200n });
  produce(state);
  assert.is(appOf(state, app1)!.maxRelays, 1_000n, 'not re-rated by the param change');
  const sameValue = deliver(state, app1, stakeAppMsg(app1, 1_000n * POKT, ['0002']));
  expectCode(sameValue, 'ok');
  const [edit] = eventsOf(sameValue.events, 'AppStakeEdited');
  assert.is(edit!.maxRelaysRecomputed, false);
  assert.is(appOf(state, app1)!.maxRelays, 1_000n);
  assert.equal(appOf(state, app1)!.chains, ['0002']);
  const raise = deliver(state, app1, stakeAppMsg(app1, 1_001n * POKT, ['0002']));
  expectCode(raise, 'ok');
  assert.equal(eventsOf(raise.events, 'AppStakeEdited')[0]!.addedUpokt, 1n * POKT);
  assert.is(appOf(state, app1)!.maxRelays, 2_002n, '(200/100) × 1,001 POKT');
});

// ---------------------------------------------------------------------------------------------
const rejections = suite('StakeApp: every handler rejection, fee charged, nothing else changed');

rejections('application:118 — more chains than application/MaximumChains (15)', () => {
  const state = chain();
  const chains = Array.from({ length: 16 }, (_, i) => (i + 1).toString(16).padStart(4, '0'));
  expectCode(deliver(state, app1, stakeAppMsg(app1, 1_000n * POKT, chains)), 'application:118');
  expectCode(deliver(state, app1, stakeAppMsg(app1, 1_000n * POKT, chains.slice(0, 15))), 'ok');
});

rejections('application:120 — an edit below the current stake; application:112 — a raise the app cannot pay', () => {
  const state = chain();
  deliver(state, app1, stakeAppMsg(app1, 1_000n * POKT));
  expectCode(deliver(state, app1, stakeAppMsg(app1, 1_000n * POKT - 1n)), 'application:120');
  expectCode(deliver(state, app1, stakeAppMsg(app1, 1_000_000n * POKT)), 'application:112');
  assert.is(appOf(state, app1)!.stakedTokensUpokt, 1_000n * POKT);
});

rejections('application:110 — an Unstaking app cannot stake', () => {
  const state = chain({ application: { unstaking_time: '3600000000000' } });
  deliver(state, app1, stakeAppMsg(app1, 1_000n * POKT));
  deliver(state, app1, beginUnstakeAppMsg(app1));
  expectCode(deliver(state, app1, stakeAppMsg(app1, 2_000n * POKT)), 'application:110');
});

rejections('application:111 — below ApplicationStakeMinimum; application:112 — the app cannot pay a new stake', () => {
  const state = chain();
  expectCode(deliver(state, app1, stakeAppMsg(app1, 999_999n)), 'application:111');
  expectCode(deliver(state, app1, stakeAppMsg(app1, 1_000_000n * POKT)), 'application:112');
  assert.is(appOf(state, app1), undefined);
  // amount.LT(MinimumStake) (appStateChanges.go:72): exactly the minimum stakes.
  expectCode(deliver(state, app1, stakeAppMsg(app1, 1_000_000n)), 'ok');
});

rejections('application:119 — MaxApplications staked, unjailed apps reached (a jailed app does not count)', () => {
  const state = chain({ apps: [{ key: app2, stakeUpokt: 10n * POKT }, { key: testKey('jailed-app'), stakeUpokt: 10n * POKT, jailed: true }], application: { max_applications: '1' } });
  assert.is(state.apps.stakedCount.count, 1);
  expectCode(deliver(state, app1, stakeAppMsg(app1, 10n * POKT)), 'application:119');
  expectCode(deliver(state, app2, stakeAppMsg(app2, 20n * POKT)), 'ok'); // an edit is not a new app
});

rejections('unreachable here: application:101 (key type) — a 33-byte key is ledger:6 before the handler', () => {
  const state = chain();
  const msg = { ...stakeAppMsg(app1, 10n * POKT), publicKey: '02' + app1.publicKey } as never;
  expectCode(deliver(state, app1, msg), 'ledger:6');
});

const badInput = suite('StakeApp: bad input — coded, no fee, no state change (TV-18 app cases)');

badInput('empty msg → application:103 (ValidateBasic; on the wire an empty key is undecodable: sdk:2)', () => {
  const empty = validateBasic({ kind: 'StakeApp', publicKey: '', chains: [], value: '' });
  assert.ok(!empty.ok && `${empty.error.codespace}:${empty.error.code}` === 'application:103');
  const state = chain();
  const receipt = deliver(state, app1, { kind: 'StakeApp', publicKey: '', chains: [], value: '' } as never);
  expectCode(receipt, 'sdk:2');
  assert.is(receipt.feeUpokt, 0n);
});

badInput('value −1 → 115; value 0 with chains → 115; chains [] → 116; chain "aaaaaa" → 117; > 2^255 → sdk:2', () => {
  const state = chain();
  const cases: Array<[object, string]> = [
    [stakeAppMsg(app1, '-1'), 'application:115'],
    [stakeAppMsg(app1, '0', ['0001']), 'application:115'],
    [stakeAppMsg(app1, '10', []), 'application:116'],
    [stakeAppMsg(app1, '10', ['aaaaaa']), 'application:117'],
    [stakeAppMsg(app1, (1n << 255n).toString()), 'sdk:2'],
  ];
  for (const [msg, code] of cases) {
    const receipt = deliver(state, app1, msg as never);
    expectCode(receipt, code);
    assert.is(receipt.feeUpokt, 0n);
  }
  assert.is(appOf(state, app1), undefined);
  assert.is(balanceOf(state.auth, app1.address), 1_000_000n * POKT);
});

// ---------------------------------------------------------------------------------------------
const transfer = suite('TV-14 application transfer (appStateChanges_test.go:415-518)');

const a0 = testKey('tv14-app-0');
const a1 = testKey('tv14-app-1');
const a2 = testKey('tv14-app-2');
const k3 = testKey('tv14-key-3');

function transferMsg(to: TestKey): StakeAppMessage {
  return { type: 'StakeApp', publicKey: to.publicKey, applicationAddress: to.address, transfer: true, chains: [], chainsAsSigned: [], valueUpokt: 0n };
}

transfer('a0 staked, a1 unstaking, a2 staked and jailed, k3 no app: transfers as the keeper and as messages answer', () => {
  const state = startStakingChain({
    accounts: [a0, a1, a2, k3].map((key) => ({ key, balanceUpokt: 1_000n * POKT })),
    validators: [{ key: genesisValidator, tokensUpokt: 100_000n * POKT }],
    apps: [{ key: a0, stakeUpokt: 10n * POKT }, { key: a1, stakeUpokt: 10n * POKT }, { key: a2, stakeUpokt: 20n * POKT, jailed: true }],
    params: { application: { unstaking_time: '3600000000000' } },
  });
  expectCode(deliver(state, a1, beginUnstakeAppMsg(a1)), 'ok');

  // a0 → k3: success; no tokens move, a0's record is gone.
  assert.ok(validateAppTransfer(state, a0.address, transferMsg(k3)).ok);
  const poolBefore = balanceOf(state.auth, MODULE_ADDRESSES.application_staked_tokens_pool);
  const first = deliver(state, a0, transferAppMsg(k3));
  expectCode(first, 'ok');
  assert.equal(eventsOf(first.events, 'AppTransferred'), [{ type: 'AppTransferred', from: a0.address, to: k3.address, toPublicKey: k3.publicKey, stakeUpokt: 10n * POKT }]);
  assert.is(first.feeUpokt, FEE, 'the current owner signs and pays the fee');
  assert.is(balanceOf(state.auth, MODULE_ADDRESSES.application_staked_tokens_pool), poolBefore);
  assert.is(appOf(state, a0), undefined);
  assert.equal({ ...appOf(state, k3)!, unstakingTimeNs: null }, { address: k3.address, publicKey: k3.publicKey, jailed: false, status: StakeStatus.Staked, chains: ['0001'], stakedTokensUpokt: 10n * POKT, maxRelays: 10n, unstakingTimeNs: null });

  // k3 → a2 (an existing app): keeper 110; as a message it is an edit of a2 with value 0 → 120.
  const toExisting = validateAppTransfer(state, k3.address, transferMsg(a2));
  assert.ok(!toExisting.ok && toExisting.error.code === 110);
  expectCode(deliver(state, k3, transferAppMsg(a2)), 'application:120');

  // k3 → a0 (the previous owner's key, free again): success.
  expectCode(deliver(state, k3, transferAppMsg(a0)), 'ok');
  assert.ok(appOf(state, a0) !== undefined && appOf(state, k3) === undefined);

  // a1 (unstaking) → new key: keeper 110; as a message, a new 0-stake for the new key → 111.
  const fresh = testKey('tv14-fresh');
  const fromUnstaking = validateAppTransfer(state, a1.address, transferMsg(fresh));
  assert.ok(!fromUnstaking.ok && fromUnstaking.error.code === 110);
  expectCode(deliver(state, a1, transferAppMsg(fresh)), 'application:111');

  // an unknown key (no app) → new key: keeper 110; the ante handler does not accept its signature.
  const nobody = testKey('tv14-nobody');
  const fromNobody = validateAppTransfer(state, nobody.address, transferMsg(fresh));
  assert.ok(!fromNobody.ok && fromNobody.error.code === 110);
  const unsigned = deliver(state, k3, transferAppMsg(fresh)); // k3 holds no app now
  expectCode(unsigned, 'sdk:4');
  assert.is(unsigned.feeUpokt, 0n);

  // a2 (jailed) → k3: success; a2 is deleted, k3 is staked AND jailed.
  expectCode(deliver(state, a2, transferAppMsg(k3)), 'ok');
  assert.is(appOf(state, a2), undefined);
  assert.is(appOf(state, k3)!.status, StakeStatus.Staked);
  assert.is(appOf(state, k3)!.jailed, true);
  assert.is(appOf(state, k3)!.stakedTokensUpokt, 20n * POKT);
});

// ---------------------------------------------------------------------------------------------
const unstake = suite('application BeginUnstake, maturity and Unjail');

unstake('BeginUnstake is immediate; the first block at or after time + AppUnstakingTime returns the stake to the app and deletes it', () => {
  const state = chain({ application: { unstaking_time: '1800000000000' } }); // 30 min
  deliver(state, app1, stakeAppMsg(app1, 1_000n * POKT));
  const receipt = deliver(state, app1, beginUnstakeAppMsg(app1));
  expectCode(receipt, 'ok');
  const t = state.chain.meta.get('meta')!.lastBlockTimeNs;
  assert.equal(eventsOf(receipt.events, 'AppUnstakingStarted'), [{ type: 'AppUnstakingStarted', address: app1.address, tokensUpokt: 1_000n * POKT, unstakingTimeNs: t + 1_800_000_000_000n }]);
  assert.is(appOf(state, app1)!.status, StakeStatus.Unstaking);
  assert.is(state.apps.stakedCount.count, 0);
  const before = balanceOf(state.auth, app1.address);
  const early = produce(state, [], { timeNs: t + 1_799_000_000_000n });
  assert.equal(endBlockEvents(early).filter((e) => e.type === 'AppUnstaked'), []);
  const due = produce(state, [], { timeNs: t + 1_800_000_000_000n });
  assert.equal(eventsOf(endBlockEvents(due), 'AppUnstaked'), [{ type: 'AppUnstaked', address: app1.address, amountUpokt: 1_000n * POKT, unstakingTimeNs: t + 1_800_000_000_000n }]);
  assert.is(balanceOf(state.auth, app1.address) - before, 1_000n * POKT);
  assert.is(appOf(state, app1), undefined);
  assert.is(due.endBlock.at(-1)!.step, 'apps.unstakeMatureApplications');
});

unstake('BeginUnstake rejections: unknown → application:101; Unstaking → sdk:1 (wraps 110); jailed → sdk:1 (wraps 104); empty address → application:103 (no fee)', () => {
  const state = chain({ apps: [{ key: app2, stakeUpokt: 10n * POKT, jailed: true }], application: { unstaking_time: '3600000000000' } });
  expectCode(deliver(state, app1, beginUnstakeAppMsg(app1)), 'application:101');
  deliver(state, app1, stakeAppMsg(app1, 10n * POKT));
  deliver(state, app1, beginUnstakeAppMsg(app1));
  const again = deliver(state, app1, beginUnstakeAppMsg(app1));
  expectCode(again, 'sdk:1');
  assert.match(again.log, 'application:110');
  const jailed = deliver(state, app2, beginUnstakeAppMsg(app2));
  expectCode(jailed, 'sdk:1');
  assert.match(jailed.log, 'application:104');
  const empty = deliver(state, app1, beginUnstakeAppMsg('' as never));
  expectCode(empty, 'application:103');
  assert.is(empty.feeUpokt, 0n);
});

unstake('Unjail: not jailed → application:105; jailed below the minimum → 105; jailed with enough stake → AppUnjailed', () => {
  const poor = testKey('jailed-poor-app');
  const state = chain({
    accounts: [app1, app2, poor].map((key) => ({ key, balanceUpokt: 10n * POKT })),
    apps: [{ key: app1, stakeUpokt: 10n * POKT }, { key: app2, stakeUpokt: 10n * POKT, jailed: true }, { key: poor, stakeUpokt: 500_000n, jailed: true }],
  });
  expectCode(deliver(state, app1, unjailAppMsg(app1)), 'application:105');
  expectCode(deliver(state, poor, unjailAppMsg(poor)), 'application:105');
  assert.is(state.apps.stakedCount.count, 1);
  const ok = deliver(state, app2, unjailAppMsg(app2));
  expectCode(ok, 'ok');
  assert.equal(eventsOf(ok.events, 'AppUnjailed'), [{ type: 'AppUnjailed', address: app2.address }]);
  assert.is(appOf(state, app2)!.jailed, false);
  assert.is(state.apps.stakedCount.count, 2);
});

unstake('Unjail of an address without an application → application:101; an empty address → application:101 from ValidateBasic (no fee)', () => {
  const state = chain();
  expectCode(deliver(state, app1, unjailAppMsg(app1)), 'application:101');
  const empty = deliver(state, app1, unjailAppMsg('' as never));
  expectCode(empty, 'application:101');
  assert.is(empty.feeUpokt, 0n);
});

stake.run();
rejections.run();
badInput.run();
transfer.run();
unstake.run();
