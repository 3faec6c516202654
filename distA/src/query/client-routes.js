import { queryNode } from '../modules/nodes/index.js';
import { dispatch } from '../modules/pocketcore/index.js';
import { HttpError } from './http-error.js';
import { cut, pocketPageRequest } from './pagination.js';
import { stdTxJson } from './pocket-json.js';
import { queryRoute, RawJson } from './route.js';
import * as S from './schemas.js';
/** RPCResultUnconfirmedTx (query.go:182-187). */
function unconfirmedJson(tx) {
    return { hash: tx.hash, message_type: tx.messageType, stdTx: stdTxJson(tx.bytes) };
}
export function registerClientRoutes(app, store, sources) {
    const notRelay = (route) => () => {
        throw new HttpError(501, 'not_a_relay_node', `${route}: this is a ledger, not a relay node — it serves no relays, challenges or simulated relays (use a Pocket relay node)`);
    };
    for (const route of ['relay', 'challenge', 'sim']) {
        app.post(`/v1/client/${route}`, { schema: { summary: 'refused: this is a ledger, not a relay node', tags: ['pocket-core'], response: { 501: S.errorAnswer } } }, notRelay(`/v1/client/${route}`));
    }
    const dispatchBody = S.body({ app_public_key: S.publicKey, chain: S.chain, session_height: { type: 'integer', minimum: 0, maximum: S.MAX_HEIGHT } }, ['app_public_key', 'chain']);
    queryRoute(app, store, '/v1/client/dispatch', { summary: "the app's current session (the ledger's own session walk)", body: dispatchBody, response: S.anyObject }, async (body, ctx) => {
        if (sources.dispatchState === undefined)
            throw new HttpError(501, 'dispatch_unavailable', 'this server has no state to walk sessions with');
        const { state, height } = await sources.dispatchState(ctx.latest);
        ctx.asOf = height;
        const session = dispatch(state, body['app_public_key'].toLowerCase(), body['chain'].toUpperCase(), height);
        if (!session.ok)
            throw new HttpError(400, session.error.name, `${session.error.codespace}:${session.error.code} ${session.error.log}`, { field: 'app_public_key' });
        const asked = body['session_height'];
        if (typeof asked === 'number' && asked !== 0 && asked !== session.value.header.session_height) {
            throw new HttpError(400, 'invalid_session_height', `session_height ${asked} is not the current session (${session.value.header.session_height})`, { field: 'session_height' });
        }
        const nodes = session.value.nodes.map((address) => {
            const node = queryNode(state, address);
            return node.ok ? node.value : { address };
        });
        return { session: { header: session.value.header, key: Buffer.from(session.value.key, 'hex').toString('base64'), nodes }, block_height: height };
    });
    queryRoute(app, store, '/v1/query/unconfirmedtxs', { summary: "the mempool's txs (empty in serve)", body: S.body({ page: S.page, per_page: S.perPage }), response: S.anyObject }, async (body, ctx) => {
        const all = sources.pendingTxs?.() ?? [];
        const page = cut(all, pocketPageRequest(body));
        ctx.total = all.length;
        return { txs: page.items.map(unconfirmedJson), page_count: page.items.length, total_txs: all.length };
    });
    queryRoute(app, store, '/v1/query/unconfirmedtx', { summary: 'one mempool tx (null when absent; always null in serve)', body: S.body({ hash: S.hash }, ['hash']), response: S.anyObject }, async (body) => {
        const hash = body['hash'].toUpperCase();
        const found = (sources.pendingTxs?.() ?? []).find((tx) => tx.hash === hash);
        return found === undefined ? new RawJson('null') : unconfirmedJson(found);
    });
}
//# sourceMappingURL=client-routes.js.map