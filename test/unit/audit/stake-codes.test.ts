/**
 * The audit's own Stake rules (src/audit/independent/node-stake.ts, app-stake.ts) on hand-made
 * records, for the rules the simulated chain (test/unit/audit/audit.test.ts) does not reach or
 * reaches only in one shape: the same-bin edit around the PIP-22 ceiling (PROTOCOL §1.1's worked
 * example: F = 15,000 POKT, C = 60,000 POKT, tokens 31,000), the output change signed by the
 * current output (valStateChanges.go:126-140), MaxApplications counting Staked unjailed apps only
 * (appStaked.go:64-71 → application:119), the app transfer's preconditions
 * (appStateChanges.go:104-131) and an upgrade naming a staking feature (not decided).
 * Expected codes: pocket-core RC-0.12.0 x/nodes/types/errors.go, x/apps/types/errors.go.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { extraSigners } from '../../../src/audit/independent/ante.js';
import { decideAppStake, type StakeAppRecord } from '../../../src/audit/independent/app-stake.js';
import { decideNodeStake, type StakeNodeRecord } from '../../../src/audit/independent/node-stake.js';
import { ShadowBank } from '../../../src/audit/independent/bank.js';
import { ParamTracker } from '../../../src/audit/independent/params.js';
import { ShadowLedger } from '../../../src/audit/independent/shadow.js';
import type { Address, PublicKeyHex } from '../../../src/core/types.js';
import type { Message } from '../../../src/messages/index.js';
import type { ParamValue } from '../../../src/params/kinds.js';

const test = suite('audit: node and app Stake codes');

const POKT = 1_000_000n;
const [OPERATOR, OUTPUT, OTHER, APP, NEW_APP] = ['01', '02', '03', '04', '05'].map((b) => b.repeat(20) as Address) as [Address, Address, Address, Address, Address];

function params(): ParamTracker {
  return new ParamTracker(
    new Map<string, bigint | string>([
      ['pos/StakeMinimum', 15_000n * POKT],
      ['pos/MaximumChains', 15n],
      ['pos/ServicerStakeFloorMultiplier', 15_000n * POKT],
      ['pos/ServicerStakeWeightCeiling', 60_000n * POKT],
      ['pos/ServicerStakeFloorMultiplierExponent', '1.000000000000000000'],
      ['pos/ServicerStakeWeightMultiplier', '1.000000000000000000'],
      ['application/MaximumChains', 15n],
      ['application/ApplicationStakeMinimum', 1n * POKT],
      ['application/MaxApplications', 2n],
    ]),
  );
}

function nodeWorld(nodes: Record<string, StakeNodeRecord>, changed: readonly string[] = []) {
  return { nodes: new Map(Object.entries(nodes)), params: params(), featuresChanged: (keys: readonly string[]) => keys.some((k) => changed.includes(k)) };
}

const staked = (tokens: bigint, extra: Partial<StakeNodeRecord> = {}): StakeNodeRecord => ({ operator: OPERATOR, outputAddress: OUTPUT, delegators: null, tokens, waiting: false, unstakingAtNs: null, ...extra });

function stakeNode(valueUpokt: bigint, extra: Partial<Extract<Message, { type: 'StakeNode' }>> = {}): Extract<Message, { type: 'StakeNode' }> {
  return { type: 'StakeNode', publicKey: 'aa'.repeat(32) as PublicKeyHex, operatorAddress: OPERATOR, chains: ['0001'], chainsAsSigned: ['0001'], valueUpokt, serviceUrl: 'https://node.example:443', outputAddress: OUTPUT, rewardDelegators: null, ...extra };
}

const rich = (address: string) => ({ address, spendable: 1_000_000n * POKT });

test('edit stake: PROTOCOL §1.1 worked example — below the ceiling only a strictly higher bin is accepted (pos:122), at the ceiling anything not lower', () => {
  const world = nodeWorld({ [OPERATOR]: staked(31_000n * POKT) });
  const code = (pokt: bigint) => decideNodeStake(world, stakeNode(pokt * POKT), rich(OPERATOR));
  assert.equal([code(30_000n), code(31_000n), code(44_000n), code(45_000n), code(60_000n)], ['pos:122', 'pos:122', 'pos:122', 'ok', 'ok']);
  assert.is(decideNodeStake(world, stakeNode(45_000n * POKT), { address: OPERATOR, spendable: 14_000n * POKT - 1n }), 'pos:112', 'the raise of 14,000 POKT is not covered');
  const onBin = nodeWorld({ [OPERATOR]: staked(30_000n * POKT) });
  assert.is(decideNodeStake(onBin, stakeNode(44_000n * POKT), rich(OPERATOR)), 'pos:122', 'floors to 30,000 = tokens: not strictly higher');
});

test('edit stake: the current output may move the output (pos:125 skipped); anyone else changing it → pos:127; delegators only by the operator → pos:129; waiting → pos:117', () => {
  const world = nodeWorld({ [OPERATOR]: staked(60_000n * POKT) });
  assert.is(decideNodeStake(world, stakeNode(60_000n * POKT, { outputAddress: OTHER }), rich(OUTPUT)), 'ok');
  assert.is(decideNodeStake(world, stakeNode(60_000n * POKT, { outputAddress: OTHER }), rich(OPERATOR)), 'pos:127');
  assert.is(decideNodeStake(world, stakeNode(60_000n * POKT, { outputAddress: OTHER }), rich(OTHER)), 'pos:125', 'the new output is no signer of the current record');
  assert.is(decideNodeStake(world, stakeNode(60_000n * POKT, { rewardDelegators: [[OTHER, 10]] }), rich(OUTPUT)), 'pos:129');
  assert.is(decideNodeStake(world, stakeNode(60_000n * POKT, { rewardDelegators: [[OTHER, 10]] }), rich(OPERATOR)), 'ok');
  const waiting = nodeWorld({ [OPERATOR]: staked(60_000n * POKT, { waiting: true }) });
  assert.is(decideNodeStake(waiting, stakeNode(60_000n * POKT), rich(OPERATOR)), 'pos:117');
  const unstaking = nodeWorld({ [OPERATOR]: staked(60_000n * POKT, { unstakingAtNs: 1n }) });
  assert.is(decideNodeStake(unstaking, stakeNode(60_000n * POKT), rich(OPERATOR)), 'pos:110');
});

test('new stake: order URL length, signer, output, chains, minimum, coins; an upgrade naming NCUST leaves it undecided', () => {
  const world = nodeWorld({});
  assert.is(decideNodeStake(world, stakeNode(15_000n * POKT, { serviceUrl: `https://${'a'.repeat(243)}.io:1`, outputAddress: null }), rich(OTHER)), 'pos:118', '256 bytes, checked first');
  assert.is(decideNodeStake(world, stakeNode(15_000n * POKT, { outputAddress: null }), rich(OTHER)), 'pos:125');
  assert.is(decideNodeStake(world, stakeNode(15_000n * POKT, { outputAddress: null }), rich(OPERATOR)), 'pos:123');
  assert.is(decideNodeStake(world, stakeNode(1n, { chains: Array.from({ length: 16 }, (_, i) => String(i).padStart(4, '0')) }), rich(OUTPUT)), 'pos:120');
  assert.is(decideNodeStake(world, stakeNode(15_000n * POKT - 1n), rich(OUTPUT)), 'pos:111');
  assert.is(decideNodeStake(world, stakeNode(15_000n * POKT), { address: OUTPUT, spendable: 15_000n * POKT - 1n }), 'pos:112');
  assert.is(decideNodeStake(world, stakeNode(15_000n * POKT), { address: OUTPUT, spendable: 15_000n * POKT }), 'ok');
  assert.is(decideNodeStake(nodeWorld({}, ['NCUST']), stakeNode(15_000n * POKT), rich(OUTPUT)), undefined);
});

function appWorld(apps: Record<string, StakeAppRecord>, changed: readonly string[] = []) {
  return { apps: new Map(Object.entries(apps)), params: params(), featuresChanged: (keys: readonly string[]) => keys.some((k) => changed.includes(k)) };
}

const app = (stake: bigint, extra: Partial<StakeAppRecord> = {}): StakeAppRecord => ({ stake, jailed: false, unstakingAtNs: null, ...extra });

function stakeApp(address: Address, valueUpokt: bigint, transfer = false): Extract<Message, { type: 'StakeApp' }> {
  const chains = transfer ? [] : ['0001'];
  return { type: 'StakeApp', publicKey: 'bb'.repeat(32) as PublicKeyHex, applicationAddress: address, transfer, chains, chainsAsSigned: chains, valueUpokt };
}

test('app stake: MaxApplications counts Staked unjailed apps (application:119); edits are not limited', () => {
  const full = appWorld({ [OTHER]: app(5n * POKT), [APP]: app(5n * POKT) });
  assert.is(decideAppStake(full, stakeApp(NEW_APP, 5n * POKT), NEW_APP, 5n * POKT), 'application:119');
  assert.is(decideAppStake(full, stakeApp(APP, 6n * POKT), APP, POKT), 'ok', 'an edit');
  assert.is(decideAppStake(full, stakeApp(APP, 6n * POKT), APP, POKT - 1n), 'application:112');
  assert.is(decideAppStake(full, stakeApp(APP, 4n * POKT), APP, POKT), 'application:120');
  const oneJailed = appWorld({ [OTHER]: app(5n * POKT, { jailed: true }), [APP]: app(5n * POKT) });
  assert.is(decideAppStake(oneJailed, stakeApp(NEW_APP, 5n * POKT), NEW_APP, 5n * POKT), 'ok');
  const oneUnstaking = appWorld({ [OTHER]: app(5n * POKT, { unstakingAtNs: 1n }), [APP]: app(5n * POKT) });
  assert.is(decideAppStake(oneUnstaking, stakeApp(NEW_APP, 5n * POKT), NEW_APP, 5n * POKT - 1n), 'application:112', 'coins are checked before the count');
  assert.is(decideAppStake(oneUnstaking, stakeApp(OTHER, 5n * POKT), OTHER, 5n * POKT), 'application:110');
});

test('app transfer: from a Staked (even jailed) app to a free key; otherwise normal staking refuses it; an upgrade naming AppTransfer leaves it undecided', () => {
  const world = appWorld({ [APP]: app(5n * POKT, { jailed: true }), [OTHER]: app(5n * POKT, { unstakingAtNs: 1n }) });
  assert.is(decideAppStake(world, stakeApp(NEW_APP, 0n, true), APP, 0n), 'ok');
  assert.is(decideAppStake(world, stakeApp(NEW_APP, 0n, true), OTHER, 0n), 'application:111', 'the signer is unstaking: a new stake of 0');
  assert.is(decideAppStake(world, stakeApp(APP, 0n, true), OTHER, 0n), 'application:120', 'the key holds a Staked app: an edit to 0');
  assert.is(decideAppStake(world, stakeApp(OTHER, 0n, true), APP, 0n), 'application:110', 'the key holds an unstaking app');
  assert.is(decideAppStake(appWorld({ [APP]: app(5n * POKT) }, ['AppTransfer']), stakeApp(NEW_APP, 0n, true), APP, 0n), undefined);
});

test('extra signers follow the features (x/auth/ante.go:71-91): the current output only with [NCUST] and [OEDIT], the transfer signer only with [AppTransfer]', () => {
  const world = (features: readonly string[], height: number) => ({
    params: new ParamTracker(new Map<string, ParamValue>([['gov/upgrade', { height: 0n, version: '', oldUpgradeHeight: 0n, features: [...features] }]])),
    height,
    outputOf: (operator: string) => (operator === OPERATOR ? OUTPUT : undefined),
    hasApp: (address: string) => address === APP,
  });
  const transfer: Message = { type: 'StakeApp', publicKey: 'bb'.repeat(32) as PublicKeyHex, applicationAddress: NEW_APP, transfer: true, chains: [], chainsAsSigned: [], valueUpokt: 0n };
  assert.equal(extraSigners(world([], 5), stakeNode(1n), null), [OUTPUT], 'unlisted = active');
  assert.equal(extraSigners(world(['OEDIT:10'], 5), stakeNode(1n), null), [], 'OEDIT not reached');
  assert.equal(extraSigners(world(['OEDIT:10'], 10), stakeNode(1n), null), [OUTPUT], 'OEDIT at its height');
  assert.equal(extraSigners(world(['NCUST:0'], 5), stakeNode(1n), null), [], 'NCUST never');
  assert.equal(extraSigners(world([], 5), transfer, APP), [APP]);
  assert.equal(extraSigners(world(['AppTransfer:0'], 5), transfer, APP), []);
  // A known node without an output: GetOutputAddressFromValidator answers its own address
  // (x/nodes/keeper/keeper.go:95-106, validator.go:107-112); an unknown node adds nobody.
  const noOutput = { ...world([], 5), outputOf: (operator: string) => (operator === OPERATOR ? null : undefined) };
  assert.equal(extraSigners(noOutput, stakeNode(1n), null), [OPERATOR]);
});

test('the shadow\'s node records follow [RewardDelegators]: before it a stake sets no delegators and an edit keeps the node\'s', () => {
  // handleStake nils msg.RewardDelegators before the upgrade (x/nodes/handler.go:63-70);
  // EditStakeValidator copies them only after it (valStateChanges.go:346-348). The relay reward
  // then splits to whatever the record holds (reward.go:145-151), so the record must be right.
  const delivered = { code: 0, codespace: '', feeCharged: 0n, payer: null };
  const shadowWith = (features: readonly string[]) => {
    const p = new ParamTracker(new Map<string, ParamValue>([['gov/upgrade', { height: 0n, version: '', oldUpgradeHeight: 0n, features: [...features] }]]));
    return new ShadowLedger(p, { total: 0n, node: 0n, app: 0n, dao: 0n, fee: 0n }, new ShadowBank());
  };
  const withDelegators = stakeNode(20_000n * POKT, { rewardDelegators: [[OTHER, 10]] });
  const off = shadowWith(['RewardDelegators:0']);
  off.deliverTx(withDelegators, OPERATOR, delivered);
  assert.is(off.nodes.get(OPERATOR)?.delegators, null, 'a new stake before the feature records none');
  off.nodes.set(OPERATOR, { ...off.nodes.get(OPERATOR)!, delegators: [[APP, 5]] });
  off.deliverTx(stakeNode(30_000n * POKT, { rewardDelegators: [[OTHER, 10]] }), OPERATOR, delivered);
  assert.equal(off.nodes.get(OPERATOR)?.delegators, [[APP, 5]], 'an edit before the feature keeps the node\'s');
  const on = shadowWith([]);
  on.deliverTx(withDelegators, OPERATOR, delivered);
  assert.equal(on.nodes.get(OPERATOR)?.delegators, [[OTHER, 10]], 'with the feature the message\'s');
});

test.run();
