/**
 * The reducer: applyBlock(state, block) → receipts, domain events, new state root.
 *
 *   1. check the header against the state (chain id, height, time, previous hash, app hash,
 *      tx root, proposer, last commit) — a block that fails is not a block of this chain;
 *   2. BeginBlock steps (pos → application → pocketcore → gov);
 *   3. every tx in order (deliver-tx.ts);
 *   4. EndBlock steps;
 *   5. bookkeeping: index the block's tx hashes (duplicate protection for later blocks), record
 *      the block hash, time and proposer; commit → state root.
 *
 * DEV_NOTE: determinism — synchronous, reads only `state`, `block` and the prepared txs (whose
 * signature verdicts are a pure function of the tx bytes). No clock, no randomness, no I/O.
 * If this throws mid-block (an InvariantError: a bug), `state` is half-applied and must be
 * discarded; the caller never appends such a block.
 */
import type { BlockContext } from '../core/block-context.js';
import { bytesToHex } from '../core/hex.js';
import type { Address } from '../core/types.js';
import { VALIDATOR_SET_KEY } from '../modules/nodes/index.js';
import { checkEvidence } from '../modules/slashing/index.js';
import { inactiveFeatures, upgradeHaltReason } from '../modules/gov/index.js';
import { voteSignBytes } from './block.js';
import { afterCommit } from '../modules/pocketcore/index.js';
import { blockHash, txRootFromHexHashes, ZERO_HASH, type Block } from './block.js';
import { CHAIN_META_KEY, heightKey, type ChainMeta } from './chain-state.js';
import { deliverTx } from './deliver-tx.js';
import type { DomainEvent } from './events.js';
import { evolveAll } from './evolve.js';
import { BEGIN_BLOCK_STEPS, END_BLOCK_STEPS, type HookStep } from './hooks.js';
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
    readonly code: string,
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

function fail(code: string, message: string): never {
  throw new BlockRejectedError(code, message);
}

/** Validate the header against the state before touching anything. */
export function checkHeader(state: LedgerState, block: Block, prepared: readonly PreparedTx[]): void {
  const meta = chainMeta(state);
  const h = block.header;
  // An upgrade to a version this ledger does not implement stops the chain here (gov/features.ts).
  const halt = upgradeHaltReason(state.params().gov.upgrade, h.height);
  if (halt !== undefined) fail('upgrade_required', halt);
  if (h.chainId !== meta.chainId) fail('wrong_chain_id', `block is for chain ${h.chainId}, this is ${meta.chainId}`);
  if (h.height !== meta.height + 1) fail('wrong_height', `expected height ${meta.height + 1}, got ${h.height}`);
  if (h.timeNs <= meta.lastBlockTimeNs && h.height > 1) fail('time_not_increasing', `block time ${h.timeNs} is not after ${meta.lastBlockTimeNs}`);
  if (h.timeNs < meta.genesisTimeNs) fail('time_before_genesis', 'block time is before genesis time');
  const expectedPrev = h.height === 1 ? ZERO_HASH : state.chain.blockHashes.get(heightKey(h.height - 1));
  if (h.prevBlockHash !== expectedPrev) fail('wrong_previous_hash', `previous block hash ${h.prevBlockHash} ≠ ${expectedPrev}`);
  const root = bytesToHex(state.store.root);
  if (h.appHash !== root) fail('wrong_app_hash', `header app hash ${h.appHash} ≠ state root ${root}`);
  const txs = txRootFromHexHashes(prepared.map((tx) => tx.hash));
  if (h.txRoot !== txs) fail('wrong_tx_root', `header tx root ${h.txRoot} ≠ ${txs}`);
  const set = state.pos.validatorSet.get(VALIDATOR_SET_KEY) ?? [];
  if (!set.some((member) => member.address === h.proposer)) fail('proposer_not_validator', `proposer ${h.proposer} is not in the validator set`);
  checkLastCommit(state, block);
  // Double-sign evidence must be valid (forged, identical or future votes: not a block of this chain).
  const evidenceProblem = checkEvidence(h.evidence, h.chainId, h.height, voteSignBytes);
  if (evidenceProblem !== undefined) fail(evidenceProblem.code, evidenceProblem.message);
}

/** Block h's last commit lists exactly the set that signed h−1 (the set after h−2). */
function checkLastCommit(state: LedgerState, block: Block): void {
  const { height, lastCommit } = block.header;
  if (height === 1) {
    if (lastCommit.length > 0) fail('wrong_last_commit', 'block 1 has no previous commit');
    return;
  }
  const signedSet = state.pos.validatorSet.getAt(VALIDATOR_SET_KEY, height - 2) ?? [];
  const sorted = [...signedSet].sort((a, b) => (a.address < b.address ? -1 : 1));
  if (sorted.length !== lastCommit.length) fail('wrong_last_commit', `last commit has ${lastCommit.length} votes, the set had ${sorted.length} validators`);
  sorted.forEach((member, i) => {
    const vote = lastCommit[i]!;
    if (vote.address !== member.address || vote.power !== member.power) {
      fail('wrong_last_commit', `last commit vote ${i} is ${vote.address}/${vote.power}, expected ${member.address}/${member.power} (ascending address order)`);
    }
  });
}

function runSteps(state: LedgerState, steps: readonly HookStep[], ctx: BlockContext, blockEvents: DomainEvent[]): StepEvents[] {
  const results: StepEvents[] = [];
  for (const step of steps) {
    const events = step.run(state, ctx, blockEvents);
    evolveAll(state, events);
    for (const event of events) blockEvents.push(event);
    if (events.length > 0) results.push({ step: step.name, events });
  }
  return results;
}

export interface ApplyOptions {
  /** Txs already prepared (and signature-checked) by the ingest stage, in block order. */
  readonly prepared?: readonly PreparedTx[];
}

export function applyBlock(state: LedgerState, block: Block, options: ApplyOptions = {}): BlockResult {
  const hash = blockHash(block.header);
  const meta = chainMeta(state);
  const prepared = options.prepared ?? block.txs.map((tx) => prepareTx(tx, meta.chainId));
  if (prepared.length !== block.txs.length) throw new BlockRejectedError('prepared_mismatch', 'prepared txs do not match the block');
  checkHeader(state, block, prepared);
  const ctx: BlockContext = {
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
  const beginBlock = runSteps(state, BEGIN_BLOCK_STEPS, ctx, blockEvents);
  const seen = new Set<string>();
  const receipts = prepared.map((tx, index) => {
    if (tx.signature === 'unchecked' && options.prepared === undefined) verifyPrepared(tx);
    return deliverTx(state, tx, index, ctx, seen);
  });
  for (const receipt of receipts) for (const event of receipt.events) blockEvents.push(event);
  const endBlock = runSteps(state, END_BLOCK_STEPS, ctx, blockEvents);
  recordBlock(state, block, hash, prepared, meta);
  const root = state.store.commitBlock(block.header.height);
  // Session-start chain-index memo + history pruning to pocketcore's floor (modules/pocketcore/history.ts).
  afterCommit(state, block.header.height);
  return { height: block.header.height, blockHash: hash, timeNs: block.header.timeNs, stateRoot: bytesToHex(root), beginBlock, receipts, endBlock };
}

function recordBlock(state: LedgerState, block: Block, hash: string, prepared: readonly PreparedTx[], meta: ChainMeta): void {
  const height = block.header.height;
  for (const tx of prepared) if (!state.auth.txIndex.has(tx.hash)) state.auth.txIndex.set(tx.hash, height);
  state.chain.blockHashes.set(heightKey(height), hash);
  state.chain.meta.set(CHAIN_META_KEY, { ...meta, height, lastBlockTimeNs: block.header.timeNs, lastProposer: block.header.proposer as Address });
}
