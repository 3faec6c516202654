-- The ledger's read model, one table per projector (src/projection/projectors/).
--
-- History: entity tables hold VERSION ROWS keyed (key, height): a row is the entity as it stood
-- after block `height` and until the next row of the same key; `deleted = 1` marks the height it
-- ceased to exist. "As of H" = the newest row with height <= H, unless it is a deletion.
-- Height 0 is genesis. Per-height tables (blocks, txs, supply) and append-only logs (claims,
-- reward lines, rap sheet, DAO moves) carry their height directly.
--
-- Money is INTEGER uPOKT; the CHECKs turn an int64 overflow (which SQLite would silently make a
-- REAL) into an error instead of a wrong value.

CREATE TABLE projection_checkpoint (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  height INTEGER NOT NULL,
  block_hash TEXT NOT NULL,
  state_root TEXT NOT NULL
);

CREATE TABLE blocks (
  height INTEGER PRIMARY KEY,
  hash TEXT NOT NULL,
  chain_id TEXT NOT NULL,
  time_ns INTEGER NOT NULL,
  proposer TEXT NOT NULL,
  previous_hash TEXT NOT NULL,
  tx_root TEXT NOT NULL,
  app_hash TEXT NOT NULL,
  state_root TEXT NOT NULL,
  tx_count INTEGER NOT NULL,
  tx_bytes INTEGER NOT NULL,
  event_count INTEGER NOT NULL,
  last_commit_json TEXT NOT NULL,
  evidence_json TEXT NOT NULL
);

CREATE TABLE txs (
  height INTEGER NOT NULL,
  tx_index INTEGER NOT NULL,
  hash TEXT NOT NULL,
  signer TEXT,
  recipient TEXT,
  message_type TEXT,
  message_json TEXT,
  fee_declared_upokt INTEGER,
  fee_charged_upokt INTEGER NOT NULL CHECK (typeof(fee_charged_upokt) = 'integer'),
  memo TEXT,
  entropy TEXT,
  code INTEGER NOT NULL,
  codespace TEXT NOT NULL,
  result_name TEXT NOT NULL,
  log TEXT NOT NULL,
  raw BLOB NOT NULL,
  PRIMARY KEY (height, tx_index)
);
CREATE INDEX txs_by_hash ON txs (hash);
CREATE INDEX txs_by_signer ON txs (signer, height, tx_index);
CREATE INDEX txs_by_recipient ON txs (recipient, height, tx_index);

CREATE TABLE accounts (
  address TEXT PRIMARY KEY,
  public_key TEXT,
  first_height INTEGER NOT NULL
);

CREATE TABLE balances (
  address TEXT NOT NULL,
  height INTEGER NOT NULL,
  balance_upokt INTEGER NOT NULL CHECK (typeof(balance_upokt) = 'integer' AND balance_upokt >= 0),
  PRIMARY KEY (address, height)
) WITHOUT ROWID;

CREATE TABLE nodes (
  address TEXT NOT NULL,
  height INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  public_key TEXT NOT NULL,
  jailed INTEGER NOT NULL,
  status INTEGER NOT NULL,
  chains_json TEXT NOT NULL,
  service_url TEXT NOT NULL,
  tokens_upokt INTEGER NOT NULL CHECK (typeof(tokens_upokt) = 'integer'),
  unstaking_time_ns INTEGER,
  output_address TEXT,
  reward_delegators_json TEXT,
  PRIMARY KEY (address, height)
) WITHOUT ROWID;

CREATE TABLE apps (
  address TEXT NOT NULL,
  height INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  public_key TEXT NOT NULL,
  jailed INTEGER NOT NULL,
  status INTEGER NOT NULL,
  chains_json TEXT NOT NULL,
  staked_upokt INTEGER NOT NULL CHECK (typeof(staked_upokt) = 'integer'),
  max_relays INTEGER NOT NULL,
  unstaking_time_ns INTEGER,
  PRIMARY KEY (address, height)
) WITHOUT ROWID;

-- param_value as pocket-core's param queries print it (modules/gov/queries.ts paramValueText).
CREATE TABLE params (
  param_key TEXT NOT NULL,
  height INTEGER NOT NULL,
  param_value TEXT NOT NULL,
  PRIMARY KEY (param_key, height)
) WITHOUT ROWID;

CREATE TABLE signing_infos (
  address TEXT NOT NULL,
  height INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  start_height INTEGER NOT NULL,
  index_offset INTEGER NOT NULL,
  jailed_until_ns INTEGER,
  missed_blocks_counter INTEGER NOT NULL,
  jailed_blocks_counter INTEGER NOT NULL,
  PRIMARY KEY (address, height)
) WITHOUT ROWID;

-- Every pool after each block; minted/burned are the block's own.
CREATE TABLE supply (
  height INTEGER PRIMARY KEY,
  total_upokt INTEGER NOT NULL CHECK (typeof(total_upokt) = 'integer'),
  node_staked_upokt INTEGER NOT NULL,
  app_staked_upokt INTEGER NOT NULL,
  dao_upokt INTEGER NOT NULL,
  fee_collector_upokt INTEGER NOT NULL,
  minted_upokt INTEGER NOT NULL,
  burned_upokt INTEGER NOT NULL
);

-- One row per claim; status moves submitted → proven | expired | replay_burned.
CREATE TABLE claims (
  claim_key TEXT NOT NULL,
  submitted_height INTEGER NOT NULL,
  servicer TEXT NOT NULL,
  app_public_key TEXT NOT NULL,
  chain TEXT NOT NULL,
  session_height INTEGER NOT NULL,
  total_proofs INTEGER NOT NULL,
  evidence_type INTEGER NOT NULL,
  expiration_height INTEGER NOT NULL,
  claim_json TEXT NOT NULL,
  submitted_tx TEXT,
  status TEXT NOT NULL,
  settled_height INTEGER,
  reason TEXT,
  PRIMARY KEY (claim_key, submitted_height)
);
CREATE INDEX claims_by_servicer ON claims (servicer, submitted_height);

-- One row per line of every reward plan: relay rewards (kind 'relay', the plan's inputs on every
-- line) and the block reward's DAO / proposer / burn split (kind 'block').
CREATE TABLE reward_lines (
  height INTEGER NOT NULL,
  event_index INTEGER NOT NULL,
  line_index INTEGER NOT NULL,
  kind TEXT NOT NULL,
  role TEXT NOT NULL,
  address TEXT,
  amount_upokt INTEGER NOT NULL CHECK (typeof(amount_upokt) = 'integer'),
  servicer TEXT,
  claim_key TEXT,
  chain TEXT,
  relays INTEGER,
  multiplier_upokt_per_relay INTEGER,
  multiplier_source TEXT,
  stake_upokt INTEGER,
  floored_stake_upokt INTEGER,
  stake_bin INTEGER,
  weight TEXT,
  pip22_applied INTEGER,
  dao_allocation_percent INTEGER,
  proposer_allocation_percent INTEGER,
  minted_upokt INTEGER,
  plan_json TEXT NOT NULL,
  PRIMARY KEY (height, event_index, line_index)
);
CREATE INDEX reward_lines_by_address ON reward_lines (address, height);
CREATE INDEX reward_lines_by_servicer ON reward_lines (servicer, height);

-- A node's rap sheet: slashes, jails, unjails, force unstakes, replay burns, ignored evidence.
CREATE TABLE rap_sheet (
  height INTEGER NOT NULL,
  event_index INTEGER NOT NULL,
  address TEXT NOT NULL,
  kind TEXT NOT NULL,
  reason TEXT,
  amount_upokt INTEGER,
  tx_hash TEXT,
  details_json TEXT NOT NULL,
  PRIMARY KEY (height, event_index)
);
CREATE INDEX rap_sheet_by_address ON rap_sheet (address, height);

-- DAO treasury moves: the block reward's DAO cut in, transfers out, burns.
CREATE TABLE dao_moves (
  height INTEGER NOT NULL,
  event_index INTEGER NOT NULL,
  kind TEXT NOT NULL,
  amount_upokt INTEGER NOT NULL CHECK (typeof(amount_upokt) = 'integer'),
  counterparty TEXT,
  authorized_by TEXT,
  tx_hash TEXT,
  PRIMARY KEY (height, event_index)
);
