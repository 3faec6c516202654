/**
 * The consensus block size limit: Tendermint's ConsensusParams.Block.MaxBytes, which bounds every
 * block this chain proposes (Tendermint = the pokt-network fork at 59310158d3e9, pocket-core
 * go.mod:5, throughout: state/execution.go:97-115 CreateProposalBlock). It is NOT
 * pocketcore/BlockByteSize: that parameter only reaches Tendermint through pocket-core's EndBlock,
 * and only sometimes. With it: Evidence.MaxAge, in blocks (types/params.go:49-51), beyond which
 * a block's evidence makes the block invalid (state/validation.go:169-177: LastBlockHeight −
 * evidence height > MaxAge; chain/header-checks.ts checkEvidenceAge).
 *
 * - Genesis: the genesis doc's consensus_params.block.max_bytes and evidence.max_age (types/genesis.go:76-80;
 *   pocket-core's InitChainer answers no ConsensusParams, app/pocket.go:73-84 and
 *   types/module/module.go:258-260, so Tendermint keeps the doc's, consensus/replay.go:334-336).
 * - EndBlock of block H (x/pocketcore/keeper/keeper.go:63-104, called for every module by
 *   types/module/module.go:315-319): BlockByteSize at the end of H is handed over as the new
 *   MaxBytes when it is non-zero, differs from its value committed at H − 1, and is at least
 *   DefaultBlockByteSize 4,000,000 (x/pocketcore/types/params.go:20; the `codec.TestMode > -4`
 *   branch is production). A smaller value — negative ones included — is only logged: the limit
 *   stays what it was, and since the next block compares with this one, the small value is never
 *   handed over later either. The first block after genesis hands nothing over: its previous
 *   height has no block (ctx.PrevCtx fails, types/context.go:239-262 → an empty update).
 * - Every hand-over also sets Evidence.MaxAge to 50 (keeper.go:97-100; Tendermint's Update copies
 *   each non-nil part, types/params.go:168-187), even when MaxBytes keeps its value.
 * - Tendermint applies the update from block H + 1 on (state/execution.go:444-455 updateState).
 *   Above 104,857,600 its Validate would halt the chain (types/params.go:106-109); governance
 *   refuses such values (modules/gov/param-value.ts blockBytesFit), genesis too (parse.ts).
 *
 * - BlockByteSize as the keeper reads it: 0 while pocket-core's store does not hold it. It is
 *   stored by BLOCK's activation hook (x/pocketcore/module.go:106-113), by a ParamChange, or at
 *   genesis if BLOCK is already active (SetParamSet skips it otherwise, types/param.go:23-30,
 *   :306-313), and never deleted; Subspace.Get of an absent key leaves the int64 at 0
 *   (types/param.go:107-125), and the getter has no feature check
 *   (x/pocketcore/keeper/params.go:64-67). So the activation block compares its 4,000,000 with
 *   0 at H − 1 and hands it over; a BLOCK off since genesis ("BLOCK:0"), or switched on at a past
 *   height (no hook), never hands anything over; one switched off after its hook keeps reading
 *   the stored value. Which keys are unstored: gov's `unstored` table (modules/gov/state.ts).
 *
 * Worked example: genesis max_bytes 8,000, BlockByteSize 8,000. Block 5 changes BlockByteSize to
 * 3,000 → ignored, blocks 6… keep 8,000. Block 9 changes it to 5,000,000 → blocks 10… hold
 * 5,000,000 and evidence at most 50 blocks old. Block 12 changes it to 4,000,000 → blocks 13…
 * hold 4,000,000.
 *
 * Where it lives (the smallest sound design): one entry of `chain/consensus`, a table that is
 * state — journaled, in snapshots (format 5), so right after a restart or a snapshot — but not
 * hashed into the state root: it is Tendermint's state, outside pocket-core's app hash, and the
 * block log already commits to everything it is derived from (as for chain/committed_evidence).
 * It cannot be derived from the params alone: after an ignored change the limit is an older value
 * of BlockByteSize (or the genesis doc's), which the pruned param history may no longer hold.
 * An exported genesis carries BlockByteSize as the keeper reads it as consensus_params.block.max_bytes,
 * as pocket-core's ExportState does (app/pocket.go:168-185); an import takes the file's value, as
 * Tendermint would, so the limit itself is not repeated in the ledger's `pokt_ledger` extension —
 * except while BlockByteSize is unstored, when that value is 0, which Tendermint refuses
 * (types/params.go:102-105): then `pokt_ledger.block_max_bytes` carries this limit
 * (genesis/export.ts exportedBlockLimit, genesis/parse.ts readBlockMaxBytes).
 */
import { invariant } from '../core/assert.js';
import { CONSENSUS_BLOCK_KEY, type ConsensusBlock } from '../state/chain-tables.js';
import type { LedgerState } from './ledger-state.js';

/** x/pocketcore/types/params.go:20 DefaultBlockByteSize: the smallest BlockByteSize handed to Tendermint. */
export const MIN_HANDED_BLOCK_BYTES = 4_000_000n;

/** The Evidence.MaxAge every hand-over sets (x/pocketcore/keeper/keeper.go:97-100). */
export const HANDED_EVIDENCE_MAX_AGE = 50n;

/**
 * The Block.MaxBytes pocket-core's EndBlock hands Tendermint, from BlockByteSize as committed at
 * H − 1 (`previous`; undefined for the first block after genesis) and at the end of H (`current`);
 * undefined when it hands nothing over.
 */
export function handedBlockBytes(previous: bigint | undefined, current: bigint): bigint | undefined {
  if (previous === undefined || current === 0n || current === previous) return undefined;
  return current >= MIN_HANDED_BLOCK_BYTES ? current : undefined;
}

/** The genesis entry: the doc's max_bytes and evidence max_age, and the height the chain starts after. */
export function initConsensusBlock(state: LedgerState, consensus: { readonly blockMaxBytes: bigint; readonly evidenceMaxAge: bigint }, genesisHeight: number): void {
  state.chain.consensus.set(CONSENSUS_BLOCK_KEY, { maxBytes: consensus.blockMaxBytes, evidenceMaxAge: consensus.evidenceMaxAge, genesisHeight });
}

/** BlockByteSize as pocket-core's keeper reads it: 0 while its store does not hold it (see the header). */
export function keeperBlockByteSize(state: Pick<LedgerState, 'params' | 'gov'>): bigint {
  return state.gov.unstored.has(BLOCK_BYTE_SIZE_KEY) ? 0n : state.params().pocketcore.blockByteSize;
}

const BLOCK_BYTE_SIZE_KEY = 'pocketcore/BlockByteSize';

/**
 * End of block `height`: the limit the next block is held to. `blockByteSizeBefore`: the keeper's
 * BlockByteSize at `height` − 1 (keeperBlockByteSize).
 */
export function recordConsensusBlock(state: LedgerState, height: number, blockByteSizeBefore: bigint): void {
  const block = consensusBlock(state);
  const previous = height === block.genesisHeight + 1 ? undefined : blockByteSizeBefore;
  const maxBytes = handedBlockBytes(previous, keeperBlockByteSize(state));
  if (maxBytes !== undefined) state.chain.consensus.set(CONSENSUS_BLOCK_KEY, { ...block, maxBytes, evidenceMaxAge: HANDED_EVIDENCE_MAX_AGE });
}

export function consensusBlock(state: LedgerState): ConsensusBlock {
  const block = state.chain.consensus.get(CONSENSUS_BLOCK_KEY);
  invariant(block !== undefined, 'state has no consensus block limit (import a genesis first)');
  return block;
}

/** Block.MaxBytes of the next block. */
export function consensusBlockMaxBytes(state: LedgerState): bigint {
  return consensusBlock(state).maxBytes;
}
