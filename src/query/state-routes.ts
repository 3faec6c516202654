/**
 * pocket-core's staking, claim and parameter routes (PROTOCOL §10.1; app/cmd/rpc/query.go) over
 * the ReadStore, at any projected height. Answers as pocket-core writes them:
 *
 *   node / app               {address, height}        → JSONValidator / Application (400 when absent)
 *   nodes / apps             {height, opts{…}}        → {result, total_pages, page} (app/query.go paginate)
 *   signinginfo              {address?, height, page, per_page} → page of ValidatorSigningInfo
 *   nodeclaim                {address, blockchain, app_pubkey, session_block_height, height, receipt_type}
 *   nodeclaims               {address?, height, page, per_page} → page of claims
 *   allparams / param        {height} / {height, key}
 *   nodeparams, appparams, pocketparams  {height} → the module's Params struct (amino JSON)
 *   supply                   {height}                 → pocket's bookkeeping (the DAO counts as staked)
 *   supportedchains, acl, daoowner  {height}          → a JSON string holding JSON, as pocket-core's
 *                              WriteResponse double-encodes them (server.go:146-158)
 *   upgrade                  {height}                 → {Height, Version, OldUpgradeHeight?, Features?}
 *   state                    {height}                 → the state as a genesis document (state-export.ts)
 */
import type { FastifyInstance } from 'fastify';
import { paginate, RPC_DEFAULT_PER_PAGE, type NodeJson } from '../modules/nodes/index.js';
import type { AppJson } from '../modules/apps/index.js';
import type { ReadStore } from '../projection/read-store.js';
import type { Upgrade } from '../params/kinds.js';
import { HttpError } from './http-error.js';
import { cut, pocketPage, pocketPageRequest } from './pagination.js';
import { claimAminoJson, claimGoJson, moduleParamsJson, signingInfoJson, typedParam, upgradeJson } from './pocket-json.js';
import { queryRoute, RawJson, type Body } from './route.js';
import { exportState } from './state-export.js';
import * as S from './schemas.js';

const lower = (value: unknown): string => (value as string).toLowerCase();
const intOf = (value: unknown): number => (typeof value === 'number' ? value : 0);
const optsOf = (body: Body): Body => (body['opts'] ?? {}) as Body;

/**
 * QueryValidatorsParams / QueryApplicationsWithOpts IsValid (x/nodes/types/querier.go:31-69,
 * x/apps/types/querier.go:38-64): staking_status 0 = any, else equal to the status (3..255 match
 * none); jailed_status 1 = jailed, 2 = not jailed, any other value no filter (IsValid's switch has
 * no default); blockchain "" = any, else one of the chains (upper case: the ledger canonicalises
 * chain IDs, PROTOCOL §12.2 #11).
 */
function listFilter(opts: Body): (item: { status: number; chains: readonly string[]; jailed: boolean }) => boolean {
  const staking = intOf(opts['staking_status']);
  const jailed = intOf(opts['jailed_status']);
  const chain = typeof opts['blockchain'] === 'string' ? opts['blockchain'].toUpperCase() : '';
  return (item) =>
    (staking === 0 || item.status === staking) && (jailed !== 1 || item.jailed) && (jailed !== 2 || !item.jailed) && (chain === '' || item.chains.includes(chain));
}

/**
 * The opts as Go decodes them: staking_status a StakeStatus, a byte (types/staking.go:38: 256 is a
 * decode error, 400); jailed_status a Go int; blockchain any string (one longer than any chain ID
 * matches nothing; the body limit bounds it).
 */
const listOpts = (withJailed: boolean): object =>
  S.body({
    height: S.height,
    opts: {
      type: 'object',
      properties: {
        staking_status: { type: 'integer', minimum: 0, maximum: 255, description: '0 any, 1 unstaking, 2 staked (3..255 match none)' },
        ...(withJailed ? { jailed_status: { type: 'integer', minimum: -S.MAX_HEIGHT, maximum: S.MAX_HEIGHT, description: '1 jailed, 2 not jailed, any other value: no filter' } } : {}),
        blockchain: { type: 'string' },
        page: S.page,
        per_page: S.perPage,
      },
    },
  });

/** The RPC's page defaults (query.go:531-536) and its paginate (app/query.go:641-661; modules/nodes paginate). */
function listPage<T extends NodeJson | AppJson>(items: readonly T[], opts: Body): ReturnType<typeof paginate<T>> {
  return paginate(items, intOf(opts['page']) || 1, intOf(opts['per_page']) || RPC_DEFAULT_PER_PAGE, RPC_DEFAULT_PER_PAGE);
}

export function registerStateRoutes(app: FastifyInstance, store: ReadStore): void {
  const addressBody = S.body({ address: S.address, height: S.height }, ['address']);
  // Nodes and apps: the same point and list routes (pocket's codes in the not-found message).
  const staked = [
    { one: 'node', many: 'nodes', what: 'node (validator)', answer: S.nodeAnswer, read: store.node.bind(store), list: store.nodes.bind(store), missing: ['validator_not_found', 'pos:101 validator'], jailedFilter: true },
    { one: 'app', many: 'apps', what: 'application', answer: S.appAnswer, read: store.app.bind(store), list: store.apps.bind(store), missing: ['application_not_found', 'application:101 application'], jailedFilter: false },
  ] as const;
  for (const kind of staked) {
    queryRoute(app, store, `/v1/query/${kind.one}`, { summary: `a ${kind.what}`, body: addressBody, response: kind.answer }, async (body, ctx) => {
      const found = await kind.read(lower(body['address']), ctx.at(body['height']));
      if (found === undefined) throw new HttpError(400, kind.missing[0], `${kind.missing[1]} not found for ${lower(body['address'])}`, { field: 'address' });
      return found;
    });
    queryRoute(app, store, `/v1/query/${kind.many}`, { summary: `${kind.many}, filtered and paginated`, body: listOpts(kind.jailedFilter), response: S.page$(kind.answer) }, async (body, ctx) => {
      const opts = optsOf(body);
      const items: ReadonlyArray<NodeJson | AppJson> = await kind.list(ctx.at(body['height']));
      const selected = items.filter(listFilter(kind.jailedFilter ? opts : { ...opts, jailed_status: 0 }));
      ctx.total = selected.length;
      return listPage(selected, opts);
    });
  }

  const pagedAddressBody = S.body({ address: { anyOf: [S.address, { type: 'string', maxLength: 0 }] }, height: S.height, page: S.page, per_page: S.perPage });
  queryRoute(app, store, '/v1/query/signinginfo', { summary: "signing infos (one address's, or all)", body: pagedAddressBody, response: S.page$(S.signingInfoAnswer) }, async (body, ctx) => {
    const at = ctx.at(body['height']);
    const address = typeof body['address'] === 'string' && body['address'] !== '' ? lower(body['address']) : undefined;
    const one = address === undefined ? undefined : await store.signingInfo(address, at);
    const all = address === undefined ? await store.signingInfos(at) : one === undefined ? [] : [one];
    const request = pocketPageRequest(body);
    ctx.total = all.length;
    const page = pocketPage(cut(all, request), request);
    return { ...page, result: page.result === null ? null : page.result.map(signingInfoJson) };
  });
  registerClaimRoutes(app, store, pagedAddressBody);
  registerParamRoutes(app, store);
}

/**
 * nodeclaim's receipt_type: "relay" or "challenge" in any case, as pocket-core's
 * EvidenceTypeFromString lower-cases it (x/pocketcore/types/evidence.go:234-244); absent or ""
 * is "relay" here (pocket-core refuses it: an extension, so the field may be left out).
 */
const receiptType = { type: 'string', pattern: '^([Rr][Ee][Ll][Aa][Yy]|[Cc][Hh][Aa][Ll][Ll][Ee][Nn][Gg][Ee])?$', description: 'relay (default) or challenge, any case' } as const;

function registerClaimRoutes(app: FastifyInstance, store: ReadStore, pagedAddressBody: object): void {
  const claimBody = S.body(
    { address: S.address, blockchain: S.chain, app_pubkey: S.publicKey, session_block_height: { type: 'integer', minimum: 1, maximum: S.MAX_HEIGHT }, height: S.height, receipt_type: receiptType },
    ['address', 'blockchain', 'app_pubkey', 'session_block_height'],
  );
  queryRoute(app, store, '/v1/query/nodeclaim', { summary: "one of a node's live claims", body: claimBody, response: S.aminoClaimAnswer }, async (body, ctx) => {
    const key = {
      servicer: lower(body['address']),
      appPublicKey: lower(body['app_pubkey']),
      chain: (body['blockchain'] as string).toUpperCase(),
      sessionHeight: body['session_block_height'] as number,
      evidenceType: typeof body['receipt_type'] === 'string' && body['receipt_type'].toLowerCase() === 'challenge' ? 2 : 1,
    };
    const claim = await store.claim(key, ctx.at(body['height']));
    if (claim === undefined) throw new HttpError(400, 'claim_not_found', 'the claim was not found', { field: 'address' });
    // amino JSON of a registered concrete type (pocketcore/claim) is wrapped in {type, value}
    // (NodeClaim: app.Codec().MarshalJSON, app/cmd/rpc/query.go), as a claim msg's sign bytes are.
    return { type: 'pocketcore/claim', value: claimAminoJson(claim) };
  });
  queryRoute(app, store, '/v1/query/nodeclaims', { summary: "live claims (one node's, or all)", body: pagedAddressBody, response: S.page$(S.claimAnswer) }, async (body, ctx) => {
    const address = typeof body['address'] === 'string' && body['address'] !== '' ? lower(body['address']) : undefined;
    const all = await store.claims(ctx.at(body['height']), address);
    const request = pocketPageRequest(body);
    ctx.total = all.length;
    const page = pocketPage(cut(all, request), request);
    return { ...page, result: page.result === null ? null : page.result.map(claimGoJson) };
  });
}

function registerParamRoutes(app: FastifyInstance, store: ReadStore): void {
  const heightBody = S.body({ height: S.height });
  const params = (height: number) => store.allParams(height);
  const tags = ['pocket-core', 'params'];
  queryRoute(app, store, '/v1/query/allparams', { summary: 'every parameter', tags, body: heightBody, response: S.allParamsAnswer }, async (body, ctx) => params(ctx.at(body['height'])));
  queryRoute(app, store, '/v1/query/param', { summary: 'one parameter', tags, body: S.body({ height: S.height, key: { type: 'string', minLength: 1, maxLength: 100 } }, ['key']), response: S.paramAnswer }, async (body, ctx) => {
    const all = await params(ctx.at(body['height']));
    const found = Object.values(all).flat().find((p: { param_key: string }) => p.param_key === body['key']);
    if (found === undefined) throw new HttpError(400, 'param_not_found', `no parameter ${JSON.stringify(body['key'])}`, { field: 'key' });
    return found;
  });
  for (const [route, subspace] of [['nodeparams', 'pos'], ['appparams', 'application'], ['pocketparams', 'pocketcore']] as const) {
    queryRoute(app, store, `/v1/query/${route}`, { summary: `the ${subspace} module's params`, tags, body: heightBody, response: S.anyObject }, async (body, ctx) => moduleParamsJson(await params(ctx.at(body['height'])), subspace));
  }
  const typed = async (height: number, key: string): Promise<unknown> => {
    const found = typedParam(await params(height), key);
    if (found === undefined || !found.value.ok) throw new HttpError(500, 'projection_param_unreadable', `parameter ${key} is missing or does not parse in the projection`);
    return found.value.value;
  };
  queryRoute(app, store, '/v1/query/supportedchains', { summary: 'supported chains (a JSON string holding a JSON list)', tags, body: heightBody, response: S.jsonTextAnswer }, async (body, ctx) => {
    const chains = (await typed(ctx.at(body['height']), 'pocketcore/SupportedBlockchains')) as string[];
    return new RawJson(JSON.stringify(JSON.stringify(chains)));
  });
  queryRoute(app, store, '/v1/query/daoowner', { summary: 'the DAO owner (a JSON string holding a JSON string)', tags, body: heightBody, response: S.jsonTextAnswer }, async (body, ctx) => {
    const owner = (await typed(ctx.at(body['height']), 'gov/daoOwner')) as string;
    return new RawJson(JSON.stringify(JSON.stringify(owner)));
  });
  queryRoute(app, store, '/v1/query/acl', { summary: 'the ACL (a JSON string holding amino JSON)', tags, body: heightBody, response: S.jsonTextAnswer }, async (body, ctx) => {
    const all = await params(ctx.at(body['height']));
    const acl = all.gov_params.find((p) => p.param_key === 'gov/acl');
    if (acl === undefined) throw new HttpError(500, 'projection_param_unreadable', 'gov/acl is missing in the projection');
    return new RawJson(JSON.stringify(acl.param_value));
  });
  queryRoute(app, store, '/v1/query/upgrade', { summary: 'the upgrade (encoding/json of gov Upgrade: Height a number)', tags, body: heightBody, response: S.anyObject }, async (body, ctx) => {
    return upgradeJson((await typed(ctx.at(body['height']), 'gov/upgrade')) as Upgrade);
  });
  queryRoute(app, store, '/v1/query/state', { summary: 'the state at a height as a genesis document (pocket-core ExportState)', tags, body: heightBody, response: S.anyObject }, async (body, ctx) =>
    exportState(store, ctx.at(body['height'])),
  );
  queryRoute(app, store, '/v1/query/supply', { summary: "pools (pocket's bookkeeping: the DAO counts as staked)", tags, body: heightBody, response: S.supplyAnswer }, async (body, ctx) => {
    const at = ctx.at(body['height']);
    const supply = await store.supply(at);
    if (supply === undefined) throw new HttpError(500, 'projection_row_missing', `no supply row at height ${at}`);
    return supply;
  });
}
