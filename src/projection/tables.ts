/**
 * The projection's tables as the projectors see them, independent of the database: each table's
 * columns in a fixed order (a row is an array of cells in that order), its primary key, how a
 * backend writes its rows and what a restarted projector must read back.
 *
 * The backends (store.ts for SQLite, pg/ for PostgreSQL) create the tables from their own
 * migration files; the column names here must match them (test/unit/projection/tables.test.ts checks both backends).
 *
 *   write 'insert': every row is new (a version row at a new height, a block, a tx, a log line).
 *   write 'upsert': a row may be written again later (a claim settles after it was submitted):
 *                   insert or replace by primary key.
 *   resume 'latest': the newest row per key (column 0, height column 1) — versioned entities;
 *   resume 'last': the row of the greatest height (supply);
 *   resume {where}: the rows still open (claims not yet settled).
 */

import { isWideColumn } from './amounts.js';

/** What a cell holds: better-sqlite3 and pg both bind these. */
export type Cell = bigint | number | string | null | Uint8Array;
export type Row = Cell[];

export interface TableSpec {
  readonly name: string;
  readonly index: number;
  readonly columns: readonly string[];
  readonly key: readonly string[];
  readonly write: 'insert' | 'upsert';
  readonly resume?: 'latest' | 'last' | { readonly where: string };
  /**
   * Positions of the wide-integer columns — the uPOKT amounts and the times and max relays that
   * governance can take past int64 (amounts.ts isWideColumn, by name): stored as INTEGER or
   * decimal TEXT in SQLite, NUMERIC(78,0) in PostgreSQL.
   */
  readonly wide: readonly number[];
}

const specs: TableSpec[] = [];

function table(name: string, columns: readonly string[], key: readonly string[], options: Pick<TableSpec, 'resume'> & { write?: TableSpec['write'] } = {}): TableSpec {
  const wide = columns.flatMap((column, i) => (isWideColumn(column) ? [i] : []));
  const spec: TableSpec = { name, index: specs.length, columns, key, write: options.write ?? 'insert', wide, ...(options.resume === undefined ? {} : { resume: options.resume }) };
  specs.push(spec);
  return spec;
}

/** Column name → position, for readable cell access (`row[NODE.tokens_upokt]`). */
export function positions<C extends string>(columns: readonly C[]): Readonly<Record<C, number>> {
  return Object.fromEntries(columns.map((column, i) => [column, i])) as Record<C, number>;
}

export const BLOCKS = table(
  'blocks',
  ['height', 'hash', 'chain_id', 'time_ns', 'proposer', 'previous_hash', 'tx_root', 'app_hash', 'state_root', 'tx_count', 'tx_bytes', 'event_count', 'last_commit_json', 'evidence_json'],
  ['height'],
);

export const TXS = table(
  'txs',
  ['height', 'tx_index', 'hash', 'signer', 'recipient', 'message_type', 'message_json', 'fee_declared_upokt', 'fee_charged_upokt', 'memo', 'entropy', 'code', 'codespace', 'result_name', 'log', 'raw'],
  ['height', 'tx_index'],
);

export const ACCOUNTS = table('accounts', ['address', 'public_key', 'first_height'], ['address']);

export const BALANCES = table('balances', ['address', 'height', 'balance_upokt'], ['address', 'height'], { resume: 'latest' });

export const NODE_COLUMNS = ['address', 'height', 'deleted', 'public_key', 'jailed', 'status', 'chains_json', 'service_url', 'tokens_upokt', 'unstaking_time_ns', 'output_address', 'reward_delegators_json'] as const;
export const NODES = table('nodes', NODE_COLUMNS, ['address', 'height'], { resume: 'latest' });

export const APP_COLUMNS = ['address', 'height', 'deleted', 'public_key', 'jailed', 'status', 'chains_json', 'staked_upokt', 'max_relays', 'unstaking_time_ns'] as const;
export const APPS = table('apps', APP_COLUMNS, ['address', 'height'], { resume: 'latest' });

/** stored: 1 while pocket-core's store holds the key (migrations/010-param-stored.sql), else 0. */
export const PARAM_COLUMNS = ['param_key', 'height', 'param_value', 'stored'] as const;
export const PARAMS = table('params', PARAM_COLUMNS, ['param_key', 'height'], { resume: 'latest' });

/** The two *_step columns: how the counters move after the row's height (projectors/signing-infos.ts, migration 005). */
export const SIGNING_INFO_COLUMNS = [
  'address', 'height', 'deleted', 'start_height', 'index_offset', 'jailed_until_ns', 'missed_blocks_counter', 'jailed_blocks_counter', 'index_offset_step', 'jailed_blocks_step',
] as const;
export const SIGNING_INFOS = table('signing_infos', SIGNING_INFO_COLUMNS, ['address', 'height'], { resume: 'latest' });

export const SUPPLY_COLUMNS = ['height', 'total_upokt', 'node_staked_upokt', 'app_staked_upokt', 'dao_upokt', 'fee_collector_upokt', 'minted_upokt', 'burned_upokt'] as const;
export const SUPPLY = table('supply', SUPPLY_COLUMNS, ['height'], { resume: 'last' });

export const CLAIM_COLUMNS = [
  'claim_key', 'submitted_height', 'servicer', 'app_public_key', 'chain', 'session_height', 'total_proofs', 'evidence_type', 'expiration_height', 'claim_json', 'submitted_tx', 'status', 'settled_height', 'reason',
] as const;
export const CLAIMS = table('claims', CLAIM_COLUMNS, ['claim_key', 'submitted_height'], { write: 'upsert', resume: { where: "status = 'submitted'" } });

export const REWARD_LINE_COLUMNS = [
  'height', 'event_index', 'line_index', 'kind', 'role', 'address', 'amount_upokt', 'servicer', 'claim_key', 'chain', 'relays',
  'multiplier_upokt_per_relay', 'multiplier_source', 'stake_upokt', 'floored_stake_upokt', 'stake_bin', 'weight', 'pip22_applied',
  'dao_allocation_percent', 'proposer_allocation_percent', 'minted_upokt', 'plan_json',
] as const;
export const REWARD_LINES = table('reward_lines', REWARD_LINE_COLUMNS, ['height', 'event_index', 'line_index']);

export const CLAIM_PROOF_REJECTIONS = table(
  'claim_proof_rejections',
  ['height', 'event_index', 'claim_key', 'servicer', 'session_height', 'tx_hash', 'code', 'name', 'reason'],
  ['height', 'event_index'],
);

export const RAP_SHEET = table('rap_sheet', ['height', 'event_index', 'address', 'kind', 'reason', 'amount_upokt', 'tx_hash', 'details_json'], ['height', 'event_index']);

export const DAO_MOVES = table('dao_moves', ['height', 'event_index', 'kind', 'amount_upokt', 'counterparty', 'authorized_by', 'tx_hash'], ['height', 'event_index']);

export const VALIDATOR_SETS = table('validator_sets', ['height', 'members_json', 'updates_json'], ['height']);

/** Every projection table, in `index` order. */
export const TABLES: readonly TableSpec[] = specs;
