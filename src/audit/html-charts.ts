/**
 * The audit report's charts: the cards (html.ts places them) and the inline script that draws
 * them with chart.js's UMD build (inlined by html.ts; CSP: no request leaves the page). Every
 * axis is titled with its unit; amounts are drawn in POKT (uPOKT / 10^6) and written grouped with
 * at most 6 decimals — never exponent notation; burns have their own chart (beside the mint they
 * are invisible); counts have integer ticks; the top earners are the node table's first rows,
 * labelled with their rank there; the doughnut's legend carries each chain's amount and share.
 *
 * DEV_NOTE: the data is embedded as JSON inside a <script type="application/json"> element with
 * "<" escaped, so no value (an address, a mismatch text) can close the script or inject markup.
 */
import type { AuditSummary } from './summary.js';
import { grouped, poktText } from './html-text.js';

/** Earners charted (the node table's first rows). */
const CHARTED_EARNERS = 20;

/** "per block", or "per 3 blocks" when a long range was bucketed (series.ts). */
function perBucket(heights: readonly number[]): string {
  const step = heights.length > 1 ? heights[1]! - heights[0]! : 1;
  return step === 1 ? 'per block' : `per ${grouped(step)} blocks`;
}

export function chartCardsHtml(summary: AuditSummary): string {
  const per = perBucket(summary.series.heights);
  const r = summary.reconciliation.supply;
  const chainTotal = summary.series.rewards_by_chain.reduce((sum, c) => sum + BigInt(c.upokt), 0n);
  const card = (id: string, title: string, note = ''): string => `<div class="card"><h3>${title}</h3>${note === '' ? '' : `<p class="note">${note}</p>`}<div class="chart${id === 'earners' ? ' tall' : ''}"><canvas id="${id}" role="img" aria-label="${title}"></canvas></div></div>`;
  return `<section id="charts"><h2>Charts</h2>
<p class="note">The whole chain${summary.scope === null ? '' : ' (not only the node in scope)'}, the audit’s own figures.</p>
<div class="grid">
${card('supply', 'Supply and inflation', `The supply’s change since height ${grouped(r.start_height)}, when it was ${poktText(BigInt(r.own_start_upokt))} (beside that, a change of a few POKT would not show).`)}
${card('minted', `Minted ${per}`)}
${card('burned', `Burned ${per}`, 'Slashes, replay and fee burns, application and DAO burns; itemised above.')}
${card('earners', `Top ${Math.min(CHARTED_EARNERS, summary.nodes.rows.length)} nodes by total received`, 'Ranked as in the node table.')}
${card('chains', 'Relay rewards to nodes by chain', `${grouped(chainTotal)} uPOKT in all: the relay rewards and refunds; the DAO’s and proposer’s allocation is in the reconciliation.`)}
${card('jails', `Jailings ${per}`, 'Nodes the audit jailed (downtime, a stake left below the minimum).')}
</div>
</section>
`;
}

/** The JSON the script reads: the series and the charted earners. */
export function chartData(summary: AuditSummary): string {
  const earners = summary.nodes.rows.slice(0, CHARTED_EARNERS).map((r) => ({ address: r.address, upokt: r.total_upokt }));
  return JSON.stringify({ series: summary.series, earners, supply_start: summary.reconciliation.supply.own_start_upokt }).replaceAll('<', '\\u003c');
}

export const CHART_SCRIPT = `(function () {
  var all = JSON.parse(document.getElementById('audit-data').textContent);
  var d = all.series;
  // Amounts in POKT; grouped with at most 6 decimals (one uPOKT), never "1.6E-6".
  var pokt = function (xs) { return xs.map(function (v) { return Number(v) / 1e6; }); };
  var fmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
  var ppb = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
  var height = { title: { display: true, text: 'height' } };
  var amountAxis = function (title, extra) { return Object.assign({ beginAtZero: true, title: { display: true, text: title }, ticks: { callback: function (v) { return fmt.format(v); } } }, extra || {}); };
  var poktTooltip = { callbacks: { label: function (c) { return c.dataset.label + ': ' + fmt.format(c.parsed.y) + ' POKT'; } } };
  // A fresh options object per chart: Chart.js writes into the object it is given.
  var opts = function (extra) { return Object.assign({ animation: false, responsive: true, maintainAspectRatio: false }, extra || {}); };
  var total = pokt(d.total);
  // The change since the start, computed in uPOKT (exact) before it becomes a POKT number.
  var start = BigInt(all.supply_start);
  var change = d.total.map(function (t) { return Number(BigInt(t) - start) / 1e6; });
  // Inflation per block between points (a bucket's points are its last block), in parts per billion.
  var inflation = total.map(function (t, i) { return i === 0 ? 0 : ((t - total[i - 1]) / total[i - 1]) * 1e9 / Math.max(1, d.heights[i] - d.heights[i - 1]); });
  new Chart(document.getElementById('supply'), { type: 'line', data: { labels: d.heights, datasets: [
    { label: 'supply change (POKT)', data: change, yAxisID: 'y', pointRadius: 0, borderColor: '#1f77b4' },
    { label: 'inflation (ppb per block)', data: inflation, yAxisID: 'y1', pointRadius: 0, borderColor: '#ff7f0e' } ] },
    options: opts({ scales: { x: height, y: amountAxis('supply change (POKT)', { beginAtZero: false, position: 'left' }),
      y1: { position: 'right', grid: { drawOnChartArea: false }, title: { display: true, text: 'inflation (parts per billion per block)' }, ticks: { callback: function (v) { return ppb.format(v); } } } },
      plugins: { tooltip: { callbacks: { label: function (c) { return c.datasetIndex === 0 ? 'supply: ' + fmt.format(total[c.dataIndex]) + ' POKT (' + (c.parsed.y < 0 ? '' : '+') + fmt.format(c.parsed.y) + ')' : 'inflation: ' + ppb.format(c.parsed.y) + ' ppb per block'; } } } } }) });
  new Chart(document.getElementById('minted'), { type: 'bar', data: { labels: d.heights, datasets: [{ label: 'minted', data: pokt(d.minted), backgroundColor: '#2ca02c' }] },
    options: opts({ scales: { x: height, y: amountAxis('minted (POKT)') }, plugins: { tooltip: poktTooltip } }) });
  // No bar for a block that burned nothing; any burn at least 2 px tall, however small beside the others.
  new Chart(document.getElementById('burned'), { type: 'bar', data: { labels: d.heights, datasets: [{ label: 'burned', data: pokt(d.burned).map(function (v) { return v === 0 ? null : v; }), backgroundColor: '#d62728', minBarLength: 2 }] },
    options: opts({ scales: { x: height, y: amountAxis('burned (POKT)') }, plugins: { tooltip: poktTooltip } }) });
  var earners = all.earners;
  new Chart(document.getElementById('earners'), { type: 'bar', data: { labels: earners.map(function (e, i) { return '#' + (i + 1) + ' ' + e.address.slice(0, 8) + '…' + e.address.slice(-4); }),
    datasets: [{ label: 'total received', data: earners.map(function (e) { return Number(e.upokt) / 1e6; }), backgroundColor: '#9467bd' }] },
    options: opts({ indexAxis: 'y', scales: { x: amountAxis('total received (POKT)'), y: { title: { display: true, text: 'node (rank, address)' }, ticks: { autoSkip: false } } },
      plugins: { legend: { display: false }, tooltip: { callbacks: { title: function (items) { return earners[items[0].dataIndex].address; }, label: function (c) { return fmt.format(c.parsed.x) + ' POKT'; } } } } }) });
  var chains = d.rewards_by_chain;
  var chainPokt = chains.map(function (c) { return Number(c.upokt) / 1e6; });
  var chainSum = chainPokt.reduce(function (a, b) { return a + b; }, 0) || 1;
  var share = function (i) { return (chainPokt[i] / chainSum * 100).toFixed(1) + '%'; };
  // 20 distinct colours (chart.js's own palette repeats after 7: two chains looked alike).
  var PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf', '#aec7e8', '#ffbb78', '#98df8a', '#ff9896', '#c5b0d5', '#c49c94', '#f7b6d2', '#c7c7c7', '#dbdb8d', '#9edae5'];
  var baseLabels = Chart.overrides.doughnut.plugins.legend.labels.generateLabels;
  new Chart(document.getElementById('chains'), { type: 'doughnut', data: { labels: chains.map(function (c) { return c.chain; }), datasets: [{ data: chainPokt, backgroundColor: chains.map(function (c, i) { return PALETTE[i % PALETTE.length]; }) }] },
    options: opts({ plugins: {
      legend: { position: 'bottom', labels: { generateLabels: function (chart) { return baseLabels(chart).map(function (l, i) { l.text = chains[i].chain + ': ' + fmt.format(chainPokt[i]) + ' POKT (' + share(i) + ')'; return l; }); } } },
      tooltip: { callbacks: { label: function (c) { return fmt.format(chainPokt[c.dataIndex]) + ' POKT (' + share(c.dataIndex) + ')'; } } } } }) });
  new Chart(document.getElementById('jails'), { type: 'bar', data: { labels: d.heights, datasets: [{ label: 'jailings', data: d.jails, backgroundColor: '#8c564b' }] },
    options: opts({ scales: { x: height, y: { beginAtZero: true, suggestedMax: 1, title: { display: true, text: 'nodes jailed' }, ticks: { stepSize: 1, precision: 0 } } } }) });
  document.body.setAttribute('data-rendered', 'yes');
})();`;
