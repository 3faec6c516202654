/**
 * The audit report's node sections: the table of which node got what and the inputs that
 * explain it (node-rewards.ts), and — under --node — the node's own figures and lines first,
 * or a warning when no line in the audited heights names the address.
 */
import type { Range, NodeRow } from './node-rewards.js';
import { scopeUnknown, type AuditSummary } from './summary.js';
import { addressHtml, counted, escapeHtml, firstOf, fixedDecimals, grouped, headWithUnit, numCell, poktFigure, poktText, table, tableAddressHtml, upoktCell } from './html-text.js';
import { lineKindCell, roleCell } from './html-words.js';
import type { LineRow } from './line-rows.js';

/** Node rows on the page (the summary keeps up to 100; the total row is every node's). */
export const SHOWN_NODES = 50;

/** A weight's exact decimal without trailing zeros: "2.000000000000000037", "1". */
const weightText = (w: string): string => (w.includes('.') ? w.replace(/0+$/, '').replace(/\.$/, '') : w);

/** Decimals every weight is shown with: enough for PIP-22's fractional weights, never FracPow's residue. */
const WEIGHT_DECIMALS = 4;

/**
 * Every weight to 4 decimals ("4.0000", "1.0000"): one format for all, none looking cut off.
 * The exact value — FracPow's own digits, 4.000000000000000149 for bin 4 — is in the title and
 * the lines CSV; the footnote under the table says why it is not a round 4.
 */
const shownWeight = (w: string): string => fixedDecimals(w, WEIGHT_DECIMALS);

function rangeText(range: Range | null, one: (v: string) => string): string {
  if (range === null) return '-';
  return range.min === range.max ? one(range.min) : `${one(range.min)} – ${one(range.max)}`;
}

function weightCell(range: Range | null): string {
  return range === null ? '<td class="num">-</td>' : `<td class="num weight" title="exact: ${rangeText(range, weightText)}">${rangeText(range, shownWeight)}</td>`;
}

/** Under the tables that show weights: why the exact weight is not a round number. */
const WEIGHT_NOTE = `Weights to ${WEIGHT_DECIMALS} decimals; the exact weight (on hover, and in the lines CSV) carries the float residue of pocket-core’s FracPow, as pocket-core computes it — 4.000000000000000149 for bin 4, not 4 — and the audit reproduces it to the last digit.`;

const inputCells = (row: NodeRow): string =>
  `<td class="num">${rangeText(row.multiplier, grouped)}</td><td class="num">${rangeText(row.stake, (v) => poktFigure(BigInt(v)))}</td><td class="num">${rangeText(row.bin, grouped)}</td>${weightCell(row.weight)}`;

type Amounts = Omit<NodeRow, 'address' | 'multiplier' | 'stake' | 'bin' | 'weight'>;

// The total first, beside the node: the table is sorted by it, and on a phone it is the figure
// that fits next to the address; then what it adds up from, then the work that earned it.
const amountCells = (row: Amounts, id = ''): string =>
  `${upoktCell(row.total_upokt, id && `${id}-total`)}${upoktCell(row.relay_rewards_upokt, id && `${id}-relay`)}${upoktCell(row.refunds_upokt, id && `${id}-refunds`)}${upoktCell(row.proposer_upokt, id && `${id}-proposer`)}`;

const workCells = (row: Amounts): string => `${numCell(row.proofs)}${numCell(row.relays)}${numCell(row.lines)}`;

// Short headings, each with its unit: a wide table scrolls in its box; the paragraph above says what each one is.
const HEAD = ['#', 'node', headWithUnit('total received', 'uPOKT'), headWithUnit('relay rewards', 'uPOKT'), headWithUnit('refunds', 'uPOKT'), headWithUnit('as proposer', 'uPOKT'), 'proofs', 'relays', 'lines', headWithUnit('per relay', 'uPOKT'), headWithUnit('stake at proofs', 'POKT'), 'bin', 'weight ¹'];

export function nodesHtml(summary: AuditSummary, linesCsvNamed: boolean): string {
  const n = summary.nodes;
  if (n.count === 0) return `<section id="nodes"><h2>Rewards per node</h2><p>No node earned in these heights${summary.scope === null ? '' : ' (in scope)'}.</p></section>\n`;
  const shown = n.rows.slice(0, SHOWN_NODES);
  const rows = shown.map((row, i) => `<tr><td class="num">${i + 1}</td><td>${tableAddressHtml(row.address)}</td>${amountCells(row)}${workCells(row)}${inputCells(row)}</tr>`);
  const more = n.count - shown.length;
  rows.push(`<tr class="total"><td></td><td>${more > 0 ? `all ${grouped(n.count)} nodes (${grouped(more)} more not listed)` : `all ${counted(n.count, 'node', 'nodes')}`}</td>${amountCells(n.total, 'nodes-total')}${workCells(n.total)}<td colspan="4"></td></tr>`);
  return `<section id="nodes"><h2>Rewards per node</h2>
<p>What each node’s work paid in these heights, from the lines the audit derived: relay rewards (to its output address, else the operator, and its delegators), the reward-cost refund of each proof, and its share as a block’s proposer — and the inputs that explain the relay rewards: uPOKT per relay (pos/RelaysToTokensMultiplier or the chain’s), the node’s stake at each proof, and its PIP-22 stake bin and weight (a range when they changed). Each heading says its unit: amounts in uPOKT, the stake in POKT. Sorted by total received.
${firstOf(shown.length, n.count, 'nodes')} The total row is every node’s. Every line, with its inputs, ${linesCsvNamed ? 'is in the lines CSV named under Provenance' : 'is written by <code>--lines-csv FILE</code> (see Provenance)'}.</p>
<p class="note narrow-only">On a narrow screen the table scrolls sideways in its box (the node stays in view); each address is shortened — tap or hover for the whole.</p>
${table(HEAD, rows, ' id="node-table" class="keyed"')}
<p class="note" id="weight-note">¹ ${WEIGHT_NOTE}</p>
</section>
`;
}

const SCOPE_LINES_HEAD = ['height', 'kind', 'role', 'paid to', headWithUnit('amount', 'uPOKT'), 'chain', 'relays', headWithUnit('per relay', 'uPOKT'), headWithUnit('stake', 'POKT'), 'bin', 'weight ¹'];

/** One line about the node in scope: its kind and role in words (raw in the title), its inputs. */
function scopeLineRow(l: LineRow): string {
  const dash = (v: unknown, text: (v: string) => string): string => (v === null || v === undefined ? '-' : text(String(v)));
  const weight = l.weight === null || l.weight === undefined ? null : { min: String(l.weight), max: String(l.weight) };
  return `<tr><td class="num">${grouped(Number(l.height))}</td>${lineKindCell(String(l.kind))}${roleCell(String(l.role))}<td>${tableAddressHtml(l.address === null ? null : String(l.address))}</td>${upoktCell(String(l.amount_upokt))}<td>${escapeHtml(String(l.chain ?? '-'))}</td><td class="num">${dash(l.relays, grouped)}</td><td class="num">${dash(l.multiplier_upokt_per_relay, grouped)}</td><td class="num">${dash(l.stake_upokt, (v) => poktFigure(BigInt(v)))}</td><td class="num">${escapeHtml(String(l.bin ?? '-'))}</td>${weightCell(weight)}</tr>`;
}

/** Under --node: the node's own figures first, or the warning that no line names it. */
export function scopedNodeHtml(summary: AuditSummary): string {
  if (summary.scope === null) return '';
  const address = addressHtml(summary.scope);
  if (scopeUnknown(summary)) {
    return `<section id="scope"><p class="warning" id="scope-warning">No line in heights ${grouped(summary.from)}–${grouped(summary.to)} is about ${address}: it earned nothing, was not slashed, jailed or burned, and no check named it. Is the address right?</p></section>\n`;
  }
  const own = summary.nodes.rows.find((r) => r.address === summary.scope);
  const slashes = summary.events.by_kind.slash;
  const lines = summary.nodes.scope_lines!;
  const lineRows = lines.rows.map(scopeLineRow);
  const figures = [
    ['proofs', own === undefined ? '0' : grouped(own.proofs)],
    ['relays', own === undefined ? '0' : grouped(own.relays)],
    ['paid for its work (uPOKT)', `<span id="scope-total" data-upokt="${own?.total_upokt ?? '0'}">${grouped(own?.total_upokt ?? '0')}</span> (${poktText(BigInt(own?.total_upokt ?? '0'))})`],
    ['received at this address (uPOKT)', `<span id="scope-received" data-upokt="${summary.nodes.received_by_scope_address_upokt ?? '0'}">${grouped(summary.nodes.received_by_scope_address_upokt ?? '0')}</span> <span class="note">(as output address, delegator or proposer of any node’s work)</span>`],
    ['slashed', slashes === undefined ? 'never' : `${counted(slashes.count, 'time', 'times')}, ${grouped(slashes.upokt)} uPOKT burned (listed below)`],
  ];
  return `<section id="scope"><h2>This node</h2>
<div class="scroll"><table class="kv">${figures.map(([k, v]) => `<tr><th scope="row">${k}</th><td>${v}</td></tr>`).join('')}</table></div>
<h3>Its lines</h3>
<p>${firstOf(lines.rows.length, lines.count, 'lines')} Every line the audit derived about this node, with the inputs of its relay rewards.</p>
${table(SCOPE_LINES_HEAD, lineRows, ' id="scope-lines"')}
<p class="note">¹ ${WEIGHT_NOTE}</p>
</section>
`;
}
