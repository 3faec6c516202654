/**
 * Goal: the node's read routes answer as pocket-core's RPC over the live state — balance as a
 * JSON number, supply with pocket's DAO-counts-as-staked bookkeeping, node(s)/app(s) with their
 * filters and pages, allparams/param — move with the blocks the node produces, equal what the
 * CLI prints for the same data directory, and refuse heights the node cannot answer and bad
 * requests with coded errors.
 * Method: a data dir from a small test genesis (a jailed and an unjailed validator, funded
 * accounts); startNode on a free port; block 1 stakes an app and sends tokens (POST rawtx, then
 * produce); real HTTP (fetch). Expected values come from the genesis amounts and the fee rule
 * (10,000 uPOKT per tx, PROTOCOL §0.1), not from the code under test.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { bytesToHex } from '../../../src/core/hex.js';
import { startNode, type RunningNode } from '../../../src/node/node.js';
import { initDataDir } from '../../../src/runtime/data-dir.js';
import { sendMsg, signTx, testGenesisJson, testKey } from '../../helpers/chain.js';
import { runCli, scratch } from '../../helpers/sim.js';
import { stakeAppMsg } from '../../helpers/staking.js';

const POKT = 1_000_000n;
const alice = testKey('query-alice');
const bob = testKey('query-bob');
const appKey = testKey('query-app');
const validator = testKey('validator-1');
const jailedValidator = testKey('query-jailed');
const FEE = 10_000n;

const tmp = scratch('node-query');
const genesisFile = join(tmp.dir, 'genesis.json');
writeFileSync(
  genesisFile,
  testGenesisJson({
    accounts: [
      { key: alice, balanceUpokt: 1_000n * POKT },
      { key: appKey, balanceUpokt: 50_000n * POKT },
    ],
    validators: [
      { key: validator, tokensUpokt: 100_000n * POKT },
      { key: jailedValidator, tokensUpokt: 20_000n * POKT, jailed: true },
    ],
  }),
);
const dataDir = join(tmp.dir, 'chain');
initDataDir(dataDir, genesisFile);

let node: RunningNode;

interface Answer {
  readonly status: number;
  readonly text: string;
  readonly json: Record<string, unknown>;
}

async function post(path: string, body: unknown): Promise<Answer> {
  const response = await fetch(`${node.url}${path}`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as Record<string, unknown> };
}

async function balance(address: string): Promise<bigint> {
  const answer = await post('/v1/query/balance', { address, height: 0 });
  assert.is(answer.status, 200, answer.text);
  // pocket-core writes a *big.Int: a bare JSON number, never a string.
  const match = /^\{"balance":([0-9]+)\}$/.exec(answer.text);
  assert.ok(match, `balance is a JSON number: ${answer.text}`);
  return BigInt(match![1]!);
}

const routes = suite('node: pocket-core query routes over the live state');

routes.before(async () => {
  node = await startNode({ dataDir, port: 0, intervalMs: 0 });
});

routes.after(async () => {
  await node.close();
  tmp.remove();
});

routes('genesis: balances, supply, nodes; no app yet', async () => {
  assert.is(await balance(alice.address), 1_000n * POKT);
  assert.is(await balance(alice.address.toUpperCase()), 1_000n * POKT, 'hex in either case');
  assert.is(await balance(bob.address), 0n, 'an unknown account has 0');

  const supply = (await post('/v1/query/supply', {})).json;
  const nodeStaked = 120_000n * POKT;
  assert.is(supply['node_staked'], nodeStaked.toString());
  assert.is(supply['app_staked'], '0');
  const dao = BigInt(supply['dao'] as string);
  const total = BigInt(supply['total'] as string);
  assert.is(BigInt(supply['total_staked'] as string), nodeStaked + dao, 'pocket counts the DAO as staked');
  assert.is(BigInt(supply['total_unstaked'] as string), total - nodeStaked - dao);

  const one = await post('/v1/query/node', { address: validator.address });
  assert.is(one.status, 200);
  assert.equal([one.json['address'], one.json['tokens'], one.json['jailed'], one.json['status']], [validator.address, '100000000000', false, 2]);
  const jailed = (await post('/v1/query/nodes', { opts: { jailed_status: 1 } })).json;
  assert.equal((jailed['result'] as Array<Record<string, unknown>>).map((v) => v['address']), [jailedValidator.address]);
  const all = (await post('/v1/query/nodes', { height: 0, opts: { staking_status: 2 } })).json;
  assert.is((all['result'] as unknown[]).length, 2);
  // A page past the end is Go's zero Page: QueryNodes paginates with app/query.go:641-661
  // (util.Paginate's out of bounds → Page{}), written by its tags (app/query.go:671-675).
  const pastEnd = (await post('/v1/query/nodes', { opts: { page: 3, per_page: 1 } })).json;
  assert.equal([pastEnd['result'], pastEnd['total_pages'], pastEnd['page']], [null, 0, 0]);

  const noApp = await post('/v1/query/app', { address: appKey.address });
  assert.equal([noApp.status, noApp.json['error']], [400, 'application_not_found']);
  assert.match(noApp.json['message'] as string, /^application:101 /);
  // No app at all: Go's zero Page (app/query.go:641-661, 671-675), result null.
  assert.equal((await post('/v1/query/apps', '')).json, { result: null, total_pages: 0, page: 0 });
});

routes('after a block: the answers follow the state the block made', async () => {
  const start = await balance(alice.address);
  const send = await post('/v1/client/rawtx', { address: alice.address, raw_hex_bytes: bytesToHex(signTx(alice, sendMsg(alice, bob, 7n * POKT))) });
  const stake = await post('/v1/client/rawtx', { address: appKey.address, raw_hex_bytes: bytesToHex(signTx(appKey, stakeAppMsg(appKey, 10_000n * POKT))) });
  // BroadcastTxSync's success answer has no code (omitempty): {"txhash","logs":null}.
  assert.equal([send.json['code'], stake.json['code']], [undefined, undefined]);
  assert.is(await balance(bob.address), 0n, 'admitted is not applied');
  const block = (await post('/v1/ledger/produce', '')).json as { height: number; receipts: Array<{ code: number }> };
  assert.equal(block.receipts.map((r) => r.code), [0, 0]);

  assert.is(await balance(bob.address), 7n * POKT);
  assert.is(await balance(alice.address), start - 7n * POKT - FEE);
  assert.is((await post('/v1/query/height', {})).json['height'], block.height);
  const app = await post('/v1/query/app', { address: appKey.address, height: block.height });
  assert.equal([app.status, app.json['staked_tokens'], app.json['status']], [200, '10000000000', 2]);
  // The next block's BeginBlock pays the DAO its share of block 1's fees: now dao > 0, and
  // pocket's supply answer counts it as staked.
  await post('/v1/ledger/produce', '');
  const supply = (await post('/v1/query/supply', {})).json;
  const [nodeStaked, appStaked, dao, total] = ['node_staked', 'app_staked', 'dao', 'total'].map((k) => BigInt(supply[k] as string)) as [bigint, bigint, bigint, bigint];
  assert.equal([nodeStaked, appStaked], [120_000n * POKT, 10_000n * POKT]);
  assert.ok(dao > 0n, `the DAO received its fee share (${dao})`);
  assert.is(BigInt(supply['total_staked'] as string), nodeStaked + appStaked + dao);
  assert.is(BigInt(supply['total_unstaked'] as string), total - nodeStaked - appStaked - dao);
  const apps = (await post('/v1/query/apps', { opts: { staking_status: 2, per_page: 10 } })).json;
  assert.equal((apps['result'] as Array<Record<string, unknown>>).map((a) => a['address']), [appKey.address]);
});

routes('the node and the CLI give the same answer for the same data directory', async () => {
  const http = (await post('/v1/query/node', { address: validator.address })).json;
  const cli = await runCli(['query', 'node', validator.address, '--data', dataDir, '--json']);
  assert.is(cli.code, 0, cli.stderr);
  assert.equal(JSON.parse(cli.stdout), http);
});

routes('allparams and param', async () => {
  const all = (await post('/v1/query/allparams', { height: 0 })).json as Record<string, Array<{ param_key: string; param_value: string }>>;
  assert.equal(Object.keys(all).sort(), ['app_params', 'auth_params', 'gov_params', 'node_params', 'pocket_params']);
  const stakeMinimum = all['node_params']!.find((p) => p.param_key === 'pos/StakeMinimum');
  assert.ok(stakeMinimum);
  const one = await post('/v1/query/param', { key: 'pos/StakeMinimum' });
  assert.equal([one.status, one.json], [200, stakeMinimum]);
  const unknown = await post('/v1/query/param', { key: 'pos/NoSuchThing' });
  assert.equal([unknown.status, unknown.json['error']], [400, 'param_not_found']);
  assert.equal((await post('/v1/query/param', {})).json['error'], 'invalid_request');
});

routes('heights the node cannot answer and malformed requests get coded errors', async () => {
  await post('/v1/ledger/produce', '');
  const latest = (await post('/v1/query/height', '')).json['height'] as number;
  assert.ok(latest >= 2, 'height latest − 1 must be a real past block (0 means "latest")');
  const cases: Array<[string, string, unknown, string]> = [
    ['a future height', '/v1/query/supply', { height: latest + 1 }, 'height_in_future'],
    ['a negative height', '/v1/query/allparams', { height: -1 }, 'invalid_request'],
    ['a height as a string', '/v1/query/supply', { height: '1' }, 'invalid_request'],
    ['a fractional height', '/v1/query/supply', { height: 1.5 }, 'invalid_request'],
    ['a height beyond 2^53', '/v1/query/supply', '{"height":123456789012345678901}', 'invalid_request'],
    ['no address', '/v1/query/balance', {}, 'invalid_address'],
    ['a short address', '/v1/query/node', { address: 'abcd' }, 'invalid_address'],
    ['an unknown node', '/v1/query/node', { address: bob.address }, 'validator_not_found'],
    ['opts as an array', '/v1/query/nodes', { opts: [1] }, 'invalid_request'],
    ['a negative page', '/v1/query/apps', { opts: { page: -1 } }, 'invalid_request'],
    ['a number as blockchain', '/v1/query/nodes', { opts: { blockchain: 1 } }, 'invalid_request'],
    ['hostile JSON', '/v1/query/nodes', '{"opts":{"__proto__":{"x":1}}}', 'hostile_json'],
  ];
  for (const [label, path, body, error] of cases) {
    const answer = await post(path, body);
    assert.equal([answer.status, answer.json['error'], answer.json['code']], [400, error, 400], label);
    assert.type(answer.json['message'], 'string');
  }
  assert.is((await post('/v1/query/height', '')).json['height'], latest, 'queries change nothing');
});

routes('a past height is answered from the projection (the node once refused it: height_not_retained)', async () => {
  const latest = (await post('/v1/query/height', '')).json['height'] as number;
  const past = await post('/v1/query/app', { address: appKey.address, height: 0 + 1 - 1 + latest });
  assert.is(past.status, 200);
  const genesis = await post('/v1/query/app', { address: appKey.address, height: 0 });
  assert.is(genesis.status, 200, 'height 0 means the latest, as pocket-core');
  // Block 1 staked the app: as of block 1 it exists; the genesis state (no block yet) is not a
  // queryable height in pocket-core, so the first past height to check is 1.
  const atOne = await post('/v1/query/app', { address: appKey.address, height: 1 });
  assert.equal([atOne.status, atOne.json['staked_tokens']], [200, '10000000000']);
});

routes.run();
