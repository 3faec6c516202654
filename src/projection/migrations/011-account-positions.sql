-- Accounts by position at a height: a page of /v1/query/accounts asked without the page before
-- it (a jump, ../account-pages.ts) finds the address it starts after on these narrow indexes,
-- not by an OFFSET over every address's newest balance row (~27 ms at 46k accounts).
--   accounts_by_address_height: the accounts at H, in address order, are those with
--     first_height <= H (../projectors/balances.ts now writes every account at its first
--     balance row, not only genesis's; accounts never disappear), read from the index alone;
--   balances_zero: the rows where a balance is zero, so `withCoins` leaves out the accounts whose
--     newest row <= H is zero without reading any other account's balance rows.
-- Like every schema change, this one rebuilds existing projections from the block log (../schema.ts).
CREATE INDEX accounts_by_address_height ON accounts (address, first_height);
CREATE INDEX balances_zero ON balances (address, height) WHERE balance_upokt = 0;
