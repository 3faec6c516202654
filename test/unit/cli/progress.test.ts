/**
 * The progress line's ETA (src/cli/progress.ts etaText): seconds left written for people.
 * Expected values worked by hand: 185 s = 3 min 5 s; 7,620 s = 2 h 7 min.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { etaText } from '../../../src/cli/progress.js';

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

test.run();
