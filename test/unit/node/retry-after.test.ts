/**
 * Goal: a 503 of a paused node says when to come back. `not_producing` and `state_unavailable`
 * answers (health, rawtx, produce, queries) carry Retry-After — the seconds until production's
 * next retry, rounded up, at least 1 (RFC 9110 §10.2.3) — when a retry is scheduled, and none when
 * production stopped for good (block_limit_below_header: header-over-limit.test.ts).
 * Method: the rounding on health values; a test node whose block fails (the writer's produce made
 * to throw an I/O error) with a 30 s backoff, over real HTTP.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { productionRetryAfterSeconds } from '../../../src/node/production-health.js';
import { sendMsg, signTx, testKey } from '../../helpers/chain.js';
import { startTestNode, submitTx } from '../../helpers/node-http.js';

const test = suite('node: a paused node\'s 503 says Retry-After when a retry is scheduled');
const alice = testKey('alice');
const bob = testKey('bob');

test('whole seconds until the retry, rounded up, at least 1; none when no retry comes', () => {
  const paused = { status: 'not_producing', failures: 1 } as const;
  assert.is(productionRetryAfterSeconds({ ...paused, retryInMs: 30_000 }), 30);
  assert.is(productionRetryAfterSeconds({ ...paused, retryInMs: 1_500 }), 2);
  assert.is(productionRetryAfterSeconds({ ...paused, retryInMs: 1 }), 1);
  assert.is(productionRetryAfterSeconds({ ...paused, retryInMs: 0 }), 1, 'overdue: the least wait');
  assert.is(productionRetryAfterSeconds(paused), undefined, 'stopped for good');
  assert.is(productionRetryAfterSeconds({ status: 'ok', failures: 0 }), undefined);
});

test('a failed block: health, rawtx and produce answer 503 with Retry-After of the backoff', async () => {
  const node = await startTestNode(
    { accounts: [{ key: alice, balanceUpokt: 1_000_000_000n }], validators: [{ key: testKey('validator-1'), tokensUpokt: 100_000_000_000n }] },
    { retryBackoff: { initialMs: 30_000, maxMs: 30_000 } },
  );
  try {
    const url = node.node.url;
    const writer = node.node.writer as unknown as { produce: () => never };
    writer.produce = () => {
      throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' });
    };
    const produce = (): Promise<Response> => fetch(`${url}/v1/ledger/produce`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    const failed = await produce();
    assert.is(failed.status, 503);
    assert.is(((await failed.json()) as { error: string }).error, 'not_producing');
    for (const [what, answer] of [
      ['the failed produce', failed],
      ['health', await fetch(`${url}/v1/ledger/health`)],
      ['a produce while paused', await produce()],
    ] as const) {
      assert.is(answer.status, 503, what);
      const seconds = Number(answer.headers.get('retry-after'));
      assert.ok(Number.isInteger(seconds) && seconds > 25 && seconds <= 30, `${what}: Retry-After ${answer.headers.get('retry-after')}`);
    }
    const refused = await submitTx(node.node, signTx(alice, sendMsg(alice, bob, 1n)), alice.address);
    assert.equal([refused.status, refused.code], [503, 'not_producing']);
    assert.ok(Number(refused.retryAfter) > 25 && Number(refused.retryAfter) <= 30, `rawtx: Retry-After ${refused.retryAfter}`);
  } finally {
    await node.close();
  }
});

test.run();
