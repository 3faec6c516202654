/**
 * A table over a longer list, one page at a time: "rows 26–50 of 130" with previous / next
 * buttons that ask the API for that page. The first page comes with the page (its total goes in
 * the section's title); later pages are fetched on a click. A failed page says why under the
 * table and keeps the rows shown. Nothing is cut off silently: when every row fits, there are no
 * buttons, and the count line still says how many there are.
 */
import { query, type LedgerPage } from './api.js';
import { el, section, table, type Child } from './dom.js';
import { count } from './format.js';

/** Rows per page of the ledger's own lists. */
const LINES_PER_PAGE = 50;

/** A pageable section over one of the ledger's own lists (claims, rewards, rap sheet, parameter history). */
export async function ledgerSection<T>(title: string, route: string, body: Readonly<Record<string, unknown>>, headers: readonly string[], row: (line: T) => Child[], empty = 'none'): Promise<HTMLElement> {
  const fetchPage = async (page: number): Promise<Slice> => {
    const answer = await query<LedgerPage<T>>(route, { ...body, page, per_page: LINES_PER_PAGE });
    return { rows: answer.result.map(row), total: answer.total };
  };
  const first = await fetchPage(1);
  return section(`${title} (${count(first.total)})`, pagedTable(headers, LINES_PER_PAGE, fetchPage, first, empty));
}

/**
 * One page of rows and the length of the whole list — or, for pocket-core's pages, which say only
 * how many pages there are (query/nodes, query/apps), that page count.
 */
export interface Slice {
  readonly rows: ReadonlyArray<readonly Child[]>;
  readonly total: number;
  readonly pages?: number;
}

/** `load(page)` fetches page `page` (1-based) of `perPage` rows; `first` is page 1, already fetched. */
export function pagedTable(headers: readonly string[], perPage: number, load: (page: number) => Promise<Slice>, first: Slice, empty = 'none'): HTMLElement {
  const box = el('div', { class: 'paged' });
  let shown = { page: 1, slice: first };
  const show = (page: number, slice: Slice, note?: string): void => {
    shown = { page, slice };
    const pages = slice.pages ?? Math.max(1, Math.ceil(slice.total / perPage));
    const from = slice.rows.length === 0 ? 0 : (page - 1) * perPage + 1;
    const to = (page - 1) * perPage + slice.rows.length;
    const where = slice.pages === undefined ? `rows ${count(from)}–${count(to)} of ${count(slice.total)}` : `page ${count(page)} of ${count(pages)}`;
    const nav = el('div', { class: 'pager' }, slice.rows.length === 0 ? null : el('span', {}, where));
    if (pages > 1) nav.append(button('‹ previous', page > 1, () => go(page - 1)), button('next ›', page < pages, () => go(page + 1)));
    box.replaceChildren(table(headers, slice.rows, empty), nav, note === undefined ? '' : el('p', { class: 'error' }, note));
  };
  // The browser test waits on data-state, as on the page's own (main.ts).
  const go = (page: number): void => {
    box.dataset['state'] = 'loading';
    load(page)
      .then((slice) => show(page, slice))
      .catch((error: unknown) => show(shown.page, shown.slice, `page ${page}: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (box.dataset['state'] = 'ready'));
  };
  show(1, first);
  box.dataset['state'] = 'ready';
  return box;
}

function button(text: string, enabled: boolean, onClick: () => void): HTMLElement {
  const node = el('button', { type: 'button' }, text) as HTMLButtonElement;
  node.disabled = !enabled;
  node.addEventListener('click', onClick);
  return node;
}
