/**
 * The audit walk: the shadow ledger (src/audit/independent/) follows the block log one block at
 * a time, and each block's checks run against the recorded projection rows. Heights below
 * `from` are walked (the shadow needs them) but not reported. The checks run in a fixed order,
 * which is the order of the (capped) mismatch list.
 */
import { compareLines } from './compare.js';
import type { RawBlock } from './independent/inputs.js';
import type { ExpectedLine, ShadowLedger } from './independent/shadow.js';
import type { AuditOptions } from './options.js';
import type { RecordedLedger, RecordedRap } from './recorded.js';
import { AuditSeries } from './series.js';
import { auditSummary, type AuditRun, type AuditSummary } from './summary.js';
import { AuditTally } from './tally.js';
import { BalanceChecks } from './balance-checks.js';
import { shadowAtGenesis, type Genesis } from './genesis-shadow.js';
import { compareSlashing } from './slash-checks.js';
import { SigningChecks } from './signing-checks.js';
import { SnapshotChecks } from './snapshot-checks.js';
import { StakeChecks } from './stake-checks.js';
import { SupplyChecks } from './supply-checks.js';
import { TxChecks } from './tx-checks.js';

export class AuditWalk {
  readonly tally: AuditTally;
  readonly series = new AuditSeries();
  private readonly shadow: ShadowLedger;
  private readonly txs: TxChecks;
  private readonly stakes: StakeChecks;
  private readonly balances: BalanceChecks;
  private readonly supply: SupplyChecks;
  private readonly snapshots: SnapshotChecks;
  private readonly signing: SigningChecks;
  private previousProposer: string | null;

  /** `snapshots`: height → the snapshot file to compare there (only files proven to be this chain's). */
  constructor(options: AuditOptions, private readonly recorded: RecordedLedger, genesis: Genesis, private readonly from: number, genesisHeight: number, snapshots: ReadonlyMap<number, string>) {
    this.tally = new AuditTally(options.node, options.maxListed ?? 1000);
    const { shadow, bank, previousProposer } = shadowAtGenesis(genesis, genesisHeight);
    this.shadow = shadow;
    this.previousProposer = previousProposer;
    this.txs = new TxChecks(recorded, shadow, bank, genesis, this.tally);
    this.stakes = new StakeChecks(recorded, shadow, this.tally);
    this.balances = new BalanceChecks(recorded, bank, this.tally, genesisHeight);
    this.supply = new SupplyChecks(recorded, shadow, bank, this.tally, genesisHeight);
    // The genesis height: 0, or an imported exported state's H (its chain starts at H + 1).
    this.balances.advanceAndCheck(genesisHeight, true);
    this.stakes.checkVersions(genesisHeight, true);
    this.signing = new SigningChecks(recorded, shadow, this.tally);
    this.signing.check(genesisHeight, true);
    this.snapshots = new SnapshotChecks(snapshots, shadow, bank, this.tally);
  }

  get lineCount(): number {
    return this.tally.lineCount;
  }

  checkGenesisSupply(): void {
    this.supply.checkGenesis();
  }

  block(block: RawBlock): void {
    const h = block.header.height;
    const report = h >= this.from;
    const rap = this.recorded.rapSheet(h);
    const expected = this.shadow.beginBlock(block.header, this.previousProposer);
    expected.push(...this.txs.deliverBlock(block, report));
    this.endBlock(h, report, rap);
    this.previousProposer = block.header.proposer;
    this.balances.advanceAndCheck(h, report);
    this.stakes.checkVersions(h, report);
    if (report) this.compareBlock(h, expected, rap);
    const supply = this.supply.checkAt(h, report);
    this.snapshots.check(h, report);
    this.signing.check(h, report);
    if (report) this.series.add(h, this.shadow.pools, expected, rap, supply);
  }

  /** The shadow's EndBlock: force unstakes below StakeMinimum compared first (the shadow queues them), then the removed records. */
  private endBlock(h: number, report: boolean, rap: readonly RecordedRap[]): void {
    const forced = rap.filter((r) => r.kind === 'force_unstake' && r.reason === 'stake_below_minimum');
    this.stakes.compareForceUnstakes(h, report, forced.map((r) => r.address));
    const removed = this.shadow.endBlock(h);
    this.stakes.compareRemoved(h, report, removed);
  }

  /**
   * The block's expected reward and burn lines (in scope) against the recorded lines and rap
   * sheet; the slashing the shadow derived (slashes with their amounts, downtime jails, force
   * unstakes for MaxJailedBlocks) against the rap sheet both ways (slash-checks.ts).
   */
  private compareBlock(h: number, expected: readonly ExpectedLine[], rap: readonly RecordedRap[]): void {
    const node = this.tally.node;
    const mine = node === undefined ? expected : expected.filter((e) => e.address === node || e.subject === node);
    const lines = this.recorded.lines(h).filter((l) => node === undefined || l.address === node || l.servicer === node);
    const raps = rap.filter((r) => node === undefined || r.address === node);
    for (const e of mine) {
      if (e.kind === 'relay' || e.kind === 'block') this.tally.lineCount++;
      else this.tally.burnLineCount++;
    }
    this.tally.mintedInRange += this.shadow.pools.minted;
    this.tally.burnedInRange += this.shadow.pools.burned;
    for (const m of compareLines(h, mine.filter((e) => e.kind !== 'slash'), lines, raps.filter((r) => r.kind !== 'slashed'))) this.tally.mismatch(true, m);
    for (const m of compareSlashing(h, this.shadow.derived, rap, (a) => this.tally.about(a))) this.tally.mismatch(true, m);
    for (const d of this.shadow.derived) if (this.tally.about(d.address)) this.tally.slashingDerived[d.line] = (this.tally.slashingDerived[d.line] ?? 0) + 1;
  }

  summary(run: Omit<AuditRun, 'totalSupplyUpokt'>): AuditSummary {
    return auditSummary(this.tally, this.series, { ...run, totalSupplyUpokt: this.shadow.pools.total });
  }
}
