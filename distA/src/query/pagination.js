import { HttpError } from './http-error.js';
export const POCKET_DEFAULT_PER_PAGE = 30;
export const TENDERMINT_MAX_PER_PAGE = 100;
const intOf = (value) => (typeof value === 'number' ? value : 0);
/** checkPagination (app/query.go:620-628). */
export function pocketPageRequest(body) {
    const page = intOf(body['page']);
    const perPage = intOf(body['per_page']);
    return { page: page <= 0 ? 1 : page, perPage: perPage <= 0 ? POCKET_DEFAULT_PER_PAGE : perPage };
}
/** checkPagination then Tendermint's validatePerPage. */
export function txSearchPageRequest(body) {
    const request = pocketPageRequest(body);
    return { page: request.page, perPage: Math.min(request.perPage, TENDERMINT_MAX_PER_PAGE) };
}
/** Tendermint's validatePage: page within [1, pages] (pages ≥ 1 even with no matches). */
export function checkTxSearchPage(request, total) {
    const pages = Math.max(1, Math.ceil(total / request.perPage));
    if (request.page > pages)
        throw new HttpError(400, 'page_out_of_range', `page should be within [1, ${pages}] range, given ${request.page}`, { field: 'page', pages });
}
/** app/query.go paginate over a page the store already cut. */
export function pocketPage(page, request) {
    if (page.items.length === 0)
        return { result: null, total_pages: 0, page: 0 };
    return { result: page.items, total_pages: Math.max(1, Math.ceil(page.total / page.items.length)), page: request.page };
}
/** Cut one page of an in-memory list (for lists the store returns whole). */
export function cut(items, request) {
    const start = (request.page - 1) * request.perPage;
    return { items: items.slice(start, start + request.perPage), total: items.length };
}
//# sourceMappingURL=pagination.js.map