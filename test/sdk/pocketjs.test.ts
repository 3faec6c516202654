/**
 * Goal (issue 12 item 5): the official Pocket JS SDK (pocketjs v2.1.3: provider, signer,
 * transaction-builder — dev dependencies) drives a running node as it would drive pocket-core:
 * keys, `submit` of a send, an app stake, a node stake and an unjail (each answered as
 * BroadcastTxSync answers a success, so the SDK does not throw), confirmation by
 * `getTransaction`, then accounts, account txs, blocks, block txs, nodes, apps, claims and params
 * at the latest height and at past heights.
 * Method: a real node (startNode: HTTP on a free loopback port, blocks on demand through
 * POST /v1/ledger/produce) on a test genesis with chain id "localnet" (the SDK signs only for
 * "mainnet", "testnet" or "localnet"); the SDK's own objects make every request over HTTP; the
 * expected values come from the test's own inputs (amounts, keys, chains) and the genesis, never
 * from the node's code.
 *
 * Where the SDK itself is wrong, the test says so and works around it HERE (never in the server):
 *   1. its ESM builds of -signer and -transaction-builder fail to load in Node (libsodium-wrappers'
 *      ESM build imports a file it does not ship; the builder imports 'protobufjs/minimal'
 *      without '.js'): loaded through require (their CJS builds), as a CJS user would;
 *   2. `getNodes` posts to /v1/query/apps (json-rpc-provider.ts getNodes: route QueryApps) and so
 *      lists apps: nodes are read with the provider's own transport on /v1/query/nodes instead;
 *   3. `getAccountWithTransactions` requires `total_count` in the accounttxs answer, which
 *      pocket-core names `total_txs` (RPCResultTxSearch, app/query.go) — so it throws on
 *      pocket-core too; `getTransactionCount` reads `total_txs` and works: used for the count,
 *      the txs read with the provider's transport;
 *   4. its block-txs and account-txs requests send `perPage` (camelCase), which pocket-core's
 *      handlers do not read (they read `per_page`): the page size asked for is ignored there,
 *      as here;
 *   5. its types ship at dist/src/*.d.ts, which the packages' "exports" do not point at, so
 *      TypeScript (NodeNext) cannot see them: the few shapes used are declared below;
 *   6. `nodeUnjail()` without an argument throws (it destructures `undefined`): called with `{}`;
 *   7. `nodeStake` refuses amounts below 15,000 POKT client-side (mainnet's StakeMinimum, hard-coded),
 *      whatever the chain's pos/StakeMinimum: the test stakes 15,001 POKT.
 *   8. `getApps` (and `getNodes`) map over `result` and so throw on an empty page, which pocket-core
 *      writes as Go's zero Page, `"result":null` (app/query.go:641-661, 671-675): the test expects
 *      the throw and reads that page with the provider's transport.
 */
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { bytesToHex } from '../../src/core/hex.js';
import { startNode, type RunningNode } from '../../src/node/node.js';
import { initDataDir } from '../../src/runtime/data-dir.js';
import { testGenesisJson, testKey, type TestKey } from '../helpers/chain.js';
import { scratch } from '../helpers/sim.js';

// ---- the SDK, as a CommonJS user loads it (see 1. and 5. above) -------------------------------
interface SdkTxMsg {
  readonly __sdkTxMsg?: never;
}
interface SdkKeyManager {
  getAddress(): string;
  getPublicKey(): string;
}
interface SdkTransactionBuilder {
  send(args: { toAddress: string; amount: string }): SdkTxMsg;
  appStake(args: { appPubKey: string; chains: string[]; amount: string }): SdkTxMsg;
  nodeStake(args: { chains: string[]; amount: string; serviceURL: URL }): SdkTxMsg;
  nodeUnjail(args?: { nodeAddress?: string; signerAddress?: string }): SdkTxMsg;
  submit(args: { txMsg: SdkTxMsg; memo?: string; fee?: string }): Promise<{ txHash: string; logs: unknown }>;
}
interface SdkProvider {
  getBlockNumber(): Promise<number>;
  getBalance(address: string): Promise<bigint>;
  getTransaction(hash: string): Promise<{ hash: string; height: number; index: number; tx_result: { code: number; codespace: string; signer: string; recipient: string; message_type: string } }>;
  getTransactionCount(address: string): Promise<number>;
  getAccount(address: string): Promise<{ address: string; balance: string | number; publicKey: string | null }>;
  getAccountWithTransactions(address: string): Promise<unknown>;
  getBlock(height: number): Promise<{ block: { header: { height: string; chain_id: string; num_txs: string }; data: { txs: string[] | null } } }>;
  getBlockTransactions(options: { blockHeight: number; page?: number; perPage?: number; includeProofs?: boolean }): Promise<{ totalTxs: number | string; txs: Array<{ hash: string; height: number }> }>;
  getNodes(options: { blockHeight: number; page?: number; perPage?: number }): Promise<{ data: Array<{ address: string }> }>;
  getNode(args: { address: string; blockHeight?: number }): Promise<{ address: string; chains: string[]; jailed: boolean; stakedTokens: string; serviceUrl: string }>;
  getApps(options: { blockHeight: number; page?: number; perPage?: number }): Promise<{ data: Array<{ address: string; chains: string[]; stakedTokens: string }> }>;
  getApp(args: { address: string; blockHeight?: number }): Promise<{ address: string; chains: string[]; stakedTokens: string; maxRelays: string }>;
  getNodeClaims(address: string, options: { height?: number }): Promise<{ data: unknown[] | null }>;
  getAllParams(height: number, options: object): Promise<{ node_params: Array<{ param_key: string; param_value: string }>; app_params: unknown[]; pocket_params: unknown[]; gov_params: unknown[]; auth_params: unknown[] }>;
}

const require = createRequire(import.meta.url);
const { KeyManager } = require('@pokt-foundation/pocketjs-signer') as { KeyManager: { fromPrivateKey(hex: string): Promise<SdkKeyManager>; createRandom(): Promise<SdkKeyManager> } };
const { TransactionBuilder } = require('@pokt-foundation/pocketjs-transaction-builder') as {
  TransactionBuilder: new (args: { provider: SdkProvider; signer: SdkKeyManager; chainID: 'localnet' }) => SdkTransactionBuilder;
};
const { JsonRpcProvider } = require('@pokt-foundation/pocketjs-provider') as { JsonRpcProvider: new (args: { rpcUrl: string; dispatchers?: string[] }) => SdkProvider };
const { V1RpcRoutes } = require('@pokt-foundation/pocketjs-abstract-provider') as { V1RpcRoutes: Record<string, string> };

// ---- the chain ----------------------------------------------------------------------------------
const POKT = 1_000_000n;
const FEE = 10_000n; // the SDK's DEFAULT_BASE_FEE; the genesis' fee multiplier is 1
const alice = testKey('sdk-alice');
const appOwner = testKey('sdk-app');
const producer = testKey('sdk-validator');
const jailed = testKey('sdk-jailed');
const ALICE_START = 100_000n * POKT;
const APP_START = 500n * POKT;
const SENT = 20_000n * POKT;
/** The SDK refuses a node stake below 15,000 POKT client-side (mainnet's StakeMinimum, hard-coded in MsgProtoNodeStakeTx). */
const NODE_STAKE = 15_001n * POKT;
const JAILED_TOKENS = 20n * POKT;

const tmp = scratch('sdk-pocketjs');

/** The SDK's private-key form: 32-byte seed then 32-byte public key, hex. */
const privateKeyOf = (key: TestKey): string => bytesToHex(key.seed) + key.publicKey;

interface World {
  readonly node: RunningNode;
  readonly provider: SdkProvider;
  /** POST on the provider's own transport (for the SDK's wrong routes, see the file comment). */
  post(route: string, body: object): Promise<unknown>;
  produce(): Promise<number>;
}

async function startWorld(): Promise<World> {
  const dataDir = join(tmp.dir, 'chain');
  const genesis = join(tmp.dir, 'genesis.json');
  writeFileSync(
    genesis,
    testGenesisJson({
      chainId: 'localnet',
      accounts: [
        { key: alice, balanceUpokt: ALICE_START },
        { key: appOwner, balanceUpokt: APP_START },
        { key: jailed, balanceUpokt: 1n * POKT },
      ],
      validators: [
        { key: producer, tokensUpokt: 100_000n * POKT },
        { key: jailed, tokensUpokt: JAILED_TOKENS, jailed: true },
      ],
    }),
  );
  initDataDir(dataDir, genesis);
  const node = await startNode({ dataDir, port: 0, intervalMs: 0, fsync: 'never' });
  const provider = new JsonRpcProvider({ rpcUrl: node.url, dispatchers: [node.url] });
  const perform = (provider as unknown as { perform(args: { route: string; body: object }): Promise<{ json(): Promise<unknown> }> }).perform.bind(provider);
  return {
    node,
    provider,
    post: async (route, body) => (await perform({ route, body })).json(),
    async produce() {
      const response = await fetch(`${node.url}/v1/ledger/produce`, { method: 'POST' });
      assert.is(response.status, 200, 'produce');
      return ((await response.json()) as { height: number }).height;
    },
  };
}

/** Submit through the SDK (its success check included), produce the block, confirm by getTransaction. */
async function submitAndConfirm(world: World, builder: SdkTransactionBuilder, txMsg: SdkTxMsg, messageType: string): Promise<{ hash: string; height: number }> {
  const answer = await builder.submit({ txMsg });
  assert.match(answer.txHash, /^[0-9A-F]{64}$/, 'the SDK read txhash from the success answer');
  const height = await world.produce();
  const tx = await world.provider.getTransaction(answer.txHash);
  assert.is(tx.hash, answer.txHash);
  assert.is(Number(tx.height), height);
  assert.is(tx.tx_result.code, 0, `${messageType}: ${JSON.stringify(tx.tx_result)}`);
  assert.is(tx.tx_result.message_type, messageType);
  return { hash: answer.txHash, height };
}

/** uvu has no `rejects`: the promise must fail with a message matching `pattern`. */
async function rejects(promise: Promise<unknown>, pattern: RegExp, what: string): Promise<void> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
  assert.ok(outcome !== undefined, `${what}: expected a failure, got an answer`);
  assert.match(outcome!, pattern, what);
}

const sdk = suite('pocketjs v2.1.3 SDK against a running node');
let world: World;
sdk.before(async () => {
  world = await startWorld();
});
sdk.after(async () => {
  await world.node.close();
  tmp.remove();
});

/** Shared across the tests below, in order (one chain, one story). */
const story = { fresh: undefined as SdkKeyManager | undefined, sent: 0, appStaked: 0, nodeStaked: 0, unjailed: 0, sendHash: '' };

sdk('keys: a random key and a known one — the SDK derives the address the ledger derives', async () => {
  const known = await KeyManager.fromPrivateKey(privateKeyOf(alice));
  assert.is(known.getAddress(), alice.address);
  assert.is(known.getPublicKey(), alice.publicKey);
  story.fresh = await KeyManager.createRandom();
  assert.match(story.fresh.getAddress(), /^[0-9a-f]{40}$/);
  await world.produce(); // block 1: genesis state as of height 1
});

sdk('submit a send (alice → a fresh key, 20,000 POKT): the SDK takes the answer as a success; getTransaction confirms it', async () => {
  const signer = await KeyManager.fromPrivateKey(privateKeyOf(alice));
  const builder = new TransactionBuilder({ provider: world.provider, signer, chainID: 'localnet' });
  const sent = await submitAndConfirm(world, builder, builder.send({ toAddress: story.fresh!.getAddress(), amount: String(SENT) }), 'send');
  story.sent = sent.height;
  story.sendHash = sent.hash;
  const tx = await world.provider.getTransaction(sent.hash);
  // Addresses in tx_result are upper-case hex, as the node prints them (pocket-core's TxResult).
  assert.equal([tx.tx_result.signer.toLowerCase(), tx.tx_result.recipient.toLowerCase()], [alice.address, story.fresh!.getAddress()]);
  assert.is(await world.provider.getBalance(story.fresh!.getAddress()), SENT);
  assert.is(await world.provider.getBalance(alice.address), ALICE_START - SENT - FEE);
});

sdk('submit an app stake (50 POKT on 0001 and 0002)', async () => {
  const signer = await KeyManager.fromPrivateKey(privateKeyOf(appOwner));
  const builder = new TransactionBuilder({ provider: world.provider, signer, chainID: 'localnet' });
  story.appStaked = (await submitAndConfirm(world, builder, builder.appStake({ appPubKey: appOwner.publicKey, chains: ['0001', '0002'], amount: String(50n * POKT) }), 'app_stake')).height;
  const app = await world.provider.getApp({ address: appOwner.address });
  assert.equal([app.address, app.chains, app.stakedTokens], [appOwner.address, ['0001', '0002'], String(50n * POKT)]);
});

sdk('submit a node stake by the fresh key (15,001 POKT on 0001, its own output address)', async () => {
  const builder = new TransactionBuilder({ provider: world.provider, signer: story.fresh!, chainID: 'localnet' });
  const stake = builder.nodeStake({ chains: ['0001'], amount: String(NODE_STAKE), serviceURL: new URL('https://sdk-node.example.com:443') });
  story.nodeStaked = (await submitAndConfirm(world, builder, stake, 'stake_validator')).height;
  const node = await world.provider.getNode({ address: story.fresh!.getAddress() });
  assert.equal([node.chains, String(node.stakedTokens), node.jailed, node.serviceUrl], [['0001'], String(NODE_STAKE), false, 'https://sdk-node.example.com:443']);
});

sdk('submit an unjail of the validator jailed in genesis, signed by its operator', async () => {
  assert.is((await world.provider.getNode({ address: jailed.address })).jailed, true);
  const signer = await KeyManager.fromPrivateKey(privateKeyOf(jailed));
  const builder = new TransactionBuilder({ provider: world.provider, signer, chainID: 'localnet' });
  // SDK bug 6: nodeUnjail() without an argument throws (it destructures `undefined`); `{}` takes the defaults.
  story.unjailed = (await submitAndConfirm(world, builder, builder.nodeUnjail({}), 'unjail_validator')).height;
  assert.is((await world.provider.getNode({ address: jailed.address })).jailed, false);
});

sdk('accounts and account txs, latest (getAccount, getTransactionCount; getAccountWithTransactions is broken in the SDK)', async () => {
  const account = await world.provider.getAccount(alice.address);
  assert.is(account.address, alice.address);
  assert.is(String(account.balance), String(ALICE_START - SENT - FEE));
  assert.is(await world.provider.getTransactionCount(alice.address), 1);
  // SDK bug 3: it checks `total_count`, pocket-core answers `total_txs`.
  await rejects(world.provider.getAccountWithTransactions(alice.address), /RPC Error/, 'getAccountWithTransactions');
  const txs = (await world.post(V1RpcRoutes['QueryAccountTxs']!, { address: alice.address })) as { txs: Array<{ hash: string }>; total_txs: number };
  assert.equal(txs.txs.map((t) => t.hash), [story.sendHash]);
});

sdk('blocks and block txs, latest and past', async () => {
  const latest = await world.provider.getBlockNumber();
  assert.is(latest, story.unjailed);
  const sendBlock = await world.provider.getBlock(story.sent);
  assert.equal([Number(sendBlock.block.header.height), sendBlock.block.header.chain_id, sendBlock.block.data.txs?.length], [story.sent, 'localnet', 1]);
  const first = await world.provider.getBlock(1);
  assert.is(first.block.data.txs, null, 'an empty block: Go nil slice, as Tendermint prints it');
  const blockTxs = await world.provider.getBlockTransactions({ blockHeight: story.sent, page: 1, perPage: 10, includeProofs: false });
  assert.equal([Number(blockTxs.totalTxs), blockTxs.txs.map((t) => t.hash)], [1, [story.sendHash]]);
  const empty = await world.provider.getBlockTransactions({ blockHeight: 1, page: 1, perPage: 10, includeProofs: false });
  assert.is(Number(empty.totalTxs), 0);
});

sdk('nodes, latest and past (getNodes lists apps — SDK bug 2 — so the node list is read on /v1/query/nodes)', async () => {
  const fresh = story.fresh!.getAddress();
  const wrong = await world.provider.getNodes({ blockHeight: 0, page: 1, perPage: 100 });
  assert.equal(wrong.data.map((n) => n.address), [appOwner.address], 'the SDK asked /v1/query/apps');
  const list = async (height: number): Promise<string[]> => ((await world.post(V1RpcRoutes['QueryNodes']!, { height, opts: { page: 1, per_page: 100 } })) as { result: Array<{ address: string }> }).result.map((n) => n.address).sort();
  assert.equal(await list(0), [producer.address, jailed.address, fresh].sort());
  assert.equal(await list(story.nodeStaked - 1), [producer.address, jailed.address].sort());
  assert.is((await world.provider.getNode({ address: jailed.address, blockHeight: story.unjailed - 1 })).jailed, true, 'still jailed the block before the unjail');
  await rejects(world.provider.getNode({ address: fresh, blockHeight: story.nodeStaked - 1 }), /RPC Error/, 'no node before its stake');
});

sdk('apps, latest and past', async () => {
  const latest = await world.provider.getApps({ blockHeight: 0, page: 1, perPage: 100 });
  assert.equal(latest.data.map((a) => [a.address, a.chains, String(a.stakedTokens)]), [[appOwner.address, ['0001', '0002'], String(50n * POKT)]]);
  // No app yet: pocket-core's zero Page (see 8. above), on which the SDK throws.
  await rejects(world.provider.getApps({ blockHeight: story.appStaked - 1, page: 1, perPage: 100 }), /null/, 'getApps of an empty page');
  assert.equal(await world.post(V1RpcRoutes['QueryApps']!, { height: story.appStaked - 1, opts: { page: 1, per_page: 100 } }), { result: null, total_pages: 0, page: 0 });
  await rejects(world.provider.getApp({ address: appOwner.address, blockHeight: story.appStaked - 1 }), /RPC Error/, 'no app before its stake');
});

sdk('claims (none were made: an empty page at the latest and a past height)', async () => {
  for (const height of [0, story.sent]) {
    const claims = await world.provider.getNodeClaims(producer.address, height === 0 ? {} : { height });
    // pocket-core prints an empty result as Go's nil slice: null.
    assert.is(claims.data, null);
  }
});

sdk('params, latest and past: the genesis values (e2e genesis: pos/StakeMinimum 1000000, pos/BlocksPerSession 4)', async () => {
  for (const height of [0, 1, story.unjailed]) {
    const params = await world.provider.getAllParams(height, {});
    const value = (key: string): string | undefined => params.node_params.find((p) => p.param_key === key)?.param_value;
    assert.equal([value('pos/StakeMinimum'), value('pos/BlocksPerSession')], ['1000000', '4'], `at height ${height}`);
  }
});

sdk.run();
