import { registerExplorer } from '../explorer/index.js';
import { registerChainRoutes } from './chain-routes.js';
import { registerClientRoutes } from './client-routes.js';
import { createHttpApp } from './http-app.js';
import { registerLedgerRoutes } from './ledger-routes.js';
import { registerStateRoutes } from './state-routes.js';
export function registerQueryService(app, store, sources = {}) {
    registerChainRoutes(app, store);
    registerStateRoutes(app, store);
    registerClientRoutes(app, store, sources);
    registerLedgerRoutes(app, store);
}
/** `serve`'s server: the query routes only (no rawtx: a reader has no mempool). */
export async function createQueryServer(store, sources = {}, limits = {}) {
    const app = await createHttpApp(limits);
    registerQueryService(app, store, sources);
    registerExplorer(app);
    app.get('/v1/ledger/health', { schema: { summary: 'liveness: the projected height', tags: ['ledger'] } }, async () => ({ status: 'ok', height: (await store.latestHeight()) ?? null }));
    await app.ready();
    return app;
}
//# sourceMappingURL=service.js.map