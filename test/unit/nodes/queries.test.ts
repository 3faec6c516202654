/**
 * Goal: node and app queries answer in pocket-core's RPC shapes (PROTOCOL §10.1): JSONValidator /
 * JSONApplication fields, `{result, total_pages, page}` pages, the staking_status /
 * jailed_status / blockchain filters of QueryValidatorsParams.IsValid and
 * QueryApplicationsWithOpts.IsValid, and util.Paginate's arithmetic with its quirks.
 * Method: a test chain with staked, jailed and unstaking nodes and apps; expected pages are
 * written out from pocket-core's rules (x/auth/util/util.go:65-86, x/nodes/keeper/querier.go:42-57).
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { queryApp, queryApps } from '../../../src/modules/apps/queries.js';
import { paginate, queryNode, queryNodes } from '../../../src/modules/nodes/queries.js';
import { testKey } from '../../helpers/chain.js';
import { beginUnstakeAppMsg, beginUnstakeNodeMsg, deliver, produceTo, stakeAppMsg, stakeNodeMsg, startStakingChain } from '../../helpers/staking.js';

const POKT = 1_000_000n;
const anchor = testKey('validator-1');
const nodeA = testKey('query-node-a');
const nodeB = testKey('query-node-b');
const jailedNode = testKey('query-node-jailed');
const appA = testKey('query-app-a');
const appB = testKey('query-app-b');
const output = testKey('query-output');

function world() {
  const state = startStakingChain({
    accounts: [nodeA, nodeB, appA, appB, output].map((key) => ({ key, balanceUpokt: 100_000n * POKT })),
    validators: [{ key: anchor, tokensUpokt: 100_000n * POKT }, { key: jailedNode, tokensUpokt: 20_000n * POKT, jailed: true, chains: ['0021'] }],
    params: { pos: { servicer_stake_weight_ceiling: '1000000', unstaking_time: '36000000000000' }, application: { unstaking_time: '36000000000000' } },
  });
  deliver(state, nodeA, stakeNodeMsg(nodeA, { value: 20_000n * POKT, chains: ['0001', '0021'], output, delegators: [[appA.address, 10]] }));
  deliver(state, nodeB, stakeNodeMsg(nodeB, { value: 30_000n * POKT, chains: ['0001'] }));
  deliver(state, nodeB, beginUnstakeNodeMsg(nodeB, nodeB));
  produceTo(state, 4); // nodeB Unstaking
  deliver(state, appA, stakeAppMsg(appA, 1_000n * POKT, ['0001', '00ab']));
  deliver(state, appB, stakeAppMsg(appB, 2_000n * POKT, ['0021']));
  deliver(state, appB, beginUnstakeAppMsg(appB));
  return state;
}

const shapes = suite('query node / app: pocket-core JSON shapes');

shapes('node: every JSONValidator field; output "" when none; zero unstaking time as Go prints it; unknown → pos:101', () => {
  const state = world();
  const a = queryNode(state, nodeA.address.toUpperCase());
  assert.ok(a.ok);
  assert.equal(a.value, {
    address: nodeA.address,
    public_key: nodeA.publicKey,
    jailed: false,
    status: 2,
    chains: ['0001', '0021'],
    service_url: 'https://node.example.com:443',
    tokens: '20000000000',
    unstaking_time: '0001-01-01T00:00:00Z',
    output_address: output.address,
    reward_delegators: { [appA.address]: 10 },
  });
  const anchorNode = queryNode(state, anchor.address);
  assert.ok(anchorNode.ok && anchorNode.value.output_address === '' && anchorNode.value.reward_delegators === null);
  const b = queryNode(state, nodeB.address);
  assert.ok(b.ok && b.value.status === 1 && b.value.unstaking_time !== '0001-01-01T00:00:00Z');
  const missing = queryNode(state, appA.address);
  assert.ok(!missing.ok && missing.error.codespace === 'pos' && missing.error.code === 101);
});

shapes('app: every JSONApplication field; unknown → application:101', () => {
  const state = world();
  const a = queryApp(state, appA.address);
  assert.ok(a.ok);
  assert.equal(a.value, {
    address: appA.address,
    public_key: appA.publicKey,
    jailed: false,
    chains: ['0001', '00AB'],
    max_relays: '1000',
    status: 2,
    staked_tokens: '1000000000',
    unstaking_time: '0001-01-01T00:00:00Z',
  });
  const missing = queryApp(state, nodeA.address);
  assert.ok(!missing.ok && missing.error.codespace === 'application' && missing.error.code === 101);
});

const filters = suite('query nodes / apps: filters and pages');

const addresses = (page: { result: ReadonlyArray<{ address: string }> | null }) => (page.result ?? []).map((r) => r.address);
const sorted = (...keys: Array<{ address: string }>) => keys.map((k) => k.address).sort();

filters('nodes: no filter lists every record by address; staking_status 2 / 1; jailed_status 1 / 2; blockchain (either case)', () => {
  const state = world();
  assert.equal(addresses(queryNodes(state)), sorted(anchor, nodeA, nodeB, jailedNode));
  assert.equal(addresses(queryNodes(state, { stakingStatus: 2 })), sorted(anchor, nodeA, jailedNode));
  assert.equal(addresses(queryNodes(state, { stakingStatus: 1 })), sorted(nodeB));
  assert.equal(addresses(queryNodes(state, { jailedStatus: 1 })), sorted(jailedNode));
  assert.equal(addresses(queryNodes(state, { jailedStatus: 2, stakingStatus: 2 })), sorted(anchor, nodeA));
  assert.equal(addresses(queryNodes(state, { blockchain: '0021' })), sorted(nodeA, jailedNode));
  assert.equal(addresses(queryNodes(state, { blockchain: '00ab' })), []);
  assert.equal(queryNodes(state, { page: 1, perPage: 2 }).total_pages, 2);
});

filters('apps: staking_status and blockchain filters (canonical upper-case ids)', () => {
  const state = world();
  assert.equal(addresses(queryApps(state)), sorted(appA, appB));
  assert.equal(addresses(queryApps(state, { stakingStatus: 1 })), sorted(appB));
  assert.equal(addresses(queryApps(state, { blockchain: '00ab' })), sorted(appA));
});

filters("the RPC's paginate (app/query.go:641-661 over util.Paginate, x/auth/util/util.go:65-87): 25 items, per_page 10 → pages of 10, 10, 5; the short last page reports ceil(25/5) = 5 pages (pocket-core's quirk); past the end, page 0 or nothing at all → Go's zero Page (query.go:648-650)", () => {
  const items = Array.from({ length: 25 }, (_, i) => i);
  assert.equal(paginate(items, 1, 10, 1000), { result: items.slice(0, 10), total_pages: 3, page: 1 });
  assert.equal(paginate(items, 2, 10, 1000), { result: items.slice(10, 20), total_pages: 3, page: 2 });
  assert.equal(paginate(items, 3, 10, 1000), { result: items.slice(20, 25), total_pages: 5, page: 3 });
  const zeroPage = { result: null, total_pages: 0, page: 0 };
  assert.equal(paginate(items, 4, 10, 1000), zeroPage);
  assert.equal(paginate(items, 0, 10, 1000), zeroPage);
  assert.equal(paginate(items, 1, 0, 7), { result: items.slice(0, 7), total_pages: 4, page: 1 });
  assert.equal(paginate([], 1, 10, 1000), zeroPage);
});

shapes.run();
filters.run();
