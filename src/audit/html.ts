/**
 * The audit's HTML report: one self-contained file (chart.js's UMD build and the data inlined;
 * no request leaves the page): supply and inflation over height, mint and burn per block, top
 * earners, rewards by chain, jails over time, the verdict and the mismatches.
 *
 * DEV_NOTE: the data is embedded as JSON inside a <script type="application/json"> element with
 * "<" escaped, so no value (an address, a mismatch text) can close the script or inject markup.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { upoktAndPoktText } from '../core/pokt-text.js';
import type { AuditSummary } from './summary.js';

let chartJs: string | undefined;

/** chart.js 4's UMD bundle, from the installed package (read once). */
function chartJsSource(): string {
  chartJs ??= readFileSync(join(dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.js'), 'utf8');
  // A "</script" inside the library text would end the inline element early.
  return chartJs.replaceAll('</script', '<\\/script');
}

/** 1967 → "1,967". */
const grouped = (n: number): string => n.toLocaleString('en-US');

/** "1 mismatch", "3 mismatches" (grouped: "1,204 mismatches"). */
const counted = (n: number, one: string, many: string): string => `${grouped(n)} ${n === 1 ? one : many}`;

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Snapshots left out (damaged or foreign): named, and said not to be mismatches; nothing when there are none. */
function skippedSnapshotsHtml(summary: AuditSummary): string {
  if (summary.snapshots_skipped.length === 0) return '';
  const rows = summary.snapshots_skipped.map((s) => `<tr><td>${s.height}</td><td>${escapeHtml(s.file)}</td><td>${escapeHtml(s.code)}</td><td>${escapeHtml(s.message)}</td></tr>`).join('');
  return `<h2>Snapshots skipped</h2>
<p>Not compared: damaged or another chain's (the test a replay applies before starting from one). Not mismatches — a snapshot is derived data that a replay rebuilds; the verdict above is about the ledger.</p>
<table><tr><th>height</th><th>file</th><th>code</th><th>why</th></tr>${rows}</table>
`;
}

export function auditHtml(summary: AuditSummary): string {
  const ok = summary.mismatches === 0 && summary.supply_ok;
  const data = JSON.stringify({ series: summary.series, mismatches: summary.mismatch_list.slice(0, 500) }).replaceAll('<', '\\u003c');
  const rows = summary.mismatch_list
    .slice(0, 500)
    .map((m) => `<tr><td>${m.height}</td><td>${escapeHtml(m.account ?? '-')}</td><td>${escapeHtml(m.line)}</td><td>${escapeHtml(m.expected)}</td><td>${escapeHtml(m.recorded)}</td></tr>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>pokt-ledger audit ${summary.from}..${summary.to}</title>
<style>
body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
.verdict{font-size:1.4em;font-weight:bold;color:${ok ? '#17803d' : '#b42318'}}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(460px,1fr));gap:1.2em}
.card{border:1px solid #ddd;border-radius:6px;padding:.8em}
.chart{position:relative;height:280px}
table{border-collapse:collapse;font-size:.85em}td,th{border:1px solid #ddd;padding:2px 6px;text-align:left}
</style></head><body>
<h1>pokt-ledger audit</h1>
<p class="verdict" id="verdict">${ok ? 'OK' : 'MISMATCHES'}: ${counted(summary.mismatches, 'mismatch', 'mismatches')}, supply ${summary.supply_ok ? 'holds at every block' : 'does NOT hold'}</p>
<p>Heights ${summary.from}..${summary.to} (${grouped(summary.blocks)} blocks): ${grouped(summary.reward_lines)} reward lines and ${grouped(summary.slash_and_burn_lines)} slash/burn lines recomputed independently;
${grouped(summary.supply_checks)} supply checks; ${grouped(summary.balance_checks)} balance checks; ${grouped(summary.tx_fees_rederived)} tx fees and ${grouped(summary.tx_codes_rederived)} tx codes re-decided; signing infos compared at ${grouped(summary.signing_info_checks)} blocks; ${grouped(summary.snapshots_checked)} snapshots checked${summary.snapshots_skipped.length === 0 ? '' : ` (${grouped(summary.snapshots_skipped.length)} skipped, listed below)`}. Minted ${upoktAndPoktText(BigInt(summary.minted_upokt))}, burned ${upoktAndPoktText(BigInt(summary.burned_upokt))}; total supply ${upoktAndPoktText(BigInt(summary.total_supply_upokt))}.</p>
<div class="grid">
<div class="card"><h2>Supply and inflation</h2><div class="chart"><canvas id="supply"></canvas></div></div>
<div class="card"><h2>Mint and burn per block</h2><div class="chart"><canvas id="mintburn"></canvas></div></div>
<div class="card"><h2>Top earners</h2><div class="chart"><canvas id="earners"></canvas></div></div>
<div class="card"><h2>Rewards by chain</h2><div class="chart"><canvas id="chains"></canvas></div></div>
<div class="card"><h2>Jails over time</h2><div class="chart"><canvas id="jails"></canvas></div></div>
</div>
${skippedSnapshotsHtml(summary)}<h2>Mismatches</h2>
${rows === '' ? '<p>None.</p>' : `<table><tr><th>height</th><th>node/account</th><th>line</th><th>expected</th><th>recorded</th></tr>${rows}</table>`}
<script type="application/json" id="audit-data">${data}</script>
<script>${chartJsSource()}</script>
<script>
(function () {
  var d = JSON.parse(document.getElementById('audit-data').textContent).series;
  var n = function (xs) { return xs.map(Number); };
  var total = n(d.total);
  // Inflation: the supply's change per block relative to the supply before it, in % per block.
  var inflation = total.map(function (t, i) { return i === 0 ? 0 : ((t - total[i - 1]) / total[i - 1]) * 100; });
  // A fresh options object per chart: Chart.js writes into the object it is given.
  var opts = function (extra) { return Object.assign({ animation: false, responsive: true, maintainAspectRatio: false }, extra || {}); };
  new Chart(document.getElementById('supply'), { type: 'line', data: { labels: d.heights, datasets: [
    { label: 'total supply (uPOKT)', data: total, yAxisID: 'y', pointRadius: 0, borderColor: '#1f77b4' },
    { label: 'inflation (% per block)', data: inflation, yAxisID: 'y1', pointRadius: 0, borderColor: '#ff7f0e' } ] },
    options: opts({ scales: { y: { position: 'left' }, y1: { position: 'right', grid: { drawOnChartArea: false } } } }) });
  new Chart(document.getElementById('mintburn'), { type: 'bar', data: { labels: d.heights, datasets: [
    { label: 'minted', data: n(d.minted), backgroundColor: '#2ca02c' }, { label: 'burned', data: n(d.burned), backgroundColor: '#d62728' } ] }, options: opts() });
  new Chart(document.getElementById('earners'), { type: 'bar', data: { labels: d.top_earners.map(function (e) { return e.address.slice(0, 10) + '…'; }),
    datasets: [{ label: 'earned (uPOKT)', data: d.top_earners.map(function (e) { return Number(e.upokt); }), backgroundColor: '#9467bd' }] }, options: opts({ indexAxis: 'y' }) });
  new Chart(document.getElementById('chains'), { type: 'doughnut', data: { labels: d.rewards_by_chain.map(function (c) { return c.chain; }),
    datasets: [{ data: d.rewards_by_chain.map(function (c) { return Number(c.upokt); }) }] }, options: opts() });
  new Chart(document.getElementById('jails'), { type: 'line', data: { labels: d.heights, datasets: [{ label: 'jailings per block', data: d.jails, stepped: true, pointRadius: 0, borderColor: '#8c564b' }] }, options: opts() });
  document.body.setAttribute('data-rendered', 'yes');
})();
</script>
</body></html>
`;
}
