/**
 * Goal: the reducer refuses a block over Tendermint's limits — its bytes over Block.MaxBytes
 * (`block_too_large`), its evidence over MaxEvidencePerBlock(Block.MaxBytes) (`evidence_overflow`)
 * — with the limit in force for that height, and changes nothing when it does.
 * Method: "the block's bytes" (chain/block-size.ts) against encodeBlock over random blocks; test
 * chains with a small genesis limit, blocks filled with filler txs to exactly the limit and one
 * byte more; a BlockByteSize hand-over by a real ParamChange; evidence counts at the bound.
 * Sources (Tendermint: the pokt-network fork at 59310158d3e9, pocket-core go.mod:5):
 * consensus/state.go:1705-1714 with go-amino v0.15.1 amino.go:284-292 (pocket-core's go.mod:24)
 * (a proposal over MaxBytes does not decode);
 * types/evidence.go:193-206 MaxEvidencePerBlock = MaxBytes / 10 / 484; state/validation.go:133-139
 * ErrEvidenceOverflow; state/execution.go:444-455 (a consensus param update holds from the next block);
 * pocket-core x/pocketcore/keeper/keeper.go:67-104 (the hand-over).
 */
import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { applyBlock, BlockRejectedError } from '../../../src/chain/apply-block.js';
import { encodeBlock, encodeHeader, type Block } from '../../../src/chain/block.js';
import { blockByteSize, encodedBlockBytes, maxEvidencePerBlock } from '../../../src/chain/block-size.js';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import { buildBlock, type BlockPlan } from '../../../src/chain/producer.js';
import { blockMaxBytes } from '../../../src/node/block-budget.js';
import { encodeSnapshot } from '../../../src/snapshot/codec.js';
import { CHAIN_META_KEY } from '../../../src/state/chain-tables.js';
import { filler } from '../../helpers/block-filler.js';
import { BLOCK_INTERVAL_NS, produce, signTx, testKey } from '../../helpers/chain.js';
import { evidence } from '../../helpers/evidence.js';
import { expectOnly, govChain, OWNER, paramChange } from '../../helpers/gov-chain.js';
import { arbitraryBlock } from './block-arbitraries.js';

const test = suite('chain: a block over Tendermint\'s limits is refused');
const validators = [testKey('limit-validator-1'), testKey('limit-validator-2'), testKey('limit-validator-3')];

function chain(maxBytes: string, blockByteSize = '8000'): LedgerState {
  return govChain({ validators: validators.map((key) => ({ key, tokensUpokt: 100_000_000_000n })), consensusMaxBytes: maxBytes, params: { pocketcore: { block_byte_size: blockByteSize } } });
}

const nextTime = (state: LedgerState): bigint => state.chain.meta.get(CHAIN_META_KEY)!.lastBlockTimeNs + BLOCK_INTERVAL_NS;

/** The next block with `txs` first, then filler to exactly `totalBytes` bytes of block. */
function blockOf(state: LedgerState, totalBytes: number, txs: readonly Uint8Array[] = [], plan: Partial<BlockPlan> = {}): Block {
  const base = buildBlock(state, { timeNs: nextTime(state), txs: [], ...plan });
  const used = encodedBlockBytes(encodeHeader(base.header).byteLength, txs);
  const block = buildBlock(state, { timeNs: nextTime(state), ...plan, txs: [...txs, ...filler(totalBytes - used)] });
  assert.is(encodeBlock(block).byteLength, totalBytes, 'the block is the size the test means');
  return block;
}

function refusedWith(state: LedgerState, block: Block, code: string): string {
  try {
    applyBlock(state, block);
  } catch (error) {
    if (!(error instanceof BlockRejectedError)) throw error;
    assert.is(error.code, code, error.message);
    return error.message;
  }
  assert.unreachable(`block ${block.header.height} (${encodeBlock(block).byteLength} bytes, ${block.header.evidence.length} evidence) is accepted`);
  return '';
}

test('the block\'s bytes are encodeBlock\'s length: the worked example of block-size.ts (693 bytes: accepted under 693, refused under 692) and random blocks', () => {
  for (const [maxBytes, accepted] of [['693', true], ['692', false]] as const) {
    const state = govChain({ validators: [{ key: validators[0]!, tokensUpokt: 100_000_000_000n }], consensusMaxBytes: maxBytes });
    produce(state);
    const block = buildBlock(state, { timeNs: nextTime(state), txs: [new Uint8Array(250).fill(1), new Uint8Array(250).fill(2)] });
    assert.is(encodeHeader(block.header).byteLength, 184, 'chain id 18 + height 2 + time 10 + previous hash 34 + proposer 22 + one commit vote 30 + tx root 34 + app hash 34');
    assert.is(blockByteSize(block), 1 + 2 + 184 + 2 * (1 + 2 + 250));
    assert.is(blockByteSize(block), 693);
    assert.is(encodeBlock(block).byteLength, 693);
    if (accepted) assert.is(applyBlock(state, block).height, 2);
    else refusedWith(state, block, 'block_too_large');
  }
  const state = chain('8000');
  produce(state);
  const header = buildBlock(state, { timeNs: nextTime(state), txs: [] }).header;
  fc.assert(fc.property(arbitraryBlock, (random) => blockByteSize(random) === encodeBlock(random).byteLength), { numRuns: 300 });
  for (const size of [0, 127, 128, 16_383, 16_384, 2_097_152]) {
    const big: Block = { header, txs: [new Uint8Array(size)] };
    assert.is(blockByteSize(big), encodeBlock(big).byteLength, `a ${size}-byte tx`);
  }
});

test('Block.MaxBytes 8,000: a block of 8,001 bytes is refused (block_too_large) and nothing changes — root and every table; the same block at 8,000 bytes is accepted', () => {
  const state = chain('8000');
  produce(state);
  const before = encodeSnapshot(state);
  const rootBefore = Buffer.from(state.store.root).toString('hex');
  const message = refusedWith(state, blockOf(state, 8001), 'block_too_large');
  assert.match(message, '8001 bytes');
  assert.match(message, 'Block.MaxBytes 8000');
  assert.is(Buffer.from(state.store.root).toString('hex'), rootBefore, 'the state root');
  assert.equal(encodeSnapshot(state), before, 'every table (the whole snapshot, chain/consensus included)');
  assert.is(state.chain.meta.get(CHAIN_META_KEY)!.height, 1);
  const accepted = applyBlock(state, blockOf(state, 8000));
  assert.is(accepted.height, 2, 'exactly the limit fits (amino.go:284-292 refuses only more than maxSize)');
});

test('a BlockByteSize hand-over holds from the block after it: block H is still held to the old limit, H + 1 to the new one (keeper.go:91-103; execution.go:444-455)', () => {
  const state = chain('8000');
  produce(state);
  const change = signTx(OWNER, paramChange(OWNER, 'pocketcore/BlockByteSize', JSON.stringify('5000000')), { entropy: 2n });
  // Block 2 carries the change: the limit it is held to is the one before it, 8,000.
  refusedWith(state, blockOf(state, 8001, [change]), 'block_too_large');
  assert.is(blockMaxBytes(state), 8000, 'the refused block handed nothing over');
  const result = applyBlock(state, blockOf(state, 8000, [change]));
  assert.is(result.receipts[0]!.code, 0, 'the ParamChange is delivered');
  assert.is(blockMaxBytes(state), 5_000_000, 'handed over at the end of block 2');
  // Block 3: 5,000,000.
  refusedWith(state, blockOf(state, 5_000_001), 'block_too_large');
  assert.is(applyBlock(state, blockOf(state, 5_000_000)).height, 3);
});

test('an ignored BlockByteSize (< 4,000,000) leaves the limit: a block of 8,000 bytes still fits, 8,001 still does not (keeper.go:86-89)', () => {
  const state = chain('8000');
  produce(state);
  expectOnly(produce(state, [signTx(OWNER, paramChange(OWNER, 'pocketcore/BlockByteSize', JSON.stringify('3000')), { entropy: 3n })]), 'ok');
  refusedWith(state, blockOf(state, 8001), 'block_too_large');
  assert.is(applyBlock(state, blockOf(state, 8000)).height, 3);
});

test('MaxEvidencePerBlock = MaxBytes / 10 / 484 (types/evidence.go:193-206)', () => {
  assert.is(maxEvidencePerBlock(4_000_000n), 826n, 'mainnet genesis: 400,000 / 484');
  assert.is(maxEvidencePerBlock(8_000n), 1n);
  assert.is(maxEvidencePerBlock(9_680n), 2n);
  assert.is(maxEvidencePerBlock(9_679n), 1n);
  assert.is(maxEvidencePerBlock(4_840n), 1n);
  assert.is(maxEvidencePerBlock(4_839n), 0n);
  assert.is(maxEvidencePerBlock(104_857_600n), 21_664n, 'Tendermint\'s largest limit (types/params.go:13)');
});

test('evidence count: MaxBytes 9,680 admits 2 pieces, 3 are evidence_overflow and nothing changes (state/validation.go:133-139)', () => {
  const state = chain('9680');
  produce(state);
  produce(state);
  const three = [evidence(validators[0]!, 1), evidence(validators[1]!, 1), evidence(validators[0]!, 2)];
  const before = encodeSnapshot(state);
  const message = refusedWith(state, buildBlock(state, { timeNs: nextTime(state), txs: [], evidence: three }), 'evidence_overflow');
  assert.match(message, 'max 2');
  assert.match(message, 'got 3');
  assert.equal(encodeSnapshot(state), before, 'every table as it was');
  assert.is(applyBlock(state, buildBlock(state, { timeNs: nextTime(state), txs: [], evidence: three.slice(0, 2) })).height, 3);
});

test('evidence count: MaxBytes 4,839 admits none, 4,840 one (483 / 484 = 0, 484 / 484 = 1)', () => {
  for (const [maxBytes, admitted] of [['4839', 0], ['4840', 1]] as const) {
    const state = chain(maxBytes);
    produce(state);
    produce(state);
    const one = [evidence(validators[0]!, 1)];
    const block = buildBlock(state, { timeNs: nextTime(state), txs: [], evidence: one });
    if (admitted === 0) refusedWith(state, block, 'evidence_overflow');
    else assert.is(applyBlock(state, block).height, 3);
  }
});

test('after a hand-over the evidence bound follows the new limit from the next block: 8,000 → 1 piece, 5,000,000 → 1,033', () => {
  const state = chain('8000');
  produce(state);
  produce(state);
  const two = [evidence(validators[0]!, 1), evidence(validators[1]!, 1)];
  // Block 3 carries the change and two pieces: held to 8,000's bound of 1.
  const change = signTx(OWNER, paramChange(OWNER, 'pocketcore/BlockByteSize', JSON.stringify('5000000')), { entropy: 4n });
  refusedWith(state, buildBlock(state, { timeNs: nextTime(state), txs: [change], evidence: two }), 'evidence_overflow');
  produce(state, [change]);
  assert.is(maxEvidencePerBlock(BigInt(blockMaxBytes(state))), 1_033n);
  assert.is(applyBlock(state, buildBlock(state, { timeNs: nextTime(state), txs: [], evidence: two })).height, 4);
});

test.run();
