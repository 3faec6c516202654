/**
 * The explorer's router: `#/<page>/<argument>[?<list>=<page>]` → a page built from query-API
 * answers (the query part says which page of each list is shown: pager.ts). A failure shows an
 * error page — what went wrong, what a valid entry looks like, links onward (errors.ts) — never a
 * blank screen, and a route that names no page is one too; the status line says what is
 * loading, and `document.body.dataset.state` is "ready" or "error" when a page is done, with
 * `document.body.dataset.route` naming the hash that page was built for (the browser test waits
 * on both: right after a click the old page is still "ready" until `hashchange` fires).
 * A render that a newer navigation overtook is dropped, so a slow answer never paints over the
 * page the user moved on to.
 */
import { chainSpan, query, type HashAnswer } from './api.js';
import { el } from './dom.js';
import { asPageError, errorView, unknownPage } from './errors.js';
import { normalAddress } from './format.js';
import { accountPage, appPage, nodePage } from './pages-actors.js';
import { blockPage, homePage, txPage } from './pages-chain.js';
import { appsPage, blocksPage, nodesPage } from './pages-lists.js';
import { hashWithPage } from './pager.js';
import { paramsPage } from './pages-params.js';
import { scrolls } from './scroll.js';

type Page = (argument: string) => Promise<HTMLElement>;

/** Each page, and whether its route has an argument (#/block/5) or none (#/blocks): anything else is an unknown page. */
const PAGES: Readonly<Record<string, { readonly page: Page; readonly argument: boolean }>> = {
  '': { page: homePage, argument: false },
  block: { page: blockPage, argument: true },
  tx: { page: txPage, argument: true },
  account: { page: accountPage, argument: true },
  node: { page: nodePage, argument: true },
  app: { page: appPage, argument: true },
  params: { page: paramsPage, argument: false },
  blocks: { page: blocksPage, argument: false },
  nodes: { page: nodesPage, argument: false },
  apps: { page: appsPage, argument: false },
};

const HEX = /^[0-9a-fA-F]+$/;

/** What a search entry means: a page's route, or why it is not one (shown under the search box). */
type SearchResult = { readonly route: string } | { readonly message: string };

/**
 * Which page a search box entry means: a height (checked against the head: a later one is said
 * inline, not as an error page), a tx or block hash (64 hex) or an address (40 hex, a 0x prefix
 * allowed). A hash is looked up first (/v1/query/hash answers "neither" without an error status,
 * which a browser would log): a tx's page, else its block's, else a message under the box.
 */
async function searchRoute(text: string): Promise<SearchResult> {
  const value = text.trim();
  if (value === '') return { message: 'Type a block height, a tx or block hash, or an address.' };
  if (/^[0-9]+$/.test(value)) {
    if (/^0+$/.test(value)) return { message: 'Blocks are numbered from 1 (block 1 follows the genesis state).' };
    const { head, firstBlock } = await chainSpan();
    const height = Number(value);
    if (height > head) return { message: `There is no block ${value} yet: the chain is at height ${head}.` };
    if (height < firstBlock) return { message: `Block ${value} is not on this chain: it was imported from the state at height ${firstBlock - 1}, and its first block is ${firstBlock}.` };
    return { route: `block/${height}` };
  }
  const hex = value.replace(/^0x/i, '');
  if (HEX.test(hex) && hex.length === 64) return hashRoute(hex);
  if (HEX.test(hex) && hex.length === 40) return { route: `account/${normalAddress(hex)}` };
  return { message: `“${value.length > 70 ? value.slice(0, 67) + '…' : value}” is not a block height (a whole number from 1), a tx or block hash (64 hex characters) or an address (40 hex characters, 0x allowed).` };
}

/** The page a 64-hex names: its tx (a tx hash wins: a block and a tx never share one in practice), its block, or why neither. */
async function hashRoute(hex: string): Promise<SearchResult> {
  const found = await query<HashAnswer>('query/hash', { hash: hex });
  if (found.tx !== null) return { route: `tx/${found.hash}` };
  if (found.block !== null) return { route: `block/${found.block.height}` };
  return { message: `No transaction or block has the hash ${found.hash.slice(0, 12)}… (up to height ${found.height}).` };
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

const SITE = 'pokt-ledger explorer';

/** Each page's name in the tab, in the words its heading and the menu use ("params" is "Parameters"). */
const TITLES: Readonly<Record<string, string>> = {
  block: 'Block',
  tx: 'Transaction',
  account: 'Account',
  node: 'Node',
  app: 'Application',
  params: 'Parameters',
  blocks: 'Blocks',
  nodes: 'Nodes',
  apps: 'Applications',
};

/**
 * The tab's title: what the page shows, so history entries and tabs tell pages apart. Examples:
 * "#/block/29" → "Block 29 · pokt-ledger explorer", "#/params" → "Parameters · …". An error page
 * is titled by its heading instead ("Page not found · …"), not as the page it could not show.
 */
function titleOf(name: string, argument: string): string {
  if (name === '') return SITE;
  const shown = argument.length > 16 ? `${argument.slice(0, 10)}…` : argument;
  const page = Object.hasOwn(TITLES, name) ? TITLES[name]! : name;
  return `${`${page} ${shown}`.trim()} · ${SITE}`;
}

/** The menu link of the list or page shown is marked as the current one (aria-current, drawn by style.css); a detail page marks none. */
function markMenu(name: string): void {
  for (const a of Array.from(document.querySelectorAll<HTMLAnchorElement>('header nav a'))) {
    if (a.getAttribute('href') === `#/${name}`) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

function finish(render: number, route: string, content: HTMLElement, state: 'ready' | 'error', title?: string): void {
  if (render !== latestRender) return;
  if (title !== undefined) document.title = title;
  document.getElementById('main')!.replaceChildren(content);
  // A list whose URL named no such page shows another one (pager.ts): the URL says which, in place (no new history entry).
  let shown = route;
  for (const box of Array.from(content.querySelectorAll<HTMLElement>('[data-url-page]'))) {
    const [key = '', page = '1'] = (box.dataset['urlPage'] ?? '').split('=');
    shown = hashWithPage(shown, key, Number(page));
    delete box.dataset['urlPage'];
  }
  if (shown !== route) history.replaceState(history.state, '', shown);
  document.body.dataset['route'] = location.hash;
  restoreScroll(location.hash);
  document.body.dataset['state'] = state;
}

/** `#/block/30?txs=2` → its page name, argument, and the number of path parts (a third one is no page: #/block/30/extra). */
function parseRoute(hash: string): { name: string; argument: string; parts: number } {
  const path = hash.replace(/^#\/?/, '').split('?')[0]!;
  const parts = path === '' ? [] : path.split('/');
  return { name: parts[0] ?? '', argument: parts[1] ?? '', parts: parts.length };
}

async function render(): Promise<void> {
  const route = location.hash;
  const current = ++latestRender;
  const { name, argument, parts } = parseRoute(route);
  const entry = Object.hasOwn(PAGES, name) ? PAGES[name] : undefined;
  document.body.dataset['state'] = 'loading';
  document.title = titleOf(name, decoded(argument));
  markMenu(entry === undefined ? '\0' : name);
  document.getElementById('main')!.replaceChildren(el('p', { class: 'loading', role: 'status' }, el('span', { class: 'spinner' }), 'loading…'));
  try {
    const expected = entry === undefined ? -1 : entry.argument ? 2 : Math.min(parts, 1);
    if (entry === undefined || parts !== expected || (entry.argument && argument === '')) throw unknownPage(route.replace(/^#\/?/, ''));
    finish(current, route, await entry.page(decoded(argument)), 'ready');
  } catch (error) {
    const pageError = asPageError(error, route.replace(/^#\/?/, ''));
    finish(current, route, errorView(pageError), 'error', `${pageError.heading} · ${SITE}`);
  }
}

/** The line under the search box: a complaint about the entry, or nothing. */
function searchMessage(text: string | undefined): void {
  const message = document.getElementById('search-message')!;
  const input = document.getElementById('search-text')!;
  message.textContent = text ?? '';
  message.hidden = text === undefined;
  if (text === undefined) input.removeAttribute('aria-invalid');
  else input.setAttribute('aria-invalid', 'true');
}

// "skip to content": the focus goes to the page itself (the link's #main would be taken for a route).
document.querySelector('.skip-link')?.addEventListener('click', (event) => {
  event.preventDefault();
  document.getElementById('main')!.focus();
});
// A complaint is cleared as soon as the entry changes or the user goes elsewhere.
document.getElementById('search-text')!.addEventListener('input', () => searchMessage(undefined));
document.getElementById('search-text')!.setAttribute('aria-describedby', 'search-message');
document.getElementById('search')!.addEventListener('submit', (event) => {
  event.preventDefault();
  const input = document.getElementById('search-text') as HTMLInputElement;
  searchRoute(input.value)
    .then((result) => {
      if ('message' in result) return searchMessage(result.message);
      searchMessage(undefined);
      location.hash = `#/${result.route}`;
    })
    .catch((error: unknown) => searchMessage(`The search could not ask the query service: ${error instanceof Error ? error.message : String(error)}`));
});
/**
 * Back and forward return to where the page was scrolled: each page's scroll is kept by its hash
 * when the user leaves it, and put back when a traversal (back/forward) returns to it. A link to a
 * page starts at its top. The Navigation API says which kind a navigation is; a browser without
 * it restores on every return. A list's pager changes the URL without a hashchange and keeps the
 * scroll itself (pager.ts), so Back and Forward between a list's pages return there too.
 */
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
  searchMessage(undefined);
  void render();
});
void render();
