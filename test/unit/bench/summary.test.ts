/**
 * Goal: the benchmark summary judges goals as the README states them, and apply's two-core limit
 * is the formula written in bench/apply.ts.
 * Method: hand-computed values — 1/(1/15,000 + 1/100,000) = 13,043.48 (the worked example);
 * lines shaped like the runner's, at, just below and just above each goal.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { twoCoreLimit } from '../../../bench/apply.js';
import { rowOf, summaryMarkdown, summaryRows, type Machine } from '../../../bench/lib/summary.js';

const summary = suite('bench/summary goals and the apply limit');

summary('twoCoreLimit: work conservation on two cores, never above the serial reducer', () => {
  assert.is(Math.round(twoCoreLimit(15_000, 50_000) * 100) / 100, 13_043.48);
  // A slow reducer is the bound: 1/(1/100,000 + 1/2,000) = 1,960.8 exceeds r = 1,000, so min(r, …) = 1,000.
  assert.is(twoCoreLimit(100_000, 1_000), 1_000);
});

summary('ratio goals: met at and above the target, not below', () => {
  const line = (ratio: number) => ({ bench: 'relays', case: 'proofs/verify', metric: 'proofs_per_s', median: 10, ratio_to_limit: ratio, limit: { what: 'raw', median: 12 }, goal_ratio_to_limit: 0.85 });
  assert.is(rowOf(line(0.85))?.met, 'met');
  assert.is(rowOf(line(0.849))?.met, 'not met');
  assert.is(rowOf({ bench: 'x', metric: 'm', median: 1 }), undefined, 'no goal, no row');
});

summary('a reduced-size run of a goal stated at full size is shown but never judged met', () => {
  const line = { bench: 'mainnet', case: 'block/scale-0.05', metric: 'ms_per_block', median: 25, ratio_to_limit: 0.93, limit: { what: 'raw', median: 23 }, goal_ratio_to_limit: 0.833 };
  assert.is(rowOf(line)?.met, 'met');
  assert.is(rowOf({ ...line, goal_judged_at_full_size_only: true })?.met, 'judged at full size');
  assert.is(rowOf({ ...line, goal_judged_at_full_size_only: true })?.ratio, '0.93', 'the ratio is still shown');
});

summary('rate and exponent goals', () => {
  assert.is(rowOf({ bench: 'replay', metric: 'txs_per_s', median: 100_000, goal_txs_per_s: 100_000 })?.met, 'met');
  assert.is(rowOf({ bench: 'replay', metric: 'txs_per_s', median: 99_999, goal_txs_per_s: 100_000 })?.met, 'not met');
  assert.is(rowOf({ bench: 'scale', metric: 'ms_per_block', median: 5, growth_exponent: 1.1, goal_growth_exponent_at_most: 1.1 })?.met, 'met');
  assert.is(rowOf({ bench: 'scale', metric: 'ms_per_block', median: 5, growth_exponent: 1.2, goal_growth_exponent_at_most: 1.1 })?.met, 'not met');
  // The query goal is strict ("p99 < 2 ms at 1,000 req/s", issue 12): exactly 2 ms is not met.
  assert.is(rowOf({ bench: 'query', metric: 'ms_p99', median: 1.999, goal_ms_p99_below: 2 })?.met, 'met');
  assert.is(rowOf({ bench: 'query', metric: 'ms_p99', median: 2, goal_ms_p99_below: 2 })?.met, 'not met');
  assert.is(rowOf({ bench: 'query', metric: 'ms_p99', median: 2, goal_ms_p99_below: 2 })?.goal, 'p99 < 2 ms');
  // The service's own share (Server-Timing) rides beside the figure; the goal is still the client's p99.
  assert.is(rowOf({ bench: 'query', metric: 'ms_p99', median: 3.2, server_p99_ms: 1.4, goal_ms_p99_below: 2 })?.figure, '3.2 ms_p99 (inside the service: 1.4 ms)');
  assert.is(rowOf({ bench: 'query', metric: 'ms_p99', median: 3.2, server_p99_ms: 1.4, goal_ms_p99_below: 2 })?.met, 'not met');
});

summary('benchmarks the issue names that did not run are listed as not measured', () => {
  const rows = summaryRows([{ bench: 'relays', metric: 'proofs_per_s', median: 10, ratio_to_limit: 0.9, goal_ratio_to_limit: 0.85 }]);
  assert.is(rows.find((row) => row.bench === 'query')?.met, 'not measured in this run');
  assert.is(rows.filter((row) => row.bench === 'relays').length, 1);
  const on: Machine = { cpu_model: 'cpu', cores: 2, memory_gib: 1, node: 'v20', node_flags: [], platform: 'linux-x64', date: 'd', load_average_start: 9 };
  assert.match(summaryMarkdown([], on, true), 'Overloaded machine');
  assert.not.match(summaryMarkdown([], { ...on, load_average_start: 1 }, true), 'Overloaded machine');
  // The node flags of the run are part of what it measured (bin/pokt-ledger.js).
  assert.match(summaryMarkdown([], { ...on, node_flags: ['--max-semi-space-size=64'] }, true), 'Node v20 (--max-semi-space-size=64);');
  assert.match(summaryMarkdown([], on, true), 'Node v20;');
});

summary.run();
