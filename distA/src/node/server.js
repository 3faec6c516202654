import { hexToBytes } from '../core/hex.js';
import { parseAddress } from '../core/types.js';
import { messageType } from '../messages/index.js';
import { StateUnavailableError } from '../runtime/chain-writer.js';
import { createHttpApp } from '../query/http-app.js';
import { HttpError, sendError } from '../query/http-error.js';
import { stringField } from '../query/request-body.js';
import { registerQueryService } from '../query/service.js';
import { registerExplorer } from '../explorer/index.js';
import { ProductionUnavailableError } from './production-health.js';
/** pocket-core's ABCI error log for a rejection (types/errors.go ABCILog). */
export function abciLog(rejection) {
    return JSON.stringify({ codespace: rejection.codespace, code: rejection.code, message: rejection.log });
}
function txResponse(hash, rejection) {
    if (rejection === undefined)
        return { txhash: hash, logs: null };
    return { txhash: hash, code: rejection.code, ...(rejection.codespace === '' ? {} : { codespace: rejection.codespace }), raw_log: abciLog(rejection), logs: null };
}
/**
 * The tx bytes. Their size is bounded by the body limit (1 MiB of hex); a tx over MAX_TX_BYTES
 * is decoded no further than its length and answered ledger:1 like any other CheckTx failure.
 */
function rawTxBytes(hex) {
    if (hex === undefined || hex === '')
        throw new HttpError(400, 'invalid_hex', 'raw_hex_bytes is required');
    const bytes = hexToBytes(hex);
    if (bytes === undefined)
        throw new HttpError(400, 'invalid_hex', 'raw_hex_bytes is not hex (an even number of 0-9a-f characters)');
    return bytes;
}
function healthJson(health, height) {
    if (health.status === 'ok')
        return { status: 'ok', height };
    return { status: health.status, height, reason: health.reason, failures: health.failures, since: health.since, retry_in_ms: health.retryInMs };
}
export async function createNodeServer(producer, options) {
    const { writer, mempool } = producer;
    const app = await createHttpApp(options.limits ?? {}, (error, reply) => {
        if (error instanceof ProductionUnavailableError)
            return sendError(reply, 503, error.health.status, error.message, healthJson(error.health, writer.stateAvailable ? writer.height : null));
        if (error instanceof StateUnavailableError)
            return sendError(reply, 503, error.code, error.message);
        return undefined;
    });
    /** 503 with the reason while the node cannot produce (a tx admitted now might never be included). */
    const requireProducing = () => {
        const health = producer.health;
        if (health.status !== 'ok')
            throw new ProductionUnavailableError(health);
    };
    const rawTxBody = { type: 'object', properties: { address: { type: 'string' }, raw_hex_bytes: { type: 'string' } } };
    app.post('/v1/client/rawtx', { schema: { summary: "submit a signed tx (CheckTx, then the mempool); pocket-core's BroadcastTxSync answer", tags: ['pocket-core'], body: rawTxBody } }, (request, reply) => {
        const address = stringField(request.body, 'address');
        if (address === undefined || parseAddress(address) === undefined)
            throw new HttpError(400, 'invalid_address', 'address must be a 20-byte hex address', { field: 'address' });
        const bytes = rawTxBytes(stringField(request.body, 'raw_hex_bytes'));
        requireProducing();
        const outcome = mempool.add(writer.state, bytes);
        if ('full' in outcome)
            return sendError(reply, 503, 'mempool_full', outcome.full);
        return txResponse(outcome.hash, outcome.ok ? undefined : outcome.rejection);
    });
    registerExplorer(app);
    registerQueryService(app, options.store, {
        pendingTxs: () => mempool.pending().map((tx) => ({ hash: tx.hash, bytes: tx.bytes, messageType: tx.message?.ok === true ? messageType(tx.message.value) : '' })),
        dispatchState: () => Promise.resolve({ state: writer.state, height: writer.height }),
    });
    app.post('/v1/ledger/produce', { schema: { summary: 'ledger admin: produce the next block now', tags: ['ledger admin'] } }, () => {
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
        return reply.code(health.status === 'ok' ? 200 : 503).send(healthJson(health, writer.stateAvailable ? writer.height : null));
    });
    app.get('/v1/ledger/mempool', { schema: { summary: 'mempool size and limits', tags: ['ledger admin'] } }, () => ({ txs: mempool.size, bytes: mempool.bytes, max_txs: mempool.maxTxs, max_bytes: mempool.maxBytes }));
    await app.ready();
    return app;
}
//# sourceMappingURL=server.js.map