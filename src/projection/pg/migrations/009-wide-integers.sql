-- Wide integers (as src/projection/migrations/009-wide-integers.sql): the columns besides the
-- amounts whose value governance can take past int64 become NUMERIC(78,0), as the `_upokt`
-- columns did in 006 (which already hold negatives): times in ns past 2^63 (block time + an
-- UnstakingTime, AppUnstakingTime or DowntimeJailDuration of up to 2^63 − 1 ns) and an app's max
-- relays (sdk.BigInt, x/apps/keeper/application.go:145-166). connect.ts reads NUMERIC back as
-- bigint; nothing in SQL compares, sorts or sums these columns.
ALTER TABLE nodes
  ALTER COLUMN unstaking_time_ns TYPE NUMERIC(78,0);
ALTER TABLE apps
  ALTER COLUMN max_relays TYPE NUMERIC(78,0),
  ALTER COLUMN unstaking_time_ns TYPE NUMERIC(78,0);
ALTER TABLE signing_infos
  ALTER COLUMN jailed_until_ns TYPE NUMERIC(78,0);
