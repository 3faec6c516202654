/**
 * Goal: the audit explains a chain whose governance switches on PerChainRTTM and RSCAL at a
 * height already reached — the ledger's documented rule (docs/protocol-choices.md, Governance;
 * src/modules/gov/activation.ts activatedWithoutHook): the feature is active at once
 * (IsAfterNamedFeatureActivationHeight tests >=, pocket-core codec/codec.go:316-319) but its
 * activation hook never runs (IsOnNamedFeatureActivationHeight tests ==, codec/codec.go:321-324;
 * hooks x/nodes/module.go:127-142, x/gov/module.go:170-200), so its params read as an absent key:
 * the RTTM map {} (x/nodes/keeper/params.go:113-119), RSCAL the hook's defaults (the ledger's
 * choice; pocket-core would read 0 and panic, x/nodes/keeper/params.go:121-145, reward.go:33).
 * A genesis whose features are off still carries values for their params (the ledger stores
 * them; pocket-core's InitGenesis would not, types/param.go:306-313): the per-chain RTTM 3,000
 * and PIP-22 floor 20,000 POKT / ceiling 60,000 POKT, which would weigh the simulator's
 * 100,000 POKT nodes 3 instead of 1. Both values feed the audit's reward recomputation
 * (ParamTracker.multiplier, pip22), so an audit that keeps them reports every later proof.
 * Method: a simulated chain (relays and sends, seed 21) from a genesis listing
 * ["PerChainRTTM:1000", "RSCAL:1000"], OWNER owning gov/upgrade; after block 16, a block with a
 * MsgUpgrade FEATURE ["PerChainRTTM:5"] (pocket-core sets its feature map at delivery,
 * x/gov/keeper/subspace.go:186-188); after block 30, a block with a ParamChange of gov/upgrade
 * naming RSCAL at its own height (the ledger's features table reads it from the next block on;
 * pocket-core's ModifyParam leaves the map alone, subspace.go:199-234 — docs/protocol-choices.md);
 * then 24 more simulated blocks, projected and audited: 0 mismatches, and proofs were paid
 * after both upgrades.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runAudit } from '../../../src/audit/index.js';
import { decideParamChange } from '../../../src/audit/independent/gov.js';
import { ParamTracker } from '../../../src/audit/independent/params.js';
import type { Address } from '../../../src/core/types.js';
import type { AclEntry, ParamValue, Upgrade } from '../../../src/params/kinds.js';
import { project } from '../../../src/projection/run.js';
import { ChainWriter } from '../../../src/runtime/chain-writer.js';
import { simulate } from '../../../src/sim/simulator.js';
import { BLOCK_INTERVAL_NS, signTx } from '../../helpers/chain.js';
import { code, govGenesisJson, OWNER, paramChange, upgrade } from '../../helpers/gov-chain.js';
import { scratch } from '../../helpers/sim.js';

const test = suite('audit: features an upgrade switches on at a height already reached');

const DAO = 'ab'.repeat(20);

/** A tracker whose gov/upgrade lists `features`, with stored RTTM and RSCAL values that differ from the hook's. */
function tracker(features: readonly string[]): ParamTracker {
  const upgrade: Upgrade = { height: 0n, version: '0.0.0', oldUpgradeHeight: 0n, features };
  const acl: AclEntry[] = [{ key: 'gov/upgrade', address: DAO as AclEntry['address'] }];
  return new ParamTracker(new Map<string, ParamValue>([
    ['gov/acl', acl], ['gov/daoOwner', DAO], ['gov/upgrade', upgrade],
    ['pos/RelaysToTokensMultiplier', 1000n], ['pos/RelaysToTokensMultiplierMap', { '0011': 3000n }],
    ['pos/ServicerStakeFloorMultiplier', 20_000_000_000n], ['pos/ServicerStakeWeightCeiling', 60_000_000_000n],
    ['pos/ServicerStakeFloorMultiplierExponent', '1'], ['pos/ServicerStakeWeightMultiplier', '1'],
  ]));
}
const features = (list: readonly string[]): Upgrade => ({ height: 0n, version: '0.0.0', oldUpgradeHeight: 0n, features: list });
const bytes = (list: readonly string[]): Uint8Array => new TextEncoder().encode(JSON.stringify({ type: 'gov/upgrade', value: { Height: '0', Version: '0.0.0', Features: list } }));

test('tracker: a past height or the upgrade’s own block → the absent-key values, no owner; the next height → the hook there', () => {
  for (const at of [3, 50]) {
    const p = tracker(['PerChainRTTM:1000', 'RSCAL:1000']);
    p.activateFeatures(50);
    p.setUpgrade(features([`PerChainRTTM:${at}`, `RSCAL:${at}`]));
    assert.equal(p.multiplier('0011', 50), { value: 1000n, source: 'default' }, `the map reads {} (x/nodes/keeper/params.go:113-119), at ${at}`);
    assert.is(p.int('pos/ServicerStakeFloorMultiplier'), 15_000_000_000n, 'RSCAL: the hook’s defaults (the ledger’s choice)');
    assert.is(p.aclOwner('pos/ServicerStakeFloorMultiplier'), undefined, 'no owner: x/gov/module.go:170-200 never runs');
  }
  const next = tracker(['PerChainRTTM:1000']);
  next.activateFeatures(50);
  next.setUpgrade(features(['PerChainRTTM:51']));
  assert.equal(next.stored('pos/RelaysToTokensMultiplierMap'), { '0011': 3000n }, 'untouched until its height');
  next.activateFeatures(51);
  assert.equal(next.stored('pos/RelaysToTokensMultiplierMap'), {});
  assert.is(next.aclOwner('pos/RelaysToTokensMultiplierMap'), DAO);
});

test('tracker: a ParamChange of gov/upgrade is judged at its own block (the rules read it from the next one)', () => {
  const p = tracker(['PerChainRTTM:1000']);
  p.activateFeatures(50);
  assert.ok(p.change('gov/upgrade', bytes(['PerChainRTTM:50'])));
  assert.equal(p.stored('pos/RelaysToTokensMultiplierMap'), {});
  assert.ok(p.featureOff('PerChainRTTM', 50), 'still off for the rest of block 50');
  p.activateFeatures(51);
  assert.not.ok(p.featureOff('PerChainRTTM', 51));
  assert.is(p.aclOwner('pos/RelaysToTokensMultiplierMap'), undefined, 'no hook at 51 (50 ≠ 51)');
});

test('tracker: a feature already on keeps its values; one switched off to a future height gets its hook there again', () => {
  const p = tracker(['RSCAL:10']);
  p.activateFeatures(50);
  p.setUpgrade(features(['RSCAL:5']));
  assert.is(p.int('pos/ServicerStakeFloorMultiplier'), 20_000_000_000n, 'on before and after: nothing written');
  p.setUpgrade(features(['RSCAL:52']));
  assert.is(p.int('pos/ServicerStakeFloorMultiplier'), 20_000_000_000n, 'switched off: nothing written');
  p.activateFeatures(51);
  p.activateFeatures(52);
  assert.is(p.int('pos/ServicerStakeFloorMultiplier'), 15_000_000_000n, 'x/nodes/module.go:127-142 on ==');
  assert.is(p.aclOwner('pos/ServicerStakeFloorMultiplier'), DAO);
});

const encoded = (text: string): Uint8Array => new TextEncoder().encode(text);
const changeBy = (paramKey: string, value: string): Parameters<typeof decideParamChange>[1] => ({ type: 'ParamChange', fromAddress: DAO as Address, paramKey, paramValue: encoded(value) });

test('tracker: stored by its hook and changed by the DAO, switched off, on again at a past height → the stored value stays, and the owner may change it while off', () => {
  // pocket-core: the hook stores the params and makes the owner (x/nodes/module.go:127-142,
  // x/gov/module.go:170-200); nothing deletes them when the feature is switched off; ModifyParam
  // checks only the ACL (x/gov/keeper/subspace.go:199-202); no hook at a past height (codec/codec.go:321-324).
  const p = tracker(['RSCAL:51']);
  p.activateFeatures(50);
  p.activateFeatures(51);
  assert.is(p.int('pos/ServicerStakeFloorMultiplier'), 15_000_000_000n, 'the hook’s default');
  assert.ok(p.change('pos/ServicerStakeFloorMultiplier', encoded('"16000000000"')));
  p.setUpgrade(features(['RSCAL:1000']));
  p.activateFeatures(52);
  assert.ok(p.featureOff('RSCAL', 52));
  assert.is(decideParamChange(p, changeBy('pos/ServicerStakeWeightCeiling', '"70000000000"'), 52), 'ok');
  p.setUpgrade(features(['RSCAL:3']));
  assert.not.ok(p.featureOff('RSCAL', 52));
  assert.is(p.int('pos/ServicerStakeFloorMultiplier'), 16_000_000_000n, 'what the DAO stored');
});

test('tracker: never stored (off at genesis) → whoever the ACL names may change it (ModifyParam checks only the ACL, x/gov/keeper/subspace.go:199-202), which stores it; unnamed → gov:5', () => {
  for (const [named, expected] of [[true, 'ok'], [false, 'gov:5']] as const) {
    const acl = named ? [{ key: 'pos/ServicerStakeFloorMultiplier', address: DAO as AclEntry['address'] }] : [];
    const p = new ParamTracker(new Map<string, ParamValue>([
      ['gov/acl', acl], ['gov/daoOwner', DAO], ['gov/upgrade', features(['RSCAL:1000'])], ['pos/ServicerStakeFloorMultiplier', 20_000_000_000n],
    ]));
    p.activateFeatures(5);
    assert.ok(p.isUnstored('pos/ServicerStakeFloorMultiplier'));
    assert.is(decideParamChange(p, changeBy('pos/ServicerStakeFloorMultiplier', '"16000000000"'), 5), expected, `named: ${named}`);
  }
});

test('tracker: RSCAL’s hook stores PerChainRTTM’s map when it is on with no hook of its own (its SetParams writes every nodes param whose feature is on, types/param.go:298-316); BLOCK’s hook does not', () => {
  // pocket-core: x/nodes/module.go:127-136 GetParams then SetParams; x/pocketcore/module.go:106-113 writes the pocketcore module only.
  const rttm = 'pos/RelaysToTokensMultiplierMap';
  for (const [hook, stored] of [['RSCAL', true], ['BLOCK', false]] as const) {
    const p = tracker(['BLOCK:1000', 'PerChainRTTM:1000', 'RSCAL:1000']);
    p.activateFeatures(50);
    p.setUpgrade(features(['BLOCK:1000', 'PerChainRTTM:3', 'RSCAL:1000', `${hook}:52`]));
    assert.ok(p.isUnstored(rttm), 'on at a past height: never stored');
    p.activateFeatures(51);
    p.activateFeatures(52);
    assert.is(p.isUnstored(rttm), !stored, hook);
  }
});

test('PerChainRTTM (MsgUpgrade) and RSCAL (ParamChange of gov/upgrade) at past heights: every minted uPOKT explained', async () => {
  const tmp = scratch('audit-past-feature');
  try {
    const genesisFile = join(tmp.dir, 'genesis.json');
    writeFileSync(genesisFile, govGenesisJson({
      params: {
        gov: { upgrade: { Height: '0', Version: '0.0.0', Features: ['PerChainRTTM:1000', 'RSCAL:1000'] } },
        pos: {
          relays_to_tokens_multiplier_map: { '0011': '3000', '0022': '3000' },
          servicer_stake_floor_multipler: '20000000000',
          servicer_stake_weight_ceiling: '60000000000',
        },
      },
    }));
    const dataDir = join(tmp.dir, 'chain');
    const run = (blocks: number) => simulate({ dataDir, genesisFile, seed: 21n, blocks, txsPerBlock: 6, fsync: 'never', workers: 0, workloads: ['relays', 'sends'] });
    const governed = async (tx: Uint8Array): Promise<number> => {
      const writer = await ChainWriter.open(dataDir, { fsync: 'never', onWarning: () => undefined });
      try {
        const { result } = writer.produce({ timeNs: writer.lastBlockTimeNs + BLOCK_INTERVAL_NS, txs: [tx] });
        assert.equal(result.receipts.map(code), ['ok'], result.receipts[0]?.log);
        return result.height;
      } finally {
        writer.close();
      }
    };
    await run(16);
    const upgradedAt = await governed(signTx(OWNER, upgrade(OWNER, 1n, 'FEATURE', ['PerChainRTTM:5'])));
    assert.is(upgradedAt, 17);
    await run(13);
    const value = JSON.stringify({ type: 'gov/upgrade', value: { Height: '0', Version: '0.0.0', Features: ['PerChainRTTM:5', 'RSCAL:31'] } });
    assert.is(await governed(signTx(OWNER, paramChange(OWNER, 'gov/upgrade', value))), 31);
    const summary = await run(24);
    assert.is(summary.height, 55);
    await project(dataDir);
    const audit = await runAudit({ dataDir, catchUp: false });
    assert.ok((audit.claim_proof_codes['proof ok'] ?? 0) > 0, 'the chain has valid proofs to pay');
    assert.is(audit.mismatches, 0, JSON.stringify(audit.mismatch_list.slice(0, 3)));
  } finally {
    tmp.remove();
  }
});

test.run();
