/**
 * The audit walk: the shadow ledger (src/audit/independent/) follows the block log one block at
 * a time, and each block's checks run against the recorded projection rows. Heights below
 * `from` are walked (the shadow needs them) but not reported. The checks run in a fixed order,
 * which is the order of the (capped) mismatch list. Beside the checks it gathers what the report
 * explains with: the series, the node table, the itemised events and the reconciliation.
 */
import { bytesToHex } from '../core/hex.js';
import { sha256 } from '../crypto/hash.js';
import { compareLines } from './compare.js';
import { AuditEvents } from './events.js';
import { NodeRewards } from './node-rewards.js';
import { ReconciliationTally } from './reconcile.js';
import type { RawBlock } from './independent/inputs.js';
import type { ExpectedLine, ShadowLedger } from './independent/shadow.js';
import type { AuditOptions } from './options.js';
import type { RecordedLedger, RecordedRap, RecordedSupply } from './recorded.js';
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

/** Rows the summary keeps of the node table (and of a scoped node's lines) and of the itemised events (counts and totals stay exact). */
const LISTED_NODES = 100;
const LISTED_EVENTS = 1_000;

export class AuditWalk {
  readonly tally: AuditTally;
  readonly series = new AuditSeries();
  private readonly nodes: NodeRewards;
  private readonly events = new AuditEvents(LISTED_EVENTS);
  /** Opened at the first audited block (it needs the pools before it). */
  private reconciliation: ReconciliationTally | undefined;
  /** The last audited block and its recorded supply row: the report's provenance and the reconciliation's end. */
  private last: { block: RawBlock; supply: RecordedSupply | undefined } | undefined;
  private readonly shadow: ShadowLedger;
  private readonly txs: TxChecks;
  private readonly stakes: StakeChecks;
  private readonly balances: BalanceChecks;
  private readonly supply: SupplyChecks;
  private readonly snapshots: SnapshotChecks;
  private readonly signing: SigningChecks;
  private previousProposer: string | null;

  /** `snapshots`: height → the snapshot file to compare there (only files proven to be this chain's). */
  constructor(private readonly options: AuditOptions, private readonly recorded: RecordedLedger, genesis: Genesis, private readonly from: number, genesisHeight: number, snapshots: ReadonlyMap<number, string>) {
    this.tally = new AuditTally(options.node, options.maxListed ?? 1000);
    this.nodes = new NodeRewards(options.node, LISTED_NODES);
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
    if (report) this.reconciliation ??= new ReconciliationTally(h - 1, this.shadow.pools, this.recorded.supply(h - 1));
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
    if (report) this.explain(block, expected, supply);
  }

  /** What the report explains an audited block with (unscoped where the figure is the chain's: series, reconciliation). */
  private explain(block: RawBlock, expected: readonly ExpectedLine[], supply: RecordedSupply | undefined): void {
    const h = block.header.height;
    const { pools, facts } = this.shadow;
    const jailings = this.events.add(h, this.shadow.derived, expected, facts, this.shadow.forceUnstakesBelowMinimum(), (a) => this.tally.about(a));
    this.series.add(h, pools, expected, jailings);
    this.reconciliation!.add(expected, facts, pools);
    const mine = this.inScope(expected);
    this.nodes.add(h, mine);
    if (this.options.onLine !== undefined) for (const line of mine) this.options.onLine(h, line);
    this.last = { block, supply };
  }

  private inScope(expected: readonly ExpectedLine[]): readonly ExpectedLine[] {
    const node = this.tally.node;
    return node === undefined ? expected : expected.filter((e) => e.address === node || e.subject === node);
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
    const mine = this.inScope(expected);
    const lines = this.recorded.lines(h).filter((l) => node === undefined || l.address === node || l.servicer === node);
    const raps = rap.filter((r) => node === undefined || r.address === node);
    for (const e of mine) {
      if (e.kind === 'relay' || e.kind === 'block') this.tally.lineCount++;
      else this.tally.burnLineCount++;
    }
    this.tally.mintedInRange += this.shadow.pools.minted;
    this.tally.burnedInRange += this.shadow.pools.burned;
    for (const m of compareLines(h, mine.filter((e) => e.kind !== 'slash'), lines, raps.filter((r) => r.kind !== 'slashed'))) this.tally.mismatch(true, m);
    for (const m of compareSlashing(h, this.shadow.derived, rap, (a) => this.tally.about(a), this.shadow.facts.unjailed)) this.tally.mismatch(true, m);
    for (const d of this.shadow.derived) if (this.tally.about(d.address)) this.tally.slashingDerived[d.line] = (this.tally.slashingDerived[d.line] ?? 0) + 1;
  }

  summary(run: Omit<AuditRun, 'totalSupplyUpokt' | 'explained'>): AuditSummary {
    const last = this.last;
    const explained = {
      nodes: this.nodes.toJson(),
      events: this.events.toJson(),
      reconciliation: this.reconciliation!.toJson(run.to, this.shadow.pools, last?.supply),
      stateRoot: last?.block.stateRootAfter ?? null,
      blockHash: last === undefined ? null : bytesToHex(sha256(last.block.headerBytes)),
    };
    return auditSummary(this.tally, this.series, { ...run, totalSupplyUpokt: this.shadow.pools.total, explained });
  }
}
