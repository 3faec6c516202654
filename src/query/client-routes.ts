/**
 * pocket-core's client routes other than rawtx (which only a node has: src/node/server.ts):
 *
 *   /v1/client/dispatch      {app_public_key, chain, session_height} → {session{header, key, nodes[]}, block_height}
 *                            the ledger's own session walk (modules/pocketcore dispatch) over a
 *                            state at the latest height: the node's live state, or in `serve` a
 *                            replay of the log to the latest projected height (cached until the
 *                            projection moves; the first call after a block pays a replay from the
 *                            newest snapshot). As in pocket-core's HandleDispatch
 *                            (x/pocketcore/keeper/session.go:11-15) the session is always the
 *                            latest one: the asked session_height is overwritten, whatever it
 *                            is (it must still be an integer, as Go's decoder requires). The
 *                            nodes are their records at the session start (GetNode(sessionCtx),
 *                            session.go:42-45), not the live ones.
 *   /v1/client/relay, /challenge, /sim → 501 `not_a_relay_node`: this is a ledger, not a relay node
 *   dispatch, relay and challenge answer CORS as pocket-core's handlers do (server.go:71-76,
 *   client.go:21-25, 55-60, 143-148): every answer allows any origin, and OPTIONS (a browser's
 *   preflight) is 200 with no body — so a web page can dispatch across origins, as with pocket-core.
 *   /v1/query/unconfirmedtxs {page, per_page} / unconfirmedtx {hash} → the node's mempool;
 *                            `serve` has none and answers them empty / null (documented choice).
 */
import type { FastifyInstance } from 'fastify';
import { nodeJson } from '../modules/nodes/index.js';
import { dispatch, dispatchNodeRecords } from '../modules/pocketcore/index.js';
import type { PublicKeyHex } from '../core/types.js';
import type { ReadStore } from '../projection/read-store.js';
import { HttpError } from './http-error.js';
import { cut, pocketPageRequest } from './pagination.js';
import { stdTxJson } from './pocket-json.js';
import type { StateSource } from './replayed-state.js';
import { queryRoute, RawJson } from './route.js';
import * as S from './schemas.js';

export interface PendingTx {
  readonly hash: string;
  readonly bytes: Uint8Array;
  /** pocket's msg.Type() ("send", "stake_validator", …); "" when the tx does not decode. */
  readonly messageType: string;
}

export interface ClientSources {
  /** The mempool in arrival order (the node); absent → empty. */
  readonly pendingTxs?: () => readonly PendingTx[];
  /**
   * A state at the latest projected height (or later) for dispatch, given that height and the
   * projected block's hash there ('' at genesis: a state of a replaced chain is not reused);
   * absent → 501.
   */
  readonly dispatchState?: StateSource;
}

/** RPCResultUnconfirmedTx (query.go:182-187). */
function unconfirmedJson(tx: PendingTx): unknown {
  return { hash: tx.hash, message_type: tx.messageType, stdTx: stdTxJson(tx.bytes) };
}

/** The headers pocket-core's cors() sets (app/cmd/rpc/server.go:71-76). */
const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST',
  'access-control-allow-headers': 'Accept, Content-Type, Content-Length, Accept-Encoding, X-CSRF-Token, Authorization',
} as const;

/** The client routes whose pocket-core handlers call cors() first (client.go Dispatch, Relay, Challenge). */
const CORS_PATHS: ReadonlySet<string> = new Set(['/v1/client/dispatch', '/v1/client/relay', '/v1/client/challenge']);

/**
 * CORS on CORS_PATHS: the headers on every answer, errors included (pocket-core sets them before
 * it reads the body), and an OPTIONS route answering 200 with no body (cors() returns true for
 * OPTIONS and the handler writes nothing).
 */
function answerCors(app: FastifyInstance): void {
  app.addHook('onSend', (request, reply, payload, done) => {
    if (CORS_PATHS.has(request.url.split('?')[0]!)) reply.headers(CORS_HEADERS);
    done(null, payload);
  });
  for (const path of CORS_PATHS) app.options(path, { schema: { hide: true } }, (_request, reply) => reply.code(200).send());
}

export function registerClientRoutes(app: FastifyInstance, store: ReadStore, sources: ClientSources): void {
  answerCors(app);
  const notRelay = (route: string) => () => {
    throw new HttpError(501, 'not_a_relay_node', `${route}: this is a ledger, not a relay node — it serves no relays, challenges or simulated relays (use a Pocket relay node)`);
  };
  for (const route of ['relay', 'challenge', 'sim']) {
    app.post(`/v1/client/${route}`, { schema: { summary: 'refused: this is a ledger, not a relay node', tags: ['pocket-core'], response: { 501: S.errorAnswer } } }, notRelay(`/v1/client/${route}`));
  }

  // session_height: any int64 decodes in Go (SessionHeader.SessionBlockHeight) and is overwritten
  // (session.go:13-15), so a negative one or one beyond 2^53 is no reason to refuse.
  const dispatchBody = S.body({ app_public_key: S.publicKey, chain: S.chain, session_height: { type: 'integer', minimum: -(2 ** 63), maximum: 2 ** 63 - 1 } }, ['app_public_key', 'chain']);
  queryRoute(app, store, '/v1/client/dispatch', { summary: "the app's current session (the ledger's own session walk)", body: dispatchBody, response: S.anyObject }, async (body, ctx) => {
    if (sources.dispatchState === undefined) throw new HttpError(501, 'dispatch_unavailable', 'this server has no state to walk sessions with: sessions are dealt from a replay of the chain\'s block log, which `serve --postgres` reads only when started with `--data DIR` (the chain\'s data directory on this machine)');
    const block = await store.block(ctx.latest);
    // A replay of the log when the projection has moved (seconds on a long chain): not answering, so away from the turn.
    const { state, height } = await ctx.awayFromTurn(sources.dispatchState(ctx.latest, block?.hash ?? ''));
    ctx.asOf = height;
    const session = dispatch(state, (body['app_public_key'] as string).toLowerCase() as PublicKeyHex, (body['chain'] as string).toUpperCase(), height);
    if (!session.ok) throw new HttpError(400, session.error.name, `${session.error.codespace}:${session.error.code} ${session.error.log}`, { field: 'app_public_key' });
    const nodes = dispatchNodeRecords(state, session.value).map(nodeJson);
    return { session: { header: session.value.header, key: Buffer.from(session.value.key, 'hex').toString('base64'), nodes }, block_height: height };
  });

  queryRoute(app, store, '/v1/query/unconfirmedtxs', { summary: "the mempool's txs (empty in serve)", body: S.body({ page: S.page, per_page: S.perPage }), response: S.anyObject }, async (body, ctx) => {
    const all = sources.pendingTxs?.() ?? [];
    const page = cut(all, pocketPageRequest(body));
    ctx.total = all.length;
    return { txs: page.items.map(unconfirmedJson), page_count: page.items.length, total_txs: all.length };
  });
  queryRoute(app, store, '/v1/query/unconfirmedtx', { summary: 'one mempool tx (null when absent; always null in serve)', body: S.body({ hash: S.hash }, ['hash']), response: S.anyObject }, async (body) => {
    const hash = (body['hash'] as string).toUpperCase();
    const found = (sources.pendingTxs?.() ?? []).find((tx) => tx.hash === hash);
    return found === undefined ? new RawJson('null') : unconfirmedJson(found);
  });
}
