/**
 * The supply section of the home page: each block's mint and burn and each pool as small charts,
 * and the facts an auditor checks — the total at both ends of the range and
 * total(last) − total(first) = Σ minted − Σ burned over the blocks after the first (shown with
 * its result, computed here in exact BigInt from the API's numbers).
 *
 * Why small charts, each on its own axis, and no "total" line: the pools differ by orders of
 * magnitude (~350M POKT of node stake, ~50M in the DAO, ~1M of app stake) and each moves by
 * hundreds per block, so on one linear axis every line is flat; and a block burns ~0.05 POKT where
 * it mints ~5, so burns drawn below the mints' axis were invisible. Each pool and each flow gets
 * its own panel and its own y-axis (zero not forced), where its changes show. The total's change
 * is what matters, and the mint and burn panels show where it comes from.
 */
import type { SupplyLine } from './api.js';
import { amount, el, facts } from './dom.js';
import { poktNumber } from './format.js';

interface ChartGlobal {
  new (canvas: HTMLCanvasElement, config: unknown): unknown;
}

const sum = (lines: readonly SupplyLine[], pick: (line: SupplyLine) => string): bigint => lines.reduce((total, line) => total + BigInt(pick(line)), 0n);

/**
 * One small chart on its own y-axis. A fixed-height box with maintainAspectRatio off: the chart
 * keeps a readable height on a phone. `beginAtZero` for flows (a bar's height is its amount), not
 * for pools (their changes are small beside their size: the axis fits the range instead).
 */
function chart(id: string, title: string, type: 'line' | 'bar', lines: readonly SupplyLine[], dataset: Readonly<Record<string, unknown>>, beginAtZero: boolean): HTMLElement {
  const Chart = (window as unknown as { Chart?: ChartGlobal }).Chart;
  if (Chart === undefined) return el('p', { class: 'error' }, 'chart.js did not load');
  const canvas = el('canvas', { id, role: 'img', 'aria-label': title }) as HTMLCanvasElement;
  new Chart(canvas, {
    type,
    data: { labels: lines.map((s) => s.height), datasets: [dataset] },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: false }, title: { display: true, text: title, align: 'start' } },
      // A lone point sits mid-panel, as a lone bar does (a line's x-axis otherwise starts at its first point: the left edge).
      scales: { x: { offset: type === 'bar' || lines.length === 1, title: { display: true, text: 'height' }, ticks: { maxTicksLimit: 8 } }, y: { beginAtZero, title: { display: true, text: 'POKT' }, ticks: { maxTicksLimit: 6 } } },
    },
  });
  return el('div', { class: 'chart' }, canvas);
}

/**
 * A pool's line draws no points (hundreds of blocks: the line is the data), except when there is
 * one state only (an imported chain before its first block, or genesis alone): a line of one
 * point has no segment, so without its point the panel looked empty.
 */
const poolPointRadius = (lines: readonly SupplyLine[]): number => (lines.length === 1 ? 3 : 0);

export function supplyCharts(lines: readonly SupplyLine[]): HTMLElement {
  const points = (pick: (s: SupplyLine) => string): number[] => lines.map((s) => poktNumber(pick(s)));
  const pool = (id: string, title: string, pick: (s: SupplyLine) => string, color: string): HTMLElement =>
    chart(id, title, 'line', lines, { label: title, data: points(pick), borderColor: color, backgroundColor: color, pointRadius: poolPointRadius(lines), borderWidth: 2 }, false);
  const flow = (id: string, title: string, pick: (s: SupplyLine) => string, color: string): HTMLElement => chart(id, title, 'bar', lines, { label: title, data: points(pick), backgroundColor: color }, true);
  return el(
    'div',
    { class: 'charts' },
    flow('mint-chart', 'Minted per block (relay rewards)', (s) => s.minted, '#1f77b4'),
    flow('burn-chart', 'Burned per block', (s) => s.burned, '#d62728'),
    pool('supply-chart', 'Node stake (pool)', (s) => s.node_staked, '#2ca02c'),
    pool('dao-chart', 'DAO treasury', (s) => s.dao, '#9467bd'),
    pool('app-stake-chart', 'Application stake (pool)', (s) => s.app_staked, '#ff7f0e'),
  );
}

export function supplyFacts(lines: readonly SupplyLine[]): HTMLElement | null {
  const first = lines[0];
  const last = lines[lines.length - 1];
  if (first === undefined || last === undefined) return null;
  const after = lines.slice(1);
  const minted = sum(after, (s) => s.minted);
  const burned = sum(after, (s) => s.burned);
  const change = BigInt(last.total) - BigInt(first.total);
  const holds = change === minted - burned;
  // One line is the genesis or imported state with no block after it (the range asked for
  // always reaches back to it from a later head): one total, no change.
  if (lines.length < 2) return facts([[`total at ${last.height}${last.height === 0 ? ' (the genesis state)' : ''}`, amount(last.total)], ['change', '— (no block yet)'], ...poolRows(last)]);
  return facts([
    [`total at ${last.height}`, amount(last.total)],
    // Height 0 is no block: it is the genesis state, the supply before block 1.
    [first.height === 0 ? 'total at 0 (the genesis state)' : `total at ${first.height}`, amount(first.total)],
    [`change over blocks ${first.height + 1}–${last.height}`, el('span', { class: holds ? 'ok' : 'rejected' }, amount(change.toString()), ' = minted ', amount(minted.toString()), ' − burned ', amount(burned.toString()), holds ? ' ✓' : ' ✗ (does not add up)')],
    ...poolRows(last),
  ]);
}

/** The pools at the newest line. */
function poolRows(last: SupplyLine): Array<[string, HTMLElement]> {
  return [
    ['node staked', amount(last.node_staked)],
    ['app staked', amount(last.app_staked)],
    ['DAO', amount(last.dao)],
    ['fee collector (paid out next block)', amount(last.fee_collector)],
  ];
}
