/**
 * Goal: every value governance can make is projected exactly, in SQLite and in PostgreSQL, not
 * only every amount. Seven extreme parameter values leave a number past int64 outside the uPOKT
 * amounts, and pocket-core RC-0.12.0 keeps running with each:
 *   - AppUnstakingTime, UnstakingTime or DowntimeJailDuration of 2^63 − 1 ns: an unstaking
 *     completion or jailed-until time of block time + 2^63 − 1 ns, past 2^63 ns (Go's time.Time
 *     holds it: BlockHeader().Time.Add in x/apps/keeper/appStateChanges.go:221,
 *     x/nodes/keeper/valStateChanges.go:439 and, for the downtime jail, x/nodes/keeper/slash.go:289);
 *   - BaseRelaysPerPOKT at int64's bounds or StabilityAdjustment at int64 max: an app's max relays
 *     past int64 (sdk.BigInt, x/apps/keeper/application.go:145-166: capped at 2^64 − 1 above,
 *     unbounded below);
 *   - ServicerStakeWeightCeiling −2^63: a floored stake below −2^63 in a reward line.
 * The projection refused each (`amount_out_of_range`) until migration 009-wide-integers.sql.
 * Method: each chain (the param-extremes script, the value in force from block 1 or the genesis)
 * is written, projected into SQLite and into PostgreSQL; both backends' apps, nodes and signing
 * infos at the last height must equal the reducer's own state (modules/*\/queries.ts over the
 * writer's live state: no projection code), their answers (apps, nodes, signing infos, reward
 * lines) at every height must equal each other, and the number past int64 the case is about
 * must be among them at some height (so the test is about that number:
 * a threshold check, independent of both sides); each backend is projected in two runs (a
 * restarted projector resumes from those rows) and its query routes answer alike, with no JSON
 * number past 2^53 (strings, as pocket-core prints them). The audit of the same chains is
 * test/unit/gov/param-extremes-audit.test.ts.
 */
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { appJson } from '../../../src/modules/apps/queries.js';
import { nodeJson } from '../../../src/modules/nodes/queries.js';
import { parseRfc3339Ns } from '../../../src/core/time.js';
import { PARAM_SPECS_BY_KEY } from '../../../src/params/registry.js';
import { PgReadStore } from '../../../src/projection/pg/read-store.js';
import type { ReadStore } from '../../../src/projection/read-store.js';
import { project } from '../../../src/projection/run.js';
import { openSqliteReadStore } from '../../../src/projection/sqlite-read-store.js';
import { replayedStateSource } from '../../../src/query/replayed-state.js';
import { createQueryServer } from '../../../src/query/service.js';
import { caseLabel, dataDirChain, extremeChainWay } from '../../helpers/param-extremes.js';
import { freshDatabase } from '../../helpers/postgres.js';
import { postTo } from '../../helpers/query.js';
import { scratch } from '../../helpers/sim.js';

const test = suite('projection: the numbers past int64 that governance makes are stored and read back exactly (SQLite and PostgreSQL)');

const INT64_MAX = 9_223_372_036_854_775_807n;
const INT64_MIN = -9_223_372_036_854_775_808n;
const outsideInt64 = (value: bigint): boolean => value > INT64_MAX || value < INT64_MIN;

interface Answers {
  readonly apps: unknown[];
  readonly nodes: unknown[];
  readonly signingInfos: unknown[];
  readonly rewardLines: unknown[];
}

/** Which number past int64 each case must leave in the answers. */
type Witness = (answers: Answers) => boolean;

const laterThanInt64 = (time: string): boolean => parseRfc3339Ns(time)! > INT64_MAX;
const unstakingTimePast = (list: 'apps' | 'nodes'): Witness => (a) => (a[list] as Array<{ unstaking_time: string }>).some((x) => laterThanInt64(x.unstaking_time));
const jailedUntilPast: Witness = (a) => (a.signingInfos as Array<{ jailedUntilNs: bigint | null }>).some((s) => s.jailedUntilNs !== null && s.jailedUntilNs > INT64_MAX);
const maxRelaysPast: Witness = (a) => (a.apps as Array<{ max_relays: string }>).some((app) => outsideInt64(BigInt(app.max_relays)));
const flooredStakeBelow: Witness = (a) => (a.rewardLines as Array<{ flooredStakeUpokt: bigint | null }>).some((line) => line.flooredStakeUpokt !== null && line.flooredStakeUpokt < INT64_MIN);

const CASES: ReadonlyArray<readonly [string, string, Witness]> = [
  ['application/AppUnstakingTime', '"9223372036854775807"', unstakingTimePast('apps')],
  ['pos/UnstakingTime', '"9223372036854775807"', unstakingTimePast('nodes')],
  ['pos/DowntimeJailDuration', '"9223372036854775807"', jailedUntilPast],
  ['application/BaseRelaysPerPOKT', '"9223372036854775807"', maxRelaysPast],
  ['application/BaseRelaysPerPOKT', '"-9223372036854775808"', maxRelaysPast],
  ['application/StabilityAdjustment', '"9223372036854775807"', maxRelaysPast],
  ['pos/ServicerStakeWeightCeiling', '"-9223372036854775808"', flooredStakeBelow],
];

async function answersAt(store: ReadStore, height: number): Promise<Answers> {
  const rewards = await store.rewardLines({ fromHeight: height, toHeight: height }, { page: 1, perPage: 10_000 });
  return { apps: [...(await store.apps(height))], nodes: [...(await store.nodes(height))], signingInfos: [...(await store.signingInfos(height))], rewardLines: [...rewards.items] };
}

/**
 * A JSON number a JS client would round: 16 or more digits not inside a string (after `:`, `,`
 * or `[`). Pocket-core prints max relays (sdk.BigInt) and amounts as strings, times in RFC 3339.
 */
const UNSAFE_NUMBER = /[:,[]\s*-?\d{16,}/;

/** The query routes' JSON for apps, nodes and signing infos at every height and the reward lines: each 200, no unsafe number. */
async function routeAnswers(store: ReadStore, dataDir: string, last: number, backend: string): Promise<string[]> {
  const app = await createQueryServer(store, { dispatchState: replayedStateSource(dataDir) });
  const texts: string[] = [];
  try {
    const asks: Array<[string, unknown]> = [['/v1/query/rewards', { from_height: 0, to_height: last, per_page: 1000 }]];
    for (let height = 0; height <= last; height++) for (const path of ['/v1/query/apps', '/v1/query/nodes', '/v1/query/signinginfo']) asks.push([path, { height, per_page: 1000 }]);
    for (const [path, body] of asks) {
      const reply = await postTo(app, path, body);
      assert.is(reply.status, 200, `${backend} ${path} ${JSON.stringify(body)}: ${reply.text}`);
      assert.not.match(reply.text, UNSAFE_NUMBER, `${backend} ${path} ${JSON.stringify(body)}: a bare number past 2^53`);
      texts.push(reply.text);
    }
  } finally {
    await app.close();
  }
  return texts;
}

/** The answers at every height from the genesis to `last` (a wide value may live only a few blocks: an app's max relays until it unstakes). */
async function answersUpTo(store: ReadStore, last: number): Promise<Answers[]> {
  const all: Answers[] = [];
  for (let height = 0; height <= last; height++) all.push(await answersAt(store, height));
  return all;
}

for (const [key, value, witness] of CASES) {
  const label = caseLabel(key, value);
  test(`${label}: SQLite and PostgreSQL answer the reducer's state, the number past int64 among it`, async () => {
    const way = extremeChainWay(PARAM_SPECS_BY_KEY.get(key)!, value);
    assert.ok(way !== undefined, `${label} takes effect (a ParamChange or the genesis)`);
    const work = scratch('wide-integers');
    try {
      const chain = await dataDirChain(work.dir, way.genesisJson);
      let reducer: Omit<Answers, 'rewardLines'>;
      try {
        way.build(chain);
        const state = chain.state;
        reducer = {
          apps: [...state.apps.applications.sortedEntries()].map(([, app]) => appJson(app)),
          nodes: [...state.nodes.validators.sortedEntries()].map(([, validator]) => nodeJson(validator)),
          signingInfos: [...state.slashing.signingInfos.sortedEntries()].map(([, info]) => info),
        };
      } finally {
        chain.close();
      }
      const dataDir = join(work.dir, 'chain');
      // Each in two runs, so a restarted projector resumes from rows holding the wide values
      // (the times from block 15–16, the max relays from the stakes, the floored stakes from 14).
      await project(dataDir, { to: 16 });
      await project(dataDir);
      const db = await freshDatabase('wide_integers');
      await project(dataDir, { postgres: db.primary, to: 19, pgBulkMode: 'copy' });
      await project(dataDir, { postgres: db.primary, pgBulkMode: 'insert' });
      const sqlite = openSqliteReadStore(dataDir);
      const pg = await PgReadStore.open(db.primary, 2);
      try {
        const height = (await sqlite.latestHeight())!;
        assert.is(await pg.latestHeight(), height);
        const fromSqlite = await answersUpTo(sqlite, height);
        const fromPg = await answersUpTo(pg, height);
        for (const [backend, answers] of [['SQLite', fromSqlite], ['PostgreSQL', fromPg]] as const) {
          const last = answers[height]!;
          assert.equal(last.apps, reducer.apps, `${backend} apps at ${height}`);
          assert.equal(last.nodes, reducer.nodes, `${backend} nodes at ${height}`);
          assert.equal(last.signingInfos, reducer.signingInfos, `${backend} signing infos at ${height}`);
          assert.ok(answers.some(witness), `${backend}: the number past int64 of ${label} is among the answers of some height`);
        }
        assert.equal(fromPg, fromSqlite, 'every height: PostgreSQL = SQLite');
        assert.equal(await routeAnswers(pg, dataDir, height, 'PostgreSQL'), await routeAnswers(sqlite, dataDir, height, 'SQLite'), 'the routes: PostgreSQL = SQLite');
      } finally {
        await sqlite.close();
        await pg.close();
      }
    } finally {
      work.remove();
    }
  });
}

test.run();
