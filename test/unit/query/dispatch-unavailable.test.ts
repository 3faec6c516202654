/**
 * Goal: `/v1/client/dispatch` on a server without a state to walk sessions over (`serve
 * --postgres` started without `--data`) says what the operator must do, as every other refusal
 * of the service does: start it with `--data DIR`, the chain's data directory, whose log it
 * replays. Before: 501 `dispatch_unavailable` "this server has no state to walk sessions with" —
 * true, but neither why nor the way out (docs/postgresql.md, "Beyond the tables").
 * Method: a small simulated chain, projected, served in-process from its SQLite projection
 * without a state source (what `serve --postgres` without --data builds), then with one.
 */
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { project } from '../../../src/projection/run.js';
import { openSqliteReadStore } from '../../../src/projection/sqlite-read-store.js';
import { createQueryServer } from '../../../src/query/service.js';
import { simulate } from '../../../src/sim/simulator.js';
import { postTo } from '../../helpers/query.js';
import { scratch, writeSmallGenesis } from '../../helpers/sim.js';

const test = suite('query: dispatch without a replayable state names --data');
const tmp = scratch('dispatch-unavailable');
test.after(() => tmp.remove());

test('501 dispatch_unavailable names `--data DIR`; the other routes answer', async () => {
  const dir = join(tmp.dir, 'chain');
  await simulate({ dataDir: dir, genesisFile: writeSmallGenesis(tmp.dir), seed: 5n, blocks: 3, txsPerBlock: 2, fsync: 'never', workers: 0 });
  await project(dir);
  const store = openSqliteReadStore(dir);
  const app = await createQueryServer(store, {});
  try {
    const apps = await postTo(app, '/v1/query/apps', {});
    assert.is(apps.status, 200, apps.text);
    const first = apps.json.result[0] as { public_key: string; chains: string[] };
    const reply = await postTo(app, '/v1/client/dispatch', { app_public_key: first.public_key, chain: first.chains[0] });
    assert.is(reply.status, 501, reply.text);
    assert.is(reply.json.error, 'dispatch_unavailable');
    assert.match(reply.json.message, '--data', reply.json.message);
    assert.match(reply.json.message, 'block log', reply.json.message);
    assert.not.match(reply.json.message, /\/tmp\//, 'no server path in it');
  } finally {
    await app.close();
    await store.close();
  }
});

test.run();
