/**
 * Building the page: elements from data with textContent only — never innerHTML — because every
 * string shown (memos, logs, chain ids, URLs) came from a transaction anyone could have sent.
 */
import { micro, pokt } from './format.js';

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
  // A shortened one never breaks across lines: cut in the middle already, it would read as two values.
  return el('a', { href: `#/${route}`, ...(text.includes('…') ? { title: target, class: 'short' } : {}) }, text);
}

export function section(title: string, ...children: readonly Child[]): HTMLElement {
  return el('section', {}, el('h2', {}, title), ...children);
}

/**
 * A page's first section, its title the page's one h1 ("Block 42", "Node 1a2b…"): what the page
 * shows, for screen readers and the page's outline. Drawn as the other sections' headings are
 * (style.css), so the page reads no louder than before.
 */
export function pageSection(title: string, ...children: readonly Child[]): HTMLElement {
  return el('section', {}, el('h1', {}, title), ...children);
}

/** A two-column table of label → value. */
export function facts(rows: ReadonlyArray<readonly [string, Child]>): HTMLElement {
  return el('table', { class: 'facts' }, ...rows.map(([label, value]) => el('tr', {}, el('th', {}, label), el('td', {}, value))));
}

/**
 * A table with a header row; `empty` is shown when there are no rows. A list may need more width
 * than a phone has (several hashes side by side), so it scrolls inside its own box: see scrollBox.
 * A header may carry an explanation as its tooltip ([text, tooltip]).
 */
export function table(headers: ReadonlyArray<string | readonly [string, string]>, rows: ReadonlyArray<readonly Child[]>, empty = 'none'): HTMLElement {
  if (rows.length === 0) return el('p', { class: 'empty' }, empty);
  // A column of numbers (cells made by num()) is right-aligned, its header too, so amounts line up by their units.
  const numeric = headers.map((_, i) => rows.some((cells) => isNum(cells[i])));
  const head = headers.map((h, i) => {
    const attrs = numeric[i] ? { class: 'num' } : {};
    return typeof h === 'string' ? el('th', attrs, h) : el('th', { ...attrs, title: h[1] }, h[0]);
  });
  return scrollBox(el('table', { class: 'list' }, el('tr', {}, ...head), ...rows.map((cells) => el('tr', {}, ...cells.map((cell, i) => el('td', numeric[i] ? { class: 'num' } : {}, cell))))));
}

/**
 * A number or an amount in a list's cell ("15,723.27 POKT", "1,378", "—" where there is none): on
 * one line, in figures of equal width, and its column right-aligned (table above), so that units,
 * thousands and decimals line up down the column instead of starting where the text starts.
 */
export function num(text: string): HTMLElement {
  return el('span', { class: 'num' }, text);
}

/**
 * An amount in a detail row, "1,234.56789 POKT" on one line (num). Its text's no-break space
 * (format.ts UNIT_SPACE) is not enough there: a detail cell breaks anywhere to fit a hash
 * (style.css table.facts td), and a phone's squeezed cell broke "128,579,485.477278 POKT" inside it.
 */
export function amount(upokt: string): HTMLElement {
  return num(pokt(upokt));
}

/** An amount with the exact uPOKT beside it, as signed: "0.01 POKT (10,000 uPOKT)" — each on one line, a long one breaking only between the two. */
export function amountAndMicro(upokt: string): HTMLElement {
  return el('span', {}, amount(upokt), ' (', num(micro(upokt)), ')');
}

function isNum(cell: Child): boolean {
  return cell instanceof HTMLElement && cell.classList.contains('num');
}

/**
 * A horizontally scrolling box whose hidden side shows a shadow (`data-more="left right"`, drawn
 * by style.css), so a list cut by a phone's width says that it scrolls instead of looking whole.
 * The first column stays put while the rest scrolls (CSS sticky), so each row keeps its key.
 */
export function scrollBox(content: HTMLElement): HTMLElement {
  const inner = el('div', { class: 'scroll' }, content);
  const box = el('div', { class: 'scroll-box' }, inner);
  const update = (): void => {
    const more = [inner.scrollLeft > 1 ? 'left' : '', inner.scrollLeft + inner.clientWidth < inner.scrollWidth - 1 ? 'right' : ''].filter(Boolean).join(' ');
    if (box.dataset['more'] !== more) box.dataset['more'] = more;
  };
  inner.addEventListener('scroll', update, { passive: true });
  new ResizeObserver(update).observe(inner);
  return box;
}

/** A hash or key in full, in monospace, wrapping anywhere (a detail row: it must fit a phone's width). */
export function code(text: string): HTMLElement {
  return el('code', { class: 'wrap' }, text);
}

/** A hash shown shortened (first…last) on one line, the whole value as its tooltip: for lists, where a full hash would crowd the row. */
export function shortCode(text: string, shown: string): HTMLElement {
  return el('code', { class: 'short', title: text }, shown);
}

/** Pretty-printed JSON in a <pre> (decoded messages, receipts). */
export function json(value: unknown): HTMLElement {
  return el('pre', { class: 'json' }, JSON.stringify(value, null, 2));
}
