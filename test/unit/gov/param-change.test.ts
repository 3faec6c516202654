/**
 * Goal: MsgChangeParam follows pocket-core (PROTOCOL §8.1) for every parameter of the mainnet
 * ACL (and the ledger's other parameters): the ACL owner's change applies (typed value, query
 * text, ParamChanged event with old and new, params history), anyone else gets gov:5 and
 * nothing changes; malformed or mistyped values are rejected with ledger:14 and values the rules
 * cannot run with with ledger:15 — a deliberate difference: pocket-core answers code 0 and
 * silently keeps the old value.
 * Method: for each key a fresh test chain whose DAO owner and every ACL owner is a test key;
 * the new value is written in amino JSON (as `pocket gov change_param` sends it) and the
 * expected query text is written out by hand with amino's normalisation (Dec with 18
 * decimals, upper-case chain ids). The 35 mainnet ACL keys are the e2e template's (equal sets,
 * checked against the bundled mainnet genesis).
 */
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import { bundledMainnetGenesisPath } from '../../../src/core/paths.js';
import { Dec } from '../../../src/core/bigdec.js';
import { singleParam } from '../../../src/modules/gov/queries.js';
import { slashAmountUpokt } from '../../../src/modules/slashing/slash.js';
import { PARAM_SPECS } from '../../../src/params/registry.js';
import { checkInvariants } from '../../../src/sim/invariants.js';
import { produce, signTx, testKey } from '../../helpers/chain.js';
import { code, eventsOfType, expectOnly, govChain, OWNER, paramChange, templateAclKeys } from '../../helpers/gov-chain.js';

const stranger = testKey('param-stranger');
const newOwner = testKey('param-new-owner');
const height = (state: LedgerState): number => state.chain.meta.get('meta')!.height;

function chain(): LedgerState {
  return govChain({ validators: [{ key: testKey('param-validator'), tokensUpokt: 100_000_000_000n }], accounts: [{ key: stranger, balanceUpokt: 1_000_000_000n }] });
}

function aclWithOwner(key: string, owner: string): string {
  const entries = templateAclKeys().map((k) => ({ acl_key: k, address: k === key ? owner : OWNER.address }));
  return JSON.stringify({ type: 'gov/non_map_acl', value: entries });
}

/** key → [amino-JSON value sent, param_value the query must then print]. */
const CHANGES: Record<string, readonly [string, string]> = {
  'application/ApplicationStakeMinimum': ['"2000000"', '2000000'],
  'application/AppUnstakingTime': ['"120000000000"', '120000000000'],
  'application/BaseRelaysPerPOKT': ['"200000"', '200000'],
  'application/MaxApplications': ['"2295"', '2295'],
  'application/MaximumChains': ['"20"', '20'],
  'application/ParticipationRateOn': ['true', 'true'],
  'application/StabilityAdjustment': ['"100"', '100'],
  'auth/MaxMemoCharacters': ['"75"', '75'],
  'auth/TxSigLimit': ['"8"', '8'],
  'auth/FeeMultipliers': ['{"fee_multiplier":[{"key":"send","multiplier":"2"}],"default":"1"}', '{"fee_multiplier":[{"key":"send","multiplier":"2"}],"default":"1"}'],
  'gov/daoOwner': [`"${newOwner.address}"`, newOwner.address],
  'gov/upgrade': ['{"type":"gov/upgrade","value":{"Height":"1000000","Version":"0.13.0"}}', '{"type":"gov/upgrade","value":{"Height":"1000000","Version":"0.13.0"}}'],
  'pocketcore/ClaimExpiration': ['"24"', '24'],
  'pocketcore/ReplayAttackBurnMultiplier': ['"4"', '4'],
  'pocketcore/ClaimSubmissionWindow': ['"4"', '4'],
  'pocketcore/MinimumNumberOfProofs': ['"10"', '10'],
  'pocketcore/SessionNodeCount': ['"24"', '24'],
  'pocketcore/SupportedBlockchains': ['["0001","0003","03df"]', '["0001","0003","03DF"]'],
  'pos/ProposerPercentage': ['"5"', '5'],
  'pos/BlocksPerSession': ['"5"', '5'],
  'pos/DAOAllocation': ['"20"', '20'],
  'pos/DowntimeJailDuration': ['"3600000000000"', '3600000000000'],
  'pos/MaxEvidenceAge': ['"240000000000"', '240000000000'],
  'pos/MaximumChains': ['"20"', '20'],
  'pos/MaxJailedBlocks': ['"37960"', '37960'],
  'pos/MaxValidators': ['"1000"', '1000'],
  'pos/MinSignedPerWindow': ['"0.6"', '0.600000000000000000'],
  'pos/RelaysToTokensMultiplier': ['"2109"', '2109'],
  'pos/SignedBlocksWindow': ['"10"', '10'],
  'pos/SlashFractionDoubleSign': ['"0.000001"', '0.000001000000000000'],
  'pos/SlashFractionDowntime': ['"0.000001000000000000"', '0.000001000000000000'],
  'pos/StakeDenom': ['"upokt"', 'upokt'], // the only value accepted (ledger:15 otherwise): the change is the same value
  'pos/StakeMinimum': ['"15000000000"', '15000000000'],
  'pos/UnstakingTime': ['"1814000000000000"', '1814000000000000'],
  // Not in the mainnet genesis ACL: feature-gated (owner added at activation; here from genesis)
  // and the ledger's monetary-policy params (PROTOCOL §14).
  'pocketcore/BlockByteSize': ['"8000000"', '8000000'],
  'pos/RelaysToTokensMultiplierMap': ['{"0001":"500","03df":"700"}', '{"0001":"500","03DF":"700"}'],
  'pos/ServicerStakeFloorMultiplier': ['"16000000000"', '16000000000'],
  'pos/ServicerStakeWeightCeiling': ['"60000000000"', '60000000000'],
  'pos/ServicerStakeWeightMultiplier': ['"2.735"', '2.735000000000000000'],
  'pos/ServicerStakeFloorMultiplierExponent': ['"0.5"', '0.500000000000000000'],
  'pos/FeeBurnPercentage': ['"99"', '99'],
  'application/ApplicationBurnRate': ['"1"', '1.000000000000000000'],
};
CHANGES['gov/acl'] = [aclWithOwner('pos/StakeDenom', newOwner.address), aclWithOwner('pos/StakeDenom', newOwner.address)];

/** Parameters whose only accepted value is the one every chain has (pos/StakeDenom: "upokt"). */
const SAME_VALUE_ONLY = new Set(['pos/StakeDenom']);

const every = suite('gov: ParamChange of every parameter');

every('the table covers every registered parameter, and the 35 mainnet ACL keys are the template ACL keys', () => {
  assert.equal(Object.keys(CHANGES).sort(), PARAM_SPECS.map((s) => s.key).sort());
  const mainnet = JSON.parse(readFileSync(bundledMainnetGenesisPath(), 'utf8')) as { app_state: { gov: { params: { acl: Array<{ acl_key: string }> } } } };
  assert.equal(mainnet.app_state.gov.params.acl.map((e) => e.acl_key).sort(), templateAclKeys().sort());
});

for (const [key, [value, expected]] of Object.entries(CHANGES)) {
  every(`${key}: the owner's change applies; anyone else → gov:5`, () => {
    const state = chain();
    produce(state);
    const before = singleParam(state, key, 1)!.param_value;
    if (!SAME_VALUE_ONLY.has(key)) assert.is.not(before, expected, 'the new value differs from the old');
    expectOnly(produce(state, [signTx(stranger, paramChange(stranger, key, value))]), 'gov:5');
    assert.is(singleParam(state, key, 2)!.param_value, before, 'unchanged after gov:5');
    const result = produce(state, [signTx(OWNER, paramChange(OWNER, key, value))]);
    expectOnly(result, 'ok');
    assert.is(singleParam(state, key, 3)!.param_value, expected);
    const [event] = eventsOfType(result, 'ParamChanged');
    assert.is(event?.key, key);
    assert.is(event?.by, OWNER.address);
    assert.is(singleParam(state, key, 2)!.param_value, before, 'history: the value at the end of block 2');
    assert.is(singleParam(state, key, 3)!.param_value, expected, 'history: the value from block 3 on');
    assert.equal(checkInvariants(state), []);
  });
}

const ownership = suite('gov: ParamChange ownership');

ownership('after gov/acl hands pos/StakeDenom to another key, only that key may change it; gov/daoOwner does not move ACL entries', () => {
  const state = chain();
  produce(state, [signTx(OWNER, paramChange(OWNER, 'gov/acl', aclWithOwner('pos/StakeDenom', newOwner.address))), signTx(OWNER, { kind: 'Send', fromAddress: OWNER.address, toAddress: newOwner.address, amount: '1000000' })]);
  assert.is(code(produce(state, [signTx(OWNER, paramChange(OWNER, 'pos/StakeDenom', '"upokt"'))]).receipts[0]!), 'gov:5');
  expectOnly(produce(state, [signTx(newOwner, paramChange(newOwner, 'pos/StakeDenom', '"upokt"'))]), 'ok');
  expectOnly(produce(state, [signTx(OWNER, paramChange(OWNER, 'gov/daoOwner', `"${stranger.address}"`))]), 'ok');
  expectOnly(produce(state, [signTx(OWNER, paramChange(OWNER, 'pos/StakeMinimum', '"2000000"'))]), 'ok');
});

ownership('a key that is no parameter has no owner → gov:5', () => {
  const state = chain();
  expectOnly(produce(state, [signTx(OWNER, paramChange(OWNER, 'pos/NoSuchParam', '"1"'))]), 'gov:5');
  expectOnly(produce(state, [signTx(OWNER, paramChange(OWNER, 'nosubspace/X', '"1"'))]), 'gov:5');
});

ownership('a change takes effect for the next tx of the same block', () => {
  const state = chain();
  const result = produce(state, [
    signTx(OWNER, paramChange(OWNER, 'auth/MaxMemoCharacters', '"3"')),
    signTx(OWNER, { kind: 'Send', fromAddress: OWNER.address, toAddress: stranger.address, amount: '1' }, { memo: 'four' }),
  ]);
  assert.equal(result.receipts.map(code), ['ok', 'auth:1']);
});

const malformed = suite('gov: malformed, mistyped and unusable values (ledger:14 / ledger:15; pocket-core: code 0, ignored)');

const BAD: ReadonlyArray<readonly [string, string | Uint8Array, string]> = [
  ['pos/StakeMinimum', '15000000000', 'ledger:14'], // int64 must be an amino JSON string
  ['pos/StakeMinimum', '"15e9"', 'ledger:14'],
  ['pos/StakeMinimum', '"99999999999999999999"', 'ledger:14'], // beyond int64
  ['pos/MinSignedPerWindow', '"0.1234567890123456789"', 'ledger:14'], // 19 decimals
  ['pos/MinSignedPerWindow', '0.6', 'ledger:14'],
  ['application/ParticipationRateOn', '"true"', 'ledger:14'],
  ['pos/DowntimeJailDuration', '"-1"', 'ledger:14'],
  ['auth/FeeMultipliers', '{"default":"1","default":"2"}', 'ledger:14'], // duplicate key
  // A negative multiplier amino reads (int64), but pocket-core's ante then builds the minimum fee with
  // sdk.NewCoin, which panics on it (x/auth/ante.go:121, types/coin.go:30-35): every tx of that type
  // (of every type, for the default) is sdk:1 — the ledger refuses it (params/kinds.ts: 0..2^63 − 1).
  ['auth/FeeMultipliers', '{"fee_multiplier":[],"default":"-1"}', 'ledger:14'],
  ['auth/FeeMultipliers', '{"fee_multiplier":[{"key":"send","multiplier":"-1"}],"default":"1"}', 'ledger:14'],
  ['pos/RelaysToTokensMultiplierMap', '{"0001":"-1"}', 'ledger:14'], // params/kinds.ts: 0..2^63 − 1 (docs/protocol-choices.md)
  ['auth/MaxMemoCharacters', 'not json', 'ledger:14'],
  ['auth/MaxMemoCharacters', Uint8Array.of(0x22, 0xff, 0x22), 'ledger:14'], // not UTF-8
  ['gov/daoOwner', '"xyz"', 'ledger:14'],
  ['gov/acl', '[{"acl_key":"pos/Nope","address":"0000000000000000000000000000000000000000"}]', 'ledger:14'],
  ['gov/upgrade', '{"Height":"10","Version":"abc"}', 'ledger:14'],
  // ACL and Upgrade are registered concrete types (x/gov/types/codec.go:24-25): go-amino v0.15.1's
  // UnmarshalJSON requires their {"type","value"} wrapper (go-amino v0.15.1 amino.go:426-438), so pocket-core's
  // Update fails on a bare value (types/param.go:236-239) and ModifyParam keeps the old one.
  ['gov/acl', `[{"acl_key":"gov/acl","address":"${OWNER.address}"}]`, 'ledger:14'],
  ['gov/acl', `{"type":"gov/upgrade","value":[{"acl_key":"gov/acl","address":"${OWNER.address}"}]}`, 'ledger:14'],
  ['gov/upgrade', '{"Height":"1000000","Version":"0.13.0"}', 'ledger:14'],
  ['gov/upgrade', '{"type":"gov/non_map_acl","value":{"Height":"1000000","Version":"0.13.0"}}', 'ledger:14'],
  ['pocketcore/SupportedBlockchains', '["xyz"]', 'ledger:14'],
  ['pos/BlocksPerSession', '"0"', 'ledger:15'],
  ['pos/SignedBlocksWindow', '"0"', 'ledger:15'],
  ['pos/MaxValidators', '"0"', 'ledger:15'],
  ['pocketcore/SessionNodeCount', '"0"', 'ledger:15'],
  ['pos/ServicerStakeFloorMultiplier', '"0"', 'ledger:15'],
  ['pos/ServicerStakeWeightMultiplier', '"0"', 'ledger:15'],
  ['pos/DAOAllocation', '"100"', 'ledger:15'], // + ProposerPercentage 1 > 100
  ['pos/ProposerPercentage', '"-1"', 'ledger:15'],
  ['pos/FeeBurnPercentage', '"101"', 'ledger:15'],
  ['application/ApplicationBurnRate', '"-0.5"', 'ledger:15'],
  // × SignedBlocksWindow 100 (this chain's): RoundInt64 of 10^20, and of 2^63 − 1 + 0.5
  // (half-even → 2^63), leave int64 — pocket-core's BeginBlock panics (x/nodes/keeper/params.go:70-78).
  ['pos/MinSignedPerWindow', '"1000000000000000000.000000000000000000"', 'ledger:15'],
  ['pos/MinSignedPerWindow', '"92233720368547758.075000000000000000"', 'ledger:15'],
  // RoundInt64(2 × 100) = 200 > 100: −100 misses tolerated, every validator jailed at once (slash.go:273-275).
  ['pos/MinSignedPerWindow', '"2"', 'ledger:15'],
  // Dec((2^63 − 1) × 10^6) × 10^52 ≈ 9.2 × 10^76 passes the 315-bit Dec's ~6.7 × 10^76: a slash of
  // the largest power would panic (sdk.BigDec Mul, types/decimal.go; x/nodes/keeper/slash.go:117-118).
  ['pos/SlashFractionDowntime', `"1${'0'.repeat(52)}.000000000000000000"`, 'ledger:15'],
  ['pos/SlashFractionDoubleSign', `"1${'0'.repeat(52)}.000000000000000000"`, 'ledger:15'],
  // Not a denom sdk.NewCoin accepts ([a-z][a-z0-9]{2,15}, types/coin.go:593, 602-613): pocket-core's
  // next slash burn (BeginBlock, x/nodes/keeper/pool.go:49-55) or stake release (EndBlock, pool.go:27-35)
  // panics — a halted chain. Any other denom: the ledger keeps every amount in uPOKT and cannot run it.
  // Above Tendermint's MaxBlockSizeBytes 104,857,600: pocket-core's EndBlock hands it to Tendermint as
  // Block.MaxBytes (x/pocketcore/keeper/keeper.go:67-104), whose ConsensusParams.Validate refuses it
  // (types/params.go:106-109) — ApplyBlock fails and every node kills itself (consensus/state.go:1496-1507 at 59310158d3e9).
  ['pocketcore/BlockByteSize', '"104857601"', 'ledger:15'],
  ['pos/StakeDenom', '""', 'ledger:15'],
  ['pos/StakeDenom', '"x"', 'ledger:15'],
  ['pos/StakeDenom', '"pokt"', 'ledger:15'],
];

malformed('MinSignedPerWindow × SignedBlocksWindow may ask for at most the whole window, from either side: 1.005 at windows 100 and 99 is accepted; 1.006 at 99, and a window of 101 at 1.005, are ledger:15', () => {
  const state = chain();
  // RoundInt64(1.005 × 100) = RoundInt64(100.5) = 100 (half-even, x/nodes/keeper/params.go:70-78): the
  // window tolerates 100 − 100 = 0 misses (slash.go:273) — the first miss jails.
  expectOnly(produce(state, [signTx(OWNER, paramChange(OWNER, 'pos/MinSignedPerWindow', '"1.005"'))]), 'ok');
  assert.is(singleParam(state, 'pos/MinSignedPerWindow', height(state))!.param_value, '1.005000000000000000');
  // 1.005 × 99 = 99.495 → 99 ≤ 99 still fits; 1.006 × 99 = 99.594 → 100 > 99 tolerates −1 misses:
  // every validator (0 missed > −1, slash.go:275) is jailed at the next BeginBlock, Tendermint's
  // validator set would be empty (types/validator_set.go:629-632 at 59310158d3e9) and ApplyBlock fails — a halted chain.
  expectOnly(produce(state, [signTx(OWNER, paramChange(OWNER, 'pos/SignedBlocksWindow', '"99"'))]), 'ok');
  const receipt = expectOnly(produce(state, [signTx(OWNER, paramChange(OWNER, 'pos/MinSignedPerWindow', '"1.006"'))]), 'ledger:15');
  assert.match(receipt.log ?? '', 'jailed');
  const fromWindow = chain();
  expectOnly(produce(fromWindow, [signTx(OWNER, paramChange(OWNER, 'pos/MinSignedPerWindow', '"1.005"'))]), 'ok');
  // 1.005 × 101 = 101.505 → 102 > 101: refused from the window's side too.
  expectOnly(produce(fromWindow, [signTx(OWNER, paramChange(OWNER, 'pos/SignedBlocksWindow', '"101"'))]), 'ledger:15');
  assert.is(singleParam(fromWindow, 'pos/SignedBlocksWindow', height(fromWindow))!.param_value, '100');
});

malformed('a slash fraction of 10^51 (below the bound) is accepted, and a slash of the largest power by it is computable', () => {
  const state = chain();
  const huge = `1${'0'.repeat(51)}.000000000000000000`;
  expectOnly(produce(state, [signTx(OWNER, paramChange(OWNER, 'pos/SlashFractionDowntime', `"${huge}"`))]), 'ok');
  // trunc((2^63 − 1) × 10^6 × 10^51): exact, no overflow (the ledger then burns min(amount, stake)).
  const largestPower = (1n << 63n) - 1n;
  assert.is(slashAmountUpokt(largestPower, Dec.fromString(huge)!), largestPower * 10n ** 57n);
});

malformed('BlockByteSize up to Tendermint\'s MaxBlockSizeBytes (104,857,600, types/params.go:13) is accepted', () => {
  const state = chain();
  expectOnly(produce(state, [signTx(OWNER, paramChange(OWNER, 'pocketcore/BlockByteSize', '"104857600"'))]), 'ok');
});

malformed('DAOAllocation and ProposerPercentage may not both be 0: ProposerPercentage 0 is accepted, then DAOAllocation 0 is ledger:15', () => {
  // pocket-core's block reward computes Dec(DAO).Quo(Dec(DAO + Proposer)) (x/nodes/keeper/params.go:168-184)
  // whenever the fee collector holds anything (reward.go:227-236) — the change's own fee: BeginBlock panics.
  const state = chain();
  expectOnly(produce(state, [signTx(OWNER, paramChange(OWNER, 'pos/ProposerPercentage', '"0"'))]), 'ok');
  const receipt = expectOnly(produce(state, [signTx(OWNER, paramChange(OWNER, 'pos/DAOAllocation', '"0"'))]), 'ledger:15');
  assert.match(receipt.log ?? '', 'both be 0');
  assert.is(singleParam(state, 'pos/DAOAllocation', height(state))!.param_value, '10');
});

for (const [key, value, expected] of BAD) {
  malformed(`${key} = ${typeof value === 'string' ? value : 'bytes 22 ff 22'} → ${expected}, fee charged, value unchanged`, () => {
    const state = chain();
    const before = singleParam(state, key, height(state))!.param_value;
    const receipt = expectOnly(produce(state, [signTx(OWNER, paramChange(OWNER, key, value))]), expected);
    assert.is(receipt.feeUpokt, 10_000n);
    assert.equal(receipt.events.map((e) => e.type), ['FeeDeducted'], 'only the fee moved');
    assert.is(singleParam(state, key, height(state))!.param_value, before);
  });
}

every.run();
ownership.run();
malformed.run();
