/**
 * Text and cells for the audit's HTML report (html*.ts): numbers grouped, amounts exact in uPOKT
 * with POKT beside, every value that came from the chain escaped, and table markup in one place.
 * Amount cells carry their exact value in `data-upokt`, so a reader's tool (and the browser
 * test) can take the figure from the page without parsing its formatting.
 */
import { poktText } from '../core/pokt-text.js';

/** 1967 → "1,967"; a bigint or a decimal string too. */
export const grouped = (n: number | bigint | string): string => (typeof n === 'string' ? BigInt(n) : n).toLocaleString('en-US');

/** "1 mismatch", "3 mismatches" (grouped: "1,204 mismatches"). */
export const counted = (n: number, one: string, many: string): string => `${grouped(n)} ${n === 1 ? one : many}`;

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** An address (or a dash for none) in monospace, breakable on a narrow screen. */
export const addressHtml = (address: string | null): string => (address === null ? '-' : `<span class="addr">${escapeHtml(address)}</span>`);

/**
 * An address in a wide table's cell: whole on a wide screen; below 600 px its first 8 and last 4
 * characters with "…" between (the CSS hides the middle span), so the row's figures fit beside it.
 * The DOM text stays the whole address (a copy, a find, a test read it whole); the title shows it.
 */
export function tableAddressHtml(address: string | null): string {
  if (address === null || address.length <= 16) return addressHtml(address);
  const a = escapeHtml(address);
  return `<span class="addr cut" title="${a}"><span class="head">${escapeHtml(address.slice(0, 8))}</span><span class="mid">${escapeHtml(address.slice(8, -4))}</span>${escapeHtml(address.slice(-4))}</span>`;
}

/** A column heading with its unit under it: every figure column says what it counts in. */
export const headWithUnit = (name: string, unit: string): string => `${name}<br><span class="unit">${unit}</span>`;

/** POKT without the word: for a column whose heading says "POKT". 60382000000n → "60,382". */
export const poktFigure = (upokt: bigint): string => poktText(upokt).replace(/ POKT$/, '');

/**
 * A non-negative decimal string to exactly `places` decimals, half up, in exact arithmetic (no
 * float: the same text on every machine). "4.000000000000000149" → "4.0000"; "1" → "1.0000".
 */
export function fixedDecimals(exact: string, places: number): string {
  const [whole, fraction = ''] = exact.split('.');
  const digits = fraction.padEnd(places + 1, '0');
  const scaled = BigInt(`${whole}${digits.slice(0, places)}`) + (digits[places]! >= '5' ? 1n : 0n);
  const text = scaled.toString().padStart(places + 1, '0');
  return `${text.slice(0, -places)}.${text.slice(-places)}`;
}

/** A right-aligned uPOKT cell: grouped uPOKT; `id` to name the figure. */
export function upoktCell(upokt: string | bigint, id?: string): string {
  return `<td class="num"${id === undefined ? '' : ` id="${id}"`} data-upokt="${String(upokt)}">${grouped(upokt)}</td>`;
}

/** The same with the POKT under it (the reconciliation: few rows, each worth reading both ways; narrow enough for a phone). */
export function upoktPoktCell(upokt: string | bigint, id?: string): string {
  return `<td class="num"${id === undefined ? '' : ` id="${id}"`} data-upokt="${String(upokt)}">${grouped(upokt)}<br><span class="note">${poktText(BigInt(upokt))}</span></td>`;
}

export const numCell = (n: number | string | bigint): string => `<td class="num">${grouped(n)}</td>`;

export { poktText };

/** A check's mark: ✓ holds, ✗ does not (with a class the page colours, and words for a screen reader). */
export const mark = (ok: boolean): string => (ok ? '<span class="ok" title="holds">✓</span>' : '<span class="bad" title="does not hold">✗</span>');

/** A table in a horizontally scrolling box: a wide table never makes the page wider than the screen. */
export function table(head: readonly string[], rows: readonly string[], attributes = ''): string {
  return `<div class="scroll"><table${attributes}><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/**
 * A row of a table that stacks on a phone (class "stack"): each cell is given its column's name
 * (`labels`, plain text), which the CSS shows before it below 600 px, where a row becomes a card
 * of name–value lines instead of columns that would not fit.
 */
export function labelledRow(labels: readonly string[], cells: readonly string[]): string {
  return `<tr>${cells.map((cell, i) => cell.replace(/^<td/, `<td data-label="${escapeHtml(labels[i] ?? '')}"`)).join('')}</tr>`;
}

/** Ascending heights as ranges: [3, 4, 5, 9] → "3–5, 9"; past `maxRanges` ranges, "…". */
export function heightRanges(heights: readonly number[], maxRanges = Infinity): string {
  const parts: string[] = [];
  for (let i = 0; i < heights.length; ) {
    if (parts.length === maxRanges) return `${parts.join(', ')}, …`;
    let j = i;
    while (j + 1 < heights.length && heights[j + 1] === heights[j]! + 1) j++;
    parts.push(i === j ? grouped(heights[i]!) : `${grouped(heights[i]!)}–${grouped(heights[j]!)}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/** What a capped list left out, said: "The first 500 of 1,200 mismatches are shown." ("" when nothing was). */
export function firstOf(shown: number, total: number, many: string): string {
  return shown >= total ? '' : `The first ${grouped(shown)} of ${grouped(total)} ${many} are shown.`;
}
