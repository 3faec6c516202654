/**
 * What the HTML report charts per block, gathered during the audit walk: supply, mint, burn,
 * jailings and relay rewards per chain — all the audit's own figures (the shadow's pools, its
 * expected lines, the jailings it derived itself). Top earners come from the node table
 * (node-rewards.ts), so the chart and the table rank the same nodes.
 */
import { MODULE, type ExpectedLine, type Pools } from './independent/shadow.js';

const MAX_POINTS = 2_000;

export class AuditSeries {
  private readonly heights: number[] = [];
  private readonly total: string[] = [];
  private readonly minted: string[] = [];
  private readonly burned: string[] = [];
  private readonly jails: number[] = [];
  private readonly chains = new Map<string, bigint>();

  /** `jailings`: the nodes the audit itself jailed at this height (events.ts). */
  add(height: number, pools: Pools, expected: readonly ExpectedLine[], jailings: number): void {
    this.heights.push(height);
    this.total.push(String(pools.total));
    this.minted.push(String(pools.minted));
    this.burned.push(String(pools.burned));
    this.jails.push(jailings);
    for (const line of expected) {
      // Relay payouts to nodes (their delegators and refunds too); the fee collector's share is the reconciliation's.
      if (line.kind !== 'relay' || line.address === MODULE.fee_collector) continue;
      const chain = line.inputs?.['chain'];
      if (typeof chain === 'string') this.chains.set(chain, (this.chains.get(chain) ?? 0n) + line.amount);
    }
  }

  toJson(): {
    heights: number[];
    total: string[];
    minted: string[];
    burned: string[];
    jails: number[];
    rewards_by_chain: Array<{ chain: string; upokt: string }>;
  } {
    // Above MAX_POINTS blocks, each point is a bucket of `step` blocks: its last height and
    // supply, and the sums of its mint, burn and jailings (nothing is dropped from the totals).
    const step = Math.max(1, Math.ceil(this.heights.length / MAX_POINTS));
    const buckets = Array.from({ length: Math.ceil(this.heights.length / step) }, (_, b) => [b * step, Math.min((b + 1) * step, this.heights.length)] as const);
    const last = <T>(values: T[]): T[] => buckets.map(([, end]) => values[end - 1]!);
    const sum = (values: string[]): string[] => buckets.map(([start, end]) => String(values.slice(start, end).reduce((total, v) => total + BigInt(v), 0n)));
    const sorted = (m: Map<string, bigint>) => [...m].sort(([a, x], [b, y]) => (x === y ? (a < b ? -1 : 1) : x > y ? -1 : 1));
    return {
      heights: last(this.heights),
      total: last(this.total),
      minted: sum(this.minted),
      burned: sum(this.burned),
      jails: sum(this.jails.map(String)).map(Number),
      rewards_by_chain: sorted(this.chains).map(([chain, v]) => ({ chain, upokt: String(v) })),
    };
  }
}
