/**
 * A table over a longer list, one page at a time: "rows 26–50 of 130" with previous / next
 * buttons that ask the API for that page. The page shown is in the URL (`#/block/30?txs=2`: each
 * list on a page has its own key), so Back returns to it and it can be linked: the page's first
 * render fetches the page the URL names, and a click fetches the next one in place and then
 * records it with history.pushState (no re-render of the whole page). While a page loads, the
 * buttons are disabled and the count line says so. A failed page says why under the table and
 * keeps the rows shown. Nothing is cut off silently: when every row fits, there are no buttons,
 * and the count line still says how many there are.
 */
import { query, type LedgerPage } from './api.js';
import { el, section, table, type Child } from './dom.js';
import { count } from './format.js';

/** Rows per page of the ledger's own lists. */
const LINES_PER_PAGE = 50;

/** The page of list `key` the URL asks for (`?key=3` in the hash): a whole number ≥ 1, else 1. */
export function urlPage(key: string): number {
  const query = location.hash.split('?')[1] ?? '';
  const value = new URLSearchParams(query).get(key) ?? '';
  return /^[1-9][0-9]{0,8}$/.test(value) ? Number(value) : 1;
}

/** The current hash with list `key` at `page` (page 1 is the default and leaves the URL bare). Example: ("#/block/30", "txs", 2) → "#/block/30?txs=2". */
export function hashWithPage(hash: string, key: string, page: number): string {
  const [path = '', query = ''] = hash.split('?');
  const params = new URLSearchParams(query);
  if (page === 1) params.delete(key);
  else params.set(key, String(page));
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}

/** A pageable section over one of the ledger's own lists (claims, rewards, rap sheet, parameter history); `key` names its page in the URL. */
export async function ledgerSection<T>(title: string, key: string, route: string, body: Readonly<Record<string, unknown>>, headers: Headers, row: (line: T) => Child[], empty = 'none', ...notes: Child[]): Promise<HTMLElement> {
  const fetchPage = async (page: number): Promise<Slice> => {
    const answer = await query<LedgerPage<T>>(route, { ...body, page, per_page: LINES_PER_PAGE });
    return { rows: answer.result.map(row), total: answer.total };
  };
  const start = await firstPage(key, fetchPage);
  return section(`${title} (${count(start.slice.total)})`, ...notes, pagedTable(headers, LINES_PER_PAGE, fetchPage, start, key, empty));
}

/**
 * The URL's page of list `key`, fetched — or page 1 when the URL names a page past the end (an
 * old link to a list that shrank, or a hand-typed number): the list is shown from its start
 * rather than not at all.
 */
export async function firstPage(key: string, load: (page: number) => Promise<Slice>): Promise<Start> {
  const page = urlPage(key);
  if (page === 1) return { page, slice: await load(1) };
  const slice = await load(page).catch(() => undefined);
  return slice === undefined || slice.rows.length === 0 ? { page: 1, slice: await load(1) } : { page, slice };
}

type Headers = ReadonlyArray<string | readonly [string, string]>;

/**
 * One page of rows and the length of the whole list — or, where the API says only how many pages
 * there are, that page count.
 */
export interface Slice {
  readonly rows: ReadonlyArray<readonly Child[]>;
  readonly total: number;
  readonly pages?: number;
}

/** A page already fetched, and its number. */
export interface Start {
  readonly page: number;
  readonly slice: Slice;
}

/** `load(page)` fetches page `page` (1-based) of `perPage` rows; `start` is the page the URL named, already fetched; `key` names it in the URL. */
export function pagedTable(headers: Headers, perPage: number, load: (page: number) => Promise<Slice>, start: Start, key: string, empty = 'none'): HTMLElement {
  const box = el('div', { class: 'paged' });
  let shown = start;
  const show = (page: number, slice: Slice, note?: string): void => {
    shown = { page, slice };
    const pages = slice.pages ?? Math.max(1, Math.ceil(slice.total / perPage));
    const from = slice.rows.length === 0 ? 0 : (page - 1) * perPage + 1;
    const to = (page - 1) * perPage + slice.rows.length;
    const where = slice.pages === undefined ? `rows ${count(from)}–${count(to)} of ${count(slice.total)}` : `page ${count(page)} of ${count(pages)}`;
    const nav = el('div', { class: 'pager' }, slice.rows.length === 0 ? null : el('span', { class: 'where' }, where));
    if (pages > 1) nav.append(button('‹ previous', page > 1, () => go(page - 1)), button('next ›', page < pages, () => go(page + 1)));
    box.replaceChildren(table(headers, slice.rows, empty), nav, note === undefined ? '' : el('p', { class: 'error' }, note));
  };
  // The browser test waits on data-state, as on the page's own (main.ts).
  const go = (page: number): void => {
    box.dataset['state'] = 'loading';
    box.querySelectorAll<HTMLButtonElement>('.pager button').forEach((b) => (b.disabled = true));
    box.querySelector('.pager .where')?.replaceChildren(el('span', { class: 'spinner' }), `loading page ${count(page)}…`);
    load(page)
      .then((slice) => {
        show(page, slice);
        // A page the user already left (the answer came late) must not write its list's page into another page's URL.
        if (box.isConnected) recordPage(key, page);
      })
      .catch((error: unknown) => show(shown.page, shown.slice, `page ${page}: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (box.dataset['state'] = 'ready'));
  };
  show(start.page, start.slice);
  box.dataset['state'] = 'ready';
  return box;
}

/** The page now shown goes into the URL as a new history entry; the router's "built for" mark follows it (main.ts). */
function recordPage(key: string, page: number): void {
  const hash = hashWithPage(location.hash, key, page);
  if (hash === location.hash) return;
  history.pushState(null, '', hash);
  document.body.dataset['route'] = location.hash;
}

function button(text: string, enabled: boolean, onClick: () => void): HTMLElement {
  const node = el('button', { type: 'button' }, text) as HTMLButtonElement;
  node.disabled = !enabled;
  node.addEventListener('click', onClick);
  return node;
}
