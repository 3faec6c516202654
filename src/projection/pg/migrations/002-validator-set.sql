-- The validator set (top MaxValidators by power) with history: one row per height it changed,
-- every member with its power (the `state` route's prevState validator powers; block signers).
CREATE TABLE validator_sets (
  height BIGINT PRIMARY KEY,
  members_json TEXT NOT NULL,
  updates_json TEXT NOT NULL
);
