/**
 * The staked-power index: every validator with consensus power > 0 (Staked, not jailed,
 * ≥ 1 POKT), ranked by power descending, ties by the LOWER address first — pocket-core's
 * `0x23‖BE64(power)‖NOT(address)` index iterated from the highest key (PROTOCOL §6.1-§6.2).
 *
 * A derived in-memory index, NOT state: it subscribes to `pos/validators` changes (reverts and
 * snapshot loads replay through the same listener), so it always equals a full recomputation
 * from the table (`computeValidatorSet` in ./validator-set.ts; a property test compares them).
 * Cost per validator change: O(log n) search + O(n) splice; reading the top N is O(1) when
 * nothing changed since the last read (memoised by a change counter).
 *
 * Worked example: A 20.5M POKT, B 20.5M POKT, C 15M POKT, D jailed; addresses A < B → ranking
 * [A 20,500,000; B 20,500,000; C 15,000,000]; top(2) = [A, B]. B is slashed to 20.4M POKT →
 * [A; B 20,400,000; C]; C stakes up to 30M POKT → [C 30,000,000; A; B].
 */
import type { Address } from '../../core/types.js';
import type { Table } from '../../state/table.js';
import { consensusPower, type Validator } from './state.js';
import { compareByPowerThenAddress, type ValidatorSetMember } from './validator-set.js';

/** What deciding code may ask the index (LedgerState holds it under `pos.powerIndex`). */
export interface PowerIndexView {
  readonly size: number;
  readonly changeCount: number;
  powerOf(address: string): bigint;
  top(limit: bigint): readonly ValidatorSetMember[];
  all(): readonly ValidatorSetMember[];
}

export class ValidatorPowerIndex implements PowerIndexView {
  private readonly ranked: ValidatorSetMember[] = [];
  private readonly powerByAddress = new Map<string, bigint>();
  private changes = 0;
  private memo: { changes: number; limit: bigint; members: readonly ValidatorSetMember[] } | undefined;

  constructor(validators: Table<Validator>) {
    for (const validator of validators.unorderedValues()) this.update(validator.address, validator);
    validators.onChange((key, _previous, next) => this.update(key as Address, next));
  }

  /** How many validators have power > 0. */
  get size(): number {
    return this.ranked.length;
  }

  /** Bumped on every change of any validator's power (membership included). */
  get changeCount(): number {
    return this.changes;
  }

  powerOf(address: string): bigint {
    return this.powerByAddress.get(address) ?? 0n;
  }

  /**
   * The first `limit` validators of the ranking (the validator set for MaxValidators = limit).
   * The same array is returned while nothing changed, so callers may compare by identity.
   * DEV_NOTE: the array is frozen; it is shared with the stored validator set.
   */
  top(limit: bigint): readonly ValidatorSetMember[] {
    const memo = this.memo;
    if (memo !== undefined && memo.changes === this.changes && memo.limit === limit) return memo.members;
    const count = limit < BigInt(this.ranked.length) ? Number(limit < 0n ? 0n : limit) : this.ranked.length;
    const members = Object.freeze(this.ranked.slice(0, count));
    this.memo = { changes: this.changes, limit, members };
    return members;
  }

  /** The whole ranking (read-only view; do not keep across blocks). */
  all(): readonly ValidatorSetMember[] {
    return this.ranked;
  }

  private update(address: Address, next: Validator | undefined): void {
    const before = this.powerByAddress.get(address) ?? 0n;
    const after = next === undefined ? 0n : consensusPower(next);
    if (before === after) return;
    if (before > 0n) {
      this.ranked.splice(this.position({ address, power: before }), 1);
      this.powerByAddress.delete(address);
    }
    if (after > 0n) {
      const member = Object.freeze({ address, power: after });
      this.ranked.splice(this.position(member), 0, member);
      this.powerByAddress.set(address, after);
    }
    this.changes++;
  }

  /** Index of `member` in the ranking, or where it would be inserted (binary search). */
  private position(member: ValidatorSetMember): number {
    let low = 0;
    let high = this.ranked.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compareByPowerThenAddress(this.ranked[middle]!, member) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
