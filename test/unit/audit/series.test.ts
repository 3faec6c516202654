/**
 * Goal: the report's series keep every uPOKT when a long chain is bucketed into at most 2,000
 * points (mint, burn and jailings summed per bucket, supply and height the bucket's last).
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { AuditSeries } from '../../../src/audit/series.js';

const test = suite('audit: report series');

test('5,000 blocks become 2,000 buckets whose sums equal the per-block sums', () => {
  const series = new AuditSeries();
  let minted = 0n;
  for (let h = 1; h <= 5_000; h++) {
    const pools = { total: 1_000n + BigInt(h), node: 0n, app: 0n, dao: 0n, fee: 0n, minted: BigInt(h % 7), burned: BigInt(h % 3) };
    minted += pools.minted;
    series.add(h, pools, [], h % 10 === 0 ? 1 : 0);
  }
  const json = series.toJson();
  assert.ok(json.heights.length <= 2_000 && json.heights.length >= 1_600, `${json.heights.length} points`);
  assert.is(json.heights.at(-1), 5_000);
  assert.is(json.total.at(-1), '6000');
  assert.is(json.minted.reduce((t, v) => t + BigInt(v), 0n), minted);
  assert.is(json.jails.reduce((t, v) => t + v, 0), 500);
});

test.run();
