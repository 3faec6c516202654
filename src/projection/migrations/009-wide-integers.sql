-- Wide integers (src/projection/amounts.ts): every column whose value can leave int64 holds any
-- integer pocket-core's sdk.Int holds, exactly, in the two forms of 006-big-amounts.sql, now
-- with a sign: an INTEGER when it fits int64 (mainnet-sized data is stored as before), else its
-- canonical decimal TEXT — an optional '-', digits with no leading zero, 20 to 78 digits, or 19
-- beyond 9223372036854775807 (above) / 9223372036854775808 (below). The columns:
--   - unstaking_time_ns (nodes, apps), jailed_until_ns (signing_infos): block time + an
--     UnstakingTime, AppUnstakingTime or DowntimeJailDuration of up to 2^63 − 1 ns passes 2^63
--     (pocket-core keeps the date, Go's time.Time holds it: e.g. 1.7 × 10^18 + 2^63 − 1 ns is
--     '10923372036854775807', year 2316);
--   - max_relays (apps): sdk.BigInt below int64's bounds or up to 2^64 − 1
--     (x/apps/keeper/application.go:145-166 with BaseRelaysPerPOKT or StabilityAdjustment at
--     int64's bounds);
--   - every `_upokt` amount may now be negative beyond −2^63 too (a ServicerStakeWeightCeiling
--     of −2^63 floors a stake to about −2^63 − 1.5 × 10^10: reward_lines.floored_stake_upokt).
--     balances keep 006's rule (never negative).
-- As in 006 the columns are declared WITHOUT a type (numeric affinity would turn the text into a
-- lossy REAL) and a CHECK admits exactly the two forms, so each value has one stored form.
-- Nothing in SQL compares, sorts or sums these columns (readers turn both forms into a bigint:
-- amounts.ts integerOf). blocks.time_ns stays INTEGER: the header's own int64 (chain/block.ts).
--
-- SQLite cannot change a column's type or CHECK in place: each table is recreated (create, copy,
-- drop, rename, re-index), its column order kept so `INSERT … SELECT *` copies every row as it
-- is. A database of an older schema is rebuilt from genesis anyway (schema.ts), but the copy
-- keeps any rows (test/unit/projection/amounts.test.ts migrates a 008 database holding rows).

CREATE TABLE new_nodes (
  address TEXT NOT NULL,
  height INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  public_key TEXT NOT NULL,
  jailed INTEGER NOT NULL,
  status INTEGER NOT NULL,
  chains_json TEXT NOT NULL,
  service_url TEXT NOT NULL,
  tokens_upokt NOT NULL CHECK (typeof(tokens_upokt) = 'integer' OR (typeof(tokens_upokt) = 'text' AND ((tokens_upokt GLOB '[1-9]*' AND tokens_upokt NOT GLOB '*[^0-9]*' AND (length(tokens_upokt) BETWEEN 20 AND 78 OR (length(tokens_upokt) = 19 AND tokens_upokt > '9223372036854775807'))) OR (tokens_upokt GLOB '-[1-9]*' AND substr(tokens_upokt, 2) NOT GLOB '*[^0-9]*' AND (length(tokens_upokt) BETWEEN 21 AND 79 OR (length(tokens_upokt) = 20 AND tokens_upokt > '-9223372036854775808')))))),
  unstaking_time_ns CHECK (unstaking_time_ns IS NULL OR typeof(unstaking_time_ns) = 'integer' OR (typeof(unstaking_time_ns) = 'text' AND ((unstaking_time_ns GLOB '[1-9]*' AND unstaking_time_ns NOT GLOB '*[^0-9]*' AND (length(unstaking_time_ns) BETWEEN 20 AND 78 OR (length(unstaking_time_ns) = 19 AND unstaking_time_ns > '9223372036854775807'))) OR (unstaking_time_ns GLOB '-[1-9]*' AND substr(unstaking_time_ns, 2) NOT GLOB '*[^0-9]*' AND (length(unstaking_time_ns) BETWEEN 21 AND 79 OR (length(unstaking_time_ns) = 20 AND unstaking_time_ns > '-9223372036854775808')))))),
  output_address TEXT,
  reward_delegators_json TEXT,
  PRIMARY KEY (address, height)
) WITHOUT ROWID;
INSERT INTO new_nodes SELECT * FROM nodes;
DROP TABLE nodes;
ALTER TABLE new_nodes RENAME TO nodes;
CREATE INDEX nodes_by_height ON nodes (height);

CREATE TABLE new_apps (
  address TEXT NOT NULL,
  height INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  public_key TEXT NOT NULL,
  jailed INTEGER NOT NULL,
  status INTEGER NOT NULL,
  chains_json TEXT NOT NULL,
  staked_upokt NOT NULL CHECK (typeof(staked_upokt) = 'integer' OR (typeof(staked_upokt) = 'text' AND ((staked_upokt GLOB '[1-9]*' AND staked_upokt NOT GLOB '*[^0-9]*' AND (length(staked_upokt) BETWEEN 20 AND 78 OR (length(staked_upokt) = 19 AND staked_upokt > '9223372036854775807'))) OR (staked_upokt GLOB '-[1-9]*' AND substr(staked_upokt, 2) NOT GLOB '*[^0-9]*' AND (length(staked_upokt) BETWEEN 21 AND 79 OR (length(staked_upokt) = 20 AND staked_upokt > '-9223372036854775808')))))),
  max_relays NOT NULL CHECK (typeof(max_relays) = 'integer' OR (typeof(max_relays) = 'text' AND ((max_relays GLOB '[1-9]*' AND max_relays NOT GLOB '*[^0-9]*' AND (length(max_relays) BETWEEN 20 AND 78 OR (length(max_relays) = 19 AND max_relays > '9223372036854775807'))) OR (max_relays GLOB '-[1-9]*' AND substr(max_relays, 2) NOT GLOB '*[^0-9]*' AND (length(max_relays) BETWEEN 21 AND 79 OR (length(max_relays) = 20 AND max_relays > '-9223372036854775808')))))),
  unstaking_time_ns CHECK (unstaking_time_ns IS NULL OR typeof(unstaking_time_ns) = 'integer' OR (typeof(unstaking_time_ns) = 'text' AND ((unstaking_time_ns GLOB '[1-9]*' AND unstaking_time_ns NOT GLOB '*[^0-9]*' AND (length(unstaking_time_ns) BETWEEN 20 AND 78 OR (length(unstaking_time_ns) = 19 AND unstaking_time_ns > '9223372036854775807'))) OR (unstaking_time_ns GLOB '-[1-9]*' AND substr(unstaking_time_ns, 2) NOT GLOB '*[^0-9]*' AND (length(unstaking_time_ns) BETWEEN 21 AND 79 OR (length(unstaking_time_ns) = 20 AND unstaking_time_ns > '-9223372036854775808')))))),
  PRIMARY KEY (address, height)
) WITHOUT ROWID;
INSERT INTO new_apps SELECT * FROM apps;
DROP TABLE apps;
ALTER TABLE new_apps RENAME TO apps;
CREATE INDEX apps_by_height ON apps (height);

CREATE TABLE new_signing_infos (
  address TEXT NOT NULL,
  height INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  start_height INTEGER NOT NULL,
  index_offset INTEGER NOT NULL,
  jailed_until_ns CHECK (jailed_until_ns IS NULL OR typeof(jailed_until_ns) = 'integer' OR (typeof(jailed_until_ns) = 'text' AND ((jailed_until_ns GLOB '[1-9]*' AND jailed_until_ns NOT GLOB '*[^0-9]*' AND (length(jailed_until_ns) BETWEEN 20 AND 78 OR (length(jailed_until_ns) = 19 AND jailed_until_ns > '9223372036854775807'))) OR (jailed_until_ns GLOB '-[1-9]*' AND substr(jailed_until_ns, 2) NOT GLOB '*[^0-9]*' AND (length(jailed_until_ns) BETWEEN 21 AND 79 OR (length(jailed_until_ns) = 20 AND jailed_until_ns > '-9223372036854775808')))))),
  missed_blocks_counter INTEGER NOT NULL,
  jailed_blocks_counter INTEGER NOT NULL,
  index_offset_step INTEGER NOT NULL DEFAULT 0,
  jailed_blocks_step INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (address, height)
) WITHOUT ROWID;
INSERT INTO new_signing_infos SELECT * FROM signing_infos;
DROP TABLE signing_infos;
ALTER TABLE new_signing_infos RENAME TO signing_infos;

CREATE TABLE new_txs (
  height INTEGER NOT NULL,
  tx_index INTEGER NOT NULL,
  hash TEXT NOT NULL,
  signer TEXT,
  recipient TEXT,
  message_type TEXT,
  message_json TEXT,
  fee_declared_upokt CHECK (fee_declared_upokt IS NULL OR typeof(fee_declared_upokt) = 'integer' OR (typeof(fee_declared_upokt) = 'text' AND ((fee_declared_upokt GLOB '[1-9]*' AND fee_declared_upokt NOT GLOB '*[^0-9]*' AND (length(fee_declared_upokt) BETWEEN 20 AND 78 OR (length(fee_declared_upokt) = 19 AND fee_declared_upokt > '9223372036854775807'))) OR (fee_declared_upokt GLOB '-[1-9]*' AND substr(fee_declared_upokt, 2) NOT GLOB '*[^0-9]*' AND (length(fee_declared_upokt) BETWEEN 21 AND 79 OR (length(fee_declared_upokt) = 20 AND fee_declared_upokt > '-9223372036854775808')))))),
  fee_charged_upokt NOT NULL CHECK (typeof(fee_charged_upokt) = 'integer' OR (typeof(fee_charged_upokt) = 'text' AND ((fee_charged_upokt GLOB '[1-9]*' AND fee_charged_upokt NOT GLOB '*[^0-9]*' AND (length(fee_charged_upokt) BETWEEN 20 AND 78 OR (length(fee_charged_upokt) = 19 AND fee_charged_upokt > '9223372036854775807'))) OR (fee_charged_upokt GLOB '-[1-9]*' AND substr(fee_charged_upokt, 2) NOT GLOB '*[^0-9]*' AND (length(fee_charged_upokt) BETWEEN 21 AND 79 OR (length(fee_charged_upokt) = 20 AND fee_charged_upokt > '-9223372036854775808')))))),
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
CREATE INDEX txs_by_recipient ON txs (recipient, height, tx_index);
CREATE INDEX txs_by_signer ON txs (signer, height, tx_index);

CREATE TABLE new_supply (
  height INTEGER PRIMARY KEY,
  total_upokt NOT NULL CHECK (typeof(total_upokt) = 'integer' OR (typeof(total_upokt) = 'text' AND ((total_upokt GLOB '[1-9]*' AND total_upokt NOT GLOB '*[^0-9]*' AND (length(total_upokt) BETWEEN 20 AND 78 OR (length(total_upokt) = 19 AND total_upokt > '9223372036854775807'))) OR (total_upokt GLOB '-[1-9]*' AND substr(total_upokt, 2) NOT GLOB '*[^0-9]*' AND (length(total_upokt) BETWEEN 21 AND 79 OR (length(total_upokt) = 20 AND total_upokt > '-9223372036854775808')))))),
  node_staked_upokt NOT NULL CHECK (typeof(node_staked_upokt) = 'integer' OR (typeof(node_staked_upokt) = 'text' AND ((node_staked_upokt GLOB '[1-9]*' AND node_staked_upokt NOT GLOB '*[^0-9]*' AND (length(node_staked_upokt) BETWEEN 20 AND 78 OR (length(node_staked_upokt) = 19 AND node_staked_upokt > '9223372036854775807'))) OR (node_staked_upokt GLOB '-[1-9]*' AND substr(node_staked_upokt, 2) NOT GLOB '*[^0-9]*' AND (length(node_staked_upokt) BETWEEN 21 AND 79 OR (length(node_staked_upokt) = 20 AND node_staked_upokt > '-9223372036854775808')))))),
  app_staked_upokt NOT NULL CHECK (typeof(app_staked_upokt) = 'integer' OR (typeof(app_staked_upokt) = 'text' AND ((app_staked_upokt GLOB '[1-9]*' AND app_staked_upokt NOT GLOB '*[^0-9]*' AND (length(app_staked_upokt) BETWEEN 20 AND 78 OR (length(app_staked_upokt) = 19 AND app_staked_upokt > '9223372036854775807'))) OR (app_staked_upokt GLOB '-[1-9]*' AND substr(app_staked_upokt, 2) NOT GLOB '*[^0-9]*' AND (length(app_staked_upokt) BETWEEN 21 AND 79 OR (length(app_staked_upokt) = 20 AND app_staked_upokt > '-9223372036854775808')))))),
  dao_upokt NOT NULL CHECK (typeof(dao_upokt) = 'integer' OR (typeof(dao_upokt) = 'text' AND ((dao_upokt GLOB '[1-9]*' AND dao_upokt NOT GLOB '*[^0-9]*' AND (length(dao_upokt) BETWEEN 20 AND 78 OR (length(dao_upokt) = 19 AND dao_upokt > '9223372036854775807'))) OR (dao_upokt GLOB '-[1-9]*' AND substr(dao_upokt, 2) NOT GLOB '*[^0-9]*' AND (length(dao_upokt) BETWEEN 21 AND 79 OR (length(dao_upokt) = 20 AND dao_upokt > '-9223372036854775808')))))),
  fee_collector_upokt NOT NULL CHECK (typeof(fee_collector_upokt) = 'integer' OR (typeof(fee_collector_upokt) = 'text' AND ((fee_collector_upokt GLOB '[1-9]*' AND fee_collector_upokt NOT GLOB '*[^0-9]*' AND (length(fee_collector_upokt) BETWEEN 20 AND 78 OR (length(fee_collector_upokt) = 19 AND fee_collector_upokt > '9223372036854775807'))) OR (fee_collector_upokt GLOB '-[1-9]*' AND substr(fee_collector_upokt, 2) NOT GLOB '*[^0-9]*' AND (length(fee_collector_upokt) BETWEEN 21 AND 79 OR (length(fee_collector_upokt) = 20 AND fee_collector_upokt > '-9223372036854775808')))))),
  minted_upokt NOT NULL CHECK (typeof(minted_upokt) = 'integer' OR (typeof(minted_upokt) = 'text' AND ((minted_upokt GLOB '[1-9]*' AND minted_upokt NOT GLOB '*[^0-9]*' AND (length(minted_upokt) BETWEEN 20 AND 78 OR (length(minted_upokt) = 19 AND minted_upokt > '9223372036854775807'))) OR (minted_upokt GLOB '-[1-9]*' AND substr(minted_upokt, 2) NOT GLOB '*[^0-9]*' AND (length(minted_upokt) BETWEEN 21 AND 79 OR (length(minted_upokt) = 20 AND minted_upokt > '-9223372036854775808')))))),
  burned_upokt NOT NULL CHECK (typeof(burned_upokt) = 'integer' OR (typeof(burned_upokt) = 'text' AND ((burned_upokt GLOB '[1-9]*' AND burned_upokt NOT GLOB '*[^0-9]*' AND (length(burned_upokt) BETWEEN 20 AND 78 OR (length(burned_upokt) = 19 AND burned_upokt > '9223372036854775807'))) OR (burned_upokt GLOB '-[1-9]*' AND substr(burned_upokt, 2) NOT GLOB '*[^0-9]*' AND (length(burned_upokt) BETWEEN 21 AND 79 OR (length(burned_upokt) = 20 AND burned_upokt > '-9223372036854775808'))))))
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
  amount_upokt NOT NULL CHECK (typeof(amount_upokt) = 'integer' OR (typeof(amount_upokt) = 'text' AND ((amount_upokt GLOB '[1-9]*' AND amount_upokt NOT GLOB '*[^0-9]*' AND (length(amount_upokt) BETWEEN 20 AND 78 OR (length(amount_upokt) = 19 AND amount_upokt > '9223372036854775807'))) OR (amount_upokt GLOB '-[1-9]*' AND substr(amount_upokt, 2) NOT GLOB '*[^0-9]*' AND (length(amount_upokt) BETWEEN 21 AND 79 OR (length(amount_upokt) = 20 AND amount_upokt > '-9223372036854775808')))))),
  servicer TEXT,
  claim_key TEXT,
  chain TEXT,
  relays INTEGER,
  multiplier_upokt_per_relay CHECK (multiplier_upokt_per_relay IS NULL OR typeof(multiplier_upokt_per_relay) = 'integer' OR (typeof(multiplier_upokt_per_relay) = 'text' AND ((multiplier_upokt_per_relay GLOB '[1-9]*' AND multiplier_upokt_per_relay NOT GLOB '*[^0-9]*' AND (length(multiplier_upokt_per_relay) BETWEEN 20 AND 78 OR (length(multiplier_upokt_per_relay) = 19 AND multiplier_upokt_per_relay > '9223372036854775807'))) OR (multiplier_upokt_per_relay GLOB '-[1-9]*' AND substr(multiplier_upokt_per_relay, 2) NOT GLOB '*[^0-9]*' AND (length(multiplier_upokt_per_relay) BETWEEN 21 AND 79 OR (length(multiplier_upokt_per_relay) = 20 AND multiplier_upokt_per_relay > '-9223372036854775808')))))),
  multiplier_source TEXT,
  stake_upokt CHECK (stake_upokt IS NULL OR typeof(stake_upokt) = 'integer' OR (typeof(stake_upokt) = 'text' AND ((stake_upokt GLOB '[1-9]*' AND stake_upokt NOT GLOB '*[^0-9]*' AND (length(stake_upokt) BETWEEN 20 AND 78 OR (length(stake_upokt) = 19 AND stake_upokt > '9223372036854775807'))) OR (stake_upokt GLOB '-[1-9]*' AND substr(stake_upokt, 2) NOT GLOB '*[^0-9]*' AND (length(stake_upokt) BETWEEN 21 AND 79 OR (length(stake_upokt) = 20 AND stake_upokt > '-9223372036854775808')))))),
  floored_stake_upokt CHECK (floored_stake_upokt IS NULL OR typeof(floored_stake_upokt) = 'integer' OR (typeof(floored_stake_upokt) = 'text' AND ((floored_stake_upokt GLOB '[1-9]*' AND floored_stake_upokt NOT GLOB '*[^0-9]*' AND (length(floored_stake_upokt) BETWEEN 20 AND 78 OR (length(floored_stake_upokt) = 19 AND floored_stake_upokt > '9223372036854775807'))) OR (floored_stake_upokt GLOB '-[1-9]*' AND substr(floored_stake_upokt, 2) NOT GLOB '*[^0-9]*' AND (length(floored_stake_upokt) BETWEEN 21 AND 79 OR (length(floored_stake_upokt) = 20 AND floored_stake_upokt > '-9223372036854775808')))))),
  stake_bin INTEGER,
  weight TEXT,
  pip22_applied INTEGER,
  dao_allocation_percent INTEGER,
  proposer_allocation_percent INTEGER,
  minted_upokt CHECK (minted_upokt IS NULL OR typeof(minted_upokt) = 'integer' OR (typeof(minted_upokt) = 'text' AND ((minted_upokt GLOB '[1-9]*' AND minted_upokt NOT GLOB '*[^0-9]*' AND (length(minted_upokt) BETWEEN 20 AND 78 OR (length(minted_upokt) = 19 AND minted_upokt > '9223372036854775807'))) OR (minted_upokt GLOB '-[1-9]*' AND substr(minted_upokt, 2) NOT GLOB '*[^0-9]*' AND (length(minted_upokt) BETWEEN 21 AND 79 OR (length(minted_upokt) = 20 AND minted_upokt > '-9223372036854775808')))))),
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
  amount_upokt CHECK (amount_upokt IS NULL OR typeof(amount_upokt) = 'integer' OR (typeof(amount_upokt) = 'text' AND ((amount_upokt GLOB '[1-9]*' AND amount_upokt NOT GLOB '*[^0-9]*' AND (length(amount_upokt) BETWEEN 20 AND 78 OR (length(amount_upokt) = 19 AND amount_upokt > '9223372036854775807'))) OR (amount_upokt GLOB '-[1-9]*' AND substr(amount_upokt, 2) NOT GLOB '*[^0-9]*' AND (length(amount_upokt) BETWEEN 21 AND 79 OR (length(amount_upokt) = 20 AND amount_upokt > '-9223372036854775808')))))),
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
  amount_upokt NOT NULL CHECK (typeof(amount_upokt) = 'integer' OR (typeof(amount_upokt) = 'text' AND ((amount_upokt GLOB '[1-9]*' AND amount_upokt NOT GLOB '*[^0-9]*' AND (length(amount_upokt) BETWEEN 20 AND 78 OR (length(amount_upokt) = 19 AND amount_upokt > '9223372036854775807'))) OR (amount_upokt GLOB '-[1-9]*' AND substr(amount_upokt, 2) NOT GLOB '*[^0-9]*' AND (length(amount_upokt) BETWEEN 21 AND 79 OR (length(amount_upokt) = 20 AND amount_upokt > '-9223372036854775808')))))),
  counterparty TEXT,
  authorized_by TEXT,
  tx_hash TEXT,
  PRIMARY KEY (height, event_index)
);
INSERT INTO new_dao_moves SELECT * FROM dao_moves;
DROP TABLE dao_moves;
ALTER TABLE new_dao_moves RENAME TO dao_moves;

