/**
 * Signing-info checks at EVERY block: each validator's downtime record as the ledger projected it
 * (signing_infos: start height, index, jailed_until, missed and jailed-blocks counters) against
 * the audit's own (independent/signing.ts), after each block. Snapshots compare the same fields at
 * their heights (snapshot-checks.ts); this finds the block where a record first went wrong.
 *
 * The projection's rows are stepped (projectors/signing-infos.ts): a row at height r says the
 * record at h ≥ r (until the key's next row) has index + index_step × (h − r) and jailed_blocks +
 * jailed_blocks_step × (h − r). Example: row (r = 40, index 3, step 1) → index 7 at h = 44.
 *
 * A record that differs is reported once, at the first block where it differs, and again only
 * after it has agreed in between — not at every later block (it would differ at all of them).
 */
import type { SigningInfo } from './independent/signing.js';
import type { ShadowLedger } from './independent/shadow.js';
import type { HeightCursor, RecordedLedger, RecordedSigningRow } from './recorded.js';
import { signingText } from './snapshot-checks.js';
import type { AuditTally } from './tally.js';

export class SigningChecks {
  private readonly rows: HeightCursor<{ readonly height: bigint }, RecordedSigningRow>;
  /** The newest row per address (rows of deleted records dropped). */
  private readonly newest = new Map<string, RecordedSigningRow>();
  /** Addresses whose record differed at the last checked block (see the header). */
  private readonly differing = new Set<string>();

  constructor(recorded: RecordedLedger, private readonly shadow: ShadowLedger, private readonly tally: AuditTally) {
    this.rows = recorded.signingRows();
  }

  /** Takes the rows written up to h, then compares every record at h (reported when `report`). */
  check(h: number, report: boolean): void {
    for (const row of this.rows.upTo(h)) {
      if (row.deleted) this.newest.delete(row.address);
      else this.newest.set(row.address, row);
    }
    if (!report) return;
    this.tally.signingInfosChecked++;
    const signing = this.shadow.signing;
    for (const address of signing.addresses()) this.compare(h, address, signing.get(address));
    for (const address of this.newest.keys()) if (!signing.has(address)) this.compare(h, address, undefined);
    for (const address of this.differing) if (!signing.has(address) && !this.newest.has(address)) this.differing.delete(address);
  }

  private compare(h: number, address: string, mine: Readonly<SigningInfo> | undefined): void {
    if (!this.tally.about(address)) return;
    const recorded = recordAt(this.newest.get(address), h);
    if (same(mine, recorded)) {
      this.differing.delete(address);
      return;
    }
    if (this.differing.has(address)) return;
    this.differing.add(address);
    this.tally.mismatch(true, { height: h, account: address, line: 'signing_info', expected: signingText(mine), recorded: signingText(recorded) });
  }
}

/** The record a stepped row gives at h (undefined: no record). */
function recordAt(row: RecordedSigningRow | undefined, h: number): SigningInfo | undefined {
  if (row === undefined) return undefined;
  const blocks = h - row.height;
  return { startHeight: row.startHeight, index: row.index + row.indexStep * blocks, jailedUntilNs: row.jailedUntilNs, missed: row.missed, jailedBlocks: row.jailedBlocks + row.jailedBlocksStep * blocks };
}

function same(a: Readonly<SigningInfo> | undefined, b: SigningInfo | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.startHeight === b.startHeight && a.index === b.index && a.jailedUntilNs === b.jailedUntilNs && a.missed === b.missed && a.jailedBlocks === b.jailedBlocks;
}
