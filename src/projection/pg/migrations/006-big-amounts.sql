-- Amounts beyond int64 (as src/projection/migrations/006-big-amounts.sql): every uPOKT column
-- (its name contains `_upokt`) is NUMERIC(78,0), exact for any integer pocket-core's sdk.Int
-- holds (|x| < 2^255, 77 digits); connect.ts reads NUMERIC back as bigint. No SQL compares, sorts
-- or sums amounts. The CHECK balance_upokt >= 0 of 001 stays (a type change keeps constraints).
ALTER TABLE txs
  ALTER COLUMN fee_declared_upokt TYPE NUMERIC(78,0),
  ALTER COLUMN fee_charged_upokt TYPE NUMERIC(78,0);
ALTER TABLE balances
  ALTER COLUMN balance_upokt TYPE NUMERIC(78,0);
ALTER TABLE nodes
  ALTER COLUMN tokens_upokt TYPE NUMERIC(78,0);
ALTER TABLE apps
  ALTER COLUMN staked_upokt TYPE NUMERIC(78,0);
ALTER TABLE supply
  ALTER COLUMN total_upokt TYPE NUMERIC(78,0),
  ALTER COLUMN node_staked_upokt TYPE NUMERIC(78,0),
  ALTER COLUMN app_staked_upokt TYPE NUMERIC(78,0),
  ALTER COLUMN dao_upokt TYPE NUMERIC(78,0),
  ALTER COLUMN fee_collector_upokt TYPE NUMERIC(78,0),
  ALTER COLUMN minted_upokt TYPE NUMERIC(78,0),
  ALTER COLUMN burned_upokt TYPE NUMERIC(78,0);
ALTER TABLE reward_lines
  ALTER COLUMN amount_upokt TYPE NUMERIC(78,0),
  ALTER COLUMN multiplier_upokt_per_relay TYPE NUMERIC(78,0),
  ALTER COLUMN stake_upokt TYPE NUMERIC(78,0),
  ALTER COLUMN floored_stake_upokt TYPE NUMERIC(78,0),
  ALTER COLUMN minted_upokt TYPE NUMERIC(78,0);
ALTER TABLE rap_sheet
  ALTER COLUMN amount_upokt TYPE NUMERIC(78,0);
ALTER TABLE dao_moves
  ALTER COLUMN amount_upokt TYPE NUMERIC(78,0);
