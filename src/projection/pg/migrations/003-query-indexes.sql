-- Indexes for the query service (as src/projection/migrations/003-query-indexes.sql):
-- /v1/query/claims lists claims submitted in a block range.
CREATE INDEX claims_by_submitted ON claims (submitted_height, claim_key);
