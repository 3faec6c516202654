/**
 * Goal: `simulate --composition` on a run too short to have proofs says so instead of a table of
 * placeholders. Dogfooding of 2026-12-07: `simulate --profile mainnet-shaped --blocks 12
 * --composition` printed "0 steady blocks (with proofs) of 12" and then rows like "proofs per
 * block – (–––)" and "proofs, share of tx bytes 0.0% | 67%" — a 0.0% beside mainnet's 67% reads
 * as a finding, not as "nothing measured".
 * Method: the recorder's table with no steady block (none recorded), and docs/simulator.md's
 * statement that the composition is over the steady blocks, those with proofs.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CompositionRecorder } from '../../../src/sim/mainnet/composition.js';

const test = suite('sim: the composition table of a run without proofs');

test('no steady block: one line saying there is nothing to compare yet, no placeholder rows', () => {
  const table = new CompositionRecorder(1 / 32).table(1 / 32, 0.02);
  assert.match(table, /^block composition: 0 steady blocks \(with proofs\) of 0/);
  assert.not.match(table, /–––|0\.0%/, table);
  assert.match(table, /no block of this run carried proofs yet/, table);
});

test.run();
