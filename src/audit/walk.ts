/**
 * The audit walk: the shadow ledger (src/audit/independent/) follows the block log one block at
 * a time, and each block's checks run against the recorded projection rows. Heights below
 * `from` are walked (the shadow needs them) but not reported. The checks run in a fixed order,
 * which is the order of the (capped) mismatch list.
 */
import { compareLines } from './compare.js';
import type { RawBlock } from './independent/inputs.js';
import type { ExpectedLine, RecordedSlash, ShadowLedger } from './independent/shadow.js';
import type { AuditOptions } from './options.js';
import type { RecordedLedger, RecordedRap } from './recorded.js';
import { AuditSeries } from './series.js';
import { snapshotFiles } from './snapshots.js';
import { auditSummary, type AuditSummary } from './summary.js';
import { AuditTally } from './tally.js';
import { BalanceChecks } from './balance-checks.js';
import { shadowAtGenesis, type Genesis } from './genesis-shadow.js';
import { checkSlashCauses } from './slash-causes.js';
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
  private previousProposer: string | null;

  constructor(options: AuditOptions, private readonly recorded: RecordedLedger, genesis: Genesis, private readonly from: number, genesisHeight: number) {
    this.tally = new AuditTally(options.node, options.maxListed ?? 1000);
    const { shadow, bank, previousProposer } = shadowAtGenesis(genesis);
    this.shadow = shadow;
    this.previousProposer = previousProposer;
    this.txs = new TxChecks(recorded, shadow, bank, genesis, this.tally);
    this.stakes = new StakeChecks(recorded, shadow, this.tally);
    this.balances = new BalanceChecks(recorded, bank, this.tally, genesisHeight);
    this.supply = new SupplyChecks(recorded, shadow, bank, this.tally, genesisHeight);
    // The genesis height: 0, or an imported exported state's H (its chain starts at H + 1).
    this.balances.advanceAndCheck(genesisHeight, true);
    this.stakes.checkVersions(genesisHeight, true);
    this.snapshots = new SnapshotChecks(options.snapshots === false ? new Map() : snapshotFiles(options.dataDir), shadow, bank, this.tally);
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
    const expected = this.beginBlock(block, report, rap);
    expected.push(...this.txs.deliverBlock(block, report));
    this.endBlock(h, report, rap);
    this.previousProposer = block.header.proposer;
    this.balances.advanceAndCheck(h, report);
    this.stakes.checkVersions(h, report);
    if (report) this.compareBlock(h, expected, rap);
    const supply = this.supply.checkAt(h, report);
    this.snapshots.check(h, report);
    if (report) this.series.add(h, this.shadow.pools, expected, rap, supply);
  }

  /** The recorded slashes' causes checked, then the shadow's BeginBlock (block reward, slashes); its lines. */
  private beginBlock(block: RawBlock, report: boolean, rap: readonly RecordedRap[]): ExpectedLine[] {
    const votes = new Map(block.header.lastCommit.map((v) => [v.address, v.power] as const));
    const slashes: RecordedSlash[] = rap.filter((r) => r.kind === 'slashed').map((r) => ({ address: r.address, reason: r.reason ?? 'downtime' }));
    checkSlashCauses(block, slashes, report, this.tally);
    return this.shadow.beginBlock(block.header.height, block.header.timeNs, this.previousProposer, votes, slashes);
  }

  /** The shadow's EndBlock: force unstakes below StakeMinimum compared first (the shadow queues them), then the removed records. */
  private endBlock(h: number, report: boolean, rap: readonly RecordedRap[]): void {
    const forced = rap.filter((r) => r.kind === 'force_unstake');
    this.stakes.compareForceUnstakes(h, report, forced.filter((r) => r.reason === 'stake_below_minimum').map((r) => r.address));
    const removed = this.shadow.endBlock(h, forced.filter((r) => r.reason !== 'stake_below_minimum').map((r) => r.address));
    this.stakes.compareRemoved(h, report, removed);
  }

  /** The block's expected reward, burn and slash lines (in scope) against the recorded lines and rap sheet. */
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
    for (const m of compareLines(h, mine, lines, raps)) this.tally.mismatch(true, m);
  }

  summary(from: number, to: number, blocks: number, seconds: number): AuditSummary {
    return auditSummary(this.tally, this.series, { from, to, blocks, seconds, totalSupplyUpokt: this.shadow.pools.total });
  }
}
