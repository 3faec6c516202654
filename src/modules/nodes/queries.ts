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
import { rejection, type Rejection } from '../../core/rejection.js';
import { err, ok, type Result } from '../../core/result.js';
import { POS } from '../../messages/index.js';
import type { ReadonlyTable } from '../../state/table.js';
import type { Validator } from './state.js';

/** JSONValidator (validator.go:300-312): tokens as a decimal string, zero time as Go prints it. */
export interface NodeJson {
  readonly address: string;
  readonly public_key: string;
  readonly jailed: boolean;
  readonly status: number;
  readonly chains: readonly string[];
  readonly service_url: string;
  readonly tokens: string;
  readonly unstaking_time: string;
  /** "" when none (sdk.Address of nil marshals to ""). */
  readonly output_address: string;
  readonly reward_delegators: Readonly<Record<string, number>> | null;
}

export interface Page<T> {
  /** null for an empty page: Go's zero Page (app/query.go:649-650). */
  readonly result: readonly T[] | null;
  readonly total_pages: number;
  readonly page: number;
}

export interface NodesQueryOptions {
  readonly stakingStatus?: number;
  readonly jailedStatus?: number;
  readonly blockchain?: string;
  readonly page?: number;
  readonly perPage?: number;
}

export function nodeJson(v: Validator): NodeJson {
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

export interface NodesQueryView {
  readonly nodes: { readonly validators: ReadonlyTable<Validator> };
  params(): { readonly pos: { readonly maxValidators: bigint } };
}

/** `/v1/query/node`: the validator, or pos:101 when there is none. */
export function queryNode(state: NodesQueryView, address: string): Result<NodeJson, Rejection> {
  const validator = state.nodes.validators.get(address.toLowerCase());
  if (validator === undefined) return err(rejection(POS.validator_not_found, `validator ${address} not found`));
  return ok(nodeJson(validator));
}

function matches(v: Validator, options: NodesQueryOptions): boolean {
  if (options.jailedStatus === 1 && !v.jailed) return false;
  if (options.jailedStatus === 2 && v.jailed) return false;
  if (options.stakingStatus !== undefined && options.stakingStatus !== 0 && options.stakingStatus !== v.status) return false;
  if (options.blockchain !== undefined && options.blockchain !== '' && !v.chains.includes(options.blockchain.toUpperCase())) return false;
  return true;
}

/**
 * The RPC's paginate (app/query.go:641-661 over x/auth/util Paginate, util.go:65-87), which
 * /v1/query/nodes and /v1/query/apps run (QueryNodes/QueryApps, app/query.go:241-249, 451-459) —
 * not the nodes keeper's ABCI querier paginate (x/nodes/keeper/querier.go:42-57), whose empty
 * page is `[]` with total_pages 1. A page past the end, or no match at all, is Go's zero Page
 * {"result":null,"total_pages":0,"page":0}; total_pages is ceil(total / rows on this page), so a
 * short last page overstates it, as pocket-core does.
 */
export function paginate<T>(items: readonly T[], page: number, perPage: number, defaultPerPage: number): Page<T> {
  const limit = perPage === 0 ? defaultPerPage : perPage;
  const start = (page - 1) * limit;
  if (page === 0 || start >= items.length) return { result: null, total_pages: 0, page: 0 };
  const result = items.slice(start, Math.min(start + limit, items.length));
  return { result, total_pages: Math.max(1, Math.ceil(items.length / result.length)), page };
}

/** The RPC's defaults (app/cmd/rpc/query.go:531-536): page 0 → 1, per_page 0 → 1,000. */
export const RPC_DEFAULT_PER_PAGE = 1000;

/** `/v1/query/nodes`, with the RPC's page defaults. */
export function queryNodes(state: NodesQueryView, options: NodesQueryOptions = {}): Page<NodeJson> {
  const selected: NodeJson[] = [];
  for (const [, validator] of state.nodes.validators.sortedEntries()) if (matches(validator, options)) selected.push(nodeJson(validator));
  const maxValidators = state.params().pos.maxValidators;
  const defaultPerPage = maxValidators > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(maxValidators);
  return paginate(selected, options.page || 1, options.perPage || RPC_DEFAULT_PER_PAGE, defaultPerPage);
}
