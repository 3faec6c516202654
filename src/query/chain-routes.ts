/**
 * pocket-core's block, tx and account routes (PROTOCOL §10.1; app/cmd/rpc/query.go) over the
 * ReadStore, at any projected height:
 *
 *   /v1/query/height         –                                            → {height}
 *   /v1/query/block          {height}                                     → Tendermint ResultBlock
 *   /v1/query/blocktxs       {height, page, per_page, order, prove}       → {txs, page_count, total_txs}
 *   /v1/query/allblocktxs    {height, page, per_page}                     → same, no per_page clamp
 *   /v1/query/tx             {hash, prove}  (+ `height`: as of it, ours)  → RPCResultTx
 *   /v1/query/accounttxs     {address, page, per_page, received, order, prove, height} → {txs, page_count, total_txs}
 *   /v1/query/account        {address, height}                            → BaseAccount, or null (unknown)
 *   /v1/query/accounts       {height, page, per_page}                     → {result, total_pages, page}: accounts holding coins
 *   /v1/query/balance        {address, height}                            → {balance: <bare number>}
 *
 * accounttxs' `height` is pocket-core's: > 0 = txs at that height AND ABOVE — app/query.go:55-67
 * asks for `tx.height=h`, but its tx indexer reads the key range from `<address>/<h>` to
 * `<address>/<MaxInt64>` (types/indexer.go:306-312, 351-355), and pocket-core's own test expects
 * every later tx too (app/cmd/rpc/rpc_test.go:343-352). `order`: directionOf below. A tx
 * unknown at the height → 400 `tx_not_found`; a block → 400 `block_not_found` (pocket answers
 * 400 with Tendermint's message for both).
 */
import type { FastifyInstance } from 'fastify';
import type { Order, ReadStore, TxRecord } from '../projection/read-store.js';
import { HttpError } from './http-error.js';
import { pocketPage, pocketPageRequest } from './pagination.js';
import { accountJson, balanceAnswer, blockJson, txJsonAnswer, txSearchAnswer, type ProofOf } from './pocket-json.js';
import { latestOf, queryRoute, RawJson, type QueryContext } from './route.js';
import * as S from './schemas.js';
import { blockTxProofs } from './tx-proof.js';

/**
 * The direction pocket-core's tx indexer walks for a request's `order`, by (height, index):
 * checkSort (app/query.go:630-639) makes it "asc" or "desc", and PrefixIterator
 * (types/indexer.go:340-346) opens a ReverseIterator for "asc" and a forward Iterator for "desc"
 * over keys that ascend with (height, index) (ELEN, types/indexer.go:19-25). So "asc" lists the
 * newest first and every other text — "desc", "", absent — the oldest first, as pocket-core's own
 * test expects of the default (app/cmd/rpc/rpc_test.go:343-352; pocket-core issue #1420).
 */
const directionOf = (order: unknown): Order => (order === 'asc' ? 'desc' : 'asc');
const lower = (value: unknown): string => (value as string).toLowerCase();

async function allTxsOf(store: ReadStore, height: number): Promise<TxRecord[]> {
  const all: TxRecord[] = [];
  for (let page = 1; ; page++) {
    const next = await store.blockTxs(height, 'asc', { page, perPage: S.MAX_PER_PAGE });
    all.push(...next.items);
    if (all.length >= next.total || next.items.length === 0) return all;
  }
}

/**
 * `prove: true` on tx, blocktxs and accounttxs (rpc/core/tx.go Tx and TxSearch): each tx's
 * TxProof in its block (tx-proof.ts), each block's tx hashes read once; otherwise the empty TxProof.
 */
async function proofsFor(store: ReadStore, txs: readonly TxRecord[], prove: unknown): Promise<ProofOf> {
  if (prove !== true) return () => undefined;
  const byHeight = new Map<number, ReturnType<typeof blockTxProofs>>();
  for (const height of new Set(txs.map((tx) => tx.height))) byHeight.set(height, blockTxProofs(await store.blockTxHashes(height)));
  return (tx) => byHeight.get(tx.height)?.(tx.index, tx.raw);
}

export function registerChainRoutes(app: FastifyInstance, store: ReadStore): void {
  const height = async (_request: unknown, reply: { header(name: string, value: string): unknown }): Promise<{ height: number }> => {
    const latest = await latestOf(store);
    reply.header('x-ledger-height', String(latest));
    reply.header('x-ledger-projected-height', String(latest));
    return { height: latest };
  };
  const heightSchema = { summary: 'the latest projected height', tags: ['pocket-core'], response: { 200: { type: 'object', properties: { height: { type: 'integer' } } } } };
  app.post('/v1/query/height', { schema: heightSchema }, height);
  // An extension (pocket-core routes POST only, app/cmd/rpc/server.go:110): a health check or a
  // curl needs no body. Documented in docs/query-service.md.
  app.get('/v1/query/height', { schema: heightSchema }, height);

  queryRoute(app, store, '/v1/query/block', { summary: 'a block (Tendermint ResultBlock)', body: S.body({ height: S.height }), response: S.anyObject }, async (body, ctx) => {
    const at = ctx.at(body['height']);
    const block = await store.block(at);
    if (block === undefined) throw new HttpError(400, 'block_not_found', `no block at height ${at}`, { field: 'height' });
    return blockJson(block, await allTxsOf(store, at));
  });

  const blockTxsBody = S.body({ height: S.height, page: S.page, per_page: S.perPage, order: S.order, prove: { type: 'boolean' } });
  queryRoute(app, store, '/v1/query/blocktxs', { summary: "a block's txs (pocket-core's tx index: a page past the last is empty)", body: blockTxsBody, response: S.txSearchAnswer }, async (body, ctx) => {
    const found = await store.blockTxs(ctx.at(body['height']), directionOf(body['order']), pocketPageRequest(body));
    ctx.total = found.total;
    return new RawJson(txSearchAnswer(found.items, found.total, await proofsFor(store, found.items, body['prove'])));
  });
  // QueryAllBlockTxs never proves: it writes an empty TxProof whatever `prove` says (app/query.go:95-133).
  queryRoute(app, store, '/v1/query/allblocktxs', { summary: "a block's txs read from the block itself (order and prove ignored)", body: blockTxsBody, response: S.txSearchAnswer }, async (body, ctx) => {
    const found = await store.blockTxs(ctx.at(body['height']), 'asc', pocketPageRequest(body));
    ctx.total = found.total;
    return new RawJson(txSearchAnswer(found.items, found.total));
  });

  queryRoute(app, store, '/v1/query/tx', { summary: 'a tx by hash', body: S.body({ hash: S.hash, prove: { type: 'boolean' }, height: S.height }, ['hash']), response: S.txAnswer }, async (body, ctx) => {
    const hash = (body['hash'] as string).toUpperCase();
    const tx = await store.tx(hash, ctx.at(body['height']));
    if (tx === undefined) throw new HttpError(400, 'tx_not_found', `tx (${hash}) not found`, { field: 'hash' });
    return new RawJson(txJsonAnswer(tx, (await proofsFor(store, [tx], body['prove']))(tx)));
  });

  const accountTxsBody = S.body({ address: S.address, page: S.page, per_page: S.perPage, received: { type: 'boolean' }, prove: { type: 'boolean' }, order: S.order, height: S.height }, ['address']);
  queryRoute(app, store, '/v1/query/accounttxs', { summary: "an account's txs, sent (default) or received", body: accountTxsBody, response: S.txSearchAnswer }, async (body, ctx) => {
    const request = pocketPageRequest(body);
    const filter = { address: lower(body['address']), received: body['received'] === true, order: directionOf(body['order']), fromHeight: ctx.notPast(body['height']) };
    const found = await store.accountTxs(filter, ctx.latest, request);
    ctx.total = found.total;
    return new RawJson(txSearchAnswer(found.items, found.total, await proofsFor(store, found.items, body['prove'])));
  });

  registerAccountRoutes(app, store);
}

function registerAccountRoutes(app: FastifyInstance, store: ReadStore): void {
  const addressBody = S.body({ address: S.address, height: S.height }, ['address']);
  queryRoute(app, store, '/v1/query/account', { summary: 'an account (null when it does not exist)', body: addressBody, response: S.accountAnswer }, async (body, ctx) => {
    const account = await store.account(lower(body['address']), ctx.at(body['height']));
    return account === undefined ? new RawJson('null') : accountJson(account);
  });
  queryRoute(app, store, '/v1/query/accounts', { summary: 'every account holding coins, paginated', body: S.body({ height: S.height, page: S.page, per_page: S.perPage }), response: S.page$(S.accountAnswer) }, async (body, ctx) => {
    const request = pocketPageRequest(body);
    // QueryAccounts pages GetAllAccountsExport, which skips accounts with no coins (x/auth/keeper/account.go:108-122).
    const found = await store.accounts(ctx.at(body['height']), request, 'withCoins');
    ctx.total = found.total;
    const page = pocketPage(found, request);
    return { ...page, result: page.result === null ? null : page.result.map(accountJson) };
  });
  queryRoute(app, store, '/v1/query/balance', { summary: "an account's uPOKT (a bare JSON number, as Go's big.Int)", body: addressBody, response: { type: 'object', properties: { balance: { type: 'integer' } } } }, async (body, ctx: QueryContext) => {
    const balance = await store.balance(lower(body['address']), ctx.at(body['height']));
    return new RawJson(balanceAnswer(balance));
  });
}


