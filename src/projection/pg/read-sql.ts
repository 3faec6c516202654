/**
 * The PostgreSQL ReadStore's statements (read-store.ts), one per question, in PostgreSQL's
 * dialect with positional parameters (the order is the caller's `values`). They answer what the
 * SQLite statements (../queries.ts, ../chain-queries.ts, ../log-queries.ts) answer, row for row:
 *   - "as of $h" = the newest version row ≤ $h per key, deletions dropped (DISTINCT ON for lists,
 *     ORDER BY height DESC LIMIT 1 for one key — both walk the (key, height) primary key);
 *   - text keys are ordered COLLATE "C" (byte order, as SQLite's BINARY), whatever the
 *     database's collation: param keys mix cases, and allparams lists them in that order;
 *   - optional filters are typed NULLs ($n::text IS NULL OR column = $n).
 */
import { SIGNING_INFO_AS_OF_COLUMNS } from '../projectors/signing-infos.js';

const LIMIT = (n: number): string => `LIMIT $${n} OFFSET $${n + 1}`;

/** One key's newest version row ≤ $2 ($1 = the key), unless it is a deletion. */
const asOfOne = (table: string, key: string, columns = '*'): string =>
  `SELECT ${columns} FROM (SELECT * FROM ${table} WHERE ${key} = $1 AND height <= $2 ORDER BY height DESC LIMIT 1) t WHERE deleted = 0`;

/** Every key's newest version row ≤ $1, deletions dropped, by key. */
const asOfAll = (table: string, key: string, columns = '*'): string =>
  `SELECT ${columns} FROM (SELECT DISTINCT ON (${key}) * FROM ${table} WHERE height <= $1 ORDER BY ${key}, height DESC) t WHERE deleted = 0 ORDER BY ${key} COLLATE "C"`;

const FROM = 'height >= $3::bigint';
const accountTxs = (column: 'signer' | 'recipient', direction: 'ASC' | 'DESC'): string =>
  `SELECT * FROM txs WHERE ${column} = $1 AND height <= $2 AND ${FROM} ORDER BY height ${direction}, tx_index ${direction} ${LIMIT(4)}`;
const accountTxCount = (column: 'signer' | 'recipient'): string => `SELECT count(*) AS n FROM txs WHERE ${column} = $1 AND height <= $2 AND ${FROM}`;

/** The accounts at $1, by address: those first credited at or below it (../projectors/balances.ts; index of migration 012). */
const ACCOUNTS_AT = 'SELECT a.address FROM accounts a WHERE a.first_height <= $1';
/** The accounts whose newest balance row ≤ $1 is zero: a zero row (partial index balances_zero, migration 012) with no later row ≤ $1. */
const ZERO_AT = 'SELECT z.address FROM balances z WHERE z.balance_upokt = 0 AND z.height <= $1 AND NOT EXISTS (SELECT 1 FROM balances n WHERE n.address = z.address AND n.height > z.height AND n.height <= $1)';
/**
 * The address at $2 (from 0) of the accounts at $1 (`withCoins`: those whose balance is not
 * zero), as ../chain-queries.ts accountAtSql: where a jump to a page starts (../account-pages.ts).
 * An index-only scan of accounts_by_address_height, the zeros taken out by an anti join (NOT
 * EXISTS: a merge with the few zero rows; NOT IN's hashed subplan falls back to a probe per row
 * once the zeros outgrow work_mem, and EXCEPT hashes and sorts every account).
 * PERF (a jump to page 450 of 100, 46,618 accounts, load average 13–14): all 119 → 14 ms,
 * withCoins 129 → 21 ms, where the OFFSET sorted every address's newest balance row
 * (docs/postgresql.md, "Accounts pages").
 */
const accountAtSql = (filter: string): string => `${ACCOUNTS_AT} ${filter} ORDER BY a.address COLLATE "C" LIMIT 1 OFFSET $2`;
const WITHOUT_ZEROS = `AND NOT EXISTS (SELECT 1 FROM (${ZERO_AT}) z WHERE z.address = a.address)`;
/**
 * How many accounts there are at $1 (`withCoins`: less the zero balances), as ../chain-queries.ts
 * ACCOUNT_COUNT: on the two narrow indexes, not every address's balance rows. PERF (46,618
 * accounts, statement alone, after VACUUM ANALYZE, load ~1): all 29–36 → 3.5–3.8 ms, withCoins
 * 35–38 → 4.9 ms.
 */
const ACCOUNT_COUNT = `SELECT count(*) AS n FROM (${ACCOUNTS_AT}) c`;
const ACCOUNT_WITH_COINS_COUNT = `SELECT (SELECT count(*) FROM (${ACCOUNTS_AT}) c) - (SELECT count(*) FROM (${ZERO_AT}) z) AS n`;

/**
 * The $3 accounts after address $2 as of $1 whose latest balance passes `kept` (the page after
 * one ending at $2: ../account-pages.ts; $2 = '': page 1), walked address by address instead
 * of every address's latest row sorted (DISTINCT ON over the balances): each step is two descents of the balances primary key —
 * the first address above the one before that has a row ≤ $1, then its newest row ≤ $1 — so a
 * page costs its own accounts (plus the zero balances it skips for `withCoins`), wherever it is.
 * The walk stops once $3 accounts passed; the seed row ($2 itself, no balance) is not answered.
 * Needs the primary key in byte order (migrations/010-address-byte-order.sql: with another
 * collation the `>` and ORDER BY below cannot use it and each step scans the table).
 * Example ($3 = 2, withCoins; a → 5, b → 0, c → 9, d → 1): after "a": b (0, not counted), c
 * (1 passed), d (2 passed: stop) → [c, d].
 */
const accountsAfterSql = (kept: string): string =>
  `WITH RECURSIVE walk (address, balance_upokt, passed) AS (
    SELECT $2::text COLLATE "C", NULL::numeric, 0::bigint
    UNION ALL
    SELECT n.address, l.balance_upokt, w.passed + CASE WHEN ${kept} THEN 1 ELSE 0 END
    FROM walk w
    CROSS JOIN LATERAL (SELECT address FROM balances WHERE address > w.address AND height <= $1 ORDER BY address LIMIT 1) n
    CROSS JOIN LATERAL (SELECT balance_upokt FROM balances WHERE address = n.address AND height <= $1 ORDER BY height DESC LIMIT 1) l
    WHERE w.passed < $3)
  SELECT w.address, w.balance_upokt, a.public_key FROM walk w LEFT JOIN accounts a ON a.address = w.address
    WHERE w.balance_upokt IS NOT NULL AND ${kept.replaceAll('l.', 'w.')} ORDER BY w.address COLLATE "C"`;
/** A balance that is not zero (as ../chain-queries.ts WITH_COINS). */
const HAS_COINS = 'l.balance_upokt <> 0';

const RANGE = 'height >= $1 AND height <= $2';
const REWARD_WHERE = `${RANGE} AND ($3::text IS NULL OR servicer = $3) AND ($4::text IS NULL OR address = $4) AND ($5::text IS NULL OR chain = $5)`;
const RAP_WHERE = `${RANGE} AND ($3::text IS NULL OR address = $3)`;
// Status as of $5: 'submitted' also covers rows settled after $5 (log-queries.ts claimOf).
const CLAIM_WHERE = `submitted_height >= $1 AND submitted_height <= $2 AND ($3::text IS NULL OR servicer = $3)
  AND ($4::text IS NULL OR (CASE WHEN settled_height IS NOT NULL AND settled_height <= $5::bigint THEN status ELSE 'submitted' END) = $4)`;
const LIVE_CLAIM = 'submitted_height <= $H AND (settled_height IS NULL OR settled_height > $H)';

export const READS = {
  checkpoint: 'SELECT height, block_hash FROM projection_checkpoint WHERE id = 1',
  firstHeight: 'SELECT min(height) AS height FROM supply',
  previousHash: 'SELECT previous_hash FROM blocks WHERE height = $1',
  block: 'SELECT b.*, (SELECT coalesce(sum(tx_count), 0) FROM blocks WHERE height <= $1)::bigint AS total_txs FROM blocks b WHERE b.height = $1',
  blockTxsAsc: `SELECT * FROM txs WHERE height = $1 ORDER BY tx_index ASC ${LIMIT(2)}`,
  blockTxsDesc: `SELECT * FROM txs WHERE height = $1 ORDER BY tx_index DESC ${LIMIT(2)}`,
  blockTxCount: 'SELECT count(*) AS n FROM txs WHERE height = $1',
  blockTxHashes: 'SELECT hash FROM txs WHERE height = $1 ORDER BY tx_index',
  tx: 'SELECT * FROM txs WHERE hash = $1 AND height <= $2 ORDER BY height LIMIT 1',
  blockHeightOf: 'SELECT height FROM blocks WHERE hash = $1 AND height <= $2',
  sentAsc: accountTxs('signer', 'ASC'),
  sentDesc: accountTxs('signer', 'DESC'),
  receivedAsc: accountTxs('recipient', 'ASC'),
  receivedDesc: accountTxs('recipient', 'DESC'),
  sentCount: accountTxCount('signer'),
  receivedCount: accountTxCount('recipient'),
  account:
    'SELECT b.address, b.balance_upokt, a.public_key FROM balances b LEFT JOIN accounts a ON a.address = b.address WHERE b.address = $1 AND b.height <= $2 ORDER BY b.height DESC LIMIT 1',
  accountAt: accountAtSql(''),
  accountCount: ACCOUNT_COUNT,
  accountWithCoinsAt: accountAtSql(WITHOUT_ZEROS),
  accountsAfter: accountsAfterSql('true'),
  accountsWithCoinsAfter: accountsAfterSql(HAS_COINS),
  accountWithCoinsCount: ACCOUNT_WITH_COINS_COUNT,
  balance: 'SELECT balance_upokt FROM balances WHERE address = $1 AND height <= $2 ORDER BY height DESC LIMIT 1',
  supplyRow: 'SELECT * FROM supply WHERE height = $1',
  node: asOfOne('nodes', 'address'),
  nodes: asOfAll('nodes', 'address'),
  // The version rows of ($1, $2], oldest first (as-of-lists.ts; the <table>_by_height index, migration 007).
  nodeChanges: 'SELECT * FROM nodes WHERE height > $1 AND height <= $2 ORDER BY height',
  appChanges: 'SELECT * FROM apps WHERE height > $1 AND height <= $2 ORDER BY height',
  app: asOfOne('apps', 'address'),
  apps: asOfAll('apps', 'address'),
  // Stepped rows (projectors/signing-infos.ts): the counters advance to the asked height.
  signingInfo: asOfOne('signing_infos', 'address', SIGNING_INFO_AS_OF_COLUMNS.replaceAll('@height', '$2::bigint')),
  signingInfos: asOfAll('signing_infos', 'address', SIGNING_INFO_AS_OF_COLUMNS.replaceAll('@height', '$1::bigint')),
  validatorSet: 'SELECT members_json FROM validator_sets WHERE height <= $1 ORDER BY height DESC LIMIT 1',
  claim: `SELECT claim_json FROM claims WHERE servicer = $1 AND app_public_key = $2 AND chain = $3 AND session_height = $4 AND evidence_type = $5
    AND ${LIVE_CLAIM.replaceAll('$H', '$6')} ORDER BY submitted_height DESC LIMIT 1`,
  claims: `SELECT claim_json FROM claims WHERE ${LIVE_CLAIM.replaceAll('$H', '$1')} AND ($2::text IS NULL OR servicer = $2) ORDER BY claim_key COLLATE "C"`,
  param: 'SELECT param_value FROM params WHERE param_key = $1 AND height <= $2 ORDER BY height DESC LIMIT 1',
  params: 'SELECT param_key, param_value, stored FROM (SELECT DISTINCT ON (param_key) param_key, param_value, stored FROM params WHERE height <= $1 ORDER BY param_key, height DESC) p ORDER BY param_key COLLATE "C"',
  rewards: `SELECT * FROM reward_lines WHERE ${REWARD_WHERE} ORDER BY height, event_index, line_index ${LIMIT(6)}`,
  rewardCount: `SELECT count(*) AS n FROM reward_lines WHERE ${REWARD_WHERE}`,
  rap: `SELECT * FROM rap_sheet WHERE ${RAP_WHERE} ORDER BY height, event_index ${LIMIT(4)}`,
  rapCount: `SELECT count(*) AS n FROM rap_sheet WHERE ${RAP_WHERE}`,
  lifecycle: `SELECT * FROM claims WHERE ${CLAIM_WHERE} ORDER BY submitted_height, claim_key COLLATE "C" ${LIMIT(6)}`,
  lifecycleCount: `SELECT count(*) AS n FROM claims WHERE ${CLAIM_WHERE}`,
  supplyHistory: `SELECT * FROM supply WHERE ${RANGE} ORDER BY height ${LIMIT(3)}`,
  supplyHistoryCount: `SELECT count(*) AS n FROM supply WHERE ${RANGE}`,
  // A value set in the range and the value it replaced (log-queries.ts PARAM_HISTORY); keys in byte order as SQLite's.
  paramHistory: `SELECT p.height, p.param_key, p.param_value,
    (SELECT q.param_value FROM params q WHERE q.param_key = p.param_key AND q.height < p.height ORDER BY q.height DESC LIMIT 1) AS previous_value
    FROM params p WHERE ${RANGE.replaceAll('height', 'p.height')} AND ($3::text IS NULL OR p.param_key = $3) ORDER BY p.height, p.param_key COLLATE "C" ${LIMIT(4)}`,
  paramHistoryCount: `SELECT count(*) AS n FROM params WHERE ${RANGE} AND ($3::text IS NULL OR param_key = $3)`,
} as const;

export type ReadName = keyof typeof READS;
