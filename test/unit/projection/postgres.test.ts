/**
 * Goal: the PostgreSQL projection backend holds exactly what the SQLite one holds — the same
 * rows in every table, hence the same answers as of any height (the SQLite answers are held
 * equal to the reducer's state by equivalence.test.ts) — whether written by COPY or by INSERT,
 * in one go, in steps, after 20 kill -9s during catch-up, or across a restart of the primary.
 * PostgreSQL also equals the reducer directly: at seeded random heights and entities the
 * PostgreSQL ReadStore answers what the replayed state's query functions answer.
 * Method: real servers (scripts/postgres.sh: a primary and a streaming replica) and the seeded
 * simulated chain of test/helpers/projection.ts; table dumps compared row for row; as-of reads
 * at seeded random heights and entities run on both databases. Kill moments from a seeded PRNG.
 * Chain length: PG_TEST_BLOCKS (default 120, so the file runs in a few minutes); the 300-block run
 * of docs/postgresql.md is `PG_TEST_BLOCKS=300 node dist/test/run.js projection/postgres`.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Prng } from '../../../src/core/prng.js';
import { connect, endClient, readerPool } from '../../../src/projection/pg/connect.js';
import { project } from '../../../src/projection/run.js';
import { projectionFile } from '../../../src/projection/store.js';
import { asOfSql } from '../../../src/projection/version-rows.js';
import { copyDataDir, projectionSimChain as simChainOf } from '../../helpers/projection.js';
import { dumpPgTables, freshDatabase, restartPrimary, rowText } from '../../helpers/postgres.js';
import { CLI_PATH } from '../../helpers/sim.js';
import { tcpRelay } from '../../helpers/tcp-relay.js';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import { queryApp, queryApps } from '../../../src/modules/apps/queries.js';
import { balanceOf } from '../../../src/modules/auth/bank.js';
import { querySupply } from '../../../src/modules/auth/queries.js';
import { allParamsAt } from '../../../src/modules/gov/queries.js';
import { queryNode, queryNodes } from '../../../src/modules/nodes/queries.js';
import { VALIDATOR_SET_KEY } from '../../../src/modules/nodes/state.js';
import { nodeClaims } from '../../../src/modules/pocketcore/queries.js';
import { PgReadStore } from '../../../src/projection/pg/read-store.js';
import { replay } from '../../../src/runtime/replay.js';

const test = suite('projection: PostgreSQL = SQLite, after kills, a primary restart and a silent network');

let equalUrl = '';
const KILLS = 20;
const KILL_SEED = 2027n;
const PROJECTION_SIM_BLOCKS = Number(process.env['PG_TEST_BLOCKS'] ?? 120);
const projectionSimChain = (): Promise<string> => simChainOf(PROJECTION_SIM_BLOCKS);
/** How far one kill run may move the checkpoint before it is killed: 20 runs must end mid-catch-up. */
const KILL_STEP = Math.min(16, Math.max(2, Math.floor(PROJECTION_SIM_BLOCKS / (KILLS * 1.2))));

function sqliteDump(dataDir: string): Map<string, string[]> {
  const db = new Database(projectionFile(dataDir), { readonly: true });
  db.defaultSafeIntegers(true);
  try {
    const dump = new Map<string, string[]>();
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('projection_meta', 'schema_migrations')").all() as Array<{ name: string }>;
    for (const { name } of tables) dump.set(name, (db.prepare(`SELECT * FROM ${name}`).all() as Array<Record<string, unknown>>).map(rowText).sort());
    return dump;
  } finally {
    db.close();
  }
}

function assertSameTables(actual: Map<string, string[]>, expected: Map<string, string[]>, what: string): void {
  assert.equal([...actual.keys()].sort(), [...expected.keys()].sort(), `${what}: the same tables`);
  for (const [table, rows] of expected) {
    const got = actual.get(table)!;
    assert.is(got.length, rows.length, `${what}: ${table} row count`);
    got.forEach((row, i) => assert.is(row, rows[i], `${what}: ${table} row ${i}`));
  }
}

let reference: Promise<{ dump: Map<string, string[]>; sqliteFile: string }> | undefined;

/** The SQLite projection of the shared chain (built once), and its dump. */
function sqliteReference(): Promise<{ dump: Map<string, string[]>; sqliteFile: string }> {
  reference ??= (async () => {
    const copy = copyDataDir(await projectionSimChain(), 'pg-reference');
    process.on('exit', copy.remove);
    await project(copy.dir);
    return { dump: sqliteDump(copy.dir), sqliteFile: projectionFile(copy.dir) };
  })();
  return reference;
}

/** "As of" reads that answer the query routes (node, app, signing info, balance, supply, claims), with positional parameters. */
const AS_OF: ReadonlyArray<readonly [string, string]> = [
  ['node', `${asOfSql('nodes', 'address', '*')} AND t.address = @address`],
  ['app', `${asOfSql('apps', 'address', '*')} AND t.address = @address`],
  ['signing info', `${asOfSql('signing_infos', 'address', '*')} AND t.address = @address`],
  ['balance', 'SELECT balance_upokt FROM balances WHERE address = @address AND height <= @height ORDER BY height DESC LIMIT 1'],
  ['supply', 'SELECT * FROM supply WHERE height = @height AND @address = @address'],
  ['claims', "SELECT claim_json FROM claims WHERE submitted_height <= @height AND (settled_height IS NULL OR settled_height > @height) AND servicer = @address ORDER BY claim_key"],
];

test('PostgreSQL (COPY) = SQLite, table by table, and as-of reads at random heights and entities agree', async () => {
  const { dump, sqliteFile } = await sqliteReference();
  const copy = copyDataDir(await projectionSimChain(), 'pg-equal');
  const db = await freshDatabase('equal');
  equalUrl = db.primary;
  try {
    const report = await project(copy.dir, { postgres: db.primary });
    assert.is(report.height, PROJECTION_SIM_BLOCKS);
    assertSameTables(await dumpPgTables(db.primary), dump, 'PostgreSQL vs SQLite');

    const sqlite = new Database(sqliteFile, { readonly: true });
    sqlite.defaultSafeIntegers(true);
    const client = await connect(db.primary);
    try {
      const addresses = (sqlite.prepare('SELECT address FROM nodes UNION SELECT address FROM apps UNION SELECT address FROM balances ORDER BY 1').all() as Array<{ address: string }>).map((r) => r.address);
      const prng = new Prng(7n);
      let present = 0;
      for (let sample = 0; sample < 300; sample++) {
        const height = prng.int(PROJECTION_SIM_BLOCKS + 1);
        const address = addresses[prng.int(addresses.length)]!;
        const [what, sql] = AS_OF[sample % AS_OF.length]!;
        const expected = (sqlite.prepare(sql).all({ address, height }) as Array<Record<string, unknown>>).map(rowText);
        const actual = (await client.query(sql.replaceAll('@height', '$1::bigint').replaceAll('@address', '$2::text'), [height, address])).rows.map(rowText);
        assert.equal(actual, expected, `${what} of ${address} at ${height}`);
        if (expected.length > 0) present++;
      }
      assert.ok(present >= 100, `only ${present} samples found a row`);
    } finally {
      sqlite.close();
      await client.end();
    }
  } finally {
    copy.remove();
  }
});

/** Reads made of the reducer's state at a sampled height, to ask the PostgreSQL ReadStore afterwards. */
interface Expected {
  readonly what: string;
  readonly read: (store: PgReadStore) => Promise<unknown>;
  readonly value: unknown;
}

const valueOr = <T>(result: { ok: true; value: T } | { ok: false }): T | undefined => (result.ok ? result.value : undefined);

function expectAt(state: LedgerState, height: number, addresses: readonly string[], into: Expected[]): void {
  const add = (what: string, read: Expected['read'], value: unknown): void => void into.push({ what: `${what} at ${height}`, read, value: structuredClone(value) });
  for (const address of addresses) {
    add(`node ${address}`, (s) => s.node(address, height), valueOr(queryNode(state, address)));
    add(`app ${address}`, (s) => s.app(address, height), valueOr(queryApp(state, address)));
    add(`balance ${address}`, (s) => s.balance(address, height), balanceOf(state.auth, address as never));
    add(`signing info ${address}`, (s) => s.signingInfo(address, height), state.slashing.signingInfos.get(address));
    add(`claims of ${address}`, (s) => s.claims(height, address), nodeClaims(state, address as never));
  }
  add('supply', (s) => s.supply(height), querySupply(state.auth));
  add('allparams', (s) => s.allParams(height), allParamsAt(state, height));
  add('validator set', (s) => s.validatorSet(height), state.nodes.validatorSet.get(VALIDATOR_SET_KEY) ?? []);
  add('nodes', (s) => s.nodes(height), queryNodes(state, { perPage: 100_000 }).result);
  add('apps', (s) => s.apps(height), queryApps(state, { perPage: 100_000 }).result);
}

test('PostgreSQL = the reducer: the PostgreSQL ReadStore at seeded random heights and entities answers what the replayed state answers', async () => {
  const { sqliteFile } = await sqliteReference();
  const sqlite = new Database(sqliteFile, { readonly: true });
  const of = (sql: string): string[] => (sqlite.prepare(sql).all() as Array<{ address: string }>).map((row) => row.address);
  const pools = [of('SELECT DISTINCT address FROM nodes ORDER BY 1'), of('SELECT DISTINCT address FROM apps ORDER BY 1'), of('SELECT DISTINCT servicer AS address FROM claims ORDER BY 1'), of('SELECT DISTINCT address FROM balances ORDER BY 1')];
  sqlite.close();
  pools.forEach((pool) => pool.push('ffffffffffffffffffffffffffffffffffffffff'));
  const prng = new Prng(9n);
  const heights = new Set([1, PROJECTION_SIM_BLOCKS]);
  while (heights.size < 12) heights.add(1 + prng.int(PROJECTION_SIM_BLOCKS));
  const expected: Expected[] = [];
  await replay(await projectionSimChain(), {
    trustSignatures: true,
    onBlock: (result, state) => {
      if (!heights.has(result.height)) return;
      const addresses = Array.from({ length: 12 }, (_, i) => pools[i % pools.length]![prng.int(pools[i % pools.length]!.length)]!);
      expectAt(state, result.height, addresses, expected);
    },
  });
  const store = await PgReadStore.open(equalUrl);
  try {
    let present = 0;
    for (const check of expected) {
      assert.equal(await check.read(store), check.value, check.what);
      if (check.value !== undefined && check.value !== 0n && !(Array.isArray(check.value) && check.value.length === 0)) present++;
    }
    assert.ok(expected.length >= 12 * 65 && present >= expected.length / 3, `${expected.length} comparisons, ${present} with something present`);
  } finally {
    await store.close();
  }
});

test('PostgreSQL by multi-row INSERT, in steps of different batch sizes = SQLite', async () => {
  const { dump } = await sqliteReference();
  const copy = copyDataDir(await projectionSimChain(), 'pg-steps');
  const db = await freshDatabase('steps');
  try {
    for (const [to, batchBlocks] of [[Math.floor(PROJECTION_SIM_BLOCKS / 8), 1], [Math.floor((PROJECTION_SIM_BLOCKS * 2) / 5), 7], [PROJECTION_SIM_BLOCKS, 64]] as const) {
      const report = await project(copy.dir, { postgres: db.primary, to, batchBlocks, pgBulkMode: 'insert' });
      assert.is(report.height, to);
    }
    assertSameTables(await dumpPgTables(db.primary), dump, 'INSERT in steps vs SQLite');
  } finally {
    copy.remove();
  }
});

/** The projection checkpoint's height (−1 before the first commit), on a connection the caller keeps. */
async function pgCheckpointOn(client: Awaited<ReturnType<typeof connect>>): Promise<number> {
  try {
    const result = await client.query<{ height: bigint }>('SELECT height FROM projection_checkpoint WHERE id = 1');
    return result.rows[0] === undefined ? -1 : Number(result.rows[0].height);
  } catch {
    return -1;
  }
}

async function pgCheckpoint(url: string): Promise<number> {
  const client = await connect(url);
  try {
    return await pgCheckpointOn(client);
  } finally {
    await client.end();
  }
}

/**
 * One `project --postgres` killed with SIGKILL: during start-up (a quarter: after 100–1,600 ms,
 * or as soon as the checkpoint first moves, whichever comes first — a fast catch-up must not
 * outrun a "start-up" kill and finish the chain), else after it moved the checkpoint by 1–KILL_STEP
 * blocks + 0–40 ms. The checkpoint is polled on one kept connection: a new connection per poll
 * takes long enough on a loaded machine for the whole catch-up to finish between two polls.
 */
async function runUntilKilled(dataDir: string, url: string, prng: Prng): Promise<{ killed: boolean; code: number | null; startedAt: number }> {
  const poller = await connect(url);
  try {
    const startedAt = await pgCheckpointOn(poller);
    const duringStartup = prng.int(4) === 0;
    const target = startedAt + 1 + prng.int(KILL_STEP);
    const delayMs = duringStartup ? 100 + prng.int(1_500) : prng.int(40);
    const child = spawn(process.execPath, [CLI_PATH, 'project', '--data', dataDir, '--postgres', url, '--batch', '2', '--no-progress', '--json'], { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', resolve);
    });
    let done = false;
    void exited.then(() => (done = true));
    const pause = (ms: number): Promise<unknown> => new Promise((resolve) => setTimeout(resolve, ms));
    if (duringStartup) {
      const deadline = Date.now() + delayMs;
      while (!done && Date.now() < deadline && (await pgCheckpointOn(poller)) <= startedAt) await pause(5);
    } else {
      while (!done && (await pgCheckpointOn(poller)) < target) await pause(5);
      await pause(delayMs);
    }
    const killed = !done && child.kill('SIGKILL');
    return { killed, code: await exited, startedAt };
  } finally {
    await poller.end();
  }
}

test(`${KILLS} kill -9s of \`project --postgres\` during catch-up: it resumes, and the tables equal SQLite's clean build`, async () => {
  const { dump } = await sqliteReference();
  const copy = copyDataDir(await projectionSimChain(), 'pg-kills');
  const db = await freshDatabase('kills');
  const prng = new Prng(KILL_SEED);
  const checkpoints: number[] = [];
  try {
    let midway = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const outcome = await runUntilKilled(copy.dir, db.primary, prng);
      assert.ok(outcome.killed || outcome.code === 0, `run ${kill} exited ${outcome.code} (seed ${KILL_SEED})`);
      const reached = await pgCheckpoint(db.primary);
      checkpoints.push(reached);
      if (outcome.killed && reached > outcome.startedAt && reached < PROJECTION_SIM_BLOCKS) midway++;
    }
    process.stderr.write(`  PostgreSQL checkpoints after each kill: ${checkpoints.join(',')}\n`);
    assert.ok(midway >= KILLS / 2, `only ${midway} kills landed during the catch-up (checkpoints ${checkpoints.join(',')}, seed ${KILL_SEED})`);
    for (let i = 1; i < checkpoints.length; i++) assert.ok(checkpoints[i]! >= checkpoints[i - 1]!, `checkpoint went back: ${checkpoints.join(',')}`);
    const finish = await project(copy.dir, { postgres: db.primary });
    assert.is(finish.height, PROJECTION_SIM_BLOCKS);
    assertSameTables(await dumpPgTables(db.primary), dump, `after ${KILLS} kills (checkpoints ${checkpoints.join(',')}, seed ${KILL_SEED})`);
  } finally {
    copy.remove();
  }
});

test('a restart of the primary mid-catch-up: a notice says the connection was lost and the run retries, resumes and ends equal to SQLite', async () => {
  const { dump } = await sqliteReference();
  const copy = copyDataDir(await projectionSimChain(), 'pg-restart');
  const db = await freshDatabase('restart');
  const notices: string[] = [];
  try {
    let restarted = false;
    const report = await project(copy.dir, {
      postgres: db.primary,
      batchBlocks: 4,
      retryDelayMs: 200,
      onNotice: (message) => notices.push(message),
      onCommit: (height) => {
        if (restarted || height < PROJECTION_SIM_BLOCKS / 3) return;
        restarted = true;
        restartPrimary();
      },
    });
    assert.ok(restarted, 'the primary was restarted');
    assert.is(report.height, PROJECTION_SIM_BLOCKS);
    assert.ok(notices.length >= 1, 'a notice');
    assert.match(notices[0]!, /^PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:\d+\/restart_\w+: connection lost \(.+\); reconnecting and resuming from the committed checkpoint in 200 ms \(retry 1 of 30\)$/);
    assertSameTables(await dumpPgTables(db.primary), dump, 'after the restart');
  } finally {
    copy.remove();
  }
});

test('a silent network mid-catch-up (a blackholed connection): the statement deadline passes, the run reconnects, waits out the lost session\'s lock, resumes and ends equal to SQLite', async () => {
  const { dump } = await sqliteReference();
  const copy = copyDataDir(await projectionSimChain(), 'pg-silent');
  const db = await freshDatabase('silent');
  const primary = new URL(db.primary);
  const relay = tcpRelay(primary.hostname, Number(primary.port));
  await relay.restore();
  const notices: string[] = [];
  let silenced = false;
  const DEADLINE_MS = 4_000;
  let silencedAt = 0;
  let firstNoticeAfterMs = 0;
  try {
    // Before the statement deadline, a write on the silenced connection waited for TCP's keep-alive: ~2 h.
    let guard: NodeJS.Timeout | undefined;
    const tooLong = new Promise<never>((_, reject) => (guard = setTimeout(() => reject(new Error('the run did not get past the silent network within 60 s')), 60_000)));
    const run = project(copy.dir, {
      postgres: relay.url(db.name),
      batchBlocks: 4,
      retryDelayMs: 200,
      pgQueryMs: DEADLINE_MS,
      onNotice: (message) => {
        if (notices.length === 0) firstNoticeAfterMs = performance.now() - silencedAt;
        notices.push(message);
        // The lost session still holds the projector's lock until the server notices the
        // client is gone; here the test is the server, and notices once the run has said so.
        if (/lock is still held/.test(message)) relay.serverNotices();
      },
      onCommit: (height) => {
        if (silenced || height < PROJECTION_SIM_BLOCKS / 3) return;
        silenced = true;
        // Mid-transaction: the next batch's rows are sent into a network that just died (its
        // BEGIN went through), so the run must give the transaction up on a dead connection.
        relay.silenceAt(/INSERT INTO|COPY /);
        silencedAt = performance.now();
      },
    });
    const report = await Promise.race([run, tooLong]).finally(() => clearTimeout(guard));
    assert.ok(silenced, 'the network went silent mid-run');
    assert.is(report.height, PROJECTION_SIM_BLOCKS);
    assert.match(notices[0] ?? '', /^PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:\d+\/silent_\w+: connection lost \(ETIMEDOUT: no answer from the server within 4 s\); reconnecting and resuming from the committed checkpoint in 200 ms \(retry 1 of 30\)$/);
    assert.match(notices[1] ?? '', /: the projector's lock is still held — by the lost connection's session until the server notices it is gone \(~20 s\), unless another projector took it; reconnecting .* \(retry 2 of 30\)$/);
    // One deadline, not two: the failed transaction is not rolled back on the dead connection,
    // where the ROLLBACK would wait behind the statement that never answered for a second one
    // (pg/store.ts rollBack; pg queues it, so only the time shows it). The bound is the boundary
    // itself, two deadlines: with a 4 s deadline a loaded machine has 4 s of slack (at load ~10 a
    // 2 s deadline was noticed after 3.2 s).
    assert.ok(firstNoticeAfterMs < 2 * DEADLINE_MS, `the lost connection was noticed ${Math.round(firstNoticeAfterMs)} ms after the silence (deadline ${DEADLINE_MS} ms): a second deadline?`);
    assertSameTables(await dumpPgTables(db.primary), dump, 'after the silent network');
  } finally {
    await relay.close();
    copy.remove();
  }
});

test('every connection, the writer\'s and the readers\', has the server probe it (10 s idle, every 3 s, 3 probes; 20 s unacknowledged): a vanished client\'s session ends and frees its lock', async () => {
  // The server's side cannot be made to lose a peer here (a relay's kernel answers probes), so
  // what is checked is that the settings reach the session (PostgreSQL manual §20.3.1).
  const db = await freshDatabase('keepalive');
  const expected = { tcp_keepalives_idle: '10', tcp_keepalives_interval: '3', tcp_keepalives_count: '3', tcp_user_timeout: '20000' }; // as SHOW prints them (seconds; ms)
  const shown = async (query: (sql: string) => Promise<{ rows: Array<Record<string, string>> }>): Promise<Record<string, string>> => {
    const settings: Record<string, string> = {};
    for (const name of Object.keys(expected)) settings[name] = (await query(`SHOW ${name}`)).rows[0]![name]!;
    return settings;
  };
  const writer = await connect(db.primary);
  try {
    assert.equal(await shown((sql) => writer.query(sql)), expected, 'the writer\'s connection');
  } finally {
    await endClient(writer);
  }
  const readers = readerPool(db.primary, 2);
  try {
    assert.equal(await shown((sql) => readers.query(sql)), expected, 'a reader\'s connection');
  } finally {
    await readers.end();
  }
});

test.run();
