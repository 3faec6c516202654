/**
 * Goal: the block producer's limit is Tendermint's ConsensusParams.Block.MaxBytes as pocket-core
 * keeps it, not the pocketcore/BlockByteSize parameter read as is. Method: governance chains whose
 * genesis consensus_params.block.max_bytes and BlockByteSize are set apart, real ParamChange txs,
 * and the next block's limit (blockMaxBytes) after each block. Sources beside each expected value:
 * pocket-core RC-0.12.0 x/pocketcore/keeper/keeper.go:67-104 (consensusBlockSizeParamUpdate),
 * Tendermint: the pokt-network fork at 59310158d3e9 (pocket-core go.mod:5), types/genesis.go,
 * state/execution.go.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { exportState } from '../../../src/genesis/export.js';
import { importGenesis } from '../../../src/genesis/import.js';
import { parseGenesis } from '../../../src/genesis/parse.js';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import { blockMaxBytes, buildableTxBudgetBytes, evidenceWithinLimit, prefixWithinBudget, txBudgetBytes } from '../../../src/node/block-budget.js';
import { applyBlock } from '../../../src/chain/apply-block.js';
import { blockByteSize, encodedBlockBytes, framedBytes, maxEvidencePerBlock } from '../../../src/chain/block-size.js';
import { encodeBlock, encodeHeader, voteSignBytes, type DuplicateVoteEvidence, type Vote } from '../../../src/chain/block.js';
import { buildBlock } from '../../../src/chain/producer.js';
import type { Address } from '../../../src/core/types.js';
import { sign } from '../../../src/crypto/ed25519.js';
import { sha256 } from '../../../src/crypto/hash.js';
import { bytesToHex } from '../../../src/core/hex.js';
import { filler } from '../../helpers/block-filler.js';
import { decodeSnapshot, encodeSnapshot } from '../../../src/snapshot/codec.js';
import { CHAIN_META_KEY } from '../../../src/state/chain-tables.js';
import { BlockRejectedError } from '../../../src/chain/apply-block.js';
import { BLOCK_INTERVAL_NS, produce, signTx, TEST_CHAIN_ID, testKey, type TestKey } from '../../helpers/chain.js';
import { evidence } from '../../helpers/evidence.js';
import { expectOnly, govChain, OWNER, paramChange } from '../../helpers/gov-chain.js';

const test = suite('block budget: the consensus block limit');
const validator = testKey('validator-1');

/** Genesis: Block.MaxBytes `maxBytes`, BlockByteSize `blockByteSize`, upgrade features (default none: all active). */
function chain(maxBytes: string, blockByteSize: string, features: readonly string[] = []): LedgerState {
  const gov = features.length === 0 ? {} : { gov: { upgrade: { Height: '0', Version: '0.0.0', Features: features } } };
  return govChain({ validators: [{ key: validator, tokensUpokt: 100_000_000_000n }], consensusMaxBytes: maxBytes, params: { pocketcore: { block_byte_size: blockByteSize }, ...gov } });
}

/** A block whose only tx sets BlockByteSize to `value` (delivered: governance accepts it); the same bytes on every chain. */
function setBlockByteSize(state: LedgerState, value: string): void {
  const entropy = BigInt(state.chain.meta.get(CHAIN_META_KEY)!.height + 1);
  expectOnly(produce(state, [signTx(OWNER, paramChange(OWNER, 'pocketcore/BlockByteSize', JSON.stringify(value)), { entropy })]), 'ok');
}

test('the genesis doc\'s max_bytes is the first limit, not BlockByteSize (types/genesis.go:76-80; InitChainer answers no ConsensusParams, app/pocket.go:73-84, types/module/module.go:258-260)', () => {
  const state = chain('8000', '5000000');
  assert.is(blockMaxBytes(state), 8000);
  produce(state);
  assert.is(blockMaxBytes(state), 8000, 'an unchanged BlockByteSize is not handed over (keeper.go:80-84)');
});

test('a BlockByteSize below 4,000,000 is logged and ignored: the limit stays, and blocks keep carrying txs (keeper.go:86-89, params.go:20)', () => {
  const state = chain('8000', '8000');
  produce(state);
  setBlockByteSize(state, '3000');
  assert.is(state.params().pocketcore.blockByteSize, 3000n, 'the parameter itself changed');
  assert.is(blockMaxBytes(state), 8000, 'the consensus limit did not');
  produce(state);
  assert.is(blockMaxBytes(state), 8000, 'the next block compares 3000 with 3000: still nothing handed over (keeper.go:80-84)');
});

test('a change to at least 4,000,000 holds from the next block; later smaller ones, zero and negatives are ignored (keeper.go:75-103; execution.go:444-455)', () => {
  const state = chain('8000', '8000');
  produce(state);
  setBlockByteSize(state, '5000000');
  assert.is(blockMaxBytes(state), 5_000_000, 'handed over: non-zero, changed, ≥ 4,000,000 (keeper.go:91-103)');
  setBlockByteSize(state, '3999999');
  assert.is(blockMaxBytes(state), 5_000_000, '< DefaultBlockByteSize: ignored (keeper.go:86)');
  setBlockByteSize(state, '-1');
  assert.is(blockMaxBytes(state), 5_000_000, 'negative: < 4,000,000, ignored');
  setBlockByteSize(state, '0');
  assert.is(blockMaxBytes(state), 5_000_000, '0: "unset", ignored (keeper.go:75-78)');
  setBlockByteSize(state, '4000000');
  assert.is(blockMaxBytes(state), 4_000_000, 'exactly 4,000,000 is handed over (the check is <, keeper.go:86)');
});

test('the first block after genesis hands nothing over: its previous height has no block (PrevCtx fails, types/context.go:249-258 → keeper.go:68-72)', () => {
  const state = chain('8000', '8000');
  setBlockByteSize(state, '5000000');
  assert.is(blockMaxBytes(state), 8000, 'block 1 changed it, but nothing was handed over');
  produce(state);
  assert.is(blockMaxBytes(state), 8000, 'block 2 compares 5,000,000 with 5,000,000');
});

test('BLOCK scheduled at height 3: its activation writes BlockByteSize 4,000,000 where pocket-core had none stored, a change from 0 that EndBlock hands over (x/pocketcore/module.go:106-113; types/param.go:107-125 Get leaves 0; keeper.go:74-99)', () => {
  const state = chain('8000', '4000000', ['BLOCK:3']);
  produce(state);
  produce(state);
  assert.is(blockMaxBytes(state), 8000, 'before activation the keeper reads 0: nothing handed over (keeper.go:75-78)');
  produce(state);
  assert.is(state.params().pocketcore.blockByteSize, 4_000_000n, 'activated at its default (x/pocketcore/types/params.go:20)');
  assert.is(blockMaxBytes(state), 4_000_000, 'block 3 compares 4,000,000 with 0 at height 2 (param not stored before 3): handed over');
});

test('BLOCK switched off ("BLOCK:0"): the keeper reads 0 at every height, nothing is ever handed over (codec/codec.go:316-319; keeper.go:75-78)', () => {
  const state = chain('8000', '5000000', ['BLOCK:0']);
  produce(state);
  produce(state);
  assert.is(blockMaxBytes(state), 8000);
});

test('a hand-over also sets Tendermint\'s Evidence.MaxAge to 50 blocks: a block with older evidence is refused (keeper.go:97-100; Update, types/params.go:179-181; VerifyEvidence, state/validation.go:169-177)', () => {
  const state = chain('8000', '8000');
  produce(state);
  setBlockByteSize(state, '5000000'); // block 2: handed over, MaxAge 50 from block 3
  while (state.chain.meta.get(CHAIN_META_KEY)!.height < 54) produce(state);
  // Block 55: LastBlockHeight 54; evidence about height 3 is 51 old (> 50), about height 4 is 50 old.
  try {
    produce(state, [], { evidence: [evidence(validator, 3)] });
    assert.unreachable('evidence 51 blocks old is accepted');
  } catch (error) {
    if (!(error instanceof BlockRejectedError)) throw error;
    assert.is(error.code, 'evidence_too_old');
  }
  produce(state, [], { evidence: [evidence(validator, 4)] });
});

test('before any hand-over the genesis doc\'s evidence max_age (in blocks, types/params.go:49-51) bounds it: 120000000000 admits evidence 51 blocks old', () => {
  const state = chain('8000', '8000');
  while (state.chain.meta.get(CHAIN_META_KEY)!.height < 54) produce(state);
  produce(state, [], { evidence: [evidence(validator, 3)] });
});

test('the limit is in snapshots but not in the state root (Tendermint state, outside the app hash)', () => {
  const ignored = chain('8000', '8000');
  produce(ignored);
  setBlockByteSize(ignored, '3000');
  const reloaded = decodeSnapshot(encodeSnapshot(ignored));
  assert.is(blockMaxBytes(reloaded), 8000, 'a snapshot keeps the limit an ignored change left');
  const other = chain('9000', '8000');
  produce(other);
  setBlockByteSize(other, '3000');
  assert.equal(other.store.root, ignored.store.root, 'chains differing only in their limit have the same root');
});

test('an exported genesis carries BlockByteSize as max_bytes (app/pocket.go:163-176), and an import takes the file\'s value, as Tendermint does', () => {
  const state = chain('8000', '8000');
  produce(state);
  setBlockByteSize(state, '5000000');
  setBlockByteSize(state, '4500000');
  const genesis = parseGenesis(JSON.stringify(exportState(state)));
  if (!genesis.ok) throw new Error(JSON.stringify(genesis.error));
  assert.is(genesis.value.consensus.blockMaxBytes, 4_500_000n);
  const imported = importGenesis(genesis.value);
  assert.is(blockMaxBytes(imported), 4_500_000);
  assert.equal(imported.store.root, state.store.root);
});

test('BLOCK not yet active at H: the export writes max_bytes "0" as pocket-core does; Tendermint would refuse that file, so the ledger\'s import continues with the limit the exporting chain held (pokt_ledger.block_max_bytes)', () => {
  const state = chain('8000', '5000000', ['BLOCK:5']);
  produce(state);
  produce(state);
  const file = exportState(state) as { consensus_params: { block: { max_bytes: string } }; pokt_ledger: unknown };
  // ExportState writes app.pocketKeeper.BlockByteSize(ctx) (app/pocket.go:172): before BLOCK's
  // height no BlockByteSize is stored (genesis SetParamSet skips it, types/param.go:23-30,
  // 306-313; it is written at activation, x/pocketcore/module.go:106-113), and Subspace.Get of an
  // absent key leaves the int64 at 0 (types/param.go:107-125).
  assert.is(file.consensus_params.block.max_bytes, '0');
  // Tendermint refuses a genesis with Block.MaxBytes ≤ 0 (the fork at 59310158d3e9, types/genesis.go:76-80,
  // types/params.go:102-105): pocket-core's own shape, without the ledger's section, is refused there.
  const { pokt_ledger: _, ...pocketShape } = file;
  const refused = parseGenesis(JSON.stringify(pocketShape));
  assert.equal(refused.ok ? [] : refused.error.map((p) => p.path), ['$.consensus_params.block.max_bytes']);
  // The ledger's export: the chain continues with the limit its blocks were held to — the
  // genesis doc's 8000, nothing handed over while the keeper reads 0 (keeper.go:75-78).
  const genesis = parseGenesis(JSON.stringify(file));
  if (!genesis.ok) throw new Error(JSON.stringify(genesis.error));
  const imported = importGenesis(genesis.value);
  assert.is(blockMaxBytes(imported), 8000);
  assert.equal(imported.store.root, state.store.root);
  // Both chains go on alike: block 5 activates BLOCK and hands 4,000,000 over (a change from 0).
  for (const chainOf of [state, imported]) {
    while (chainOf.chain.meta.get(CHAIN_META_KEY)!.height < 5) produce(chainOf);
    assert.is(blockMaxBytes(chainOf), 4_000_000);
  }
  assert.equal(imported.store.root, state.store.root);
  // The carried limit only stands in for a 0: beside another max_bytes it is refused (two limits, one unused).
  const both = parseGenesis(JSON.stringify({ ...file, consensus_params: { ...file.consensus_params, block: { ...file.consensus_params.block, max_bytes: '8000' } } }));
  assert.equal(both.ok ? [] : both.error.map((p) => p.path), ['$.pokt_ledger.block_max_bytes']);
});

test('a damaged pokt_ledger.block_max_bytes beside max_bytes "0" is refused at its own path alone — negative, 0, above 104,857,600, outside int64, not a number, null — and a numeric 0 for max_bytes reads as "0" does', () => {
  const state = chain('8000', '5000000', ['BLOCK:5']);
  produce(state);
  const file = exportState(state) as { consensus_params: { block: Record<string, unknown> }; pokt_ledger: Record<string, unknown> };
  const withLimit = (carried: unknown, maxBytes: unknown = '0'): ReturnType<typeof parseGenesis> =>
    parseGenesis(JSON.stringify({ ...file, consensus_params: { ...file.consensus_params, block: { ...file.consensus_params.block, max_bytes: maxBytes } }, pokt_ledger: { ...file.pokt_ledger, block_max_bytes: carried } }));
  for (const carried of ['-5', '0', '104857601', '99999999999999999999999', 'abc', '1e3', null]) {
    const parsed = withLimit(carried);
    assert.equal(parsed.ok ? [] : parsed.error.map((p) => p.path), ['$.pokt_ledger.block_max_bytes'], JSON.stringify(carried));
  }
  const numeric = withLimit('8000', 0);
  assert.is(numeric.ok ? numeric.value.consensus.blockMaxBytes : numeric.error, 8000n);
  // A max_bytes that is not an int64 is that field's problem, whatever the section says.
  const broken = withLimit('8000', 'abc');
  assert.equal(broken.ok ? [] : broken.error.map((p) => p.path), ['$.consensus_params.block.max_bytes']);
});

/**
 * Valid evidence as large as this ledger's encoding lets it be: a round of −2^31 + i and a
 * timestamp of −1 (10-byte varints each, int32/int64 written as 64-bit two's complement), 32-byte
 * block hashes, 64-byte signatures that verify.
 */
function largestEvidence(key: TestKey, height: number, round: number): DuplicateVoteEvidence {
  const signed = (label: string): Vote => {
    const unsigned: Vote = { height, round, blockHash: bytesToHex(sha256(label)), timestampNs: -1n, validatorAddress: key.address, signature: new Uint8Array(0) };
    return { ...unsigned, signature: sign(key.seed, voteSignBytes(TEST_CHAIN_ID, unsigned)) };
  };
  return { publicKey: key.publicKey, voteA: signed('a'), voteB: signed('b') };
}

test('a block filled to the budget, with as much evidence as its limit admits (each piece as large as valid evidence gets) and a commit of 12 large validators, is exactly Block.MaxBytes and is accepted', () => {
  const keys = Array.from({ length: 12 }, (_, i) => testKey(`budget-validator-${i}`));
  // 9·10^18 uPOKT each: power 9·10^12, a 7-byte varint in every commit vote.
  const state = govChain({ validators: keys.map((key) => ({ key, tokensUpokt: 9_000_000_000_000_000_000n })), consensusMaxBytes: '48400' });
  produce(state);
  produce(state);
  const max = Number(maxEvidencePerBlock(48_400n));
  assert.is(max, 10, '4,840 / 484 (types/evidence.go:202-206)');
  const offered = Array.from({ length: 12 }, (_, i) => largestEvidence(keys[i]!, 1 + (i % 2), -(2 ** 31) + i));
  const evidence = evidenceWithinLimit(state, offered);
  assert.equal(evidence, offered.slice(0, 10), 'the first MaxEvidencePerBlock pieces, as PendingEvidence(maxNum) (state/execution.go:106-108)');
  const timeNs = state.chain.meta.get(CHAIN_META_KEY)!.lastBlockTimeNs + BLOCK_INTERVAL_NS;
  const absent = keys[11]!.address;
  const plan = { timeNs, signed: (address: Address) => address !== absent, evidence };
  const budget = txBudgetBytes(state, plan);
  // FIFO 250-byte txs up to the budget, then filler for the last bytes (a block at the limit exactly).
  const stream = Array.from({ length: 400 }, (_, i) => new Uint8Array(250).fill(i % 251));
  const txs = prefixWithinBudget(stream, (tx) => tx, budget);
  let rest = budget - encodedBlockBytes(0, txs) + framedBytes(0);
  if (rest > 0 && rest < 3) rest += framedBytes(txs.pop()!.byteLength);
  const block = buildBlock(state, { ...plan, txs: [...txs, ...filler(rest)] });
  assert.is(blockByteSize(block), 48_400, 'the budget left room for exactly the header: commit and evidence included');
  assert.is(encodeBlock(block).byteLength, 48_400);
  const headerBytes = encodeHeader(block.header).byteLength;
  assert.ok(headerBytes > 10 * 330, `the header holds the evidence (${headerBytes} bytes)`);
  assert.is(applyBlock(state, block).height, 3, 'the reducer accepts it');
});

test('the budget counts the evidence: the same block\'s budget with no evidence (what the simulator used) is larger by exactly the evidence\'s bytes, and a block filled to it is refused', () => {
  const keys = [validator, testKey('budget-validator-b')];
  const state = govChain({ validators: keys.map((key) => ({ key, tokensUpokt: 100_000_000_000n })), consensusMaxBytes: '9680' });
  produce(state);
  produce(state);
  const timeNs = state.chain.meta.get(CHAIN_META_KEY)!.lastBlockTimeNs + BLOCK_INTERVAL_NS;
  const pieces = [largestEvidence(keys[0]!, 1, 0), largestEvidence(keys[1]!, 1, 0)];
  const withEvidence = txBudgetBytes(state, { timeNs, evidence: pieces });
  const without = txBudgetBytes(state, { timeNs });
  const empty = encodeHeader(buildBlock(state, { timeNs, txs: [] }).header).byteLength;
  const full = encodeHeader(buildBlock(state, { timeNs, txs: [], evidence: pieces }).header).byteLength;
  assert.is(without - withEvidence, framedBytes(full) - framedBytes(empty));
  const oversize = buildBlock(state, { timeNs, txs: filler(without), evidence: pieces });
  assert.is(blockByteSize(oversize), 9680 + framedBytes(full) - framedBytes(empty));
  try {
    applyBlock(state, oversize);
    assert.unreachable('a block filled to the budget that ignores its evidence is accepted');
  } catch (error) {
    if (!(error instanceof BlockRejectedError)) throw error;
    assert.is(error.code, 'block_too_large');
  }
  assert.is(applyBlock(state, buildBlock(state, { timeNs, txs: filler(withEvidence), evidence: pieces })).height, 3);
});

test('a limit too small for the header alone: no tx fits (budget 0), and the empty block is refused as Tendermint\'s MaxDataBytes would panic (types/block.go:282-288)', () => {
  const keys = Array.from({ length: 40 }, (_, i) => testKey(`crowd-${i}`));
  const state = govChain({ validators: keys.map((key) => ({ key, tokensUpokt: 100_000_000_000n })), consensusMaxBytes: '1000' });
  const timeNs = state.chain.meta.get(CHAIN_META_KEY)!.lastBlockTimeNs + BLOCK_INTERVAL_NS;
  produce(state); // block 1: no last commit, fits
  const block2 = buildBlock(state, { timeNs: timeNs + BLOCK_INTERVAL_NS, txs: [] });
  assert.ok(blockByteSize(block2) > 1000, 'a 40-vote commit does not fit 1,000 bytes');
  assert.is(txBudgetBytes(state, { timeNs: timeNs + BLOCK_INTERVAL_NS }), 0);
  // The producer asks the buildable budget: a coded refusal, not a block bound to fail (test/unit/node/header-over-limit).
  assert.throws(() => buildableTxBudgetBytes(state, { timeNs: timeNs + BLOCK_INTERVAL_NS }), (error: Error & { code?: string }) => error.code === 'block_limit_below_header' && error.message.startsWith('block 2 cannot be built'));
  try {
    applyBlock(state, block2);
    assert.unreachable('the oversize empty block is accepted');
  } catch (error) {
    if (!(error instanceof BlockRejectedError)) throw error;
    assert.is(error.code, 'block_too_large');
  }
});

test.run();
