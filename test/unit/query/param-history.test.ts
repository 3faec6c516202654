/**
 * Goal: /v1/query/paramhistory lists every parameter value set on the chain — each genesis value
 * at 0, then each value set at the height it took effect (a governance change may also set the
 * value it already had) — with the value it replaced, filtered by key and range, paged like the
 * other ledger routes.
 * Method: the query tests' simulated chain (governance changes parameters in it). The expected
 * history comes from the reducer, not from the projection: a replay of the log takes the keys
 * each block's events set (ParamChanged, UpgradeScheduled, FeatureParamsActivated,
 * FeatureActivatedWithoutHook) and reads
 * their values from the state after the block and before it (PARAM_SPECS, printed with
 * pocket-core's param formatter); a value that moved without an event fails the test. The route
 * must answer exactly those (height, key, value, previous) rows.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { paramValueText } from '../../../src/modules/gov/index.js';
import { paramValueOf } from '../../../src/params/params.js';
import { PARAM_SPECS } from '../../../src/params/registry.js';
import { replay } from '../../../src/runtime/replay.js';
import type { BlockResult } from '../../../src/chain/apply-block.js';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import { postTo, projectedSimChain, serveInProcess, type Served } from '../../helpers/query.js';

interface Row {
  readonly height: number;
  readonly param_key: string;
  readonly param_value: string;
  readonly previous_value: string | null;
}

let served: Served;
let expected: Row[];
const test = suite('query: /v1/query/paramhistory = the reducer’s parameter values block by block');

function printed(state: LedgerState): Map<string, string> {
  const params = state.params();
  return new Map(PARAM_SPECS.map((spec) => [spec.key, paramValueText(spec, paramValueOf(params, spec))]));
}

/** The parameter keys a block's events set: governance changes, a scheduled upgrade, a feature's new parameters. */
function paramKeysSet(result: BlockResult): string[] {
  const events = [...result.beginBlock, ...result.endBlock].flatMap((step) => step.events).concat(result.receipts.flatMap((receipt) => receipt.events));
  return events.flatMap((event) => {
    if (event.type === 'ParamChanged') return [event.key];
    if (event.type === 'UpgradeScheduled') return ['gov/upgrade'];
    if (event.type === 'FeatureParamsActivated') return [...event.params.map((p) => p.key), 'gov/acl'];
    if (event.type === 'FeatureActivatedWithoutHook') return event.params.map((p) => p.key);
    return [];
  });
}

test.before(async () => {
  const chain = await projectedSimChain();
  served = await serveInProcess(chain.dir);
  expected = [];
  let before: Map<string, string> | undefined;
  await replay(chain.dir, {
    trustSignatures: true,
    onWarning: () => undefined,
    onStart: (state) => {
      before = printed(state);
      for (const [key, value] of [...before].sort(([a], [b]) => (a < b ? -1 : 1))) expected.push({ height: 0, param_key: key, param_value: value, previous_value: null });
    },
    onBlock: (result, state) => {
      const now = printed(state);
      const set = [...new Set(paramKeysSet(result))].sort();
      for (const key of set) expected.push({ height: result.height, param_key: key, param_value: now.get(key)!, previous_value: before!.get(key) ?? null });
      // Every value that moved was set by an event of this block (a set may also repeat the value).
      for (const [key, value] of now) if (before!.get(key) !== value) assert.ok(set.includes(key), `${key} changed at ${result.height} without an event`);
      before = now;
    },
  });
});
test.after(() => served.close());

const post = (body: unknown) => postTo(served.app, '/v1/query/paramhistory', body);

test('every genesis value at 0 and every change at its height, with the value it replaced', async () => {
  const changes = expected.filter((row) => row.height > 0);
  assert.ok(changes.length >= 1, `governance changed parameters in the simulated chain (${changes.length})`);
  const answer = await post({ per_page: 1000 });
  assert.is(answer.status, 200);
  assert.equal(answer.json.result as Row[], expected);
  assert.is(answer.json.total, expected.length);
});

test('filtered by key and by range; paged', async () => {
  const change = expected.find((row) => row.height > 0)!;
  const ofKey = await post({ key: change.param_key, per_page: 1000 });
  assert.equal(ofKey.json.result as Row[], expected.filter((row) => row.param_key === change.param_key));
  const after = await post({ from_height: 1, per_page: 1000 });
  assert.equal(after.json.result as Row[], expected.filter((row) => row.height >= 1), 'from_height 1: the changes only');
  const upTo = await post({ to_height: change.height, height: change.height, per_page: 1000 });
  assert.equal(upTo.json.result as Row[], expected.filter((row) => row.height <= change.height));
  const pages: Row[] = [];
  for (let page = 1; ; page++) {
    const answer = await post({ page, per_page: 7 });
    pages.push(...(answer.json.result as Row[]));
    if (page >= (answer.json.total_pages as number)) break;
  }
  assert.equal(pages, expected, 'the pages of 7 put together');
  const unknown = await post({ key: 'pos/NoSuchParam' });
  assert.equal([unknown.status, unknown.json.total], [200, 0], 'an unknown key has no history');
  const tooLong = await post({ key: 'x'.repeat(129) });
  assert.equal([tooLong.status, tooLong.json.error], [400, 'invalid_request']);
});

test.run();
