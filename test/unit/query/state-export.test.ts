/**
 * Goal: /v1/query/state answers the text pocket-core's ExportState returns. Its layout: State
 * writes ExportState's string as is (app/cmd/rpc/query.go:1019-1024, WriteRaw:
 * app/cmd/rpc/server.go:160-167), and that string is SortJSON's json.MarshalIndent(c, "", "    ")
 * (app/pocket.go:187, app/util.go:98-109): four spaces a level, no newline at the end. Its
 * consensus_params.block.max_bytes while feature BLOCK is not yet active: ExportState writes `app.pocketKeeper.BlockByteSize(ctx)`
 * (app/pocket.go:172), and before BLOCK's activation height no BlockByteSize is stored
 * (x/pocketcore/module.go:106-113 writes it at activation; SetParamSet skips feature params
 * before, types/param.go:23-30), so the keeper's Get leaves its int64 at 0 → "0".
 * Method: a staking chain whose genesis schedules BLOCK at height 1000, two blocks in a data dir,
 * projected and served in-process; then the same route on the default chain (BLOCK active from
 * genesis) still says "4000000" (DefaultBlockByteSize, x/pocketcore/types/params.go:20).
 */
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { project } from '../../../src/projection/run.js';
import { PARAM_SPECS_BY_KEY } from '../../../src/params/registry.js';
import { dataDirChain, genesisJsonWith } from '../../helpers/param-extremes.js';
import { postTo, serveInProcess, type Reply } from '../../helpers/query.js';
import { scratch } from '../../helpers/sim.js';

const test = suite("query: /v1/query/state as ExportState writes it (layout; max_bytes while BLOCK is inactive)");

async function servedState(features: readonly string[]): Promise<Reply> {
  const work = scratch('state-export');
  try {
    const upgrade = JSON.stringify({ type: 'gov/upgrade', value: { Height: '0', Version: '0', Features: features } });
    const chain = await dataDirChain(work.dir, genesisJsonWith(PARAM_SPECS_BY_KEY.get('gov/upgrade')!, upgrade));
    try {
      chain.produce([]);
      chain.produce([]);
    } finally {
      chain.close();
    }
    const dataDir = join(work.dir, 'chain');
    await project(dataDir);
    const served = await serveInProcess(dataDir);
    try {
      const reply = await postTo(served.app, '/v1/query/state', { height: 2 });
      assert.is(reply.status, 200, reply.text);
      return reply;
    } finally {
      await served.close();
    }
  } finally {
    work.remove();
  }
}

const servedMaxBytes = async (features: readonly string[]): Promise<string> => (await servedState(features)).json.consensus_params.block.max_bytes as string;

test('BLOCK scheduled at 1000: max_bytes is "0" (no BlockByteSize stored yet, app/pocket.go:172)', async () => {
  assert.is(await servedMaxBytes(['BLOCK:1000']), '0');
});

test('BLOCK active from genesis (not listed): max_bytes is the stored 4000000 (x/pocketcore/types/params.go:20)', async () => {
  assert.is(await servedMaxBytes([]), '4000000');
});

test("the text is SortJSON's MarshalIndent with four spaces (app/util.go:104), no newline after it (WriteRaw writes the string as is)", async () => {
  const { text } = await servedState([]);
  // encoding/json's Indent lays a document out as JSON.stringify(…, null, 4) does — "{}"/"[]" when
  // empty, '": "' after a key —; the parse keeps the order here (no integer-like key in this state).
  // Marshal also escapes <, > and & in strings (encoding/json encode.go, escapeHTML): the chain id
  // "<Input New ChainID>" is written "\u003cInput New ChainID\u003e".
  const goEscaped = (json: string): string => json.replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
  assert.is(text, goEscaped(JSON.stringify(JSON.parse(text), null, 4)));
  assert.ok(text.startsWith('{\n    "app_hash": ""'), text.slice(0, 40));
});

test.run();
