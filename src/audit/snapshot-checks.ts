/** Snapshot checks: every balance and the total supply a snapshot in range holds, against the audit's own. */
import type { ShadowBank } from './independent/bank.js';
import type { ShadowLedger } from './independent/shadow.js';
import { moduleSuffix } from './balance-checks.js';
import { readSnapshotValues } from './snapshots.js';
import type { AuditTally } from './tally.js';

export class SnapshotChecks {
  /** `files`: height → snapshot file (empty when snapshots are not checked). */
  constructor(private readonly files: ReadonlyMap<number, string>, private readonly shadow: ShadowLedger, private readonly bank: ShadowBank, private readonly tally: AuditTally) {}

  check(h: number, report: boolean): void {
    const file = this.files.get(h);
    if (file === undefined || !report) return;
    this.tally.snapshotsChecked++;
    const values = readSnapshotValues(file, h);
    for (const address of new Set([...values.balances.keys(), ...this.bank.addresses()])) {
      if (!this.tally.about(address)) continue;
      const held = values.balances.get(address) ?? 0n;
      const audited = this.bank.balance(address);
      if (held !== audited) this.tally.mismatch(true, { height: h, account: address, line: `snapshot/balance${moduleSuffix(address)}`, expected: String(audited), recorded: String(held) });
    }
    const total = this.shadow.pools.total;
    if (values.total !== total) this.tally.supplyFailure(true, h, 'snapshot/total_supply', String(total), String(values.total));
  }
}
