-- The "invalid proof" step of a claim's lifecycle: one row per proof tx that was refused while
-- its claim stayed live (ProofRejected: pocketcore:66 Merkle walk, pocketcore:49 levels or leaf
-- index, sdk:1 seed block not yet committed, pocketcore:45/60/13 app, session or chain). The claim
-- itself stays 'submitted' in `claims` (it may still be proven or expire); the row it belongs to is
-- the newest claims row with this key submitted at or before `height`.
CREATE TABLE claim_proof_rejections (
  height INTEGER NOT NULL,
  event_index INTEGER NOT NULL,
  claim_key TEXT NOT NULL,
  servicer TEXT NOT NULL,
  session_height INTEGER NOT NULL,
  tx_hash TEXT NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (height, event_index)
);
CREATE INDEX claim_proof_rejections_by_claim ON claim_proof_rejections (claim_key, height);
CREATE INDEX claim_proof_rejections_by_servicer ON claim_proof_rejections (servicer, height);
