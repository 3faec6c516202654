/**
 * The benchmark report: one self-contained HTML file (chart.js's UMD build and the data inlined;
 * CSP: no request leaves the page) for people benchmarking block throughput, who would rather
 * look than read a table of 20 rows:
 *   - where each goal of this run stands, as a share of its goal on one axis (1 = the goal);
 *   - the mainnet-shaped block: its composition beside mainnet's blocks, and its time beside the
 *     limit, the goal and the CPU it used;
 *   - each goal over every saved run (full runs filled, --quick runs hollow): whether a goal is
 *     met steadily or only in some hours of this shared machine — the goals not met or on the
 *     line first, together in one chart of their full runs (report-data.ts FEATURED_GOALS);
 *   - the scale curves on log-log axes beside the growth their goal allows;
 *   - the summary table, and the machine the run was on.
 * The figures come from report-data.ts; the drawing from REPORT_SCRIPT (report-script.ts).
 *
 * DEV_NOTE: the data rides in a <script type="application/json"> with "<" escaped, so no text
 * in a result line (a limit's description) can close the element or inject markup.
 */
import { chartJsInline } from '../../src/core/chart-js.js';
import { escapeHtml, grouped, table } from '../../src/audit/html-text.js';
import { featuredHistories, goalBars, goalHistories, mainnetBlock, scaleDimensions, SHARE_CAP, type GoalBar, type GoalHistory, type MainnetBlock, type ScaleDimension } from './report-data.js';
import { DEFAULT_SEED } from './args.js';
import { REPORT_SCRIPT } from './report-script.js';
import { benchCaseName, summaryRows, type Machine, type ResultLine } from './summary.js';

export interface BenchReportInput {
  /** The run's lines (bench/results/latest/<name>.json, every benchmark). */
  readonly lines: readonly ResultLine[];
  /** The machine of that run (bench/results/latest/machine.json); undefined when it was not saved. */
  readonly machine: Machine | undefined;
  /** Every saved line (bench/results/<name>.jsonl), for the goals over time. */
  readonly history: readonly ResultLine[];
  /** What could not be read (a malformed line, a missing file), said on the page. */
  readonly problems: readonly string[];
}

const STYLE = `*{box-sizing:border-box}
body{font-family:system-ui,sans-serif;margin:1.5em auto;padding:0 1.5em;max-width:1400px;color:#222;line-height:1.4}
h1,h2,p{overflow-wrap:anywhere}
.note{color:#555;font-size:.9em}
.warning{background:#fff4e5;border:1px solid #f0a23b;border-radius:6px;padding:.6em .8em}
nav a{margin-right:.8em;white-space:nowrap}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,420px),1fr));gap:1.2em}
.card{border:1px solid #ddd;border-radius:6px;padding:.8em;min-width:0}
.card h3{margin:.2em 0;font-size:1em;overflow-wrap:anywhere}
.chart{position:relative;height:230px}.chart.featured{height:380px}.chart.goals{height:var(--goals-height)}.chart.scale{height:340px}
.scroll{overflow-x:auto;max-width:100%;margin:.5em 0}
table{border-collapse:collapse;font-size:.85em}td,th{border:1px solid #ddd;padding:2px 5px;text-align:left;vertical-align:top}
thead th{background:#f5f5f5}
.met{color:#17803d;font-weight:bold}.unmet{color:#b42318;font-weight:bold}
@media (max-width:600px){body{padding:0 .6em;margin:.6em auto}.chart.goals{height:calc(var(--goals-height) * 1.7)}}`;

function machineText(machine: Machine | undefined): string {
  if (machine === undefined) return 'The machine of this run was not saved (no machine.json).';
  const load = `load average ${machine.load_average_start}${machine.load_average_end === undefined ? '' : ` → ${machine.load_average_end}`}`;
  const flags = machine.node_flags.length === 0 ? '' : ` (${machine.node_flags.join(' ')})`;
  return `Run of ${machine.date}: ${machine.cpu_model}, ${machine.cores} cores, ${machine.memory_gib} GiB, Node ${machine.node}${flags}, ${machine.platform}; ${load}.`;
}

const metClass = (met: string): string => (met === 'met' ? 'met' : met === 'not met' ? 'unmet' : '');

function summaryTable(lines: readonly ResultLine[]): string {
  const rows = summaryRows(lines).map((row) => {
    const name = benchCaseName(row.bench, row.case);
    const cells = [name, row.goal, row.figure, row.limit, row.ratio].map((text) => `<td>${escapeHtml(text)}</td>`).join('');
    return `<tr>${cells}<td class="${metClass(row.met)}">${escapeHtml(row.met)}</td></tr>`;
  });
  return table(['benchmark', 'goal', 'figure (median)', 'limit (same run)', 'ratio', 'met?'], rows, ' id="summary"');
}

function problemsHtml(problems: readonly string[]): string {
  if (problems.length === 0) return '';
  return `<div class="warning" id="problems"><p><b>Not everything could be read</b>; what follows leaves these out:</p><ul>${problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul></div>`;
}

/** The mainnet-shaped block's section: what it held beside mainnet's blocks, and where its time went. */
function mainnetHtml(block: MainnetBlock | undefined): string {
  if (block === undefined) return '';
  const reduced = block.scale === 1 ? '' : ` — a reduced scale (${block.scale}) of the full run's block, so its counts sit below mainnet's`;
  // pocket-core's figure is for a whole mainnet block: beside a reduced one it would flatter.
  const speedup = block.scale !== 1 ? '' : `pocket-core needed 9–10 s to process such a block (its own measurement, the store/slim notes of PR 1500); here ${grouped(Math.round(block.timeMs))} ms with every signature and Merkle proof verified.`;
  return `<section id="mainnet"><h2>The mainnet-shaped block</h2>
<p>Height ${grouped(block.height)} of the mainnet-shaped chain (case ${escapeHtml(block.name)})${reduced}: ${grouped(block.txs)} txs, ${(block.bytes / 2 ** 20).toFixed(2)} MiB, ${grouped(block.signatures)} signatures. ${speedup}</p>
<div class="grid">${card('mainnet-composition', 'What it holds, beside a mainnet block', '', 'Mainnet heights 85,901–86,301 (late 2022; the statistics notebook in pocket-core’s doc/probabilistic_proofs): the range per block.')}
${card('mainnet-time', 'Where its time goes', '', 'The limit: raw verification of the block’s signatures on a pool of two workers. The goal: at most 1.2 × the limit (dashed). The CPU the block used, every thread, spread over the machine’s cores, is the least time it could take.')}</div>
</section>`;
}

/** The charts' data, as the script reads it (report-script.ts); an infinite share (exponent ≤ 0) is null, as JSON has no Infinity. */
function chartData(bars: readonly GoalBar[], histories: readonly GoalHistory[], scale: readonly ScaleDimension[], mainnet: MainnetBlock | undefined): string {
  const finite = (share: number): number | null => (Number.isFinite(share) ? share : null);
  const finiteShares = (h: GoalHistory) => ({ ...h, points: h.points.map((p) => ({ ...p, share: finite(p.share) })) });
  const data = {
    cap: SHARE_CAP,
    bars: bars.map((bar) => ({ name: bar.name, goal: bar.row.goal, figure: bar.row.figure, ratio: bar.row.ratio, met: bar.row.met, share: finite(bar.share) })),
    histories: histories.map(finiteShares),
    featured: featuredHistories(histories).map(finiteShares),
    scale,
    mainnet: mainnet ?? null,
  };
  return JSON.stringify(data).replaceAll('<', '\\u003c');
}

function card(id: string, title: string, className: string, note = ''): string {
  return `<div class="card"><h3>${escapeHtml(title)}</h3>${note === '' ? '' : `<p class="note">${note}</p>`}<div class="chart ${className}"><canvas id="${id}" role="img" aria-label="${escapeHtml(title)}"></canvas></div></div>`;
}

function goalsSection(bars: readonly GoalBar[]): string {
  const met = bars.filter((bar) => bar.row.met === 'met').length;
  const fullSizeOnly = bars.filter((bar) => bar.row.met === 'judged at full size').length;
  return `<section id="goals-now"><h2>Where each goal stands in this run</h2>
<p id="goals-count">${met} of ${bars.length} goals met${fullSizeOnly === 0 ? '' : ` (${fullSizeOnly} judged at full size only, this run being smaller)`}.</p>
<p class="note">Every goal on one axis, as a share of it: 1 is exactly the goal and more is better — ratio ÷ goal ratio, rate ÷ goal rate, goal exponent ÷ exponent, goal p99 ÷ p99. Green: met; red: not met; grey: a reduced-size run of a goal judged at full size. Shares above ${SHARE_CAP} are drawn at ${SHARE_CAP}; the tooltip and the table give every figure.</p>
<div class="card"><div class="chart goals"><canvas id="goals" role="img" aria-label="each goal as a share of it"></canvas></div></div>
</section>`;
}

/** The goals not met or on the line, their full runs in one chart (report-data.ts FEATURED_GOALS). */
function featuredCard(histories: readonly GoalHistory[]): string {
  const featured = featuredHistories(histories);
  if (featured.length === 0) return '';
  return `<div class="card" id="featured-card"><h3>The goals not met or on the line, every full run</h3>
<p class="note">The full runs of the goals the README calls not met or on the line, each as a share of its goal (1, dashed; each goal's own chart below gives its text, and every point's figure in its tooltip). A line that crosses 1 from run to run is a goal met in some hours of this shared machine and not in others.</p>
<div class="chart featured"><canvas id="history-featured" role="img" aria-label="the goals not met or on the line over every full run"></canvas></div></div>`;
}

/** A goal's card says how many of its saved runs another seed kept off its chart. */
function otherSeedsText(history: GoalHistory): string {
  if (history.otherSeeds === 0) return '';
  return ` (seed ${history.seed}; ${grouped(history.otherSeeds)} saved run${history.otherSeeds === 1 ? '' : 's'} with another seed left out)`;
}

function overTimeSection(histories: readonly GoalHistory[]): string {
  return `<section id="over-time"><h2>Goals over time</h2>
<p class="note">Every saved run of each goal (bench/results/&lt;name&gt;.jsonl): filled points are full runs, hollow ones --quick runs (smaller sizes); the dashed line is the goal. Runs judged against another goal (the goals were raised over time) or saved before their benchmark carried one are left out, and so are runs with another workload seed than this run's (--seed; a line without one is the default seed, ${DEFAULT_SEED}): another seed is another workload.</p>
${featuredCard(histories)}
<div class="grid">${histories.map((h, i) => card(`history-${i}`, h.name, '', escapeHtml(h.goal) + otherSeedsText(h))).join('\n')}</div>
</section>`;
}

function scaleSection(dimensions: readonly ScaleDimension[]): string {
  return `<section id="scale"><h2>Scale</h2>
<p class="note">Per-block apply and state-root time and the process's RSS as the state (nodes, accounts) or the block (txs) grows, each as a multiple of its value at the smallest size, so that every curve starts at 1 and their slopes compare. Log-log axes, where a power law is a straight line whose slope is its growth exponent. Dashed: the growth the goal allows, (n ÷ n₀)^goal exponent; a curve that stays under it grows slower than its goal allows (the verdict is the exponent fitted over all its points, in the legend). The tooltip gives each measured value.</p>
<div class="grid">${dimensions.map((d, i) => card(`scale-${i}`, `growing ${d.dimension}`, 'scale')).join('\n')}</div>
</section>`;
}

export function benchReportHtml(input: BenchReportInput): string {
  const bars = goalBars(input.lines);
  const histories = goalHistories(input.history, bars);
  const dimensions = scaleDimensions(input.lines);
  const mainnet = mainnetBlock(input.lines);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>pokt-ledger benchmarks${input.machine === undefined ? '' : `, ${escapeHtml(input.machine.date)}`}</title>
<style>${STYLE}</style></head>
<body style="--goals-height:${Math.max(220, 28 * bars.length + 80)}px">
<h1>pokt-ledger benchmarks</h1>
<p>${escapeHtml(machineText(input.machine))} A shared machine: compare a goal's ratio to the limit measured in the same run, not absolute rates across runs (bench/NOTES.md keeps what each hour measured).</p>
<nav><a href="#goals-now">This run's goals</a>${mainnet === undefined ? '' : ' <a href="#mainnet">The mainnet-shaped block</a>'} <a href="#over-time">Goals over time</a> <a href="#scale">Scale</a> <a href="#table">Table</a></nav>
${problemsHtml(input.problems)}
${goalsSection(bars)}
${mainnetHtml(mainnet)}
${overTimeSection(histories)}
${scaleSection(dimensions)}
<section id="table"><h2>The summary table</h2>
<p class="note">As in bench/results/latest/SUMMARY.md and the README.</p>
${summaryTable(input.lines)}
</section>
<script type="application/json" id="bench-data">${chartData(bars, histories, dimensions, mainnet)}</script>
<script>${chartJsInline()}</script>
<script>${REPORT_SCRIPT}</script>
</body></html>
`;
}
