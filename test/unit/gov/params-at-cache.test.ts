/**
 * `state.paramsAt(h)` is cached (chain/ledger-state.ts); a cache is only sound for heights whose
 * params can no longer change. Asking for a height not yet produced — a query at the tip + 1, a
 * session looked up ahead — must not pin the params it had then: a ParamChange in block h makes
 * them the new value from block h on (x/gov/keeper/subspace.go: the store write is read by every
 * later GetParams; our history: `paramsAt(h)` is the value at the end of block h).
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import { produce, signTx, testKey } from '../../helpers/chain.js';
import { expectOnly, govChain, OWNER, paramChange } from '../../helpers/gov-chain.js';

const test = suite('gov: paramsAt of a height not yet produced is not pinned');
const height = (state: LedgerState): number => state.chain.meta.get('meta')!.height;

test('paramsAt(tip + 1) read before block tip + 1 changes StakeMinimum gives the new value after it', () => {
  const state = govChain({ validators: [{ key: testKey('params-at-validator'), tokensUpokt: 100_000_000_000n }] });
  produce(state);
  const next = height(state) + 1;
  const before = state.paramsAt(next).pos.stakeMinimumUpokt;
  const changed = before + 1_000_000n;
  expectOnly(produce(state, [signTx(OWNER, paramChange(OWNER, 'pos/StakeMinimum', `"${changed}"`))]), 'ok');
  assert.is(height(state), next);
  assert.is(state.params().pos.stakeMinimumUpokt, changed, 'the current params');
  assert.is(state.paramsAt(next).pos.stakeMinimumUpokt, changed, 'the history at the end of the block that changed it');
  assert.is(state.paramsAt(next - 1).pos.stakeMinimumUpokt, before, 'the height before keeps the old value');
});

test.run();
