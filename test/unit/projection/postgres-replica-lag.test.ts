/**
 * Goal: a streaming replica that has replayed everything says so after it restarts — the
 * `x-ledger-replay-lag-bytes` and `-ms` headers of `serve --postgres` are 0, not a negative byte
 * count and the time since the last commit (which, on a chain that makes no block, grows without
 * end and would keep the replica out of a load balancer's rotation). After a restart the
 * receiver's position starts again at the beginning of the WAL segment it resumes streaming
 * from, behind what the replica already replayed from its own pg_wal (QA of 2026-12-06:
 * -9,969,136 bytes and 35,861 ms on a replica as current as its primary).
 * Method: a fresh database migrated by the projection store (its schema is what PgReadStore
 * checks); the replica restarted by scripts/postgres.sh; "nothing to replay" is established
 * independently of the headers, from the servers' own positions: the replica's
 * pg_last_wal_replay_lsn() at or beyond the primary's pg_current_wal_lsn(), with the primary's
 * position the same before and after the answer (background WAL in between → measured again).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { connect, endClient } from '../../../src/projection/pg/connect.js';
import { PgReadStore } from '../../../src/projection/pg/read-store.js';
import { PgProjectionStore } from '../../../src/projection/pg/store.js';
import { freshDatabase, restartReplica } from '../../helpers/postgres.js';

const test = suite('PostgreSQL: replica lag headers after the replica restarts');

/** A SELECT of one text value on a fresh connection. */
async function scalar(url: string, sql: string): Promise<string | null> {
  const client = await connect(url);
  try {
    const result = await client.query<{ v: string | null }>(sql);
    return result.rows[0]?.v ?? null;
  } finally {
    await endClient(client);
  }
}

/** Whether the replica has replayed `lsn` (pg_lsn compared by the server itself); a database it has not replayed yet (3D000) has not. */
async function replayed(replicaUrl: string, lsn: string): Promise<boolean> {
  const sql = `SELECT (pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn)::text AS v`;
  const answer = await scalar(replicaUrl, sql).catch((error: unknown) => {
    if ((error as { code?: string }).code === '3D000') return 'false';
    throw error;
  });
  return answer === 'true';
}

/** Polls stop here: far beyond what a loaded machine needs, reached only when something is truly wrong. */
const BOUND_MS = 60_000;

/** Waits (polling, never a fixed sleep for the result) until the replica accepts reads and streams again. */
async function streamingAgain(replicaUrl: string): Promise<void> {
  const deadline = performance.now() + BOUND_MS;
  while (performance.now() < deadline) {
    const status = await scalar(replicaUrl, 'SELECT status AS v FROM pg_stat_wal_receiver').catch(() => null);
    if (status === 'streaming') return;
    await sleep(100);
  }
  assert.unreachable(`the restarted replica did not stream again within ${BOUND_MS / 1000} s`);
}

test('a restarted replica that replayed all the primary wrote: lag 0 bytes and 0 ms', async () => {
  const db = await freshDatabase('replica_lag');
  await (await PgProjectionStore.open(db.primary)).close();
  // The primary's pending WAL written out and replayed before the restart, so that afterwards it
  // has nothing to stream (the state a chain that makes no block leaves it in).
  await scalar(db.primary, 'CHECKPOINT');
  const settled = (await scalar(db.primary, 'SELECT pg_current_wal_lsn()::text AS v'))!;
  while (!(await replayed(db.replica, settled))) await sleep(50);
  restartReplica();
  await streamingAgain(db.replica);
  const store = await PgReadStore.open(db.replica);
  try {
    // Bounded by time, not by a count of 100 ms polls: replay after a restart may lag on a loaded machine.
    for (const deadline = performance.now() + BOUND_MS; performance.now() < deadline; ) {
      const before = (await scalar(db.primary, 'SELECT pg_current_wal_lsn()::text AS v'))!;
      if (!(await replayed(db.replica, before))) {
        await sleep(100);
        continue;
      }
      const { headers } = await store.snapshot(async () => null);
      // Never negative, whatever the primary did meanwhile (the byte count is received − replayed).
      assert.match(headers['x-ledger-replay-lag-bytes'] ?? '', /^[0-9]+$/, JSON.stringify(headers));
      const after = (await scalar(db.primary, 'SELECT pg_current_wal_lsn()::text AS v'))!;
      if (after !== before) continue; // the primary wrote (a checkpoint, autovacuum) meanwhile: a lag may be real
      assert.is(headers['x-ledger-source'], 'replica');
      assert.is(headers['x-ledger-replay-lag-bytes'], '0', JSON.stringify(headers));
      assert.is(headers['x-ledger-replay-lag-ms'], '0', JSON.stringify(headers));
      return;
    }
    assert.unreachable(`the primary never stood still long enough to compare within ${BOUND_MS / 1000} s`);
  } finally {
    await store.close();
  }
});

test.run();
