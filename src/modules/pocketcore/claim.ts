/**
 * MsgClaim (PROTOCOL §4.3–4.4; x/pocketcore/handler.go:38-57, keeper/claim.go:144-248): a
 * servicer commits to the Merkle root of the relays it served in one session, inside the claim
 * window. pocket-core's checks run first, in its order and with its codes:
 *
 *   1. evidence type 0 ⇒ pocketcore:84
 *   2. the session-start state (SBH) must exist ⇒ else sdk:1 (SBH = h is the live state: it
 *      exists, and step 3 rejects it)
 *   3. the session must have ended: h ≤ SBH + BPS − 1 ⇒ pocketcore:60
 *   4. total_proofs < MinimumNumberOfProofs (session-start params) ⇒ pocketcore:49
 *   5. chain ∉ SupportedBlockchains (session start) ⇒ pocketcore:53
 *   6. from_address not a validator at the session start ⇒ pocketcore:48
 *   7. the app (by public key) not at the session start ⇒ pocketcore:45
 *   8. [MREL] total_proofs > MaxPossibleRelays(app, SessionNodeCount) ⇒ pocketcore:71
 *   9. [MAXCH] the app staked for more than application/MaximumChains chains ⇒ pocketcore:91
 *      (features: gov/features.ts; active unless the upgrade param switches them off — [MAXCH]
 *      off also stops the session walk skipping over-chained nodes; the walk reads the flag at
 *      the session's end height, this step at the claim's height, as pocket-core does)
 *  10. the session (start state, nodes checked in the end state) and Session.Validate:
 *      insufficient nodes 17; header key ≠ the app's key 61; chain ∉ app chains 13; servicer not
 *      among the session's nodes 14
 *  11. the claim window has closed: h > SBH + CSW·BPS (CURRENT params) ⇒ pocketcore:69
 * then the ledger's own rules (ledger codespace, PROTOCOL §12.2 item 3):
 *  L1. evidence type 2 (challenge) ⇒ ledger:7 — challenge proofs are not supported, and in
 *      pocket-core a relay leaf proving a challenge claim mints without deleting that claim;
 *      checked right after step 1.
 *  L2. SBH is not a session start (SBH mod BPS ≠ 1 at the session-start params) ⇒ ledger:12;
 *      checked right after step 2. pocket-core does not check: any height's block hash then
 *      seeds a different node selection, so a node could search for a height that selects it.
 *  L3. a claim for the same key is live ⇒ ledger:11; the same key was already settled (proved or
 *      burned) ⇒ ledger:13. pocket-core overwrites a live claim (resetting its expiry) and, since
 *      a proof is processable at SBH + CSW·BPS — the last height a claim is accepted — a settled
 *      session could be claimed and rewarded a second time. First claim wins; idempotent.
 *
 * Stored: the claim with expiration_height = h + ClaimExpiration·BPS (both session-start params;
 * TV-15: claim at 1, ClaimExpiration 100, BPS 25 → 2501).
 *
 * DEV_NOTE: claims are keyed by the canonical header (lower-case app key, upper-case chain); a
 * header whose app key is not lower-case fails step 10 with 61, as in pocket-core (its app's
 * RawString is lower-case); a lower-case hex chain id is accepted as its upper-case form
 * (PROTOCOL §12.2 item 11) where pocket-core would find no match.
 */
import type { TxContext } from '../../core/block-context.js';
import { accepted, rejected, type Outcome } from '../../core/outcome.js';
import { rejection } from '../../core/rejection.js';
import { LEDGER, POCKETCORE, SDK, type ClaimMessage } from '../../messages/index.js';
import { maxPossibleRelays } from '../apps/index.js';
import { inactiveFeatures } from '../gov/index.js';
import type { PocketcoreEvent } from './events.js';
import { proofHeight } from './proof-index.js';
import { computeSessionAtEnd } from './session-service.js';
import { int64Height, isSessionStart, sessionEndHeight } from './session-heights.js';
import type { SessionHeaderKey } from './session.js';
import { claimKey } from './state.js';
import { appAddressOf, historyFloor, type PocketcoreView } from './view.js';

/**
 * SetClaim's expiration (claim.go:232-239): claimHeight + ClaimExpiration·BPS, both at the
 * session start. TV-15 (claim_test.go:115-160): claim at 1, 100 sessions of 25 blocks → 2501.
 * Go computes it in int64 and wraps: ClaimExpiration 2^63 − 1 at BPS 4 is 6 + (−4) = 2 for a
 * claim at 6, deleted by the next BeginBlock (claim.go:385). A result beyond ±(2^53 − 1) is
 * stored as that bound — heights are JS numbers here — which expires exactly when Go's does
 * (never, or at once); only the printed expiration_height differs (docs/protocol-choices.md).
 */
export function claimExpirationHeight(claimHeight: number, claimExpirationSessions: bigint, blocksPerSession: bigint): number {
  return int64Height(BigInt(claimHeight) + claimExpirationSessions * blocksPerSession);
}

const fail = (code: Parameters<typeof rejection>[0], log: string): Outcome<PocketcoreEvent> => rejected(rejection(code, log));

export function decideClaim(view: PocketcoreView, msg: ClaimMessage, ctx: Pick<TxContext, 'height' | 'inactiveFeatures'>): Outcome<PocketcoreEvent> {
  const height = ctx.height;
  const maxChainsEnforced = !ctx.inactiveFeatures.has('MAXCH');
  const sessionHeight = msg.header.sessionHeight;
  // 1, L1
  if ((msg.evidenceType as number) === 0) return fail(POCKETCORE.evidence_type_missing, 'the evidence type is missing');
  if (msg.evidenceType !== 1) return fail(LEDGER.challenge_proof_unsupported, 'challenge claims are not supported: only relay evidence (type 1) can be claimed');
  // 2 (a session height equal to the current height is not missing: PrevCtx(h) is the live state
  // (types/context.go:239-246), so such a claim goes on to step 3 and gets 60, not sdk:1)
  if (sessionHeight > height || sessionHeight < historyFloor(view)) {
    return fail(SDK.internal_error, `no committed state at session height ${sessionHeight} (current height ${height}, history floor ${historyFloor(view)})`);
  }
  const session = sessionHeight === height ? view.params() : view.paramsAt(sessionHeight);
  const blocksPerSession = Number(session.pos.blocksPerSession);
  // L2
  if (!isSessionStart(sessionHeight, blocksPerSession)) {
    return fail(LEDGER.claim_not_at_session_start, `session height ${sessionHeight} does not start a session (height mod ${blocksPerSession} ≠ 1)`);
  }
  // 3
  const endHeight = sessionEndHeight(sessionHeight, blocksPerSession);
  if (height <= endHeight) return fail(POCKETCORE.invalid_block_height, `the session ${sessionHeight} ends at ${endHeight}; claims are accepted from ${endHeight + 1}`);
  // 4
  if (msg.totalProofs < session.pocketcore.minimumNumberOfProofs) {
    return fail(POCKETCORE.invalid_proofs, `${msg.totalProofs} relays is below the minimum of ${session.pocketcore.minimumNumberOfProofs}`);
  }
  // 5
  if (!session.pocketcore.supportedBlockchains.includes(msg.header.chain)) {
    return fail(POCKETCORE.chain_not_supported, `chain ${msg.header.chain} is not supported`);
  }
  // 6
  if (view.nodes.validators.getAt(msg.fromAddress, sessionHeight) === undefined) {
    return fail(POCKETCORE.node_not_found, `no node ${msg.fromAddress} at session height ${sessionHeight}`);
  }
  // 7
  const app = view.apps.applications.getAt(appAddressOf(msg.header.appPublicKey), sessionHeight);
  if (app === undefined) return fail(POCKETCORE.application_not_found, `no application with key ${msg.header.appPublicKey} at session height ${sessionHeight}`);
  // 8 (an app without chains would divide by zero: Go panics, sdk:1)
  if (!ctx.inactiveFeatures.has('MREL')) {
    if (app.chains.length === 0) return fail(SDK.internal_error, 'the application has no chains');
    const allowance = maxPossibleRelays(app.maxRelays, app.chains.length, session.pocketcore.sessionNodeCount);
    if (msg.totalProofs > allowance) return fail(POCKETCORE.over_service, `${msg.totalProofs} relays exceed the allowance of ${allowance} per node per session`);
  }
  // 9
  if (maxChainsEnforced && BigInt(app.chains.length) > session.application.maximumChains) {
    return fail(POCKETCORE.app_chains_over_limit, `the application is staked for ${app.chains.length} chains, more than ${session.application.maximumChains}`);
  }
  // 10 ([MAXCH] for the walk as of the session's end: NewSessionNodes reads the flag at its `ctx`,
  // which for a claim is sessionEndCtx — session.go:119, claim.go:195-204 — while step 9 reads it
  // at the claim's height)
  const header: SessionHeaderKey = { appPublicKey: msg.header.appPublicKey, chain: msg.header.chain, sessionHeight };
  const walkEnforcesMaxChains = !inactiveFeatures(view.params().gov.upgrade, endHeight).has('MAXCH');
  const computed = computeSessionAtEnd(view, header, height - 1, { enforceMaxChains: walkEnforcesMaxChains });
  if (!computed.ok) return rejected(computed.error);
  if (msg.header.appPublicKeyAsSigned !== app.publicKey) return fail(POCKETCORE.application_public_key_mismatch, 'the session header key is not the application key as the chain writes it (lower-case hex)');
  if (!app.chains.includes(msg.header.chain)) return fail(POCKETCORE.chain_not_staked_by_app, `the application is not staked for chain ${msg.header.chain}`);
  if (!computed.value.nodes.includes(msg.fromAddress)) return fail(POCKETCORE.node_not_in_session, `node ${msg.fromAddress} is not in the session`);
  // 11
  const current = view.params();
  // ClaimIsMature (claim.go:368-371) in Go int64: CSW 2^63 − 1 at BPS 4 wraps to −4, every window closed.
  const windowEnd = proofHeight(sessionHeight, current.pocketcore.claimSubmissionWindow, current.pos.blocksPerSession);
  if (height > windowEnd) return fail(POCKETCORE.claim_window_closed, `the claim window of session ${sessionHeight} closed at ${windowEnd}`);
  // L3 (the computed session's header is `header`: its hash is already there)
  const headerHash = computed.value.headerHash;
  const key = claimKey(msg.fromAddress, headerHash, msg.evidenceType);
  if (view.pocketcore.claims.has(key)) return fail(LEDGER.claim_already_exists, `a claim for this session by ${msg.fromAddress} is already pending`);
  if (view.pocketcore.settledClaims.has(key)) return fail(LEDGER.claim_already_settled, `the claim for this session by ${msg.fromAddress} was already settled`);
  const expirationHeight = claimExpirationHeight(height, session.pocketcore.claimExpiration, session.pos.blocksPerSession);
  return accepted({
    type: 'ClaimSubmitted',
    key,
    claim: {
      servicer: msg.fromAddress,
      header,
      headerHash,
      merkleRoot: { hashHex: msg.merkleRoot.hashHex, lower: msg.merkleRoot.lower, upper: msg.merkleRoot.upper },
      totalProofs: msg.totalProofs,
      evidenceType: msg.evidenceType,
      submittedHeight: height,
      expirationHeight,
    },
  });
}
