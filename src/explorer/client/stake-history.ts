/**
 * A node's stake over time, from the query API's point queries (query/node at a height).
 *
 * Which heights: evenly spaced samples from block 1 to the head, plus — where a change can happen
 * — every height of its rap sheet (jail, unjail, slash, force unstake) and of its own stake,
 * unstake and unjail txs among its latest sent txs, each with the height before it. So a jail of
 * five blocks shows as its own row at the heights it began and ended, wherever the samples fall.
 * A change that has no event (an unstake completing at its unstaking time) shows between two
 * samples. At most MAX_HEIGHTS queries; beyond that the newest event heights are kept.
 * Before the node existed the row says "not staked" (query/actor answers node: null there, where
 * query/node would answer 400). On a chain imported from an exported state, heights before its
 * first state are refused (400 height_before_first_state): they have no row.
 *
 * Reading the events: only the newest MAX_HEIGHTS event heights can be used (historyHeights
 * stops there), so the rap sheet is read newest first only as far back as holds that many
 * (newestRapLines: one step, up to three requests, for any sheet whose newest 1,000 lines span
 * that many heights) — it was once its first 1,000 lines, oldest first, which for a node with
 * more lines left out its newest events. The sent txs have no filter by type, and a servicer
 * sends a claim and a proof every session, so they are scanned newest first for at most
 * SENT_TX_PAGES pages; when that stops short the page says how many it read (stakeTxScan).
 */
import { ApiError, query, type ActorAnswer, type LedgerPage, type NodeAnswer, type RapSheetLine, type TxPage } from './api.js';
import { newestPage } from './pager.js';

const SAMPLES = 8;
const MAX_HEIGHTS = 40;
const STAKE_TXS: ReadonlySet<string> = new Set(['stake_validator', 'begin_unstake_validator', 'unjail_validator']);
/** The API's largest page (per_page above it is refused). */
const LINES_PER_REQUEST = 1_000;
/** Sent txs scanned for stake txs: at most this many pages of LINES_PER_REQUEST (each tx ~2.4 KB of JSON: a page is ~2.4 MB). */
export const SENT_TX_PAGES = 2;

/** How the history asks the API (api.ts query; a fake in the unit test). */
export type Ask = <T>(route: string, body: Readonly<Record<string, unknown>>) => Promise<T>;

/** The node at one height, or undefined when it was not a validator then. */
export interface StakePoint {
  readonly height: number;
  readonly node: NodeAnswer | undefined;
}

/** A stretch of heights over which every queried point showed the same stake, status and jail flag. */
export interface StakeRun {
  readonly from: number;
  to: number;
  readonly node: NodeAnswer | undefined;
}

/** Heights from `first` to `last`, at most `count`, evenly spread, ascending, ≥ 1 (height 0 means "latest" to the API). */
export function sampleHeights(first: number, last: number, count: number): number[] {
  const from = Math.max(1, first);
  if (last < from) return [];
  const step = Math.max(1, Math.ceil((last - from) / Math.max(1, count - 1)));
  const heights: number[] = [];
  for (let h = from; h < last; h += step) heights.push(h);
  heights.push(last);
  return heights;
}

/** The heights to query: samples ∪ {e − 1, e} for each event height e, within [1, head], ascending. */
export function historyHeights(head: number, eventHeights: readonly number[]): number[] {
  const events = [...new Set(eventHeights)].filter((h) => h >= 1 && h <= head).sort((a, b) => b - a);
  const chosen = new Set(sampleHeights(1, head, SAMPLES));
  for (const h of events) {
    if (chosen.size >= MAX_HEIGHTS) break;
    chosen.add(h);
    if (h > 1) chosen.add(h - 1);
  }
  return [...chosen].sort((a, b) => a - b);
}

function same(a: NodeAnswer | undefined, b: NodeAnswer | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.tokens === b.tokens && a.status === b.status && a.jailed === b.jailed;
}

/** Consecutive points that agree, as runs of heights (one table row each). */
export function stakeRuns(points: readonly StakePoint[]): StakeRun[] {
  const runs: StakeRun[] = [];
  for (const { height, node } of points) {
    const last = runs[runs.length - 1];
    if (last !== undefined && same(last.node, node)) last.to = height;
    else runs.push({ from: height, to: height, node });
  }
  return runs;
}

/** The point at `height`, or undefined for a height before the chain's first state (an imported chain's). */
async function nodeAt(ask: Ask, address: string, height: number): Promise<StakePoint | undefined> {
  try {
    const actor = await ask<ActorAnswer>('query/actor', { address, height });
    return { height, node: actor.node ?? undefined };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'height_before_first_state') return undefined;
    throw error;
  }
}

/** Rap-sheet lines newest first, and whether they are all of the node's (complete) or not (its newest ones, and perhaps not all lines of the oldest heights read). */
export interface RapLines {
  readonly lines: readonly RapSheetLine[];
  readonly complete: boolean;
}

/**
 * The node's rap-sheet lines up to `head`, newest first, back as far as they hold MAX_HEIGHTS
 * distinct heights (or all of them). Each step reads the newest 1,000 lines up to a height
 * (newestPage: page 1 for the total, then the one or two pages that hold them); a next step, from
 * the height below the oldest line read, is needed only where 1,000 lines share fewer heights,
 * and each step adds at least one height: at most MAX_HEIGHTS steps (≤ 3 requests each), in
 * practice one. A step ending inside a height steps over that height's older lines (the price of
 * the bound; the height itself is read): the next step's total tells how many, and any makes the
 * lines incomplete — a jail among them is not read (jailBeganHere).
 */
export async function newestRapLines(ask: Ask, address: string, head: number): Promise<RapLines> {
  const lines: RapSheetLine[] = [];
  const heights = new Set<number>();
  let below = head;
  let steppedOver = 0;
  let unreadUpToBelow: number | undefined;
  while (heights.size < MAX_HEIGHTS) {
    const step = await newestPage(oncePerPage((page) => ask<LedgerPage<RapSheetLine>>('query/rapsheet', { address, to_height: below, page, per_page: LINES_PER_REQUEST })), 1, LINES_PER_REQUEST);
    // Lines up to the last step's `below` it did not read, less those up to this step's: the ones at its oldest height.
    if (unreadUpToBelow !== undefined) steppedOver += unreadUpToBelow - step.total;
    lines.push(...step.lines);
    for (const line of step.lines) heights.add(line.height);
    const oldest = step.lines[step.lines.length - 1]?.height;
    const allRead = step.lines.length >= step.total;
    // All lines up to `below` read, or none older than height 1 (to_height 0 would mean "latest").
    if (allRead || oldest === undefined || oldest <= 1) return { lines, complete: allRead && steppedOver === 0 };
    unreadUpToBelow = step.total - step.lines.length;
    below = oldest - 1;
  }
  return { lines, complete: false };
}

/**
 * Whether the node's jail began on this chain (else it is the genesis state's: jailText says so):
 * a jail among the rap-sheet lines read — all of them, or its newest lines over MAX_HEIGHTS
 * heights. A node jailed since the genesis state serves no session and signs no block, so its
 * rap sheet never grows that long: one that did was not jailed all along. Jails come as a
 * `jailed` line (downtime) or as a force unstake that jailed — a slash below the minimum stake
 * (ForceValidatorUnstake, valStateChanges.go:575-603) — whose event says so (`jails`; false
 * for a node already jailed, forced out after max_jailed_blocks).
 */
export function jailBeganHere(raps: RapLines): boolean {
  return raps.lines.some(isJail) || !raps.complete;
}

function isJail(line: RapSheetLine): boolean {
  return line.kind === 'jailed' || (line.kind === 'force_unstake' && line.details?.jails === true);
}

/** A page fetcher that asks for each page once (newestPage asks page 1 for the total, and again when the lines are on it). */
function oncePerPage<T>(fetch: (page: number) => Promise<T>): (page: number) => Promise<T> {
  const pages = new Map<number, Promise<T>>();
  return (page) => {
    if (!pages.has(page)) pages.set(page, fetch(page));
    return pages.get(page)!;
  };
}

/**
 * Heights of the stake txs found among the newest `read` of the node's `total` sent txs;
 * `oldestRead` is the height the scan reached; `complete` when nothing the history could use was
 * left unread (every tx read, or MAX_HEIGHTS stake txs found: older ones would not be asked).
 */
export interface StakeTxScan {
  readonly heights: readonly number[];
  readonly read: number;
  readonly total: number;
  readonly oldestRead: number | undefined;
  readonly complete: boolean;
}

/**
 * The heights of the node's stake, unstake and unjail txs, its sent txs read newest first
 * (pocket-core's order "asc", walked backwards) a page of 1,000 at a time until MAX_HEIGHTS of
 * them are found, all are read, or SENT_TX_PAGES pages are. A tx sent meanwhile shifts the
 * pages by one: a tx is read twice, never skipped.
 */
export async function stakeTxScan(ask: Ask, address: string): Promise<StakeTxScan> {
  const heights = new Set<number>();
  let read = 0;
  let total = 0;
  let oldestRead: number | undefined;
  for (let page = 1; page <= SENT_TX_PAGES; page++) {
    const answer = await ask<TxPage>('query/accounttxs', { address, received: false, page, per_page: LINES_PER_REQUEST, order: 'asc' });
    total = answer.total_txs;
    read += answer.txs.length;
    for (const tx of answer.txs) if (STAKE_TXS.has(tx.tx_result.message_type)) heights.add(tx.height);
    oldestRead = answer.txs[answer.txs.length - 1]?.height ?? oldestRead;
    if (answer.txs.length < LINES_PER_REQUEST || read >= total || heights.size >= MAX_HEIGHTS) break;
  }
  read = Math.min(read, total);
  return { heights: [...heights], read, total, oldestRead, complete: read >= total || heights.size >= MAX_HEIGHTS };
}

/** The history and what it was read from: the rap-sheet lines (newest first) and the sent txs scanned. */
export interface StakeHistory {
  readonly points: StakePoint[];
  readonly runs: StakeRun[];
  readonly raps: RapLines;
  readonly sent: StakeTxScan;
}

/** The node's stake history up to `head`, from its rap sheet and its sent txs. */
export async function stakeHistory(address: string, head: number, ask: Ask = query): Promise<StakeHistory> {
  const [raps, sent] = await Promise.all([newestRapLines(ask, address, head), stakeTxScan(ask, address)]);
  const events = [...raps.lines.map((r) => r.height), ...sent.heights];
  const points = (await Promise.all(historyHeights(head, events).map((h) => nodeAt(ask, address, h)))).filter((point): point is StakePoint => point !== undefined);
  return { points, runs: stakeRuns(points), raps, sent };
}
