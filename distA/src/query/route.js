import { inSnapshot, ReadStoreUnavailable } from '../projection/read-store.js';
import { HttpError } from './http-error.js';
import { errorAnswer } from './schemas.js';
/** A JSON text sent as is (a bare big number, or pocket-core's JSON-in-a-string answers). */
export class RawJson {
    text;
    constructor(text) {
        this.text = text;
    }
}
export class QueryContext {
    store;
    latest;
    /** The height the answer is as of (set by `at`; the latest by default). */
    asOf;
    total;
    constructor(store, latest) {
        this.store = store;
        this.latest = latest;
        this.asOf = latest;
    }
    /** The answer's height: 0/absent → latest; a future height is refused. */
    at(requested, field = 'height') {
        const height = typeof requested === 'number' ? requested : 0;
        if (height > this.latest)
            throw new HttpError(400, 'height_in_future', `${field} ${height} is past the latest projected block (${this.latest})`, { field, latest: this.latest });
        this.asOf = height === 0 ? this.latest : height;
        return this.asOf;
    }
}
export async function latestOf(store) {
    const latest = await store.latestHeight().catch(unavailable);
    if (latest === undefined)
        throw new HttpError(503, 'projection_empty', 'the projection has no blocks yet (not even genesis)');
    return latest;
}
/** A store whose server is away: 503 `database_unavailable` (the next request may succeed). */
function unavailable(error) {
    if (error instanceof ReadStoreUnavailable)
        throw new HttpError(503, error.code, error.message, { retry: true });
    throw error;
}
function send(reply, ctx, answer) {
    reply.header('x-ledger-height', String(ctx.asOf));
    reply.header('x-ledger-projected-height', String(ctx.latest));
    if (ctx.total !== undefined)
        reply.header('x-total-count', String(ctx.total));
    if (answer instanceof RawJson)
        return reply.type('application/json; charset=utf-8').send(answer.text);
    return answer;
}
export function queryRoute(app, store, path, schema, handler) {
    app.post(path, { schema: { summary: schema.summary, tags: schema.tags ?? ['pocket-core'], body: schema.body, response: { 200: schema.response, '4xx': errorAnswer, '5xx': errorAnswer } } }, async (request, reply) => {
        const { value, headers } = await inSnapshot(store, async () => {
            const ctx = new QueryContext(store, await latestOf(store));
            return { ctx, answer: await handler((request.body ?? {}), ctx) };
        }).catch(unavailable);
        reply.headers(headers);
        return send(reply, value.ctx, value.answer);
    });
}
//# sourceMappingURL=route.js.map