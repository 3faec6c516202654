/**
 * Goal: every answer the projection gives "as of" a height equals the reducer's own answer at
 * that height — for nodes, apps, balances, signing infos, supply, params and claims, at random
 * heights and for random entities (also ones that never existed or no longer exist).
 * Method: a simulated chain with every message kind (test/helpers/projection.ts, seeded) is
 * projected; the log is then replayed, and at seeded sample heights the reducer's query
 * functions (src/modules/*\/queries.ts) over the live replayed state are compared with
 * ProjectionQueries over SQLite. Height 0 compares against the imported genesis state.
 */
import Database from 'better-sqlite3';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import { Prng } from '../../../src/core/prng.js';
import { queryApp, queryApps } from '../../../src/modules/apps/queries.js';
import { balanceOf } from '../../../src/modules/auth/bank.js';
import { querySupply } from '../../../src/modules/auth/queries.js';
import { allParams } from '../../../src/modules/gov/queries.js';
import { queryNode, queryNodes } from '../../../src/modules/nodes/queries.js';
import { VALIDATOR_SET_KEY } from '../../../src/modules/nodes/state.js';
import { nodeClaims } from '../../../src/modules/pocketcore/queries.js';
import { ProjectionQueries } from '../../../src/projection/queries.js';
import { projectionFile } from '../../../src/projection/store.js';
import { loadGenesisOfDataDir } from '../../../src/runtime/data-dir.js';
import { project } from '../../../src/projection/run.js';
import { replay } from '../../../src/runtime/replay.js';
import { copyDataDir, PROJECTION_SIM_BLOCKS, PROJECTION_SIM_SEED, projectionSimChain } from '../../helpers/projection.js';

const SAMPLE_HEIGHTS = 30;
const ENTITIES_PER_HEIGHT = 16;
const NEVER_SEEN = ['0000000000000000000000000000000000000001', 'ffffffffffffffffffffffffffffffffffffffff'];

const test = suite('projection: SQLite answers = reducer answers at every sampled height');

function sampleHeights(prng: Prng): Set<number> {
  const heights = new Set([0, 1, PROJECTION_SIM_BLOCKS]);
  while (heights.size < SAMPLE_HEIGHTS) heights.add(prng.int(PROJECTION_SIM_BLOCKS + 1));
  return heights;
}

/** Addresses to sample from, per kind (each also holds the never-seen ones), so every kind gets live entities. */
function universes(db: Database.Database): string[][] {
  const of = (sql: string): string[] => [...(db.prepare(sql).all() as Array<{ address: string }>).map((row) => row.address), ...NEVER_SEEN];
  return [
    of('SELECT DISTINCT address FROM nodes ORDER BY 1'),
    of('SELECT DISTINCT address FROM apps ORDER BY 1'),
    of('SELECT DISTINCT servicer AS address FROM claims ORDER BY 1'),
    of('SELECT DISTINCT address FROM balances ORDER BY 1'),
  ];
}

const valueOr = <T>(result: { ok: true; value: T } | { ok: false }): T | undefined => (result.ok ? result.value : undefined);

/** Comparisons made, and how many of them had something to compare (an entity that existed). */
const tally = { checks: 0, present: new Map<string, number>() };

function compareAt(state: LedgerState, height: number, sql: ProjectionQueries, pools: readonly string[][], prng: Prng): void {
  const where = `at height ${height} (seed ${PROJECTION_SIM_SEED})`;
  const same = (actual: unknown, expected: unknown, what: string): void => {
    assert.equal(actual, expected, `${what} ${where}`);
    tally.checks++;
    const kind = what.split(' ')[0]!;
    if (expected !== undefined && expected !== 0n && !(Array.isArray(expected) && expected.length === 0)) tally.present.set(kind, (tally.present.get(kind) ?? 0) + 1);
  };
  for (let i = 0; i < ENTITIES_PER_HEIGHT; i++) {
    const pool = pools[i % pools.length]!;
    const address = pool[prng.int(pool.length)]!;
    same(sql.node(address, height), valueOr(queryNode(state, address)), `node ${address}`);
    same(sql.app(address, height), valueOr(queryApp(state, address)), `app ${address}`);
    same(sql.balance(address, height), balanceOf(state.auth, address as never), `balance ${address}`);
    same(sql.signingInfo(address, height), state.slashing.signingInfos.get(address), `signing info ${address}`);
    same(sql.claims(height, address), nodeClaims(state, address as never), `claims of ${address}`);
  }
  same(sql.supply(height), querySupply(state.auth), 'supply');
  same(sql.validatorSet(height), state.nodes.validatorSet.get(VALIDATOR_SET_KEY) ?? [], 'validator set');
  same(sql.allParams(height), allParams(state.params(), height), 'allparams');
  same(sql.claims(height), nodeClaims(state, undefined), 'all claims');
  for (const options of [{}, { stakingStatus: 1 }, { jailedStatus: 1 }, { jailedStatus: 2, page: 2, perPage: 3 }, { blockchain: '0001' }]) {
    same(sql.nodes(height, options), queryNodes(state, options), `nodes ${JSON.stringify(options)}`);
  }
  for (const options of [{}, { stakingStatus: 1 }, { stakingStatus: 2, page: 2, perPage: 2 }]) same(sql.apps(height, options), queryApps(state, options), `apps ${JSON.stringify(options)}`);
}

test(`a ${PROJECTION_SIM_BLOCKS}-block simulated chain: nodes, apps, balances, signing infos, claims, supply, params, validator set`, async () => {
  const copy = copyDataDir(await projectionSimChain(), 'projection-equivalence');
  try {
    await project(copy.dir);
    const db = new Database(projectionFile(copy.dir), { readonly: true });
    db.defaultSafeIntegers(true);
    const sql = new ProjectionQueries(db);
    const prng = new Prng(PROJECTION_SIM_SEED);
    const heights = sampleHeights(prng);
    const pools = universes(db);
    compareAt(loadGenesisOfDataDir(copy.dir).state, 0, sql, pools, prng);
    let compared = 1;
    await replay(copy.dir, {
      trustSignatures: true,
      onBlock: (result, state) => {
        if (!heights.has(result.height)) return;
        compareAt(state, result.height, sql, pools, prng);
        compared++;
      },
    });
    db.close();
    assert.is(compared, heights.size, 'every sampled height was compared');
    // The sample must reach live entities of every kind, not only absent ones.
    for (const kind of ['node', 'app', 'balance', 'signing', 'claims']) assert.ok((tally.present.get(kind) ?? 0) >= 20, `${kind}: only ${tally.present.get(kind) ?? 0} comparisons with a live entity`);
    assert.ok(tally.checks >= SAMPLE_HEIGHTS * (ENTITIES_PER_HEIGHT * 5 + 12), `${tally.checks} comparisons`);
  } finally {
    copy.remove();
  }
});

test.run();
