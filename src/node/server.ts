/**
 * The node's HTTP API (fastify), shaped as pocket-core's RPC where pocket-core has the route
 * (PROTOCOL §10.1; app/cmd/rpc/server.go):
 *
 *   GET  /v1                       → "pokt-ledger <version>" (a JSON string, as pocket-core)
 *   POST /v1/client/rawtx          {address, raw_hex_bytes} → TxResponse (CheckTx + mempool)
 *   POST /v1/query/{height,balance,supply,node,nodes,app,apps,allparams,param} → pocket's
 *                                  answers over the live state (query-routes.ts)
 *   POST /v1/ledger/produce        ledger admin: produce the next block now → the block's summary
 *   GET  /v1/ledger/mempool        ledger admin: {txs, bytes, max_txs, max_bytes}
 *   GET  /v1/ledger/health         200 {status: "ok", height} or 503 {status: "not_producing" |
 *                                  "state_unavailable", height, reason: {code, message}, failures,
 *                                  since, retry_in_ms} (production-health.ts)
 *
 * rawtx answers like pocket-core's BroadcastTxSync (x/auth/util/cliContext.go:136-144): HTTP 200
 * with the CheckTx result as a TxResponse — `code` 0 when admitted, else the rejection's code and
 * codespace with pocket's ABCI error log as `raw_log` ({"codespace","code","message"},
 * types/errors.go:305-330); `height` 0 (not in a block yet). Malformed requests (bad address or
 * hex, hostile JSON, a body over 1 MiB) get pocket's rpcError shape {code: <HTTP status>,
 * message} plus a stable `error` name. A full mempool is HTTP 503 `mempool_full`. While the node
 * cannot produce, rawtx and produce answer 503 `not_producing` (or `state_unavailable`, also for
 * queries) with the reason in `details` — a tx admitted then would wait for a block that may
 * never come. Connection deadlines and the connection cap: http-limits.ts.
 *
 * Binds to 127.0.0.1 by default: the admin routes have no authentication.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { hexToBytes } from '../core/hex.js';
import { parseAddress } from '../core/types.js';
import type { Rejection } from '../core/rejection.js';
import { StateUnavailableError } from '../runtime/chain-writer.js';
import type { BlockProducer } from './block-producer.js';
import { HttpError, sendError } from './http-error.js';
import { fastifyLimitOptions, httpLimitsOf, type HttpLimits } from './http-limits.js';
import { ProductionUnavailableError, type ProductionHealth } from './production-health.js';
import { registerQueryRoutes } from './query-routes.js';
import { BodyError, MAX_BODY_BYTES, parseRequestBody, stringField } from './request-body.js';

export const NODE_VERSION = 'pokt-ledger 0.1.0';

export interface TxResponse {
  readonly height: number;
  readonly txhash: string;
  readonly code: number;
  readonly codespace: string;
  readonly raw_log: string;
  readonly logs: null;
}

/** pocket-core's ABCI error log for a rejection (types/errors.go ABCILog). */
export function abciLog(rejection: Rejection): string {
  return JSON.stringify({ codespace: rejection.codespace, code: rejection.code, message: rejection.log });
}

function txResponse(hash: string, rejection: Rejection | undefined): TxResponse {
  return { height: 0, txhash: hash, code: rejection?.code ?? 0, codespace: rejection?.codespace ?? '', raw_log: rejection === undefined ? '' : abciLog(rejection), logs: null };
}

/**
 * The tx bytes. Their size is bounded by the body limit (1 MiB of hex); a tx over MAX_TX_BYTES
 * is decoded no further than its length and answered ledger:1 like any other CheckTx failure.
 */
function rawTxBytes(hex: string | undefined): Uint8Array {
  if (hex === undefined || hex === '') throw new HttpError(400, 'invalid_hex', 'raw_hex_bytes is required');
  const bytes = hexToBytes(hex);
  if (bytes === undefined) throw new HttpError(400, 'invalid_hex', 'raw_hex_bytes is not hex (an even number of 0-9a-f characters)');
  return bytes;
}

function healthJson(health: ProductionHealth, height: number | null): Record<string, unknown> {
  if (health.status === 'ok') return { status: 'ok', height };
  return { status: health.status, height, reason: health.reason, failures: health.failures, since: health.since, retry_in_ms: health.retryInMs };
}

export function createNodeServer(producer: BlockProducer, limits: Partial<HttpLimits> = {}): FastifyInstance {
  const httpLimits = httpLimitsOf(limits);
  const app = Fastify({ logger: false, bodyLimit: MAX_BODY_BYTES, ...fastifyLimitOptions(httpLimits) });
  app.server.maxConnections = httpLimits.maxConnections;
  const { writer, mempool } = producer;
  /** 503 with the reason while the node cannot produce (a tx admitted now might never be included). */
  const requireProducing = (): void => {
    const health = producer.health;
    if (health.status !== 'ok') throw new ProductionUnavailableError(health);
  };
  // pocket-core ignores the Content-Type: every body is parsed as JSON, defensively.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: MAX_BODY_BYTES }, (_request, body, done) => {
    try {
      done(null, parseRequestBody(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof HttpError) return sendError(reply, error.status, error.code, error.message);
    if (error instanceof BodyError) return sendError(reply, 400, error.code, error.message);
    if (error instanceof ProductionUnavailableError) return sendError(reply, 503, error.health.status, error.message, healthJson(error.health, writer.stateAvailable ? writer.height : null));
    if (error instanceof StateUnavailableError) return sendError(reply, 503, error.code, error.message);
    const code = (error as { code?: string }).code;
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(reply, 413, 'body_too_large', `the body exceeds ${MAX_BODY_BYTES} bytes`);
    const status = (error as { statusCode?: number }).statusCode;
    if (status !== undefined && status >= 400 && status < 500) return sendError(reply, status, 'bad_request', error instanceof Error ? error.message : String(error));
    return sendError(reply, 500, 'internal_error', error instanceof Error ? error.message : String(error));
  });
  app.setNotFoundHandler((request, reply) => sendError(reply, 404, 'not_found', `no route ${request.method} ${request.url}`));

  // pocket-core JSON-encodes the version string (server.go WriteResponse: json.Marshal of a string).
  app.get('/v1', (_request, reply) => reply.type('application/json; charset=utf-8').send(JSON.stringify(NODE_VERSION)));

  app.post('/v1/client/rawtx', (request, reply) => {
    const address = stringField(request.body, 'address');
    if (address === undefined || parseAddress(address) === undefined) throw new HttpError(400, 'invalid_address', 'address must be a 20-byte hex address');
    const bytes = rawTxBytes(stringField(request.body, 'raw_hex_bytes'));
    requireProducing();
    const outcome = mempool.add(writer.state, bytes);
    if ('full' in outcome) return sendError(reply, 503, 'mempool_full', outcome.full);
    return txResponse(outcome.hash, outcome.ok ? undefined : outcome.rejection);
  });

  registerQueryRoutes(app, () => writer.state);

  app.post('/v1/ledger/produce', () => {
    const { block, result } = producer.produceNext();
    return {
      height: result.height,
      block_hash: result.blockHash,
      state_root: result.stateRoot,
      time_ns: result.timeNs.toString(),
      proposer: block.header.proposer,
      txs: result.receipts.length,
      receipts: result.receipts.map((r) => ({ txhash: r.hash, code: r.code, codespace: r.codespace, raw_log: r.code === 0 ? '' : abciLog(r), fee_upokt: r.feeUpokt.toString() })),
    };
  });

  app.get('/v1/ledger/health', (_request, reply) => {
    const health = producer.health;
    return reply.code(health.status === 'ok' ? 200 : 503).send(healthJson(health, writer.stateAvailable ? writer.height : null));
  });

  app.get('/v1/ledger/mempool', () => ({ txs: mempool.size, bytes: mempool.bytes, max_txs: mempool.maxTxs, max_bytes: mempool.maxBytes }));
  return app;
}
