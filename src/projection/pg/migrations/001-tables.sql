-- The ledger's read model in PostgreSQL: the same tables, columns and keys as the SQLite
-- migrations (src/projection/migrations/001-tables.sql), one table per projector.
--
-- History: entity tables hold VERSION ROWS keyed (key, height): a row is the entity as it stood
-- after block `height` and until the next row of the same key; `deleted = 1` marks the height it
-- ceased to exist. "As of H" = the newest row with height <= H, unless it is a deletion.
-- Height 0 is genesis. Per-height tables (blocks, txs, supply) and append-only logs (claims,
-- reward lines, rap sheet, DAO moves) carry their height directly.
--
-- Money is BIGINT uPOKT (an int64 overflow is an error in PostgreSQL, never a wrong value).

CREATE TABLE projection_checkpoint (
  id BIGINT PRIMARY KEY CHECK (id = 1),
  height BIGINT NOT NULL,
  block_hash TEXT NOT NULL,
  state_root TEXT NOT NULL
);

CREATE TABLE blocks (
  height BIGINT PRIMARY KEY,
  hash TEXT NOT NULL,
  chain_id TEXT NOT NULL,
  time_ns BIGINT NOT NULL,
  proposer TEXT NOT NULL,
  previous_hash TEXT NOT NULL,
  tx_root TEXT NOT NULL,
  app_hash TEXT NOT NULL,
  state_root TEXT NOT NULL,
  tx_count BIGINT NOT NULL,
  tx_bytes BIGINT NOT NULL,
  event_count BIGINT NOT NULL,
  last_commit_json TEXT NOT NULL,
  evidence_json TEXT NOT NULL
);

CREATE TABLE txs (
  height BIGINT NOT NULL,
  tx_index BIGINT NOT NULL,
  hash TEXT NOT NULL,
  signer TEXT,
  recipient TEXT,
  message_type TEXT,
  message_json TEXT,
  fee_declared_upokt BIGINT,
  fee_charged_upokt BIGINT NOT NULL,
  memo TEXT,
  entropy TEXT,
  code BIGINT NOT NULL,
  codespace TEXT NOT NULL,
  result_name TEXT NOT NULL,
  log TEXT NOT NULL,
  raw BYTEA NOT NULL,
  PRIMARY KEY (height, tx_index)
);
CREATE INDEX txs_by_hash ON txs (hash);
CREATE INDEX txs_by_signer ON txs (signer, height, tx_index);
CREATE INDEX txs_by_recipient ON txs (recipient, height, tx_index);

CREATE TABLE accounts (
  address TEXT PRIMARY KEY,
  public_key TEXT,
  first_height BIGINT NOT NULL
);

CREATE TABLE balances (
  address TEXT NOT NULL,
  height BIGINT NOT NULL,
  balance_upokt BIGINT NOT NULL CHECK (balance_upokt >= 0),
  PRIMARY KEY (address, height)
);

CREATE TABLE nodes (
  address TEXT NOT NULL,
  height BIGINT NOT NULL,
  deleted BIGINT NOT NULL DEFAULT 0,
  public_key TEXT NOT NULL,
  jailed BIGINT NOT NULL,
  status BIGINT NOT NULL,
  chains_json TEXT NOT NULL,
  service_url TEXT NOT NULL,
  tokens_upokt BIGINT NOT NULL,
  unstaking_time_ns BIGINT,
  output_address TEXT,
  reward_delegators_json TEXT,
  PRIMARY KEY (address, height)
);

CREATE TABLE apps (
  address TEXT NOT NULL,
  height BIGINT NOT NULL,
  deleted BIGINT NOT NULL DEFAULT 0,
  public_key TEXT NOT NULL,
  jailed BIGINT NOT NULL,
  status BIGINT NOT NULL,
  chains_json TEXT NOT NULL,
  staked_upokt BIGINT NOT NULL,
  max_relays BIGINT NOT NULL,
  unstaking_time_ns BIGINT,
  PRIMARY KEY (address, height)
);

-- param_value as pocket-core's param queries print it (modules/gov/queries.ts paramValueText).
CREATE TABLE params (
  param_key TEXT NOT NULL,
  height BIGINT NOT NULL,
  param_value TEXT NOT NULL,
  PRIMARY KEY (param_key, height)
);

CREATE TABLE signing_infos (
  address TEXT NOT NULL,
  height BIGINT NOT NULL,
  deleted BIGINT NOT NULL DEFAULT 0,
  start_height BIGINT NOT NULL,
  index_offset BIGINT NOT NULL,
  jailed_until_ns BIGINT,
  missed_blocks_counter BIGINT NOT NULL,
  jailed_blocks_counter BIGINT NOT NULL,
  PRIMARY KEY (address, height)
);

-- Every pool after each block; minted/burned are the block's own.
CREATE TABLE supply (
  height BIGINT PRIMARY KEY,
  total_upokt BIGINT NOT NULL,
  node_staked_upokt BIGINT NOT NULL,
  app_staked_upokt BIGINT NOT NULL,
  dao_upokt BIGINT NOT NULL,
  fee_collector_upokt BIGINT NOT NULL,
  minted_upokt BIGINT NOT NULL,
  burned_upokt BIGINT NOT NULL
);

-- One row per claim; status moves submitted → proven | expired | replay_burned.
CREATE TABLE claims (
  claim_key TEXT NOT NULL,
  submitted_height BIGINT NOT NULL,
  servicer TEXT NOT NULL,
  app_public_key TEXT NOT NULL,
  chain TEXT NOT NULL,
  session_height BIGINT NOT NULL,
  total_proofs BIGINT NOT NULL,
  evidence_type BIGINT NOT NULL,
  expiration_height BIGINT NOT NULL,
  claim_json TEXT NOT NULL,
  submitted_tx TEXT,
  status TEXT NOT NULL,
  settled_height BIGINT,
  reason TEXT,
  PRIMARY KEY (claim_key, submitted_height)
);
CREATE INDEX claims_by_servicer ON claims (servicer, submitted_height);

-- One row per line of every reward plan: relay rewards (kind 'relay', the plan's inputs on every
-- line) and the block reward's DAO / proposer / burn split (kind 'block').
CREATE TABLE reward_lines (
  height BIGINT NOT NULL,
  event_index BIGINT NOT NULL,
  line_index BIGINT NOT NULL,
  kind TEXT NOT NULL,
  role TEXT NOT NULL,
  address TEXT,
  amount_upokt BIGINT NOT NULL,
  servicer TEXT,
  claim_key TEXT,
  chain TEXT,
  relays BIGINT,
  multiplier_upokt_per_relay BIGINT,
  multiplier_source TEXT,
  stake_upokt BIGINT,
  floored_stake_upokt BIGINT,
  stake_bin BIGINT,
  weight TEXT,
  pip22_applied BIGINT,
  dao_allocation_percent BIGINT,
  proposer_allocation_percent BIGINT,
  minted_upokt BIGINT,
  plan_json TEXT NOT NULL,
  PRIMARY KEY (height, event_index, line_index)
);
CREATE INDEX reward_lines_by_address ON reward_lines (address, height);
CREATE INDEX reward_lines_by_servicer ON reward_lines (servicer, height);

-- A node's rap sheet: slashes, jails, unjails, force unstakes, replay burns, ignored evidence.
CREATE TABLE rap_sheet (
  height BIGINT NOT NULL,
  event_index BIGINT NOT NULL,
  address TEXT NOT NULL,
  kind TEXT NOT NULL,
  reason TEXT,
  amount_upokt BIGINT,
  tx_hash TEXT,
  details_json TEXT NOT NULL,
  PRIMARY KEY (height, event_index)
);
CREATE INDEX rap_sheet_by_address ON rap_sheet (address, height);

-- DAO treasury moves: the block reward's DAO cut in, transfers out, burns.
CREATE TABLE dao_moves (
  height BIGINT NOT NULL,
  event_index BIGINT NOT NULL,
  kind TEXT NOT NULL,
  amount_upokt BIGINT NOT NULL,
  counterparty TEXT,
  authorized_by TEXT,
  tx_hash TEXT,
  PRIMARY KEY (height, event_index)
);
