/**
 * The node's HTTP API (fastify), shaped as pocket-core's RPC where pocket-core has the route
 * (PROTOCOL §10.1; app/cmd/rpc/server.go):
 *
 *   GET  /v1                       → "pokt-ledger <version>" (a JSON string, as pocket-core)
 *   POST /v1/client/rawtx          {address, raw_hex_bytes} → TxResponse (CheckTx + mempool)
 *   POST /v1/query/*, /v1/client/{dispatch,relay,challenge,sim}, GET /v1/openapi.json
 *                                  the query service (src/query/) over the node's projection,
 *                                  which the node keeps in step with every block (node.ts);
 *                                  unconfirmedtx(s) read this node's mempool, dispatch its live state
 *   POST /v1/ledger/produce        ledger admin: produce the next block now → the block's summary
 *   GET  /v1/ledger/mempool        ledger admin: {txs, bytes, max_txs, max_bytes}
 *   GET  /v1/ledger/health         200 {status: "ok", height} or 503 {status: "not_producing" |
 *                                  "state_unavailable", height, reason: {code, message}, failures,
 *                                  since, retry_in_ms (absent: not retried)} (production-health.ts)
 *
 * rawtx answers like pocket-core's BroadcastTxSync (x/auth/util/cliContext.go:136-144): HTTP 200
 * with the CheckTx result as a TxResponse — {"txhash","logs":null} when admitted, else with the
 * rejection's code and pocket's ABCI error log as `raw_log` ({"codespace","code","message"},
 * types/errors.go:305-330; the answer itself has no codespace, see TxResponse). Malformed requests (bad address or
 * hex, hostile JSON, a body over 1 MiB) get pocket's rpcError shape {code: <HTTP status>,
 * message} plus a stable `error` name. A full mempool is HTTP 503 `mempool_full` with a
 * Retry-After of the seconds until the next scheduled block (mempoolRetryAfterSeconds); a tx larger
 * than the next block can hold is 400 `tx_too_large` (Tendermint's preCheck, before CheckTx); bytes
 * waiting or just delivered are 400 `tx_in_cache` (Tendermint's seen-tx cache, mempool.ts). While the node
 * cannot produce, rawtx and produce answer 503 `not_producing` (or `state_unavailable`, also for
 * queries) with the reason in `details` — a tx admitted then would wait for a block that may
 * never come — and, like health's 503, a Retry-After of the seconds until production's next retry
 * (none when it stopped for good: productionRetryAfterSeconds). Connection deadlines and the connection cap: http-limits.ts.
 *
 * Binds to 127.0.0.1 by default: the admin routes have no authentication.
 */
import type { FastifyInstance } from 'fastify';
import { hexToBytes } from '../core/hex.js';
import { parseAddress } from '../core/types.js';
import { messageType } from '../messages/index.js';
import type { Rejection } from '../core/rejection.js';
import { StateUnavailableError } from '../runtime/chain-writer.js';
import type { BlockProducer } from './block-producer.js';
import type { ReadStore } from '../projection/read-store.js';
import { createHttpApp } from '../query/http-app.js';
import { HttpError, sendError } from '../query/http-error.js';
import type { HttpLimits } from '../query/http-limits.js';
import { MAX_BODY_BYTES, stringField } from '../query/request-body.js';
import { registerQueryService } from '../query/service.js';
import { shareTurnsByClient, type TurnLimits } from '../query/client-turns.js';
import { registerExplorer } from '../explorer/index.js';
import { productionRetryAfterSeconds, ProductionUnavailableError, type ProductionHealth } from './production-health.js';


/**
 * sdk.TxResponse (types/abci.pb.go:32-50) as BroadcastTxSync fills it (types/result.go:196-210)
 * and amino JSON prints it: every field but `logs` is `omitempty`, so a tx CheckTx admits is
 * exactly {"txhash","logs":null} — no code, codespace, raw_log or height (the pocketjs SDK takes
 * their presence for a failure); a refusal adds its code and raw_log. Never a codespace:
 * Tendermint's ResultBroadcastTx carries one (rpc/core/types/responses.go:165-172 in the
 * pokt-network fork at 59310158d3e9, pocket-core go.mod:5) but NewResponseFormatBroadcastTx
 * does not copy it — the codespace reaches a client only inside raw_log, pocket's ABCI error log.
 */
export interface TxResponse {
  readonly txhash: string;
  readonly code?: number;
  readonly raw_log?: string;
  readonly logs: null;
}

/** pocket-core's ABCI error log for a rejection (types/errors.go ABCILog). */
export function abciLog(rejection: Rejection): string {
  return JSON.stringify({ codespace: rejection.codespace, code: rejection.code, message: rejection.log });
}

function txResponse(hash: string, rejection: Rejection | undefined): TxResponse {
  if (rejection === undefined) return { txhash: hash, logs: null };
  return { txhash: hash, code: rejection.code, raw_log: abciLog(rejection), logs: null };
}

/**
 * The tx bytes. Their size is bounded by the body limit (1 MiB of hex); a tx over MAX_TX_BYTES
 * is decoded no further than its length and answered ledger:1 like any other CheckTx failure.
 * No hex (empty, absent or null) is no bytes, not a malformed request: pocket-core's SendRawTx
 * hex-decodes Go's zero value "" without error and broadcasts an empty tx
 * (app/cmd/rpc/client.go:177-182), which CheckTx refuses as sdk:2 "txBytes are empty".
 */
function rawTxBytes(hex: string | undefined): Uint8Array {
  if (hex === undefined || hex === '') return new Uint8Array(0);
  const bytes = hexToBytes(hex);
  if (bytes === undefined) throw new HttpError(400, 'invalid_hex', 'raw_hex_bytes is not hex (an even number of 0-9, a-f or A-F characters)', { field: 'raw_hex_bytes' });
  return bytes;
}

function healthJson(health: ProductionHealth, height: number | null): Record<string, unknown> {
  if (health.status === 'ok') return { status: 'ok', height };
  return { status: health.status, height, reason: health.reason, failures: health.failures, since: health.since, retry_in_ms: health.retryInMs };
}

/**
 * Retry-After of a full mempool (RFC 9110 §10.2.3, whole seconds): only a block makes room, so the
 * seconds until the interval's next block, rounded up, at least 1 — with blocks only on demand
 * (--interval 0) there is no schedule to name and the least wait, 1 s, as the query service's 429.
 * Example: --interval 900, 12.3 s after a block → 888.
 */
export function mempoolRetryAfterSeconds(producer: Pick<BlockProducer, 'msUntilNextBlock'>): number {
  const ms = producer.msUntilNextBlock();
  return ms === undefined ? 1 : Math.max(1, Math.ceil(ms / 1000));
}

/** `reply` with the Retry-After of a paused node whose production retries (none when it will not). */
function withRetryAfter<Reply extends { header(name: string, value: string): Reply }>(reply: Reply, health: ProductionHealth): Reply {
  const seconds = productionRetryAfterSeconds(health);
  return seconds === undefined ? reply : reply.header('retry-after', String(seconds));
}

export interface NodeServerOptions {
  readonly limits?: Partial<HttpLimits>;
  /** Clients' turns at answers (client-turns.ts; default DEFAULT_TURN_LIMITS). */
  readonly turns?: TurnLimits;
  /** The node's projection, kept in step with every block it produces (node.ts). */
  readonly store: ReadStore;
}

export async function createNodeServer(producer: BlockProducer, options: NodeServerOptions): Promise<FastifyInstance> {
  const { writer, mempool } = producer;
  const app = await createHttpApp(options.limits ?? {}, (error, reply) => {
    if (error instanceof ProductionUnavailableError) return sendError(withRetryAfter(reply, error.health), 503, error.health.status, error.message, healthJson(error.health, writer.stateAvailable ? writer.height : null));
    if (error instanceof StateUnavailableError) return sendError(withRetryAfter(reply, producer.health), 503, error.code, error.message);
    return undefined;
  });
  shareTurnsByClient(app, options.turns);
  /** 503 with the reason while the node cannot produce (a tx admitted now might never be included). */
  const requireProducing = (): void => {
    const health = producer.health;
    if (health.status !== 'ok') throw new ProductionUnavailableError(health);
  };

  const rawTxBody = { type: 'object', properties: { address: { type: 'string' }, raw_hex_bytes: { type: 'string' } } };
  // pocket-core's 1 MiB (request-body.ts): a claim or proof tx in hex; every other route takes 64 KiB.
  app.post('/v1/client/rawtx', { bodyLimit: MAX_BODY_BYTES, schema: { summary: "submit a signed tx (CheckTx, then the mempool); pocket-core's BroadcastTxSync answer", tags: ['pocket-core'], body: rawTxBody } }, (request, reply) => {
    const address = stringField(request.body, 'address');
    if (address === undefined || parseAddress(address) === undefined) throw new HttpError(400, 'invalid_address', 'address must be a 20-byte hex address', { field: 'address' });
    const bytes = rawTxBytes(stringField(request.body, 'raw_hex_bytes'));
    requireProducing();
    const outcome = mempool.add(writer.state, bytes, producer.nextBlockTxBudget());
    if ('full' in outcome) return sendError(reply.header('retry-after', String(mempoolRetryAfterSeconds(producer))), 503, 'mempool_full', outcome.full);
    // pocket-core answers the broadcast's error (Tendermint's preCheck) as 400 (app/cmd/rpc/client.go:182-186).
    if ('tooLarge' in outcome) return sendError(reply, 400, 'tx_too_large', outcome.tooLarge, { txhash: outcome.hash });
    // Tendermint's seen-tx cache, also before CheckTx; pocket-core answers its error as 400 too.
    if ('inCache' in outcome) return sendError(reply, 400, 'tx_in_cache', outcome.inCache, { txhash: outcome.hash });
    return txResponse(outcome.hash, outcome.ok ? undefined : outcome.rejection);
  });

  registerExplorer(app);
  registerQueryService(app, options.store, {
    pendingTxs: () => mempool.pending().map((tx) => ({ hash: tx.hash, bytes: tx.bytes, messageType: tx.message?.ok === true ? messageType(tx.message.value) : '' })),
    dispatchState: () => Promise.resolve({ state: writer.state, height: writer.height }),
  });

  // No parameters; an object body's fields are ignored (as on every route), but a body of another
  // type (null, an array, a string) is a client's mistake like on every other POST route: 400,
  // and no block — without the schema any parsed JSON produced one.
  const produceBody = { type: 'object', description: 'no parameters (fields are ignored)' };
  app.post('/v1/ledger/produce', { schema: { summary: 'ledger admin: produce the next block now', tags: ['ledger admin'], body: produceBody } }, () => {
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

  app.get('/v1/ledger/health', { schema: { summary: 'block production health', tags: ['ledger admin'] } }, (_request, reply) => {
    const health = producer.health;
    return withRetryAfter(reply, health)
      .code(health.status === 'ok' ? 200 : 503)
      .send(healthJson(health, writer.stateAvailable ? writer.height : null));
  });

  app.get('/v1/ledger/mempool', { schema: { summary: 'mempool size and limits', tags: ['ledger admin'] } }, () => ({ txs: mempool.size, bytes: mempool.bytes, max_txs: mempool.maxTxs, max_bytes: mempool.maxBytes }));
  await app.ready();
  return app;
}
