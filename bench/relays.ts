/**
 * PERF: proof of relay — proof verification and session selection.
 *
 * 1. proofs: the stateless + Merkle work the ledger does for every MsgProof: validate the relay
 *    proof (the app's AAT signature and the client's relay signature, both ed25519, plus the SHA3
 *    hashes they sign) and walk the MSI tree from the leaf to the claimed root. Workload (seeded):
 *    64 servicer sessions × 1,000 relays (4,000 with --quick off), trees built once; each sample
 *    verifies P proofs of pseudorandom leaves, and checks that every one is valid. Limit: raw
 *    node:crypto verify (pre-imported KeyObjects) of the same 2·P signatures, per proof (÷ 2),
 *    sampled alternately with the subject. Goal (issue 14): ≥ 0.85 of it.
 *    Also the raw signature rate itself and the tree walk alone.
 * 2. sessions: choosing SessionNodeCount (24) nodes among N staked nodes of one chain, at
 *    N = 1,000, 10,000, 50,000 (--quick: 1,000 and 10,000):
 *      - warm: the candidate list memoised for the session height (the normal path), one
 *        session per distinct app key — sessions/s;
 *      - capture: the live per-chain index built from the table and memoised (what the chain does
 *        after committing a session start) — ms;
 *      - history: the candidate list rebuilt from committed history (after a snapshot load) — ms;
 *      - naive: a full scan of the validator table in address order per session (no index) — ms.
 *    Limit for warm: SHA3-256 of 32 bytes × the same number of draws (the walk's hashing).
 */
import { createPublicKey, hash as nodeHash, verify as nodeVerify, type KeyObject } from 'node:crypto';
import type { Prng } from '../src/core/prng.js';
import { bytesToHex, hexToBytes } from '../src/core/hex.js';
import type { Address, PublicKeyHex } from '../src/core/types.js';
import { publicKeyFromSeed } from '../src/crypto/ed25519.js';
import type { LedgerState } from '../src/chain/ledger-state.js';
import { loadGenesisState } from '../src/genesis/load.js';
import { aatHash, relayProofBytes, relayProofHash, validateBasic, type ProofMessage } from '../src/messages/index.js';
import { StakeStatus, type Validator } from '../src/modules/nodes/state.js';
import { stakedValidatorsForChain } from '../src/modules/nodes/selectors.js';
import { buildSessionEvidence, proofMessage, signAat, signRelayProof, type SessionEvidence } from '../src/sim/relay-evidence.js';
import { hexNodeOf, msiLevelCount, verifyMsiProof, type MsiHexNode } from '../src/modules/pocketcore/msi-tree.js';
import { SessionCandidates } from '../src/modules/pocketcore/session-candidates.js';
import { computeSession } from '../src/modules/pocketcore/session-service.js';
import { selectSessionNodes, sessionKey } from '../src/modules/pocketcore/session.js';
import { heightKey } from '../src/state/chain-tables.js';
import type { WireProof, WireRelayProof } from '../src/wire/types.js';
import { measurePair } from './lib/paired.js';
import type { Stats } from './lib/stats.js';
import type { BenchContext, BenchModule, Point } from './lib/types.js';

interface Key {
  readonly seed: Uint8Array;
  readonly publicKey: PublicKeyHex;
}

const keyOf = (prng: Prng): Key => {
  const seed = prng.bytes(32);
  return { seed, publicKey: bytesToHex(publicKeyFromSeed(seed)) as PublicKeyHex };
};

interface ProofCase {
  readonly proof: WireProof;
  /** The proof through ValidateBasic once, for the walk-only measurement. */
  readonly validated: ProofMessage;
  /** The claim's root as the ledger keeps it (a HashRange: the hash as hex). */
  readonly root: MsiHexNode;
  readonly levels: number;
}

function buildProofs(prng: Prng, sessions: number, relays: number, proofs: number): ProofCase[] {
  const evidences: SessionEvidence[] = [];
  for (let s = 0; s < sessions; s++) {
    const app = keyOf(prng);
    const client = keyOf(prng);
    const servicer = keyOf(prng);
    const aat = signAat(app, client.publicKey);
    const header = { appPublicKey: app.publicKey, chain: '0021', sessionHeight: 40_001 + 4 * s };
    const leaves: WireRelayProof[] = [];
    for (let i = 0; i < relays; i++) {
      leaves.push(signRelayProof(client, { aat, servicerPublicKey: servicer.publicKey, blockchain: '0021', sessionBlockHeight: header.sessionHeight, payload: `{"id":${i}}`, entropy: prng.bigint(1n << 62n) }));
    }
    evidences.push(buildSessionEvidence(header, leaves));
  }
  return Array.from({ length: proofs }, () => {
    const evidence = evidences[prng.int(evidences.length)]!;
    const proof = proofMessage(evidence, prng.int(relays));
    const validated = validatedProof(proof);
    if (validated === undefined) throw new Error('a generated proof failed ValidateBasic');
    return { proof, validated, root: hexNodeOf(evidence.tree.root), levels: msiLevelCount(BigInt(relays)) };
  });
}

function leafOf(c: ProofCase): WireRelayProof {
  if (c.proof.leaf.kind !== 'relay') throw new Error('relay leaves only');
  return c.proof.leaf.proof;
}

/** MsgProof.ValidateBasic as the ledger runs it (both relay-proof signatures verified here), or undefined when it fails. */
function validatedProof(proof: WireProof): ProofMessage | undefined {
  const result = validateBasic(proof);
  return result.ok && result.value.type === 'Proof' ? result.value : undefined;
}

/** The Merkle part of a proof's check (modules/pocketcore/proof.ts step 5) on a validated proof. */
function treeWalkHolds(c: ProofCase, { merkleProof }: ProofMessage = c.validated): boolean {
  const proof = { index: merkleProof.index, target: merkleProof.target, siblings: merkleProof.hashRanges };
  return verifyMsiProof(c.root, relayProofBytes(leafOf(c)), proof, c.levels).valid;
}

/** What the ledger checks for a proof, minus state lookups: ValidateBasic (both signatures, hashes), then the walk. */
function verifyProof(c: ProofCase): boolean {
  const validated = validatedProof(c.proof);
  return validated !== undefined && treeWalkHolds(c, validated);
}

function countValid(cases: readonly ProofCase[], check: (c: ProofCase) => boolean): number {
  let valid = 0;
  for (const c of cases) if (check(c)) valid++;
  if (valid !== cases.length) throw new Error(`only ${valid} of ${cases.length} checks passed`);
  return cases.length;
}

async function proofBenches(ctx: BenchContext): Promise<void> {
  const relays = ctx.quick ? 1_000 : 4_000;
  const count = ctx.quick ? 1_000 : 3_000;
  ctx.progress(`building 64 sessions × ${relays} signed relays`);
  const cases = buildProofs(ctx.prng(), 64, relays, count);
  const keys = new Map<string, KeyObject>();
  const keyObject = (hex: string): KeyObject => {
    let key = keys.get(hex);
    if (key === undefined) keys.set(hex, (key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(hexToBytes(hex)!).toString('base64url') }, format: 'jwk' })));
    return key;
  };
  const signatures = cases.flatMap((c) => {
    const leaf = leafOf(c);
    return [
      { key: keyObject(leaf.aat.appPublicKey), message: aatHash(leaf.aat), signature: hexToBytes(leaf.aat.signature)! },
      { key: keyObject(leaf.aat.clientPublicKey), message: relayProofHash(leaf), signature: hexToBytes(leaf.signature)! },
    ];
  });
  // Limit and subject sampled alternately (bench/lib/paired.ts): the ratio survives a noisy machine.
  const { limit: raw, subject: proofs } = await measurePair(
    ctx,
    {
      label: 'raw crypto.verify of the proofs’ 2 signatures each',
      run: () => {
        let valid = 0;
        for (const s of signatures) if (nodeVerify(null, s.message, s.key, s.signature)) valid++;
        if (valid !== signatures.length) throw new Error('a signature failed');
        return signatures.length;
      },
    },
    { label: 'proof verification (AAT sig + client sig + hashes + tree walk)', run: () => countValid(cases, verifyProof) },
  );
  const walkStats = await ctx.measure({
    label: 'tree walk only',
    run: () => countValid(cases, (c) => treeWalkHolds(c)),
  });
  const workload = { proofs: count, sessions: 64, relays_per_session: relays, levels: msiLevelCount(BigInt(relays)), signatures_per_proof: 2 };
  ctx.report({ case: 'proofs/verify', workload, metric: 'proofs_per_s', stats: proofs, limit: { what: 'raw node:crypto ed25519 verify (pre-imported KeyObjects) of the same 2 signatures per proof, 1 core, sampled alternately', median: raw.median / 2 }, extra: { goal_ratio_to_limit: 0.85 } });
  ctx.report({ case: 'proofs/raw-signatures', workload: { signatures: signatures.length }, metric: 'verifies_per_s', stats: raw });
  ctx.report({ case: 'proofs/tree-walk', workload, metric: 'walks_per_s', stats: walkStats });
}

/** The bundled mainnet genesis plus `n` validators staked for chain BEEF, committed at height 1. */
function stateWithNodes(prng: Prng, n: number): LedgerState {
  const { state } = loadGenesisState();
  for (let i = 0; i < n; i++) {
    const address = bytesToHex(prng.bytes(20)) as Address;
    const validator: Validator = {
      address,
      publicKey: bytesToHex(prng.bytes(32)) as PublicKeyHex,
      jailed: prng.chance(0.02),
      status: StakeStatus.Staked,
      chains: ['BEEF'],
      serviceUrl: 'https://n.example.com:443',
      tokensUpokt: 15_000_000_000n,
      unstakingTimeNs: null,
      outputAddress: null,
      rewardDelegators: null,
    };
    state.nodes.validators.set(address, validator);
  }
  state.chain.blockHashes.set(heightKey(1), bytesToHex(prng.bytes(32)));
  // The docs-snapshot SessionNodeCount (PROTOCOL §2.3): 24 nodes per session.
  state.gov.params.set('pocketcore/SessionNodeCount', { key: 'pocketcore/SessionNodeCount', value: 24n });
  state.store.commitBlock(1);
  return state;
}

async function sessionBenches(ctx: BenchContext): Promise<void> {
  const sizes = ctx.quick ? [1_000, 10_000] : [1_000, 10_000, 50_000];
  const count = 24;
  const warm: Point[] = [];
  const capture: Point[] = [];
  const history: Point[] = [];
  // The scale lines' figure is the largest size's measurement, with its own min–max and samples.
  let largest: { warm: Stats; capture: Stats; history: Stats } | undefined;
  for (const n of sizes) {
    const prng = ctx.prng();
    ctx.progress(`state with ${n} nodes on chain BEEF`);
    const state = stateWithNodes(prng, n);
    const apps = Array.from({ length: 2_000 }, () => bytesToHex(prng.bytes(32)) as PublicKeyHex);
    let draws = 0;
    const warmStats = await ctx.measure({
      label: `warm session selection, ${n} nodes`,
      run: () => {
        draws = 0;
        for (const app of apps) {
          const result = computeSession(state, { appPublicKey: app, chain: 'BEEF', sessionHeight: 1 }, 1, { kind: 'now' });
          if (!result.ok || result.value.nodes.length !== count) throw new Error('session failed');
          draws += result.value.draws;
        }
        return apps.length;
      },
    });
    const keys = apps.map((app) => sessionKey(app, 'BEEF', state.chain.blockHashes.get(heightKey(1))!));
    const sha = await ctx.measure({
      label: `raw SHA3-256 × the walks' draws (${draws})`,
      run: () => {
        const perSession = Math.ceil(draws / apps.length);
        for (const key of keys) {
          let k: Uint8Array = key;
          for (let i = 0; i < perSession; i++) k = nodeHash('sha3-256', k, 'buffer') as unknown as Uint8Array;
        }
        return apps.length;
      },
    });
    ctx.report({ case: `sessions/warm-${n}`, workload: { nodes: n, session_node_count: count, sessions: apps.length, draws_per_session: Number((draws / apps.length).toFixed(2)) }, metric: 'sessions_per_s', stats: warmStats, limit: { what: 'raw node:crypto SHA3-256 of the same number of 32-byte draws', median: sha.median } });
    warm.push({ n, value: warmStats.median });
    const captureStats = await ctx.measure({
      label: `capture: build the live index and memoise, ${n} nodes`,
      mode: 'time',
      run: () => {
        const candidates = new SessionCandidates(state.nodes.validators);
        candidates.captureCommitted(1);
        if (candidates.at('BEEF', 1).length !== n) throw new Error('index size');
        return 1;
      },
    });
    ctx.report({ case: `sessions/capture-${n}`, workload: { nodes: n }, metric: 'ms_per_build', stats: captureStats });
    capture.push({ n, value: captureStats.median });
    const historyStats = await ctx.measure({
      label: `rebuild from history (snapshot path), ${n} nodes`,
      mode: 'time',
      run: () => {
        const candidates = new SessionCandidates(state.nodes.validators);
        if (candidates.at('BEEF', 1).length !== n) throw new Error('index size');
        return 1;
      },
    });
    ctx.report({ case: `sessions/history-${n}`, workload: { nodes: n }, metric: 'ms_per_build', stats: historyStats });
    history.push({ n, value: historyStats.median });
    largest = { warm: warmStats, capture: captureStats, history: historyStats };
    const naive = await ctx.measure({
      label: `naive: sorted scan of the validator table per session, ${n} nodes`,
      mode: 'time',
      run: () => {
        const candidates = stakedValidatorsForChain(state.nodes.validators, 'BEEF');
        const result = selectSessionNodes({ chain: 'BEEF', key: keys[0]!, candidates, count, maxChains: 15n, lookup: (a) => state.nodes.validators.get(a) });
        if (!result.ok) throw new Error('session failed');
        return 1;
      },
      samples: 5,
    });
    ctx.report({ case: `sessions/naive-scan-${n}`, workload: { nodes: n }, metric: 'ms_per_session', stats: naive });
  }
  ctx.report({ case: 'sessions/warm-scale', workload: { sizes }, metric: 'sessions_per_s', stats: largest!.warm, points: warm });
  ctx.report({ case: 'sessions/capture-scale', workload: { sizes }, metric: 'ms_per_build', stats: largest!.capture, points: capture });
  ctx.report({ case: 'sessions/history-scale', workload: { sizes }, metric: 'ms_per_build', stats: largest!.history, points: history });
}

export const benchmark: BenchModule = {
  name: 'relays',
  description: 'proof verification (2 signatures + MSI walk) vs raw ed25519; session selection at 1k/10k/50k nodes per chain (warm, capture, history rebuild, naive scan)',
  async run(ctx) {
    await proofBenches(ctx);
    await sessionBenches(ctx);
  },
};
