/**
 * The apply and replay benchmarks' workload: a chain made by the seeded simulator — the bundled
 * mainnet genesis (profile mainnet) plus 256 simulator accounts, and blocks of valid signed
 * MsgSend txs only (src/sim/workloads/sends.ts with validOnly) between them, fresh addresses
 * and the simulator's validators. Made once per process and size (the two benchmarks share it)
 * in a temp data dir, removed at exit.
 *
 * `blocks()` reads it back as the producer saw it: each block's time and txs, so a benchmark can
 * re-produce the exact same chain (and check that it did: the final state root must match).
 */
import { blockProgress } from './block-progress.js';
import { scratchDir } from './scratch.js';
import { join } from 'node:path';
import { bundledMainnetGenesisPath } from '../../src/core/paths.js';
import { decodeRecord } from '../../src/chain/record.js';
import { prepareTx, verificationInput } from '../../src/chain/prepare.js';
import type { VerifyItem } from '../../src/crypto/verify-batch.js';
import { BlockLog, blockLogDir } from '../../src/log/index.js';
import { simulate } from '../../src/sim/simulator.js';
import { createSendsWorkload } from '../../src/sim/workloads/sends.js';
import type { BenchContext } from './types.js';

export interface SendChain {
  readonly dir: string;
  readonly chainId: string;
  readonly blocks: number;
  readonly txsPerBlock: number;
  readonly txs: number;
  readonly stateRoot: string;
  readonly genesisFile: string;
}

export interface StoredBlock {
  readonly height: number;
  readonly timeNs: bigint;
  readonly txs: readonly Uint8Array[];
  readonly stateRootAfter: string;
}

const chains = new Map<string, Promise<SendChain>>();

export function sendChain(ctx: BenchContext, blocks: number, txsPerBlock: number): Promise<SendChain> {
  const key = `${ctx.seed}/${blocks}/${txsPerBlock}`;
  let chain = chains.get(key);
  if (chain === undefined) {
    chain = makeSendChain(ctx, blocks, txsPerBlock);
    chains.set(key, chain);
  }
  return chain;
}

async function makeSendChain(ctx: BenchContext, blocks: number, txsPerBlock: number): Promise<SendChain> {
  const scratch = scratchDir('pokt-ledger-bench-');
  const dir = join(scratch, 'data');
  const started = performance.now();
  ctx.progress(`workload: simulating ${blocks} blocks × ${txsPerBlock} valid sends on the mainnet genesis (seed ${ctx.seed})…`);
  const summary = await simulate({
    dataDir: dir,
    genesisFile: bundledMainnetGenesisPath(),
    seed: BigInt(ctx.seed),
    profile: 'mainnet',
    blocks,
    txsPerBlock,
    accountsPerWorkload: 256,
    fsync: 'never',
    registry: [{ name: 'sends', description: 'valid sends only', create: () => createSendsWorkload({ validOnly: true }) }],
    onBlock: blockProgress(ctx.progress),
  });
  const ok = summary.outcomes['send/valid']?.['ok'] ?? 0;
  if (ok !== summary.txs) throw new Error(`the workload should be all valid sends, got ${JSON.stringify(summary.outcomes)}`);
  ctx.progress(`workload: ${summary.txs} txs in ${((performance.now() - started) / 1000).toFixed(1)} s, state root ${summary.state_root.slice(0, 16)}…`);
  return { dir, chainId: summary.chain_id, blocks, txsPerBlock, txs: summary.txs, stateRoot: summary.state_root, genesisFile: join(blockLogDir(dir), 'genesis.json') };
}

/** The chain's blocks as stored (time, txs, root after). */
export function storedBlocks(chain: SendChain): StoredBlock[] {
  const { log } = BlockLog.open(blockLogDir(chain.dir), { readOnly: true });
  try {
    return [...log.iterate(1)].map(({ height, payload }) => {
      const record = decodeRecord(payload);
      return { height, timeNs: record.block.header.timeNs, txs: record.block.txs, stateRootAfter: record.stateRootAfter };
    });
  } finally {
    log.close();
  }
}

/** (public key, sign bytes, signature) of every tx: what raw verification of the same txs checks. */
export function verifyItems(chain: SendChain, blocks: readonly StoredBlock[]): VerifyItem[] {
  const items: VerifyItem[] = [];
  for (const block of blocks) {
    for (const tx of block.txs) {
      const input = verificationInput(prepareTx(tx, chain.chainId));
      if (input === undefined) throw new Error('a workload tx without a checkable signature');
      items.push(input);
    }
  }
  return items;
}

export function newScratchDir(prefix: string): string {
  return scratchDir(`pokt-ledger-bench-${prefix}-`);
}
