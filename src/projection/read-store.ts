/**
 * The read store: every question the query service (src/query/) asks of a projection, one
 * method per question, each answered "as of" an explicit height.
 *
 * It lives here, in the projection layer, so that every backend (SQLite: sqlite-read-store.ts;
 * PostgreSQL) can implement it without importing the HTTP layer above. Every method returns a
 * Promise (a network database answers asynchronously); the SQLite one resolves at once.
 *
 * Contract for implementers:
 *   - `height` arguments are ≤ `latestHeight()` as read by the caller; rows of heights ≤ the
 *     checkpoint are immutable (version rows are never rewritten, claims' settle heights only
 *     ever lie above the checkpoint they were written at), so answers at one height never mix
 *     heights even while a writer commits newer blocks — until a rollback (or a rebuild) puts
 *     other blocks at those heights: a store that caches by height drops its caches when its
 *     checkpoint shows that (checkpoint-watch.ts);
 *   - addresses arrive lower-case hex (40 chars), hashes upper-case hex (64 chars);
 *   - lists come in a stable order (entities by address, txs by (height, index), logs by
 *     (height, event index)) — pagination is the caller's, except where a `PageRequest` is
 *     passed (tx lists and logs, which can be long): then `total` is the number of all matches;
 *   - money stays bigint or decimal strings, never a JS number.
 */
import type { AppJson } from '../modules/apps/index.js';
import type { SupplyJson } from '../modules/auth/index.js';
import type { AllParams } from '../modules/gov/index.js';
import type { NodeJson, ValidatorSetEntry } from '../modules/nodes/index.js';
import type { ClaimAnswer } from '../modules/pocketcore/index.js';
import type { SigningInfo } from '../modules/slashing/index.js';

/** 1-based page of `perPage` rows (both ≥ 1; the caller bounds perPage). */
export interface PageRequest {
  readonly page: number;
  readonly perPage: number;
}

export interface ListPage<T> {
  readonly items: readonly T[];
  /** Matches over all pages. */
  readonly total: number;
}

export type Order = 'asc' | 'desc';

/** One block's row (migrations/001-tables.sql `blocks`). */
export interface BlockRecord {
  readonly height: number;
  readonly hash: string;
  readonly chainId: string;
  readonly timeNs: bigint;
  readonly proposer: string;
  readonly previousHash: string;
  readonly txRoot: string;
  readonly appHash: string;
  readonly stateRoot: string;
  readonly txCount: number;
  readonly txBytes: number;
  /** Txs in blocks 1..height (Tendermint's header total_txs). */
  readonly totalTxs: number;
  readonly lastCommitJson: string;
  readonly evidenceJson: string;
}

/** One tx's row (`txs`): also the failed and undecodable ones. */
export interface TxRecord {
  readonly height: number;
  readonly index: number;
  /** Upper-case hex (Tendermint). */
  readonly hash: string;
  readonly signer: string | null;
  readonly recipient: string | null;
  readonly messageType: string | null;
  /** The message's amino JSON text (null when the tx did not decode). */
  readonly messageJson: string | null;
  readonly memo: string | null;
  readonly entropy: string | null;
  readonly code: number;
  readonly codespace: string;
  readonly log: string;
  readonly raw: Uint8Array;
}

export interface AccountRecord {
  readonly address: string;
  /** Hex, or null (the ledger learns keys from genesis only; modules/auth/bank.ts). */
  readonly publicKey: string | null;
  readonly balanceUpokt: bigint;
}

/** Which accounts a list holds: every one, or only those whose balance is not zero. */
export type AccountSelection = 'all' | 'withCoins';

export interface TxFilter {
  readonly address: string;
  /** true: txs whose recipient is `address`; false: txs it signed. */
  readonly received: boolean;
  /** pocket-core's accounttxs `height`: txs at this height and above (0: all; query/chain-routes.ts). */
  readonly fromHeight: number;
  readonly order: Order;
}

/** Block range [fromHeight, toHeight] of a log query (both inclusive). */
export interface HeightRange {
  readonly fromHeight: number;
  readonly toHeight: number;
}

export interface RewardFilter extends HeightRange {
  /** The servicer (node) the line was earned for. */
  readonly node?: string;
  /** The address the line paid (output address, delegator, DAO, proposer). */
  readonly address?: string;
  readonly chain?: string;
}

/** A reward line with every input of its plan (`reward_lines`). */
export interface RewardLineRecord {
  readonly height: number;
  readonly eventIndex: number;
  readonly lineIndex: number;
  readonly kind: string;
  readonly role: string;
  readonly address: string | null;
  readonly amountUpokt: bigint;
  readonly servicer: string | null;
  readonly claimKey: string | null;
  readonly chain: string | null;
  readonly relays: bigint | null;
  readonly multiplierUpoktPerRelay: bigint | null;
  readonly multiplierSource: string | null;
  readonly stakeUpokt: bigint | null;
  readonly flooredStakeUpokt: bigint | null;
  readonly stakeBin: bigint | null;
  readonly weight: string | null;
  readonly pip22Applied: boolean | null;
  readonly daoAllocationPercent: bigint | null;
  readonly proposerAllocationPercent: bigint | null;
  readonly mintedUpokt: bigint | null;
  readonly planJson: string;
}

export interface RapSheetRecord {
  readonly height: number;
  readonly eventIndex: number;
  readonly address: string;
  readonly kind: string;
  readonly reason: string | null;
  readonly amountUpokt: bigint | null;
  readonly txHash: string | null;
  readonly detailsJson: string;
}

/** A parameter's value from a height on (its genesis value at 0), with the value it replaced. */
export interface ParamChangeRecord {
  readonly height: number;
  readonly paramKey: string;
  /** As pocket-core's param queries print it (the params table's param_value). */
  readonly value: string;
  /** The value before this height; null at genesis (or a parameter a later upgrade introduced). */
  readonly previous: string | null;
}

export interface ClaimFilter extends HeightRange {
  readonly servicer?: string;
  readonly status?: string;
}

/** A claim's lifecycle row (`claims`); the status as of the checkpoint the row was read at. */
export interface ClaimLifecycleRecord {
  readonly claimKey: string;
  readonly submittedHeight: number;
  readonly servicer: string;
  readonly appPublicKey: string;
  readonly chain: string;
  readonly sessionHeight: number;
  readonly totalProofs: bigint;
  readonly evidenceType: number;
  readonly expirationHeight: number;
  readonly submittedTx: string | null;
  readonly status: string;
  readonly settledHeight: number | null;
  readonly reason: string | null;
}

export interface SupplyRecord {
  readonly height: number;
  readonly totalUpokt: bigint;
  readonly nodeStakedUpokt: bigint;
  readonly appStakedUpokt: bigint;
  readonly daoUpokt: bigint;
  readonly feeCollectorUpokt: bigint;
  readonly mintedUpokt: bigint;
  readonly burnedUpokt: bigint;
}

export interface ClaimKey {
  readonly servicer: string;
  readonly appPublicKey: string;
  readonly chain: string;
  readonly sessionHeight: number;
  /** 1 = relay, 2 = challenge (pocket's EvidenceType). */
  readonly evidenceType: number;
}

/** A value read in one snapshot, with the headers its answer carries (e.g. a replica's lag). */
export interface SnapshotAnswer<T> {
  readonly value: T;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Why a store's server could not answer (the query service answers 503 with this code):
 * - `database_unavailable`: it cannot be reached (restart, failover, network); retry.
 * - `database_busy`: it refused for now (a lock or statement timeout, a replica's recovery
 *   conflict, too many connections, out of memory or disk); retry.
 * - `projection_missing`: the projection's tables or columns are not there (dropped, renamed, an
 *   older schema); a retry does not help — the operator rebuilds it.
 * - `database_permission_denied`: this role may not read the projection; the operator grants it.
 * - `projection_damaged`: the server found its data or an index corrupted; the operator rebuilds.
 */
export type ReadStoreFailureCode = 'database_unavailable' | 'database_busy' | 'projection_missing' | 'database_permission_denied' | 'projection_damaged';

/** The store's server could not answer (the query service answers 503; `retry` says whether a retry may succeed). */
export class ReadStoreUnavailable extends Error {
  constructor(
    message: string,
    readonly code: ReadStoreFailureCode = 'database_unavailable',
    readonly retry = true,
  ) {
    super(message);
  }
}

export interface ReadStore {
  /**
   * Optional: runs every read of `read` (latestHeight included) in ONE snapshot of the database
   * (PostgreSQL: a REPEATABLE READ READ ONLY transaction). Without it each read sees the last
   * committed state, which the contract above makes safe for SQLite's single file.
   */
  snapshot?<T>(read: () => Promise<T>): Promise<SnapshotAnswer<T>>;

  /**
   * The newest projected height (the checkpoint), read afresh (in a snapshot: the snapshot's);
   * undefined before genesis. Every answer reads it first: a store that caches by height checks
   * here that its caches still belong to the projected chain (checkpoint-watch.ts).
   */
  latestHeight(): Promise<number | undefined>;
  /**
   * The height of the first state the projection holds: 0 (the genesis) for a chain started from
   * a genesis file, H for one imported from a state exported at H (it continues at H + 1).
   * Undefined before genesis. It never changes while the projection holds the same chain.
   */
  firstHeight(): Promise<number | undefined>;

  block(height: number): Promise<BlockRecord | undefined>;
  /** The height of the block ≤ `height` whose hash is `hash` (lowercase hex, as blocks store it). */
  blockHeightOf(hash: string, height: number): Promise<number | undefined>;
  /** The hashes (hex, as txs store them) of block `height`'s txs in index order: a TxProof's leaves (query/tx-proof.ts). */
  blockTxHashes(height: number): Promise<readonly string[]>;
  /** The txs of block `height` in index order (`order` desc = reversed). */
  blockTxs(height: number, order: Order, page: PageRequest): Promise<ListPage<TxRecord>>;
  /** The tx with this hash if it is in a block ≤ `height`. */
  tx(hash: string, height: number): Promise<TxRecord | undefined>;
  /** Txs in blocks ≤ `height` signed by (or received by) an address, by (height, index). */
  accountTxs(filter: TxFilter, height: number, page: PageRequest): Promise<ListPage<TxRecord>>;

  account(address: string, height: number): Promise<AccountRecord | undefined>;
  /**
   * Every account that exists at `height`, by address; `withCoins`: only those holding uPOKT (what
   * pocket-core's accounts query lists, GetAllAccountsExport, x/auth/keeper/account.go:108-122).
   */
  accounts(height: number, page: PageRequest, which?: AccountSelection): Promise<ListPage<AccountRecord>>;
  balance(address: string, height: number): Promise<bigint>;
  supply(height: number): Promise<SupplyJson | undefined>;

  node(address: string, height: number): Promise<NodeJson | undefined>;
  /** Every node at `height`, by address (the caller filters and paginates as pocket-core). */
  nodes(height: number): Promise<readonly NodeJson[]>;
  app(address: string, height: number): Promise<AppJson | undefined>;
  apps(height: number): Promise<readonly AppJson[]>;
  signingInfo(address: string, height: number): Promise<SigningInfo | undefined>;
  signingInfos(height: number): Promise<readonly SigningInfo[]>;
  validatorSet(height: number): Promise<readonly ValidatorSetEntry[]>;

  /** The live claim with this key at `height`. */
  claim(key: ClaimKey, height: number): Promise<ClaimAnswer | undefined>;
  /** Live claims at `height` (of one servicer, or all), by claim key. */
  claims(height: number, servicer?: string): Promise<readonly ClaimAnswer[]>;

  /** Every parameter at `height`, as pocket-core's allparams prints them. */
  allParams(height: number): Promise<AllParams>;

  /** Beyond pocket-core: logs over a block range. */
  rewardLines(filter: RewardFilter, page: PageRequest): Promise<ListPage<RewardLineRecord>>;
  rapSheet(address: string | undefined, range: HeightRange, page: PageRequest): Promise<ListPage<RapSheetRecord>>;
  /** Claims submitted in the range, with their status as of `asOf` (settled after it = submitted). */
  claimLifecycle(filter: ClaimFilter, asOf: number, page: PageRequest): Promise<ListPage<ClaimLifecycleRecord>>;
  supplyHistory(range: HeightRange, page: PageRequest): Promise<ListPage<SupplyRecord>>;
  /** Every parameter value set in the range (of one key, or all), by height then key. */
  paramHistory(key: string | undefined, range: HeightRange, page: PageRequest): Promise<ListPage<ParamChangeRecord>>;

  close(): Promise<void>;
}

/** `read` in one snapshot of `store` when it has them, else as is (no extra headers). */
export function inSnapshot<T>(store: ReadStore, read: () => Promise<T>): Promise<SnapshotAnswer<T>> {
  if (store.snapshot !== undefined) return store.snapshot(read);
  return read().then((value) => ({ value, headers: {} }));
}
