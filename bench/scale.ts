/**
 * PERF: how block cost grows with the state and with the block. Per-block apply time (the whole
 * applyBlock: header checks, BeginBlock, txs, EndBlock, commit), state-root time (the commit
 * alone: leaf hashes of the changed entries + the bucket/group/root digests, state/commitment.ts)
 * and RSS, on the bundled mainnet genesis plus untouched filler state:
 *   - nodes:    1k / 10k / 50k extra staked nodes outside the validator set, which is full at
 *               MaxValidators at every size (fill() says why; --quick: 1k / 10k), blocks of 1,000 sends;
 *   - accounts: 100k / 1M extra funded accounts (--quick: 50k / 200k), blocks of 1,000 sends;
 *   - txs:      250 / 1,000 / 4,000 sends per block (--quick: 250 / 1,000), no filler.
 * A growth exponent (log-log slope, bench/lib/stats.ts) is fitted over each series. Goals
 * (issue 14): ≈ 0 in the untouched state size (reported against ≤ 0.1), ≤ 1.1 in txs per block.
 *
 * Workload (seeded): 256 funded sender keys (sim keys of this seed) sending to each other and to
 * fresh addresses; filler validators and accounts are random addresses the blocks never touch.
 * Signatures are trusted (the reducer is the subject; signature cost is bench/apply's). Blocks
 * are made by the real producer (buildBlock) and applied by applyBlock; the first block folds the
 * filler into the root and is not timed. The state-root time is read by timing store.commitBlock
 * inside applyBlock (a wrapper on this bench's state object only). Self-check: every tx succeeds.
 */
import { bytesToHex } from '../src/core/hex.js';
import type { Prng } from '../src/core/prng.js';
import type { Address, PublicKeyHex } from '../src/core/types.js';
import { applyBlock } from '../src/chain/apply-block.js';
import type { LedgerState } from '../src/chain/ledger-state.js';
import { prepareTx, trustSignature } from '../src/chain/prepare.js';
import { buildBlock } from '../src/chain/producer.js';
import { loadGenesisState } from '../src/genesis/load.js';
import { feeForMessageType } from '../src/modules/auth/index.js';
import { StakeStatus } from '../src/modules/nodes/state.js';
import { CHAIN_META_KEY } from '../src/state/chain-tables.js';
import { deriveSimKeys, drawEntropy, SimSigner } from '../src/sim/sim-keys.js';
import type { SimKey } from '../src/sim/workload.js';
import type { BenchContext, BenchModule, Point } from './lib/types.js';
import { summarize, type Stats } from './lib/stats.js';

const SENDERS = 256;
const BLOCK_SECONDS = 900n;

interface Sized {
  readonly state: LedgerState;
  readonly senders: readonly SimKey[];
  readonly rootMs: number[];
}

/**
 * Filler: `nodes` staked nodes OUTSIDE the validator set and `accounts` funded accounts. The set
 * is first filled to MaxValidators with high-stake nodes at every size, because each block
 * writes the signing info of every set member (pocket-core's HandleValidatorSignature per
 * vote): that cost follows the set, which is capped, not the node count, and is the same at
 * every point of the series.
 */
function fill(prng: Prng, state: LedgerState, nodes: number, accounts: number): void {
  const setFill = Math.max(0, Number(state.params().pos.maxValidators) - state.nodes.validators.size);
  for (let i = 0; i < setFill + nodes; i++) {
    const address = bytesToHex(prng.bytes(20)) as Address;
    state.nodes.validators.set(address, {
      address,
      publicKey: bytesToHex(prng.bytes(32)) as PublicKeyHex,
      jailed: false,
      status: StakeStatus.Staked,
      chains: ['0021'],
      serviceUrl: 'https://node.example.com:443',
      tokensUpokt: i < setFill ? 1_000_000_000_000n : 15_000_000_000n,
      unstakingTimeNs: null,
      outputAddress: null,
      rewardDelegators: null,
    });
  }
  for (let i = 0; i < accounts; i++) state.auth.accounts.set(bytesToHex(prng.bytes(20)) as Address, { balanceUpokt: 1_000_000n, publicKey: null });
}

/** Genesis + filler + funded senders, with commitBlock timed into `rootMs`. */
function sizedState(ctx: BenchContext, nodes: number, accounts: number): Sized {
  const prng = ctx.prng();
  const { state } = loadGenesisState();
  fill(prng, state, nodes, accounts);
  const senders = deriveSimKeys(BigInt(ctx.seed), 'scale-sender', SENDERS);
  for (const key of senders) state.auth.accounts.set(key.address, { balanceUpokt: 10n ** 15n, publicKey: key.publicKey });
  const rootMs: number[] = [];
  const commit = state.store.commitBlock.bind(state.store);
  state.store.commitBlock = (height, options) => {
    const started = performance.now();
    const root = commit(height, options);
    rootMs.push(performance.now() - started);
    return root;
  };
  return { state, senders, rootMs };
}

function sendTxs(sized: Sized, prng: Prng, signer: SimSigner, count: number): Uint8Array[] {
  const { state, senders } = sized;
  const chainId = state.chain.meta.get(CHAIN_META_KEY)!.chainId;
  const fee = feeForMessageType('send', state.params().auth);
  return Array.from({ length: count }, () => {
    const from = senders[prng.int(SENDERS)]!;
    const to = prng.chance(0.5) ? senders[prng.int(SENDERS)]!.address : (bytesToHex(prng.bytes(20)) as Address);
    const msg = { kind: 'Send', fromAddress: from.address, toAddress: to, amount: String(1 + prng.int(1_000_000)) } as const;
    return signer.signTx(from, { chainId, msg, feeUpokt: fee, memo: '', entropy: drawEntropy(prng) }).bytes;
  });
}

/** Produce and apply one block of `txs`; returns its apply time in ms. */
function applyOne(sized: Sized, txs: readonly Uint8Array[]): number {
  const { state } = sized;
  const meta = state.chain.meta.get(CHAIN_META_KEY)!;
  const prepared = txs.map((tx) => {
    const p = prepareTx(tx, meta.chainId);
    trustSignature(p);
    return p;
  });
  const block = buildBlock(state, { timeNs: meta.lastBlockTimeNs + BLOCK_SECONDS * 1_000_000_000n, txs, txHashes: prepared.map((p) => p.hash) });
  const started = performance.now();
  const result = applyBlock(state, block, { prepared });
  const ms = performance.now() - started;
  const failed = result.receipts.find((receipt) => receipt.code !== 0);
  if (failed !== undefined) throw new Error(`block ${block.header.height}: a send failed (${failed.code})`);
  return ms;
}

interface PointStats {
  readonly apply: Stats;
  readonly root: Stats;
  readonly rssMb: number;
}

/** One state size: a warm-up block (folds the filler into the root), then `blocks` timed blocks. */
function measureSize(ctx: BenchContext, label: string, nodes: number, accounts: number, txsPerBlock: number): PointStats {
  const setupStarted = performance.now();
  const sized = sizedState(ctx, nodes, accounts);
  const prng = ctx.prng();
  const signer = new SimSigner();
  const blocks = ctx.quick ? 5 : 7;
  const workload = Array.from({ length: blocks + 2 }, () => sendTxs(sized, prng, signer, txsPerBlock));
  // Two untimed blocks: the first folds the filler into the root and changes the validator set,
  // the second creates the new members' signing infos.
  applyOne(sized, workload[0]!);
  applyOne(sized, workload[1]!);
  ctx.progress(`  ${label}: state ready in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s (first commit ${sized.rootMs[0]!.toFixed(0)} ms)`);
  const applyMs: number[] = [];
  for (let b = 2; b < blocks + 2; b++) {
    (globalThis as { gc?: () => void }).gc?.();
    applyMs.push(applyOne(sized, workload[b]!));
  }
  const point = { apply: summarize(applyMs), root: summarize(sized.rootMs.slice(2)), rssMb: Math.round(process.memoryUsage().rss / 2 ** 20) };
  ctx.progress(`  ${label}: apply ${point.apply.median.toFixed(1)} ms/block, state root ${point.root.median.toFixed(2)} ms/block, rss ${point.rssMb} MB`);
  return point;
}

function reportSeries(ctx: BenchContext, name: string, unit: string, sizes: readonly number[], stats: readonly PointStats[], goalExponent: number, txsPerBlock: number | string): void {
  const series = (pick: (s: PointStats) => number): Point[] => sizes.map((n, i) => ({ n, value: pick(stats[i]!) }));
  const last = stats.at(-1)!;
  // rss is one reading at the end of the point's blocks; apply and state root carry their blocks' min–max.
  const one = (value: number) => ({ median: value, min: value, max: value, samples: ctx.quick ? 5 : 7 });
  const workload = { [unit]: sizes, txs_per_block: txsPerBlock, genesis: 'mainnet', signatures: 'trusted' };
  const goalText = `growth exponent ≤ ${goalExponent} in ${unit}`;
  ctx.report({ case: `${name}/apply`, workload, metric: 'ms_per_block', stats: last.apply, points: series((s) => s.apply.median), extra: { goal_growth_exponent_at_most: goalExponent, goal_text: `apply time: ${goalText}` } });
  ctx.report({ case: `${name}/state-root`, workload, metric: 'ms_per_block', stats: last.root, points: series((s) => s.root.median), extra: { goal_growth_exponent_at_most: goalExponent, goal_text: `state-root time: ${goalText}` } });
  ctx.report({ case: `${name}/rss`, workload, metric: 'rss_mb', stats: one(last.rssMb), points: series((s) => s.rssMb) });
}

export const benchmark: BenchModule = {
  name: 'scale',
  description: 'per-block apply time, state-root time and RSS vs untouched state (1k/10k/50k nodes, 100k/1M accounts) and vs txs per block, with growth exponents',
  async run(ctx) {
    const txs = 1_000;
    const nodeSizes = ctx.quick ? [1_000, 10_000] : [1_000, 10_000, 50_000];
    const accountSizes = ctx.quick ? [50_000, 200_000] : [100_000, 1_000_000];
    const blockSizes = ctx.quick ? [250, 1_000] : [250, 1_000, 4_000];
    ctx.progress('nodes series');
    const byNodes = nodeSizes.map((n) => measureSize(ctx, `${n} extra nodes`, n, 0, txs));
    reportSeries(ctx, 'nodes', 'nodes', nodeSizes, byNodes, 0.1, txs);
    ctx.progress('accounts series');
    const byAccounts = accountSizes.map((n) => measureSize(ctx, `${n} extra accounts`, 0, n, txs));
    reportSeries(ctx, 'accounts', 'accounts', accountSizes, byAccounts, 0.1, txs);
    ctx.progress('txs-per-block series');
    const byTxs = blockSizes.map((n) => measureSize(ctx, `${n} sends per block`, 0, 0, n));
    reportSeries(ctx, 'txs-per-block', 'txs_per_block', blockSizes, byTxs, 1.1, 'varies');
  },
};
