/**
 * The report's reconciliation: the audited heights' money, added up from the audit's own lines
 * and pools, chain-wide (also under --node: a mint is the chain's), each equation with its
 * numbers and whether it holds.
 *
 *   minted         = Σ relay rewards to nodes (output addresses, delegators)
 *                    + Σ reward-cost refunds + Σ fee-collector share (DAO + proposer allocation)
 *   fee collector  start + that share + tx fees + transfers in = to the DAO + to proposers
 *                    + FeeBurnPercentage burns + end (the share reaches the DAO and the
 *                    proposers in the next block's BeginBlock, with the tx fees)
 *   burned         = Σ slashes + replay burns + fee burns + application burns + DAO burns
 *   supply         recorded(end) − recorded(start) = minted − burned: the ledger's own supply
 *                    rows (the projection) against the audit's mints and burns; and the same
 *                    for the audit's own running total
 */
import type { BlockFacts, BurnKind } from './independent/block-facts.js';
import { MODULE, type ExpectedLine, type Pools } from './independent/shadow.js';
import type { RecordedSupply } from './recorded.js';

export interface Equation {
  readonly ok: boolean;
}

export interface Reconciliation {
  readonly from: number;
  readonly to: number;
  readonly mint: Equation & { minted_upokt: string; node_relay_rewards_upokt: string; reward_cost_refunds_upokt: string; fee_collector_share_upokt: string };
  readonly fee_collector: Equation & { start_upokt: string; relay_share_upokt: string; tx_fees_upokt: string; transfers_upokt: string; to_dao_upokt: string; to_proposers_upokt: string; burned_upokt: string; end_upokt: string };
  readonly burn: Equation & { burned_upokt: string; by_kind: Readonly<Record<BurnKind, string>> };
  /** `recorded_*` null when the projection has no supply row there (then `recorded_ok` is false). */
  readonly supply: { start_height: number; recorded_start_upokt: string | null; recorded_end_upokt: string | null; recorded_ok: boolean; own_start_upokt: string; own_end_upokt: string; own_ok: boolean; minted_upokt: string; burned_upokt: string };
}

const BURN_KINDS: readonly BurnKind[] = ['slash', 'replay_burn', 'fee_burn', 'application_burn', 'dao_burn'];

export class ReconciliationTally {
  private minted = 0n;
  private burned = 0n;
  private nodeRewards = 0n;
  private refunds = 0n;
  private feeShare = 0n;
  private txFees = 0n;
  private transfers = 0n;
  private toDao = 0n;
  private toProposers = 0n;
  private readonly burnedBy = new Map<BurnKind, bigint>(BURN_KINDS.map((k) => [k, 0n]));
  private readonly start: { own: Pools; recorded: RecordedSupply | undefined };

  /** `ownStart`: the shadow's pools before the first audited block; `recordedStart`: the projection's supply row there. */
  constructor(private readonly startHeight: number, ownStart: Pools, recordedStart: RecordedSupply | undefined) {
    this.start = { own: { ...ownStart }, recorded: recordedStart };
  }

  /** One audited block: every line it derived (unscoped), its facts, its pools after it. */
  add(expected: readonly ExpectedLine[], facts: BlockFacts, pools: Pools): void {
    this.minted += pools.minted;
    this.burned += pools.burned;
    this.txFees += facts.feesCharged;
    this.transfers += facts.feeCollectorTransfers;
    for (const burn of facts.burns) this.burnedBy.set(burn.kind, this.burnedBy.get(burn.kind)! + burn.amount);
    for (const line of expected) {
      if (line.kind === 'relay') {
        if (line.address === MODULE.fee_collector) this.feeShare += line.amount;
        else if (line.role === 'reward_cost_refund') this.refunds += line.amount;
        else this.nodeRewards += line.amount;
      } else if (line.kind === 'block') {
        if (line.role === 'dao') this.toDao += line.amount;
        else if (line.role.startsWith('proposer_')) this.toProposers += line.amount;
      }
    }
  }

  toJson(to: number, ownEnd: Pools, recordedEndRow: RecordedSupply | undefined): Reconciliation {
    const s = String;
    const feeBurned = this.burnedBy.get('fee_burn')!;
    const feeIn = this.start.own.fee + this.feeShare + this.txFees + this.transfers;
    const burnSum = [...this.burnedBy.values()].reduce((a, b) => a + b, 0n);
    const net = this.minted - this.burned;
    const recordedStart = this.start.recorded?.total;
    const recordedEnd = recordedEndRow?.total;
    return {
      from: this.startHeight + 1,
      to,
      mint: { ok: this.minted === this.nodeRewards + this.refunds + this.feeShare, minted_upokt: s(this.minted), node_relay_rewards_upokt: s(this.nodeRewards), reward_cost_refunds_upokt: s(this.refunds), fee_collector_share_upokt: s(this.feeShare) },
      fee_collector: {
        ok: feeIn === this.toDao + this.toProposers + feeBurned + ownEnd.fee,
        start_upokt: s(this.start.own.fee), relay_share_upokt: s(this.feeShare), tx_fees_upokt: s(this.txFees), transfers_upokt: s(this.transfers),
        to_dao_upokt: s(this.toDao), to_proposers_upokt: s(this.toProposers), burned_upokt: s(feeBurned), end_upokt: s(ownEnd.fee),
      },
      burn: { ok: burnSum === this.burned, burned_upokt: s(this.burned), by_kind: Object.fromEntries(BURN_KINDS.map((k) => [k, s(this.burnedBy.get(k)!)])) as Record<BurnKind, string> },
      supply: {
        start_height: this.startHeight,
        recorded_start_upokt: recordedStart === undefined ? null : s(recordedStart),
        recorded_end_upokt: recordedEnd === undefined ? null : s(recordedEnd),
        recorded_ok: recordedStart !== undefined && recordedEnd !== undefined && recordedEnd - recordedStart === net,
        own_start_upokt: s(this.start.own.total),
        own_end_upokt: s(ownEnd.total),
        own_ok: ownEnd.total - this.start.own.total === net,
        minted_upokt: s(this.minted),
        burned_upokt: s(this.burned),
      },
    };
  }
}
