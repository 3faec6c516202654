/**
 * The reducer: applyBlock(state, block) → receipts, domain events, new state root.
 *
 *   1. the header checks (chain/hooks.ts HEADER_CHECKS: upgrade halt, the block's size, chain id,
 *      height, time, previous hash, app hash, tx root, proposer, last commit, evidence count and
 *      evidence) — a block that fails is not a block of this chain;
 *   2. BeginBlock steps (pos → application → pocketcore → gov);
 *   3. every tx in order (deliver-tx.ts), each indexed by its hash as it is delivered (duplicate
 *      protection within the block and for later ones);
 *   4. EndBlock steps;
 *   5. bookkeeping: record the block hash, time and proposer, the evidence as committed and
 *      the next block's size limit (Tendermint state, chain/consensus-params.ts); commit → state
 *      root; the after-commit steps (hooks.ts).
 *
 * DEV_NOTE: determinism — synchronous, reads only `state`, `block` and the prepared txs (whose
 * signature verdicts are a pure function of the tx bytes). No clock, no randomness, no I/O.
 * If this throws mid-block (an InvariantError: a bug), `state` is half-applied and must be
 * discarded; the caller never appends such a block.
 */
import type { BlockContext } from '../core/block-context.js';
import type { BlockRejectionName } from '../core/codes.js';
import { bytesToHex } from '../core/hex.js';
import type { Address } from '../core/types.js';
import { sha256 } from '../crypto/hash.js';
import { inactiveFeatures } from '../modules/gov/index.js';
import { encodeHeader, type Block } from './block.js';
import { encodedBlockBytes } from './block-size.js';
import { keeperBlockByteSize, recordConsensusBlock } from './consensus-params.js';
import { CHAIN_META_KEY, evidenceKey, heightKey, type ChainMeta } from '../state/chain-tables.js';
import { deliverTx } from './deliver-tx.js';
import type { DomainEvent } from './events.js';
import { evolveAll } from './evolve.js';
import { AFTER_COMMIT_STEPS, BEGIN_BLOCK_STEPS, END_BLOCK_STEPS, HEADER_CHECKS, type HookStep } from './hooks.js';
import type { LedgerState } from './ledger-state.js';
import { prepareTx, verifyPrepared, type PreparedTx } from './prepare.js';
import type { TxReceipt } from './receipts.js';

export interface StepEvents {
  readonly step: string;
  readonly events: readonly DomainEvent[];
}

export interface BlockResult {
  readonly height: number;
  readonly blockHash: string;
  readonly timeNs: bigint;
  /** State root after this block (hex). */
  readonly stateRoot: string;
  readonly beginBlock: readonly StepEvents[];
  readonly receipts: readonly TxReceipt[];
  readonly endBlock: readonly StepEvents[];
}

/** The block is not a valid next block for this state (wrong chain, height, hash, …). */
export class BlockRejectedError extends Error {
  override readonly name = 'BlockRejectedError';
  constructor(
    /** A BLOCK code's name (core/codes.ts). */
    readonly code: BlockRejectionName,
    message: string,
  ) {
    super(message);
  }
}

function chainMeta(state: LedgerState): ChainMeta {
  const meta = state.chain.meta.get(CHAIN_META_KEY);
  if (meta === undefined) throw new BlockRejectedError('no_genesis', 'state has no chain metadata (import a genesis first)');
  return meta;
}

/**
 * Validate the block against the state before touching anything (chain/hooks.ts HEADER_CHECKS).
 * `blockBytes`: the block's size (chain/block-size.ts blockByteSize).
 */
export function checkHeader(state: LedgerState, block: Block, prepared: readonly PreparedTx[], blockBytes: number, skip?: ReadonlySet<string>): void {
  for (const check of HEADER_CHECKS) {
    const problem = check.run(state, block, prepared, blockBytes);
    if (problem !== undefined && skip?.has(problem.code) !== true) throw new BlockRejectedError(problem.code, problem.message);
  }
}

function runSteps(state: LedgerState, steps: readonly HookStep[], ctx: BlockContext, blockEvents: DomainEvent[]): StepEvents[] {
  const results: StepEvents[] = [];
  for (const step of steps) {
    const events = step.run(state, ctx, blockEvents);
    evolveAll(state, events, ctx.height);
    for (const event of events) blockEvents.push(event);
    if (events.length > 0) results.push({ step: step.name, events });
  }
  return results;
}

export interface ApplyOptions {
  /** Txs already prepared (and signature-checked) by the ingest stage, in block order. */
  readonly prepared?: readonly PreparedTx[];
  /** The header's canonical encoding when the caller has it already (replay: block.ts canonicalHeaderBytes). */
  readonly headerBytes?: Uint8Array;
  /**
   * A what-if replay (`audit --what-if`, runtime/param-override.ts): these events (ParamChanged)
   * are evolved first, through the normal writers, as a begin-block step of their own; and the
   * header checks named in `skipChecks` are not run (the recorded headers no longer match a
   * state that has deliberately diverged: app hash, last commit, proposer).
   */
  readonly whatIf?: { readonly events: readonly DomainEvent[]; readonly skipChecks: ReadonlySet<string> };
}

export function applyBlock(state: LedgerState, block: Block, options: ApplyOptions = {}): BlockResult {
  // One encoding of the header: its hash (chain/block.ts blockHash) and the block's size.
  const headerBytes = options.headerBytes ?? encodeHeader(block.header);
  const hash = bytesToHex(sha256(headerBytes));
  const meta = chainMeta(state);
  const prepared = options.prepared ?? block.txs.map((tx) => prepareTx(tx, meta.chainId));
  if (prepared.length !== block.txs.length) throw new BlockRejectedError('prepared_mismatch', 'prepared txs do not match the block');
  checkHeader(state, block, prepared, encodedBlockBytes(headerBytes.byteLength, block.txs), options.whatIf?.skipChecks);
  // As committed at the previous height: pocket-core's EndBlock compares with it (keeper.go:68-84).
  const blockByteSizeBefore = keeperBlockByteSize(state);
  let ctx: BlockContext = {
    chainId: meta.chainId,
    height: block.header.height,
    timeNs: block.header.timeNs,
    blockHash: hash,
    proposer: block.header.proposer,
    previousProposer: meta.lastProposer,
    lastCommit: block.header.lastCommit,
    evidence: block.header.evidence,
    inactiveFeatures: inactiveFeatures(state.params().gov.upgrade, block.header.height),
  };
  // The block's events so far, for steps that act on them (ApplicationBurnRate reads the mint).
  const blockEvents: DomainEvent[] = [];
  const beginBlock = options.whatIf === undefined ? runSteps(state, BEGIN_BLOCK_STEPS, ctx, blockEvents) : whatIfBeginBlock(state, options.whatIf.events, ctx, blockEvents);
  const receipts = prepared.map((tx, index) => {
    if (tx.signature === 'unchecked' && options.prepared === undefined) verifyPrepared(tx);
    const receipt = deliverTx(state, tx, index, ctx);
    ctx = featuresAfter(state, ctx, receipt.events);
    return receipt;
  });
  for (const receipt of receipts) for (const event of receipt.events) blockEvents.push(event);
  const endBlock = runSteps(state, END_BLOCK_STEPS, ctx, blockEvents);
  recordBlock(state, block, hash, meta);
  recordConsensusBlock(state, block.header.height, blockByteSizeBefore);
  const root = state.store.commitBlock(block.header.height);
  for (const step of AFTER_COMMIT_STEPS) step.run(state, block.header.height);
  return { height: block.header.height, blockHash: hash, timeNs: block.header.timeNs, stateRoot: bytesToHex(root), beginBlock, receipts, endBlock };
}

/**
 * The block context after a tx: a delivered MsgUpgrade changes the features at once, for the
 * txs after it and EndBlock — pocket-core's handler writes the global codec.UpgradeFeatureMap
 * that every later IsAfter… check reads (x/gov/keeper/subspace.go:186-188). Example: "OEDIT:0"
 * in genesis, a block [Upgrade FEATURE ["OEDIT:1"], edit by the output address] → the edit is
 * delivered. (A ParamChange of gov/upgrade does not: pocket-core's handler leaves the global
 * map alone, docs/protocol-choices.md "Governance".)
 */
function featuresAfter(state: LedgerState, ctx: BlockContext, events: readonly DomainEvent[]): BlockContext {
  if (!events.some((event) => event.type === 'UpgradeScheduled')) return ctx;
  return { ...ctx, inactiveFeatures: inactiveFeatures(state.params().gov.upgrade, ctx.height) };
}

/** A what-if block: the override events as a step of their own, evolved before BeginBlock. */
function whatIfBeginBlock(state: LedgerState, events: readonly DomainEvent[], ctx: BlockContext, blockEvents: DomainEvent[]): StepEvents[] {
  if (events.length === 0) return runSteps(state, BEGIN_BLOCK_STEPS, ctx, blockEvents);
  evolveAll(state, events, ctx.height);
  return [{ step: 'what_if_param_override', events }, ...runSteps(state, BEGIN_BLOCK_STEPS, ctx, blockEvents)];
}

function recordBlock(state: LedgerState, block: Block, hash: string, meta: ChainMeta): void {
  const height = block.header.height;
  state.chain.blockHashes.set(heightKey(height), hash);
  // Tendermint's evidence pool marks the block's evidence committed (header-checks.ts checkEvidenceNotCommitted).
  for (const { voteA } of block.header.evidence) state.chain.committedEvidence.set(evidenceKey(voteA.validatorAddress, voteA.height, voteA.round), height);
  state.chain.meta.set(CHAIN_META_KEY, { ...meta, height, lastBlockTimeNs: block.header.timeNs, lastProposer: block.header.proposer as Address });
}
