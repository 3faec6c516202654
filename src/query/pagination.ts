/**
 * Pagination as pocket-core does it, per family of routes, with one bound of our own: per_page
 * above MAX_PER_PAGE (1,000) is REFUSED by the request schema (400 naming the field), so no
 * request can ask for an unbounded page.
 *
 * - Tx searches (accounttxs, blocktxs): app/query.go checkPagination (page ≤ 0 → 1, per_page
 *   ≤ 0 → 30), then pocket-core's own tx indexer, not Tendermint's kv one (pocket-core's fork of
 *   Tendermint hands the page to the indexer without validatePage/validatePerPage,
 *   rpc/core/tx.go:56-93): types/indexer.go clamps per_page only at 10,000 (:41, :144-146, above
 *   our own bound) and walks the whole prefix, so a page past the last is simply empty, with the
 *   total still counted (:249-272). Answer: {txs, page_count: txs on this page, total_txs}.
 * - allblocktxs: checkPagination only (no clamp); a page past the end is empty.
 * - accounts, signinginfo, nodeclaims: checkPagination, then app/query.go paginate
 *   (util.Paginate): {result, total_pages: ceil(total / rows on this page), page}; a page past the
 *   end is Go's zero Page {"result":null,"total_pages":0,"page":0}.
 * - nodes, apps: the RPC's defaults (page 0 → 1, per_page 0 → 1,000), then the same
 *   app/query.go paginate (modules/nodes paginate): past the end or no match, the zero Page.
 * Example: 25 accounts, per_page 10, page 3 → 5 rows, total_pages ceil(25/5) = 5 (pocket's
 * overstatement on a short last page, kept); page 4 → {"result":null,"total_pages":0,"page":0}.
 */
import type { ListPage, PageRequest } from '../projection/read-store.js';
import type { Body } from './route.js';

export const POCKET_DEFAULT_PER_PAGE = 30;

const intOf = (value: unknown): number => (typeof value === 'number' ? value : 0);

/** checkPagination (app/query.go:620-628). */
export function pocketPageRequest(body: Body): PageRequest {
  const page = intOf(body['page']);
  const perPage = intOf(body['per_page']);
  return { page: page <= 0 ? 1 : page, perPage: perPage <= 0 ? POCKET_DEFAULT_PER_PAGE : perPage };
}

/** app/query.go paginate over a page the store already cut. */
export function pocketPage<T>(page: ListPage<T>, request: PageRequest): { result: readonly T[] | null; total_pages: number; page: number } {
  if (page.items.length === 0) return { result: null, total_pages: 0, page: 0 };
  return { result: page.items, total_pages: Math.max(1, Math.ceil(page.total / page.items.length)), page: request.page };
}

/** Cut one page of an in-memory list (for lists the store returns whole). */
export function cut<T>(items: readonly T[], request: PageRequest): ListPage<T> {
  const start = (request.page - 1) * request.perPage;
  return { items: items.slice(start, start + request.perPage), total: items.length };
}
