/**
 * claims: one row per claim with its lifecycle — submitted (by which tx), then proven, expired
 * or replay_burned, with the settling height and the reason. A rejected proof (pocketcore:66 and
 * the other refusals that leave the claim live) settles nothing: its row stays 'submitted' and the
 * attempt is a row of `claim_proof_rejections` (./claim-proof-rejections.ts).
 * `nodeclaims` at H = the rows submitted at or before H and not settled by H.
 *
 * The projector keeps the live (submitted) rows; settling writes a settled copy of the row again
 * (the table's write rule is upsert by (claim_key, submitted_height)). A flushed row is never
 * changed afterwards (a backend may still be writing it).
 */
import { defineProjector, jsonText } from '../projector.js';
import { CLAIM_COLUMNS, CLAIMS, positions } from '../tables.js';
const C = positions(CLAIM_COLUMNS);
export const claimsProjector = defineProjector(() => {
    const live = new Map();
    let changed = new Set();
    const settle = (key, height, status, reason) => {
        for (const row of live.get(key) ?? []) {
            changed.delete(row);
            const settled = row.slice();
            settled[C.status] = status;
            settled[C.settled_height] = height;
            settled[C.reason] = reason;
            changed.add(settled);
        }
        live.delete(key);
    };
    const keep = (row) => {
        const key = row[C.claim_key];
        live.set(key, [...(live.get(key) ?? []), row]);
    };
    return {
        name: 'claims',
        tables: [CLAIMS],
        handlers: {
            ClaimSubmitted: ({ event, source }) => {
                const claim = event.claim;
                const row = [
                    event.key, claim.submittedHeight, claim.servicer, claim.header.appPublicKey, claim.header.chain, claim.header.sessionHeight, claim.totalProofs,
                    claim.evidenceType, claim.expirationHeight, jsonText(claim), source.kind === 'tx' ? source.txHash : null, 'submitted', null, null,
                ];
                keep(row);
                changed.add(row);
            },
            ClaimsExpired: ({ height, event }) => {
                for (const claim of event.claims)
                    settle(claim.key, height, 'expired', 'no valid proof before the expiration height');
            },
            ProofAccepted: ({ height, event }) => settle(event.key, height, 'proven', `valid proof of leaf ${event.index} of ${event.totalProofs}`),
            ReplayAttackDetected: ({ height, event }) => settle(event.key, height, 'replay_burned', `replay attack (pocketcore:86): ${event.burn.burnedUpokt} uPOKT of stake burned`),
        },
        flush: (sink) => {
            for (const row of changed)
                sink.add(CLAIMS, row);
            changed = new Set();
        },
        resume: (_table, resumed) => {
            for (const row of resumed)
                keep(row);
        },
    };
});
//# sourceMappingURL=claims.js.map