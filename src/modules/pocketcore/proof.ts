/**
 * MsgProof (PROTOCOL §4.5–4.8; x/pocketcore/handler.go:60-98, keeper/proof.go:111-217): the
 * servicer opens the leaf the chain picked pseudorandomly; a valid opening mints the relay
 * reward and settles the claim. Checks in pocket-core's order:
 *
 *   1. the claim of (signer = servicer of the leaf, leaf's session header, evidence type) must be
 *      live ⇒ else pocketcore:65
 *   2. number of sibling levels ≠ ceil(log2(total_proofs)) ⇒ pocketcore:49
 *   3. no sibling and not the target has upper == root.upper ⇒ pocketcore:66
 *   4. the seed block (proofHeight − 1, proofHeight = SBH + CSW·BPS at the session start) must be
 *      committed ⇒ else sdk:1; proof index ≠ pseudorandom index ⇒ pocketcore:49
 *   5. the Merkle walk (msi-tree.ts; parents index-hashed when [CODEC] is active at SBH): replay
 *      attack and [REPBR] ⇒ pocketcore:86 WITH side effects — the stake
 *      burn of rewards.ts and the claim's deletion persist (ReplayAttackDetected); any other
 *      failure ⇒ pocketcore:66, the claim stays and may be proved again until it expires
 *   6. the app at the session start ⇒ else pocketcore:45; the leaf's session height must equal
 *      the claim's ⇒ 60; the leaf's chain among the app's chains ⇒ 13
 * Valid ⇒ ProofAccepted (claim deleted, remembered as settled) + RelaysRewarded (the plan).
 * A reward or burn beyond pocket-core's decimal range (a PIP-22 exponent far off the defaults)
 * panics there and is sdk:1 here, with the claim left live (rewards.ts isDecimalPanic).
 *
 * The AAT's app signature and the client's signature over the leaf were verified statelessly
 * before the tx reached the chain (messages/relay-proof.ts: pocketcore:4 / pocketcore:41), like
 * pocket-core's MsgProof.ValidateBasic.
 *
 * Expiry is not re-checked: BeginBlock deletes expired claims before any tx runs (hooks.ts).
 */
import type { TxContext } from '../../core/block-context.js';
import type { PublicKeyHex } from '../../core/types.js';
import { accepted, rejected, rejectedWithSideEffects, type Outcome } from '../../core/outcome.js';
import { codeOf, rejection, type RejectionCode } from '../../core/rejection.js';
import { POCKETCORE, SDK, relayProofBytes, wireProofOfLeaf, type ProofMessage, type RelayProofLeaf } from '../../messages/index.js';
import type { WireRelayProof } from '../../wire/types.js';
import { planForceUnstake, type NodeForceUnstakeQueued } from '../nodes/index.js';
import type { PocketcoreEvent } from './events.js';
import { msiLevelCount, verifyMsiProof } from './msi-tree.js';
import { proofHeight, proofIndex } from './proof-index.js';
import { isDecimalPanic, planRelayReward, planReplayBurn } from './rewards.js';
import { sessionHeaderHash, type SessionHeaderKey } from './session.js';
import { claimKey, type ClaimRecord } from './state.js';
import { inactiveFeatures } from '../gov/index.js';
import { appAddressOf, blockHashAt, type PocketcoreView } from './view.js';

export type ProofEvent = PocketcoreEvent | NodeForceUnstakeQueued;

const fail = (code: Parameters<typeof rejection>[0], log: string): Outcome<ProofEvent> => rejected(rejection(code, log));

/** The claim it addressed stays live: rejected, with the attempt recorded (ProofRejected, no state change). */
function refuse(claim: { readonly key: string; readonly servicer: ClaimRecord['servicer']; readonly sessionHeight: number }, code: RejectionCode, log: string): Outcome<ProofEvent> {
  const refusal = rejection(code, log);
  return rejectedWithSideEffects(refusal, [{ type: 'ProofRejected', ...claim, code: codeOf(refusal), name: refusal.name, reason: log }]);
}

/** The leaf as it was signed (RelayProof.Bytes hashes the strings as sent). */
export function wireRelayProofOf(leaf: RelayProofLeaf): WireRelayProof {
  // The decoded proof it was validated from has these very fields (and its bytes memoised).
  const original = wireProofOfLeaf(leaf);
  if (original !== undefined) return original;
  return {
    requestHash: leaf.requestHash,
    entropy: leaf.entropy,
    sessionBlockHeight: BigInt(leaf.sessionBlockHeight),
    servicerPublicKey: leaf.servicerPublicKeyAsSigned,
    blockchain: leaf.blockchainAsSigned,
    aat: leaf.aatAsSigned,
    signature: leaf.signature,
  };
}

/**
 * RelayProof.SessionHeader() (x/pocketcore/types/proof.go:146-152): the AAT's app key AS SIGNED,
 * the leaf's chain (canonical, PROTOCOL §12.2 item 11) and session height. The key is hashed as
 * written, as pocket-core's GetClaim does (keeper/proof.go:115): a claim is stored only under the
 * lower-case key (claim.ts step 10, 61 otherwise), so a leaf whose AAT writes the key in upper
 * case finds no claim (65) — lower-casing it would reward leaves pocket-core refuses.
 */
export function leafSessionHeader(leaf: RelayProofLeaf): SessionHeaderKey {
  return { appPublicKey: leaf.aatAsSigned.appPublicKey as PublicKeyHex, chain: leaf.blockchain, sessionHeight: leaf.sessionBlockHeight };
}

const DECIMAL_PANIC_LOG = 'the PIP-22 reward or burn leaves the decimal range: pocket-core panics in the proof handler and answers sdk:1; the claim stays';

/**
 * A reward or burn plan, or undefined where pocket-core's decimal arithmetic would panic: the
 * panic unwinds the handler before any write and runTx answers sdk:1 (rewards.ts isDecimalPanic).
 */
function unlessDecimalPanic<T>(plan: () => T): T | undefined {
  try {
    return plan();
  } catch (error) {
    if (isDecimalPanic(error)) return undefined;
    throw error;
  }
}

export function decideProof(view: PocketcoreView, msg: ProofMessage, ctx: Pick<TxContext, 'height' | 'inactiveFeatures'>): Outcome<ProofEvent> {
  const { leaf, merkleProof } = msg;
  const off = ctx.inactiveFeatures;
  // 1
  const servicer = leaf.servicerAddress;
  const key = claimKey(servicer, sessionHeaderHash(leafSessionHeader(leaf)), msg.evidenceType);
  const claim = view.pocketcore.claims.get(key);
  if (claim === undefined) return fail(POCKETCORE.claim_not_found, `no pending claim of ${servicer} for this session`);
  const attempt = { key, servicer, sessionHeight: claim.header.sessionHeight };
  // 2
  const levels = msiLevelCount(claim.totalProofs);
  if (merkleProof.hashRanges.length !== levels) {
    return refuse(attempt, POCKETCORE.invalid_proofs, `the proof has ${merkleProof.hashRanges.length} levels; a claim of ${claim.totalProofs} relays has ${levels}`);
  }
  // 3
  const rootUpper = claim.merkleRoot.upper;
  if (!merkleProof.hashRanges.some((range) => range.upper === rootUpper) && merkleProof.target.upper !== rootUpper) {
    return refuse(attempt, POCKETCORE.merkle_verification_failed, 'no node of the proof reaches the root range');
  }
  // 4
  const sessionHeight = claim.header.sessionHeight;
  const session = view.paramsAt(sessionHeight);
  const seedHeight = proofHeight(sessionHeight, session.pocketcore.claimSubmissionWindow, session.pos.blocksPerSession);
  const seedHash = ctx.height >= seedHeight ? blockHashAt(view, seedHeight - 1) : undefined;
  if (seedHash === undefined) return refuse(attempt, SDK.internal_error, `block at height ${seedHeight} not found: proofs of session ${sessionHeight} are accepted from height ${seedHeight}`);
  const index = proofIndex(seedHash, claim.headerHash, claim.totalProofs);
  if (index !== merkleProof.index) return refuse(attempt, POCKETCORE.invalid_proofs, `the proof opens leaf ${merkleProof.index}; the chain asks for leaf ${index}`);
  // 5
  const verdict = verifyMsiProof(
    claim.merkleRoot,
    relayProofBytes(wireRelayProofOf(leaf)),
    { index: merkleProof.index, target: merkleProof.target, siblings: merkleProof.hashRanges },
    levels,
    // [CODEC] as of the session height (merkle.go:166-171: IsAfterCodecUpgrade(SBH)).
    { indexedParents: !inactiveFeatures(view.params().gov.upgrade, sessionHeight).has('CODEC') },
  );
  if (!verdict.valid && verdict.replayAttack && !off.has('REPBR')) {
    const current = view.params();
    const validator = view.nodes.validators.get(servicer);
    const burn = unlessDecimalPanic(() => planReplayBurn({
      servicer,
      totalProofs: claim.totalProofs,
      validator,
      pos: current.pos,
      replayAttackBurnMultiplier: current.pocketcore.replayAttackBurnMultiplier,
      inactiveFeatures: off,
    }));
    if (burn === undefined) return refuse(attempt, SDK.internal_error, DECIMAL_PANIC_LOG);
    const forced = burn.forceUnstake && validator !== undefined ? planForceUnstake({ ...validator, tokensUpokt: burn.tokensAfterUpokt ?? 0n }, 'stake_below_minimum') : [];
    return rejectedWithSideEffects(rejection(POCKETCORE.replay_attack, `replay attack: the proof does not lead to the claimed root; ${burn.burnedUpokt}upokt burned`), [
      { type: 'ReplayAttackDetected', key, sessionHeight, burn },
      ...forced,
    ]);
  }
  if (!verdict.valid) return refuse(attempt, POCKETCORE.merkle_verification_failed, 'the Merkle proof does not verify');
  // 6
  const app = view.apps.applications.getAt(appAddressOf(claim.header.appPublicKey), sessionHeight);
  if (app === undefined) return refuse(attempt, POCKETCORE.application_not_found, `no application with key ${claim.header.appPublicKey} at session height ${sessionHeight}`);
  if (leaf.sessionBlockHeight !== sessionHeight) return refuse(attempt, POCKETCORE.invalid_block_height, 'the leaf belongs to another session');
  if (!app.chains.includes(leaf.blockchain)) return refuse(attempt, POCKETCORE.chain_not_staked_by_app, `the application is not staked for chain ${leaf.blockchain}`);
  const current = view.params();
  const plan = unlessDecimalPanic(() => planRelayReward({
    servicer: claim.servicer,
    chain: claim.header.chain,
    relays: claim.totalProofs,
    validator: view.nodes.validators.get(claim.servicer),
    pos: current.pos,
    auth: current.auth,
    inactiveFeatures: off,
  }));
  if (plan === undefined) return refuse(attempt, SDK.internal_error, DECIMAL_PANIC_LOG);
  return accepted(
    { type: 'ProofAccepted', key, servicer, sessionHeight, totalProofs: claim.totalProofs, index },
    { type: 'RelaysRewarded', key, plan },
  );
}
