/**
 * Reads of the projection's logs over a block range — what pocket-core never answered
 * (issue 12 item 4): reward lines with their plan inputs, a node's rap sheet, claims with their
 * lifecycle, and the supply per block. Filters left out (null) match everything.
 */
import type Database from 'better-sqlite3';
import { integerOf, integerOrNull } from './amounts.js';
import { num, numOrNull } from './chain-queries.js';
import type { ClaimFilter, ClaimLifecycleRecord, HeightRange, ListPage, PageRequest, ParamChangeRecord, RapSheetRecord, RewardFilter, RewardLineRecord, SupplyRecord } from './read-store.js';

type Row = Record<string, unknown>;
const big = (value: unknown): bigint | null => (value === null ? null : (value as bigint));

export const rewardOf = (row: Row): RewardLineRecord => ({
  height: num(row.height),
  eventIndex: num(row.event_index),
  lineIndex: num(row.line_index),
  kind: row.kind as string,
  role: row.role as string,
  address: row.address as string | null,
  amountUpokt: integerOf(row.amount_upokt),
  servicer: row.servicer as string | null,
  claimKey: row.claim_key as string | null,
  chain: row.chain as string | null,
  relays: big(row.relays),
  multiplierUpoktPerRelay: integerOrNull(row.multiplier_upokt_per_relay),
  multiplierSource: row.multiplier_source as string | null,
  stakeUpokt: integerOrNull(row.stake_upokt),
  flooredStakeUpokt: integerOrNull(row.floored_stake_upokt),
  stakeBin: big(row.stake_bin),
  weight: row.weight as string | null,
  pip22Applied: row.pip22_applied === null ? null : row.pip22_applied === 1n,
  daoAllocationPercent: big(row.dao_allocation_percent),
  proposerAllocationPercent: big(row.proposer_allocation_percent),
  mintedUpokt: integerOrNull(row.minted_upokt),
  planJson: row.plan_json as string,
});

export const rapOf = (row: Row): RapSheetRecord => ({
  height: num(row.height),
  eventIndex: num(row.event_index),
  address: row.address as string,
  kind: row.kind as string,
  reason: row.reason as string | null,
  amountUpokt: integerOrNull(row.amount_upokt),
  txHash: row.tx_hash as string | null,
  detailsJson: row.details_json as string,
});

/** A claim row as of `asOf`: a settlement after it is not visible yet. */
export function claimOf(row: Row, asOf: number): ClaimLifecycleRecord {
  const settled = numOrNull(row.settled_height);
  const visible = settled !== null && settled <= asOf;
  return {
    claimKey: row.claim_key as string,
    submittedHeight: num(row.submitted_height),
    servicer: row.servicer as string,
    appPublicKey: row.app_public_key as string,
    chain: row.chain as string,
    sessionHeight: num(row.session_height),
    totalProofs: row.total_proofs as bigint,
    evidenceType: num(row.evidence_type),
    expirationHeight: num(row.expiration_height),
    submittedTx: row.submitted_tx as string | null,
    status: visible ? (row.status as string) : 'submitted',
    settledHeight: visible ? settled : null,
    reason: visible ? (row.reason as string | null) : null,
  };
}

export const paramChangeOf = (row: Row): ParamChangeRecord => ({
  height: num(row.height),
  paramKey: row.param_key as string,
  value: row.param_value as string,
  previous: (row.previous_value as string | null) ?? null,
});

export const supplyOf = (row: Row): SupplyRecord => ({
  height: num(row.height),
  totalUpokt: integerOf(row.total_upokt),
  nodeStakedUpokt: integerOf(row.node_staked_upokt),
  appStakedUpokt: integerOf(row.app_staked_upokt),
  daoUpokt: integerOf(row.dao_upokt),
  feeCollectorUpokt: integerOf(row.fee_collector_upokt),
  mintedUpokt: integerOf(row.minted_upokt),
  burnedUpokt: integerOf(row.burned_upokt),
});

const RANGE = 'height >= @from AND height <= @to';
const REWARD_WHERE = `${RANGE} AND (@node IS NULL OR servicer = @node) AND (@address IS NULL OR address = @address) AND (@chain IS NULL OR chain = @chain)`;
const RAP_WHERE = `${RANGE} AND (@address IS NULL OR address = @address)`;
// Status as of @asOf: 'submitted' also covers rows settled after @asOf.
const CLAIM_WHERE = `submitted_height >= @from AND submitted_height <= @to AND (@servicer IS NULL OR servicer = @servicer)
  AND (@status IS NULL OR (CASE WHEN settled_height IS NOT NULL AND settled_height <= @asOf THEN status ELSE 'submitted' END) = @status)`;
const PAGE = 'LIMIT @limit OFFSET @offset';
// A value set in the range and the value it replaced (the same key's row just below, if any).
const PARAM_WHERE = `${RANGE} AND (@key IS NULL OR param_key = @key)`;
const PARAM_HISTORY = `SELECT p.height, p.param_key, p.param_value,
  (SELECT q.param_value FROM params q WHERE q.param_key = p.param_key AND q.height < p.height ORDER BY q.height DESC LIMIT 1) AS previous_value
  FROM params p WHERE ${PARAM_WHERE} ORDER BY p.height, p.param_key`;

export class LogQueries {
  private readonly s;

  constructor(db: Database.Database) {
    const prepare = (sql: string): Database.Statement => db.prepare(sql);
    this.s = {
      rewards: prepare(`SELECT * FROM reward_lines WHERE ${REWARD_WHERE} ORDER BY height, event_index, line_index ${PAGE}`),
      rewardCount: prepare(`SELECT count(*) AS n FROM reward_lines WHERE ${REWARD_WHERE}`),
      rap: prepare(`SELECT * FROM rap_sheet WHERE ${RAP_WHERE} ORDER BY height, event_index ${PAGE}`),
      rapCount: prepare(`SELECT count(*) AS n FROM rap_sheet WHERE ${RAP_WHERE}`),
      claims: prepare(`SELECT * FROM claims WHERE ${CLAIM_WHERE} ORDER BY submitted_height, claim_key ${PAGE}`),
      claimCount: prepare(`SELECT count(*) AS n FROM claims WHERE ${CLAIM_WHERE}`),
      supply: prepare(`SELECT * FROM supply WHERE ${RANGE} ORDER BY height ${PAGE}`),
      supplyCount: prepare(`SELECT count(*) AS n FROM supply WHERE ${RANGE}`),
      params: prepare(`${PARAM_HISTORY} ${PAGE}`),
      paramCount: prepare(`SELECT count(*) AS n FROM params WHERE ${PARAM_WHERE}`),
    };
  }

  rewardLines(filter: RewardFilter, page: PageRequest): ListPage<RewardLineRecord> {
    const params = { from: filter.fromHeight, to: filter.toHeight, node: filter.node ?? null, address: filter.address ?? null, chain: filter.chain ?? null };
    return this.page(this.s.rewards, this.s.rewardCount, params, page, rewardOf);
  }

  rapSheet(address: string | undefined, range: HeightRange, page: PageRequest): ListPage<RapSheetRecord> {
    return this.page(this.s.rap, this.s.rapCount, { from: range.fromHeight, to: range.toHeight, address: address ?? null }, page, rapOf);
  }

  claimLifecycle(filter: ClaimFilter, asOf: number, page: PageRequest): ListPage<ClaimLifecycleRecord> {
    const params = { from: filter.fromHeight, to: filter.toHeight, servicer: filter.servicer ?? null, status: filter.status ?? null, asOf };
    return this.page(this.s.claims, this.s.claimCount, params, page, (row) => claimOf(row, asOf));
  }

  supplyHistory(range: HeightRange, page: PageRequest): ListPage<SupplyRecord> {
    return this.page(this.s.supply, this.s.supplyCount, { from: range.fromHeight, to: range.toHeight }, page, supplyOf);
  }

  paramHistory(key: string | undefined, range: HeightRange, page: PageRequest): ListPage<ParamChangeRecord> {
    return this.page(this.s.params, this.s.paramCount, { from: range.fromHeight, to: range.toHeight, key: key ?? null }, page, paramChangeOf);
  }

  private page<T>(list: Database.Statement, count: Database.Statement, params: Record<string, unknown>, page: PageRequest, of: (row: Row) => T): ListPage<T> {
    const items = (list.all({ ...params, limit: page.perPage, offset: (page.page - 1) * page.perPage }) as Row[]).map(of);
    return { items, total: num((count.get(params) as Row).n) };
  }
}
