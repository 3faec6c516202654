/**
 * Snapshot checks: every balance, the total supply and every validator's signing info (start
 * height, index, jailed_until, missed and jailed-blocks counters) a snapshot in range holds,
 * against the audit's own. The signing infos are where the audit's shadow (signing.ts) meets the
 * fields no rule compares block by block: a start height or jailed_until the ledger kept or
 * rewrote differently (e.g. an edit stake's recreated record) shows here.
 */
import type { ShadowBank } from './independent/bank.js';
import type { ShadowLedger } from './independent/shadow.js';
import { moduleSuffix } from './balance-checks.js';
import { readSnapshotValues, type SnapshotSigningInfo } from './snapshots.js';
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
    this.checkSigningInfos(h, values.signingInfos);
    const total = this.shadow.pools.total;
    if (values.total !== total) this.tally.supplyFailure(true, h, 'snapshot/total_supply', String(total), String(values.total));
  }

  private checkSigningInfos(h: number, held: ReadonlyMap<string, SnapshotSigningInfo>): void {
    const signing = this.shadow.signing;
    for (const address of [...new Set([...held.keys(), ...signing.addresses()])].sort()) {
      if (!this.tally.about(address)) continue;
      const expected = signingText(signing.get(address));
      const recorded = signingText(held.get(address));
      if (expected !== recorded) this.tally.mismatch(true, { height: h, account: address, line: 'snapshot/signing_info', expected, recorded });
    }
  }
}

/** One line for a mismatch report: every field, in the snapshot's order. */
export function signingText(info: { startHeight: number; index: number; jailedUntilNs: bigint | null; missed: number; jailedBlocks: number } | undefined): string {
  if (info === undefined) return 'none';
  return `start=${info.startHeight} index=${info.index} jailed_until=${info.jailedUntilNs ?? 'zero'} missed=${info.missed} jailed_blocks=${info.jailedBlocks}`;
}
