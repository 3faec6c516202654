/**
 * Stake checks: the recorded node-tokens and app-stake versions against the shadow's records,
 * the records the shadow removed against the recorded deletions, and the shadow's force
 * unstakes (stake below StakeMinimum) against the recorded ones.
 */
import type { ShadowLedger } from './independent/shadow.js';
import type { RecordedLedger, VersionCursor } from './recorded.js';
import type { AuditTally } from './tally.js';

type Which = 'node' | 'app';

export class StakeChecks {
  private readonly nodeDeletions: Map<number, string[]>;
  private readonly appDeletions: Map<number, string[]>;
  private readonly nodeRows: VersionCursor;
  private readonly appRows: VersionCursor;

  constructor(recorded: RecordedLedger, private readonly shadow: ShadowLedger, private readonly tally: AuditTally) {
    this.nodeDeletions = recorded.deletions('nodes');
    this.appDeletions = recorded.deletions('apps');
    this.nodeRows = recorded.versionRows('nodeStakes');
    this.appRows = recorded.versionRows('appStakes');
  }

  /** The shadow's force unstakes for a stake left below StakeMinimum against the recorded ones. */
  compareForceUnstakes(h: number, report: boolean, recorded: readonly string[]): void {
    const own = this.shadow.forceUnstakesBelowMinimum();
    for (const address of new Set([...own, ...recorded])) {
      if (own.includes(address) === recorded.includes(address) || !this.tally.about(address)) continue;
      this.tally.mismatch(report, { height: h, account: address, line: 'force_unstake/stake_below_minimum', expected: own.includes(address) ? 'queued' : 'none', recorded: recorded.includes(address) ? 'queued' : 'none' });
    }
  }

  /** The node and app records the shadow removed at h against the recorded deletions at h. */
  compareRemoved(h: number, report: boolean, removed: { readonly nodes: readonly string[]; readonly apps: readonly string[] }): void {
    this.compareRemovedOf(h, report, 'node', removed.nodes, this.nodeDeletions.get(h) ?? []);
    this.compareRemovedOf(h, report, 'app', removed.apps, this.appDeletions.get(h) ?? []);
  }

  /** The records of one kind the shadow removed at h (unstake matured, app transferred) against the recorded deletions at h. */
  private compareRemovedOf(h: number, report: boolean, which: Which, removed: readonly string[], deleted: readonly string[]): void {
    for (const address of new Set([...removed, ...deleted])) {
      if (removed.includes(address) === deleted.includes(address) || !this.tally.about(address)) continue;
      this.tally.mismatch(report, { height: h, account: address, line: `${which}/record_removed`, expected: removed.includes(address) ? 'deleted' : 'kept', recorded: deleted.includes(address) ? 'deleted' : 'kept' });
    }
  }

  /** Every recorded node-tokens and app-stake version of height h against the shadow's own. */
  checkVersions(h: number, report: boolean): void {
    for (const [which, cursor] of [['node', this.nodeRows], ['app', this.appRows]] as const) {
      for (const row of cursor.upTo(h)) {
        if (!this.tally.about(row.address)) continue;
        const mine = this.own(which, row.address);
        const recorded = BigInt(row.deleted) === 1n ? undefined : BigInt(row.amount);
        if (mine !== recorded && !(recorded === undefined && mine === undefined)) {
          this.tally.mismatch(report, { height: h, account: row.address, line: `${which}/${which === 'node' ? 'tokens' : 'staked'}`, expected: mine === undefined ? '(none)' : String(mine), recorded: recorded === undefined ? '(deleted)' : String(recorded) });
        }
      }
    }
  }

  private own(which: Which, address: string): bigint | undefined {
    return which === 'node' ? this.shadow.nodes.get(address)?.tokens : this.shadow.apps.get(address)?.stake;
  }
}
