-- Account addresses in byte order (PostgreSQL only; SQLite compares TEXT bytewise already).
-- The accounts pages are ordered COLLATE "C" (byte order, as SQLite's BINARY; read-sql.ts), but
-- the columns had the database's collation, so the balances primary key could not serve that
-- order: every page read every address's latest balance row and sorted them (0.36–0.5 s at 46k
-- accounts). With the key columns in "C" a page walks the primary key from the last address of
-- the page before (read-sql.ts accountsAfterSql). accounts.address follows, so the two join
-- without a collation conflict. Equality is unchanged (every collation here is deterministic:
-- equal means the same bytes); the ALTER rebuilds each primary key index in the new order.
ALTER TABLE balances ALTER COLUMN address TYPE TEXT COLLATE "C";
ALTER TABLE accounts ALTER COLUMN address TYPE TEXT COLLATE "C";
