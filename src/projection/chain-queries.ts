/**
 * Reads of blocks, txs and accounts from the projection (tables `blocks`, `txs`, `balances`,
 * `accounts`), "as of" an explicit height — the query service's block/tx/account routes
 * (read-store.ts). Prepared once per connection; every list is ordered and counted in SQL.
 */
import type Database from 'better-sqlite3';
import { integerOf } from './amounts.js';
import type { AccountRecord, AccountSelection, BlockRecord, ListPage, Order, PageRequest, TxFilter, TxRecord } from './read-store.js';

type Row = Record<string, unknown>;
export const num = (value: unknown): number => Number(value as bigint);
export const numOrNull = (value: unknown): number | null => (value === null ? null : Number(value as bigint));

export function txOf(row: Row): TxRecord {
  return {
    height: num(row.height),
    index: num(row.tx_index),
    hash: row.hash as string,
    signer: row.signer as string | null,
    recipient: row.recipient as string | null,
    messageType: row.message_type as string | null,
    messageJson: row.message_json as string | null,
    memo: row.memo as string | null,
    entropy: row.entropy as string | null,
    code: num(row.code),
    codespace: row.codespace as string,
    log: row.log as string,
    raw: row.raw as Uint8Array,
  };
}

export function blockOf(row: Row, totalTxs: number): BlockRecord {
  return {
    height: num(row.height),
    hash: row.hash as string,
    chainId: row.chain_id as string,
    timeNs: row.time_ns as bigint,
    proposer: row.proposer as string,
    previousHash: row.previous_hash as string,
    txRoot: row.tx_root as string,
    appHash: row.app_hash as string,
    stateRoot: row.state_root as string,
    txCount: num(row.tx_count),
    txBytes: num(row.tx_bytes),
    totalTxs,
    lastCommitJson: row.last_commit_json as string,
    evidenceJson: row.evidence_json as string,
  };
}

export const accountOf = (row: Row): AccountRecord => ({ address: row.address as string, publicKey: (row.public_key as string | null) ?? null, balanceUpokt: integerOf(row.balance_upokt) });

const offsetOf = (page: PageRequest): { limit: number; offset: number } => ({ limit: page.perPage, offset: (page.page - 1) * page.perPage });

/** Tx statements per column (signer / recipient) and order: SQLite cannot bind a column or ORDER BY. */
function accountTxSql(column: 'signer' | 'recipient', order: Order): string {
  const direction = order === 'asc' ? 'ASC' : 'DESC';
  return `SELECT * FROM txs WHERE ${column} = @address AND height >= @from AND height <= @height ORDER BY height ${direction}, tx_index ${direction} LIMIT @limit OFFSET @offset`;
}

/** Each address's newest balance row at or below @height. */
const LATEST_BALANCE = 'b.height = (SELECT max(height) FROM balances WHERE address = b.address AND height <= @height)';
/** A balance that is not zero (zero is stored as the integer 0; a text amount is never zero, 006-big-amounts.sql). */
const WITH_COINS = 'AND b.balance_upokt <> 0';

/** The accounts at @height, by address: those first credited at or below it (projectors/balances.ts; index of migration 011). */
const ACCOUNTS_AT = 'SELECT address FROM accounts WHERE first_height <= @height';
/**
 * The accounts whose newest balance row ≤ @height is zero: a zero row (the partial index
 * balances_zero, migration 011) with no later row ≤ @height. Zero is stored as the integer 0 (006-big-amounts.sql).
 */
const ZERO_AT = 'SELECT z.address FROM balances z WHERE z.balance_upokt = 0 AND z.height <= @height AND NOT EXISTS (SELECT 1 FROM balances n WHERE n.address = z.address AND n.height > z.height AND n.height <= @height)';
/**
 * The address at @offset (from 0) of the accounts at @height: where a jump to a page starts
 * (account-pages.ts). It counts its way there over the accounts index alone; `withCoins` takes
 * out the zero balances by EXCEPT, which SQLite runs as a merge of the two address-ordered scans.
 * PERF (the start of page 450 of 100, 46,618 accounts, statement alone, load average 5–7):
 * all ~1.4 ms, withCoins ~8 ms, where the OFFSET over every address's newest balance row
 * (joined to accounts) cost ~27–40 / ~50 ms; NOT EXISTS or NOT IN in place of EXCEPT probed the
 * zeros once per account: ~14 ms. Whole jumps: docs/postgresql.md, "Accounts pages".
 */
const accountAtSql = (which: AccountSelection): string => (which === 'all' ? `${ACCOUNTS_AT} ORDER BY address` : `${ACCOUNTS_AT} EXCEPT ${ZERO_AT} ORDER BY 1`) + ' LIMIT 1 OFFSET @offset';

/**
 * How many accounts there are at @height: on the accounts index (`withCoins`: less the zero
 * balances, from their partial index), where counting every address's balance rows read them
 * all. PERF (46,618 accounts, statement alone, medians of 7, load ~1): all 2.9 → 1.4 ms,
 * withCoins 15 → 1.8 ms; the counts equal at heights 0, 10, 25 and 40.
 */
const ACCOUNT_COUNT = `SELECT count(*) AS n FROM (${ACCOUNTS_AT})`;
const ACCOUNT_WITH_COINS_COUNT = `SELECT (${ACCOUNT_COUNT}) - (SELECT count(*) FROM (${ZERO_AT})) AS n`;

/** The accounts after @after by address: the page that follows a page ending at @after (no OFFSET scan). */
function accountsAfterSql(filter: string): string {
  return `SELECT b.address, b.balance_upokt, a.public_key FROM balances b LEFT JOIN accounts a ON a.address = b.address
         WHERE b.address > @after AND ${LATEST_BALANCE} ${filter} ORDER BY b.address LIMIT @limit`;
}

export class ChainQueries {
  private readonly s;

  constructor(db: Database.Database) {
    const prepare = (sql: string): Database.Statement => db.prepare(sql);
    this.s = {
      block: prepare('SELECT * FROM blocks WHERE height = @height'),
      blockHeightOf: prepare('SELECT height FROM blocks WHERE hash = @hash AND height <= @height'),
      totalTxs: prepare('SELECT coalesce(sum(tx_count), 0) AS n FROM blocks WHERE height <= @height'),
      blockTxs: { asc: prepare('SELECT * FROM txs WHERE height = @height ORDER BY tx_index ASC LIMIT @limit OFFSET @offset'), desc: prepare('SELECT * FROM txs WHERE height = @height ORDER BY tx_index DESC LIMIT @limit OFFSET @offset') },
      blockTxCount: prepare('SELECT count(*) AS n FROM txs WHERE height = @height'),
      blockTxHashes: prepare('SELECT hash FROM txs WHERE height = @height ORDER BY tx_index'),
      tx: prepare('SELECT * FROM txs WHERE hash = @hash AND height <= @height ORDER BY height LIMIT 1'),
      sent: { asc: prepare(accountTxSql('signer', 'asc')), desc: prepare(accountTxSql('signer', 'desc')) },
      received: { asc: prepare(accountTxSql('recipient', 'asc')), desc: prepare(accountTxSql('recipient', 'desc')) },
      sentCount: prepare('SELECT count(*) AS n FROM txs WHERE signer = @address AND height >= @from AND height <= @height'),
      receivedCount: prepare('SELECT count(*) AS n FROM txs WHERE recipient = @address AND height >= @from AND height <= @height'),
      account: prepare(
        'SELECT b.address, b.balance_upokt, a.public_key FROM balances b LEFT JOIN accounts a ON a.address = b.address WHERE b.address = @address AND b.height <= @height ORDER BY b.height DESC LIMIT 1',
      ),
      accountAt: { all: prepare(accountAtSql('all')), withCoins: prepare(accountAtSql('withCoins')) },
      accountsAfter: { all: prepare(accountsAfterSql('')), withCoins: prepare(accountsAfterSql(WITH_COINS)) },
      accountCount: { all: prepare(ACCOUNT_COUNT), withCoins: prepare(ACCOUNT_WITH_COINS_COUNT) },
    };
  }

  block(height: number): BlockRecord | undefined {
    const row = this.s.block.get({ height }) as Row | undefined;
    if (row === undefined) return undefined;
    return blockOf(row, num((this.s.totalTxs.get({ height }) as Row).n));
  }

  blockHeightOf(hash: string, height: number): number | undefined {
    const row = this.s.blockHeightOf.get({ hash, height }) as Row | undefined;
    return row === undefined ? undefined : num(row.height);
  }

  blockTxs(height: number, order: Order, page: PageRequest): ListPage<TxRecord> {
    const items = (this.s.blockTxs[order].all({ height, ...offsetOf(page) }) as Row[]).map(txOf);
    return { items, total: num((this.s.blockTxCount.get({ height }) as Row).n) };
  }

  blockTxHashes(height: number): string[] {
    return (this.s.blockTxHashes.all({ height }) as Array<{ hash: string }>).map((row) => row.hash);
  }

  tx(hash: string, height: number): TxRecord | undefined {
    const row = this.s.tx.get({ hash, height }) as Row | undefined;
    return row === undefined ? undefined : txOf(row);
  }

  accountTxs(filter: TxFilter, height: number, page: PageRequest): ListPage<TxRecord> {
    const params = { address: filter.address, height, from: filter.fromHeight };
    const list = filter.received ? this.s.received : this.s.sent;
    const count = filter.received ? this.s.receivedCount : this.s.sentCount;
    const items = (list[filter.order].all({ ...params, ...offsetOf(page) }) as Row[]).map(txOf);
    return { items, total: num((count.get(params) as Row).n) };
  }

  /** The account at `height`: it exists once it has a balance row (the bank creates it on its first credit). */
  account(address: string, height: number): AccountRecord | undefined {
    const row = this.s.account.get({ address, height }) as Row | undefined;
    return row === undefined ? undefined : accountOf(row);
  }

  /** The address at `position` (from 0) of the accounts at `height` by address, or undefined past the last: a jump's start (account-pages.ts). */
  accountAt(height: number, position: number, which: AccountSelection = 'all'): string | undefined {
    return (this.s.accountAt[which].get({ height, offset: position }) as { address: string } | undefined)?.address;
  }

  /** The `limit` accounts at `height` after `after` by address: the page after the one whose last account is `after`. */
  accountsAfter(height: number, after: string, limit: number, which: AccountSelection = 'all'): AccountRecord[] {
    return (this.s.accountsAfter[which].all({ height, after, limit }) as Row[]).map(accountOf);
  }

  /** How many accounts there are at `height`. PERF: a scan of every address's balance rows (~160 ms at 300k accounts): read stores keep it per height. */
  accountCount(height: number, which: AccountSelection = 'all'): number {
    return num((this.s.accountCount[which].get({ height }) as Row).n);
  }
}
