/**
 * Balance checks: the recorded balance rows, applied height by height, against the shadow bank;
 * and each debit the shadow bank could not make.
 */
import type { ShadowBank } from './independent/bank.js';
import { MODULE } from './independent/shadow.js';
import type { RecordedLedger, VersionCursor } from './recorded.js';
import type { AuditTally } from './tally.js';

export class BalanceChecks {
  private readonly balances = new Map<string, bigint>();
  private readonly rows: VersionCursor;

  constructor(recorded: RecordedLedger, private readonly bank: ShadowBank, private readonly tally: AuditTally, private readonly genesisHeight: number) {
    this.rows = recorded.versionRows('balances');
  }

  /** Apply the recorded rows of height h, then check h (see `check`). */
  advanceAndCheck(h: number, report: boolean): void {
    this.check(h, this.advance(h), report);
  }

  /** Apply the recorded balance version rows up to height h; the accounts they name. */
  private advance(h: number): Set<string> {
    const named = new Set<string>();
    for (const { address, amount } of this.rows.upTo(h)) {
      this.balances.set(address, BigInt(amount));
      named.add(address);
    }
    return named;
  }

  /**
   * Every account the shadow bank changed at h, and every balance row recorded at h, against
   * each other (at genesis: every account); and each debit the shadow could not make.
   */
  private check(h: number, recordedAt: ReadonlySet<string>, report: boolean): void {
    const accounts = h === this.genesisHeight ? new Set([...this.bank.addresses(), ...this.balances.keys()]) : new Set([...this.bank.takeTouched(), ...recordedAt]);
    if (h === this.genesisHeight) this.bank.takeTouched();
    for (const address of accounts) {
      if (!this.tally.about(address)) continue;
      if (report) this.tally.balanceChecks++;
      const own = this.bank.balance(address);
      const recorded = this.balances.get(address) ?? 0n;
      if (own !== recorded) this.tally.mismatch(report, { height: h, account: address, line: `balance${moduleSuffix(address)}`, expected: String(own), recorded: String(recorded) });
    }
    this.checkOverdrafts(h, report);
  }

  private checkOverdrafts(h: number, report: boolean): void {
    for (const o of this.bank.takeOverdrafts()) {
      if (this.tally.about(o.address)) this.tally.mismatch(report, { height: h, account: o.address, line: 'balance/overdraft', expected: `a debit of ${o.amount} covered`, recorded: `balance ${o.balance}` });
    }
  }
}

/** `(name)` for a module account's address, so a mismatch line says which module; '' otherwise. */
export function moduleSuffix(address: string): string {
  const name = Object.entries(MODULE).find(([, a]) => a === address)?.[0];
  return name === undefined ? '' : `(${name})`;
}
