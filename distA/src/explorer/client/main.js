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
import { blockPage, homePage, paramsPage, txPage } from './pages-chain.js';
const PAGES = {
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
function searchRoute(text) {
    const value = text.trim();
    if (/^[0-9]+$/.test(value))
        return `block/${value}`;
    if (HEX.test(value) && value.length === 64)
        return `tx/${value.toUpperCase()}`;
    if (HEX.test(value) && value.length === 40)
        return `account/${value.toLowerCase()}`;
    return undefined;
}
/** Counts navigations; a render whose number is no longer the latest drops its result. */
let latestRender = 0;
function finish(render, route, content, state) {
    if (render !== latestRender)
        return;
    document.getElementById('main').replaceChildren(content);
    document.body.dataset['route'] = route;
    document.body.dataset['state'] = state;
}
async function render() {
    const route = location.hash;
    const current = ++latestRender;
    const [name = '', argument = ''] = route.replace(/^#\/?/, '').split('/');
    const page = PAGES[name];
    document.body.dataset['state'] = 'loading';
    document.getElementById('main').replaceChildren(el('p', { class: 'loading' }, 'loading…'));
    try {
        if (page === undefined)
            throw new Error(`no page "${name}"`);
        finish(current, route, await page(decodeURIComponent(argument)), 'ready');
    }
    catch (error) {
        const text = error instanceof ApiError ? `${error.code} (HTTP ${error.status}): ${error.message}` : String(error instanceof Error ? error.message : error);
        finish(current, route, el('p', { class: 'error' }, text), 'error');
    }
}
document.getElementById('search').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = document.getElementById('search-text');
    const route = searchRoute(input.value);
    if (route === undefined)
        input.setCustomValidity('a height, a tx hash (64 hex) or an address (40 hex)');
    else {
        input.setCustomValidity('');
        location.hash = `#/${route}`;
    }
    input.reportValidity();
});
window.addEventListener('hashchange', () => void render());
void render();
