/**
 * The chain's own header checks (Tendermint's ValidateBlock, as far as this ledger models it):
 * the block's size within Block.MaxBytes, chain id, height, time, previous block hash, app hash,
 * tx root, proposer, last commit (and its +2/3 quorum), no more evidence than MaxEvidencePerBlock,
 * evidence within Tendermint's max age and not already committed. Each
 * returns the problem or undefined; chain/hooks.ts lists them, in order, with the modules'
 * header checks (upgrade halt, double-sign evidence), and apply-block.ts runs the list.
 */
import type { CommitVote } from '../core/block-context.js';
import type { BlockRejectionName } from '../core/codes.js';
import { bytesToHex } from '../core/hex.js';
import { lastCommitSetFor, signingSetFor } from '../modules/nodes/index.js';
import { CHAIN_META_KEY, CONSENSUS_BLOCK_KEY, evidenceKey, heightKey } from '../state/chain-tables.js';
import { txRootFromHexHashes, ZERO_HASH, type Block } from './block.js';
import { maxEvidencePerBlock } from './block-size.js';
import type { LedgerState } from './ledger-state.js';
import type { PreparedTx } from './prepare.js';

/** Why a block is not a valid next block (a BLOCK code, core/codes.ts). */
export interface BlockProblem {
  readonly code: BlockRejectionName;
  readonly message: string;
}

const problem = (code: BlockRejectionName, message: string): BlockProblem => ({ code, message });

/**
 * The block's bytes (chain/block-size.ts: encodeBlock's length — header with its last commit and
 * evidence, every tx with its framing) within Block.MaxBytes as it holds for this height
 * (chain/consensus-params.ts: the genesis doc's, then each BlockByteSize hand-over from the block
 * after it). Tendermint (the pokt-network fork at 59310158d3e9, pocket-core go.mod:5) refuses a
 * larger proposal as it decodes it (consensus/state.go:1705-1714 → go-amino's
 * UnmarshalBinaryLengthPrefixedReader, go-amino v0.15.1 as pocket-core's go.mod:24 pins,
 * amino.go:284-292), so no committed block is larger. Example:
 * Block.MaxBytes 8,000 — a block of 8,000 bytes is accepted, one of 8,001 is refused.
 */
export function checkBlockSize(state: LedgerState, block: Block, blockBytes: number): BlockProblem | undefined {
  const consensus = state.chain.consensus.get(CONSENSUS_BLOCK_KEY);
  if (consensus === undefined) return undefined; // no genesis yet: checkChainHeader refuses the block
  if (BigInt(blockBytes) <= consensus.maxBytes) return undefined;
  const { lastCommit, evidence } = block.header;
  return problem('block_too_large', `block ${block.header.height} is ${blockBytes} bytes (${block.txs.length} txs, ${lastCommit.length} commit votes, ${evidence.length} evidence), more than Tendermint's Block.MaxBytes ${consensus.maxBytes} for this height`);
}

/** Chain id, height, time, previous hash, app hash, tx root and proposer against the state. */
export function checkChainHeader(state: LedgerState, block: Block, prepared: readonly PreparedTx[]): BlockProblem | undefined {
  const meta = state.chain.meta.get(CHAIN_META_KEY);
  if (meta === undefined) return problem('no_genesis', 'state has no chain metadata (import a genesis first)');
  const h = block.header;
  if (h.chainId !== meta.chainId) return problem('wrong_chain_id', `block is for chain ${h.chainId}, this is ${meta.chainId}`);
  if (h.height !== meta.height + 1) return problem('wrong_height', `expected height ${meta.height + 1}, got ${h.height}`);
  if (h.timeNs <= meta.lastBlockTimeNs && h.height > 1) return problem('time_not_increasing', `block time ${h.timeNs} is not after ${meta.lastBlockTimeNs}`);
  if (h.timeNs < meta.genesisTimeNs) return problem('time_before_genesis', 'block time is before genesis time');
  const expectedPrev = h.height === 1 ? ZERO_HASH : state.chain.blockHashes.get(heightKey(h.height - 1));
  if (h.prevBlockHash !== expectedPrev) return problem('wrong_previous_hash', `previous block hash ${h.prevBlockHash} ≠ ${expectedPrev}`);
  const root = bytesToHex(state.store.root);
  if (h.appHash !== root) return problem('wrong_app_hash', `header app hash ${h.appHash} ≠ state root ${root}`);
  const txs = txRootFromHexHashes(prepared.map((tx) => tx.hash));
  if (h.txRoot !== txs) return problem('wrong_tx_root', `header tx root ${h.txRoot} ≠ ${txs}`);
  // Tendermint (fork 59310158d3e9) state/validation.go:154-159: a member of state.Validators, the set
  // that signs this block — the set after h−2 (modules/nodes/validator-set.ts signingSetFor).
  const set = signingSetFor(state, h.height);
  if (!set.some((member) => member.address === h.proposer)) return problem('proposer_not_validator', `proposer ${h.proposer} is not in the set that signs block ${h.height} (the validator set two blocks earlier)`);
  return undefined;
}

/**
 * Block h's last commit lists exactly the set that signed h−1 — the set after h−3, Tendermint's
 * state.LastValidators (fork 59310158d3e9 state/validation.go:91-105; lastCommitSetFor) — and
 * the votes marked signed carry MORE than 2/3 of that set's power (hasCommitQuorum).
 */
export function checkLastCommit(state: LedgerState, block: Block): BlockProblem | undefined {
  const { height, lastCommit } = block.header;
  if (height === 1) return lastCommit.length > 0 ? problem('wrong_last_commit', 'block 1 has no previous commit') : undefined;
  const sorted = lastCommitSetFor(state, height);
  if (sorted.length !== lastCommit.length) return problem('wrong_last_commit', `last commit has ${lastCommit.length} votes, the set had ${sorted.length} validators`);
  for (const [i, member] of sorted.entries()) {
    const vote = lastCommit[i]!;
    if (vote.address !== member.address || vote.power !== member.power) {
      return problem('wrong_last_commit', `last commit vote ${i} is ${vote.address}/${vote.power}, expected ${member.address}/${member.power} (ascending address order)`);
    }
  }
  // An empty set is no commit to verify: block 1, or the first block after an exported-state
  // import, whose signers are not known (genesis/import-exported.ts) — as at Tendermint's block 1.
  if (sorted.length > 0 && !hasCommitQuorum(lastCommit)) return problem('wrong_last_commit', `the signed votes of the last commit do not carry more than 2/3 of the power of the set that signed block ${height - 1}`);
  return undefined;
}

/**
 * Tendermint's commit rule (the pokt-network fork at 59310158d3e9, pocket-core go.mod:5:
 * types/validator_set.go:687-709 VerifyCommit, run by state/validation.go:97-104 on every block's
 * LastCommit): block h−1 is committed only when the validators that signed it hold more than 2/3
 * of the set's power — `signed > total × 2 / 3`, integer division. At that commit every present
 * precommit with a valid signature counts, whatever block it names (types/block.go:875-929
 * Commit.ValidateBasicAndPower compares the commit's own BlockID, :917) — the same "present"
 * BeginBlock reports as SignedLastBlock (state/execution.go:368) and `signed` means here. (At
 * v0.32.10.1 only precommits for the block counted.) Without a quorum there is no commit, so no
 * block h: a last commit that reports a third or more of the power absent cannot reach downtime
 * tracking.
 *
 * Worked example: powers 100,000 × 3 → total × 2 / 3 = 200,000; two signers (200,000) are not
 * enough, three are. Powers 300,000 / 50,000 / 50,000 → threshold floor(800,000 / 3) = 266,666;
 * the big validator alone (300,000) suffices, the two small ones (100,000) do not.
 */
export function hasCommitQuorum(votes: readonly CommitVote[]): boolean {
  let total = 0n;
  let signed = 0n;
  for (const vote of votes) {
    total += vote.power;
    if (vote.signed) signed += vote.power;
  }
  return signed > (total * 2n) / 3n;
}

/**
 * No more evidence than Tendermint's MaxEvidencePerBlock(Block.MaxBytes) (fork 59310158d3e9
 * state/validation.go:133-139 → ErrEvidenceOverflow "Too much evidence: Max %d, got %d",
 * types/evidence.go:40-54; the bound: types/evidence.go:197-206, chain/block-size.ts). Example:
 * Block.MaxBytes 8,000 → at most 1; 4,000,000 → at most 826.
 */
export function checkEvidenceCount(state: LedgerState, block: Block): BlockProblem | undefined {
  const consensus = state.chain.consensus.get(CONSENSUS_BLOCK_KEY);
  if (consensus === undefined) return undefined; // no genesis yet: checkChainHeader refuses the block
  const max = maxEvidencePerBlock(consensus.maxBytes);
  const got = BigInt(block.header.evidence.length);
  if (got <= max) return undefined;
  return problem('evidence_overflow', `too much evidence: max ${max} (Tendermint's MaxEvidencePerBlock of Block.MaxBytes ${consensus.maxBytes}), got ${got}`);
}

/**
 * No evidence older than Tendermint's Evidence.MaxAge blocks (fork 59310158d3e9 state/validation.go:169-177
 * VerifyEvidence: LastBlockHeight − evidence height > MaxAge → "Evidence … is too old"), MaxAge
 * as chain/consensus-params.ts keeps it (the genesis doc's, 50 after a BlockByteSize hand-over).
 * Example: MaxAge 50, block 55 (LastBlockHeight 54): evidence about height 4 (age 50) passes,
 * about height 3 (age 51) makes the block invalid.
 */
export function checkEvidenceAge(state: LedgerState, block: Block): BlockProblem | undefined {
  const consensus = state.chain.consensus.get(CONSENSUS_BLOCK_KEY);
  if (consensus === undefined) return undefined; // no genesis yet: checkChainHeader refuses the block
  const lastHeight = BigInt(block.header.height - 1);
  for (const [index, { voteA }] of block.header.evidence.entries()) {
    const age = lastHeight - BigInt(voteA.height);
    if (age > consensus.evidenceMaxAge) {
      return problem('evidence_too_old', `evidence ${index}: a double sign at height ${voteA.height} is ${age} blocks old, Tendermint's max age is ${consensus.evidenceMaxAge}`);
    }
  }
  return undefined;
}

/**
 * No evidence that an earlier block already committed (Tendermint fork 59310158d3e9
 * state/validation.go:146-147: "evidence was already committed"). Example: MaxEvidenceAge 30 min
 * (2 blocks); block 3 carries B's double sign at height 2 and slashes it; block 4 carrying the
 * same evidence again is not a block of this chain (it would slash B a second time).
 */
export function checkEvidenceNotCommitted(state: LedgerState, block: Block): BlockProblem | undefined {
  for (const [index, { voteA }] of block.header.evidence.entries()) {
    const committedAt = state.chain.committedEvidence.get(evidenceKey(voteA.validatorAddress, voteA.height, voteA.round));
    if (committedAt !== undefined) {
      return problem('evidence_duplicate', `evidence ${index}: ${voteA.validatorAddress}'s double sign at height ${voteA.height} round ${voteA.round} was already committed in block ${committedAt}`);
    }
  }
  return undefined;
}
