/**
 * The supply section of the home page: the pools as a chart, each block's mint and burn as a
 * second chart, and the facts an auditor checks — the total at both ends of the range and
 * total(last) − total(first) = Σ minted − Σ burned over the blocks after the first (shown with
 * its result, computed here in exact BigInt from the API's numbers).
 *
 * Why two charts and no "total" line: the total is hundreds of millions of POKT and moves by
 * hundreds per block; on its own axis a 0.00004 % change looked like steep growth, on the pools'
 * axis it is flat. Its change is what matters, and the second chart shows where it comes from.
 */
import type { SupplyLine } from './api.js';
import { el, facts } from './dom.js';
import { pokt, poktNumber } from './format.js';

interface ChartGlobal {
  new (canvas: HTMLCanvasElement, config: unknown): unknown;
}

const sum = (lines: readonly SupplyLine[], pick: (line: SupplyLine) => string): bigint => lines.reduce((total, line) => total + BigInt(pick(line)), 0n);

function chart(id: string, type: 'line' | 'bar', lines: readonly SupplyLine[], datasets: readonly unknown[], yTitle: string): HTMLElement {
  const Chart = (window as unknown as { Chart?: ChartGlobal }).Chart;
  if (Chart === undefined) return el('p', { class: 'error' }, 'chart.js did not load');
  // A fixed-height box with maintainAspectRatio off: the chart keeps a readable height on a phone.
  const canvas = el('canvas', { id }) as HTMLCanvasElement;
  new Chart(canvas, {
    type,
    data: { labels: lines.map((s) => s.height), datasets },
    options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { x: { title: { display: true, text: 'height' } }, y: { title: { display: true, text: yTitle } } } },
  });
  return el('div', { class: 'chart' }, canvas);
}

export function supplyCharts(lines: readonly SupplyLine[]): HTMLElement {
  const line = (label: string, pick: (s: SupplyLine) => string, color: string): unknown => ({ label, data: lines.map((s) => poktNumber(pick(s))), borderColor: color, backgroundColor: color, pointRadius: 0, borderWidth: 2 });
  const bar = (label: string, pick: (s: SupplyLine) => string, color: string, sign = 1): unknown => ({ label, data: lines.map((s) => sign * poktNumber(pick(s))), backgroundColor: color });
  return el(
    'div',
    {},
    chart('supply-chart', 'line', lines, [line('node staked', (s) => s.node_staked, '#2ca02c'), line('app staked', (s) => s.app_staked, '#ff7f0e'), line('DAO', (s) => s.dao, '#9467bd')], 'pools, POKT'),
    chart('mint-chart', 'bar', lines, [bar('minted', (s) => s.minted, '#1f77b4'), bar('burned (shown below 0)', (s) => s.burned, '#d62728', -1)], 'per block, POKT'),
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
  return facts([
    [`total at ${last.height}`, pokt(last.total)],
    [`total at ${first.height}`, pokt(first.total)],
    lines.length < 2 ? ['change', '— (one block so far)'] : [`change over blocks ${first.height + 1}–${last.height}`, el('span', { class: holds ? 'ok' : 'rejected' }, `${pokt(change.toString())} = minted ${pokt(minted.toString())} − burned ${pokt(burned.toString())}${holds ? ' ✓' : ' ✗ (does not add up)'}`)],
    ['node staked', pokt(last.node_staked)],
    ['app staked', pokt(last.app_staked)],
    ['DAO', pokt(last.dao)],
    ['fee collector (paid out next block)', pokt(last.fee_collector)],
  ]);
}
