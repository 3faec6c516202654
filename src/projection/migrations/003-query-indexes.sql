-- Indexes for the query service (src/query/, read through sqlite-read-store.ts):
-- /v1/query/claims lists claims submitted in a block range (claims_by_servicer leads with the
-- servicer, so a range over every servicer would scan the table).
CREATE INDEX claims_by_submitted ON claims (submitted_height, claim_key);
