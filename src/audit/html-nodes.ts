/**
 * The audit report's node sections: the table of which node got what and the inputs that
 * explain it (node-rewards.ts), and — under --node — the node's own figures and lines first,
 * or a warning when no line in the audited heights names the address.
 */
import type { Range, NodeRow } from './node-rewards.js';
import { scopeUnknown, type AuditSummary } from './summary.js';
import { addressHtml, counted, escapeHtml, firstOf, grouped, numCell, poktText, table, upoktCell } from './html-text.js';

/** Node rows on the page (the summary keeps up to 100; the total row is every node's). */
export const SHOWN_NODES = 50;

/** A weight's exact decimal without trailing zeros: "2.000000000000000037", "1". */
const weightText = (w: string): string => (w.includes('.') ? w.replace(/0+$/, '').replace(/\.$/, '') : w);

/**
 * A weight to 6 decimals, "…" when it has more ("4.000000…" for 4.000000000000000149: FracPow's
 * own digits, which the exact value on hover and in the lines CSV keep) — 20 digits would make
 * the table wider than a laptop's screen.
 */
const shortWeight = (w: string): string => {
  const exact = weightText(w);
  const [whole, fraction = ''] = exact.split('.');
  return fraction.length <= 6 ? exact : `${whole}.${fraction.slice(0, 6)}…`;
};

function rangeText(range: Range | null, one: (v: string) => string): string {
  if (range === null) return '-';
  return range.min === range.max ? one(range.min) : `${one(range.min)} – ${one(range.max)}`;
}

function weightCell(range: Range | null): string {
  return range === null ? '<td class="num">-</td>' : `<td class="num" title="${rangeText(range, weightText)}">${rangeText(range, shortWeight)}</td>`;
}

const inputCells = (row: NodeRow): string =>
  `<td class="num">${rangeText(row.multiplier, grouped)}</td><td class="num">${rangeText(row.stake, (v) => poktText(BigInt(v)))}</td><td class="num">${rangeText(row.bin, grouped)}</td>${weightCell(row.weight)}`;

const amountCells = (row: Omit<NodeRow, 'address' | 'multiplier' | 'stake' | 'bin' | 'weight'>, id = ''): string =>
  `${numCell(row.proofs)}${numCell(row.relays)}${numCell(row.lines)}${upoktCell(row.relay_rewards_upokt, id && `${id}-relay`)}${upoktCell(row.refunds_upokt, id && `${id}-refunds`)}${upoktCell(row.proposer_upokt, id && `${id}-proposer`)}${upoktCell(row.total_upokt, id && `${id}-total`)}`;

// Short headings: a wide table scrolls in its box; the paragraph above says what each one is.
const HEAD = ['#', 'node', 'proofs', 'relays', 'lines', 'relay rewards', 'refunds', 'as proposer', 'total received', 'uPOKT / relay', 'stake at proofs', 'bin', 'weight'];

export function nodesHtml(summary: AuditSummary, linesCsvNamed: boolean): string {
  const n = summary.nodes;
  if (n.count === 0) return `<section id="nodes"><h2>Rewards per node</h2><p>No node earned in these heights${summary.scope === null ? '' : ' (in scope)'}.</p></section>\n`;
  const shown = n.rows.slice(0, SHOWN_NODES);
  const rows = shown.map((row, i) => `<tr><td class="num">${i + 1}</td><td>${addressHtml(row.address)}</td>${amountCells(row)}${inputCells(row)}</tr>`);
  const more = n.count - shown.length;
  rows.push(`<tr class="total"><td></td><td>${more > 0 ? `all ${grouped(n.count)} nodes (${grouped(more)} more not listed)` : `all ${counted(n.count, 'node', 'nodes')}`}</td>${amountCells(n.total, 'nodes-total')}<td colspan="4"></td></tr>`);
  return `<section id="nodes"><h2>Rewards per node</h2>
<p>What each node’s work paid in these heights, from the lines the audit derived: relay rewards (to its output address, else the operator, and its delegators), the reward-cost refund of each proof, and its share as a block’s proposer — and the inputs that explain the relay rewards: uPOKT per relay (pos/RelaysToTokensMultiplier or the chain’s), the node’s stake at each proof, and its PIP-22 stake bin and weight (a range when they changed; the weight to 6 decimals — exact on hover and in the CSV). Amounts in uPOKT; sorted by total received.
${firstOf(shown.length, n.count, 'nodes')} The total row is every node’s. Every line, with its inputs, ${linesCsvNamed ? 'is in the lines CSV named under Provenance' : 'is written by <code>--lines-csv FILE</code> (see Provenance)'}.</p>
${table(HEAD, rows, ' id="node-table"')}
</section>
`;
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
  const lineRows = lines.rows.map((l) => `<tr><td class="num">${grouped(Number(l.height))}</td><td>${escapeHtml(String(l.kind))}</td><td>${escapeHtml(String(l.role))}</td><td>${addressHtml(l.address === null ? null : String(l.address))}</td>${upoktCell(String(l.amount_upokt))}<td>${escapeHtml(String(l.chain ?? '-'))}</td><td class="num">${l.relays === null ? '-' : grouped(String(l.relays))}</td><td class="num">${l.multiplier_upokt_per_relay === null ? '-' : grouped(String(l.multiplier_upokt_per_relay))}</td><td class="num">${l.stake_upokt === null ? '-' : poktText(BigInt(l.stake_upokt))}</td><td class="num">${l.bin ?? '-'}</td>${weightCell(l.weight === null ? null : { min: String(l.weight), max: String(l.weight) })}</tr>`);
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
${table(['height', 'kind', 'role', 'paid to', 'uPOKT', 'chain', 'relays', 'uPOKT per relay', 'stake', 'bin', 'weight'], lineRows, ' id="scope-lines"')}
</section>
`;
}
