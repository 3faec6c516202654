/**
 * The node's read routes over its live state, shaped as pocket-core's RPC (PROTOCOL §10.1,
 * app/cmd/rpc/query.go). All POST with a JSON body (an empty body = no parameters), as pocket:
 *
 *   /v1/query/height (or GET)  –                              → {height}
 *   /v1/query/balance          {address, height}              → {balance}  (a JSON number, as Go's big.Int)
 *   /v1/query/supply           {height}                       → {node_staked, app_staked, dao, total_staked, total_unstaked, total}
 *   /v1/query/node             {address, height}              → a node (JSONValidator)
 *   /v1/query/nodes            {height, opts{staking_status, jailed_status, blockchain, page, per_page}} → {result, total_pages, page}
 *   /v1/query/app              {address, height}              → an application
 *   /v1/query/apps             {height, opts{staking_status, blockchain, page, per_page}} → {result, total_pages, page}
 *   /v1/query/allparams        {height}                       → {app_params, node_params, pocket_params, gov_params, auth_params}
 *   /v1/query/param            {height, key}                  → {param_key, param_value}
 *
 * Height: 0 (or absent) and the latest height answer from the live state. The node keeps no
 * past states, so an older height is refused (`height_not_retained`, pointing at
 * `pokt-ledger query --data DIR --height H`, which replays to it); a future one is
 * `height_in_future`. Each answer is computed synchronously between blocks, so it always reads
 * one whole block's state (block-producer.ts).
 *
 * The answers are the pure query functions of the modules (modules/\*\/queries.ts) — the same
 * ones the CLI prints — so the node, the CLI and the later query service cannot drift apart.
 */
import type { FastifyInstance } from 'fastify';
import type { LedgerState } from '../chain/ledger-state.js';
import { CHAIN_META_KEY } from '../state/chain-tables.js';
import type { Rejection } from '../core/rejection.js';
import type { Result } from '../core/result.js';
import { parseAddress, type Address } from '../core/types.js';
import { queryApp, queryApps } from '../modules/apps/index.js';
import { balanceOf, querySupply } from '../modules/auth/index.js';
import { allParams, singleParam } from '../modules/gov/index.js';
import { queryNode, queryNodes } from '../modules/nodes/index.js';
import { HttpError } from './http-error.js';
import { integerField, objectField, stringField } from './request-body.js';

type StateOf = () => LedgerState;

export function latestHeight(state: LedgerState): number {
  return state.chain.meta.get(CHAIN_META_KEY)?.height ?? 0;
}

/** The height a request asks for, which must be the latest (see the file header). */
function checkRequestedHeight(body: unknown, latest: number): void {
  const height = integerField(body, 'height') ?? 0;
  if (height === 0 || height === latest) return;
  if (height < 0) throw new HttpError(400, 'invalid_request', `height must be ≥ 0, got ${height}`);
  if (height > latest) throw new HttpError(400, 'height_in_future', `height ${height} is past the latest block (${latest})`);
  throw new HttpError(400, 'height_not_retained', `the node answers at its latest height (${latest}); for height ${height} use \`pokt-ledger query … --data DIR --height ${height}\``);
}

function requestedAddress(body: unknown): Address {
  const text = stringField(body, 'address');
  const address = text === undefined ? undefined : parseAddress(text);
  if (address === undefined) throw new HttpError(400, 'invalid_address', 'address must be a 20-byte hex address');
  return address;
}

/** An opts page field: a non-negative integer (0 = the RPC's default), or absent. */
function pageField(opts: Record<string, unknown>, name: string): number | undefined {
  const value = integerField(opts, name);
  if (value !== undefined && value < 0) throw new HttpError(400, 'invalid_request', `opts.${name} must be ≥ 0, got ${value}`);
  return value;
}

/** The list filters nodes and apps share (QueryValidatorsParams / QueryApplicationsWithOpts). */
function listOptions(opts: Record<string, unknown>): { stakingStatus: number | undefined; blockchain: string | undefined; page: number | undefined; perPage: number | undefined } {
  return { stakingStatus: integerField(opts, 'staking_status'), blockchain: stringField(opts, 'blockchain'), page: pageField(opts, 'page'), perPage: pageField(opts, 'per_page') };
}

/** Build an options object without undefined members (exactOptionalPropertyTypes). */
function defined<T extends object>(entries: { [K in keyof T]: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined)) as T;
}

function answer<T>(result: Result<T, Rejection>): T {
  if (!result.ok) throw new HttpError(400, result.error.name, `${result.error.codespace}:${result.error.code} ${result.error.log}`);
  return result.value;
}

export function registerQueryRoutes(app: FastifyInstance, stateOf: StateOf): void {
  /** The live state, once the request's height is known to be the latest. */
  const stateFor = (body: unknown): LedgerState => {
    const state = stateOf();
    checkRequestedHeight(body, latestHeight(state));
    return state;
  };
  const height = (): { height: number } => ({ height: latestHeight(stateOf()) });
  app.post('/v1/query/height', height);
  app.get('/v1/query/height', height);

  app.post('/v1/query/balance', (request, reply) => {
    const state = stateFor(request.body);
    const balance = balanceOf(state.auth, requestedAddress(request.body));
    // Go marshals a *big.Int as a bare JSON number; JSON.stringify cannot write a bigint.
    return reply.type('application/json; charset=utf-8').send(`{"balance":${balance.toString()}}`);
  });

  app.post('/v1/query/supply', (request) => querySupply(stateFor(request.body).auth));
  app.post('/v1/query/node', (request) => answer(queryNode(stateFor(request.body), requestedAddress(request.body))));
  app.post('/v1/query/app', (request) => answer(queryApp(stateFor(request.body), requestedAddress(request.body))));
  app.post('/v1/query/nodes', (request) => {
    const opts = objectField(request.body, 'opts');
    return queryNodes(stateFor(request.body), defined({ ...listOptions(opts), jailedStatus: integerField(opts, 'jailed_status') }));
  });
  app.post('/v1/query/apps', (request) => queryApps(stateFor(request.body), defined(listOptions(objectField(request.body, 'opts')))));

  app.post('/v1/query/allparams', (request) => {
    const state = stateFor(request.body);
    return allParams(state.params(), latestHeight(state));
  });

  app.post('/v1/query/param', (request) => {
    const state = stateFor(request.body);
    const key = stringField(request.body, 'key');
    if (key === undefined || key === '') throw new HttpError(400, 'invalid_request', 'key is required ("subspace/Key", e.g. "pos/StakeMinimum")');
    const param = singleParam(state.params(), key, latestHeight(state));
    if (param === undefined) throw new HttpError(400, 'param_not_found', `no parameter ${JSON.stringify(key.slice(0, 80))}`);
    return param;
  });
}
