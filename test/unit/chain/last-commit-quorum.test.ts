/**
 * Goal: a block's last commit must carry signatures of MORE than 2/3 of the voting power of the
 * set that signed the previous block, as Tendermint's block validation demands
 * (the pokt-network Tendermint fork at 59310158d3e9, pocket-core go.mod:5: state/validation.go:97-104
 * → types/validator_set.go:687-709 VerifyCommit: `talliedVotingPower > TotalVotingPower()*2/3`,
 * integer division, where every present precommit with a valid signature is tallied,
 * types/block.go:875-929 — a `signed` vote here). Without it a
 * block could report a third or more of the set as absent, and downtime (BeginBlock) would count
 * misses that a Tendermint chain can never deliver: with > 1/3 of the power silent, block h−1
 * has no commit and block h does not exist.
 * Method: test chains of equal-power validators; the producer's `signed` option leaves votes
 * out; the block is applied and either rejected (state untouched) or accepted.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { applyBlock, BlockRejectedError } from '../../../src/chain/apply-block.js';
import { buildBlock } from '../../../src/chain/producer.js';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import { bytesToHex } from '../../../src/core/hex.js';
import type { Address } from '../../../src/core/types.js';
import { CHAIN_META_KEY } from '../../../src/state/chain-tables.js';
import { BLOCK_INTERVAL_NS, produce, startChain, testKey, type TestKey } from '../../helpers/chain.js';

const POKT = 1_000_000n;
const keys = [testKey('quorum-a'), testKey('quorum-b'), testKey('quorum-c'), testKey('quorum-d')];

function chain(validators: readonly TestKey[], tokens: readonly bigint[] = validators.map(() => 100_000n * POKT)): LedgerState {
  const state = startChain({ validators: validators.map((key, i) => ({ key, tokensUpokt: tokens[i]! })) });
  produce(state); // block 1 (no last commit)
  produce(state); // block 2 (everyone signed block 1)
  return state;
}

function nextBlock(state: LedgerState, signers: ReadonlySet<Address>) {
  const meta = state.chain.meta.get(CHAIN_META_KEY)!;
  return buildBlock(state, { timeNs: meta.lastBlockTimeNs + BLOCK_INTERVAL_NS, txs: [], signed: (address) => signers.has(address) });
}

function assertRejected(state: LedgerState, signers: ReadonlySet<Address>): void {
  const root = bytesToHex(state.store.root);
  const block = nextBlock(state, signers);
  try {
    applyBlock(state, block);
    assert.unreachable('a last commit without +2/3 of the power was accepted');
  } catch (error) {
    assert.instance(error, BlockRejectedError);
    assert.is((error as BlockRejectedError).code, 'wrong_last_commit', (error as Error).message);
  }
  assert.is(bytesToHex(state.store.root), root, 'state untouched');
  assert.is(state.chain.meta.get(CHAIN_META_KEY)!.height, 2);
}

const quorum = suite('chain: last commit needs more than 2/3 of the power (VerifyCommit)');

quorum('3 equal validators (power 100,000 each), 1 signed: 100,000 > 200,000? no → block rejected', () => {
  const state = chain(keys.slice(0, 3));
  assertRejected(state, new Set([keys[0]!.address]));
});

quorum('3 equal validators, 2 signed: exactly 2/3 (200,000 > 300,000 × 2 / 3 = 200,000? no) → rejected', () => {
  const state = chain(keys.slice(0, 3));
  assertRejected(state, new Set([keys[0]!.address, keys[1]!.address]));
});

quorum('nobody signed → rejected', () => {
  const state = chain(keys.slice(0, 3));
  assertRejected(state, new Set());
});

quorum('4 equal validators, 3 signed: 300,000 > floor(400,000 × 2 / 3) = 266,666 → accepted, the absent vote counted', () => {
  const state = chain(keys);
  const absent = keys[3]!.address;
  applyBlock(state, nextBlock(state, new Set(keys.slice(0, 3).map((k) => k.address))));
  assert.is(state.chain.meta.get(CHAIN_META_KEY)!.height, 3);
  assert.is(state.slashing.signingInfos.get(absent)!.missedBlocksCounter, 1);
});

quorum('power, not head count: one validator with 3/4 of the power signing alone is enough', () => {
  // powers 300,000 / 50,000 / 50,000: 300,000 > floor(400,000 × 2 / 3) = 266,666
  const state = chain(keys.slice(0, 3), [300_000n * POKT, 50_000n * POKT, 50_000n * POKT]);
  applyBlock(state, nextBlock(state, new Set([keys[0]!.address])));
  assert.is(state.chain.meta.get(CHAIN_META_KEY)!.height, 3);
});

quorum('power, not head count: the two small validators signing without the big one → rejected', () => {
  const state = chain(keys.slice(0, 3), [300_000n * POKT, 50_000n * POKT, 50_000n * POKT]);
  assertRejected(state, new Set([keys[1]!.address, keys[2]!.address]));
});

quorum.run();
