/**
 * The explorer's router: `#/<page>/<argument>` → a page built from query-API answers. A failed
 * query shows its coded error on the page (never a blank screen); the status line says what is
 * loading, and `document.body.dataset.state` is "ready" or "error" when a page is done, with
 * `document.body.dataset.route` naming the hash that page was built for (the browser test waits
 * on both: right after a click the old page is still "ready" until `hashchange` fires).
 * A render that a newer navigation overtook is dropped, so a slow answer never paints over the
 * page the user moved on to.
 */
import { ApiError } from './api.js';
import { el } from './dom.js';
import { accountPage, appPage, nodePage } from './pages-actors.js';
import { blockPage, homePage, txPage } from './pages-chain.js';
import { appsPage, blocksPage, nodesPage } from './pages-lists.js';
import { paramsPage } from './pages-params.js';

type Page = (argument: string) => Promise<HTMLElement>;

const PAGES: Readonly<Record<string, Page>> = {
  '': homePage,
  block: blockPage,
  tx: txPage,
  account: accountPage,
  node: nodePage,
  app: appPage,
  params: paramsPage,
  blocks: blocksPage,
  nodes: nodesPage,
  apps: appsPage,
};

const HEX = /^[0-9a-fA-F]+$/;

/** Which page a search box entry means: a height, a tx hash (64 hex) or an address (40 hex). */
function searchRoute(text: string): string | undefined {
  const value = text.trim();
  if (/^[0-9]+$/.test(value)) return /^0+$/.test(value) ? undefined : `block/${value.replace(/^0+/, '')}`;
  if (HEX.test(value) && value.length === 64) return `tx/${value.toUpperCase()}`;
  if (HEX.test(value) && value.length === 40) return `account/${value.toLowerCase()}`;
  return undefined;
}

/** The URL's argument as text; a malformed escape ("%zz") stays as typed (the page then says it finds nothing). */
function decoded(argument: string): string {
  try {
    return decodeURIComponent(argument);
  } catch {
    return argument;
  }
}

/** Counts navigations; a render whose number is no longer the latest drops its result. */
let latestRender = 0;

/** The tab's title: what the page shows, so history entries and tabs tell pages apart. Example: "#/block/29" → "block 29". */
function titleOf(name: string, argument: string): string {
  if (name === '') return 'pokt-ledger explorer';
  const shown = argument.length > 16 ? `${argument.slice(0, 10)}…` : argument;
  return `${name} ${shown}`.trim() + ' · pokt-ledger explorer';
}

function finish(render: number, route: string, content: HTMLElement, state: 'ready' | 'error'): void {
  if (render !== latestRender) return;
  document.getElementById('main')!.replaceChildren(content);
  document.body.dataset['route'] = route;
  restoreScroll(route);
  document.body.dataset['state'] = state;
}

async function render(): Promise<void> {
  const route = location.hash;
  const current = ++latestRender;
  const [name = '', argument = ''] = route.replace(/^#\/?/, '').split('/');
  const page = PAGES[name];
  document.body.dataset['state'] = 'loading';
  document.title = titleOf(name, decoded(argument));
  document.getElementById('main')!.replaceChildren(el('p', { class: 'loading' }, 'loading…'));
  try {
    if (page === undefined) throw new Error(`no page "${name}"`);
    finish(current, route, await page(decoded(argument)), 'ready');
  } catch (error) {
    const text = error instanceof ApiError ? `${error.message} (${error.code}, HTTP ${error.status})` : String(error instanceof Error ? error.message : error);
    finish(current, route, el('p', { class: 'error' }, text), 'error');
  }
}

// A complaint is cleared as soon as the entry changes: the browser blocks a form's submit while
// its field is invalid, so a complaint left standing would block every later search.
document.getElementById('search-text')!.addEventListener('input', (event) => (event.target as HTMLInputElement).setCustomValidity(''));
document.getElementById('search')!.addEventListener('submit', (event) => {
  event.preventDefault();
  const input = document.getElementById('search-text') as HTMLInputElement;
  const route = searchRoute(input.value);
  if (route === undefined) input.setCustomValidity('a block height (from 1), a tx hash (64 hex) or an address (40 hex)');
  else {
    input.setCustomValidity('');
    location.hash = `#/${route}`;
  }
  input.reportValidity();
});
/**
 * Back and forward return to where the page was scrolled: each page's scroll is kept by its hash
 * when the user leaves it, and put back when a traversal (back/forward) returns to it. A link to a
 * page starts at its top. The Navigation API says which kind a navigation is; a browser without
 * it restores on every return.
 */
const scrolls = new Map<string, number>();
history.scrollRestoration = 'manual';
let traversing = false;
const navigation = (window as unknown as { navigation?: EventTarget }).navigation;
navigation?.addEventListener('navigate', (event) => (traversing = (event as unknown as { navigationType: string }).navigationType === 'traverse'));

function restoreScroll(route: string): void {
  const y = traversing || navigation === undefined ? (scrolls.get(route) ?? 0) : 0;
  window.scrollTo(0, y);
}

window.addEventListener('hashchange', (event) => {
  scrolls.set(new URL(event.oldURL).hash, window.scrollY);
  void render();
});
void render();
