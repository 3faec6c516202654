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
import { rememberScroll } from './scroll.js';

/** Rows per page of the ledger's own lists. */
const LINES_PER_PAGE = 50;

/** What the URL says for list `key` (`?key=3` in the hash): its text, or null when it names none. */
export function urlPageText(key: string): string | null {
  return new URLSearchParams(location.hash.split('?')[1] ?? '').get(key);
}

/** A page number from the URL's text: a whole number ≥ 1 (leading zeros allowed), else undefined ("abc", "-1", "0", "2.5"). */
export function pageNumber(text: string): number | undefined {
  if (!/^0*[1-9][0-9]*$/.test(text)) return undefined;
  const page = Number(text);
  return Number.isSafeInteger(page) ? page : Number.MAX_SAFE_INTEGER;
}

/** The page of list `key` the URL asks for: a whole number ≥ 1, else 1. */
export function urlPage(key: string): number {
  return pageNumber(urlPageText(key) ?? '') ?? 1;
}

/** How many pages a list has (at least 1: an empty list is one empty page). */
export function pageCount(slice: Slice, perPage: number): number {
  return slice.pages ?? Math.max(1, Math.ceil(slice.total / perPage));
}

/** The line said above a list whose URL named a page that does not exist. Example: ("99", 3, 3) → "there is no page 99; showing page 3 of 3". */
export function noSuchPageText(asked: string, page: number, pages: number): string {
  const shown = asked.length > 24 ? `${asked.slice(0, 21)}…` : asked;
  const named = pageNumber(asked) === undefined ? `“${shown}”` : shown;
  return `there is no page ${named}; showing page ${count(page)} of ${count(pages)}`;
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

/** A pageable section over one of the ledger's own lists (claims, rewards, rap sheet, parameter history), oldest first as the API lists them; `key` names its page in the URL. */
export function ledgerSection<T>(title: string, key: string, route: string, body: Readonly<Record<string, unknown>>, headers: Headers, row: (line: T) => Child[], empty = 'none', ...notes: Child[]): Promise<HTMLElement> {
  const fetchPage = async (page: number): Promise<Slice> => {
    const answer = await query<LedgerPage<T>>(route, { ...body, page, per_page: LINES_PER_PAGE });
    return { rows: answer.result.map(row), total: answer.total };
  };
  return pagedSection(title, key, fetchPage, headers, empty, notes);
}

/**
 * The same, newest first (as the tx lists are): the ledger's routes list oldest first and take no
 * order, so page `page` of the newest-first list is cut from the one or two oldest-first pages
 * that hold its lines, reversed. The list's length is the first answer's (page 1, oldest first),
 * kept for the page's life: lines added meanwhile go to the end of the oldest-first list, so the
 * positions counted from its start stay where they were.
 */
export function newestLedgerSection<T>(title: string, key: string, route: string, body: Readonly<Record<string, unknown>>, headers: Headers, row: (line: T) => Child[], empty = 'none', ...notes: Child[]): Promise<HTMLElement> {
  const pages = new Map<number, Promise<LedgerPage<T>>>();
  const oldestFirst = (page: number): Promise<LedgerPage<T>> => {
    if (!pages.has(page)) {
      const answer = query<LedgerPage<T>>(route, { ...body, page, per_page: LINES_PER_PAGE });
      // A failed page is asked again next time, not remembered as failed.
      answer.catch(() => pages.delete(page));
      pages.set(page, answer);
    }
    return pages.get(page)!;
  };
  const fetchPage = async (page: number): Promise<Slice> => {
    const { lines, total } = await newestPage(oldestFirst, page, LINES_PER_PAGE);
    return { rows: lines.map(row), total };
  };
  return pagedSection(title, key, fetchPage, headers, empty, notes);
}

/**
 * The newest `count` lines of a ledger list, newest first, with the list's total — the API pages
 * its lists oldest first, so a node with 2,500 claims gets lines 1,500–2,499 (pages 2 and 3 of
 * 1,000), not its first 1,000.
 */
export function newestLines<T>(route: string, body: Readonly<Record<string, unknown>>, count: number): Promise<{ readonly lines: readonly T[]; readonly total: number }> {
  return newestPage((page) => query<LedgerPage<T>>(route, { ...body, page, per_page: count }), 1, count);
}

/** Page `page` (newest first) of `perPage` lines, from the oldest-first pages `oldestFirst` fetches. */
export async function newestPage<T>(oldestFirst: (page: number) => Promise<LedgerPage<T>>, page: number, perPage: number): Promise<{ lines: T[]; total: number }> {
  const total = (await oldestFirst(1)).total;
  const range = newestFirstRange(total, page, perPage);
  if (range === undefined) return { lines: [], total };
  const answers = await Promise.all(range.pages.map(oldestFirst));
  const offset = (range.pages[0]! - 1) * perPage;
  return { lines: answers.flatMap((answer) => answer.result).slice(range.from - offset, range.to - offset).reverse(), total };
}

/**
 * Which lines (0-based, oldest first, `from` ≤ i < `to`) make page `page` of a newest-first list
 * of `total`, and the oldest-first pages (1-based) that hold them; undefined past the end.
 * Example: (120, 1, 50) → lines 70–119 on pages 2 and 3.
 */
export function newestFirstRange(total: number, page: number, perPage: number): { readonly from: number; readonly to: number; readonly pages: readonly number[] } | undefined {
  const to = total - (page - 1) * perPage;
  if (to <= 0 || page < 1) return undefined;
  const from = Math.max(0, to - perPage);
  const first = Math.floor(from / perPage) + 1;
  const last = Math.floor((to - 1) / perPage) + 1;
  return { from, to, pages: first === last ? [first] : [first, last] };
}

async function pagedSection(title: string, key: string, fetchPage: (page: number) => Promise<Slice>, headers: Headers, empty: string, notes: readonly Child[]): Promise<HTMLElement> {
  const start = await firstPage(key, fetchPage, LINES_PER_PAGE);
  return section(`${title} (${count(start.slice.total)})`, ...notes, pagedTable(headers, LINES_PER_PAGE, fetchPage, start, key, empty));
}

/**
 * The URL's page of list `key`, fetched. A page past the end (an old link to a list that shrank,
 * a hand-typed number) shows the last page, and text that is no page number ("abc", "-1") page 1;
 * either way `asked` keeps what the URL said, so the table says so and the router replaces the
 * URL with the page shown (pagedTable marks it, main.ts replaces it).
 */
export async function firstPage(key: string, load: (page: number) => Promise<Slice>, perPage: number): Promise<Start> {
  const text = urlPageText(key);
  if (text === null) return { page: 1, slice: await load(1) };
  const asked = pageNumber(text);
  if (asked === undefined) return { page: 1, slice: await load(1), asked: text };
  if (asked === 1) return { page: 1, slice: await load(1) };
  // The page asked for first: a valid page costs one request; past the end it is empty, and its answer still says how long the list is.
  const probe = await load(asked).catch(() => undefined);
  if (probe !== undefined && probe.rows.length > 0) return { page: asked, slice: probe };
  const first = probe === undefined ? await load(1) : undefined;
  const last = Math.min(asked, pageCount(probe ?? first!, perPage));
  const slice = last === 1 && first !== undefined ? first : await load(last);
  return { page: last, slice, asked: text };
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

/** A page already fetched, and its number; `asked` is the URL's text when it named a page that does not exist. */
export interface Start {
  readonly page: number;
  readonly slice: Slice;
  readonly asked?: string;
}

/**
 * `load(page)` fetches page `page` (1-based) of `perPage` rows; `start` is the page the URL named,
 * already fetched; `key` names it in the URL. A start whose URL named no such page says so above
 * the table and marks the box `data-url-page="key=page"` for the router to put in the URL.
 * A pager button activated keeps the focus once the next page is drawn (the buttons are rebuilt),
 * or hands it to the list's heading when that button is now disabled (the first or last page).
 */
export function pagedTable(headers: Headers, perPage: number, load: (page: number) => Promise<Slice>, start: Start, key: string, empty = 'none'): HTMLElement {
  const box = el('div', { class: 'paged' });
  let shown: Start = start;
  const show = (page: number, slice: Slice, note?: string, notice?: string): void => {
    shown = { page, slice };
    const pages = pageCount(slice, perPage);
    const from = slice.rows.length === 0 ? 0 : (page - 1) * perPage + 1;
    const to = (page - 1) * perPage + slice.rows.length;
    const where = slice.pages === undefined ? `rows ${count(from)}–${count(to)} of ${count(slice.total)}` : `page ${count(page)} of ${count(pages)}`;
    const nav = el('div', { class: 'pager' }, slice.rows.length === 0 ? null : el('span', { class: 'where' }, where));
    if (pages > 1) nav.append(button('‹ previous', page > 1, (focused) => go(page - 1, '‹ previous', focused)), button('next ›', page < pages, (focused) => go(page + 1, 'next ›', focused)));
    box.replaceChildren(notice === undefined ? '' : el('p', { class: 'note no-such-page', role: 'status' }, notice), table(headers, slice.rows, empty), nav, note === undefined ? '' : el('p', { class: 'error' }, note));
  };
  // The browser test waits on data-state, as on the page's own (main.ts).
  const go = (page: number, label: string, focused: boolean): void => {
    // The URL changes by pushState, which the router does not see: the scroll of the page being left is kept here, for Back.
    rememberScroll(location.hash);
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
      .finally(() => {
        if (focused && box.isConnected) refocus(box, label);
        box.dataset['state'] = 'ready';
      });
  };
  const pages = pageCount(start.slice, perPage);
  show(start.page, start.slice, undefined, start.asked === undefined ? undefined : noSuchPageText(start.asked, start.page, pages));
  if (start.asked !== undefined) box.dataset['urlPage'] = `${key}=${start.page}`;
  box.dataset['state'] = 'ready';
  return box;
}

/** Focus back on the pager button labelled `label`, or on the list's heading (an h1 where the list is the page's first section) when that button is disabled. */
function refocus(box: HTMLElement, label: string): void {
  const same = Array.from(box.querySelectorAll<HTMLButtonElement>('.pager button')).find((b) => b.textContent === label);
  if (same !== undefined && !same.disabled) return same.focus();
  const heading = box.closest('section')?.querySelector<HTMLElement>('h1, h2');
  if (heading === null || heading === undefined) return;
  heading.tabIndex = -1;
  heading.focus();
}

/** The page now shown goes into the URL as a new history entry; the router's "built for" mark follows it (main.ts). */
function recordPage(key: string, page: number): void {
  const hash = hashWithPage(location.hash, key, page);
  if (hash === location.hash) return;
  history.pushState(null, '', hash);
  document.body.dataset['route'] = location.hash;
}

/** `onClick` is told whether the button had the focus when activated (a keyboard user's, or a click's: both focus it). */
function button(text: string, enabled: boolean, onClick: (focused: boolean) => void): HTMLElement {
  const node = el('button', { type: 'button' }, text) as HTMLButtonElement;
  node.disabled = !enabled;
  node.addEventListener('click', () => onClick(document.activeElement === node));
  return node;
}
