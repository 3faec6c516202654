/**
 * The fastify instance the node and `serve` share: pocket-core's body handling (every body parsed
 * as JSON whatever its Content-Type, at most 64 KiB — 1 MiB for rawtx —, hostile JSON refused:
 * request-body.ts; what Node would answer on its own, in the same shape: http-edges.ts),
 * connection limits (http-limits.ts), request validation by the routes' JSON schemas WITHOUT type
 * coercion, answers written by JSON.stringify (a response schema documents, never reshapes), the
 * OpenAPI document of every route (@fastify/swagger) and one error shape for every failure:
 * `{code: <HTTP status>, message, error: <stable name>, details?}` — a 4xx names the field.
 * Every answer carries how long the service held it (Server-Timing, timeAnswers).
 */
import { randomBytes } from 'node:crypto';
import { posix } from 'node:path';
import type { Socket } from 'node:net';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import swagger from '@fastify/swagger';
import { LEDGER_VERSION } from '../core/version.js';
import { HttpError, sendError } from './http-error.js';
import { foldFieldNames } from './field-names.js';
import { answerHttpEdges, clientErrorAnswer } from './http-edges.js';
import { fastifyLimitOptions, httpLimitsOf, type HttpLimits } from './http-limits.js';
import { BodyError, MAX_QUERY_BODY_BYTES, parseRequestBody } from './request-body.js';

/**
 * A bigint in an answer is written as a bare number with all its digits; JSON.stringify cannot
 * write a bigint. (pocket-core's own routes do not want that: its WriteJSONResponse hands numbers
 * past 2^53 over as float64s — pocket-json.ts viaFloat64 — so their builders give Numbers.)
 * A bigint is written as a marker string, then the marker is replaced by its
 * digits. The marker carries a random per-process nonce, so no string a client put in a tx (a
 * memo) can be turned into a number.
 */
const BIGINT_MARK = `\u0001bigint-${randomBytes(8).toString('hex')}:`;
const BIGINT_MARKED = new RegExp(`"${BIGINT_MARK.replace('\u0001', '\\\\u0001')}(-?[0-9]+)"`, 'g');

export function stringifyAnswer(data: unknown): string {
  // PERF: a replacer runs for every value (a 100-node page slows ~2×); only answers holding a
  // bigint need it, and JSON.stringify says so by throwing.
  try {
    return JSON.stringify(data);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
  }
  const text = JSON.stringify(data, (_key, value: unknown) => (typeof value === 'bigint' ? `${BIGINT_MARK}${value}` : value));
  return text.replace(BIGINT_MARKED, '$1');
}

/** Maps an error the caller knows (e.g. the node's 503s) to a reply; undefined = not mine. */
export type ErrorMapper = (error: unknown, reply: FastifyReply) => FastifyReply | undefined;

interface AjvError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly message?: string;
  readonly params: Record<string, unknown>;
}

/** "opts.per_page" from Ajv's "/opts/per_page" (a missing property names itself). */
function fieldOf(error: AjvError): string {
  const path = error.instancePath.split('/').filter((part) => part !== '');
  if (error.keyword === 'required' && typeof error.params['missingProperty'] === 'string') path.push(error.params['missingProperty']);
  return path.length === 0 ? 'body' : path.join('.');
}

function validationReply(reply: FastifyReply, errors: readonly AjvError[]): FastifyReply {
  const first = errors[0]!;
  const field = fieldOf(first);
  // A missing or malformed address keeps the name the node's routes gave it before the schemas.
  const code = field === 'address' && first.keyword !== 'type' ? 'invalid_address' : 'invalid_request';
  // Ajv says "must have required property 'hash'" of the body; the field itself is what is missing.
  const message = first.keyword === 'required' ? 'is required' : (first.message ?? 'is invalid');
  return sendError(reply, 400, code, `${field} ${message}`, { field, rule: first.keyword, ...first.params });
}

/**
 * 413: the body is past its route's limit (request-body.ts). Fastify marks the connection to be
 * closed, as the client may still be sending; but closing a socket with unread bytes makes the
 * kernel reset it, and the reset can reach the client before the 413 (QA of 2026-12-06: 5 of 20
 * curl uploads of 5 MB got no answer). Kept open instead: once the 413 is written Node reads the
 * rest of the body and drops it, within the request deadline (http-limits.ts), and the connection
 * serves the next request. A body over 1 MiB announced with Expect: 100-continue is refused
 * before it is sent (http-edges.ts).
 */
function bodyTooLarge(reply: FastifyReply): FastifyReply {
  reply.header('connection', 'keep-alive');
  return sendError(reply, 413, 'body_too_large', `the body exceeds ${reply.request.routeOptions.bodyLimit} bytes`, { field: 'body' });
}

function replyForError(error: FastifyError | Error, reply: FastifyReply, mapper: ErrorMapper | undefined): FastifyReply {
  const mapped = mapper?.(error, reply);
  if (mapped !== undefined) return mapped;
  if (error instanceof HttpError) return sendError(reply, error.status, error.code, error.message, error.details);
  if (error instanceof BodyError) return sendError(reply, 400, error.code, error.message, { field: 'body' });
  const validation = (error as { validation?: AjvError[] }).validation;
  if (validation !== undefined && validation.length > 0) return validationReply(reply, validation);
  const code = (error as { code?: string }).code;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return bodyTooLarge(reply);
  const status = (error as { statusCode?: number }).statusCode;
  if (status !== undefined && status >= 400 && status < 500) return sendError(reply, status, 'bad_request', error.message);
  return sendError(reply, 500, 'internal_error', error.message);
}

/** A request URL's path and its query ('' or from its '?'). */
function splitQuery(url: string): [string, string] {
  const at = url.indexOf('?');
  return at < 0 ? [url, ''] : [url.slice(0, at), url.slice(at)];
}

/** Static routes by method, then by path lower-cased without a trailing slash (fixedPathOf). */
type RouteIndex = Map<string, Map<string, string>>;

const routeKey = (path: string): string => (path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path).toLowerCase();

/** Records every static route as it is added (wildcards and parameters are not fixed paths). */
function indexRoutes(app: FastifyInstance): RouteIndex {
  const index: RouteIndex = new Map();
  app.addHook('onRoute', (route) => {
    if (/[*:]/.test(route.url)) return;
    for (const method of [route.method].flat()) {
      const paths = index.get(method) ?? new Map<string, string>();
      if (!paths.has(routeKey(route.url))) paths.set(routeKey(route.url), route.url);
      index.set(method, paths);
    }
  });
  return index;
}

/**
 * The route a mistyped path means, as pocket-core's router finds it (httprouter v1.3.0, on by
 * default: router.go:192-199, 389-419): the path cleaned of `//`, `.` and `..` (CleanPath), then
 * matched without regard to case or a trailing slash. A client whose base URL ends in "/" asks
 * for `//v1/query/height`; pocket-core redirects it, and fetch follows.
 */
function fixedPathOf(index: RouteIndex, method: string, path: string): string | undefined {
  const fixed = index.get(method)?.get(routeKey(posix.normalize(`/${path}`)));
  return fixed === path ? undefined : fixed;
}

/**
 * A path the app serves under another spelling: the redirect pocket-core's router answers (301 for
 * a GET, else 307, which keeps the method and body: router.go:390-395). A path the app serves with
 * other methods: a 405 naming them (pocket-core's router answers 405). Else a 404.
 */
function notFound(app: FastifyInstance, index: RouteIndex, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const [url, query] = splitQuery(request.url);
  const fixed = fixedPathOf(index, request.method, url);
  if (fixed !== undefined) return reply.code(request.method === 'GET' ? 301 : 307).header('location', `${fixed}${query}`).send();
  const allowed = ['GET', 'POST'].filter((method) => method !== request.method && app.hasRoute({ method: method as 'GET' | 'POST', url }));
  if (allowed.length > 0) return sendError(reply.header('allow', allowed.join(', ')), 405, 'method_not_allowed', `${request.method} ${url.slice(0, 200)}: this route answers ${allowed.join(', ')}`, { field: 'method', allowed });
  // `serve` is read only: a tx submitted to it is the one 404 worth a pointer.
  const hint = url === '/v1/client/rawtx' ? ': this service is read only — submit txs to a block producer (`pokt-ledger node`)' : '';
  return sendError(reply, 404, 'not_found', `no route ${request.method} ${request.url.slice(0, 200)}${hint}`, { field: 'url' });
}

/**
 * Closes a connection that has more than `maxPipelined` requests waiting for their answers to
 * leave (http-limits.ts: a client pipelining requests and not reading the answers). An answer has
 * left when its response closes: Node emits that after the last byte went to the socket.
 */
function capPipelining(app: FastifyInstance, maxPipelined: number): void {
  const waiting = new WeakMap<Socket, number>();
  app.addHook('onRequest', (request, reply, done) => {
    const socket = request.raw.socket;
    const count = (waiting.get(socket) ?? 0) + 1;
    if (count > maxPipelined) {
      socket.destroy();
      return done(new HttpError(429, 'too_many_pipelined', `more than ${maxPipelined} requests waiting on one connection: read the answers before sending more`));
    }
    waiting.set(socket, count);
    reply.raw.once('close', () => waiting.set(socket, (waiting.get(socket) ?? 1) - 1));
    done();
  });
}

/** The Server-Timing metric's name (W3C Server Timing): the service's time on one answer. */
export const SERVER_TIMING_METRIC = 'app';

/**
 * Every answer says how long the service held it: `Server-Timing: app;dur=<ms>` (W3C Server
 * Timing), from the request's arrival in Fastify (Node has parsed its head) until its answer is
 * serialized — the wait for the client's turn (client-turns.ts) included, the write to the
 * socket not. Browsers show it beside each request (the explorer's fetches); the query bench
 * reads it to tell the service's own tail from the loopback's and the load generator's.
 */
function timeAnswers(app: FastifyInstance): void {
  app.decorateRequest('receivedAtMs', 0);
  app.addHook('onRequest', (request, _reply, done) => {
    request.receivedAtMs = performance.now();
    done();
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('server-timing', `${SERVER_TIMING_METRIC};dur=${(performance.now() - request.receivedAtMs).toFixed(3)}`);
    done(null, payload);
  });
}

declare module 'fastify' {
  interface FastifyRequest {
    /** performance.now() when the request reached Fastify (timeAnswers). */
    receivedAtMs: number;
  }
}

/** A fastify app with the shared parser, validation, serializer, error shape and OpenAPI plugin. */
export async function createHttpApp(limits: Partial<HttpLimits> = {}, mapper?: ErrorMapper): Promise<FastifyInstance> {
  const httpLimits = httpLimitsOf(limits);
  const limitOptions = fastifyLimitOptions(httpLimits);
  const app = Fastify({
    logger: false,
    // A route that takes more (the node's rawtx: 1 MiB) says so in its own options.
    bodyLimit: MAX_QUERY_BODY_BYTES,
    ...limitOptions,
    // Node's own answer to a request without Host has no body: http-edges.ts answers it.
    http: { ...limitOptions.http, requireHostHeader: false },
    // Go's decoder refuses "5" for an int64: no coercion; unknown fields are ignored, not removed.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: false } },
    clientErrorHandler: clientErrorAnswer,
    // A URL the router cannot decode ("/explorer/%"): the one error shape too.
    frameworkErrors: (error, _request, reply) => sendError(reply, 400, 'invalid_url', `the URL cannot be decoded (${error.message})`, { field: 'url' }),
  });
  app.server.maxConnections = httpLimits.maxConnections;
  const routes = indexRoutes(app);
  // Timed first: an answer given in an earlier onRequest hook (missing_host) would otherwise be
  // timed from 0, the process's start (`app;dur=2827078.769`).
  timeAnswers(app);
  answerHttpEdges(app, httpLimits.trustedProxies.length === 0 ? httpLimits.maxConnectionsPerClient : undefined);
  capPipelining(app, httpLimits.maxPipelined);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'pokt-ledger query service', version: LEDGER_VERSION, description: "pocket-core's RPC (PROTOCOL §10.1) at every height, and the ledger's own routes. docs/query-service.md." },
    },
  });
  // pocket-core ignores the Content-Type: every body is parsed as JSON, defensively — even under
  // a header Fastify cannot parse ("text", "a/b/c"), which it would refuse (415) before any parser.
  app.addHook('onRequest', (request, _reply, done) => {
    if (request.headers['content-type'] !== undefined) request.headers['content-type'] = 'application/json';
    done();
  });
  app.removeAllContentTypeParsers();
  // No bodyLimit here: the route's applies (Fastify takes a parser's own limit over the route's).
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseRequestBody(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  // No body at all is "no parameters", however it came: without a Content-Type no parser runs and
  // the body would reach the schema as undefined (a 400), while the same empty body with one
  // parses to {} (request-body.ts). A body that is JSON null stays null and is refused.
  app.addHook('preValidation', (request, _reply, done) => {
    if (request.body === undefined && request.method === 'POST') request.body = {};
    request.body = foldFieldNames(request.body, request.routeOptions.schema?.body);
    done();
  });
  // A response schema documents the answer; the answer itself is exactly what the route built.
  app.setSerializerCompiler(() => stringifyAnswer);
  app.setReplySerializer(stringifyAnswer);
  app.setErrorHandler((error, _request, reply) => replyForError(error as Error, reply, mapper));
  app.setNotFoundHandler((request, reply) => notFound(app, routes, request, reply));
  // pocket-core JSON-encodes the version string (server.go WriteResponse: json.Marshal of a string).
  app.get('/v1', { schema: { summary: 'version (a JSON string)', response: { 200: { type: 'string' } } } }, (_request, reply) =>
    reply.type('application/json; charset=utf-8').send(JSON.stringify(LEDGER_VERSION)),
  );
  app.get('/v1/openapi.json', { schema: { hide: true } }, () => app.swagger());
  return app;
}
