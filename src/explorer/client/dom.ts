/**
 * Building the page: elements from data with textContent only — never innerHTML — because every
 * string shown (memos, logs, chain ids, URLs) came from a transaction anyone could have sent.
 */
export type Child = Node | string | number | null | undefined | false;

export function el(tag: string, attrs: Readonly<Record<string, string>> = {}, ...children: readonly Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/**
 * A link inside the explorer (hash routes: #/block/5, #/tx/AB…, #/account/…, #/node/…, #/app/…).
 * A shortened hash or address keeps the whole one as its tooltip (to read or copy it).
 */
export function link(route: string, text: string): HTMLElement {
  const target = route.slice(route.indexOf('/') + 1);
  return el('a', { href: `#/${route}`, ...(text.includes('…') ? { title: target } : {}) }, text);
}

export function section(title: string, ...children: readonly Child[]): HTMLElement {
  return el('section', {}, el('h2', {}, title), ...children);
}

/** A two-column table of label → value. */
export function facts(rows: ReadonlyArray<readonly [string, Child]>): HTMLElement {
  return el('table', { class: 'facts' }, ...rows.map(([label, value]) => el('tr', {}, el('th', {}, label), el('td', {}, value))));
}

/** A table with a header row; `empty` is shown when there are no rows. */
export function table(headers: readonly string[], rows: ReadonlyArray<readonly Child[]>, empty = 'none'): HTMLElement {
  if (rows.length === 0) return el('p', { class: 'empty' }, empty);
  return el('table', { class: 'list' }, el('tr', {}, ...headers.map((h) => el('th', {}, h))), ...rows.map((cells) => el('tr', {}, ...cells.map((cell) => el('td', {}, cell)))));
}

/** Pretty-printed JSON in a <pre> (decoded messages, receipts). */
export function json(value: unknown): HTMLElement {
  return el('pre', { class: 'json' }, JSON.stringify(value, null, 2));
}
