/**
 * Goal: every pocket-core route of the query service answers, at the latest AND at past
 * heights, what the reducer's own state at that height answers.
 * Method: the shared simulated chain (every message kind; test/helpers/projection.ts) is
 * projected and served in-process. The log is replayed once; at seeded sample heights the
 * expected answers are computed from the replayed state with the modules' query functions
 * (src/modules/*\/queries.ts) and from the block's own receipts, and stored. Only then are the
 * routes asked — every one with its explicit past height — so an answer that leaked a later row
 * (or the latest state) would differ. Block/tx expectations come from the replayed block
 * results (hash, receipts), not from the projection's tables.
 */
import { createHash } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import type { BlockResult } from '../../../src/chain/apply-block.js';
import { Prng } from '../../../src/core/prng.js';
import { queryApp, queryApps } from '../../../src/modules/apps/queries.js';
import { balanceOf } from '../../../src/modules/auth/bank.js';
import { querySupply } from '../../../src/modules/auth/queries.js';
import { allParamsAt } from '../../../src/modules/gov/queries.js';
import { queryNode, queryNodes } from '../../../src/modules/nodes/queries.js';
import { nodeClaims } from '../../../src/modules/pocketcore/queries.js';
import { replay } from '../../../src/runtime/replay.js';
import { postTo, projectedSimChain, QUERY_SIM_BLOCKS, serveInProcess, type Served } from '../../helpers/query.js';

const SEED = 7n;
const SAMPLE_HEIGHTS = 8;
const NEVER_SEEN = 'ffffffffffffffffffffffffffffffffffffffff';

interface Expectation {
  readonly path: string;
  readonly body: Record<string, unknown>;
  readonly status: number;
  /** The expected body, or a check of it. */
  readonly expect: unknown;
}

const test = suite('query service: every route = the reducer at that height');
const expectations: Expectation[] = [];
const counts = { signed: new Map<string, number>(), received: new Map<string, number>() };
let served: Served;
let latest = 0;

const expect = (path: string, body: Record<string, unknown>, expected: unknown, status = 200): void => void expectations.push({ path, body, status, expect: expected });

/** The entities sampled at a height: some live, one never seen. */
function sample(state: LedgerState, prng: Prng): string[] {
  const nodes = [...state.nodes.validators.sortedEntries()].map(([address]) => address);
  const apps = [...state.apps.applications.sortedEntries()].map(([address]) => address);
  const accounts = [...state.auth.accounts.sortedEntries()].map(([address]) => address);
  const pick = (list: readonly string[]): string[] => (list.length === 0 ? [] : [list[prng.int(list.length)]!, list[prng.int(list.length)]!]);
  return [...pick(nodes), ...pick(apps), ...pick(accounts), NEVER_SEEN];
}

/**
 * pocket-core's module accounts by address, computed here from their names (first 20 bytes of
 * SHA-256(name), x/auth/types/account.go:320-322; names from each x/<module>/types/keys.go), not from the
 * ledger's table.
 */
const MODULES = new Map(['fee_collector', 'staked_tokens_pool', 'application_staked_tokens_pool', 'dao', 'pos', 'application'].map((name) => [createHash('sha256').update(name).digest('hex').slice(0, 40), name]));

/**
 * A claim as nodeclaims writes it: MsgClaim via encoding/json (x/pocketcore/types/pocket.pb.go:106-113,
 * Page.JSON in app/query.go), numbers for int64/uint64 (parsed here as the answer is: the same
 * doubles), the merkle root's []byte in base64.
 */
function goJsonClaim(claim: ReturnType<typeof nodeClaims>[number]): unknown {
  const { merkleHash, range } = claim.merkle_root;
  return {
    ...claim,
    merkle_root: { merkleHash: Buffer.from(merkleHash, 'hex').toString('base64'), range: { lower: Number(range.lower), upper: Number(range.upper) } },
    total_proofs: Number(claim.total_proofs),
  };
}

/** /v1/query/actor: the node and app answers of the two routes above (null instead of their 400), and the module's name. */
function expectActor(state: LedgerState, height: number, address: string): void {
  const node = queryNode(state, address);
  const app = queryApp(state, address);
  expect('/v1/query/actor', { address, height }, { address, height, module: MODULES.get(address) ?? null, node: node.ok ? node.value : null, app: app.ok ? app.value : null });
}

function expectEntities(state: LedgerState, height: number, addresses: readonly string[]): void {
  for (const address of [...MODULES.keys()].slice(0, 2)) expectActor(state, height, address);
  for (const address of addresses) {
    expectActor(state, height, address);
    const node = queryNode(state, address);
    if (node.ok) expect('/v1/query/node', { address, height }, node.value);
    else expect('/v1/query/node', { address, height }, 'validator_not_found', 400);
    const app = queryApp(state, address);
    if (app.ok) expect('/v1/query/app', { address, height }, app.value);
    else expect('/v1/query/app', { address, height }, 'application_not_found', 400);
    expect('/v1/query/balance', { address, height }, { balance: Number(balanceOf(state.auth, address as never)) });
    const account = state.auth.accounts.get(address);
    // BaseAccount (x/auth/types/account.go:23-27); an unknown address answers null (GetAccount of nil).
    expect('/v1/query/account', { address, height }, account === undefined ? null : { address, coins: account.balanceUpokt === 0n ? [] : [{ denom: 'upokt', amount: account.balanceUpokt.toString() }], public_key: account.publicKey });
    const claims = nodeClaims(state, address as never).map(goJsonClaim);
    expect('/v1/query/nodeclaims', { address, height, per_page: 1000 }, claims.length === 0 ? { result: null, total_pages: 0, page: 0 } : { result: claims, total_pages: 1, page: 1 });
    const info = state.slashing.signingInfos.get(address);
    expect('/v1/query/signinginfo', { address, height }, info === undefined ? 0 : 1);
  }
}

function expectGlobals(state: LedgerState, height: number): void {
  expect('/v1/query/supply', { height }, querySupply(state.auth));
  expect('/v1/query/allparams', { height }, allParamsAt(state, height));
  for (const opts of [{}, { staking_status: 1 }, { jailed_status: 1 }, { jailed_status: 2, page: 2, per_page: 3 }, { blockchain: '0001' }]) {
    const options = { stakingStatus: opts.staking_status, jailedStatus: opts.jailed_status, page: opts.page, perPage: opts.per_page, blockchain: opts.blockchain };
    expect('/v1/query/nodes', { height, opts }, queryNodes(state, JSON.parse(JSON.stringify(options)) as object));
  }
  for (const opts of [{}, { staking_status: 2, page: 2, per_page: 2 }]) {
    expect('/v1/query/apps', { height, opts }, queryApps(state, JSON.parse(JSON.stringify({ stakingStatus: opts.staking_status, page: opts.page, perPage: opts.per_page })) as object));
  }
  const params = state.params();
  // WriteResponse double-encodes (server.go:146-158): a JSON string holding the JSON.
  expect('/v1/query/supportedchains', { height }, JSON.stringify(params.pocketcore.supportedBlockchains));
  expect('/v1/query/daoowner', { height }, JSON.stringify(params.gov.daoOwner));
  expect('/v1/query/upgrade', { height }, { Height: Number(params.gov.upgrade.height), Version: params.gov.upgrade.version, ...(params.gov.upgrade.features.length > 0 ? { Features: params.gov.upgrade.features } : {}) });
  expect('/v1/query/nodeparams', { height }, { stake_minimum: params.pos.stakeMinimumUpokt.toString(), max_validators: params.pos.maxValidators.toString() });
}

function expectBlock(result: BlockResult): void {
  const height = result.height;
  const hashes = result.receipts.map((r) => r.hash);
  expect('/v1/query/block', { height }, { hash: result.blockHash.toUpperCase(), height: String(height), num_txs: String(result.receipts.length) });
  expect('/v1/query/blocktxs', { height, per_page: 100, order: 'desc' }, { hashes: hashes.slice(0, 100), total: hashes.length, codes: result.receipts.slice(0, 100).map((r) => r.code) });
  expect('/v1/query/allblocktxs', { height, per_page: 1000 }, { hashes, total: hashes.length, codes: result.receipts.map((r) => r.code) });
  expectHashLookups(result);
  const receipt = result.receipts[0];
  if (receipt === undefined) return;
  expect('/v1/query/tx', { hash: receipt.hash, height }, { hash: receipt.hash, height, index: 0, code: receipt.code, signer: receipt.signer?.toUpperCase() ?? '' });
  if (height > 1) expect('/v1/query/tx', { hash: receipt.hash, height: height - 1 }, 'tx_not_found', 400);
}

/**
 * /v1/query/hash (ours): the block's hash names this block (in either case), and names nothing
 * as of the block before (height 0 means the latest, so not for block 1); its last tx's hash
 * names that tx. Expected from the replayed block.
 */
function expectHashLookups(result: BlockResult): void {
  const { height, blockHash } = result;
  const upper = blockHash.toUpperCase();
  expect('/v1/query/hash', { hash: blockHash.toLowerCase(), height }, { hash: upper, height, tx: null, block: { height } });
  if (height > 1) expect('/v1/query/hash', { hash: upper, height: height - 1 }, { hash: upper, height: height - 1, tx: null, block: null });
  const receipt = result.receipts[result.receipts.length - 1];
  if (receipt === undefined) return;
  const index = result.receipts.length - 1;
  expect('/v1/query/hash', { hash: receipt.hash.toLowerCase(), height }, { hash: receipt.hash.toUpperCase(), height, tx: { height, index }, block: null });
}

function check(e: Expectation, answer: { status: number; json: Record<string, any> }): void {
  const where = `${e.path} ${JSON.stringify(e.body)}`;
  assert.is(answer.status, e.status, `${where}: ${JSON.stringify(answer.json).slice(0, 300)}`);
  if (e.status !== 200) return assert.is(answer.json['error'], e.expect, where);
  const json = answer.json;
  switch (e.path) {
    case '/v1/query/signinginfo':
      return assert.is(json['result'] === null ? 0 : json['result'].length, e.expect, where);
    case '/v1/query/nodeparams': {
      const want = e.expect as Record<string, string>;
      return assert.equal([json['stake_minimum'], json['max_validators']], [want['stake_minimum'], want['max_validators']], where);
    }
    case '/v1/query/block': {
      const want = e.expect as Record<string, string>;
      const header = json['block']['header'];
      return assert.equal([json['block_id']['hash'], header['height'], header['num_txs']], [want['hash'], want['height'], want['num_txs']], where);
    }
    case '/v1/query/blocktxs':
    case '/v1/query/allblocktxs': {
      const want = e.expect as { hashes: string[]; total: number; codes: number[] };
      const txs = json['txs'] as Array<Record<string, any>>;
      return assert.equal([txs.map((t) => t['hash']), json['total_txs'], txs.map((t) => t['tx_result']['code']), json['page_count']], [want.hashes, want.total, want.codes, want.hashes.length], where);
    }
    case '/v1/query/tx': {
      const want = e.expect as Record<string, unknown>;
      return assert.equal({ hash: json['hash'], height: json['height'], index: json['index'], code: json['tx_result']['code'], signer: json['tx_result']['signer'] }, want, where);
    }
    default:
      return assert.equal(json, e.expect, where);
  }
}

test.before(async () => {
  served = await serveInProcess((await projectedSimChain()).dir);
});
test.after(() => served.close());

test(`${SAMPLE_HEIGHTS} sampled heights of a ${QUERY_SIM_BLOCKS}-block chain, latest included`, async () => {
  const prng = new Prng(SEED);
  const heights = new Set([1, QUERY_SIM_BLOCKS]);
  while (heights.size < SAMPLE_HEIGHTS) heights.add(1 + prng.int(QUERY_SIM_BLOCKS));
  await replay(served.dataDir, {
    trustSignatures: true,
    onBlock: (result, state) => {
      latest = result.height;
      for (const r of result.receipts) {
        if (r.signer !== null) counts.signed.set(r.signer, (counts.signed.get(r.signer) ?? 0) + 1);
        if (r.recipient !== null) counts.received.set(r.recipient, (counts.received.get(r.recipient) ?? 0) + 1);
      }
      if (!heights.has(result.height)) return;
      expectEntities(state, result.height, sample(state, prng));
      expectGlobals(state, result.height);
      expectBlock(result);
    },
  });
  assert.is(latest, QUERY_SIM_BLOCKS);
  for (const e of expectations) check(e, await postTo(served.app, e.path, e.body));
  assert.ok(expectations.length > SAMPLE_HEIGHTS * 40, `${expectations.length} comparisons`);
});

test('height 0 and absent mean the latest; the answer says which height it is as of', async () => {
  const height = await postTo(served.app, '/v1/query/height');
  assert.is(height.json['height'], latest);
  const [zero, absent, explicit, past] = await Promise.all([
    postTo(served.app, '/v1/query/supply', { height: 0 }),
    postTo(served.app, '/v1/query/supply', {}),
    postTo(served.app, '/v1/query/supply', { height: latest }),
    postTo(served.app, '/v1/query/supply', { height: 5 }),
  ]);
  assert.equal(zero.json, explicit.json);
  assert.equal(absent.json, explicit.json);
  assert.equal([zero.headers['x-ledger-height'], past.headers['x-ledger-height'], past.headers['x-ledger-projected-height']], [String(latest), '5', String(latest)]);
  assert.not.equal(past.json, explicit.json, 'the supply moved between height 5 and the latest');
});

test('accounttxs: totals equal the receipts signed by (and sent to) an address in every block', async () => {
  const busiest = (map: Map<string, number>): [string, number] => [...map.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
  for (const [received, map] of [[false, counts.signed], [true, counts.received]] as const) {
    const [address, total] = busiest(map);
    // pocket-core's default order ("desc") walks its tx index forward: oldest first (types/indexer.go:340-346).
    const first = await postTo(served.app, '/v1/query/accounttxs', { address, received, per_page: 7 });
    assert.equal([first.status, first.json['total_txs'], first.json['page_count'], first.headers['x-total-count']], [200, total, Math.min(7, total), String(total)]);
    const key = received ? 'recipient' : 'signer';
    for (const tx of first.json['txs'] as Array<Record<string, any>>) assert.is(tx['tx_result'][key], address.toUpperCase());
    const heights = (first.json['txs'] as Array<{ height: number; index: number }>).map((t) => t.height * 1e4 + t.index);
    assert.equal(heights, [...heights].sort((a, b) => a - b), 'oldest first by (height, index)');
  }
});

test.run();
