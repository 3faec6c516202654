/**
 * `runAudit`: walk the block log from genesis with the shadow ledger (src/audit/independent/),
 * compare every expected line with the recorded projection rows, and check the supply at every
 * block:
 *   own:      total = genesis + Σ minted − Σ burned (the audit's own mints and burns), its
 *             pools (node staked, app staked, DAO, fee_collector) equal the recorded ones, and
 *             Σ every account of its shadow bank (liquid + module accounts) = its total;
 *   recorded: total(h) = total(h−1) + minted(h) − burned(h), and every balance row equals the
 *             shadow bank's (so the recorded accounts add up to the total too).
 * Each tx's charged fee, and its code where the audit re-decides it, are compared with the
 * txs row. Heights below `from` are walked (the shadow needs them) but not reported.
 */
import { existsSync } from 'node:fs';
import { project } from '../projection/run.js';
import { projectionFile } from '../projection/store.js';
import { compareLines, type Mismatch } from './compare.js';
import { AuditInputError, openLog, rawBlocks, readDataDirGenesis, type RawBlock, type RawTx } from './independent/inputs.js';
import { ShadowAnte } from './independent/ante.js';
import { ShadowBank } from './independent/bank.js';
import { ParamTracker } from './independent/params.js';
import { codeText, DELIVERED, TxOutcomes } from './independent/tx-outcomes.js';
import { MODULE, ShadowLedger, signerAddress, type ExpectedLine, type Pools } from './independent/shadow.js';
import { RecordedLedger, type RecordedSupply, type RecordedTx, type VersionCursor } from './recorded.js';
import type { Message } from '../messages/index.js';
import { readSnapshotValues, snapshotFiles } from './snapshots.js';
import { AuditSeries } from './series.js';

export interface AuditOptions {
  readonly dataDir: string;
  readonly from?: number;
  readonly to?: number;
  /** Only lines about this node or account are counted and reported. */
  readonly node?: string;
  /** Build or catch up the projection first (default true). */
  readonly catchUp?: boolean;
  /** Check the values held by snapshots in range (default true). */
  readonly snapshots?: boolean;
  /** Keep at most this many mismatches in the summary (default 1000; the count is exact). */
  readonly maxListed?: number;
  readonly onProgress?: (p: { height: number; from: number; to: number; blocks: number; lines: number }) => void;
}

export interface AuditSummary {
  readonly mismatch_list: readonly Mismatch[];
  readonly series: ReturnType<AuditSeries['toJson']>;
  readonly from: number;
  readonly to: number;
  readonly slash_and_burn_lines: number;
  readonly supply_checks: number;
  readonly snapshots_checked: number;
  /** Account balances compared with the shadow bank's (every recorded row, every account the shadow changed). */
  readonly balance_checks: number;
  /** Txs whose charged fee (and payer) the audit re-decided; of them, whose code it re-decided. */
  readonly tx_fees_rederived: number;
  readonly tx_codes_rederived: number;
  readonly minted_upokt: string;
  readonly burned_upokt: string;
  readonly total_supply_upokt: string;
  readonly seconds: number;
  readonly lines_per_s: number;
  // Last, in this order: the verdict a reader looks for at the end of the JSON.
  readonly blocks: number;
  readonly reward_lines: number;
  readonly mismatches: number;
  readonly supply_ok: boolean;
}

export { AuditInputError };

export async function runAudit(options: AuditOptions): Promise<AuditSummary> {
  const started = performance.now();
  if (options.catchUp !== false && !projectedTo(options.dataDir, options.to)) await project(options.dataDir, { ...(options.to === undefined ? {} : { to: options.to }) });
  const genesis = readDataDirGenesis(options.dataDir);
  const recorded = new RecordedLedger(options.dataDir);
  const log = openLog(options.dataDir);
  try {
    const to = Math.min(options.to ?? log.lastHeight, log.lastHeight, recorded.checkpoint);
    // An imported exported state's chain starts above 1 (init --exported-height H: at H + 1).
    const from = Math.max(options.from ?? log.firstHeight, log.firstHeight);
    if (from > to) throw new AuditInputError('empty_range', `nothing to audit: from ${from} is above ${to} (the log and the projection end at ${log.lastHeight} / ${recorded.checkpoint})`);
    const walk = new AuditWalk(options, recorded, genesis, from, log.firstHeight - 1);
    walk.checkGenesisSupply();
    let blocks = 0;
    for (const block of rawBlocks(log, log.firstHeight, to)) {
      walk.block(block);
      if (block.header.height >= from) blocks++;
      if (blocks % 50 === 0 || block.header.height === to) options.onProgress?.({ height: block.header.height, from, to, blocks, lines: walk.lineCount });
    }
    const seconds = (performance.now() - started) / 1000;
    return walk.summary(from, to, blocks, seconds);
  } finally {
    log.close();
    recorded.close();
  }
}

/** Whether the projection already reaches `to` (catching up "to" a height below it is refused as "ahead of the log"). */
function projectedTo(dataDir: string, to: number | undefined): boolean {
  if (to === undefined || !existsSync(projectionFile(dataDir))) return false;
  const recorded = new RecordedLedger(dataDir);
  try {
    return recorded.checkpoint >= to;
  } finally {
    recorded.close();
  }
}

class AuditWalk {
  private readonly shadow: ShadowLedger;
  private readonly bank = new ShadowBank();
  private readonly outcomes: TxOutcomes;
  private readonly nodeDeletions: Map<number, string[]>;
  private readonly appDeletions: Map<number, string[]>;
  private readonly balances = new Map<string, bigint>();
  private readonly balanceRows: VersionCursor;
  private readonly nodeRows: VersionCursor;
  private readonly appRows: VersionCursor;
  private readonly snapshots: Map<number, string>;
  private previousProposer: string | null = null;
  private previousRecordedTotal: bigint | undefined;
  readonly mismatches: Mismatch[] = [];
  mismatchCount = 0;
  lineCount = 0;
  burnLineCount = 0;
  supplyChecks = 0;
  balanceChecks = 0;
  txFees = 0;
  txCodes = 0;
  snapshotsChecked = 0;
  supplyOk = true;
  readonly series = new AuditSeries();
  private mintedInRange = 0n;
  private burnedInRange = 0n;

  constructor(private readonly options: AuditOptions, private readonly recorded: RecordedLedger, genesis: ReturnType<typeof readDataDirGenesis>, private readonly from: number, private readonly genesisHeight: number) {
    const node = genesis.validators.reduce((sum, v) => sum + v.tokensUpokt, 0n);
    const app = genesis.applications.reduce((sum, a) => sum + a.stakedTokensUpokt, 0n);
    const liquid = genesis.accounts.reduce((sum, a) => sum + a.balanceUpokt, 0n);
    // An exported state (init --exported-height) may hold the fees of block H in the fee
    // collector (paid to H's proposer at H + 1) and balances in the other module accounts.
    const pools = new Set<string>([MODULE.staked_tokens_pool, MODULE.application_staked_tokens_pool, MODULE.dao]);
    const otherModules = (genesis.exported?.moduleAccounts ?? []).filter((m) => !pools.has(m.address) && m.balanceUpokt > 0n);
    const fee = otherModules.find((m) => m.address === MODULE.fee_collector)?.balanceUpokt ?? 0n;
    const otherModuleSum = otherModules.reduce((sum, m) => sum + m.balanceUpokt, 0n);
    this.shadow = new ShadowLedger(new ParamTracker(genesis.params), { total: liquid + node + app + genesis.daoTokensUpokt + otherModuleSum, node, app, dao: genesis.daoTokensUpokt, fee }, this.bank);
    for (const a of genesis.accounts) this.bank.credit(a.address, a.balanceUpokt);
    for (const m of otherModules) this.bank.credit(m.address, m.balanceUpokt);
    this.previousProposer = genesis.exported?.previousProposer ?? null;
    this.bank.credit(MODULE.staked_tokens_pool, node);
    this.bank.credit(MODULE.application_staked_tokens_pool, app);
    this.bank.credit(MODULE.dao, genesis.daoTokensUpokt);
    const genesisKeys = new Map(genesis.accounts.flatMap((a) => (a.publicKey === null ? [] : [[a.address, a.publicKey] as const])));
    const ante = new ShadowAnte({ bank: this.bank, params: this.shadow.params, genesisKeys, extraSigners: (message, txSigner) => this.extraSigners(message, txSigner) });
    this.outcomes = new TxOutcomes(ante, this.bank, this.shadow.params);
    for (const v of genesis.validators) {
      const delegators = v.rewardDelegators === null ? null : Object.entries(v.rewardDelegators);
      this.shadow.nodes.set(v.address, { operator: v.address, outputAddress: v.outputAddress, delegators, tokens: v.tokensUpokt, waiting: false, unstakingAtNs: v.status === 1 ? v.unstakingTimeNs : null });
    }
    for (const a of genesis.applications) this.shadow.apps.set(a.address, { stake: a.stakedTokensUpokt, unstakingAtNs: null });
    this.nodeDeletions = recorded.deletions('nodes');
    this.appDeletions = recorded.deletions('apps');
    this.balanceRows = recorded.versionRows('balances');
    this.nodeRows = recorded.versionRows('nodeStakes');
    this.appRows = recorded.versionRows('appStakes');
    // The genesis height: 0, or an imported exported state's H (its chain starts at H + 1).
    this.checkBalances(genesisHeight, this.advanceBalances(genesisHeight), true);
    this.checkStakes(genesisHeight, true);
    this.snapshots = options.snapshots === false ? new Map() : snapshotFiles(options.dataDir);
  }

  checkGenesisSupply(): void {
    const row = this.recorded.supply(this.genesisHeight);
    this.previousRecordedTotal = row?.total;
    if (row !== undefined) this.checkSupply(this.genesisHeight, row, true);
  }

  block(block: RawBlock): void {
    const h = block.header.height;
    const report = h >= this.from;
    const votes = new Map(block.header.lastCommit.map((v) => [v.address, v.power] as const));
    const rap = this.recorded.rapSheet(h);
    const slashes = rap.filter((r) => r.kind === 'slashed').map((r) => ({ address: r.address, reason: r.reason ?? 'downtime' }));
    for (const slash of slashes) {
      const cause = slashCause(block, slash.address, slash.reason);
      if (cause !== undefined) this.mismatch(report, { height: h, account: slash.address, line: `slash/${slash.reason}:cause`, expected: cause, recorded: 'slashed' });
    }
    const expected: ExpectedLine[] = this.shadow.beginBlock(h, block.header.timeNs, this.previousProposer, votes, slashes);
    const txs = this.recorded.txs(h);
    this.outcomes.beginBlock();
    block.txs.forEach((tx, index) => {
      const outcome = txs[index];
      if (outcome === undefined || outcome.hash !== tx.hash) {
        this.mismatch(report, { height: h, account: null, line: `tx/${index}`, expected: tx.hash, recorded: outcome?.hash ?? '(no tx row)' });
        return;
      }
      expected.push(...this.deliverTx(h, report, index, block.header.chainId, tx, outcome));
    });
    this.outcomes.endBlock(block.txs.map((tx) => tx.hash));
    const forced = rap.filter((r) => r.kind === 'force_unstake');
    this.compareForceUnstakes(h, report, forced.filter((r) => r.reason === 'stake_below_minimum').map((r) => r.address));
    const removed = this.shadow.endBlock(h, forced.filter((r) => r.reason !== 'stake_below_minimum').map((r) => r.address));
    this.compareRemoved(h, report, 'node', removed.nodes, this.nodeDeletions.get(h) ?? []);
    this.compareRemoved(h, report, 'app', removed.apps, this.appDeletions.get(h) ?? []);
    this.previousProposer = block.header.proposer;
    this.checkBalances(h, this.advanceBalances(h), report);
    this.checkStakes(h, report);
    if (report) this.compareBlock(h, expected, rap);
    const supply = this.recorded.supply(h);
    if (supply === undefined) this.supplyFailure(report, h, 'supply/row', 'a row', '(none)');
    else this.checkSupply(h, supply, report);
    this.checkSnapshot(h, report);
    if (report) this.series.add(h, this.shadow.pools, expected, rap, supply);
  }

  /**
   * One tx: the audit's own outcome (fee charged and payer; the code where it re-decides it)
   * against the recorded row; the shadow then follows its own outcome, so a changed row is
   * named once and does not spread into the balances.
   */
  private deliverTx(h: number, report: boolean, index: number, chainId: string, tx: RawTx, recorded: RecordedTx): ExpectedLine[] {
    const own = this.outcomes.derive(chainId, tx);
    const account = own.payer ?? tx.signer;
    report &&= account === null || this.about(account);
    if (report) {
      this.txFees++;
      if (own.code !== undefined) this.txCodes++;
    }
    if (own.fee !== recorded.feeCharged) this.mismatch(report, { height: h, account, line: `tx/${index}:fee_charged`, expected: String(own.fee), recorded: String(recorded.feeCharged) });
    const recordedCode = codeText(recorded.code, recorded.codespace);
    if (own.code !== undefined && own.code !== recordedCode) this.mismatch(report, { height: h, account, line: `tx/${index}:code`, expected: own.code, recorded: recordedCode });
    const [codespace, code] = own.code === undefined ? [recorded.codespace, recorded.code] : own.code === DELIVERED ? ['', 0] : [own.code.split(':')[0]!, Number(own.code.split(':')[1])];
    return this.shadow.deliverTx(tx.message, tx.signer, { code, codespace, feeCharged: own.fee, payer: own.payer });
  }

  /** A node's current output address may sign its StakeNode; an app's key may sign its transfer (§0.1). */
  private extraSigners(message: Message, txSigner: string | null): string[] {
    if (message.type === 'StakeNode') {
      const output = this.shadow.nodes.get(message.operatorAddress)?.outputAddress;
      return output === null || output === undefined ? [] : [output];
    }
    if (message.type === 'StakeApp' && message.transfer && txSigner !== null && txSigner !== message.applicationAddress && this.shadow.apps.has(txSigner)) return [txSigner];
    return [];
  }

  /** The shadow's force unstakes for a stake left below StakeMinimum against the recorded ones. */
  private compareForceUnstakes(h: number, report: boolean, recorded: readonly string[]): void {
    const own = this.shadow.forceUnstakesBelowMinimum();
    for (const address of new Set([...own, ...recorded])) {
      if (own.includes(address) === recorded.includes(address) || !this.about(address)) continue;
      this.mismatch(report, { height: h, account: address, line: 'force_unstake/stake_below_minimum', expected: own.includes(address) ? 'queued' : 'none', recorded: recorded.includes(address) ? 'queued' : 'none' });
    }
  }

  /**
   * Every account the shadow bank changed at h, and every balance row recorded at h, against
   * each other (at genesis: every account); and each debit the shadow could not make.
   */
  private checkBalances(h: number, recordedAt: ReadonlySet<string>, report: boolean): void {
    const accounts = h === this.genesisHeight ? new Set([...this.bank.addresses(), ...this.balances.keys()]) : new Set([...this.bank.takeTouched(), ...recordedAt]);
    if (h === this.genesisHeight) this.bank.takeTouched();
    for (const address of accounts) {
      if (!this.about(address)) continue;
      if (report) this.balanceChecks++;
      const own = this.bank.balance(address);
      const recorded = this.balances.get(address) ?? 0n;
      if (own !== recorded) this.mismatch(report, { height: h, account: address, line: `balance${moduleSuffix(address)}`, expected: String(own), recorded: String(recorded) });
    }
    for (const o of this.bank.takeOverdrafts()) {
      if (this.about(o.address)) this.mismatch(report, { height: h, account: o.address, line: 'balance/overdraft', expected: `a debit of ${o.amount} covered`, recorded: `balance ${o.balance}` });
    }
  }

  private about(address: string): boolean {
    return this.options.node === undefined || address === this.options.node;
  }

  /** The node or app records the shadow removed at h (unstake matured, app transferred) against the recorded deletions at h. */
  private compareRemoved(h: number, report: boolean, which: 'node' | 'app', removed: readonly string[], deleted: readonly string[]): void {
    for (const address of new Set([...removed, ...deleted])) {
      if (removed.includes(address) === deleted.includes(address) || (this.options.node !== undefined && address !== this.options.node)) continue;
      this.mismatch(report, { height: h, account: address, line: `${which}/record_removed`, expected: removed.includes(address) ? 'deleted' : 'kept', recorded: deleted.includes(address) ? 'deleted' : 'kept' });
    }
  }

  private compareBlock(h: number, expected: readonly ExpectedLine[], rap: ReturnType<RecordedLedger['rapSheet']>): void {
    const node = this.options.node;
    const mine = node === undefined ? expected : expected.filter((e) => e.address === node || e.subject === node);
    const lines = this.recorded.lines(h).filter((l) => node === undefined || l.address === node || l.servicer === node);
    const raps = rap.filter((r) => node === undefined || r.address === node);
    for (const e of mine) {
      if (e.kind === 'relay' || e.kind === 'block') this.lineCount++;
      else this.burnLineCount++;
    }
    this.mintedInRange += this.shadow.pools.minted;
    this.burnedInRange += this.shadow.pools.burned;
    for (const m of compareLines(h, mine, lines, raps)) this.mismatch(true, m);
  }

  private checkSupply(h: number, row: RecordedSupply, report: boolean): void {
    if (report) this.supplyChecks++;
    const own: Pools = this.shadow.pools;
    const pairs: Array<[string, bigint, bigint]> = [
      ['total', own.total, row.total],
      ['node_staked', own.node, row.node],
      ['app_staked', own.app, row.app],
      ['dao', own.dao, row.dao],
      ['fee_collector', own.fee, row.fee],
      ['minted', h === this.genesisHeight ? 0n : own.minted, row.minted],
      ['burned', h === this.genesisHeight ? 0n : own.burned, row.burned],
      // Every account of the shadow bank together (liquid + module accounts, the pools
      // included) is the audit's own total. The recorded accounts' sum then follows: each
      // recorded balance row is compared with the shadow bank's (checkBalances).
      ['sum_of_all_balances', own.total, this.bank.sum],
    ];
    if (h > this.genesisHeight && this.previousRecordedTotal !== undefined) pairs.push(['total_from_previous', this.previousRecordedTotal + row.minted - row.burned, row.total]);
    this.previousRecordedTotal = row.total;
    for (const [field, expected, recorded] of pairs) if (expected !== recorded) this.supplyFailure(report, h, `supply/${field}`, String(expected), String(recorded));
  }

  private supplyFailure(report: boolean, height: number, line: string, expected: string, recorded: string): void {
    if (!report) return;
    this.supplyOk = false;
    this.mismatch(report, { height, account: null, line, expected, recorded });
  }

  /** Apply the recorded balance version rows up to height h; the accounts they name. */
  private advanceBalances(h: number): Set<string> {
    const named = new Set<string>();
    for (const { address, amount } of this.balanceRows.upTo(h)) {
      this.balances.set(address, BigInt(amount));
      named.add(address);
    }
    return named;
  }

  /** Every recorded node-tokens and app-stake version of height h against the shadow's own. */
  private checkStakes(h: number, report: boolean): void {
    const own = (which: 'node' | 'app', address: string): bigint | undefined => (which === 'node' ? this.shadow.nodes.get(address)?.tokens : this.shadow.apps.get(address)?.stake);
    for (const [which, cursor] of [['node', this.nodeRows], ['app', this.appRows]] as const) {
      for (const row of cursor.upTo(h)) {
        if (this.options.node !== undefined && row.address !== this.options.node) continue;
        const mine = own(which, row.address);
        const recorded = BigInt(row.deleted) === 1n ? undefined : BigInt(row.amount);
        if (mine !== recorded && !(recorded === undefined && mine === undefined)) {
          this.mismatch(report, { height: h, account: row.address, line: `${which}/${which === 'node' ? 'tokens' : 'staked'}`, expected: mine === undefined ? '(none)' : String(mine), recorded: recorded === undefined ? '(deleted)' : String(recorded) });
        }
      }
    }
  }

  private checkSnapshot(h: number, report: boolean): void {
    const file = this.snapshots.get(h);
    if (file === undefined || !report) return;
    this.snapshotsChecked++;
    const values = readSnapshotValues(file, h);
    const node = this.options.node;
    for (const address of new Set([...values.balances.keys(), ...this.bank.addresses()])) {
      if (node !== undefined && address !== node) continue;
      const held = values.balances.get(address) ?? 0n;
      const audited = this.bank.balance(address);
      if (held !== audited) this.mismatch(true, { height: h, account: address, line: `snapshot/balance${moduleSuffix(address)}`, expected: String(audited), recorded: String(held) });
    }
    if (values.total !== this.shadow.pools.total) this.supplyFailure(true, h, 'snapshot/total_supply', String(this.shadow.pools.total), String(values.total));
  }

  private mismatch(report: boolean, m: Mismatch): void {
    if (!report) return;
    this.mismatchCount++;
    if (this.mismatches.length < (this.options.maxListed ?? 1000)) this.mismatches.push(m);
  }

  summary(from: number, to: number, blocks: number, seconds: number): AuditSummary {
    return {
      mismatch_list: this.mismatches,
      series: this.series.toJson(),
      from,
      to,
      slash_and_burn_lines: this.burnLineCount,
      supply_checks: this.supplyChecks,
      snapshots_checked: this.snapshotsChecked,
      balance_checks: this.balanceChecks,
      tx_fees_rederived: this.txFees,
      tx_codes_rederived: this.txCodes,
      minted_upokt: String(this.mintedInRange),
      burned_upokt: String(this.burnedInRange),
      total_supply_upokt: String(this.shadow.pools.total),
      seconds: Number(seconds.toFixed(3)),
      lines_per_s: Math.round(this.lineCount / Math.max(seconds, 1e-6)),
      blocks,
      reward_lines: this.lineCount,
      mismatches: this.mismatchCount,
      supply_ok: this.supplyOk,
    };
  }
}

/**
 * What the raw block must show for a recorded slash to be possible (PROTOCOL §6.5, §6.6): a
 * downtime slash needs the node's vote in this block's last commit to be missing (the window's
 * last miss); a double-sign slash needs evidence naming the node's key in this header. Returns
 * what is missing, or undefined. (Whether the window's count was crossed is not re-derived.)
 */
function slashCause(block: RawBlock, address: string, reason: string): string | undefined {
  if (reason === 'downtime') {
    const vote = block.header.lastCommit.find((v) => v.address === address);
    return vote !== undefined && !vote.signed ? undefined : 'a missed vote in the last commit';
  }
  const named = block.header.evidence.some((e) => signerAddress(e.publicKey) === address);
  return named ? undefined : 'double-sign evidence naming the node in the header';
}

function moduleSuffix(address: string): string {
  const name = Object.entries(MODULE).find(([, a]) => a === address)?.[0];
  return name === undefined ? '' : `(${name})`;
}
