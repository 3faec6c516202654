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
 */
import { ApiError, query, type ActorAnswer, type NodeAnswer, type RapSheetLine, type TxAnswer } from './api.js';

const SAMPLES = 8;
const MAX_HEIGHTS = 40;
const STAKE_TXS: ReadonlySet<string> = new Set(['stake_validator', 'begin_unstake_validator', 'unjail_validator']);

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
async function nodeAt(address: string, height: number): Promise<StakePoint | undefined> {
  try {
    const actor = await query<ActorAnswer>('query/actor', { address, height });
    return { height, node: actor.node ?? undefined };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'height_before_first_state') return undefined;
    throw error;
  }
}

/** The node's stake history up to `head`, given its rap sheet and its latest sent txs. */
export async function stakeHistory(address: string, head: number, raps: readonly RapSheetLine[], sent: readonly TxAnswer[]): Promise<{ points: StakePoint[]; runs: StakeRun[] }> {
  const events = [...raps.map((r) => r.height), ...sent.filter((tx) => STAKE_TXS.has(tx.tx_result.message_type)).map((tx) => tx.height)];
  const points = (await Promise.all(historyHeights(head, events).map((h) => nodeAt(address, h)))).filter((point): point is StakePoint => point !== undefined);
  return { points, runs: stakeRuns(points) };
}
