/**
 * The audit's HTML report, for auditors: one self-contained file (chart.js's UMD build and the
 * data inlined; no request leaves the page) that says what was audited and where it came from
 * (provenance, with the command that reproduces it), adds every minted and burned uPOKT up
 * (the reconciliation), names which node got what and why (the node table), itemises slashes,
 * jails, unjails and burns, charts the chain, and lists the mismatches — saying what any capped
 * list left out. Under --node the node is the subject: its title, heading and figures first.
 * Sections: html-sections.ts, html-nodes.ts, html-charts.ts; cells and text: html-text.ts.
 * Readable from a phone's width up: tables scroll inside their box, never the page, with a shadow
 * at an edge that has more; below 600 px an address in a table is cut to first…last (whole in
 * its title), the node table keeps its node column in view while it scrolls (table.keyed), and
 * the narrower lists (slashes and burns, mismatches) become a card per row (table.stack).
 */
import { chartJsInline } from '../core/chart-js.js';
import { upoktAndPoktText } from '../core/pokt-text.js';
import { CHART_SCRIPT, chartCardsHtml, chartData } from './html-charts.js';
import { nodesHtml, scopedNodeHtml } from './html-nodes.js';
import { eventsHtml, mismatchesHtml, provenanceHtml, reconciliationHtml, skippedSnapshotsHtml, type ReportContext } from './html-sections.js';
import { counted, escapeHtml, grouped, heightRanges } from './html-text.js';
import type { AuditSummary } from './summary.js';

export type { ReportContext } from './html-sections.js';

const STYLE = `*{box-sizing:border-box}
body{font-family:system-ui,sans-serif;margin:1.5em auto;padding:0 1.5em;max-width:1400px;color:#222;line-height:1.4}
h1,h2,p{overflow-wrap:anywhere}
.verdict{font-size:1.4em;font-weight:bold}
.ok{color:#17803d;font-weight:bold}.bad{color:#b42318;font-weight:bold}
.warning{background:#fff4e5;border:1px solid #f0a23b;border-radius:6px;padding:.6em .8em}
.note{color:#555;font-size:.9em}
nav a{margin-right:.8em;white-space:nowrap}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,460px),1fr));gap:1.2em}
.card{border:1px solid #ddd;border-radius:6px;padding:.8em;min-width:0}
.card h3{margin:.2em 0}
.chart{position:relative;height:300px}.chart.tall{height:460px}
.scroll{overflow-x:auto;max-width:100%;margin:.5em 0;background:linear-gradient(to right,#fff 30%,rgba(255,255,255,0)) left/2.5em 100% no-repeat local,linear-gradient(to left,#fff 30%,rgba(255,255,255,0)) right/2.5em 100% no-repeat local,radial-gradient(farthest-side at 0 50%,rgba(0,0,0,.3),rgba(0,0,0,0)) left/1em 100% no-repeat scroll,radial-gradient(farthest-side at 100% 50%,rgba(0,0,0,.3),rgba(0,0,0,0)) right/1em 100% no-repeat scroll}
table{border-collapse:collapse;font-size:.85em}td,th{border:1px solid #ddd;padding:2px 5px;text-align:left;vertical-align:top}
thead th{background:#f5f5f5}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.addr{font-family:ui-monospace,monospace;word-break:break-all}
td .addr{word-break:normal;white-space:nowrap;font-size:.95em}th .unit{font-weight:normal;color:#555}
table.keyed td:nth-child(2),table.keyed th:nth-child(2){position:sticky;left:0;z-index:1;background:#fff;box-shadow:inset 1px 0 #ddd,inset -1px 0 #ddd,3px 0 4px -2px rgba(0,0,0,.3)}table.keyed th:nth-child(2){background:#f5f5f5}
td.weight{text-decoration:underline dotted #999}.narrow-only{display:none}table.kv td .addr{white-space:normal;word-break:break-all}
code{word-break:break-all}
tr.total td,tr.result td{font-weight:bold;border-top:2px solid #999}
td.sign,td.mark{text-align:center;width:1.5em}
table.kv th{white-space:nowrap}
@media (max-width:600px){body{padding:0 .6em;margin:.6em auto}.addr.cut .mid{display:none}.addr.cut .head::after{content:'…'}.narrow-only{display:block}
table.stack,table.stack tbody,table.stack tr{display:block}table.stack thead{display:none}table.stack tr{border:1px solid #ddd;border-radius:4px;margin:0 0 .5em;padding:.2em .4em}
table.stack td{display:grid;grid-template-columns:7.5em 1fr;gap:.6em;border:0;padding:1px 0;text-align:left;white-space:normal}table.stack td::before{content:attr(data-label);color:#555}.verdict{font-size:1.15em}.chart{height:260px}table.kv th{white-space:normal}}`;

function verdictHtml(summary: AuditSummary): string {
  const ok = summary.mismatches === 0 && summary.supply_ok;
  const f = summary.supply_failures;
  const ranges = heightRanges(f.heights, 5);
  const more = f.count > f.heights.length && !ranges.endsWith('…') ? ', …' : '';
  const supply = summary.supply_ok ? 'supply holds at every block' : `supply does NOT hold at ${counted(f.count, 'height', 'heights')} (${ranges}${more})`;
  return `<p class="verdict ${ok ? 'ok' : 'bad'}" id="verdict">${ok ? 'OK' : 'MISMATCHES'}: ${counted(summary.mismatches, 'mismatch', 'mismatches')}, ${supply}</p>`;
}

function checksHtml(summary: AuditSummary): string {
  return `<p>Heights ${grouped(summary.from)}–${grouped(summary.to)} (${grouped(summary.blocks)} blocks): ${grouped(summary.reward_lines)} reward lines and ${grouped(summary.slash_and_burn_lines)} slash/burn lines recomputed independently;
${grouped(summary.supply_checks)} supply checks${GENESIS_INCLUDED}; ${grouped(summary.balance_checks)} balance checks; ${grouped(summary.tx_fees_rederived)} tx fees and ${grouped(summary.tx_codes_rederived)} tx codes re-decided; signing infos compared at ${grouped(summary.signing_info_checks)} heights${GENESIS_INCLUDED}; ${grouped(summary.snapshots_checked)} snapshots checked${summary.snapshots_skipped.length === 0 ? '' : ` (${grouped(summary.snapshots_skipped.length)} skipped, listed below)`}. Minted ${upoktAndPoktText(BigInt(summary.minted_upokt))}, burned ${upoktAndPoktText(BigInt(summary.burned_upokt))}; total supply ${upoktAndPoktText(BigInt(summary.total_supply_upokt))}.</p>`;
}

const NAV = [['provenance', 'Provenance'], ['reconciliation', 'Minted and burned'], ['nodes', 'Rewards per node'], ['slashes', 'Slashes and burns'], ['charts', 'Charts'], ['mismatches', 'Mismatches']] as const;

/**
 * The genesis state is checked and reported whatever --from says (a chain's supply is proven from
 * its genesis), so those counts are one more than the blocks: said, where "Heights 50–120 (71
 * blocks): 72 supply checks; signing infos compared at 72 blocks" read as a miscount (QA of
 * 2026-12-06).
 */
export const GENESIS_INCLUDED = ' (the genesis state’s included)';

export function auditHtml(summary: AuditSummary, context: ReportContext = {}): string {
  const scoped = summary.scope !== null;
  const subject = scoped ? `node ${summary.scope!}` : 'the whole chain';
  const nav = (scoped ? [['scope', 'This node'] as const, ...NAV] : NAV).map(([id, name]) => `<a href="#${id}">${name}</a>`).join(' ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>pokt-ledger audit of ${escapeHtml(subject)}, heights ${summary.from}–${summary.to}</title>
<style>
${STYLE}
</style></head><body>
<h1 id="title">pokt-ledger audit of ${scoped ? `node <span class="addr">${escapeHtml(summary.scope!)}</span>` : 'the whole chain'}</h1>
${verdictHtml(summary)}
${checksHtml(summary)}
<nav>${nav}</nav>
${scopedNodeHtml(summary)}${provenanceHtml(summary, context)}${reconciliationHtml(summary)}${nodesHtml(summary, context.linesCsv !== undefined)}${eventsHtml(summary)}${chartCardsHtml(summary)}${mismatchesHtml(summary)}${skippedSnapshotsHtml(summary)}<script type="application/json" id="audit-data">${chartData(summary)}</script>
<script>${chartJsInline()}</script>
<script>
${CHART_SCRIPT}
</script>
</body></html>
`;
}
