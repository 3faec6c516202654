/**
 * claim_proof_rejections: the "invalid proof" step of a claim's lifecycle — one row per refused
 * proof whose claim stayed live (ProofRejected), with the rejection code, name and reason and the
 * tx. The claim's own row in `claims` keeps status 'submitted' until it is proven, expires or is
 * burned (a rejected proof settles nothing), so "as of H" answers stay those of the reducer.
 */
import { invariant } from '../../core/assert.js';
import { defineProjector } from '../projector.js';

export const claimProofRejectionsProjector = defineProjector({
  name: 'claim_proof_rejections',
  table: 'claim_proof_rejections',
  statements: {
    reject: `INSERT INTO claim_proof_rejections (height, event_index, claim_key, servicer, session_height, tx_hash, code, name, reason)
      VALUES (@height, @event_index, @claim_key, @servicer, @session_height, @tx_hash, @code, @name, @reason)`,
  },
  handlers: {
    ProofRejected: ({ height, index, source, event }) => {
      invariant(source.kind === 'tx', 'ProofRejected comes from a proof tx');
      return [
        [
          'reject',
          { height, event_index: index, claim_key: event.key, servicer: event.servicer, session_height: event.sessionHeight, tx_hash: source.txHash, code: event.code, name: event.name, reason: event.reason },
        ],
      ];
    },
  },
});
