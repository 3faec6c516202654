/**
 * Goal: the benchmark report draws what the result lines say — each goal's share computed as its
 * doc comment states, history judged only against today's goal, scale curves relative to their
 * smallest size with the goal's allowed growth — and reads a results directory without hiding
 * what it could not read.
 * Method: values computed by hand beside each assertion (the arithmetic written out); the lines
 * shaped like the runner's (bench/lib/report.ts), including real figures of the 2026-12-05 23:08
 * suite (bench/results/latest/) where a realistic number helps.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { featuredHistories, goalBars, goalHistories, goalShare, mainnetBlock, scaleDimensions } from '../../../bench/lib/report-data.js';
import { drawReport, readReportInput } from '../../../bench/lib/report-files.js';
import { benchReportHtml } from '../../../bench/lib/report-page.js';
import { scratch } from '../../helpers/sim.js';

const test = suite('bench report: what the charts show');

const close = (actual: number | undefined, expected: number, what: string): void => assert.ok(actual !== undefined && Math.abs(actual - expected) < 1e-4, `${what}: ${actual} ≠ ${expected}`);

test('goalShare: every kind of goal, oriented so that 1 is the goal and more is better', () => {
  // 0.912 / 0.833 = 1.09484 (mainnet block, the 23:08 suite)
  close(goalShare({ bench: 'mainnet', median: 429, ratio_to_limit: 0.912, goal_ratio_to_limit: 0.833 }), 1.09484, 'ratio');
  // 45,975 / 100,000 = 0.45975 (trusted replay)
  close(goalShare({ bench: 'replay', median: 45_975, goal_txs_per_s: 100_000 }), 0.45975, 'rate');
  // 0.1 / 0.124 = 0.80645 (accounts state root: an exponent above its goal is below 1)
  close(goalShare({ bench: 'scale', median: 27.49, growth_exponent: 0.124, goal_growth_exponent_at_most: 0.1 }), 0.80645, 'exponent');
  // 2 / 5.942 = 0.33659 (query p99)
  close(goalShare({ bench: 'query', median: 5.942, goal_ms_p99_below: 2 }), 0.33659, 'p99');
  assert.is(goalShare({ bench: 'scale', median: 5, growth_exponent: -0.01, goal_growth_exponent_at_most: 0.1 }), Infinity, 'a shrinking curve beats any growth goal');
  // Two goals on one line: the smaller share, 0.9 / 0.95 = 0.94737 against 120,000 / 100,000 = 1.2.
  close(goalShare({ bench: 'x', median: 120_000, ratio_to_limit: 0.9, goal_ratio_to_limit: 0.95, goal_txs_per_s: 100_000 }), 0.94737, 'two goals');
  assert.is(goalShare({ bench: 'x', median: 1 }), undefined, 'no goal');
  assert.is(goalShare({ bench: 'x', median: 1, goal_ratio_to_limit: 0.5 }), undefined, 'a ratio goal without a ratio');
});

test('goalBars: one bar per line with a goal, in the lines\' order, with the summary\'s verdict', () => {
  const bars = goalBars([
    { bench: 'relays', case: 'proofs/raw-signatures', metric: 'proofs_per_s', median: 6266 },
    { bench: 'relays', case: 'proofs/verify', metric: 'proofs_per_s', median: 5241, ratio_to_limit: 0.836, limit: { what: 'raw', median: 6266 }, goal_ratio_to_limit: 0.85 },
    { bench: 'replay', case: 'trusted', metric: 'txs_per_s', median: 45_975, goal_txs_per_s: 100_000 },
  ]);
  assert.equal(bars.map((b) => b.name), ['relays proofs/verify', 'replay trusted']);
  assert.equal(bars.map((b) => b.row.met), ['not met', 'not met']);
  close(bars[0]!.share, 0.836 / 0.85, 'proofs');
});

test('goalHistories: every saved run under today\'s goal, oldest first; other goals and cases left out', () => {
  const current = goalBars([{ bench: 'replay', case: 'trusted', metric: 'txs_per_s', median: 45_975, goal_txs_per_s: 100_000 }]);
  const history = [
    { bench: 'replay', case: 'trusted', quick: false, metric: 'txs_per_s', median: 56_000, goal_txs_per_s: 100_000, at: '2026-12-04T18:46:00Z' },
    // The same case judged against the goal of its time (50,000 tx/s, issue 4): left out.
    { bench: 'replay', case: 'trusted', quick: false, metric: 'txs_per_s', median: 44_645, goal_txs_per_s: 50_000, at: '2026-11-23T00:47:24Z' },
    { bench: 'replay', case: 'trusted', quick: true, metric: 'txs_per_s', median: 33_000, goal_txs_per_s: 100_000, at: '2026-12-03T11:41:00Z' },
    { bench: 'replay', case: 'verified', quick: false, metric: 'txs_per_s', median: 12_000, ratio_to_limit: 0.76, goal_ratio_to_limit: 0.7, at: '2026-12-04T00:00:00Z' },
    { bench: 'replay', case: 'trusted', quick: false, metric: 'txs_per_s', median: 40_000, at: '2026-11-22T00:00:00Z' },
  ];
  const [replay] = goalHistories(history, current);
  assert.is(replay!.name, 'replay trusted');
  assert.equal(replay!.points.map((p) => [p.at, p.quick]), [['2026-12-03T11:41:00Z', true], ['2026-12-04T18:46:00Z', false]]);
  close(replay!.points[1]!.share, 0.56, '56,000 / 100,000');
  assert.is(replay!.points[0]!.figure, '33,000 txs_per_s');
});

test('goalHistories: only the saved runs of this run\'s seed (a line without one is the default, 42); the others counted and stated', () => {
  const trusted = { bench: 'replay', case: 'trusted', quick: false, metric: 'txs_per_s', goal_txs_per_s: 100_000 };
  const history = [
    { ...trusted, seed: 42, median: 56_000, at: '2026-12-04T18:46:00Z' },
    // Saved before lines carried the seed: the default seed's.
    { ...trusted, median: 50_000, at: '2026-11-30T00:00:00Z' },
    // --seed 7: another workload, not a point of seed 42's series.
    { ...trusted, seed: 7, median: 90_000, at: '2026-12-05T00:00:00Z' },
    { ...trusted, seed: 7, median: 91_000, at: '2026-12-05T01:00:00Z' },
  ];
  const [byDefault] = goalHistories(history, goalBars([{ ...trusted, seed: 42, median: 45_975 }]));
  assert.equal(byDefault!.points.map((p) => p.at), ['2026-11-30T00:00:00Z', '2026-12-04T18:46:00Z']);
  assert.equal([byDefault!.seed, byDefault!.otherSeeds], [42, 2]);
  // A run with --seed 7 is drawn against seed 7's history: the default seed's runs are the others.
  const [bySeven] = goalHistories(history, goalBars([{ ...trusted, seed: 7, median: 92_000 }]));
  assert.equal(bySeven!.points.map((p) => p.figure), ['90,000 txs_per_s', '91,000 txs_per_s']);
  assert.equal([bySeven!.seed, bySeven!.otherSeeds], [7, 2]);
  const page = benchReportHtml({ lines: [{ ...trusted, seed: 42, median: 45_975 }], machine: undefined, history, problems: [] });
  assert.ok(page.includes('(seed 42; 2 saved runs with another seed left out)'), 'the goal\'s card says what another seed kept off it');
});

test('featuredHistories: the goals not met or on the line, full runs only, in the listed order; none without a full run', () => {
  const point = (at: string, quick: boolean) => ({ at, share: 0.9, quick, figure: 'x' });
  const featured = featuredHistories([
    { name: 'replay trusted', goal: '≥ 100,000 txs_per_s', seed: 42, otherSeeds: 0, points: [point('2026-12-05T23:29:00Z', false), point('2026-12-05T06:46:00Z', true)] },
    { name: 'project rows', goal: 'ratio ≥ 0.5', seed: 42, otherSeeds: 0, points: [point('2026-12-05T23:18:00Z', false)] },
    { name: 'mainnet block/scale-1', goal: 'ratio ≥ 0.833', seed: 42, otherSeeds: 0, points: [point('2026-12-05T23:12:00Z', false)] },
    { name: 'relays proofs/verify', goal: 'ratio ≥ 0.85', seed: 42, otherSeeds: 0, points: [point('2026-12-05T06:46:00Z', true)] },
  ]);
  assert.equal(featured.map((h) => [h.name, h.points.length]), [['mainnet block/scale-1', 1], ['replay trusted', 1]]);
});

test('scaleDimensions: curves relative to the smallest size, and the growth each goal allows', () => {
  const line = (kase: string, metric: string, points: Array<[number, number]>, goal?: number) => ({
    bench: 'scale', case: kase, metric, median: points.at(-1)![1], points: points.map(([n, value]) => ({ n, value })), growth_exponent: 0.05,
    ...(goal === undefined ? {} : { goal_growth_exponent_at_most: goal }),
  });
  // The 23:08 suite's nodes lines (bench/results/latest/scale.json).
  const [nodes, txs] = scaleDimensions([
    line('nodes/apply', 'ms_per_block', [[1000, 34.02], [10_000, 36.83], [50_000, 41.23]], 0.1),
    line('nodes/state-root', 'ms_per_block', [[1000, 15.63], [10_000, 17.28], [50_000, 21.64]], 0.1),
    line('nodes/rss', 'rss_mb', [[1000, 806], [10_000, 841], [50_000, 934]]),
    line('txs-per-block/apply', 'ms_per_block', [[250, 22.33], [4000, 64.53], [8000, 0]], 1.1),
    { bench: 'relays', case: 'sessions/capture-scale', points: [{ n: 1, value: 2 }] },
  ]);
  assert.is(nodes!.dimension, 'nodes');
  assert.equal(nodes!.curves.map((c) => c.measure), ['apply', 'state-root', 'rss']);
  // 41.23 / 34.02 = 1.21193; 934 / 806 = 1.15881
  close(nodes!.curves[0]!.points[2]!.relative, 1.21193, 'apply at 50,000 nodes');
  close(nodes!.curves[2]!.points[2]!.relative, 1.15881, 'rss at 50,000 nodes');
  // One allowed line for the shared goal 0.1: 10^0.1 = 1.25893, 50^0.1 = e^(0.1 · 3.91202) = 1.47876.
  assert.is(nodes!.allowed.length, 1);
  close(nodes!.allowed[0]!.points[1]!.relative, 1.25893, 'allowed at 10,000');
  close(nodes!.allowed[0]!.points[2]!.relative, 1.47876, 'allowed at 50,000');
  // 16^1.1 = e^(1.1 · 2.77259) = 21.1121; the point with no positive value is dropped.
  assert.is(txs!.curves[0]!.points.length, 2);
  close(txs!.allowed[0]!.points[1]!.relative, 21.1121, 'allowed at 16× the txs');
});

test('mainnetBlock: the block beside mainnet\'s ranges, the goal\'s longest time, its CPU by thread', () => {
  // The 23:08 suite's line (bench/results/latest/mainnet.json), trimmed to what the section reads.
  const line = {
    bench: 'mainnet', case: 'block/scale-1', metric: 'ms_per_block', median: 429, cpus: 2,
    workload: { scale: 1, height: 24, txs: 2966, kinds: { Claim: 1321, Proof: 1424, Send: 219, StakeNode: 2 }, bytes: 1_978_049, signatures: 5814, mainnet_block: { proofs: [1300, 1400], claims: [1300, 1400], sends: [100, 250] } },
    limit: { what: 'raw verify', median: 391 }, ratio_to_limit: 0.912, goal_ratio_to_limit: 0.833,
    cpu_ms_per_block: { main_thread: 296, verify_workers: 450, other_threads: 16, all_threads: 761, all_threads_over_cores: 381 },
  };
  const block = mainnetBlock([{ bench: 'apply', median: 1 }, line])!;
  assert.equal(block.composition, [
    { kind: 'proofs', block: 1424, mainnet: [1300, 1400] },
    { kind: 'claims', block: 1321, mainnet: [1300, 1400] },
    { kind: 'sends', block: 219, mainnet: [100, 250] },
  ]);
  // 391 ms ÷ 0.833 = 469.38776 ms: the goal's 1.2 × 391 = 469.2, as the ratio 0.833 rounds 1/1.2.
  close(block.goalMs, 469.38776, 'longest time the goal allows');
  assert.equal(block.cpu, { mainThread: 296, verifyWorkers: 450, otherThreads: 16, overCores: 381 });
  assert.equal([block.height, block.txs, block.signatures, block.cores], [24, 2966, 5814, 2]);
  const { cpu_ms_per_block: _dropped, ...withoutCpu } = line;
  assert.is(mainnetBlock([withoutCpu])!.cpu, undefined, 'a run without the CPU split draws no CPU bar');
  assert.is(mainnetBlock([{ ...line, workload: { ...line.workload, mainnet_block: undefined } }]), undefined, 'no mainnet ranges, no section');
});

test('readReportInput: a malformed line or file is named, never dropped silently', () => {
  const results = scratch('bench-report');
  try {
    mkdirSync(join(results.dir, 'latest'));
    writeFileSync(join(results.dir, 'latest', 'replay.json'), JSON.stringify([{ bench: 'replay', case: 'trusted', median: 1, goal_txs_per_s: 2 }, 7]));
    writeFileSync(join(results.dir, 'latest', 'query.json'), '{"bench":');
    writeFileSync(join(results.dir, 'replay.jsonl'), `${JSON.stringify({ bench: 'replay', case: 'trusted', at: '2026-12-01T00:00:00Z' })}\nnot json\n\n[1]\n`);
    const input = readReportInput(results.dir);
    assert.is(input.lines.length, 1);
    assert.is(input.history.length, 1);
    assert.is(input.machine, undefined);
    const problems = input.problems.join('\n');
    for (const named of ['latest/replay.json[1]: not a result line', 'latest/query.json: not JSON', 'replay.jsonl:2: not JSON', 'replay.jsonl:4: not a result line', 'latest/machine.json: missing']) {
      assert.ok(problems.includes(named), `${named} not in:\n${problems}`);
    }
    assert.ok(benchReportHtml(input).includes('replay.jsonl:2: not JSON'), 'the page states what it left out');
  } finally {
    results.remove();
  }
});

test('drawReport (--report): exit 1 when it left out a damaged result file, the report still written and the file named; 0 when whole', async () => {
  const results = scratch('bench-report-exit');
  try {
    mkdirSync(join(results.dir, 'latest'));
    writeFileSync(join(results.dir, 'latest', 'replay.json'), JSON.stringify([{ bench: 'replay', case: 'trusted', metric: 'txs_per_s', median: 1, goal_txs_per_s: 2 }]));
    writeFileSync(join(results.dir, 'latest', 'machine.json'), JSON.stringify({ cpu_model: 'AMD EPYC', cores: 2, memory_gib: 24, node: 'v20.20.2', node_flags: [], platform: 'linux-x64', date: '2026-12-01T00:00:00Z', load_average_start: 1 }));
    const whole = `${JSON.stringify({ bench: 'replay', case: 'trusted', metric: 'txs_per_s', median: 1, goal_txs_per_s: 2, at: '2026-12-01T00:00:00Z' })}\n`;
    writeFileSync(join(results.dir, 'replay.jsonl'), whole);
    const said: string[] = [];
    assert.is(await drawReport(results.dir, (line) => void said.push(line)), 0, said.join('\n'));
    assert.not.ok(said.some((line) => line.includes('left out')), said.join('\n'));

    // A run killed mid-write: its last line cut short.
    writeFileSync(join(results.dir, 'replay.jsonl'), `${whole}{"bench":"replay","ca`);
    said.length = 0;
    rmSync(join(results.dir, 'latest', 'report.html'));
    assert.is(await drawReport(results.dir, (line) => void said.push(line)), 1, said.join('\n'));
    assert.ok(said.some((line) => line.startsWith('bench report: left out replay.jsonl:2: not JSON')), said.join('\n'));
    assert.ok(existsSync(join(results.dir, 'latest', 'report.html')), 'the report is written all the same');
    assert.ok(readFileSync(join(results.dir, 'latest', 'report.html'), 'utf8').includes('replay.jsonl:2: not JSON'), 'and names the file too');
  } finally {
    results.remove();
  }
});

test('benchReportHtml: text from a result line can neither close the data element nor add markup', () => {
  const hostile = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';
  const html = benchReportHtml({
    lines: [{ bench: 'relays', case: hostile, metric: 'proofs_per_s', median: 5, ratio_to_limit: 0.8, limit: { what: hostile, median: 6 }, goal_ratio_to_limit: 0.85 }],
    machine: undefined,
    history: [],
    problems: [hostile],
  });
  assert.not.ok(html.includes('<script>alert(1)'), 'raw markup from a line reached the page');
  assert.not.ok(html.includes('<img src=x'), 'raw markup from a line reached the page');
  assert.ok(html.includes('\\u003c/script>\\u003cscript>alert(1)'), 'the JSON carries the text with < escaped');
});

test.run();
