/**
 * The progress line's ETA (src/cli/progress.ts etaText): seconds left written for people.
 * Expected values worked by hand: 185 s = 3 min 5 s; 7,620 s = 2 h 7 min.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { blockProgress, rowsProgress, etaText } from '../../../src/cli/progress.js';

const test = suite('cli: progress ETA text');

test('seconds, minutes, hours', () => {
  assert.is(etaText(0), '0s');
  assert.is(etaText(41.6), '42s');
  assert.is(etaText(59.4), '59s');
  assert.is(etaText(60), '1m 00s');
  assert.is(etaText(185), '3m 05s');
  assert.is(etaText(3599), '59m 59s');
  assert.is(etaText(7620), '2h 07m');
  assert.is(etaText(-3), '0s');
});

/** What the bars write on stderr (a pipe here: the last line at stop). */
function stderrOf(draw: () => void): string {
  const write = process.stderr.write.bind(process.stderr);
  let said = '';
  process.stderr.write = ((chunk: string | Uint8Array): boolean => {
    said += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    return true;
  }) as typeof process.stderr.write;
  try {
    draw();
  } finally {
    process.stderr.write = write;
  }
  return said;
}

// Walking docs/projections.md: `compare |…| 17164/17164 rows | 49914 rows/s` and
// `replay |…| 60/60 blocks | 40 blocks/s | 2170 tx/s`, where every summary groups its thousands
// ("17,164 rows", "3,285 txs").
test('the bars group thousands as the summaries do (counts, totals, rates); the height stays a height', () => {
  const rows = stderrOf(() => {
    const bar = rowsProgress('compare', true);
    bar.update(17_164, 17_164);
    bar.stop();
  });
  assert.match(rows, '17,164/17,164 rows');
  const blocks = stderrOf(() => {
    const bar = blockProgress('replay', 12_000, true, performance.now() - 1_000);
    bar.update(12_000, 2_170_000, 1_234_567);
  });
  assert.match(blocks, 'height 1234567 | 12,000/12,000 blocks');
  assert.match(blocks, /\| 1[12],\d{3} blocks\/s \| 2,\d{3},\d{3} tx\/s/);
});

test.run();
