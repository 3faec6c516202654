/**
 * Goal: the query routes read their request fields as pocket-core RC-0.12.0 does — the tx
 * searches' `order` and accounttxs' `height` as its own tx indexer walks them, and the
 * nodes/apps `opts` as their Go types decode and IsValid filters them.
 * Method: the projected simulated chain served in-process (test/helpers/query.ts); each expected
 * value is derived from pocket-core's code (file:line beside it) and checked against the txs
 * the chain holds (allblocktxs, which reads the block in its own order), never from our routes'
 * code.
 */
import { createHash } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { postTo, projectedSimChain, serveInProcess, type Served } from '../../helpers/query.js';

let served: Served;
const test = suite('query service: request fields read as pocket-core reads them');
test.before(async () => {
  served = await serveInProcess((await projectedSimChain()).dir);
});
test.after(() => served.close());

const post = (path: string, body: unknown = {}) => postTo(served.app, path, body);
type Tx = { hash: string; height: number; index: number; tx_result: { signer: string } };
const positions = (txs: readonly Tx[]): string[] => txs.map((t) => `${t.height}/${t.index}`);

/** Every tx of blocks 1..latest in chain order, read block by block. */
async function chainTxs(): Promise<Tx[]> {
  const latest = (await post('/v1/query/height')).json.height as number;
  const all: Tx[] = [];
  for (let height = 1; height <= latest; height++) all.push(...((await post('/v1/query/allblocktxs', { height, per_page: 1000 })).json.txs as Tx[]));
  return all;
}

/**
 * pocket-core's checkSort (app/query.go:630-639) turns `order` into "asc" or "desc", and its tx
 * indexer's PrefixIterator (types/indexer.go:340-346) opens a ReverseIterator for "asc" and a
 * forward Iterator for "desc" over keys that ascend with (height, index) (ELEN-encoded,
 * types/indexer.go:19-25, 274-338): "asc" lists the newest first, and "desc" — the default — the
 * oldest first. pocket-core's own test relies on the default being oldest first
 * (app/cmd/rpc/rpc_test.go:343-352: `Txs[0]` is the first tx sent); issue #1420 reports it.
 */
test('blocktxs: "asc" lists a block\'s txs last first; "desc", absent or any other text, in block order', async () => {
  const inBlock = (await post('/v1/query/allblocktxs', { height: 5, per_page: 1000 })).json.txs as Tx[];
  assert.ok(inBlock.length > 1, 'a block of several txs');
  const blockOrder = positions(inBlock);
  const answer = async (body: object): Promise<string[]> => positions((await post('/v1/query/blocktxs', { height: 5, per_page: 1000, ...body })).json.txs as Tx[]);
  assert.equal(await answer({ order: 'asc' }), [...blockOrder].reverse(), 'asc: ReverseIterator');
  for (const body of [{}, { order: 'desc' }, { order: '' }, { order: 'ASC' }, { order: 'sideways' }]) assert.equal(await answer(body), blockOrder, JSON.stringify(body));
  // Pages are cut after ordering: page 2 of 1 under "asc" is the block's second-to-last tx.
  const second = (await post('/v1/query/blocktxs', { height: 5, per_page: 1, page: 2, order: 'asc' })).json;
  assert.equal([positions(second.txs), second.total_txs], [[blockOrder[blockOrder.length - 2]], blockOrder.length]);
});

test('accounttxs: the default lists oldest first by (height, index); "asc" newest first', async () => {
  const all = await chainTxs();
  const bySigner = new Map<string, Tx[]>();
  for (const tx of all) if (tx.tx_result.signer !== '') bySigner.set(tx.tx_result.signer, [...(bySigner.get(tx.tx_result.signer) ?? []), tx]);
  const [signer, sent] = [...bySigner.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
  assert.ok(new Set(sent.map((t) => t.height)).size > 2, 'a signer with txs in several blocks');
  const answer = async (body: object) => (await post('/v1/query/accounttxs', { address: signer.toLowerCase(), per_page: 1000, ...body })).json;
  assert.equal(positions((await answer({})).txs), positions(sent), 'default: oldest first');
  assert.equal(positions((await answer({ order: 'desc' })).txs), positions(sent), 'desc: oldest first');
  assert.equal(positions((await answer({ order: 'asc' })).txs), positions(sent).reverse(), 'asc: newest first');
});

/**
 * accounttxs' `height` > 0 adds `tx.height=h` to the query (app/query.go:55-67), which the
 * indexer serves from the prefix `tx.signer/<addr>/<h>` up to endKey, the same prefix with its
 * last part replaced by MaxInt64 (types/indexer.go:306-312, 351-355): every tx of the signer at
 * a height ≥ h, counted in total_txs. pocket-core's test says so: "query with first tx block
 * height returns both txs" (app/cmd/rpc/rpc_test.go:343-352).
 */
test('accounttxs: height h lists the address\'s txs at heights ≥ h (sent and received)', async () => {
  const all = await chainTxs();
  const signer = all.find((t) => t.tx_result.signer !== '')!.tx_result.signer;
  const sent = all.filter((t) => t.tx_result.signer === signer);
  const heights = [...new Set(sent.map((t) => t.height))];
  assert.ok(heights.length > 2, 'txs in several blocks');
  const from = heights[Math.floor(heights.length / 2)]!;
  const expected = sent.filter((t) => t.height >= from);
  const answer = await post('/v1/query/accounttxs', { address: signer, height: from, per_page: 1000 });
  assert.is(answer.status, 200, answer.text);
  assert.equal([positions(answer.json.txs), answer.json.total_txs], [positions(expected), expected.length]);
  assert.is(answer.headers['x-total-count'], String(expected.length));
  const paged = (await post('/v1/query/accounttxs', { address: signer, height: from, per_page: 1, page: 2 })).json;
  assert.equal([positions(paged.txs), paged.total_txs], [[positions(expected)[1]], expected.length]);
});

/**
 * The nodes/apps opts (x/nodes/types/querier.go:31-68, x/apps/types/querier.go:38-64):
 * staking_status is a StakeStatus, a byte (types/staking.go:38) — 0 any, 1 unstaking, 2 staked,
 * 3..255 none (IsValid compares for equality: no match, Go's zero Page, app/query.go:641-661);
 * jailed_status an int — 1 jailed, 2 not jailed, any other value no filter (IsValid's switch has
 * no default); blockchain any string, compared for equality with each chain.
 */
test('nodes/apps: opts read as their Go types, filtered as IsValid filters', async () => {
  const every = (await post('/v1/query/nodes')).json;
  assert.ok(every.result.length > 0);
  for (const jailed of [3, -1, 1000]) {
    const answer = await post('/v1/query/nodes', { opts: { jailed_status: jailed } });
    assert.equal([answer.status, answer.json], [200, every], `jailed_status ${jailed}: no filter`);
  }
  const zero = { result: null, total_pages: 0, page: 0 };
  for (const route of ['nodes', 'apps']) {
    for (const status of [3, 255]) {
      const answer = await post(`/v1/query/${route}`, { opts: { staking_status: status } });
      assert.equal([answer.status, answer.json], [200, zero], `${route} staking_status ${status}: no match`);
    }
    assert.is((await post(`/v1/query/${route}`, { opts: { staking_status: 256 } })).status, 400, 'not a byte: Go refuses to decode it');
    const long = await post(`/v1/query/${route}`, { opts: { blockchain: '0001000100010001' } });
    assert.equal([long.status, long.json], [200, zero], `${route}: a chain no one stakes for matches nothing`);
  }
});

/**
 * QueryAccounts pages GetAllAccountsExport (app/query.go:231-239), which leaves out every account
 * whose coins are empty ("not get empty coins accounts", x/auth/keeper/account.go:108-122): an
 * account that has spent everything, a module pool at zero. `account` still answers it.
 */
test('accounts: an account with no coins is not listed (it is still answered by `account`)', async () => {
  const latest = (await post('/v1/query/height')).json.height as number;
  let zeroSeen = 0;
  for (const height of [1, 2, Math.floor(latest / 2), latest]) {
    const every = (await served.store.accounts(height, { page: 1, perPage: 1000 })).items;
    const holding = every.filter((a) => a.balanceUpokt > 0n).map((a) => a.address);
    zeroSeen += every.length - holding.length;
    const listed: string[] = [];
    const first = await post('/v1/query/accounts', { height, per_page: 7 });
    for (let page = 1; page <= Math.ceil(holding.length / 7); page++) listed.push(...((await post('/v1/query/accounts', { height, page, per_page: 7 })).json.result as Array<{ address: string }>).map((a) => a.address));
    assert.equal([listed, first.headers['x-total-count']], [holding, String(holding.length)], `height ${height}`);
    const empty = every.find((a) => a.balanceUpokt === 0n);
    if (empty !== undefined) assert.equal((await post('/v1/query/account', { address: empty.address, height })).json.coins, [], 'account answers it, with no coins');
  }
  assert.ok(zeroSeen > 0, 'the chain has accounts at zero at some sampled height');
});

/**
 * `prove: true` on tx, blocktxs and accounttxs: Tendermint's TxProof of the tx in its block
 * (pokt-network/tendermint 59310158 — pocket-core's go.mod:5 — rpc/core/tx.go Tx and TxSearch:
 * `block.Data.Txs.Proof(index)`, types/tx.go:68-88): root_hash the Merkle root of the block's tx
 * hashes (HexBytes: upper hex), data the tx (base64), proof {total, index, leaf_hash, aunts}
 * (crypto/merkle/simple_proof.go:26-31, []byte as base64). Checked here with Tendermint's own
 * verification walk (computeHashFromAunts, simple_proof.go) against the block's data_hash.
 * allblocktxs never proves (app/query.go:95-133 sets an empty TxProof).
 */
test('prove: tx, blocktxs and accounttxs carry the tx\'s Merkle proof in its block', async () => {
  const sha256 = (...parts: Buffer[]): Buffer => createHash('sha256').update(Buffer.concat(parts)).digest();
  const splitPoint = (n: number): number => {
    let k = 1;
    while (k * 2 < n) k *= 2;
    return k;
  };
  const fromAunts = (index: number, total: number, leaf: Buffer, aunts: Buffer[]): Buffer | undefined => {
    if (total === 1) return aunts.length === 0 ? leaf : undefined;
    if (aunts.length === 0) return undefined;
    const left = splitPoint(total);
    const last = aunts[aunts.length - 1]!;
    const rest = aunts.slice(0, -1);
    if (index < left) {
      const hash = fromAunts(index, left, leaf, rest);
      return hash === undefined ? undefined : sha256(Buffer.from([1]), hash, last);
    }
    const hash = fromAunts(index - left, total - left, leaf, rest);
    return hash === undefined ? undefined : sha256(Buffer.from([1]), last, hash);
  };
  const latest = (await post('/v1/query/height')).json.height as number;
  let height = 0;
  let inBlock: Tx[] = [];
  for (let h = 2; h <= latest && height === 0; h++) {
    const txs = (await post('/v1/query/allblocktxs', { height: h, per_page: 1000 })).json.txs as Tx[];
    if (txs.length >= 3 && (txs.length & (txs.length - 1)) !== 0) [height, inBlock] = [h, txs];
  }
  assert.ok(height > 0, 'a block of 3 or more txs, not a power of two');
  const dataHash = (await post('/v1/query/block', { height })).json.block.header.data_hash as string;
  type Proof = { root_hash: string; data: string; proof: { total: number; index: number; leaf_hash: string; aunts: string[] } };
  let proven = 0;
  for (const tx of inBlock) {
    const answer = (await post('/v1/query/tx', { hash: tx.hash, prove: true })).json as Tx & { tx: string; proof: Proof };
    if (answer.height !== height) continue; // the same bytes sent again (refused as a duplicate): `tx` finds the first
    proven++;
    const { root_hash, data, proof } = answer.proof;
    assert.equal([root_hash, data, proof.total, proof.index], [dataHash, answer.tx, inBlock.length, tx.index]);
    const leaf = sha256(Buffer.from([0]), sha256(Buffer.from(answer.tx, 'base64')));
    assert.is(proof.leaf_hash, leaf.toString('base64'));
    const root = fromAunts(proof.index, proof.total, leaf, proof.aunts.map((a) => Buffer.from(a, 'base64')));
    assert.is(root?.toString('hex').toUpperCase(), dataHash, `tx ${tx.index}: the aunts lead to the block's data_hash`);
    const inSearch = (await post('/v1/query/blocktxs', { height, prove: true, per_page: 1000 })).json.txs as Array<{ hash: string; proof: Proof }>;
    assert.equal(inSearch.find((t) => t.hash === tx.hash)?.proof, answer.proof, 'blocktxs proves the same');
    const sent = (await post('/v1/query/accounttxs', { address: tx.tx_result.signer || '00'.repeat(20), height, prove: true, per_page: 1000 })).json.txs as Array<{ hash: string; proof: Proof }>;
    if (tx.tx_result.signer !== '') assert.equal(sent.find((t) => t.hash === tx.hash)?.proof, answer.proof, 'accounttxs proves the same');
  }
  assert.ok(proven >= 3, 'several txs of the block proven');
  const empty = { root_hash: '', data: null, proof: { total: 0, index: 0, leaf_hash: null, aunts: null } };
  assert.equal((await post('/v1/query/tx', { hash: inBlock[0]!.hash })).json.proof, empty, 'no prove: the empty TxProof');
  assert.equal(((await post('/v1/query/allblocktxs', { height, prove: true })).json.txs as Array<{ proof: unknown }>)[0]!.proof, empty, 'allblocktxs never proves');
});

/**
 * /v1/query/state writes an account at zero as the ledger's exporter does (it keeps such accounts:
 * src/genesis/export.ts) with sdk.Coins' empty list — never a coin of amount 0, which sdk.Coins
 * cannot hold (Coins.IsValid: a single coin must be positive, types/coin.go:201-209).
 */
test('state: an account at zero has no coins (not a zero coin)', async () => {
  let checked = 0;
  for (const height of [1, 2, 3]) {
    const zero = (await served.store.accounts(height, { page: 1, perPage: 1000 })).items.filter((a) => a.balanceUpokt === 0n).map((a) => a.address);
    if (zero.length === 0) continue;
    const accounts = (await post('/v1/query/state', { height })).json.app_state.auth.accounts as Array<{ value: { address: string; coins: unknown[]; BaseAccount?: { address: string; coins: unknown[] } } }>;
    // A module account's address and coins sit in its nested BaseAccount (x/auth/types/account.go:313-317).
    const base = (a: (typeof accounts)[number]) => a.value.BaseAccount ?? a.value;
    for (const address of zero) {
      assert.equal(accounts.map(base).find((b) => b.address === address)?.coins, [], `${address} at ${height}`);
      checked++;
    }
  }
  assert.ok(checked > 0, 'an account at zero was found');
});

test.run();
