/**
 * One query route: POST with a JSON-schema-checked body, answered from the ReadStore at one
 * height. Each request reads the projection's checkpoint ONCE (`latest`), resolves the height it
 * answers at (0/absent = latest; above latest = 400 `height_in_future`; below the first state
 * held, an imported chain's, 400 `height_before_first_state`) and reads only rows of
 * heights ≤ that — so an answer never mixes heights, even while a writer commits newer blocks.
 *
 * Headers on every answer: `x-ledger-height` (the height the answer is as of) and
 * `x-ledger-projected-height` (the checkpoint when it was read: a replica's lag is the writer's
 * height minus this); list answers also `x-total-count` (matches on all pages).
 * A store with snapshots (PostgreSQL) reads each answer in one and adds its headers (a replica's
 * lag: src/projection/pg/read-store.ts).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ProjectionDamaged } from '../projection/errors.js';
import { inSnapshot, ReadStoreUnavailable, type ReadStore } from '../projection/read-store.js';
import { awayFromTurn } from './client-turns.js';
import { HttpError } from './http-error.js';
import { errorAnswer } from './schemas.js';

export type Body = Record<string, unknown>;

/** A JSON answer sent as is: text (a bare big number, pocket-core's JSON-in-a-string answers) or its UTF-8 bytes (tx answers, pocket-json.ts). */
export class RawJson {
  constructor(readonly json: string | Buffer) {}
}

export class QueryContext {
  /** The height the answer is as of (set by `at`; the latest by default). */
  asOf: number;
  total: number | undefined;

  constructor(
    readonly store: ReadStore,
    readonly latest: number,
    /** Awaits slow work that is not answering (a replay) without holding the client's turn (client-turns.ts). */
    readonly awayFromTurn: <T>(work: Promise<T>) => Promise<T> = (work) => work,
    /** The first state the projection holds (ReadStore.firstHeight): H on a chain imported at H. */
    readonly first = 0,
  ) {
    this.asOf = latest;
  }

  /**
   * The answer's height: 0/absent → latest; a future height is refused, and so is one below the
   * first state held (an imported chain's heights before its import): pocket-core refuses a
   * version its store does not hold (NewContext → PrevCtx → LoadLazyVersion's error,
   * app/pocket.go:190-195, types/context.go:239-258) where reading here would answer from rows
   * that are not there (empty params, 500s).
   */
  at(requested: unknown, field = 'height'): number {
    const height = this.notPast(requested, field);
    if (height !== 0 && height < this.first) {
      throw new HttpError(400, 'height_before_first_state', `${field} ${height} is before the first state this chain holds (height ${this.first}: it was imported from a state exported there)`, { field, first: this.first });
    }
    this.asOf = height === 0 ? this.latest : height;
    return this.asOf;
  }

  /** A height that bounds a list, not the answer's height (0/absent → 0); a future height is refused. */
  notPast(requested: unknown, field = 'height'): number {
    const height = typeof requested === 'number' ? requested : 0;
    if (height > this.latest) throw new HttpError(400, 'height_in_future', `${field} ${height} is past the latest projected block (${this.latest})`, { field, latest: this.latest });
    return height;
  }
}

export interface RouteSchema {
  readonly summary: string;
  readonly body: object;
  readonly response: object;
  readonly tags?: readonly string[];
}

export type Handler = (body: Body, ctx: QueryContext) => Promise<unknown>;

export async function latestOf(store: ReadStore): Promise<number> {
  const latest = await store.latestHeight().catch(storeFailure);
  if (latest === undefined) throw new HttpError(503, 'projection_empty', 'the projection has no blocks yet (not even genesis)');
  return latest;
}

/**
 * A store that cannot answer, as a 503 naming why: its server is away (`database_unavailable`,
 * the next request may succeed) or its file is damaged (`projection_damaged`: every request
 * reaching the damage fails until the operator rebuilds it; the service itself keeps running,
 * and the answer names the fix but not the server's paths).
 */
export function storeFailure(error: unknown): never {
  if (error instanceof ReadStoreUnavailable) throw new HttpError(503, error.code, error.message, { retry: error.retry });
  if (error instanceof ProjectionDamaged) {
    throw new HttpError(503, error.code, `the projection is damaged (${error.reason}): its operator must rebuild it (\`pokt-ledger project --rebuild\`)`, { retry: false });
  }
  throw error;
}

function send(reply: FastifyReply, ctx: QueryContext, answer: unknown): FastifyReply | unknown {
  reply.header('x-ledger-height', String(ctx.asOf));
  reply.header('x-ledger-projected-height', String(ctx.latest));
  if (ctx.total !== undefined) reply.header('x-total-count', String(ctx.total));
  if (answer instanceof RawJson) return reply.type('application/json; charset=utf-8').send(answer.json);
  return answer;
}

export function queryRoute(app: FastifyInstance, store: ReadStore, path: string, schema: RouteSchema, handler: Handler): void {
  app.post(
    path,
    { schema: { summary: schema.summary, tags: schema.tags ?? ['pocket-core'], body: schema.body, response: { 200: schema.response, '4xx': errorAnswer, '5xx': errorAnswer } } },
    async (request, reply) => {
      const { value, headers } = await inSnapshot(store, async () => {
        const latest = await latestOf(store);
        const ctx = new QueryContext(store, latest, (work) => awayFromTurn(request, work), (await store.firstHeight()) ?? 0);
        return { ctx, answer: await handler((request.body ?? {}) as Body, ctx) };
      }).catch(storeFailure);
      reply.headers(headers);
      return send(reply, value.ctx, value.answer);
    },
  );
}
