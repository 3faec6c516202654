import { CHAIN_META_KEY } from '../state/chain-tables.js';
import { parseAddress } from '../core/types.js';
import { queryApp, queryApps } from '../modules/apps/index.js';
import { balanceOf, querySupply } from '../modules/auth/index.js';
import { allParams, singleParam } from '../modules/gov/index.js';
import { queryNode, queryNodes } from '../modules/nodes/index.js';
import { HttpError } from './http-error.js';
import { integerField, objectField, stringField } from './request-body.js';
export function latestHeight(state) {
    return state.chain.meta.get(CHAIN_META_KEY)?.height ?? 0;
}
/** The height a request asks for, which must be the latest (see the file header). */
function checkRequestedHeight(body, latest) {
    const height = integerField(body, 'height') ?? 0;
    if (height === 0 || height === latest)
        return;
    if (height < 0)
        throw new HttpError(400, 'invalid_request', `height must be ≥ 0, got ${height}`);
    if (height > latest)
        throw new HttpError(400, 'height_in_future', `height ${height} is past the latest block (${latest})`);
    throw new HttpError(400, 'height_not_retained', `the node answers at its latest height (${latest}); for height ${height} use \`pokt-ledger query … --data DIR --height ${height}\``);
}
function requestedAddress(body) {
    const text = stringField(body, 'address');
    const address = text === undefined ? undefined : parseAddress(text);
    if (address === undefined)
        throw new HttpError(400, 'invalid_address', 'address must be a 20-byte hex address');
    return address;
}
/** An opts page field: a non-negative integer (0 = the RPC's default), or absent. */
function pageField(opts, name) {
    const value = integerField(opts, name);
    if (value !== undefined && value < 0)
        throw new HttpError(400, 'invalid_request', `opts.${name} must be ≥ 0, got ${value}`);
    return value;
}
/** The list filters nodes and apps share (QueryValidatorsParams / QueryApplicationsWithOpts). */
function listOptions(opts) {
    return { stakingStatus: integerField(opts, 'staking_status'), blockchain: stringField(opts, 'blockchain'), page: pageField(opts, 'page'), perPage: pageField(opts, 'per_page') };
}
/** Build an options object without undefined members (exactOptionalPropertyTypes). */
function defined(entries) {
    return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
}
function answer(result) {
    if (!result.ok)
        throw new HttpError(400, result.error.name, `${result.error.codespace}:${result.error.code} ${result.error.log}`);
    return result.value;
}
export function registerQueryRoutes(app, stateOf) {
    /** The live state, once the request's height is known to be the latest. */
    const stateFor = (body) => {
        const state = stateOf();
        checkRequestedHeight(body, latestHeight(state));
        return state;
    };
    const height = () => ({ height: latestHeight(stateOf()) });
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
        if (key === undefined || key === '')
            throw new HttpError(400, 'invalid_request', 'key is required ("subspace/Key", e.g. "pos/StakeMinimum")');
        const param = singleParam(state.params(), key, latestHeight(state));
        if (param === undefined)
            throw new HttpError(400, 'param_not_found', `no parameter ${JSON.stringify(key.slice(0, 80))}`);
        return param;
    });
}
//# sourceMappingURL=query-routes.js.map