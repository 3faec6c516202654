/**
 * The explorer's router: `#/<page>/<argument>` → a page built from query-API answers. A failed
 * query shows its coded error on the page (never a blank screen); the status line says what is
 * loading, and `document.body.dataset.state` is "ready" or "error" when a page is done (the
 * browser test waits on it).
 */
import { ApiError } from './api.js';
import { el } from './dom.js';
import { accountPage, appPage, nodePage } from './pages-actors.js';
import { blockPage, homePage, paramsPage, txPage } from './pages-chain.js';

type Page = (argument: string) => Promise<HTMLElement>;

const PAGES: Readonly<Record<string, Page>> = {
  '': homePage,
  block: blockPage,
  tx: txPage,
  account: accountPage,
  node: nodePage,
  app: appPage,
  params: paramsPage,
};

const HEX = /^[0-9a-fA-F]+$/;

/** Which page a search box entry means: a height, a tx hash (64 hex) or an address (40 hex). */
function searchRoute(text: string): string | undefined {
  const value = text.trim();
  if (/^[0-9]+$/.test(value)) return `block/${value}`;
  if (HEX.test(value) && value.length === 64) return `tx/${value.toUpperCase()}`;
  if (HEX.test(value) && value.length === 40) return `account/${value.toLowerCase()}`;
  return undefined;
}

async function render(): Promise<void> {
  const main = document.getElementById('main')!;
  const [name = '', argument = ''] = location.hash.replace(/^#\/?/, '').split('/');
  const page = PAGES[name];
  document.body.dataset['state'] = 'loading';
  main.replaceChildren(el('p', { class: 'loading' }, 'loading…'));
  try {
    if (page === undefined) throw new Error(`no page "${name}"`);
    main.replaceChildren(await page(decodeURIComponent(argument)));
    document.body.dataset['state'] = 'ready';
  } catch (error) {
    const text = error instanceof ApiError ? `${error.code} (HTTP ${error.status}): ${error.message}` : String(error instanceof Error ? error.message : error);
    main.replaceChildren(el('p', { class: 'error' }, text));
    document.body.dataset['state'] = 'error';
  }
}

document.getElementById('search')!.addEventListener('submit', (event) => {
  event.preventDefault();
  const input = document.getElementById('search-text') as HTMLInputElement;
  const route = searchRoute(input.value);
  if (route === undefined) input.setCustomValidity('a height, a tx hash (64 hex) or an address (40 hex)');
  else {
    input.setCustomValidity('');
    location.hash = `#/${route}`;
  }
  input.reportValidity();
});
window.addEventListener('hashchange', () => void render());
void render();
