/**
 * Goal: a replay asked for turns of the event loop (`turnEveryMs`, what `pokt-ledger replay`
 * passes) gives one between two blocks of a chunk once that much time has passed — so Ctrl-C
 * (heard only between turns: cli/interrupt.ts) and the progress bar's redraw timer run during a
 * long chunk. Dogfooding of 2026-12-07: a verified replay of an 80-block dev chain (5,815 txs,
 * mostly claims and proofs at ~1,000 tx/s) applies its first chunk of 4,000 txs in ~4 s as one
 * synchronous stretch; Ctrl-C at height ~30 was heard at height 55 or at the end, and the bar
 * jumped from 0 to the chunk's end.
 * Method: a 40-block chain of one send each (one chunk: 256 blocks / 4,000 txs); a setImmediate
 * loop counts the turns; with `turnEveryMs: 0` the count rises between every two blocks, without
 * the option it does not change inside the chunk (the old behaviour, kept for library callers).
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { replay } from '../../../src/runtime/replay.js';
import { writeSendChain } from '../../helpers/send-chain.js';
import { scratch } from '../../helpers/sim.js';

const tmp = scratch('replay-turns');
const BLOCKS = 40;
const test = suite('replay: turns of the event loop inside a chunk');

test.after(() => tmp.remove());

/** The turn count seen at each block's progress report. */
async function turnsAtEachBlock(dataDir: string, turnEveryMs: number | undefined): Promise<number[]> {
  let turns = 0;
  let counting = true;
  const count = (): void => {
    turns++;
    if (counting) setImmediate(count);
  };
  setImmediate(count);
  const seen: number[] = [];
  try {
    const outcome = await replay(dataDir, { trustSignatures: true, onProgress: () => seen.push(turns), ...(turnEveryMs === undefined ? {} : { turnEveryMs }) });
    assert.ok(outcome.verified);
  } finally {
    counting = false;
  }
  return seen;
}

test('turnEveryMs 0: a turn between every two blocks; without it, none inside the chunk', async () => {
  const dataDir = await writeSendChain(tmp.dir, BLOCKS);
  const withTurns = await turnsAtEachBlock(dataDir, 0);
  assert.is(withTurns.length, BLOCKS);
  for (let i = 1; i < withTurns.length; i++) assert.ok(withTurns[i]! > withTurns[i - 1]!, `a turn between blocks ${i} and ${i + 1}: ${withTurns.join(',')}`);
  const without = await turnsAtEachBlock(dataDir, undefined);
  assert.is(new Set(without).size, 1, `one chunk applied in one stretch: ${without.join(',')}`);
});

test.run();
