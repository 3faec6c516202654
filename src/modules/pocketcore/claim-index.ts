/**
 * Derived (in-memory, never hashed) index over the claims table: which claims expire at which
 * height, and how many live claims each session height has. BeginBlock deletes expired claims
 * without scanning every claim; the history floor needs the oldest session height a live claim
 * still reads. Maintained from table changes (reverts included); built lazily from the table, so
 * it is right after loading a snapshot too.
 *
 * DEV_NOTE: determinism — answers are returned sorted (keys, heights), never in Map order.
 */
import type { Table } from '../../state/table.js';
import type { ClaimRecord } from './state.js';

export class ClaimIndex {
  private built = false;
  private readonly byExpiration = new Map<number, Set<string>>();
  private readonly sessionCounts = new Map<number, number>();

  constructor(private readonly claims: Table<ClaimRecord>) {
    claims.onChange((key, previous, next) => {
      if (!this.built) return;
      if (previous !== undefined) this.remove(key, previous);
      if (next !== undefined) this.add(key, next);
    });
  }

  private add(key: string, claim: ClaimRecord): void {
    let keys = this.byExpiration.get(claim.expirationHeight);
    if (keys === undefined) this.byExpiration.set(claim.expirationHeight, (keys = new Set()));
    keys.add(key);
    const sessionHeight = claim.header.sessionHeight;
    this.sessionCounts.set(sessionHeight, (this.sessionCounts.get(sessionHeight) ?? 0) + 1);
  }

  private remove(key: string, claim: ClaimRecord): void {
    const keys = this.byExpiration.get(claim.expirationHeight);
    keys?.delete(key);
    if (keys !== undefined && keys.size === 0) this.byExpiration.delete(claim.expirationHeight);
    const sessionHeight = claim.header.sessionHeight;
    const count = (this.sessionCounts.get(sessionHeight) ?? 0) - 1;
    if (count <= 0) this.sessionCounts.delete(sessionHeight);
    else this.sessionCounts.set(sessionHeight, count);
  }

  private ensureBuilt(): void {
    if (this.built) return;
    for (const [key, claim] of this.claims.sortedEntries()) this.add(key, claim);
    this.built = true;
  }

  /** Keys of claims with expiration_height ≤ height, sorted (DeleteExpiredClaims, claim.go:374-389). */
  expiredAt(height: number): string[] {
    this.ensureBuilt();
    const keys: string[] = [];
    for (const [expiration, set] of this.byExpiration) if (expiration <= height) keys.push(...set);
    return keys.sort();
  }

  /** The oldest session height any live claim belongs to, or undefined without claims. */
  oldestSessionHeight(): number | undefined {
    this.ensureBuilt();
    let oldest: number | undefined;
    for (const sessionHeight of this.sessionCounts.keys()) if (oldest === undefined || sessionHeight < oldest) oldest = sessionHeight;
    return oldest;
  }
}
