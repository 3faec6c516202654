/**
 * claims: one row per claim with its lifecycle — submitted (by which tx), then proven, expired
 * or replay_burned, with the settling height and the reason. A rejected proof (pocketcore:66 and
 * the other refusals that leave the claim live) settles nothing: its row stays 'submitted' and the
 * attempt is a row of `claim_proof_rejections` (./claim-proof-rejections.ts).
 * `nodeclaims` at H = the rows submitted at or before H and not settled by H.
 */
import { defineProjector, jsonText, type Write } from '../projector.js';

type S = 'submit' | 'settle';
type W = Write<S>;

const settle = (key: string, height: number, status: string, reason: string): W => ['settle', { claim_key: key, height, status, reason }];

export const claimsProjector = defineProjector({
  name: 'claims',
  table: 'claims',
  statements: {
    submit: `INSERT INTO claims (claim_key, submitted_height, servicer, app_public_key, chain, session_height, total_proofs, evidence_type, expiration_height, claim_json, submitted_tx, status)
      VALUES (@claim_key, @submitted_height, @servicer, @app_public_key, @chain, @session_height, @total_proofs, @evidence_type, @expiration_height, @claim_json, @submitted_tx, 'submitted')`,
    settle: `UPDATE claims SET status = @status, settled_height = @height, reason = @reason WHERE claim_key = @claim_key AND status = 'submitted'`,
  },
  handlers: {
    ClaimSubmitted: ({ event, source }) => [
      [
        'submit',
        {
          claim_key: event.key,
          submitted_height: event.claim.submittedHeight,
          servicer: event.claim.servicer,
          app_public_key: event.claim.header.appPublicKey,
          chain: event.claim.header.chain,
          session_height: event.claim.header.sessionHeight,
          total_proofs: event.claim.totalProofs,
          evidence_type: event.claim.evidenceType,
          expiration_height: event.claim.expirationHeight,
          claim_json: jsonText(event.claim),
          submitted_tx: source.kind === 'tx' ? source.txHash : null,
        },
      ],
    ],
    ClaimsExpired: ({ height, event }) => event.claims.map((claim) => settle(claim.key, height, 'expired', 'no valid proof before the expiration height')),
    ProofAccepted: ({ height, event }) => [settle(event.key, height, 'proven', `valid proof of leaf ${event.index} of ${event.totalProofs}`)],
    ReplayAttackDetected: ({ height, event }) => [settle(event.key, height, 'replay_burned', `replay attack (pocketcore:86): ${event.burn.burnedUpokt} uPOKT of stake burned`)],
  },
});
