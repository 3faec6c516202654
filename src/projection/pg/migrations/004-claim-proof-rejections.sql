-- The "invalid proof" step of a claim's lifecycle (as src/projection/migrations/004-claim-proof-rejections.sql):
-- one row per proof tx refused while its claim stayed live (ProofRejected).
CREATE TABLE claim_proof_rejections (
  height BIGINT NOT NULL,
  event_index BIGINT NOT NULL,
  claim_key TEXT NOT NULL,
  servicer TEXT NOT NULL,
  session_height BIGINT NOT NULL,
  tx_hash TEXT NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (height, event_index)
);
CREATE INDEX claim_proof_rejections_by_claim ON claim_proof_rejections (claim_key, height);
CREATE INDEX claim_proof_rejections_by_servicer ON claim_proof_rejections (servicer, height);
