-- Amounts beyond int64 (issue 13 item 5: an imported Morse state declares supplies above 2^64,
-- e.g. TestNet's 147,576,951,550,267,926,499 uPOKT). Every uPOKT column (its name contains
-- `_upokt`) holds any integer pocket-core's sdk.Int holds, exactly (src/projection/amounts.ts):
--   - an INTEGER when the amount fits int64 (mainnet-sized data is stored as before);
--   - else its canonical decimal TEXT: digits only, no leading zero, 19 digits above
--     9223372036854775807 or 20 to 78 digits (NUMERIC(78,0)'s width in PostgreSQL).
-- The columns are declared WITHOUT a type: an INTEGER (or NUMERIC) column has numeric affinity
-- and would turn such text into a REAL of 15 significant digits — a silently wrong amount. The
-- CHECKs admit exactly the two forms (one stored form per value), so neither a REAL nor a
-- non-canonical text ('007', '1e21', ' 5') can be written. No SQL compares, sorts or sums
-- amounts (readers turn both forms into bigint: amounts.ts amountOf).
--
-- SQLite cannot change a column's type or CHECK in place: each table with an amount is
-- recreated (the documented procedure: create, copy, drop, rename, re-index). A database of an
-- older schema is rebuilt from genesis anyway (schema.ts), so the copies are of empty tables.


CREATE TABLE new_txs (
  height INTEGER NOT NULL,
  tx_index INTEGER NOT NULL,
  hash TEXT NOT NULL,
  signer TEXT,
  recipient TEXT,
  message_type TEXT,
  message_json TEXT,
  fee_declared_upokt CHECK (fee_declared_upokt IS NULL OR typeof(fee_declared_upokt) = 'integer' OR (typeof(fee_declared_upokt) = 'text' AND fee_declared_upokt GLOB '[1-9]*' AND fee_declared_upokt NOT GLOB '*[^0-9]*' AND (length(fee_declared_upokt) BETWEEN 20 AND 78 OR (length(fee_declared_upokt) = 19 AND fee_declared_upokt > '9223372036854775807')))),
  fee_charged_upokt NOT NULL CHECK (typeof(fee_charged_upokt) = 'integer' OR (typeof(fee_charged_upokt) = 'text' AND fee_charged_upokt GLOB '[1-9]*' AND fee_charged_upokt NOT GLOB '*[^0-9]*' AND (length(fee_charged_upokt) BETWEEN 20 AND 78 OR (length(fee_charged_upokt) = 19 AND fee_charged_upokt > '9223372036854775807')))),
  memo TEXT,
  entropy TEXT,
  code INTEGER NOT NULL,
  codespace TEXT NOT NULL,
  result_name TEXT NOT NULL,
  log TEXT NOT NULL,
  raw BLOB NOT NULL,
  PRIMARY KEY (height, tx_index)
);
INSERT INTO new_txs SELECT * FROM txs;
DROP TABLE txs;
ALTER TABLE new_txs RENAME TO txs;
CREATE INDEX txs_by_hash ON txs (hash);
CREATE INDEX txs_by_signer ON txs (signer, height, tx_index);
CREATE INDEX txs_by_recipient ON txs (recipient, height, tx_index);

CREATE TABLE new_balances (
  address TEXT NOT NULL,
  height INTEGER NOT NULL,
  balance_upokt NOT NULL CHECK ((typeof(balance_upokt) = 'integer' AND balance_upokt >= 0) OR (typeof(balance_upokt) = 'text' AND balance_upokt GLOB '[1-9]*' AND balance_upokt NOT GLOB '*[^0-9]*' AND (length(balance_upokt) BETWEEN 20 AND 78 OR (length(balance_upokt) = 19 AND balance_upokt > '9223372036854775807')))),
  PRIMARY KEY (address, height)
) WITHOUT ROWID;
INSERT INTO new_balances SELECT * FROM balances;
DROP TABLE balances;
ALTER TABLE new_balances RENAME TO balances;

CREATE TABLE new_nodes (
  address TEXT NOT NULL,
  height INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  public_key TEXT NOT NULL,
  jailed INTEGER NOT NULL,
  status INTEGER NOT NULL,
  chains_json TEXT NOT NULL,
  service_url TEXT NOT NULL,
  tokens_upokt NOT NULL CHECK (typeof(tokens_upokt) = 'integer' OR (typeof(tokens_upokt) = 'text' AND tokens_upokt GLOB '[1-9]*' AND tokens_upokt NOT GLOB '*[^0-9]*' AND (length(tokens_upokt) BETWEEN 20 AND 78 OR (length(tokens_upokt) = 19 AND tokens_upokt > '9223372036854775807')))),
  unstaking_time_ns INTEGER,
  output_address TEXT,
  reward_delegators_json TEXT,
  PRIMARY KEY (address, height)
) WITHOUT ROWID;
INSERT INTO new_nodes SELECT * FROM nodes;
DROP TABLE nodes;
ALTER TABLE new_nodes RENAME TO nodes;

CREATE TABLE new_apps (
  address TEXT NOT NULL,
  height INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  public_key TEXT NOT NULL,
  jailed INTEGER NOT NULL,
  status INTEGER NOT NULL,
  chains_json TEXT NOT NULL,
  staked_upokt NOT NULL CHECK (typeof(staked_upokt) = 'integer' OR (typeof(staked_upokt) = 'text' AND staked_upokt GLOB '[1-9]*' AND staked_upokt NOT GLOB '*[^0-9]*' AND (length(staked_upokt) BETWEEN 20 AND 78 OR (length(staked_upokt) = 19 AND staked_upokt > '9223372036854775807')))),
  max_relays INTEGER NOT NULL,
  unstaking_time_ns INTEGER,
  PRIMARY KEY (address, height)
) WITHOUT ROWID;
INSERT INTO new_apps SELECT * FROM apps;
DROP TABLE apps;
ALTER TABLE new_apps RENAME TO apps;

CREATE TABLE new_supply (
  height INTEGER PRIMARY KEY,
  total_upokt NOT NULL CHECK (typeof(total_upokt) = 'integer' OR (typeof(total_upokt) = 'text' AND total_upokt GLOB '[1-9]*' AND total_upokt NOT GLOB '*[^0-9]*' AND (length(total_upokt) BETWEEN 20 AND 78 OR (length(total_upokt) = 19 AND total_upokt > '9223372036854775807')))),
  node_staked_upokt NOT NULL CHECK (typeof(node_staked_upokt) = 'integer' OR (typeof(node_staked_upokt) = 'text' AND node_staked_upokt GLOB '[1-9]*' AND node_staked_upokt NOT GLOB '*[^0-9]*' AND (length(node_staked_upokt) BETWEEN 20 AND 78 OR (length(node_staked_upokt) = 19 AND node_staked_upokt > '9223372036854775807')))),
  app_staked_upokt NOT NULL CHECK (typeof(app_staked_upokt) = 'integer' OR (typeof(app_staked_upokt) = 'text' AND app_staked_upokt GLOB '[1-9]*' AND app_staked_upokt NOT GLOB '*[^0-9]*' AND (length(app_staked_upokt) BETWEEN 20 AND 78 OR (length(app_staked_upokt) = 19 AND app_staked_upokt > '9223372036854775807')))),
  dao_upokt NOT NULL CHECK (typeof(dao_upokt) = 'integer' OR (typeof(dao_upokt) = 'text' AND dao_upokt GLOB '[1-9]*' AND dao_upokt NOT GLOB '*[^0-9]*' AND (length(dao_upokt) BETWEEN 20 AND 78 OR (length(dao_upokt) = 19 AND dao_upokt > '9223372036854775807')))),
  fee_collector_upokt NOT NULL CHECK (typeof(fee_collector_upokt) = 'integer' OR (typeof(fee_collector_upokt) = 'text' AND fee_collector_upokt GLOB '[1-9]*' AND fee_collector_upokt NOT GLOB '*[^0-9]*' AND (length(fee_collector_upokt) BETWEEN 20 AND 78 OR (length(fee_collector_upokt) = 19 AND fee_collector_upokt > '9223372036854775807')))),
  minted_upokt NOT NULL CHECK (typeof(minted_upokt) = 'integer' OR (typeof(minted_upokt) = 'text' AND minted_upokt GLOB '[1-9]*' AND minted_upokt NOT GLOB '*[^0-9]*' AND (length(minted_upokt) BETWEEN 20 AND 78 OR (length(minted_upokt) = 19 AND minted_upokt > '9223372036854775807')))),
  burned_upokt NOT NULL CHECK (typeof(burned_upokt) = 'integer' OR (typeof(burned_upokt) = 'text' AND burned_upokt GLOB '[1-9]*' AND burned_upokt NOT GLOB '*[^0-9]*' AND (length(burned_upokt) BETWEEN 20 AND 78 OR (length(burned_upokt) = 19 AND burned_upokt > '9223372036854775807'))))
);
INSERT INTO new_supply SELECT * FROM supply;
DROP TABLE supply;
ALTER TABLE new_supply RENAME TO supply;

CREATE TABLE new_reward_lines (
  height INTEGER NOT NULL,
  event_index INTEGER NOT NULL,
  line_index INTEGER NOT NULL,
  kind TEXT NOT NULL,
  role TEXT NOT NULL,
  address TEXT,
  amount_upokt NOT NULL CHECK (typeof(amount_upokt) = 'integer' OR (typeof(amount_upokt) = 'text' AND amount_upokt GLOB '[1-9]*' AND amount_upokt NOT GLOB '*[^0-9]*' AND (length(amount_upokt) BETWEEN 20 AND 78 OR (length(amount_upokt) = 19 AND amount_upokt > '9223372036854775807')))),
  servicer TEXT,
  claim_key TEXT,
  chain TEXT,
  relays INTEGER,
  multiplier_upokt_per_relay CHECK (multiplier_upokt_per_relay IS NULL OR typeof(multiplier_upokt_per_relay) = 'integer' OR (typeof(multiplier_upokt_per_relay) = 'text' AND multiplier_upokt_per_relay GLOB '[1-9]*' AND multiplier_upokt_per_relay NOT GLOB '*[^0-9]*' AND (length(multiplier_upokt_per_relay) BETWEEN 20 AND 78 OR (length(multiplier_upokt_per_relay) = 19 AND multiplier_upokt_per_relay > '9223372036854775807')))),
  multiplier_source TEXT,
  stake_upokt CHECK (stake_upokt IS NULL OR typeof(stake_upokt) = 'integer' OR (typeof(stake_upokt) = 'text' AND stake_upokt GLOB '[1-9]*' AND stake_upokt NOT GLOB '*[^0-9]*' AND (length(stake_upokt) BETWEEN 20 AND 78 OR (length(stake_upokt) = 19 AND stake_upokt > '9223372036854775807')))),
  floored_stake_upokt CHECK (floored_stake_upokt IS NULL OR typeof(floored_stake_upokt) = 'integer' OR (typeof(floored_stake_upokt) = 'text' AND floored_stake_upokt GLOB '[1-9]*' AND floored_stake_upokt NOT GLOB '*[^0-9]*' AND (length(floored_stake_upokt) BETWEEN 20 AND 78 OR (length(floored_stake_upokt) = 19 AND floored_stake_upokt > '9223372036854775807')))),
  stake_bin INTEGER,
  weight TEXT,
  pip22_applied INTEGER,
  dao_allocation_percent INTEGER,
  proposer_allocation_percent INTEGER,
  minted_upokt CHECK (minted_upokt IS NULL OR typeof(minted_upokt) = 'integer' OR (typeof(minted_upokt) = 'text' AND minted_upokt GLOB '[1-9]*' AND minted_upokt NOT GLOB '*[^0-9]*' AND (length(minted_upokt) BETWEEN 20 AND 78 OR (length(minted_upokt) = 19 AND minted_upokt > '9223372036854775807')))),
  plan_json TEXT NOT NULL,
  PRIMARY KEY (height, event_index, line_index)
);
INSERT INTO new_reward_lines SELECT * FROM reward_lines;
DROP TABLE reward_lines;
ALTER TABLE new_reward_lines RENAME TO reward_lines;
CREATE INDEX reward_lines_by_address ON reward_lines (address, height);
CREATE INDEX reward_lines_by_servicer ON reward_lines (servicer, height);

CREATE TABLE new_rap_sheet (
  height INTEGER NOT NULL,
  event_index INTEGER NOT NULL,
  address TEXT NOT NULL,
  kind TEXT NOT NULL,
  reason TEXT,
  amount_upokt CHECK (amount_upokt IS NULL OR typeof(amount_upokt) = 'integer' OR (typeof(amount_upokt) = 'text' AND amount_upokt GLOB '[1-9]*' AND amount_upokt NOT GLOB '*[^0-9]*' AND (length(amount_upokt) BETWEEN 20 AND 78 OR (length(amount_upokt) = 19 AND amount_upokt > '9223372036854775807')))),
  tx_hash TEXT,
  details_json TEXT NOT NULL,
  PRIMARY KEY (height, event_index)
);
INSERT INTO new_rap_sheet SELECT * FROM rap_sheet;
DROP TABLE rap_sheet;
ALTER TABLE new_rap_sheet RENAME TO rap_sheet;
CREATE INDEX rap_sheet_by_address ON rap_sheet (address, height);

CREATE TABLE new_dao_moves (
  height INTEGER NOT NULL,
  event_index INTEGER NOT NULL,
  kind TEXT NOT NULL,
  amount_upokt NOT NULL CHECK (typeof(amount_upokt) = 'integer' OR (typeof(amount_upokt) = 'text' AND amount_upokt GLOB '[1-9]*' AND amount_upokt NOT GLOB '*[^0-9]*' AND (length(amount_upokt) BETWEEN 20 AND 78 OR (length(amount_upokt) = 19 AND amount_upokt > '9223372036854775807')))),
  counterparty TEXT,
  authorized_by TEXT,
  tx_hash TEXT,
  PRIMARY KEY (height, event_index)
);
INSERT INTO new_dao_moves SELECT * FROM dao_moves;
DROP TABLE dao_moves;
ALTER TABLE new_dao_moves RENAME TO dao_moves;
