/**
 * Node queries over the ledger state, in pocket-core's RPC shapes (PROTOCOL §10.1):
 * `/v1/query/node` → a validator (JSONValidator, x/nodes/types/validator.go:300-312) and
 * `/v1/query/nodes` → `{ result, total_pages, page }` (ValidatorsPage, validator.go:324-328),
 * filtered by staking_status / jailed_status / blockchain (QueryValidatorsParams.IsValid,
 * x/nodes/types/querier.go:31-69) and paginated like pocket-core (x/auth/util/util.go:65-86,
 * x/nodes/keeper/querier.go:42-57), including its quirks:
 *   - a page past the end → empty result, total_pages 1;
 *   - (page 0 and per_page 0 never reach the querier through the RPC, which makes them 1 and
 *     1,000; `paginate` keeps the querier's own answers for them: empty, MaxValidators);
 *   - total_pages = ceil(matches / (end − start)) — on a short last page this overstates the
 *     page count (25 matches, per_page 10, page 3 → 5 "pages"), as pocket-core does.
 * Filters: staking_status 0 and jailed_status 0 mean "any" (so Unstaked cannot be asked for —
 * finished unstakes are deleted anyway); jailed_status 1 = jailed, 2 = not jailed. The
 * blockchain filter compares canonical upper-case chain ids (ours; pocket compares the strings
 * as stored). Records are listed by ascending address, pocket-core's store order.
 * Pure functions of a read-only state; the CLI and the query service wrap them.
 */
import { formatOptionalTime } from '../../core/time.js';
import { rejection } from '../../core/rejection.js';
import { err, ok } from '../../core/result.js';
import { POS } from '../../messages/index.js';
export function nodeJson(v) {
    return {
        address: v.address,
        public_key: v.publicKey,
        jailed: v.jailed,
        status: v.status,
        chains: v.chains,
        service_url: v.serviceUrl,
        tokens: v.tokensUpokt.toString(),
        unstaking_time: formatOptionalTime(v.unstakingTimeNs),
        output_address: v.outputAddress ?? '',
        reward_delegators: v.rewardDelegators,
    };
}
/** `/v1/query/node`: the validator, or pos:101 when there is none. */
export function queryNode(state, address) {
    const validator = state.nodes.validators.get(address.toLowerCase());
    if (validator === undefined)
        return err(rejection(POS.validator_not_found, `validator ${address} not found`));
    return ok(nodeJson(validator));
}
function matches(v, options) {
    if (options.jailedStatus === 1 && !v.jailed)
        return false;
    if (options.jailedStatus === 2 && v.jailed)
        return false;
    if (options.stakingStatus !== undefined && options.stakingStatus !== 0 && options.stakingStatus !== v.status)
        return false;
    if (options.blockchain !== undefined && options.blockchain !== '' && !v.chains.includes(options.blockchain.toUpperCase()))
        return false;
    return true;
}
/**
 * util.Paginate + the page wrapper (querier.go:42-57). Go's int(Ceil(x / 0)) is the minimum
 * int64 on amd64 (x > 0) or NaN → minimum int64 (x = 0); both then become 1.
 */
export function paginate(items, page, perPage, defaultPerPage) {
    const limit = perPage === 0 ? defaultPerPage : perPage;
    let start = (page - 1) * limit;
    let end = start + limit;
    if (end >= items.length)
        end = items.length;
    if (page === 0 || start >= items.length)
        start = end = -1;
    const result = start < 0 ? [] : items.slice(start, end);
    const span = end - start;
    const total = span === 0 ? 1 : Math.ceil(items.length / span);
    return { result, total_pages: Number.isFinite(total) && total >= 1 ? total : 1, page };
}
/** The RPC's defaults (app/cmd/rpc/query.go:531-536): page 0 → 1, per_page 0 → 1,000. */
export const RPC_DEFAULT_PER_PAGE = 1000;
/** `/v1/query/nodes`, with the RPC's page defaults. */
export function queryNodes(state, options = {}) {
    const selected = [];
    for (const [, validator] of state.nodes.validators.sortedEntries())
        if (matches(validator, options))
            selected.push(nodeJson(validator));
    const maxValidators = state.params().pos.maxValidators;
    const defaultPerPage = maxValidators > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(maxValidators);
    return paginate(selected, options.page || 1, options.perPage || RPC_DEFAULT_PER_PAGE, defaultPerPage);
}
//# sourceMappingURL=queries.js.map