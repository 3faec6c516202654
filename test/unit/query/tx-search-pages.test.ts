/**
 * Goal: a tx search serves the page size it is asked for above 100, as pocket-core does — its
 * own tx indexer clamps per_page only at 10,000 (pocket-core types/indexer.go:41, :144-146), and
 * its fork of Tendermint hands per_page to it unchecked (pokt-network/tendermint
 * rpc/core/tx.go:56-93: no validatePerPage, whose maxPerPage of 100 upstream Tendermint has).
 * Method: a simulated chain of 3 blocks of 150 txs (the shared query chain has no search with
 * more than 100 matches), projected and served in-process; blocktxs asked for 150 a page.
 */
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { project } from '../../../src/projection/run.js';
import { simulate } from '../../../src/sim/simulator.js';
import { postTo, serveInProcess, type Served } from '../../helpers/query.js';
import { scratch, writeSmallGenesis } from '../../helpers/sim.js';

const TXS_PER_BLOCK = 150;
let served: Served;
let tmp: { dir: string; remove: () => void };
const test = suite('query service: tx search page size as pocket-core');
test.before(async () => {
  tmp = scratch('tx-search-pages');
  const dir = join(tmp.dir, 'chain');
  await simulate({ dataDir: dir, genesisFile: writeSmallGenesis(tmp.dir), seed: 5n, blocks: 3, txsPerBlock: TXS_PER_BLOCK, fsync: 'never' });
  await project(dir);
  served = await serveInProcess(dir);
});
test.after(async () => {
  await served.close();
  tmp.remove();
});

test('blocktxs with per_page 150 answers up to 150 txs on one page, not 100', async () => {
  const post = (body: object) => postTo(served.app, '/v1/query/blocktxs', body);
  const counts = await Promise.all([1, 2, 3].map(async (height) => ({ height, total: (await post({ height, per_page: 1 })).json.total_txs as number })));
  const busy = counts.find((c) => c.total > 100);
  assert.ok(busy !== undefined, `a block has more than 100 txs (${JSON.stringify(counts)})`);
  const page = (await post({ height: busy.height, per_page: TXS_PER_BLOCK })).json;
  const expected = Math.min(TXS_PER_BLOCK, busy.total);
  assert.equal([page.page_count, page.txs.length, page.total_txs], [expected, expected, busy.total]);
});

test.run();
