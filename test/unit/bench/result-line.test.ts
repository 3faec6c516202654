/**
 * Goal: every result line is what shared/BENCH.md describes — its fields, ratio_to_limit beside a
 * limit, and at least 5 samples behind the figure (a line of fewer is refused, not saved).
 * Method: resultLine on hand-made fields; the ratio computed by hand (limit 14,000 / rate 12,345
 * inverted for a rate: 12,345 / 14,000 = 0.882).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { appendLine, resultLine } from '../../../bench/lib/report.js';

const line = suite('bench result lines');
const SETTINGS = { quick: false, seed: 42, save: false };
const AT = new Date('2026-11-22T21:00:00.123Z');

line('the fields of shared/BENCH.md, with the ratio to the limit', () => {
  const stats = { median: 12_345, min: 12_001, max: 12_700, samples: 5 };
  const made = resultLine('apply', SETTINGS, { workload: { blocks: 200 }, metric: 'txs_per_s', stats, limit: { what: 'raw verify', median: 14_000 } }, AT);
  for (const field of ['bench', 'quick', 'seed', 'workload', 'metric', 'median', 'min', 'max', 'samples', 'limit', 'ratio_to_limit', 'rss_mb', 'node', 'cpus', 'at']) assert.ok(field in made, field);
  assert.is(made['ratio_to_limit'], 0.882);
  assert.is(made['at'], '2026-11-22T21:00:00Z');
});

line('a figure behind fewer than 5 samples is refused', () => {
  const stats = { median: 11_692, min: 11_692, max: 11_692, samples: 1 };
  assert.throws(() => resultLine('relays', SETTINGS, { case: 'sessions/warm-scale', workload: {}, metric: 'sessions_per_s', stats }, AT), /1 samples behind the figure/);
});

line('--save appends whole lines, even to a log whose last line lost its newline', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-append-test-'));
  try {
    const file = join(dir, 'log.jsonl');
    appendLine(file, '{"n":1}');
    writeFileSync(file, readFileSync(file, 'utf8') + '{"n":2}'); // a hand edit without the newline
    appendLine(file, '{"n":3}');
    assert.is(readFileSync(file, 'utf8'), '{"n":1}\n{"n":2}\n{"n":3}\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

line.run();
