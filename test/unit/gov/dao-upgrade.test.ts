/**
 * Goal: the DAO treasury and upgrades follow pocket-core (PROTOCOL §8.2–§8.3, §12.1):
 * DAOTransfer/burn only by gov/daoOwner (sdk:4), bank errors when the treasury is short
 * (transfer sdk:10, burn sdk:1), supply falls by a burn; MsgUpgrade merges with the stored
 * upgrade (version vs features-only), its features table is what each block reads, and a chain
 * that reaches an upgrade height whose version this ledger does not implement stops: the
 * producer refuses to build the block and applyBlock refuses to apply it (coded errors).
 * Method: test chains with a test key as DAO owner and ACL owner; real signed txs; the features
 * and version helpers on worked examples.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { applyBlock, BlockRejectedError } from '../../../src/chain/apply-block.js';
import { CliError } from '../../../src/cli/output.js';
import { asCliError } from '../../../src/cli/runtime-errors.js';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import { buildBlock } from '../../../src/chain/producer.js';
import { balanceOf, totalSupply } from '../../../src/modules/auth/bank.js';
import { MODULE_ADDRESSES } from '../../../src/modules/auth/state.js';
import { compareVersions, inactiveFeatures, LEDGER_PROTOCOL_VERSION, mergeFeatures, UpgradeRequiredError, upgradeHaltReason } from '../../../src/modules/gov/features.js';
import { singleParam } from '../../../src/modules/gov/queries.js';
import { checkInvariants } from '../../../src/sim/invariants.js';
import { BLOCK_INTERVAL_NS, produce, signTx, testKey } from '../../helpers/chain.js';
import { code, eventsOfType, expectOnly, govChain, OWNER, upgrade, daoTransfer, paramChange } from '../../helpers/gov-chain.js';
import { stakeNodeMsg } from '../../helpers/staking.js';

const POKT = 1_000_000n;
const X = testKey('dao-recipient');
const stranger = testKey('dao-stranger');
const validator = testKey('dao-validator');

function chain(daoTokensUpokt = 1_000_000n * POKT): LedgerState {
  return govChain({ validators: [{ key: validator, tokensUpokt: 100_000n * POKT }], accounts: [{ key: stranger, balanceUpokt: 1_000n * POKT }], daoTokensUpokt });
}

const daoBalance = (state: LedgerState): bigint => balanceOf(state.auth, MODULE_ADDRESSES.dao);

const treasury = suite('gov: DAO treasury');

treasury('dao_transfer by the owner moves the amount to the recipient; supply unchanged', () => {
  const state = chain();
  const supply = totalSupply(state.auth);
  const result = produce(state, [signTx(OWNER, daoTransfer(OWNER, X.address, 250n * POKT, 'dao_transfer'))]);
  expectOnly(result, 'ok');
  assert.equal(eventsOfType(result, 'DaoTransferred'), [{ type: 'DaoTransferred', by: OWNER.address, to: X.address, amountUpokt: 250n * POKT }]);
  // the receipt names no recipient: MsgDAOTransfer.GetRecipient() is nil (x/gov/types/msg.go:96-98),
  // so pocket-core's tx indexer does not list the tx under X (types/indexer.go:100-103)
  const [receipt] = result.receipts;
  assert.equal([receipt!.messageType, receipt!.signer, receipt!.recipient], ['dao_tranfer', OWNER.address, null]);
  assert.is(balanceOf(state.auth, X.address), 250n * POKT);
  assert.is(daoBalance(state), 999_750n * POKT);
  assert.is(totalSupply(state.auth), supply);
  assert.equal(checkInvariants(state), []);
});

treasury('dao_burn by the owner burns from the dao account: supply falls by the amount', () => {
  const state = chain();
  const supply = totalSupply(state.auth);
  const result = produce(state, [signTx(OWNER, daoTransfer(OWNER, '', 1_000n * POKT, 'dao_burn'))]);
  expectOnly(result, 'ok');
  assert.equal(eventsOfType(result, 'DaoBurned'), [{ type: 'DaoBurned', by: OWNER.address, amountUpokt: 1_000n * POKT }]);
  assert.is(daoBalance(state), 999_000n * POKT);
  assert.is(totalSupply(state.auth), supply - 1_000n * POKT);
  assert.equal(checkInvariants(state), []);
});

treasury('anyone but the DAO owner → sdk:4 (transfer and burn), nothing moves but the fee', () => {
  const state = chain();
  const result = produce(state, [signTx(stranger, daoTransfer(stranger, stranger.address, 1n, 'dao_transfer')), signTx(stranger, daoTransfer(stranger, '', 1n, 'dao_burn'))]);
  assert.equal(result.receipts.map((r) => `${r.codespace}:${r.code}`), ['sdk:4', 'sdk:4']);
  assert.equal(result.receipts.map((r) => r.feeUpokt), [10_000n, 10_000n]);
  assert.is(daoBalance(state), 1_000_000n * POKT);
});

treasury('more than the treasury holds: transfer sdk:10, burn sdk:1 (pocket wraps the bank error)', () => {
  const state = chain(5n * POKT);
  const result = produce(state, [signTx(OWNER, daoTransfer(OWNER, X.address, 6n * POKT, 'dao_transfer')), signTx(OWNER, daoTransfer(OWNER, '', 6n * POKT, 'dao_burn'))]);
  assert.equal(result.receipts.map((r) => `${r.codespace}:${r.code}`), ['sdk:10', 'sdk:1']);
  assert.is(daoBalance(state), 5n * POKT);
});

treasury('a new gov/daoOwner takes over the treasury', () => {
  const state = chain();
  produce(state, [
    signTx(OWNER, { kind: 'ParamChange', fromAddress: OWNER.address, paramKey: 'gov/daoOwner', paramValue: Buffer.from(`"${stranger.address}"`).toString('hex') }),
  ]);
  assert.equal(
    produce(state, [signTx(OWNER, daoTransfer(OWNER, X.address, 1n, 'dao_transfer')), signTx(stranger, daoTransfer(stranger, X.address, 1n, 'dao_transfer'))]).receipts.map((r) => r.code === 0 ? 'ok' : `${r.codespace}:${r.code}`),
    ['sdk:4', 'ok'],
  );
});

const upgrades = suite('gov: MsgUpgrade');

upgrades('a version upgrade records the old height and merges features; a features-only upgrade (Height 1 or "FEATURE") keeps height and version', () => {
  const state = chain();
  const first = produce(state, [signTx(OWNER, upgrade(OWNER, 500n, '0.13.0', ['RSCAL:450']))]);
  expectOnly(first, 'ok');
  assert.equal(eventsOfType(first, 'UpgradeScheduled'), [
    { type: 'UpgradeScheduled', by: OWNER.address, kind: 'version', previous: { Height: '0', Version: '0.0.0' }, upgrade: { Height: '500', Version: '0.13.0', Features: ['RSCAL:450'] } },
  ]);
  expectOnly(produce(state, [signTx(OWNER, upgrade(OWNER, 1n, 'ignored', ['REDUP:300', 'RSCAL:460']))]), 'ok');
  assert.equal(state.params().gov.upgrade, { height: 500n, version: '0.13.0', oldUpgradeHeight: 0n, features: ['REDUP:300', 'RSCAL:460'] });
  expectOnly(produce(state, [signTx(OWNER, upgrade(OWNER, 900n, 'FEATURE', ['BLOCK:0']))]), 'ok');
  assert.equal(state.params().gov.upgrade, { height: 500n, version: '0.13.0', oldUpgradeHeight: 0n, features: ['BLOCK:0', 'REDUP:300', 'RSCAL:460'] });
  expectOnly(produce(state, [signTx(OWNER, upgrade(OWNER, 800n, '0.14.0'))]), 'ok');
  assert.equal(state.params().gov.upgrade, { height: 800n, version: '0.14.0', oldUpgradeHeight: 500n, features: ['BLOCK:0', 'REDUP:300', 'RSCAL:460'] });
  assert.is(singleParam(state, 'gov/upgrade', 5)!.param_value, '{"type":"gov/upgrade","value":{"Height":"800","Version":"0.14.0","OldUpgradeHeight":"500","Features":["BLOCK:0","REDUP:300","RSCAL:460"]}}');
});

upgrades('not the owner of gov/upgrade → gov:5; a version CompareVersionStrings cannot compare with this ledger\'s → ledger:14', () => {
  const state = chain();
  expectOnly(produce(state, [signTx(stranger, upgrade(stranger, 500n, '0.13.0'))]), 'gov:5');
  expectOnly(produce(state, [signTx(OWNER, upgrade(OWNER, 500n, 'RC-0.13.0'))]), 'ledger:14');
  expectOnly(produce(state, [signTx(OWNER, upgrade(OWNER, 500n, '0.12.x'))]), 'ledger:14');
  assert.equal(state.params().gov.upgrade.version, '0.0.0');
});

upgrades('the features table is read per block: a feature listed at a later height is inactive until then; "KEY:0" is inactive (pocket-core)', () => {
  const features = ['BLOCK:0', 'REDUP:300', 'RSCAL:460'];
  const upgradeValue = { height: 500n, version: '0.13.0', oldUpgradeHeight: 0n, features };
  assert.equal([...inactiveFeatures(upgradeValue, 299)].sort(), ['BLOCK', 'REDUP', 'RSCAL']);
  assert.equal([...inactiveFeatures(upgradeValue, 300)].sort(), ['BLOCK', 'RSCAL']);
  assert.equal([...inactiveFeatures(upgradeValue, 460)], ['BLOCK']);
  assert.equal(mergeFeatures(['RSCAL:100', 'REDUP:57620'], ['RSCAL:200']), ['REDUP:57620', 'RSCAL:200']);
});

upgrades('a MsgUpgrade changes the features for the txs after it in the same block (pocket-core sets codec.UpgradeFeatureMap in the handler)', () => {
  // x/gov/keeper/subspace.go:186-188: HandleUpgrade writes codec.UpgradeFeatureMap at once, and every
  // IsAfter… check of a later tx reads that global (codec/codec.go:280-284 for OEDIT).
  const op = testKey('midblock-operator');
  const output = testKey('midblock-output');
  const state = govChain({
    validators: [{ key: validator, tokensUpokt: 100_000n * POKT }, { key: op, tokensUpokt: 1_000n * POKT }],
    accounts: [{ key: output, balanceUpokt: 1_000n * POKT }],
    params: { pos: { servicer_stake_weight_ceiling: '1000000' }, gov: { upgrade: { Height: '0', Version: '0.0.0', Features: ['OEDIT:0'] } } },
  });
  // A validator without an output may set one (valStateChanges.go:339-343).
  expectOnly(produce(state, [signTx(op, stakeNodeMsg(op, { value: 1_000n * POKT, output }))]), 'ok');
  // OEDIT switched on by the first tx: the current output is an extra signer (x/auth/ante.go:73-79)
  // and may change the output (valStateChanges.go:249-256) → the second tx is delivered.
  const on = produce(state, [signTx(OWNER, upgrade(OWNER, 1n, 'FEATURE', ['OEDIT:1'])), signTx(output, stakeNodeMsg(op, { value: 1_000n * POKT, output: op }))]);
  assert.equal(on.receipts.map(code), ['ok', 'ok']);
  assert.is(state.nodes.validators.get(op.address)!.outputAddress, op.address);
  // …and switched off again ("OEDIT:0", codec.go:281 needs a non-zero height): the output is no
  // signer any more, GetSigners is {operator, message output} (x/nodes/types/msg.go:202-204) → sdk:4.
  expectOnly(produce(state, [signTx(op, stakeNodeMsg(op, { value: 1_000n * POKT, output }))]), 'ok');
  const off = produce(state, [signTx(OWNER, upgrade(OWNER, 1n, 'FEATURE', ['OEDIT:0'])), signTx(output, stakeNodeMsg(op, { value: 1_000n * POKT, output: op }))]);
  assert.equal(off.receipts.map(code), ['ok', 'sdk:4']);
});

upgrades('a ParamChange of gov/upgrade keeps OldUpgradeHeight and Features when its value omits them (amino leaves omitempty fields of the stored value)', () => {
  // types/param.go:235-236: Update decodes into the stored value; go-amino v0.15.1 json-decode.go:399-405
  // zeroes a missing field only when it is not omitempty — Height and Version are, OldUpgradeHeight and
  // Features are `omitempty` (x/gov/types/gov.pb.go:213-216).
  const state = chain();
  expectOnly(produce(state, [signTx(OWNER, upgrade(OWNER, 500n, '0.11.0', ['RSCAL:450']))]), 'ok');
  expectOnly(produce(state, [signTx(OWNER, upgrade(OWNER, 800n, '0.11.1'))]), 'ok');
  assert.equal(state.params().gov.upgrade, { height: 800n, version: '0.11.1', oldUpgradeHeight: 500n, features: ['RSCAL:450'] });
  expectOnly(produce(state, [signTx(OWNER, paramChange(OWNER, 'gov/upgrade', '{"type":"gov/upgrade","value":{"Height":"900","Version":"0.12.0"}}'))]), 'ok');
  assert.equal(state.params().gov.upgrade, { height: 900n, version: '0.12.0', oldUpgradeHeight: 500n, features: ['RSCAL:450'] });
  // Present fields replace (null → the zero value, json-decode.go null case): Features emptied.
  expectOnly(produce(state, [signTx(OWNER, paramChange(OWNER, 'gov/upgrade', '{"type":"gov/upgrade","value":{"Height":"900","Version":"0.12.0","OldUpgradeHeight":"7","Features":null}}'))]), 'ok');
  assert.equal(state.params().gov.upgrade, { height: 900n, version: '0.12.0', oldUpgradeHeight: 7n, features: [] });
});

upgrades('an upgrade version is refused only when CompareVersionStrings with this ledger\'s version fails (types/utils.go:157-197 parses chunk by chunk and stops at the first difference)', () => {
  const state = chain();
  // "0.13.x": chunk 1 already decides (12 < 13, utils.go:179-181), "x" is never parsed → no error,
  // pocket-core stores it and halts at its height.
  expectOnly(produce(state, [signTx(OWNER, upgrade(OWNER, 500n, '0.13.x'))]), 'ok');
  // "1.0.0-beta": chunk 0 decides (0 < 1).
  expectOnly(produce(state, [signTx(OWNER, upgrade(OWNER, 600n, '1.0.0-beta'))]), 'ok');
  assert.equal(state.params().gov.upgrade.version, '1.0.0-beta');
  // "0.12.0-rc": chunk 2 is compared → Atoi("0-rc") fails (utils.go:174-177) → ledger:14.
  expectOnly(produce(state, [signTx(OWNER, upgrade(OWNER, 700n, '0.12.0-rc'))]), 'ledger:14');
});

upgrades('versions compare as CompareVersionStrings: 0.8.2 < 0.12.0, 0.8 < 0.8.2, equal, incomparable', () => {
  assert.equal([compareVersions('0.8.2', '0.12.0'), compareVersions('0.8', '0.8.2'), compareVersions('1.0.0', '1.0.0'), compareVersions('0.12.0', '0'), compareVersions('RC-0.12.0', '0.1')], [-1, -1, 0, 1, undefined]);
  // strconv.Atoi (utils.go:169-177): a sign and leading zeros are read; chunks after the deciding one
  // and past the shorter version's length are never parsed (utils.go:168-194).
  assert.equal([compareVersions('0.12.0', '+0.012.0'), compareVersions('0.12.0', '0.13.x'), compareVersions('0.12.0', '0.12.0.x'), compareVersions('0.12.0', '0.12.x'), compareVersions('0.12.0', '0..1')], [0, -1, -1, undefined, undefined]);
  assert.is(LEDGER_PROTOCOL_VERSION, '0.12.0');
  assert.is(upgradeHaltReason({ height: 57616n, version: '0.8.2', oldUpgradeHeight: 45353n, features: [] }, 60_000), undefined, 'an older version never halts');
});

const halt = suite('gov: reaching an unsupported upgrade stops the chain');

halt('Upgrade to 0.13.0 at height 4: block 3 is produced, the producer refuses block 4, applyBlock refuses it too', () => {
  const state = chain();
  const twin = chain();
  produce(state, [signTx(OWNER, upgrade(OWNER, 4n, '0.13.0'))]);
  produce(twin);
  produce(state);
  produce(twin);
  produce(state); // block 3
  produce(twin);
  const meta = state.chain.meta.get('meta')!;
  try {
    buildBlock(state, { timeNs: meta.lastBlockTimeNs + BLOCK_INTERVAL_NS, txs: [] });
    assert.unreachable('the producer must refuse');
  } catch (error) {
    assert.instance(error, UpgradeRequiredError);
    assert.is((error as UpgradeRequiredError).code, 'upgrade_required');
    assert.match((error as Error).message, /upgrade required: from height 4 the chain runs version 0\.13\.0; this ledger implements 0\.12\.0/);
  }
  // A block for height 4 from elsewhere (here: the twin chain without the upgrade) is refused too.
  const foreign = buildBlock(twin, { timeNs: meta.lastBlockTimeNs + BLOCK_INTERVAL_NS, txs: [] });
  try {
    applyBlock(state, foreign);
    assert.unreachable('applyBlock must refuse');
  } catch (error) {
    assert.instance(error, BlockRejectedError);
    assert.is((error as BlockRejectedError).code, 'upgrade_required');
  }
  assert.is(state.chain.meta.get('meta')!.height, 3);
});

halt('the CLI reports the producer refusal as a coded error (upgrade_required, exit 1), not an internal error', () => {
  const mapped = asCliError(new UpgradeRequiredError('upgrade required: from height 4 the chain runs version 0.13.0'));
  assert.instance(mapped, CliError);
  assert.is((mapped as CliError).code, 'upgrade_required');
});

halt('an upgrade to a version this ledger implements (0.12.0 or older) at any height never stops it', () => {
  const state = chain();
  expectOnly(produce(state, [signTx(OWNER, upgrade(OWNER, 2n, '0.12.0'))]), 'ok');
  produce(state);
  produce(state);
  assert.is(state.chain.meta.get('meta')!.height, 3);
});

treasury.run();
upgrades.run();
halt.run();
