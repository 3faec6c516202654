/**
 * Goal: a chain whose Block.MaxBytes is smaller than the next block's header alone cannot make
 * another block — the limit changes only in a block's EndBlock, and the header (height, time,
 * proposer, the last commit's votes) does not shrink without one — so the node says so once
 * instead of retrying forever: at start a coded error (`block_limit_below_header`, exit 1, the
 * log's lock released); met after a block (a genesis limit block 1 fits, but not block 2's
 * 40-vote commit) production stops for good — one error, 503 `not_producing` with that reason
 * and no retry_in_ms — and queries still answer. Tendermint's proposer panics there
 * (types/block.go:282-288 MaxDataBytes, fork 59310158d3e9).
 * Method: startNode on test chains (max_bytes 100 with one validator: block 1's header alone is
 * larger; max_bytes 1,000 with 40 validators: block 1 fits, block 2's commit does not), a fast
 * retry backoff so a retry loop would show within the wait, and the compiled CLI.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { startNode } from '../../../src/node/node.js';
import { initDataDir } from '../../../src/runtime/data-dir.js';
import { testGenesisJson, testKey, type TestChainSpec } from '../../helpers/chain.js';
import { runCli, scratch } from '../../helpers/sim.js';

const test = suite('node: a block limit below the header is said once, not retried');
const tmp = scratch('header-over-limit');
test.after(() => tmp.remove());

function dataDirWith(name: string, spec: TestChainSpec): string {
  const genesisFile = join(tmp.dir, `${name}.json`);
  writeFileSync(genesisFile, testGenesisJson(spec));
  const dataDir = join(tmp.dir, name);
  initDataDir(dataDir, genesisFile);
  return dataDir;
}

const tinyLimit = (name: string): string => dataDirWith(name, { consensusMaxBytes: '100', validators: [{ key: testKey('validator-1'), tokensUpokt: 100_000_000_000n }] });

/** startNode's refusal on `dataDir` (a node that starts is closed, and the test fails). */
async function startRefusal(dataDir: string): Promise<Error & { code?: string; context?: object }> {
  const started = await startNode({ dataDir, port: 0, fsync: 'never' }).catch((error: Error) => error);
  if (started instanceof Error) return started;
  await started.close();
  throw new Error('the node started on a chain that cannot make its next block');
}

test('at start: block_limit_below_header with the limit and the header\'s size, the log released', async () => {
  const dataDir = tinyLimit('start');
  const error = await startRefusal(dataDir);
  assert.is(error.code, 'block_limit_below_header', String(error));
  assert.match(error.message, /block 1 cannot be built: its header alone is \d+ bytes, more than the chain's Block\.MaxBytes 100/);
  assert.equal(Object.keys(error.context ?? {}), ['height', 'max_bytes', 'header_bytes']);
  // The lock was released: a second start meets the same refusal, not log_locked.
  assert.is((await startRefusal(dataDir)).code, 'block_limit_below_header');
});

test('the CLI: a coded startup error, exit 1, before listening', async () => {
  const dataDir = tinyLimit('cli');
  const run = await runCli(['node', '--data', dataDir, '--port', '47031', '--no-progress', '--json'], { timeoutMs: 60_000 });
  assert.is(run.code, 1, run.stdout + run.stderr);
  assert.is((JSON.parse(run.stdout) as { error: { code: string } }).error.code, 'block_limit_below_header');
});

test('after a block: production stops for good — one error, 503 not_producing with the reason and no retry, queries still answer', async () => {
  const crowd = Array.from({ length: 40 }, (_, i) => ({ key: testKey(`crowd-${i}`), tokensUpokt: 100_000_000_000n }));
  const dataDir = dataDirWith('after', { consensusMaxBytes: '1000', validators: crowd });
  const errors: string[] = [];
  const node = await startNode({
    dataDir,
    port: 0,
    fsync: 'never',
    retryBackoff: { initialMs: 5, maxMs: 10 },
    onError: (error) => errors.push((error as { code?: string }).code ?? String(error)),
  });
  try {
    const produce = (): Promise<Response> => fetch(`${node.url}/v1/ledger/produce`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    assert.is((await produce()).status, 200, 'block 1 has no last commit: it fits');
    const refused = await produce();
    assert.is(refused.status, 503);
    assert.is(refused.headers.get('retry-after'), null, 'no retry is coming: no Retry-After');
    const body = (await refused.json()) as { error: string; details: { reason: { code: string } } };
    assert.is(body.error, 'not_producing');
    assert.is(body.details.reason.code, 'block_limit_below_header');
    await new Promise((resolve) => setTimeout(resolve, 300)); // a retry loop would have run ~30 times
    assert.equal(errors, ['block_limit_below_header'], 'said once');
    const health = await fetch(`${node.url}/v1/ledger/health`);
    assert.is(health.status, 503);
    assert.is(health.headers.get('retry-after'), null);
    const json = (await health.json()) as Record<string, unknown>;
    assert.is((json['reason'] as { code: string }).code, 'block_limit_below_header');
    assert.is(json['retry_in_ms'], undefined, 'no retry is coming');
    assert.is(json['height'], 1);
    const height = await fetch(`${node.url}/v1/query/height`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    assert.equal(await height.json(), { height: 1 });
  } finally {
    await node.close();
  }
});

test.run();
