/**
 * The query service: every route of ./chain-routes.ts, ./state-routes.ts, ./client-routes.ts and
 * ./ledger-routes.ts over one ReadStore, the calculators of ./calc-routes.ts, plus the OpenAPI document (GET /v1/openapi.json).
 * `registerQueryService` adds them to an app made by createHttpApp (the node adds rawtx, health
 * and its admin routes beside them); `createQueryServer` is `serve`'s whole server.
 */
import type { FastifyInstance } from 'fastify';
import type { ReadStore } from '../projection/read-store.js';
import { registerExplorer } from '../explorer/index.js';
import { registerCalcRoutes } from './calc-routes.js';
import { registerChainRoutes } from './chain-routes.js';
import { registerClientRoutes, type ClientSources } from './client-routes.js';
import { shareTurnsByClient, type TurnLimits } from './client-turns.js';
import { createHttpApp } from './http-app.js';
import type { HttpLimits } from './http-limits.js';
import { registerLedgerRoutes } from './ledger-routes.js';
import { storeFailure } from './route.js';
import { registerStateRoutes } from './state-routes.js';

export function registerQueryService(app: FastifyInstance, store: ReadStore, sources: ClientSources = {}): void {
  registerChainRoutes(app, store);
  registerStateRoutes(app, store);
  registerClientRoutes(app, store, sources);
  registerLedgerRoutes(app, store);
  registerCalcRoutes(app);
}

/** `serve`'s server: the query routes only (no rawtx: a reader has no mempool); clients take turns (client-turns.ts). */
export async function createQueryServer(store: ReadStore, sources: ClientSources = {}, limits: Partial<HttpLimits> = {}, turns?: TurnLimits): Promise<FastifyInstance> {
  const app = await createHttpApp(limits);
  shareTurnsByClient(app, turns);
  registerQueryService(app, store, sources);
  registerExplorer(app);
  app.get('/v1/ledger/health', { schema: { summary: 'liveness: the projected height', tags: ['ledger'] } }, async () => ({ status: 'ok', height: (await store.latestHeight().catch(storeFailure)) ?? null }));
  await app.ready();
  return app;
}
