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
 *   2. the txs (FIFO within the block's byte budget) are prepared and their signatures verified
 *      on the worker pool; ChainWriter.produce builds the header (proposer lottery, last commit),
 *      applies the block with the same reducer replay uses, and appends it to the log;
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
import { sha256 } from '../crypto/hash.js';
import { VerifyPool } from '../crypto/verify-pool.js';
import { decodeRecord } from '../chain/record.js';
import { CHAIN_META_KEY } from '../state/chain-tables.js';
import { totalSupply } from '../modules/auth/index.js';
import { BlockLog, blockLogDir } from '../log/index.js';
import { ChainWriter } from '../runtime/chain-writer.js';
import { prepareVerified } from '../runtime/ingest.js';
import { prefixWithinBudget, txBudgetBytes } from '../node/block-budget.js';
import { checkInvariants, InvariantWatch } from './invariants.js';
import { simKeySets } from './sim-genesis.js';
import { deriveSimKey, drawEntropy, SimSigner } from './sim-keys.js';
import { openOrCreateSimulation } from './sim-setup.js';
import { SupplyLedger } from './supply.js';
import { findWorkload } from './workloads/index.js';
export const DEFAULT_BLOCK_INTERVAL_NS = 15n * 60n * 1000000000n;
/** A simulated block broke an expectation, an invariant or the supply rule. */
export class SimulationFailure extends Error {
    seed;
    height;
    kind;
    context;
    name = 'SimulationFailure';
    constructor(seed, height, kind, 
    /** The facts (not named `details`: uvu's reporter prints nothing for an object `details`). */
    context, message) {
        super(`simulation failed (seed ${seed}, height ${height}): ${message} — rerun with --seed ${seed} to reproduce`);
        this.seed = seed;
        this.height = height;
        this.kind = kind;
        this.context = context;
    }
}
/** u64 from H("pokt-ledger sim prng|seed|height|workload"): one independent stream per block and workload. */
export function streamSeed(seed, height, workload) {
    const digest = sha256(`pokt-ledger sim prng|${seed}|${height}|${workload}`);
    return new DataView(digest.buffer, digest.byteOffset, 8).getBigUint64(0, false);
}
export async function simulate(options) {
    const { manifest, created } = openOrCreateSimulation(options);
    const writer = await ChainWriter.open(options.dataDir, { fsync: options.fsync ?? 'always', snapshotEvery: options.snapshotEvery ?? 0 });
    let pool;
    try {
        const workers = options.workers;
        pool = workers === 0 ? undefined : await VerifyPool.create(workers === undefined ? {} : { workers });
        // A failed check stops the run after its block was appended: the log stays a valid chain
        // (the block is what the reducer produced); the failure is in what the workload expected.
        return await run(writer, manifest, created, options, pool);
    }
    finally {
        await pool?.close();
        writer.close();
    }
}
async function run(writer, manifest, created, options, pool) {
    const settings = { seed: BigInt(manifest.seed), ...(manifest.shape === undefined ? {} : { shape: manifest.shape }), ...(options.workers === undefined ? {} : { workers: options.workers }) };
    const workloads = manifest.workloads.map(({ name }) => findWorkload(name, options.registry).create(settings));
    try {
        return await runBlocks(writer, manifest, created, options, pool, workloads);
    }
    finally {
        for (const workload of workloads)
            await workload.close?.();
    }
}
async function runBlocks(writer, manifest, created, options, pool, workloads) {
    const keys = simKeySets(manifest);
    const seed = BigInt(manifest.seed);
    const signer = new SimSigner();
    const chainId = writer.config.chain_id;
    const startHeight = writer.height;
    const targetHeight = startHeight + options.blocks;
    const supply = new SupplyLedger(totalSupply(writer.state.auth));
    const outcomes = {};
    let previousBlockTxs = tipTxs(options.dataDir, startHeight);
    let txCount = 0;
    const invariants = new InvariantsAfterBlocks();
    while (writer.height < targetHeight) {
        const height = writer.height + 1;
        const timeNs = writer.lastBlockTimeNs + (options.blockIntervalNs ?? DEFAULT_BLOCK_INTERVAL_NS);
        const contextFor = (workload) => makeContext({ workload, height, timeNs, seed, chainId, writer, manifest, keys, signer, previousBlockTxs, txsPerBlock: options.txsPerBlock ?? 20 });
        for (const workload of workloads)
            await workload.prepare?.(contextFor(workload));
        const { proposals, faults } = collect(workloads, contextFor);
        const included = prefixWithinBudget(proposals, (p) => p.bytes, txBudgetBytes(writer.state, timeNs));
        const txs = included.map((p) => p.bytes);
        const prepared = pool === undefined ? undefined : await prepareVerified(txs, chainId, pool);
        const offline = faults.offline;
        const produced = writer.produce({ timeNs, txs, signed: (address) => !offline.has(address), evidence: faults.evidence }, prepared);
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
    watch;
    blocks = 0;
    violations(state, last) {
        if (this.watch?.state !== state)
            this.watch = new InvariantWatch(state);
        this.blocks += 1;
        const watched = this.watch.check();
        if (watched.length > 0 || (!last && this.blocks % FULL_CHECK_EVERY !== 0))
            return watched;
        return checkInvariants(state);
    }
}
/** The txs of the block at the tip (what workloads may resubmit), read from the log. */
function tipTxs(dataDir, height) {
    if (height === 0)
        return [];
    const { log } = BlockLog.open(blockLogDir(dataDir), { readOnly: true });
    try {
        return decodeRecord(log.read(height)).block.txs;
    }
    finally {
        log.close();
    }
}
function collect(workloads, contextFor) {
    const proposals = [];
    const offline = new Set();
    const evidence = [];
    for (const workload of workloads) {
        const ctx = contextFor(workload);
        for (const tx of workload.propose(ctx))
            proposals.push({ ...tx, workload: workload.name });
        const faults = workload.faults?.(ctx) ?? {};
        for (const address of faults.offline ?? [])
            offline.add(address);
        evidence.push(...(faults.evidence ?? []));
    }
    return { proposals, faults: { offline, evidence } };
}
function makeContext(input) {
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
        newKey: (label) => deriveSimKey(seed, `fresh:${height}:${workload.name}:${label}`, 0),
        sign: (key, msg, options = {}) => signer.signTx(key, { chainId: options.chainId ?? input.chainId, msg, feeUpokt: options.feeUpokt ?? 10000n, memo: options.memo ?? '', entropy: drawEntropy(prng) }, options.signWith ?? key).bytes,
    };
}
function outcomeOf(receipt) {
    return receipt.code === 0 ? 'ok' : `${receipt.codespace}:${receipt.code}`;
}
function checkBlock(seed, height, proposals, result, writer, supply, outcomes, violations) {
    proposals.forEach((proposal, index) => {
        const receipt = result.receipts[index];
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
    if (meta?.height !== height)
        throw new SimulationFailure(seed, height, 'invariant', { height: meta?.height }, 'the chain did not advance');
}
//# sourceMappingURL=simulator.js.map