/**
 * Goal: a MsgUpgrade that schedules BLOCK, RSCAL or PerChainRTTM at a height already reached
 * (before the tx's block, or the tx's own block) or the next one behaves as in pocket-core
 * RC-0.12.0, or as the ledger's documented choice (docs/protocol-choices.md, "Governance").
 *
 * pocket-core: the features table is read by `IsAfterNamedFeatureActivationHeight`
 * (`height >= featureHeight`, codec/codec.go:316-319) — true at once, for the rest of the
 * upgrade's block too (x/gov/keeper/subspace.go:186-188 writes the global map) — but the
 * activation hooks use `IsOnNamedFeatureActivationHeight` (`height == featureHeight`,
 * codec/codec.go:321-324) in BeginBlock: the params (x/nodes/module.go:127-142,
 * x/pocketcore/module.go:106-113) and their ACL owners (x/gov/module.go:170-200). A height
 * before the upgrade's block, or the block itself (its BeginBlock already ran), never fires
 * them; the next height does. Without the hook:
 *   - no ACL owner: a ParamChange of the key is gov:5 (x/gov/keeper/acl.go:8-15);
 *   - BLOCK: BlockByteSize is never stored and reads 0 (Subspace.Get leaves the int64 unset,
 *     types/param.go:107-126; x/pocketcore/keeper/params.go:64-67), so EndBlock hands Tendermint
 *     nothing (x/pocketcore/keeper/keeper.go:74-78): max_bytes and evidence max_age stay;
 *   - PerChainRTTM: the map reads {} (x/nodes/keeper/params.go:113-119), as the hook would set;
 *   - RSCAL: the four params read 0 and a nil Dec (x/nodes/keeper/params.go:121-145), so every
 *     reward panics on `stake.Mod(0)` (reward.go:33, types/int.go:282-285; slash.go:29 for the
 *     replay burn), recovered as sdk:1 (baseapp/baseapp.go:987-999): proofs never pay. The
 *     ledger's choice: the params the hook would have written (their defaults), still unowned.
 * Method: a test chain whose genesis schedules the three features at height 1000 (inactive,
 * their params never stored, as in pocket-core's InitGenesis, types/param.go:306-313) and whose
 * ACL is mainnet's 35 keys (block 1); at block 5 a real signed MsgUpgrade names each feature at
 * 3 (past), 5 (its own block) or 6 (next). Then, for a feature whose hook ran at 6 (its params
 * stored), upgrades switch it off (":1000") and on again at a past height (":3"): pocket-core
 * keeps what its store holds (the getters have no feature check, x/pocketcore/keeper/params.go:64-67,
 * x/nodes/keeper/params.go:113-145; nothing deletes a stored key), so the hook's defaults or the
 * DAO's values stay; a feature never stored still takes the values above.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { BlockResult } from '../../../src/chain/apply-block.js';
import { applyBlock } from '../../../src/chain/apply-block.js';
import { consensusBlock, keeperBlockByteSize } from '../../../src/chain/consensus-params.js';
import { buildBlock } from '../../../src/chain/producer.js';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import { exportState } from '../../../src/genesis/export.js';
import { importGenesis } from '../../../src/genesis/import.js';
import { parseGenesis } from '../../../src/genesis/parse.js';
import { inactiveFeatures } from '../../../src/modules/gov/features.js';
import { allParamsAt, singleParam } from '../../../src/modules/gov/queries.js';
import { overrideEvents, WHAT_IF_SKIPPED_CHECKS } from '../../../src/runtime/param-override.js';
import { BLOCK_INTERVAL_NS, produce, signTx } from '../../helpers/chain.js';
import { code, eventsOfType, expectOnly, govChain, OWNER, paramChange, templateAclKeys, upgrade } from '../../helpers/gov-chain.js';

const height = (state: LedgerState): number => state.chain.meta.get('meta')!.height;

type Gated = 'BLOCK' | 'RSCAL' | 'PerChainRTTM';

/** A key of each feature and a value its owner could set. */
const PROBE: Record<Gated, { key: string; value: string }> = {
  BLOCK: { key: 'pocketcore/BlockByteSize', value: '"5000000"' },
  RSCAL: { key: 'pos/ServicerStakeFloorMultiplier', value: '"16000000000"' },
  PerChainRTTM: { key: 'pos/RelaysToTokensMultiplierMap', value: '{"0011":"7"}' },
};

/**
 * Genesis: the three features at 1000, consensus max_bytes 5,000,000 (so a hand-over of
 * 4,000,000 shows), and values for the gated params that pocket-core's InitGenesis would not
 * store while their feature is off (types/param.go:306-313).
 */
function chain(): LedgerState {
  const state = govChain({
    validators: [{ key: OWNER, tokensUpokt: 100_000_000_000n }],
    consensusMaxBytes: '5000000',
    params: {
      gov: { upgrade: { Height: '0', Version: '0.0.0', Features: ['BLOCK:1000', 'PerChainRTTM:1000', 'RSCAL:1000'] } },
      pos: { servicer_stake_floor_multipler: '20000000000', relays_to_tokens_multiplier_map: { '0022': '9' } },
      pocketcore: { block_byte_size: '6000000' },
    },
  });
  // The ACL as before these features existed: mainnet's 35 keys (without the ledger's own two policy keys).
  const acl = JSON.stringify({ type: 'gov/non_map_acl', value: templateAclKeys().map((k) => ({ acl_key: k, address: OWNER.address })) });
  expectOnly(produce(state, [signTx(OWNER, paramChange(OWNER, 'gov/acl', acl))]), 'ok');
  while (height(state) < 4) produce(state);
  return state;
}

/** Block 5: MsgUpgrade (features only) naming `feature` at `at`; then blocks 6 and 7. */
function schedule(feature: Gated, at: number): { state: LedgerState; blocks: BlockResult[] } {
  const state = chain();
  const blocks = [produce(state, [signTx(OWNER, upgrade(OWNER, 1n, 'FEATURE', [`${feature}:${at}`]))])];
  expectOnly(blocks[0]!, 'ok');
  blocks.push(produce(state), produce(state));
  return { state, blocks };
}

const keeperBytes = (state: LedgerState): bigint => keeperBlockByteSize(state);
const owned = (state: LedgerState, key: string): boolean => state.params().gov.acl.some((entry) => entry.key === key);
const activations = (blocks: readonly BlockResult[]): number[] => blocks.flatMap((b) => (eventsOfType(b, 'FeatureParamsActivated').length > 0 ? [b.height] : []));

const past = suite('gov: a feature scheduled at a height already reached');

for (const [relation, at] of [['before the upgrade’s block', 3], ['the upgrade’s own block', 5]] as const) {
  for (const feature of ['BLOCK', 'RSCAL', 'PerChainRTTM'] as const) {
    past(`${feature} at ${relation}: active at once, no activation hook, no ACL owner (ParamChange gov:5)`, () => {
      const { state, blocks } = schedule(feature, at);
      assert.not.ok(inactiveFeatures(state.params().gov.upgrade, 5).has(feature), 'IsAfter is true from the upgrade on');
      assert.equal(activations(blocks), [], 'the == height hooks never fire (x/gov/module.go:170-200)');
      assert.not.ok(owned(state, PROBE[feature].key));
      const change = produce(state, [signTx(OWNER, paramChange(OWNER, PROBE[feature].key, PROBE[feature].value))]);
      assert.is(code(change.receipts[0]!), 'gov:5');
    });
  }

  past(`BLOCK at ${relation}: BlockByteSize reads 0, nothing is handed to Tendermint (keeper.go:74-78)`, () => {
    const { state } = schedule('BLOCK', at);
    assert.equal(consensusBlock(state).maxBytes, 5_000_000n, 'max_bytes stays the genesis doc’s');
    assert.is(consensusBlock(state).evidenceMaxAge, 120_000_000_000n, 'no hand-over, so evidence max_age stays too');
    assert.is(keeperBytes(state), 0n);
  });

  past(`PerChainRTTM at ${relation}: the map reads {} (x/nodes/keeper/params.go:113-119)`, () => {
    const { state } = schedule('PerChainRTTM', at);
    assert.equal(state.params().pos.relaysToTokensMultiplierMap, {});
  });

  past(`RSCAL at ${relation}: the ledger's choice — the params the hook would write (pocket-core reads 0 and panics on every reward)`, () => {
    const { state } = schedule('RSCAL', at);
    assert.is(singleParam(state, 'pos/ServicerStakeFloorMultiplier', height(state))!.param_value, '15000000000');
    assert.is(state.params().pos.servicerStakeFloorMultiplier, 15_000_000_000n);
  });
}

past('scheduled for the next height: the hook fires there (defaults and ACL owners); BLOCK hands 4,000,000 over', () => {
  for (const feature of ['BLOCK', 'RSCAL', 'PerChainRTTM'] as const) {
    const { state, blocks } = schedule(feature, 6);
    assert.equal(activations(blocks), [6], feature);
    assert.ok(owned(state, PROBE[feature].key), feature);
    expectOnly(produce(state, [signTx(OWNER, paramChange(OWNER, PROBE[feature].key, PROBE[feature].value))]), 'ok');
  }
  const { state } = schedule('BLOCK', 6);
  assert.is(keeperBytes(state), 4_000_000n);
  assert.equal([consensusBlock(state).maxBytes, consensusBlock(state).evidenceMaxAge], [4_000_000n, 50n]);
});

past('already active: an upgrade moving a feature whose hook ran to an earlier height gives no event and leaves its params and owner alone', () => {
  // pocket-core: the feature was on before the upgrade (IsAfter, codec/codec.go:316-319) and stays
  // on; no hook runs at a past height (==, codec/codec.go:321-324), and nothing else writes the params.
  const { state } = schedule('RSCAL', 6);
  expectOnly(produce(state, [signTx(OWNER, paramChange(OWNER, PROBE.RSCAL.key, PROBE.RSCAL.value))]), 'ok');
  const moved = produce(state, [signTx(OWNER, upgrade(OWNER, 1n, 'FEATURE', ['RSCAL:2']))]);
  expectOnly(moved, 'ok');
  assert.equal(eventsOfType(moved, 'FeatureActivatedWithoutHook'), []);
  produce(state);
  assert.is(state.params().pos.servicerStakeFloorMultiplier, 16_000_000_000n);
  assert.ok(owned(state, PROBE.RSCAL.key));
});

past('switched off to a future height, the hook runs again there: defaults and owner, as x/nodes/module.go:127-142 and x/gov/module.go:170-200 do on ==', () => {
  const { state } = schedule('RSCAL', 6);
  expectOnly(produce(state, [signTx(OWNER, paramChange(OWNER, PROBE.RSCAL.key, PROBE.RSCAL.value))]), 'ok');
  const at = height(state) + 3;
  const off = produce(state, [signTx(OWNER, upgrade(OWNER, 1n, 'FEATURE', [`RSCAL:${at}`]))]);
  expectOnly(off, 'ok');
  assert.equal(eventsOfType(off, 'FeatureActivatedWithoutHook'), [], 'switched off, not on');
  assert.ok(inactiveFeatures(state.params().gov.upgrade, height(state)).has('RSCAL'));
  const blocks = [produce(state), produce(state)];
  assert.equal(activations(blocks), [at]);
  assert.is(state.params().pos.servicerStakeFloorMultiplier, 15_000_000_000n);
  assert.ok(owned(state, PROBE.RSCAL.key));
});

past('a ParamChange of gov/upgrade naming BLOCK at a past height: the same (the features table reads it from the next block)', () => {
  const state = chain();
  const value = JSON.stringify({ type: 'gov/upgrade', value: { Height: '0', Version: '0.0.0', Features: ['BLOCK:3', 'PerChainRTTM:1000', 'RSCAL:1000'] } });
  const block = produce(state, [signTx(OWNER, paramChange(OWNER, 'gov/upgrade', value))]);
  expectOnly(block, 'ok');
  assert.equal(eventsOfType(block, 'FeatureActivatedWithoutHook').map((e) => [e.feature, e.params]), [['BLOCK', [{ key: 'pocketcore/BlockByteSize', value: '0' }]]]);
  produce(state);
  assert.is(keeperBytes(state), 0n);
  assert.equal([consensusBlock(state).maxBytes, consensusBlock(state).evidenceMaxAge], [5_000_000n, 120_000_000_000n]);
  assert.not.ok(owned(state, 'pocketcore/BlockByteSize'));
});

past('a ParamChange of gov/upgrade at h: a feature at h gets no hook (the table reads it from h + 1), one at h + 1 gets its hook at h + 1', () => {
  for (const [offset, hooked] of [[0, false], [1, true]] as const) {
    const state = chain();
    const at = height(state) + 1 + offset;
    const value = JSON.stringify({ type: 'gov/upgrade', value: { Height: '0', Version: '0.0.0', Features: ['BLOCK:1000', `PerChainRTTM:${at}`, 'RSCAL:1000'] } });
    const delivered = produce(state, [signTx(OWNER, paramChange(OWNER, 'gov/upgrade', value))]);
    expectOnly(delivered, 'ok');
    assert.is(eventsOfType(delivered, 'FeatureActivatedWithoutHook').length, hooked ? 0 : 1, `PerChainRTTM:${at}`);
    const next = produce(state);
    assert.equal(activations([delivered, next]), hooked ? [at] : [], `PerChainRTTM:${at}`);
    assert.equal(state.params().pos.relaysToTokensMultiplierMap, {});
    assert.is(owned(state, PROBE.PerChainRTTM.key), hooked);
  }
});

past('allparams at the upgrade’s own block h lists none of the params it switched on; h + 1 does (pocket-core stores them only in a hook at h == H: x/nodes/module.go:127-142, and lists stored keys: x/gov/keeper/subspace.go:71-80)', () => {
  const listed = (state: LedgerState, at: number): boolean => allParamsAt(state, at).node_params.some((p) => p.param_key === PROBE.RSCAL.key);
  // A ParamChange naming RSCAL at h (the features table reads it from h + 1) and a MsgUpgrade naming it at h (on at once).
  for (const via of ['ParamChange', 'MsgUpgrade'] as const) {
    const state = chain();
    const h = height(state) + 1;
    const value = JSON.stringify({ type: 'gov/upgrade', value: { Height: '0', Version: '0.0.0', Features: ['BLOCK:1000', 'PerChainRTTM:1000', `RSCAL:${h}`] } });
    expectOnly(produce(state, [signTx(OWNER, via === 'ParamChange' ? paramChange(OWNER, 'gov/upgrade', value) : upgrade(OWNER, 1n, 'FEATURE', [`RSCAL:${h}`]))]), 'ok');
    assert.is(listed(state, h), false, `${via}: at h`);
    produce(state);
    assert.is(listed(state, h + 1), true, `${via}: at h + 1 (the ledger's choice: listed once on, docs/protocol-choices.md)`);
  }
});

past('a what-if override of gov/upgrade at H (evolved before BeginBlock H) naming a feature below H: the same as a delivered upgrade — no hook, the absent-key values; at H itself the hook runs', () => {
  // The override stands for a ParamChange of gov/upgrade taking effect from H (runtime/param-override.ts);
  // a feature listed below H never meets its == hook (codec/codec.go:321-324), one at H meets it in BeginBlock H.
  for (const [offset, hooked] of [[-2, false], [0, true]] as const) {
    const state = chain();
    const at = height(state) + 1;
    const value = JSON.stringify({ Height: '0', Version: '0.0.0', Features: ['BLOCK:1000', `PerChainRTTM:${at + offset}`, 'RSCAL:1000'] });
    const events = overrideEvents(state, [{ key: 'gov/upgrade', value, height: at }], at);
    const block = buildBlock(state, { timeNs: state.chain.meta.get('meta')!.lastBlockTimeNs + BLOCK_INTERVAL_NS, txs: [] });
    const result = applyBlock(state, block, { whatIf: { events, skipChecks: WHAT_IF_SKIPPED_CHECKS } });
    assert.equal(activations([result]), hooked ? [at] : [], `PerChainRTTM:${at + offset}`);
    assert.equal(state.params().pos.relaysToTokensMultiplierMap, {}, `PerChainRTTM:${at + offset}: the genesis map {"0022": 9} is not what pocket-core would read`);
    assert.is(owned(state, PROBE.PerChainRTTM.key), hooked);
  }
});

past('BLOCK active at a past height, BlockByteSize 0: the export writes max_bytes "0" (app/pocket.go:172) with the limit in pokt_ledger; the import reproduces the state and limit', () => {
  const { state } = schedule('BLOCK', 3);
  const file = exportState(state) as { consensus_params: { block: { max_bytes: string } } };
  assert.is(file.consensus_params.block.max_bytes, '0');
  const genesis = parseGenesis(JSON.stringify(file));
  if (!genesis.ok) throw new Error(JSON.stringify(genesis.error));
  const imported = importGenesis(genesis.value);
  assert.is(consensusBlock(imported).maxBytes, 5_000_000n);
  assert.equal(imported.store.root, state.store.root);
  for (const chainOf of [state, imported]) produce(chainOf);
  assert.equal(imported.store.root, state.store.root);
  assert.is(consensusBlock(imported).maxBytes, 5_000_000n);
});

/**
 * Switched off after its hook stored the params, then on again at a past height. pocket-core's
 * getters read the store with no feature check (x/pocketcore/keeper/params.go:64-67,
 * x/nodes/keeper/params.go:113-145, through Subspace.Get, types/param.go:107-126), nothing deletes
 * a stored key when an upgrade moves the feature's height (x/gov/keeper/subspace.go:130-197 only
 * rewrites gov/upgrade), and the hook never runs again at a past height (codec/codec.go:321-324):
 * the stored values stay, the hook's defaults or what the DAO set since.
 */
function offThenOnInThePast(feature: Gated, daoValue: string | undefined): LedgerState {
  const { state } = schedule(feature, 6);
  if (daoValue !== undefined) expectOnly(produce(state, [signTx(OWNER, paramChange(OWNER, PROBE[feature].key, daoValue))]), 'ok');
  expectOnly(produce(state, [signTx(OWNER, upgrade(OWNER, 1n, 'FEATURE', [`${feature}:1000`]))]), 'ok');
  assert.ok(inactiveFeatures(state.params().gov.upgrade, height(state)).has(feature), 'switched off');
  produce(state);
  const on = produce(state, [signTx(OWNER, upgrade(OWNER, 1n, 'FEATURE', [`${feature}:3`]))]);
  expectOnly(on, 'ok');
  assert.equal(eventsOfType(on, 'FeatureActivatedWithoutHook'), [], 'nothing to write: every key is stored');
  produce(state);
  assert.not.ok(inactiveFeatures(state.params().gov.upgrade, height(state)).has(feature), 'on again');
  return state;
}

past('stored by the hook, off, on again at a past height: BLOCK keeps the hook’s 4,000,000 (x/pocketcore/module.go:106-113 stored it; the keeper reads the store, params.go:64-67)', () => {
  const state = offThenOnInThePast('BLOCK', undefined);
  assert.is(state.params().pocketcore.blockByteSize, 4_000_000n, 'types.DefaultBlockByteSize, stored at 6');
  assert.is(keeperBytes(state), 4_000_000n);
  assert.equal([consensusBlock(state).maxBytes, consensusBlock(state).evidenceMaxAge], [4_000_000n, 50n], 'handed over at 6 (keeper.go:74-100), unchanged since');
});

past('stored, changed by the DAO, off, on again at a past height: the DAO’s values stay (RSCAL 16,000,000,000; PerChainRTTM {"0011": 7}; BLOCK 5,000,000)', () => {
  assert.is(offThenOnInThePast('RSCAL', PROBE.RSCAL.value).params().pos.servicerStakeFloorMultiplier, 16_000_000_000n);
  assert.equal(offThenOnInThePast('PerChainRTTM', PROBE.PerChainRTTM.value).params().pos.relaysToTokensMultiplierMap, { '0011': 7n });
  const block = offThenOnInThePast('BLOCK', PROBE.BLOCK.value);
  assert.is(keeperBytes(block), 5_000_000n);
});

past('stored, then off: the keeper still reads the stored BlockByteSize (no feature check in x/pocketcore/keeper/params.go:64-67)', () => {
  const { state } = schedule('BLOCK', 6);
  expectOnly(produce(state, [signTx(OWNER, upgrade(OWNER, 1n, 'FEATURE', ['BLOCK:1000']))]), 'ok');
  produce(state);
  assert.ok(inactiveFeatures(state.params().gov.upgrade, height(state)).has('BLOCK'));
  assert.is(keeperBytes(state), 4_000_000n);
});

past('never stored, first on at a past height, off, on at a past height again: still the values written the first time (the ledger’s choice for RSCAL; BLOCK 0)', () => {
  for (const feature of ['BLOCK', 'RSCAL'] as const) {
    const { state } = schedule(feature, 3);
    expectOnly(produce(state, [signTx(OWNER, upgrade(OWNER, 1n, 'FEATURE', [`${feature}:1000`]))]), 'ok');
    const on = produce(state, [signTx(OWNER, upgrade(OWNER, 1n, 'FEATURE', [`${feature}:4`]))]);
    expectOnly(on, 'ok');
    assert.is(eventsOfType(on, 'FeatureActivatedWithoutHook').length, 1, `${feature}: pocket-core's store still holds nothing`);
    produce(state);
    if (feature === 'BLOCK') assert.is(keeperBytes(state), 0n);
    else assert.is(state.params().pos.servicerStakeFloorMultiplier, 15_000_000_000n);
  }
});

past('stored, then off: its owner may still change it (ModifyParam checks only the ACL, x/gov/keeper/subspace.go:199-202; the hook made the owner, x/gov/module.go:170-200), and a BLOCK change is handed over (keeper.go:74-100 has no feature check)', () => {
  for (const feature of ['BLOCK', 'RSCAL', 'PerChainRTTM'] as const) {
    const { state } = schedule(feature, 6);
    expectOnly(produce(state, [signTx(OWNER, upgrade(OWNER, 1n, 'FEATURE', [`${feature}:1000`]))]), 'ok');
    assert.ok(inactiveFeatures(state.params().gov.upgrade, height(state) + 1).has(feature));
    expectOnly(produce(state, [signTx(OWNER, paramChange(OWNER, PROBE[feature].key, PROBE[feature].value))]), 'ok');
    const on = produce(state, [signTx(OWNER, upgrade(OWNER, 1n, 'FEATURE', [`${feature}:3`]))]);
    assert.equal(eventsOfType(on, 'FeatureActivatedWithoutHook'), [], feature);
  }
  const { state } = schedule('BLOCK', 6);
  expectOnly(produce(state, [signTx(OWNER, upgrade(OWNER, 1n, 'FEATURE', ['BLOCK:1000']))]), 'ok');
  expectOnly(produce(state, [signTx(OWNER, paramChange(OWNER, PROBE.BLOCK.key, PROBE.BLOCK.value))]), 'ok');
  assert.is(keeperBytes(state), 5_000_000n);
  assert.equal([consensusBlock(state).maxBytes, consensusBlock(state).evidenceMaxAge], [5_000_000n, 50n], '5,000,000 ≠ 4,000,000 at the block before: handed over');
});

past('never stored and off: its owner named early by a gov/acl change may change it, which stores it (ModifyParam checks only the ACL, x/gov/keeper/subspace.go:199-202); unnamed it is gov:5', () => {
  const state = chain();
  assert.is(code(produce(state, [signTx(OWNER, paramChange(OWNER, PROBE.RSCAL.key, PROBE.RSCAL.value))]).receipts[0]!), 'gov:5', 'no owner: the ACL does not list it');
  const acl = JSON.stringify({ type: 'gov/non_map_acl', value: [...templateAclKeys(), PROBE.RSCAL.key].map((k) => ({ acl_key: k, address: OWNER.address })) });
  expectOnly(produce(state, [signTx(OWNER, paramChange(OWNER, 'gov/acl', acl))]), 'ok');
  expectOnly(produce(state, [signTx(OWNER, paramChange(OWNER, PROBE.RSCAL.key, PROBE.RSCAL.value))]), 'ok');
  assert.ok(inactiveFeatures(state.params().gov.upgrade, height(state)).has('RSCAL'), 'RSCAL still off');
  assert.is(state.params().pos.servicerStakeFloorMultiplier, 16_000_000_000n);
  assert.not.ok(state.gov.unstored.has(PROBE.RSCAL.key), 'stored by the change (Subspace.Set)');
  assert.is(singleParam(state, PROBE.RSCAL.key, height(state))?.param_value, '16000000000', 'listed: pocket-core lists stored keys (x/gov/keeper/subspace.go:71-80)');
});

past('a genesis that schedules a gated feature for later gives its keys no ACL owner (pocket-core adds it with the hook, x/gov/module.go:170-200): switched on at a past height, they stay unowned', () => {
  // No ACL change at block 1 here: the genesis ACL is the 35 template keys, completed by the parser.
  const state = govChain({
    validators: [{ key: OWNER, tokensUpokt: 100_000_000_000n }],
    params: { gov: { upgrade: { Height: '0', Version: '0.0.0', Features: ['BLOCK:1000', 'PerChainRTTM:1000', 'RSCAL:1000'] } } },
  });
  for (const feature of ['BLOCK', 'RSCAL', 'PerChainRTTM'] as const) assert.not.ok(owned(state, PROBE[feature].key), `${feature}: no owner at genesis`);
  assert.ok(owned(state, 'pos/FeeBurnPercentage'), 'an ungated key the genesis does not list is owned by the DAO owner');
  expectOnly(produce(state, [signTx(OWNER, upgrade(OWNER, 1n, 'FEATURE', ['RSCAL:1']))]), 'ok');
  assert.is(code(produce(state, [signTx(OWNER, paramChange(OWNER, PROBE.RSCAL.key, PROBE.RSCAL.value))]).receipts[0]!), 'gov:5', 'on, no hook, no owner');
});

past('BLOCK stored by its hook, then off: the export writes the stored 4,000,000 as max_bytes (app/pocket.go:172 reads the keeper, params.go:64-67); the import reproduces the state', () => {
  const { state } = schedule('BLOCK', 6);
  expectOnly(produce(state, [signTx(OWNER, upgrade(OWNER, 1n, 'FEATURE', ['BLOCK:1000']))]), 'ok');
  const file = exportState(state) as { consensus_params: { block: { max_bytes: string } }; pokt_ledger: Record<string, unknown> };
  assert.is(file.consensus_params.block.max_bytes, '4000000');
  assert.not.ok('block_max_bytes' in file.pokt_ledger);
  const genesis = parseGenesis(JSON.stringify(file));
  if (!genesis.ok) throw new Error(JSON.stringify(genesis.error));
  const imported = importGenesis(genesis.value);
  assert.equal(imported.store.root, state.store.root);
  assert.is(keeperBlockByteSize(imported), 4_000_000n);
});

/**
 * pocket-core's allparams lists every key its store holds (GetAllParamNameValue iterates each
 * subspace's stored keys, x/gov/keeper/subspace.go:71-80) with no feature check, and nothing
 * deletes a stored key when an upgrade switches its feature off (subspace.go:130-197 rewrites
 * gov/upgrade only). So a key stored by its hook is still listed once its feature is off; one
 * never stored is not.
 */
past('stored by the hook, then off: allparams still lists the key with its stored value; never stored and off: not listed', () => {
  const listed = (state: LedgerState, key: string): string | undefined =>
    Object.values(allParamsAt(state, height(state))).flat().find((p) => p.param_key === key)?.param_value;
  const stored = { BLOCK: '4000000', RSCAL: '15000000000', PerChainRTTM: '{}' } as const; // the hooks' defaults
  for (const feature of ['BLOCK', 'RSCAL', 'PerChainRTTM'] as const) {
    const { state } = schedule(feature, 6);
    expectOnly(produce(state, [signTx(OWNER, upgrade(OWNER, 1n, 'FEATURE', [`${feature}:1000`]))]), 'ok');
    produce(state);
    assert.ok(inactiveFeatures(state.params().gov.upgrade, height(state)).has(feature), `${feature} off`);
    assert.is(listed(state, PROBE[feature].key), stored[feature], feature);
    assert.is(listed(chain(), PROBE[feature].key), undefined, `${feature}: never stored`);
  }
});

/**
 * RSCAL's hook writes with the nodes module's SetParams (x/nodes/module.go:127-136), which stores
 * every nodes param whose feature is on (SetParamSet skips only the others, types/param.go:
 * 298-316) with the value GetParams read — so PerChainRTTM's map, on since a past height with no
 * hook of its own, is stored there too, as {} (amino writes a nil map as {}, go-amino v0.15.1
 * json-encode.go:338-400). BLOCK's hook writes the pocketcore module only
 * (x/pocketcore/module.go:106-113). Chain: block 5 a MsgUpgrade ["PerChainRTTM:3", X:7]; at 7 X's
 * hook; block 8 switches PerChainRTTM off. Stored, the map is listed by allparams.
 */
past('another hook’s SetParams stores an on but unstored key of its module: RSCAL’s hook stores the RTTM map; BLOCK’s does not', () => {
  const rttm = PROBE.PerChainRTTM.key;
  for (const [hook, storesMap] of [['RSCAL', true], ['BLOCK', false]] as const) {
    const state = chain();
    expectOnly(produce(state, [signTx(OWNER, upgrade(OWNER, 1n, 'FEATURE', ['PerChainRTTM:3', `${hook}:7`]))]), 'ok');
    assert.ok(state.gov.unstored.has(rttm), 'on since 3, no hook: unstored');
    const hooked = [produce(state), produce(state)];
    assert.equal(eventsOfType(hooked[1]!, 'FeatureParamsActivated').map((e) => [e.feature, e.storedAlso]), [[hook, storesMap ? [rttm] : []]], hook);
    assert.is(state.gov.unstored.has(rttm), !storesMap, hook);
    expectOnly(produce(state, [signTx(OWNER, upgrade(OWNER, 1n, 'FEATURE', ['PerChainRTTM:1000']))]), 'ok');
    assert.ok(inactiveFeatures(state.params().gov.upgrade, height(state) + 1).has('PerChainRTTM'));
    const listed = Object.values(allParamsAt(state, height(state))).flat().find((p) => p.param_key === rttm);
    assert.equal(listed?.param_value, storesMap ? '{}' : undefined, `${hook}: allparams`);
  }
});

past.run();
