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
  /** The recorded node tokens and app stakes as of the last checked height (version rows applied). */
  private readonly recordedAsOf = { node: new Map<string, bigint>(), app: new Map<string, bigint>() };
  /** The shadow's node tokens and app stakes at the last checked height: what changed since is checked. */
  private readonly ownBefore = { node: new Map<string, bigint>(), app: new Map<string, bigint>() };

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

  /**
   * Every node (app) whose tokens (stake) the shadow changed at h — a new, changed or removed
   * record — and every recorded version row of h, the recorded value as of h against the
   * shadow's own (at genesis: every record). As the balance checks do: a checked row alone misses
   * a version row that is not there (QA of 2026-12-06: two deleted `nodes` rows of a node's new
   * stakes passed, though an as-of read then shows the node removed or with its old tokens).
   */
  checkVersions(h: number, report: boolean): void {
    for (const which of ['node', 'app'] as const) {
      const named = this.advance(which, h);
      for (const address of new Set([...named, ...this.changedOwn(which)])) {
        if (this.tally.about(address)) this.compareVersion(h, report, which, address, this.ownBefore[which].get(address));
      }
    }
  }

  /**
   * The addresses whose node tokens (app stake) the shadow changed, added or removed since the
   * last call; `ownBefore` is brought up to date in place.
   * PERF: one pass of lookups over the shadow's records and no copy of them (a new Map and two
   * spread arrays a block cost ~3 ms at 10,000 nodes): every shadow address is in `ownBefore`
   * after the pass, so it holds more entries than the shadow exactly when some were removed.
   */
  private changedOwn(which: Which): string[] {
    const before = this.ownBefore[which];
    const changed: string[] = [];
    const note = (address: string, value: bigint): void => {
      if (before.get(address) === value) return;
      before.set(address, value);
      changed.push(address);
    };
    if (which === 'node') for (const [address, node] of this.shadow.nodes) note(address, node.tokens);
    else for (const [address, app] of this.shadow.apps) note(address, app.stake);
    const current = which === 'node' ? this.shadow.nodes : this.shadow.apps;
    if (before.size > current.size) {
      for (const address of before.keys()) {
        if (current.has(address)) continue;
        before.delete(address);
        changed.push(address);
      }
    }
    return changed;
  }

  /** Applies the recorded version rows up to h (a deleted row removes the record); the addresses they name. */
  private advance(which: Which, h: number): Set<string> {
    const named = new Set<string>();
    const asOf = this.recordedAsOf[which];
    for (const row of (which === 'node' ? this.nodeRows : this.appRows).upTo(h)) {
      if (BigInt(row.deleted) === 1n) asOf.delete(row.address);
      else asOf.set(row.address, BigInt(row.amount));
      named.add(row.address);
    }
    return named;
  }

  private compareVersion(h: number, report: boolean, which: Which, address: string, mine: bigint | undefined): void {
    const recorded = this.recordedAsOf[which].get(address);
    if (mine === recorded) return;
    this.tally.mismatch(report, { height: h, account: address, line: `${which}/${which === 'node' ? 'tokens' : 'staked'}`, expected: mine === undefined ? '(none)' : String(mine), recorded: recorded === undefined ? '(deleted)' : String(recorded) });
  }
}
