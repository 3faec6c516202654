/**
 * The audit's own gov rules (src/audit/independent/gov.ts, param-rules.ts) on hand-made
 * parameters, for every refusal — the simulated chain (audit.test.ts) reaches only some of them.
 * Expected codes and their sources:
 *   gov:5   x/gov/keeper/acl.go VerifyACL → x/gov/types/errors.go CodeUnauthorizedParamChange = 5
 *           (a key the ACL does not list has owner nil: PROTOCOL §8.1 step 1); Upgrade checks
 *           the owner of "gov/upgrade" (x/gov/keeper/subspace.go HandleUpgrade)
 *   gov:11  subspace.go:15, 204-208 (pos/MaxValidators from 40,000 until [SPLIT]);
 *           errors.go CodeUnauthorizedHeightParamChange = 11
 *   sdk:4   x/gov/keeper/dao.go:12-14, 33-35 (sdk.ErrUnauthorized)
 *   sdk:10  dao.go:16-19 → SendCoins' insufficient coins (PROTOCOL §1.7 sdk catalogue)
 *   sdk:1   dao.go:37-40 → x/auth/keeper/bank.go:97-100 BurnCoins wraps it as sdk.ErrInternal
 *   ledger:14 / ledger:15  the ledger's refusals where pocket-core keeps the old value (docs/
 *           protocol-choices.md, Governance; numbers: src/core/codes.ts invalid_param_value,
 *           param_value_out_of_range); the values are the governance workload's own table
 *           (src/sim/workloads/governance.ts MALFORMED, OUT_OF_RANGE) plus boundaries.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ShadowBank } from '../../../src/audit/independent/bank.js';
import { Dec } from '../../../src/core/bigdec.js';
import { decideDaoTransfer, decideParamChange, decideUpgrade, mergeUpgrade } from '../../../src/audit/independent/gov.js';
import { ParamTracker } from '../../../src/audit/independent/params.js';
import { MODULE, ShadowLedger } from '../../../src/audit/independent/shadow.js';
import type { Address } from '../../../src/core/types.js';
import type { Message } from '../../../src/messages/index.js';
import type { ParamValue, Upgrade } from '../../../src/params/kinds.js';
import { testKey } from '../../helpers/chain.js';
import { daoTransfer, OWNER as CHAIN_OWNER, paramChange, upgrade as upgradeMsg } from '../../helpers/gov-chain.js';
import { heightOf, txBlock } from '../../helpers/signing-chain.js';
import { auditedChain } from './audited-chain.js';

const test = suite('audit: ParamChange, Upgrade and DAOTransfer codes');

const [OWNER, STRANGER, UPGRADER] = ['0a', '0b', '0c'].map((b) => b.repeat(20) as Address) as [Address, Address, Address];
const OWNED = ['pos/MaxValidators', 'pos/BlocksPerSession', 'pos/SignedBlocksWindow', 'pos/FeeBurnPercentage', 'pos/DAOAllocation', 'pos/ProposerPercentage', 'pos/StakeMinimum', 'pos/StakeDenom', 'pos/MinSignedPerWindow', 'pos/ServicerStakeWeightMultiplier', 'application/ParticipationRateOn', 'application/ApplicationBurnRate', 'auth/MaxMemoCharacters', 'gov/daoOwner', 'gov/acl', 'pocketcore/SessionNodeCount', 'pos/NotAParam'];

function params(features: readonly string[] = [], extra: ReadonlyArray<[string, ParamValue]> = [], owners: Readonly<Record<string, Address>> = {}): ParamTracker {
  const acl = [...OWNED.map((key) => ({ key, address: OWNER })), { key: 'gov/upgrade', address: UPGRADER }, ...Object.entries(owners).map(([key, address]) => ({ key, address }))];
  const upgrade: Upgrade = { height: 0n, version: '0', oldUpgradeHeight: 0n, features };
  return new ParamTracker(new Map<string, ParamValue>([['gov/acl', acl], ['gov/daoOwner', OWNER], ['gov/upgrade', upgrade], ['pos/DAOAllocation', 10n], ['pos/ProposerPercentage', 1n], ['pos/MinSignedPerWindow', Dec.fromScaled(5n * 10n ** 17n)], ...extra]));
}

const change = (fromAddress: Address, paramKey: string, value: string | Uint8Array): Extract<Message, { type: 'ParamChange' }> => ({
  type: 'ParamChange',
  fromAddress,
  paramKey,
  paramValue: typeof value === 'string' ? new TextEncoder().encode(value) : value,
});

const upgrade = (address: Address, height: number, version: string, features: ReadonlyArray<[string, number]> = []): Extract<Message, { type: 'Upgrade' }> => ({
  type: 'Upgrade',
  address,
  height,
  version,
  oldUpgradeHeight: 0,
  features: features.map(([key, h]) => ({ key, height: h, asSigned: `${key}:${h}` })),
});

test('ParamChange ACL: the owner is delivered; anyone else, an unlisted key and a listed key that is no parameter → gov:5', () => {
  const p = params();
  assert.is(decideParamChange(p, change(OWNER, 'pos/StakeMinimum', '"15000000000"'), 10), 'ok');
  assert.is(decideParamChange(p, change(STRANGER, 'pos/StakeMinimum', '"15000000000"'), 10), 'gov:5');
  assert.is(decideParamChange(p, change(UPGRADER, 'pos/StakeMinimum', '"15000000000"'), 10), 'gov:5', 'owning gov/upgrade is not owning the key');
  assert.is(decideParamChange(p, change(OWNER, 'pos/NoSuchParam', '"1"'), 10), 'gov:5', 'the workload\'s unknown key: not in the ACL');
  assert.is(decideParamChange(p, change(OWNER, 'pos/NotAParam', '"1"'), 10), 'gov:5', 'in the ACL, but nothing to change');
  assert.is(decideParamChange(p, change(STRANGER, 'pos/StakeMinimum', 'not json'), 10), 'gov:5', 'the ACL is checked before the value');
});

test('pos/MaxValidators is frozen from 40,000 while [SPLIT] is off (gov:11); a feature not listed is on (the ledger\'s choice)', () => {
  const value = '"5000"';
  assert.is(decideParamChange(params(), change(OWNER, 'pos/MaxValidators', value), 40_000), 'ok', 'SPLIT not listed: active from genesis');
  assert.is(decideParamChange(params(['SPLIT:0']), change(OWNER, 'pos/MaxValidators', value), 39_999), 'ok');
  assert.is(decideParamChange(params(['SPLIT:0']), change(OWNER, 'pos/MaxValidators', value), 40_000), 'gov:11', 'height 0 = never');
  assert.is(decideParamChange(params(['SPLIT:45353']), change(OWNER, 'pos/MaxValidators', value), 45_352), 'gov:11');
  assert.is(decideParamChange(params(['SPLIT:45353']), change(OWNER, 'pos/MaxValidators', value), 45_353), 'ok', 'IsAfter includes the height');
  assert.is(decideParamChange(params(['SPLIT:0']), change(STRANGER, 'pos/MaxValidators', value), 40_000), 'gov:5', 'the ACL first');
});

test('a feature-gated key is decided by the ACL alone, its feature off or not; its activation block writes pocket-core\'s defaults and makes the DAO owner its owner (x/nodes/module.go:127-142, x/gov/module.go:170-200)', () => {
  const key = 'pos/ServicerStakeFloorMultiplier';
  assert.is(decideParamChange(params(), change(STRANGER, 'pos/ServicerStakeWeightMultiplier', '"1.5"'), 10), 'gov:5', 'not in the ACL');
  assert.is(decideParamChange(params(), change(OWNER, 'pos/ServicerStakeWeightMultiplier', '"1.5"'), 10), 'ok', 'RSCAL not listed: on from genesis');
  // ModifyParam checks only the ACL (x/gov/keeper/subspace.go:199-202): an owner the ACL names may change the key before its feature.
  assert.is(decideParamChange(params(['RSCAL:0']), change(OWNER, 'pos/ServicerStakeWeightMultiplier', '"1.5"'), 10), 'ok', 'RSCAL never on, the ACL names the owner');
  // A genesis whose ACL gives the floor to a stranger, with a non-default floor, RSCAL and BLOCK at 100.
  const p = params(['BLOCK:100', 'RSCAL:100'], [[key, 20_000_000_000n], ['pocketcore/BlockByteSize', 1n]], { [key]: STRANGER });
  assert.is(decideParamChange(p, change(STRANGER, key, '"16000000000"'), 99), 'ok', 'the owner the genesis ACL names, RSCAL off until 100');
  assert.is(decideParamChange(p, change(OWNER, key, '"16000000000"'), 99), 'gov:5', 'not the owner the ACL names');
  p.activateFeatures(99);
  assert.is(p.int(key), 20_000_000_000n, 'nothing scheduled at 99');
  p.activateFeatures(100);
  assert.equal([p.int(key), p.int('pos/ServicerStakeWeightCeiling'), p.dec('pos/ServicerStakeWeightMultiplier'), p.int('pocketcore/BlockByteSize')], [15_000_000_000n, 15_000_000_000n, 10n ** 18n, 4_000_000n]);
  assert.equal([p.aclOwner(key), p.aclOwner('pocketcore/BlockByteSize')], [OWNER, OWNER], 'replaced in place; appended');
  assert.equal([decideParamChange(p, change(OWNER, key, '"16000000000"'), 100), decideParamChange(p, change(STRANGER, key, '"16000000000"'), 100)], ['ok', 'gov:5']);
  const late = params(['RSCAL:50'], [[key, 20_000_000_000n]]);
  late.activateFeatures(60);
  assert.is(late.int(key), 20_000_000_000n, 'a past activation height never fires');
  assert.ok(params(['RSCAL:100', 'RSCAL:0']).featureOff('RSCAL', 150), 'the last entry for a key wins (0: never)');
  assert.not.ok(params(['RSCAL:0', 'RSCAL:100']).featureOff('RSCAL', 150), 'the last entry for a key wins');
});

test('values that do not decode as the type → ledger:14 (the workload\'s MALFORMED table, invalid UTF-8, an ACL naming no parameter, an unreadable upgrade version)', () => {
  const p = params();
  const malformed: Array<[string, string | Uint8Array]> = [
    ['pos/StakeMinimum', '15000000000'], // int64 as a bare JSON number: amino JSON quotes it (PROTOCOL §12.2 #25)
    ['application/ParticipationRateOn', '"true"'],
    ['pos/MinSignedPerWindow', '"0.1234567890123456789"'], // 19 fraction digits
    ['auth/MaxMemoCharacters', 'not json'],
    ['auth/MaxMemoCharacters', '"-1"'], // uint64
    ['gov/daoOwner', '"xyz"'],
    ['pos/StakeDenom', new Uint8Array([0x22, 0xff, 0x22])], // a string, but not UTF-8 (a lenient decoder would read "\uFFFD")
    ['gov/acl', JSON.stringify({ type: 'gov/non_map_acl', value: [{ acl_key: 'pos/NoSuchParam', address: OWNER }] })],
    // gov/acl and gov/upgrade are registered amino types (x/gov/types/codec.go:24-25): go-amino v0.15.1's
    // UnmarshalJSON wants their {"type","value"} wrapper (go-amino v0.15.1 amino.go:426-438), so a bare value fails in
    // Subspace.Update (types/param.go:236-239) — and so does a wrapper naming the other type.
    ['gov/acl', JSON.stringify([{ acl_key: 'gov/acl', address: OWNER }])],
    ['gov/acl', JSON.stringify({ type: 'gov/upgrade', value: [{ acl_key: 'gov/acl', address: OWNER }] })],
  ];
  for (const [key, value] of malformed) assert.is(decideParamChange(p, change(OWNER, key, value), 10), 'ledger:14', `${key} = ${String(value)}`);
  assert.is(decideParamChange(p, change(UPGRADER, 'gov/upgrade', '{"Height":"900","Version":"0.12.0"}'), 10), 'ledger:14', 'a bare upgrade');
  assert.is(decideParamChange(p, change(UPGRADER, 'gov/upgrade', '{"type":"gov/upgrade","value":{"Height":"900","Version":"0.12.0"}}'), 10), 'ok', 'a wrapped upgrade');
  const acl = [...OWNED.filter((k) => k !== 'pos/NotAParam').map((k) => ({ acl_key: k, address: OWNER }))];
  assert.is(decideParamChange(p, change(OWNER, 'gov/acl', JSON.stringify({ type: 'gov/non_map_acl', value: acl })), 10), 'ok', 'an ACL of parameters only');
});

test('values no rule could run with → ledger:15, with their boundaries accepted (the workload\'s OUT_OF_RANGE table)', () => {
  const p = params([], [['pos/DAOAllocation', 10n], ['pos/ProposerPercentage', 1n]]);
  const code = (key: string, value: string) => decideParamChange(p, change(OWNER, key, value), 10);
  assert.equal(['pos/BlocksPerSession', 'pos/SignedBlocksWindow', 'pos/MaxValidators', 'pocketcore/SessionNodeCount'].map((k) => [code(k, '"0"'), code(k, '"1"')]), Array(4).fill(['ledger:15', 'ok']));
  assert.equal([code('pos/FeeBurnPercentage', '"101"'), code('pos/FeeBurnPercentage', '"-1"'), code('pos/FeeBurnPercentage', '"100"'), code('pos/FeeBurnPercentage', '"0"')], ['ledger:15', 'ledger:15', 'ok', 'ok']);
  // param-rules.ts worked example: DAOAllocation 10 in force → ProposerPercentage 90 sums to 100, 91 to 101.
  assert.equal([code('pos/ProposerPercentage', '"90"'), code('pos/ProposerPercentage', '"91"'), code('pos/DAOAllocation', '"99"'), code('pos/DAOAllocation', '"100"'), code('pos/DAOAllocation', '"-1"')], ['ok', 'ledger:15', 'ok', 'ledger:15', 'ledger:15']);
  // Both 0: the block reward's Dec(DAO).Quo(Dec(DAO + Proposer)) divides by zero (x/nodes/keeper/params.go:168-184).
  const noProposer = params([], [['pos/DAOAllocation', 10n], ['pos/ProposerPercentage', 0n]]);
  assert.equal([decideParamChange(noProposer, change(OWNER, 'pos/DAOAllocation', '"0"'), 10), decideParamChange(noProposer, change(OWNER, 'pos/DAOAllocation', '"1"'), 10)], ['ledger:15', 'ok']);
  assert.equal([code('pos/DAOAllocation', '"0"'), code('pos/ProposerPercentage', '"0"')], ['ok', 'ok'], 'one of them 0, the other not');
  assert.equal([code('pos/ServicerStakeWeightMultiplier', '"0"'), code('pos/ServicerStakeWeightMultiplier', '"0.000000000000000001"')], ['ledger:15', 'ok']);
  assert.equal([code('application/ApplicationBurnRate', '"-0.000000000000000001"'), code('application/ApplicationBurnRate', '"0"')], ['ledger:15', 'ok']);
  // RoundInt64(MinSignedPerWindow × SignedBlocksWindow) must return (x/nodes/keeper/params.go:70-78): with a window of 100,
  // …758.075 × 100 = …807.5 rounds half-even to 2^63, out of int64; 92233720368547758.07 × 100 = 2^63 − 1 fits int64
  // but is far above the window (the rule below), so both are refused.
  const window100 = params([], [['pos/SignedBlocksWindow', 100n]]);
  const minSigned = (value: string) => decideParamChange(window100, change(OWNER, 'pos/MinSignedPerWindow', `"${value}"`), 10);
  assert.equal([minSigned('92233720368547758.070000000000000000'), minSigned('92233720368547758.075000000000000000')], ['ledger:15', 'ledger:15']);
  // And it may ask for at most the window: SignedBlocksWindow − RoundInt64(…), in Go int64 (slash.go:273),
  // must not be negative, else every validator is jailed at the next BeginBlock and Tendermint's set is
  // empty (types/validator_set.go:629-632 at 59310158d3e9): 1.005 × 100 = 100.5 → 100 fits, 1.006 × 100 → 101 does not.
  assert.equal([minSigned('1.005'), minSigned('1.006'), minSigned('-1'), minSigned('0')], ['ok', 'ledger:15', 'ok', 'ok']);
  // From the window's side, with 1.005 in force: 99.495 → 99 and 100.5 → 100 fit, 101.505 → 102 > 101 does not;
  // with −1 in force, 2^62 − (−2^62) = 2^63 wraps to −2^63 in Go: refused, 2^62 − 1 is not.
  const slightlyOver = params([], [['pos/SignedBlocksWindow', 100n], ['pos/MinSignedPerWindow', Dec.fromString('1.005')!]]);
  const window = (p2: ParamTracker, value: bigint) => decideParamChange(p2, change(OWNER, 'pos/SignedBlocksWindow', `"${value}"`), 10);
  assert.equal([window(slightlyOver, 99n), window(slightlyOver, 100n), window(slightlyOver, 101n)], ['ok', 'ok', 'ledger:15']);
  const minusOne = params([], [['pos/SignedBlocksWindow', 100n], ['pos/MinSignedPerWindow', Dec.fromString('-1')!]]);
  assert.equal([window(minusOne, (1n << 62n) - 1n), window(minusOne, 1n << 62n)], ['ok', 'ledger:15']);
  // A slash fraction times the largest slashable stake, (2^63 − 1) × 10^6 uPOKT, must stay in the 315-bit Dec (slash.go:117-118):
  // 10^51 → ~9.2 × 10^75 fits; 10^52 → ~9.2 × 10^76 ≥ 2^315 / 10^18 ≈ 6.7 × 10^76 does not.
  const fraction = (zeros: number) => `1${'0'.repeat(zeros)}.000000000000000000`;
  const slashing = params([], [], { 'pos/SlashFractionDowntime': OWNER, 'pos/SlashFractionDoubleSign': OWNER });
  const slash = (key: string, zeros: number) => decideParamChange(slashing, change(OWNER, key, `"${fraction(zeros)}"`), 10);
  assert.equal(['pos/SlashFractionDowntime', 'pos/SlashFractionDoubleSign'].map((k) => [slash(k, 51), slash(k, 52)]), Array(2).fill(['ok', 'ledger:15']));
  // StakeDenom: "" and "x" are no denom sdk.NewCoin takes (types/coin.go:593, 602-613 — the next slash burn or stake
  // release panics, x/nodes/keeper/pool.go:27-55); "pokt" is one, but not the uPOKT every amount is kept in.
  assert.equal(['"upokt"', '"pokt"', '"x"', '""'].map((v) => code('pos/StakeDenom', v)), ['ok', 'ledger:15', 'ledger:15', 'ledger:15']);
  // BlockByteSize becomes Tendermint's Block.MaxBytes (x/pocketcore/keeper/keeper.go:67-104), at most 104,857,600
  // (tendermint types/params.go:13, 106-109: ApplyBlock fails, the node kills itself).
  const blockBytes = params([], [], { 'pocketcore/BlockByteSize': OWNER });
  assert.equal(['"104857600"', '"104857601"', '"1"', '"0"'].map((v) => decideParamChange(blockBytes, change(OWNER, 'pocketcore/BlockByteSize', v), 10)), ['ok', 'ledger:15', 'ok', 'ok']);
});

test('features: a delivered Upgrade switches them for the rest of its block, a ParamChange of gov/upgrade only from the next block on', () => {
  // pocket-core's HandleUpgrade sets the feature map at once (x/gov/keeper/subspace.go:186-188); a
  // ParamChange stores the value only (:199-234), which the ledger reads from its next block
  // (chain/apply-block.ts recomputes the features after an UpgradeScheduled only).
  const p = params();
  assert.ok(p.change('gov/upgrade', new TextEncoder().encode('{"type":"gov/upgrade","value":{"Height":"900","Version":"0.12.0","Features":["RSCAL:0"]}}')));
  assert.equal(p.upgrade().features, ['RSCAL:0'], 'stored');
  assert.not.ok(p.featureOff('RSCAL', 10), 'not for the rest of block 10');
  p.activateFeatures(11);
  assert.ok(p.featureOff('RSCAL', 11), 'from block 11 on');
  p.setUpgrade({ height: 900n, version: '0.12.0', oldUpgradeHeight: 0n, features: ['RSCAL:0', 'NCUST:0'] });
  assert.ok(p.featureOff('NCUST', 11), 'a delivered Upgrade: at once');
});

test('Upgrade: only the owner of gov/upgrade (not the DAO owner) → else gov:5; the merged version must be readable → else ledger:14', () => {
  const p = params();
  assert.is(decideUpgrade(p, upgrade(UPGRADER, 5000, '0.12.0')), 'ok');
  assert.is(decideUpgrade(p, upgrade(OWNER, 5000, '0.12.0')), 'gov:5', 'the DAO owner does not own gov/upgrade here');
  assert.is(decideUpgrade(p, upgrade(STRANGER, 5000, '0.12.0')), 'gov:5');
  // CompareVersionStrings("0.12.0", v) (types/utils.go:157-197): each common chunk through strconv.Atoi,
  // in order, returning at the first unequal pair (:168-186) — an error only from a chunk it reaches.
  for (const version of ['v-next', 'RC-0.12.0', '0.12.', '0.12.x', '99999999999999999999']) assert.is(decideUpgrade(p, upgrade(UPGRADER, 5000, version)), 'ledger:14', version);
  for (const version of ['1..2', '+1.0', '0.13.x', '0.12.0.x', '1234567890123456789']) assert.is(decideUpgrade(p, upgrade(UPGRADER, 5000, version)), 'ok', version);
  assert.is(decideUpgrade(p, upgrade(UPGRADER, 1, 'v-next', [['REDUP', 7]])), 'ok', 'height 1: features only, the old version "0" is kept');
  assert.is(decideUpgrade(p, upgrade(UPGRADER, 9, 'FEATURE', [['REDUP', 7]])), 'ok', 'FEATURE: features only');
});

test('mergeUpgrade (PROTOCOL §8.3): a version upgrade records the old height; a features-only one keeps it; features one per key, the later winning, sorted', () => {
  const old: Upgrade = { height: 5n, version: '0.9.0', oldUpgradeHeight: 2n, features: ['RSCAL:10'] };
  assert.equal(mergeUpgrade(old, upgrade(UPGRADER, 1, 'FEATURE', [['REDUP', 7], ['RSCAL', 12]])), { height: 5n, version: '0.9.0', oldUpgradeHeight: 2n, features: ['REDUP:7', 'RSCAL:12'] });
  assert.equal(mergeUpgrade(old, upgrade(UPGRADER, 900, '0.12.0', [['BLOCK', 800]])), { height: 900n, version: '0.12.0', oldUpgradeHeight: 5n, features: ['BLOCK:800', 'RSCAL:10'] });
  // The ledger's documented example (CleanUpgradeFeatureSlice): ["RSCAL:100","REDUP:57620"] + ["RSCAL:200"].
  assert.equal(mergeUpgrade({ ...old, features: ['RSCAL:100', 'REDUP:57620'] }, upgrade(UPGRADER, 1, 'FEATURE', [['RSCAL', 200]])).features, ['REDUP:57620', 'RSCAL:200']);
});

test('DAOTransfer: not the DAO owner → sdk:4; a transfer beyond the dao account → sdk:10, a burn → sdk:1; exactly the balance is delivered (TV-17: 1,000 − 1)', () => {
  const p = params();
  const dao = (from: Address, amountUpokt: bigint, action: 'dao_transfer' | 'dao_burn'): Extract<Message, { type: 'DAOTransfer' }> => ({ type: 'DAOTransfer', fromAddress: from, toAddress: action === 'dao_burn' ? null : STRANGER, amountUpokt, action });
  assert.equal([decideDaoTransfer(p, dao(OWNER, 1n, 'dao_burn'), 1_000n), decideDaoTransfer(p, dao(OWNER, 1n, 'dao_transfer'), 1_000n)], ['ok', 'ok']);
  assert.equal([decideDaoTransfer(p, dao(STRANGER, 1n, 'dao_burn'), 1_000n), decideDaoTransfer(p, dao(STRANGER, 1n, 'dao_transfer'), 1_000n)], ['sdk:4', 'sdk:4']);
  assert.equal([decideDaoTransfer(p, dao(OWNER, 1_001n, 'dao_burn'), 1_000n), decideDaoTransfer(p, dao(OWNER, 1_001n, 'dao_transfer'), 1_000n)], ['sdk:1', 'sdk:10']);
  assert.equal([decideDaoTransfer(p, dao(OWNER, 1_000n, 'dao_burn'), 1_000n), decideDaoTransfer(p, dao(OWNER, 1_000n, 'dao_transfer'), 1_000n)], ['ok', 'ok']);
});

test('the shadow applies a ParamChange or Upgrade only when its outcome delivers it; a delivered Upgrade merges into the audit\'s own gov/upgrade', () => {
  const p = params([], [['pos/StakeMinimum', 15_000_000_000n]]);
  const shadow = new ShadowLedger(p, { total: 0n, node: 0n, app: 0n, dao: 0n, fee: 0n }, new ShadowBank());
  const refused = { code: 5, codespace: 'gov', feeCharged: 0n, payer: null };
  const delivered = { code: 0, codespace: '', feeCharged: 0n, payer: null };
  shadow.deliverTx(change(STRANGER, 'pos/StakeMinimum', '"1"'), STRANGER, refused);
  assert.is(p.int('pos/StakeMinimum'), 15_000_000_000n);
  shadow.deliverTx(change(OWNER, 'pos/StakeMinimum', '"2"'), OWNER, delivered);
  assert.is(p.int('pos/StakeMinimum'), 2n);
  shadow.deliverTx(upgrade(STRANGER, 1, 'FEATURE', [['RSCAL', 0]]), STRANGER, refused);
  assert.ok(!p.featureOff('RSCAL', 10));
  shadow.deliverTx(upgrade(UPGRADER, 1, 'FEATURE', [['RSCAL', 0]]), UPGRADER, delivered);
  assert.ok(p.featureOff('RSCAL', 10));
  // RSCAL was on from genesis, so its params are stored with their owner; switched off they keep
  // both, and ModifyParam checks only the ACL (x/gov/keeper/subspace.go:199-202).
  assert.is(decideParamChange(p, change(OWNER, 'pos/ServicerStakeWeightMultiplier', '"1"'), 10), 'ok', 'stored before the switch-off: its owner may change it');
  // A ParamChange of gov/upgrade decodes over the stored value (types/param.go:235-236): the omitempty
  // OldUpgradeHeight and Features (gov.pb.go:215-216) stay when left out (go-amino json-decode.go:399-405).
  shadow.deliverTx(upgrade(UPGRADER, 700, '0.11.0'), UPGRADER, delivered);
  shadow.deliverTx(upgrade(UPGRADER, 800, '0.11.1'), UPGRADER, delivered);
  shadow.deliverTx(change(UPGRADER, 'gov/upgrade', '{"type":"gov/upgrade","value":{"Height":"900","Version":"0.12.0"}}'), UPGRADER, delivered);
  assert.equal(p.upgrade(), { height: 900n, version: '0.12.0', oldUpgradeHeight: 700n, features: ['RSCAL:0'] });
});

test('chain: RSCAL scheduled by an Upgrade, the floor\'s owner moved to A by a gov/acl change, the activation block giving it back to the DAO owner; refused upgrades and a short DAO burn — the ledger\'s codes, all re-decided, 0 mismatches', async () => {
  const [A, D] = [testKey('audit-gov-a'), testKey('audit-gov-d')];
  const floor = 'pos/ServicerStakeFloorMultiplier';
  let activation = 0;
  const summary = await auditedChain('audit-gov-activation', { a: A, d: D }, {}, (chain) => {
    activation = heightOf(chain.state) + 5;
    txBlock(chain, D, CHAIN_OWNER, upgradeMsg(CHAIN_OWNER, 1n, 'FEATURE', [`RSCAL:${activation}`]));
    const acl = chain.state.params().gov.acl.map((entry) => ({ acl_key: entry.key, address: entry.key === floor ? A.address : entry.address }));
    txBlock(chain, D, CHAIN_OWNER, paramChange(CHAIN_OWNER, 'gov/acl', JSON.stringify({ type: 'gov/non_map_acl', value: acl })));
    // A owns it and RSCAL is off, but the floor is stored (RSCAL on from genesis): ModifyParam checks
    // only the ACL (x/gov/keeper/subspace.go:199-202).
    txBlock(chain, D, A, paramChange(A, floor, '"16000000000"'));
    txBlock(chain, D, A, upgradeMsg(A, 900n, '0.12.0'), 'gov:5');
    assert.is(heightOf(chain.state), activation - 1);
    txBlock(chain, D, A, paramChange(A, floor, '"16000000000"'), 'gov:5'); // the activation block re-owned it
    txBlock(chain, D, CHAIN_OWNER, paramChange(CHAIN_OWNER, floor, '"16000000000"'));
    txBlock(chain, D, CHAIN_OWNER, upgradeMsg(CHAIN_OWNER, 900n, 'v-next'), 'ledger:14');
    const treasury = chain.state.auth.accounts.get(MODULE.dao as Address)?.balanceUpokt ?? 0n;
    txBlock(chain, D, CHAIN_OWNER, daoTransfer(CHAIN_OWNER, '', treasury + 1_000_000_000_000n, 'dao_burn'), 'sdk:1');
  });
  assert.is(summary.mismatches, 0, JSON.stringify(summary.mismatch_list.slice(0, 5)));
  assert.equal(summary.gov_codes, { 'dao sdk:1': 1, 'param_change gov:5': 1, 'param_change ok': 3, 'upgrade gov:5': 1, 'upgrade ledger:14': 1, 'upgrade ok': 1 });
});

test.run();
