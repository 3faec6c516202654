/**
 * Application queries over the ledger state, in pocket-core's RPC shapes (PROTOCOL §10.1):
 * `/v1/query/app` → an application (JSONApplication, x/apps/types/application.go:186-195) and
 * `/v1/query/apps` → `{ result, total_pages, page }` (ApplicationsPage, application.go:250-254),
 * filtered by staking_status / blockchain (QueryApplicationsWithOpts.IsValid,
 * x/apps/types/querier.go:38-64) and paginated exactly as node queries are (../nodes/queries.ts,
 * with MaxApplications as the querier's own default page size). Listed by ascending address.
 */
import { rejection } from '../../core/rejection.js';
import { err, ok } from '../../core/result.js';
import { formatOptionalTime } from '../../core/time.js';
import { APPLICATION } from '../../messages/index.js';
import { paginate, RPC_DEFAULT_PER_PAGE } from '../nodes/index.js';
export function appJson(app) {
    return {
        address: app.address,
        public_key: app.publicKey,
        jailed: app.jailed,
        chains: app.chains,
        max_relays: app.maxRelays.toString(),
        status: app.status,
        staked_tokens: app.stakedTokensUpokt.toString(),
        unstaking_time: formatOptionalTime(app.unstakingTimeNs),
    };
}
/** `/v1/query/app`: the application, or application:101 when there is none. */
export function queryApp(state, address) {
    const app = state.apps.applications.get(address.toLowerCase());
    if (app === undefined)
        return err(rejection(APPLICATION.application_not_found, `application ${address} not found`));
    return ok(appJson(app));
}
function matches(app, options) {
    if (options.stakingStatus !== undefined && options.stakingStatus !== 0 && options.stakingStatus !== app.status)
        return false;
    if (options.blockchain !== undefined && options.blockchain !== '' && !app.chains.includes(options.blockchain.toUpperCase()))
        return false;
    return true;
}
/** `/v1/query/apps`, with the RPC's page defaults (page 0 → 1, per_page 0 → 1,000). */
export function queryApps(state, options = {}) {
    const selected = [];
    for (const [, app] of state.apps.applications.sortedEntries())
        if (matches(app, options))
            selected.push(appJson(app));
    const max = state.params().application.maxApplications;
    const defaultPerPage = max > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(max);
    return paginate(selected, options.page || 1, options.perPage || RPC_DEFAULT_PER_PAGE, defaultPerPage);
}
//# sourceMappingURL=queries.js.map