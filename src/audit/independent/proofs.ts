/**
 * Proofs as the audit decides them, written from PROTOCOL §4.5–§4.8 (pocket-core
 * x/pocketcore/keeper/proof.go:111-171 and 219-241, handler.go:60-98; checked against
 * RC-0.12.0). Before the handler, the relay proof's signatures (relay-proof.ts: pocketcore:4 /
 * 41, no fee). Then in pocket-core's order, first failure wins:
 *   no live claim for (servicer = the leaf's servicer, the leaf's session header, type) → pocketcore:65
 *   #sibling levels ≠ ceil(log2(total_proofs)) → pocketcore:49
 *   no sibling and not the target reaches root.upper → pocketcore:66
 *   h < proofHeight = SBH + CSW·BPS (session-start params): the seed block is unknown → sdk:1
 *   index ≠ uint64_BE(SHA3({"BlockHash":<hash of block proofHeight − 1>,"Header":<header hash>})[0:8]) mod total_proofs → pocketcore:49
 *   the Merkle walk (merkle.ts): replay attack → pocketcore:86 (the claim is burned and
 *   settled although the tx fails); otherwise invalid → pocketcore:66 (the claim stays)
 *   the app (key → address) none at SBH → pocketcore:45; leaf SBH ≠ claim SBH → 60; leaf
 *   chain ∉ the app's chains at SBH → 13
 * else delivered (the claim is settled and rewarded).
 *
 * Worked example of the seed (BPS 4, CSW 3): session 5's proofs are accepted from height 17,
 * seeded by the hash of block 16.
 */
import type { ProofMessage } from '../../messages/index.js';
import type { WireProof } from '../../wire/index.js';
import { sha3_256 } from '../../crypto/hash.js';
import { claimKey, type PocketcoreWorld } from './claims.js';
import { levelsFor, verifyMsiProof, type MsiNode } from './merkle.js';
import { pseudorandomIndex } from './sessions.js';
import { signerAddress } from './address.js';

/** The claim a proof addresses (its servicer, the leaf's session header, the evidence type). */
export function proofClaimKey(message: ProofMessage): string {
  const leaf = message.leaf;
  // The AAT's app key as signed (proof.go:146-152): claims are keyed by the lower-case key.
  return claimKey(leaf.servicerAddress, leaf.aatAsSigned.appPublicKey, leaf.blockchain, leaf.sessionBlockHeight, message.evidenceType);
}

/** The proof's code, or undefined where the audit cannot decide it (an imported claim, an upgrade naming a feature). */
export function decideProof(world: PocketcoreWorld, message: ProofMessage, wire: WireProof, leafBytes: Uint8Array, height: number): string | undefined {
  const claim = world.claims.get(proofClaimKey(message));
  if (claim === undefined) return 'pocketcore:65';
  const start = world.history.at(claim.sessionHeight);
  if (claim.root === null || start === undefined || world.featuresChanged()) return undefined;
  const levels = levelsFor(claim.totalProofs);
  const { merkleProof } = wire;
  if (merkleProof.hashRanges.length !== levels) return 'pocketcore:49';
  const rootUpper = claim.root.upper;
  if (!merkleProof.hashRanges.some((r) => r.upper === rootUpper) && merkleProof.target.upper !== rootUpper) return 'pocketcore:66';
  // proof.go:228 in Go int64 (wrapping), over the params as stored: ClaimSubmissionWindow 2^63 − 1 at BPS 4 → SBH − 4.
  const seedHeight = Number(BigInt.asIntN(64, BigInt(claim.sessionHeight) + start.params.claimSubmissionWindow * start.params.blocksPerSessionInt64));
  const seedHash = height >= seedHeight ? world.history.blockHash(seedHeight - 1) : undefined;
  if (seedHash === undefined) return height >= seedHeight ? undefined : 'sdk:1';
  if (proofIndex(seedHash, claim.headerHash, claim.totalProofs) !== merkleProof.index) return 'pocketcore:49';
  const root = { hash: hexBytes(claim.root.hashHex), lower: claim.root.lower, upper: rootUpper };
  const verdict = verifyMsiProof(root, leafBytes, merkleProof.index, node(merkleProof.target), merkleProof.hashRanges.map(node), levels);
  if (!verdict.valid) return verdict.replayAttack ? 'pocketcore:86' : 'pocketcore:66';
  const app = start.apps.get(signerAddress(message.leaf.aat.appPublicKey) ?? '');
  if (app === undefined) return 'pocketcore:45';
  if (message.leaf.sessionBlockHeight !== claim.sessionHeight) return 'pocketcore:60';
  if (!app.chains.includes(message.leaf.blockchain)) return 'pocketcore:13';
  return 'ok';
}

/** The leaf the chain asks for (§4.5): the seed JSON's field names are Go's struct fields. */
export function proofIndex(seedBlockHash: string, headerHash: string, totalProofs: bigint): bigint {
  return pseudorandomIndex(sha3_256(`{"BlockHash":${JSON.stringify(seedBlockHash)},"Header":${JSON.stringify(headerHash)}}`), totalProofs);
}

function node(range: { readonly hash: string | null; readonly lower: bigint; readonly upper: bigint }): MsiNode {
  return { hash: hexBytes(range.hash ?? ''), lower: range.lower, upper: range.upper };
}

function hexBytes(hex: string): Uint8Array {
  return new Uint8Array(Buffer.from(hex, 'hex'));
}
