/**
 * The seeded simulator: drives the real block producer (ChainWriter: build → apply → append)
 * with transactions the workloads sign, and checks everything after every block.
 *
 * Goal: a long, reproducible run through every code path the ledger has, where any deviation
 * from the protocol — a tx whose receipt differs from what its workload expected, a broken
 * invariant, supply that does not add up — stops the run and names the seed that reproduces it.
 *
 * Method, per block h (time = previous block time + 15 minutes; the simulated clock):
 *   1. every enabled workload, in registry order, proposes txs with expected outcomes (and
 *      optionally block faults) from its own seeded stream Prng(H(seed, h, workload));
 *   2. the txs (FIFO within the byte budget the block's header leaves — its commit and evidence
 *      counted, the evidence at most Tendermint's MaxEvidencePerBlock) are prepared and their
 *      signatures verified on the worker pool; ChainWriter.produce builds the header (proposer
 *      lottery, last commit), applies the block with the same reducer replay uses, and appends
 *      it to the log;
 *   3. each receipt is compared with its expectation ('ok', 'codespace:code' or 'any');
 *      checkInvariants(state) must be empty; total supply must equal the supply at the start +
 *      Σ minted − Σ burned over the blocks' domain events (supply.ts).
 * Nothing bypasses the reducer: the simulator never writes state.
 *
 * Determinism: randomness is derived per (seed, height, workload), never carried between blocks
 * in memory, and workloads read only the chain state and the previous block's txs — so the same
 * seed gives a byte-identical log, and a run stopped at any height and continued gives the same
 * log as an uninterrupted one. (The log's frames are byte-identical with fsync 'always' or
 * 'never'; 'batch' records fsync timing, which is not deterministic.)
 */
import { Prng } from '../core/prng.js';
import type { Address } from '../core/types.js';
import { sha256 } from '../crypto/hash.js';
import type { DuplicateVoteEvidence } from '../core/block-context.js';
import { VerifyPool } from '../crypto/verify-pool.js';
import { decodeRecord } from '../chain/record.js';
import { CHAIN_META_KEY } from '../state/chain-tables.js';
import type { BlockResult } from '../chain/apply-block.js';
import type { LedgerState } from '../chain/ledger-state.js';
import type { TxReceipt } from '../chain/receipts.js';
import { totalSupply } from '../modules/auth/index.js';
import { BlockLog, blockLogDir, type FsyncMode } from '../log/index.js';
import { ChainWriter } from '../runtime/chain-writer.js';
import { prepareVerified } from '../runtime/ingest.js';
import { evidenceWithinLimit, prefixWithinBudget, txBudgetBytes } from '../node/block-budget.js';
import { checkInvariants, InvariantWatch, type InvariantViolation } from './invariants.js';
import { simKeySets, type SimManifest } from './sim-genesis.js';
import { deriveSimKey, drawEntropy, SimSigner } from './sim-keys.js';
import { openOrCreateSimulation, type SimSetupOptions } from './sim-setup.js';
import { SupplyLedger } from './supply.js';
import { findWorkload } from './workloads/index.js';
import type { BlockFaults, ProposedTx, SimContext, SimKey, Workload } from './workload.js';

export const DEFAULT_BLOCK_INTERVAL_NS = 15n * 60n * 1_000_000_000n;

export interface SimulateOptions extends SimSetupOptions {
  readonly blocks: number;
  /** Mean txs per block per workload (default 20). */
  readonly txsPerBlock?: number;
  readonly blockIntervalNs?: bigint;
  /** Block log fsync policy (default 'always'; 'never' is faster and still byte-identical). */
  readonly fsync?: Exclude<FsyncMode, 'batch'>;
  readonly snapshotEvery?: number;
  /** Signature-verification worker threads (default: all cores; 0 = verify inline). */
  readonly workers?: number;
  /** After the set-up (chain opened or created, workloads ready), before the first block. */
  readonly onReady?: (startHeight: number, targetHeight: number) => void;
  readonly onBlock?: (report: SimBlockReport) => void;
}

export interface SimBlockReport {
  /** The state after the block (read it; never write it). */
  readonly state: LedgerState;
  readonly height: number;
  readonly startHeight: number;
  readonly targetHeight: number;
  readonly txs: number;
  /** The block's txs (encoded), in block order. */
  readonly txBytes: readonly Uint8Array[];
  readonly stateRoot: string;
  readonly result: BlockResult;
}

export interface SimulationSummary {
  readonly seed: string;
  readonly profile: string;
  readonly created: boolean;
  readonly chain_id: string;
  readonly start_height: number;
  readonly height: number;
  readonly blocks: number;
  readonly txs: number;
  readonly state_root: string;
  /** Tx counts by workload label, then by outcome ("ok" or "codespace:code"). */
  readonly outcomes: Record<string, Record<string, number>>;
  readonly supply: { readonly start_upokt: bigint; readonly minted_upokt: bigint; readonly burned_upokt: bigint; readonly total_upokt: bigint };
  readonly workloads: readonly string[];
}

/** A simulated block broke an expectation, an invariant or the supply rule. */
export class SimulationFailure extends Error {
  override readonly name = 'SimulationFailure';
  constructor(
    readonly seed: string,
    readonly height: number,
    readonly kind: 'expectation' | 'invariant' | 'supply',
    /** The facts (not named `details`: uvu's reporter prints nothing for an object `details`). */
    readonly context: unknown,
    message: string,
  ) {
    super(`simulation failed (seed ${seed}, height ${height}): ${message} — rerun with --seed ${seed} to reproduce`);
  }
}

/** u64 from H("pokt-ledger sim prng|seed|height|workload"): one independent stream per block and workload. */
export function streamSeed(seed: bigint, height: number, workload: string): bigint {
  const digest = sha256(`pokt-ledger sim prng|${seed}|${height}|${workload}`);
  return new DataView(digest.buffer, digest.byteOffset, 8).getBigUint64(0, false);
}

interface Proposal extends ProposedTx {
  readonly workload: string;
}

export async function simulate(options: SimulateOptions): Promise<SimulationSummary> {
  const { manifest, created } = openOrCreateSimulation(options);
  const writer = await ChainWriter.open(options.dataDir, { fsync: options.fsync ?? 'always', snapshotEvery: options.snapshotEvery ?? 0 });
  let pool: VerifyPool | undefined;
  try {
    const workers = options.workers;
    pool = workers === 0 ? undefined : await VerifyPool.create(workers === undefined ? {} : { workers });
    // A failed check stops the run after its block was appended: the log stays a valid chain
    // (the block is what the reducer produced); the failure is in what the workload expected.
    return await run(writer, manifest, created, options, pool);
  } finally {
    await pool?.close();
    writer.close();
  }
}

async function run(writer: ChainWriter, manifest: SimManifest, created: boolean, options: SimulateOptions, pool: VerifyPool | undefined): Promise<SimulationSummary> {
  const settings = { seed: BigInt(manifest.seed), ...(manifest.shape === undefined ? {} : { shape: manifest.shape }), ...(options.workers === undefined ? {} : { workers: options.workers }) };
  const workloads = manifest.workloads.map(({ name }) => findWorkload(name, options.registry)!.create(settings));
  try {
    return await runBlocks(writer, manifest, created, options, pool, workloads);
  } finally {
    for (const workload of workloads) await workload.close?.();
  }
}

async function runBlocks(writer: ChainWriter, manifest: SimManifest, created: boolean, options: SimulateOptions, pool: VerifyPool | undefined, workloads: readonly Workload[]): Promise<SimulationSummary> {
  const keys = simKeySets(manifest);
  const seed = BigInt(manifest.seed);
  const signer = new SimSigner();
  const chainId = writer.config.chain_id;
  const startHeight = writer.height;
  const targetHeight = startHeight + options.blocks;
  const supply = new SupplyLedger(totalSupply(writer.state.auth));
  const outcomes: Record<string, Record<string, number>> = {};
  let previousBlockTxs = tipTxs(options.dataDir, startHeight);
  let txCount = 0;
  const invariants = new InvariantsAfterBlocks();
  options.onReady?.(startHeight, targetHeight);
  while (writer.height < targetHeight) {
    const height = writer.height + 1;
    const timeNs = writer.lastBlockTimeNs + (options.blockIntervalNs ?? DEFAULT_BLOCK_INTERVAL_NS);
    const contextFor = (workload: Workload): SimContext =>
      makeContext({ workload, height, timeNs, seed, chainId, writer, manifest, keys, signer, previousBlockTxs, txsPerBlock: options.txsPerBlock ?? 20 });
    for (const workload of workloads) await workload.prepare?.(contextFor(workload));
    const { proposals, faults } = collect(workloads, contextFor);
    // The header first — its commit signatures and evidence (at most MaxEvidencePerBlock) — then
    // the txs in the bytes it leaves under Block.MaxBytes (node/block-budget.ts).
    const offline = faults.offline;
    const header = { timeNs, signed: (address: Address) => !offline.has(address), evidence: evidenceWithinLimit(writer.state, faults.evidence) };
    const included = prefixWithinBudget(proposals, (p) => p.bytes, txBudgetBytes(writer.state, header));
    const txs = included.map((p) => p.bytes);
    const prepared = pool === undefined ? undefined : await prepareVerified(txs, chainId, pool);
    const produced = writer.produce({ ...header, txs }, prepared);
    checkBlock(manifest.seed, height, included, produced.result, writer, supply, outcomes, invariants.violations(writer.state, height === targetHeight));
    txCount += txs.length;
    previousBlockTxs = txs;
    options.onBlock?.({ state: writer.state, height, startHeight, targetHeight, txs: txs.length, txBytes: txs, stateRoot: produced.result.stateRoot, result: produced.result });
  }
  return {
    seed: manifest.seed,
    profile: manifest.profile,
    created,
    chain_id: chainId,
    start_height: startHeight,
    height: writer.height,
    blocks: writer.height - startHeight,
    txs: txCount,
    state_root: Buffer.from(writer.state.store.root).toString('hex'),
    outcomes,
    supply: { start_upokt: supply.genesisSupplyUpokt, minted_upokt: supply.mintedUpokt, burned_upokt: supply.burnedUpokt, total_upokt: totalSupply(writer.state.auth) },
    workloads: manifest.workloads.map((w) => w.name),
  };
}

/**
 * The invariants after each block: the incremental watch every block (O(1)), the full scan
 * (checkInvariants, O(accounts)) every FULL_CHECK_EVERY blocks and at the run's last block.
 * A new watch follows a new state object (the writer rebuilds its state after a failed block).
 */
const FULL_CHECK_EVERY = 1_000;

class InvariantsAfterBlocks {
  private watch: InvariantWatch | undefined;
  private blocks = 0;

  violations(state: LedgerState, last: boolean): InvariantViolation[] {
    if (this.watch?.state !== state) this.watch = new InvariantWatch(state);
    this.blocks += 1;
    const watched = this.watch.check();
    if (watched.length > 0 || (!last && this.blocks % FULL_CHECK_EVERY !== 0)) return watched;
    return checkInvariants(state);
  }
}

/** The txs of the block at the tip (what workloads may resubmit), read from the log. */
function tipTxs(dataDir: string, height: number): readonly Uint8Array[] {
  if (height === 0) return [];
  const { log } = BlockLog.open(blockLogDir(dataDir), { readOnly: true });
  try {
    return decodeRecord(log.read(height), height).block.txs;
  } finally {
    log.close();
  }
}

function collect(workloads: readonly Workload[], contextFor: (workload: Workload) => SimContext): { proposals: Proposal[]; faults: { offline: Set<Address>; evidence: DuplicateVoteEvidence[] } } {
  const proposals: Proposal[] = [];
  const offline = new Set<Address>();
  const evidence: DuplicateVoteEvidence[] = [];
  for (const workload of workloads) {
    const ctx = contextFor(workload);
    for (const tx of workload.propose(ctx)) proposals.push({ ...tx, workload: workload.name });
    const faults: BlockFaults = workload.faults?.(ctx) ?? {};
    for (const address of faults.offline ?? []) offline.add(address);
    evidence.push(...(faults.evidence ?? []));
  }
  return { proposals, faults: { offline, evidence } };
}

interface ContextInput {
  readonly workload: Workload;
  readonly height: number;
  readonly timeNs: bigint;
  readonly seed: bigint;
  readonly chainId: string;
  readonly writer: ChainWriter;
  readonly manifest: SimManifest;
  readonly keys: ReturnType<typeof simKeySets>;
  readonly signer: SimSigner;
  readonly previousBlockTxs: readonly Uint8Array[];
  readonly txsPerBlock: number;
}

function makeContext(input: ContextInput): SimContext {
  const { workload, height, seed, signer } = input;
  const prng = new Prng(streamSeed(seed, height, workload.name));
  const keyList = input.keys.byWorkload.get(workload.name) ?? [];
  return {
    prng,
    state: input.writer.state,
    height,
    timeNs: input.timeNs,
    chainId: input.chainId,
    keys: new Map(keyList.map((key) => [key.address, key])),
    keyList,
    validatorKeys: input.keys.validators,
    appKeys: input.keys.apps,
    profile: input.manifest.profile,
    txsPerBlock: input.txsPerBlock,
    previousBlockTxs: input.previousBlockTxs,
    newKey: (label: string): SimKey => deriveSimKey(seed, `fresh:${height}:${workload.name}:${label}`, 0),
    sign: (key, msg, options = {}) =>
      signer.signTx(
        key,
        { chainId: options.chainId ?? input.chainId, msg, feeUpokt: options.feeUpokt ?? 10_000n, memo: options.memo ?? '', entropy: drawEntropy(prng) },
        options.signWith ?? key,
      ).bytes,
  };
}

function outcomeOf(receipt: TxReceipt): string {
  return receipt.code === 0 ? 'ok' : `${receipt.codespace}:${receipt.code}`;
}

function checkBlock(
  seed: string,
  height: number,
  proposals: readonly Proposal[],
  result: BlockResult,
  writer: ChainWriter,
  supply: SupplyLedger,
  outcomes: Record<string, Record<string, number>>,
  violations: readonly InvariantViolation[],
): void {
  proposals.forEach((proposal, index) => {
    const receipt = result.receipts[index]!;
    const outcome = outcomeOf(receipt);
    const counts = (outcomes[proposal.label] ??= {});
    counts[outcome] = (counts[outcome] ?? 0) + 1;
    if (proposal.expect !== 'any' && proposal.expect !== outcome) {
      const details = { index, label: proposal.label, workload: proposal.workload, expected: proposal.expect, actual: outcome, log: receipt.log, tx_hash: receipt.hash };
      throw new SimulationFailure(seed, height, 'expectation', details, `tx ${index} (${proposal.label}) expected ${proposal.expect}, got ${outcome}: ${receipt.log}`);
    }
  });
  if (violations.length > 0) {
    throw new SimulationFailure(seed, height, 'invariant', violations, violations.map((v) => `${v.invariant}: ${v.detail}`).join('; '));
  }
  supply.record(result);
  const actual = totalSupply(writer.state.auth);
  if (actual !== supply.expectedSupplyUpokt) {
    const details = { total_upokt: actual, expected_upokt: supply.expectedSupplyUpokt, minted_upokt: supply.mintedUpokt, burned_upokt: supply.burnedUpokt };
    throw new SimulationFailure(seed, height, 'supply', details, `total supply ${actual} ≠ start + minted − burned = ${supply.expectedSupplyUpokt}`);
  }
  const meta = writer.state.chain.meta.get(CHAIN_META_KEY);
  if (meta?.height !== height) throw new SimulationFailure(seed, height, 'invariant', { height: meta?.height }, 'the chain did not advance');
}
