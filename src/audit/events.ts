/**
 * Slashes, jails, unjails, force unstakes and burns, itemised, as the audit derived them itself
 * (the shadow's slashing, its delivered Unjails and its burns — never the projection's rap
 * sheet, which the walk compares them with). Per height, in the shadow's order. Burns that are
 * not about one node (FeeBurnPercentage, ApplicationBurnRate over every app, a DAO burn) are one
 * row per block and kind. The list keeps the first `maxListed` rows; the count and the totals
 * by kind are exact.
 */
import type { BlockFacts, BurnKind } from './independent/block-facts.js';
import type { DerivedEvent, ExpectedLine } from './independent/shadow.js';

export type EventKind = 'slash' | 'jail' | 'unjail' | 'force_unstake' | BurnKind;

export interface EventRow {
  readonly height: number;
  /** The node (or app, or module account) it is about; null for a burn over several apps. */
  readonly address: string | null;
  readonly kind: EventKind;
  readonly reason: string;
  /** The uPOKT burned; null for a jail, unjail or force unstake. */
  readonly amount_upokt: string | null;
}

export interface EventList {
  readonly count: number;
  readonly rows: readonly EventRow[];
  /** Per kind: how many and the uPOKT they burned ("0" for kinds that burn nothing). */
  readonly by_kind: Readonly<Partial<Record<EventKind, { count: number; upokt: string }>>>;
  /** Where the rows come from, said on the page. */
  readonly source: 'audit';
}

const BURN_REASON: Readonly<Record<Exclude<BurnKind, 'slash'>, string>> = {
  replay_burn: 'replay attack (proof of an already-claimed session)',
  fee_burn: 'FeeBurnPercentage of the block’s fees',
  application_burn: 'ApplicationBurnRate',
  dao_burn: 'DAOTransfer dao_burn',
};

export class AuditEvents {
  private readonly rows: EventRow[] = [];
  private count = 0;
  private readonly byKind = new Map<EventKind, { count: number; upokt: bigint }>();

  constructor(private readonly maxListed: number) {}

  /**
   * One block: `derived` (slashes, downtime jails, MaxJailedBlocks force unstakes), `expected`
   * (its replay burns: a line even when it burned 0 — the claim is gone all the same), `facts`
   * (the other burns, unjails), `belowMinimum` (nodes a burn left under StakeMinimum: jailed and
   * force-unstaked). Only what `about` accepts. Returns the block's jailings of every node
   * (the chart is the chain's, also under --node).
   */
  add(height: number, derived: readonly DerivedEvent[], expected: readonly ExpectedLine[], facts: BlockFacts, belowMinimum: readonly string[], about: (address: string) => boolean): number {
    const jailings = derived.filter((d) => d.line.startsWith('jail/')).length + belowMinimum.length;
    for (const d of derived) {
      if (!about(d.address)) continue;
      const [kind, reason] = d.line.split('/') as ['slash' | 'jail' | 'force_unstake', string];
      this.push({ height, address: d.address, kind, reason, amount_upokt: d.amount === null ? null : String(d.amount) });
    }
    for (const address of belowMinimum.filter(about)) this.push({ height, address, kind: 'force_unstake', reason: 'stake_below_minimum (jailed at once)', amount_upokt: null });
    for (const line of expected) {
      if (line.kind === 'replay_burn' && about(line.subject!)) this.push({ height, address: line.subject, kind: 'replay_burn', reason: BURN_REASON.replay_burn, amount_upokt: String(line.amount) });
    }
    for (const address of facts.unjailed.filter(about)) this.push({ height, address, kind: 'unjail', reason: 'Unjail tx delivered', amount_upokt: null });
    const perBlock = new Map<BurnKind, { addresses: Set<string>; amount: bigint }>();
    for (const burn of facts.burns) {
      // Slashes and replay burns have their rows above.
      if (burn.kind === 'slash' || burn.kind === 'replay_burn' || !about(burn.address)) continue;
      const entry = perBlock.get(burn.kind) ?? { addresses: new Set<string>(), amount: 0n };
      entry.addresses.add(burn.address);
      entry.amount += burn.amount;
      perBlock.set(burn.kind, entry);
    }
    for (const [kind, { addresses, amount }] of perBlock) {
      const many = addresses.size > 1;
      const reason = BURN_REASON[kind as Exclude<BurnKind, 'slash'>] + (many ? ` (${addresses.size} accounts)` : '');
      this.push({ height, address: many ? null : [...addresses][0]!, kind, reason, amount_upokt: String(amount) });
    }
    return jailings;
  }

  toJson(): EventList {
    const byKind = Object.fromEntries([...this.byKind].map(([kind, v]) => [kind, { count: v.count, upokt: String(v.upokt) }]));
    return { count: this.count, rows: this.rows, by_kind: byKind, source: 'audit' };
  }

  private push(row: EventRow): void {
    this.count++;
    if (this.rows.length < this.maxListed) this.rows.push(row);
    const kind = this.byKind.get(row.kind) ?? { count: 0, upokt: 0n };
    kind.count++;
    kind.upokt += BigInt(row.amount_upokt ?? 0);
    this.byKind.set(row.kind, kind);
  }
}
