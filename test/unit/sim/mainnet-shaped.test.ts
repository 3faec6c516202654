/**
 * Goal: the mainnet-shaped workload (src/sim/mainnet/) makes what it claims: proofs that open
 * the right leaf of the claimed tree, relay counts whose values follow mainnet's quantiles, blocks
 * of claims, proofs and sends with a small failing share, every tx's outcome as predicted, and a
 * log that does not depend on whether trees were built on worker threads.
 * Method:
 *   - trees: for a job, every leaf's packed proof (siblingsOf/rangeAt) verifies with the module's
 *     verifyMsiProof against the packed root, and equals msiProof on a tree built by the module
 *     from relayProofBytes of the same relays (so the leaf template equals pocket's leaf bytes);
 *   - values: the sampled claim values' p50/p95 against mainnet's 3.03 / 18.18 POKT (issue 14,
 *     from pocket-core's doc/probabilistic_proofs statistics) within sampling error;
 *   - a 16-block run at scale 0.01 through the simulator (every receipt checked against its
 *     expectation, the invariants and the supply after every block), once with tree workers and
 *     once inline: byte-identical logs; its composition has claims, proofs, sends.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { bytesToHex } from '../../../src/core/hex.js';
import { Prng } from '../../../src/core/prng.js';
import { bundledMainnetGenesisPath } from '../../../src/core/paths.js';
import { aatHash, relayProofBytes } from '../../../src/messages/index.js';
import { buildMsiTree, msiLevelCount, msiProof, verifyMsiProof } from '../../../src/modules/pocketcore/index.js';
import { buildTree, rangeAt, relayOf, rootOf, siblingsOf, type TreeJob } from '../../../src/sim/mainnet/evidence.js';
import { CompositionRecorder, MAINNET_BLOCK, mainnetShape } from '../../../src/sim/mainnet/index.js';
import { sampleClaimValuePokt } from '../../../src/sim/mainnet/sessions.js';
import { simulate } from '../../../src/sim/simulator.js';
import { blockLogDir } from '../../../src/log/index.js';
import { scratch } from '../../helpers/sim.js';

const mainnet = suite('mainnet-shaped workload');
const tmp = scratch('mainnet-shaped');
mainnet.after(() => tmp.remove());

const job: TreeJob = {
  sessionHeight: 1001,
  servicerPublicKey: 'ab'.repeat(32),
  chain: '0021',
  aat: { version: '0.0.1', appPublicKey: 'cd'.repeat(32), clientPublicKey: 'ef'.repeat(32), signature: '01'.repeat(64) },
  token: '',
  relays: 37,
};

mainnet('packed trees: every leaf proof verifies against the packed root and equals the module tree built from relayProofBytes', () => {
  const withToken: TreeJob = { ...job, token: bytesToHex(aatHash(job.aat)) };
  const relays = Array.from({ length: job.relays }, (_, i) => relayOf(withToken, i));
  const packed = buildTree(withToken);
  const reference = buildMsiTree(relays.map((r) => relayProofBytes(r)));
  const root = rootOf(packed);
  assert.is(root.hash, bytesToHex(reference.root.hash));
  const node = (r: { hash: string | null; lower: bigint; upper: bigint }) => ({ hashHex: r.hash ?? '', lower: r.lower, upper: r.upper });
  for (let index = 0; index < job.relays; index++) {
    const leaf = relayProofBytes(relayOf(withToken, packed.order[index]!));
    const proof = { index: BigInt(index), target: node(rangeAt(packed, 0, index)), siblings: siblingsOf(packed, index).map(node) };
    assert.ok(verifyMsiProof(node(root), leaf, proof, msiLevelCount(BigInt(job.relays))).valid, `leaf ${index}`);
    assert.equal(proof.siblings.map((s) => s.hashHex), msiProof(reference, index).siblings.map((s) => bytesToHex(s.hash)));
  }
});

mainnet('claim values: p50 and p95 of the sampled values match mainnet (3.03 / 18.18 POKT) within sampling error', () => {
  const prng = new Prng(7n);
  const values = Array.from({ length: 20_000 }, () => sampleClaimValuePokt(prng)).sort((a, b) => a - b);
  const p50 = values[10_000]!;
  const p95 = values[19_000]!;
  assert.ok(Math.abs(p50 / MAINNET_BLOCK.claimValuePoktP50 - 1) < 0.05, `p50 ${p50}`);
  assert.ok(Math.abs(p95 / MAINNET_BLOCK.claimValuePoktP95 - 1) < 0.08, `p95 ${p95}`);
});

mainnet('shape: counts scale with --scale and never fall below a working minimum; knobs outside (0, 1] are refused', () => {
  const full = mainnetShape({ scale: 1 });
  assert.equal([full.nodes, full.apps, full.claimsPerBlock, full.sendsPerBlock], [8_000, 2_000, 1_350, 175]);
  const tiny = mainnetShape({ scale: 0.001 });
  assert.ok(tiny.nodes >= 120 && tiny.apps >= 16 && tiny.claimsPerBlock >= 8);
  assert.throws(() => mainnetShape({ scale: 0 }), /scale/);
  assert.throws(() => mainnetShape({ relayScale: 2 }), /relayScale/);
});

async function run(name: string, workers: number, recorder?: CompositionRecorder): Promise<Buffer> {
  const dataDir = join(tmp.dir, name);
  await simulate({ dataDir, genesisFile: bundledMainnetGenesisPath(), seed: 5n, profile: 'mainnet-shaped', shape: { scale: 0.01 }, blocks: 16, fsync: 'never', workers, ...(recorder === undefined ? {} : { onBlock: (r) => recorder.record(r) }) });
  return readFileSync(join(blockLogDir(dataDir), 'segment-000000000001.log'));
}

mainnet('a 16-block run: every outcome as predicted; claims, proofs and sends in the blocks; the same log with tree workers and inline', async () => {
  const recorder = new CompositionRecorder();
  const threaded = await run('threaded', 2, recorder);
  const inline = await run('inline', 0);
  assert.ok(threaded.equals(inline), 'logs differ between worker-built and inline trees');
  const summary = recorder.summary();
  assert.ok(summary.steady_blocks >= 3, `steady blocks ${summary.steady_blocks}`);
  assert.ok(summary.claims.p50 > 0 && summary.proofs.p50 > 0 && summary.sends.p50 > 0, JSON.stringify(summary));
  assert.ok(summary.failing_claim_share < 0.05);
});

mainnet.run();
