/**
 * Supply checks at every block:
 *   own:      the shadow's total and pools (node staked, app staked, DAO, fee_collector) and its
 *             mints and burns equal the recorded supply row, and Σ every account of its shadow
 *             bank (liquid + module accounts) = its total;
 *   recorded: total(h) = total(h−1) + minted(h) − burned(h).
 */
import type { ShadowBank } from './independent/bank.js';
import type { Pools, ShadowLedger } from './independent/shadow.js';
import type { RecordedLedger, RecordedSupply } from './recorded.js';
import type { AuditTally } from './tally.js';

type Pair = [field: string, expected: bigint, recorded: bigint];

export class SupplyChecks {
  private previousRecordedTotal: bigint | undefined;

  constructor(private readonly recorded: RecordedLedger, private readonly shadow: ShadowLedger, private readonly bank: ShadowBank, private readonly tally: AuditTally, private readonly genesisHeight: number) {}

  /** The genesis height's row, if the projection has one (reported: the genesis state is always in range). */
  checkGenesis(): void {
    const row = this.recorded.supply(this.genesisHeight);
    this.previousRecordedTotal = row?.total;
    if (row !== undefined) this.check(this.genesisHeight, row, true);
  }

  /** The recorded supply row of h (a missing row is a failure) against the shadow's; the row. */
  checkAt(h: number, report: boolean): RecordedSupply | undefined {
    const row = this.recorded.supply(h);
    if (row === undefined) this.tally.supplyFailure(report, h, 'supply/row', 'a row', '(none)');
    else this.check(h, row, report);
    return row;
  }

  private check(h: number, row: RecordedSupply, report: boolean): void {
    if (report) this.tally.supplyChecks++;
    const pairs = this.ownAgainstRecorded(h, row);
    if (h > this.genesisHeight && this.previousRecordedTotal !== undefined) pairs.push(['total_from_previous', this.previousRecordedTotal + row.minted - row.burned, row.total]);
    this.previousRecordedTotal = row.total;
    for (const [field, expected, recorded] of pairs) if (expected !== recorded) this.tally.supplyFailure(report, h, `supply/${field}`, String(expected), String(recorded));
  }

  private ownAgainstRecorded(h: number, row: RecordedSupply): Pair[] {
    const own: Pools = this.shadow.pools;
    return [
      ['total', own.total, row.total],
      ['node_staked', own.node, row.node],
      ['app_staked', own.app, row.app],
      ['dao', own.dao, row.dao],
      ['fee_collector', own.fee, row.fee],
      ['minted', h === this.genesisHeight ? 0n : own.minted, row.minted],
      ['burned', h === this.genesisHeight ? 0n : own.burned, row.burned],
      // Every account of the shadow bank together (liquid + module accounts, the pools
      // included) is the audit's own total. The recorded accounts' sum then follows: each
      // recorded balance row is compared with the shadow bank's (BalanceChecks).
      ['sum_of_all_balances', own.total, this.bank.sum],
    ];
  }
}
