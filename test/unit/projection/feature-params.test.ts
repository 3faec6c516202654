/**
 * Goal: the params projection answers allparams as the reducer does across feature activations —
 * a feature whose hook runs on its height (FeatureParamsActivated: the params' defaults AND the
 * DAO owner as their ACL owner, x/nodes/module.go:127-142, x/gov/module.go:170-200 — the event
 * carries the resulting `acl`), and a feature an upgrade names at a height already reached
 * (FeatureActivatedWithoutHook: the params as an absent key reads them, no owner; pocket-core's
 * hooks test `height == featureHeight`, codec/codec.go:321-324).
 * Method: a data dir from the gov test genesis (OWNER owns the DAO; BLOCK, PerChainRTTM and
 * RSCAL listed at 1000); block 1 sets gov/acl to the 35 template keys (the ACL before these
 * features, without their keys), block 2 a MsgUpgrade FEATURE ["PerChainRTTM:2", "RSCAL:4"]
 * (PerChainRTTM: its own block, no hook; RSCAL: hook at 4, appending its four keys to the ACL),
 * blocks 3–5 empty; projected; the projection's allparams at every height equals the reducer's
 * (modules/gov/queries.ts allParams on the live state after each block).
 */
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { allParamsAt } from '../../../src/modules/gov/queries.js';
import { PgReadStore } from '../../../src/projection/pg/read-store.js';
import { ProjectionQueries } from '../../../src/projection/queries.js';
import { project } from '../../../src/projection/run.js';
import { projectionFile } from '../../../src/projection/store.js';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import { ChainWriter } from '../../../src/runtime/chain-writer.js';
import { initDataDir } from '../../../src/runtime/data-dir.js';
import { BLOCK_INTERVAL_NS, signTx } from '../../helpers/chain.js';
import { govGenesisJson, OWNER, paramChange, templateAclKeys, upgrade } from '../../helpers/gov-chain.js';
import { freshDatabase } from '../../helpers/postgres.js';
import { scratch } from '../../helpers/sim.js';

const test = suite('projection: feature-gated params and their ACL owners');

/**
 * A data dir from the gov test genesis (OWNER owns the DAO; BLOCK, PerChainRTTM and RSCAL listed
 * at 1000) whose block 1 sets gov/acl to the 35 template keys — the ACL before these features
 * existed (mainnet's, without the ledger's own two policy keys) — and whose next blocks carry `blocks`
 * (each block's txs); `afterBlock` sees the writer's state after every block. Then projected:
 * `check` reads the projection.
 */
async function projectedChain(
  name: string,
  blocks: readonly Uint8Array[][],
  afterBlock: (state: LedgerState, height: number) => void,
  check: (sql: ProjectionQueries) => void,
  checkPostgres?: (store: PgReadStore) => Promise<void>,
): Promise<void> {
  const work = scratch(name);
  try {
    const genesisFile = join(work.dir, 'genesis.json');
    writeFileSync(genesisFile, govGenesisJson({ validators: [{ key: OWNER, tokensUpokt: 100_000_000_000n }], params: { gov: { upgrade: { Height: '0', Version: '0.0.0', Features: ['BLOCK:1000', 'PerChainRTTM:1000', 'RSCAL:1000'] } } } }));
    const dir = join(work.dir, 'chain');
    initDataDir(dir, genesisFile);
    const writer = await ChainWriter.open(dir, { fsync: 'never', onWarning: () => undefined });
    try {
      const acl = JSON.stringify({ type: 'gov/non_map_acl', value: templateAclKeys().map((k) => ({ acl_key: k, address: OWNER.address })) });
      for (const txs of [[signTx(OWNER, paramChange(OWNER, 'gov/acl', acl))], ...blocks]) {
        const { result } = writer.produce({ timeNs: writer.lastBlockTimeNs + BLOCK_INTERVAL_NS, txs });
        afterBlock(writer.state, result.height);
      }
    } finally {
      writer.close();
    }
    await project(dir);
    const db = new Database(projectionFile(dir), { readonly: true });
    try {
      check(new ProjectionQueries(db));
    } finally {
      db.close();
    }
    if (checkPostgres === undefined) return;
    const url = (await freshDatabase(name)).primary;
    await project(dir, { postgres: url });
    const store = await PgReadStore.open(url);
    try {
      await checkPostgres(store);
    } finally {
      await store.close();
    }
  } finally {
    work.remove();
  }
}

test('allparams (gov/acl included) equals the reducer’s after a hook and after a past-height activation', async () => {
  const expected = new Map<number, ReturnType<typeof allParamsAt>>();
  await projectedChain(
    'feature-params',
    [[signTx(OWNER, upgrade(OWNER, 1n, 'FEATURE', ['PerChainRTTM:2', 'RSCAL:4']))], [], [], []],
    (state, height) => expected.set(height, allParamsAt(state, height)),
    (sql) => {
      for (const [height, reducer] of expected) assert.equal(sql.allParams(height), reducer, `allparams at ${height}`);
    },
  );
});

/**
 * pocket-core's allparams lists the keys its store holds (GetAllParamNameValue iterates each
 * subspace's stored keys, x/gov/keeper/subspace.go:71-80); a gated param is stored only by its
 * hook, in BeginBlock of h == H (x/nodes/module.go:127-142, codec/codec.go:321-324), so at the
 * end of an upgrade's own block h nothing new is listed. The ledger lists a feature's params once
 * the features table has it on (docs/protocol-choices.md): a ParamChange of gov/upgrade is read by
 * the table from h + 1, a MsgUpgrade at once — but neither stored anything at h, so from h + 1.
 * Chain: block 2 a ParamChange of gov/upgrade naming RSCAL at 2, block 4 a MsgUpgrade naming
 * PerChainRTTM at 4, then an empty block.
 */
test('allparams at an upgrade’s own block lists no param the upgrade switched on; the next block does', async () => {
  const upgradeValue = JSON.stringify({ type: 'gov/upgrade', value: { Height: '0', Version: '0.0.0', Features: ['BLOCK:1000', 'PerChainRTTM:1000', 'RSCAL:2'] } });
  const blocks = [[signTx(OWNER, paramChange(OWNER, 'gov/upgrade', upgradeValue))], [], [signTx(OWNER, upgrade(OWNER, 1n, 'FEATURE', ['PerChainRTTM:4']))], []];
  await projectedChain('feature-params-own-block', blocks, () => undefined, (sql) => {
    const listed = (height: number, key: string): boolean => sql.allParams(height).node_params.some((p) => p.param_key === key);
    assert.equal([1, 2, 3].map((h) => listed(h, 'pos/ServicerStakeFloorMultiplier')), [false, false, true], 'RSCAL by a ParamChange at 2');
    assert.equal([3, 4, 5].map((h) => listed(h, 'pos/RelaysToTokensMultiplierMap')), [false, false, true], 'PerChainRTTM by a MsgUpgrade at 4');
  });
});

/**
 * pocket-core's allparams lists exactly the keys its store holds (x/gov/keeper/subspace.go:71-80),
 * with no feature check: a gated key stays listed after its feature is switched off if a hook
 * (x/nodes/module.go:127-142), a ParamChange or another hook's SetParams of its module
 * (types/param.go:298-316) stored it; one an upgrade switched on at a past height (no hook, never
 * stored) is listed only while on (the ledger's choice). Chain after block 1's ACL: block 2 a
 * MsgUpgrade ["PerChainRTTM:2", "RSCAL:4"] (PerChainRTTM: no hook; RSCAL's hook at 4 stores the
 * RTTM map too), block 6 ["PerChainRTTM:1000", "RSCAL:1000"] (both off, both stored), block 8
 * ["BLOCK:3"] (on, unstored), block 10 ["BLOCK:1000"] (off, unstored), then an empty block.
 * SQLite's and PostgreSQL's answers equal the reducer's at every height.
 */
test('allparams lists a stored gated key while its feature is off, on SQLite and PostgreSQL, as the reducer does', async () => {
  const expected = new Map<number, ReturnType<typeof allParamsAt>>();
  const up = (features: string[]): Uint8Array[] => [signTx(OWNER, upgrade(OWNER, 1n, 'FEATURE', features))];
  const blocks = [up(['PerChainRTTM:2', 'RSCAL:4']), [], [], [], up(['PerChainRTTM:1000', 'RSCAL:1000']), [], up(['BLOCK:3']), [], up(['BLOCK:1000']), []];
  const listed = (answer: ReturnType<typeof allParamsAt>, key: string): boolean => Object.values(answer).flat().some((p) => p.param_key === key);
  const lists = (answerAt: (height: number) => ReturnType<typeof allParamsAt>, key: string, heights: readonly number[]): boolean[] => heights.map((h) => listed(answerAt(h), key));
  const heights = [3, 4, 6, 7, 8, 9, 10, 11];
  await projectedChain(
    'feature-params-stored',
    blocks,
    (state, height) => expected.set(height, allParamsAt(state, height)),
    (sql) => {
      for (const [height, reducer] of expected) assert.equal(sql.allParams(height), reducer, `SQLite allparams at ${height}`);
      const at = (h: number): ReturnType<typeof allParamsAt> => expected.get(h)!;
      // The reducer itself, by the rule above: stored from 4 and listed while off from 7.
      assert.equal(lists(at, 'pos/ServicerStakeFloorMultiplier', heights), [false, true, true, true, true, true, true, true], 'RSCAL: hook at 4, off from 7, stored');
      assert.equal(lists(at, 'pos/RelaysToTokensMultiplierMap', heights), [true, true, true, true, true, true, true, true], 'RTTM: on from 3, stored at 4 by RSCAL’s SetParams');
      assert.equal(lists(at, 'pocketcore/BlockByteSize', heights), [false, false, false, false, false, true, false, false], 'BLOCK: on at 9 only (unstored; the upgrades of 8 and 10 switch at their next block for listing)');
    },
    async (store) => {
      for (const [height, reducer] of expected) assert.equal(await store.allParams(height), reducer, `PostgreSQL allparams at ${height}`);
    },
  );
});

test.run();
