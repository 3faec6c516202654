/**
 * claim_proof_rejections: the "invalid proof" step of a claim's lifecycle — one row per refused
 * proof whose claim stayed live (ProofRejected), with the rejection code, name and reason and the
 * tx. The claim's own row in `claims` keeps status 'submitted' until it is proven, expires or is
 * burned (a rejected proof settles nothing), so "as of H" answers stay those of the reducer.
 */
import { invariant } from '../../core/assert.js';
import { AppendRows, defineProjector } from '../projector.js';
import { CLAIM_PROOF_REJECTIONS } from '../tables.js';
export const claimProofRejectionsProjector = defineProjector(() => {
    const rows = new AppendRows(CLAIM_PROOF_REJECTIONS);
    return {
        name: 'claim_proof_rejections',
        tables: [CLAIM_PROOF_REJECTIONS],
        handlers: {
            ProofRejected: ({ height, index, source, event }) => {
                invariant(source.kind === 'tx', 'ProofRejected comes from a proof tx');
                rows.add([height, index, event.key, event.servicer, event.sessionHeight, source.txHash, event.code, event.name, event.reason]);
            },
        },
        flush: (sink) => rows.flush(sink),
    };
});
//# sourceMappingURL=claim-proof-rejections.js.map