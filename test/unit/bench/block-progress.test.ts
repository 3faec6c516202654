/**
 * Goal: a long workload simulation says how far it is, every 5 s, and not on every block.
 * Method: blockProgress on a hand-driven clock (ms): blocks at 1 s, 5 s and 6 s after the start.
 * At 5 s, block 50 of 200: 50 / 5 = 10 blocks/s, ETA (200 − 50) / 10 = 15 s.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { blockProgress } from '../../../bench/lib/block-progress.js';

const progress = suite('bench workload progress');

progress('one line per 5 s, with the rate and the time left', () => {
  let clock = 0;
  const said: string[] = [];
  const onBlock = blockProgress((message) => said.push(message), () => clock);
  clock = 1_000;
  onBlock({ height: 10, targetHeight: 200 });
  clock = 5_000;
  onBlock({ height: 50, targetHeight: 200 });
  clock = 6_000;
  onBlock({ height: 60, targetHeight: 200 });
  assert.equal(said, ['workload: block 50/200 (10 blocks/s, ETA 15 s)']);
});

progress.run();
