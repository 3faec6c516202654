/**
 * Replay: re-apply a data directory's block log and check the state root at every height.
 *
 * Start: genesis (default) or the newest snapshot at or below the target. Each record's block
 * is applied by the same reducer the producer used; two roots are checked per block — the
 * header's app hash (the root after the previous block, checked by applyBlock) and the record's
 * stateRootAfter. The first mismatch stops the replay with a Divergence that names the entries
 * that differ (from the record's write-set digest, runtime/divergence.ts).
 *
 * Signatures: verified on a worker pool over all cores, up to two chunks of blocks ahead of the
 * reducer (the reducer itself stays synchronous), or trusted (`trustSignatures`: the producer's
 * recorded verdicts).
 */
import { bytesToHex } from '../core/hex.js';
import { sha256 } from '../crypto/hash.js';
import { VerifyPool } from '../crypto/verify-pool.js';
import { applyBlock, BlockRejectedError, type BlockResult } from '../chain/apply-block.js';
import { blockHash } from '../chain/block.js';
import { CHAIN_META_KEY } from '../state/chain-tables.js';
import type { LedgerState } from '../chain/ledger-state.js';
import { prepareTx, trustSignature, type PreparedTx } from '../chain/prepare.js';
import { verifyOnPool } from './ingest.js';
import { decodeRecord } from '../chain/record.js';
import { BlockLog, blockLogDir } from '../log/index.js';
import { listSnapshots, readSnapshot } from '../snapshot/snapshot.js';
import { loadGenesisOfDataDir } from './data-dir.js';
import { diffWriteSets, type Divergence } from './divergence.js';

export interface ReplayProgress {
  readonly height: number;
  readonly startHeight: number;
  readonly targetHeight: number;
  readonly blocks: number;
  readonly txs: number;
}

export interface ReplayOptions {
  /** Last height to apply (default: the log's last height). */
  readonly to?: number;
  /** Start from the newest snapshot ≤ `to` instead of genesis. */
  readonly fromSnapshot?: boolean;
  readonly trustSignatures?: boolean;
  /** Worker threads for signature checks (default: all cores). */
  readonly workers?: number;
  readonly onProgress?: (progress: ReplayProgress) => void;
  readonly onBlock?: (result: BlockResult, state: LedgerState) => void;
}

export interface ReplayOutcome {
  readonly state: LedgerState;
  readonly height: number;
  readonly stateRoot: string;
  readonly startHeight: number;
  readonly startedFrom: 'genesis' | 'snapshot';
  readonly blocks: number;
  readonly txs: number;
  readonly verified: boolean;
  readonly divergence: Divergence | undefined;
}

interface LoadedBlock {
  readonly height: number;
  readonly record: ReturnType<typeof decodeRecord>;
  readonly prepared: PreparedTx[];
}

const CHUNK_TXS = 4_000;
const CHUNK_BLOCKS = 256;

export function startingState(dir: string, to: number | undefined, fromSnapshot: boolean): { state: LedgerState; startedFrom: 'genesis' | 'snapshot' } {
  if (fromSnapshot) {
    const candidates = listSnapshots(dir).filter((s) => to === undefined || s.height <= to);
    const newest = candidates[candidates.length - 1];
    if (newest !== undefined) return { state: readSnapshot(newest), startedFrom: 'snapshot' };
  }
  return { state: loadGenesisOfDataDir(dir).state, startedFrom: 'genesis' };
}

export async function replay(dir: string, options: ReplayOptions = {}): Promise<ReplayOutcome> {
  const { state, startedFrom } = startingState(dir, options.to, options.fromSnapshot === true);
  state.store.recordWriteSets = true;
  const { log } = BlockLog.open(blockLogDir(dir), { readOnly: true });
  const pool = options.trustSignatures === true ? undefined : await VerifyPool.create(options.workers === undefined ? {} : { workers: options.workers });
  const meta = state.chain.meta.get(CHAIN_META_KEY)!;
  const startHeight = meta.height;
  const targetHeight = Math.min(options.to ?? log.lastHeight, log.lastHeight);
  let blocks = 0;
  let txs = 0;
  let divergence: Divergence | undefined;
  try {
    const records = log.iterate(startHeight + 1, targetHeight)[Symbol.iterator]();
    const load = (): Promise<LoadedBlock[]> => loadChunk(records, meta.chainId, options.trustSignatures === true, pool);
    // Two chunks ahead of the reducer: the pool always has signatures queued while it applies.
    const ahead = [load(), load()];
    while (divergence === undefined) {
      const chunk = await ahead.shift()!;
      if (chunk.length === 0) break;
      ahead.push(load());
      for (const loaded of chunk) {
        divergence = applyLoaded(state, loaded);
        if (divergence !== undefined) break;
        blocks++;
        txs += loaded.prepared.length;
        options.onProgress?.({ height: loaded.height, startHeight, targetHeight, blocks, txs });
      }
    }
    await Promise.all(ahead.map((pending) => pending.catch(() => [])));
  } finally {
    await pool?.close();
    log.close();
  }
  const height = state.chain.meta.get(CHAIN_META_KEY)!.height;
  return { state, height, stateRoot: bytesToHex(state.store.root), startHeight, startedFrom, blocks, txs, verified: divergence === undefined, divergence };

  function applyLoaded(target: LedgerState, loaded: LoadedBlock): Divergence | undefined {
    const { record } = loaded;
    if (bytesToHex(sha256(record.headerBytes)) !== blockHash(record.block.header)) {
      return { height: loaded.height, kind: 'record_malformed', detail: 'header bytes are not in canonical form', expectedRoot: record.stateRootAfter, actualRoot: '', entries: [] };
    }
    let result: BlockResult;
    try {
      result = applyBlock(target, record.block, { prepared: loaded.prepared });
    } catch (error) {
      if (error instanceof BlockRejectedError) {
        return { height: loaded.height, kind: 'block_rejected', detail: `${error.code}: ${error.message}`, expectedRoot: record.stateRootAfter, actualRoot: bytesToHex(target.store.root), entries: [] };
      }
      throw error;
    }
    options.onBlock?.(result, target);
    if (result.stateRoot === record.stateRootAfter) return undefined;
    return {
      height: loaded.height,
      kind: 'state_root_mismatch',
      detail: `state root after block ${loaded.height} is ${result.stateRoot}; the log says ${record.stateRootAfter}`,
      expectedRoot: record.stateRootAfter,
      actualRoot: result.stateRoot,
      entries: diffWriteSets(record.writeSet, target.store.lastWriteSet()),
    };
  }
}

/** Read, decode and prepare the next chunk of blocks; verify its signatures on the pool. */
async function loadChunk(records: Iterator<{ height: number; payload: Uint8Array }>, chainId: string, trust: boolean, pool: VerifyPool | undefined): Promise<LoadedBlock[]> {
  const chunk: LoadedBlock[] = [];
  // Each block's signatures are posted to the pool (in slices, runtime/ingest.ts) as soon as the
  // block is decoded, so the workers start while the rest of the chunk is still being read.
  const verifying: Array<Promise<void>> = [];
  let txCount = 0;
  while (chunk.length < CHUNK_BLOCKS && txCount < CHUNK_TXS) {
    const next = records.next();
    if (next.done === true) break;
    const record = decodeRecord(next.value.payload);
    const prepared = record.block.txs.map((tx) => prepareTx(tx, chainId));
    chunk.push({ height: next.value.height, record, prepared });
    txCount += prepared.length;
    if (trust) trustRecorded(prepared, record.invalidSignatures);
    else if (pool !== undefined) verifying.push(verifyOnPool(prepared, pool));
  }
  await Promise.all(verifying);
  return chunk;
}

/** The producer's verdicts: valid unless the record lists the tx as invalid (record.ts). */
function trustRecorded(prepared: readonly PreparedTx[], invalidSignatures: readonly number[]): void {
  prepared.forEach(trustSignature);
  for (const index of invalidSignatures) {
    const tx = prepared[index];
    if (tx !== undefined) tx.signature = 'invalid';
  }
}
