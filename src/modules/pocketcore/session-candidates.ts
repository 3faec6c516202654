/**
 * Who can be picked for a session: the validators in pocket-core's chain index at the session
 * start (PROTOCOL §3.3 step 1; x/nodes/keeper/valStaked.go:34-60), ascending by address.
 *
 * A validator is in the chain index of chain c from its stake until it begins unstaking, and
 * re-indexed when an edit changes its chains; jailing does not remove it. In ledger terms:
 *   inChainIndex(v, c)  ⇔  v.status == Staked  ∧  c ∈ v.chains.
 * (One deliberate difference: pocket-core's InitGenesis also indexes a genesis validator that is
 * Unstaking, x/nodes/genesis.go:35-36; here it is no candidate — docs/protocol-choices.md.)
 * The index is a SET per chain: pocket-core writes one KV key `0x22 ‖ chain ‖ address` per listed
 * chain (valStaked.go:19-30), so a node staked with ["0001","0001"] (ValidateBasic allows it) is
 * one key, one candidate. Every builder below reads a validator's chains through
 * `memberChains`, which drops repeated chain ids, so the live index, the full rebuild and the
 * rebuild from history hold each address once per chain. (The validator record keeps its chains
 * as signed: MaximumChains counts len(chains), repeats included — session.ts.)
 *
 * Two derived (in-memory, never hashed) structures make this cheap at 50,000 nodes per chain:
 * - a LIVE per-chain sorted address list, maintained from validator-table changes (also during
 *   reverts), flushed lazily per chain (pending changes merged in one O(n) pass);
 * - a MEMO per session height: right after block SBH commits, the chain → list map is captured
 *   (pointer copies; lists are immutable and replaced on change).
 * When the memo lacks a session height (after loading a snapshot, or a state built without the
 * chain's commit hook), it is rebuilt from committed history: every validator key read with
 * `getAt(key, SBH)`. Both paths compute the same function of committed history.
 *
 * DEV_NOTE: determinism — the lists are sorted by address (never Map insertion order); the
 * memo is a cache of a pure function of committed history (same SBH ⇒ same lists), rebuilt on
 * demand, so replay from genesis, from a snapshot, and the live run agree.
 */
import type { Address } from '../../core/types.js';
import type { Table } from '../../state/table.js';
import { StakeStatus, type Validator } from '../nodes/index.js';

const EMPTY: readonly Address[] = Object.freeze([]);

/** The chains whose index holds this validator: each listed chain once (file header). */
function memberChains(validator: Validator | undefined): readonly string[] {
  return validator !== undefined && validator.status === StakeStatus.Staked ? distinctChains(validator.chains) : EMPTY;
}

/** `chains` without repeats, first occurrence order; the same array when it has none (the usual case, ≤ 15 entries). */
function distinctChains(chains: readonly string[]): readonly string[] {
  for (let i = 1; i < chains.length; i++) {
    if (chains.lastIndexOf(chains[i]!, i - 1) !== -1) return [...new Set(chains)];
  }
  return chains;
}

/** Merge sorted `base` minus `removed` with the sorted `added` (both disjoint from each other). */
function mergeSorted(base: readonly Address[], removed: ReadonlySet<string>, added: readonly Address[]): Address[] {
  const out: Address[] = [];
  let j = 0;
  for (const address of base) {
    if (removed.has(address)) continue;
    while (j < added.length && added[j]! < address) out.push(added[j++]!);
    out.push(address);
  }
  while (j < added.length) out.push(added[j++]!);
  return out;
}

export class SessionCandidates {
  private built = false;
  private readonly live = new Map<string, readonly Address[]>();
  /** chain → address → is it a member now (last change wins). */
  private readonly pending = new Map<string, Map<Address, boolean>>();
  private readonly memo = new Map<number, ReadonlyMap<string, readonly Address[]>>();

  constructor(private readonly validators: Table<Validator>) {
    validators.onChange((key, previous, next) => this.onValidatorChange(key as Address, previous, next));
  }

  private onValidatorChange(address: Address, previous: Validator | undefined, next: Validator | undefined): void {
    if (!this.built) return;
    const before = memberChains(previous);
    const after = memberChains(next);
    for (const chain of before) if (!after.includes(chain)) this.mark(chain, address, false);
    for (const chain of after) if (!before.includes(chain)) this.mark(chain, address, true);
  }

  private mark(chain: string, address: Address, member: boolean): void {
    let changes = this.pending.get(chain);
    if (changes === undefined) {
      changes = new Map();
      this.pending.set(chain, changes);
    }
    changes.set(address, member);
  }

  private build(): void {
    const lists = new Map<string, Address[]>();
    for (const validator of this.validators.unorderedValues()) {
      for (const chain of memberChains(validator)) {
        let list = lists.get(chain);
        if (list === undefined) lists.set(chain, (list = []));
        list.push(validator.address);
      }
    }
    for (const [chain, list] of lists) this.live.set(chain, list.sort());
    this.built = true;
  }

  private flush(chain: string): void {
    const changes = this.pending.get(chain);
    if (changes === undefined) return;
    this.pending.delete(chain);
    const base = this.live.get(chain) ?? EMPTY;
    const present = new Set(base);
    const removed = new Set<string>();
    const added: Address[] = [];
    for (const [address, member] of changes) {
      if (member && !present.has(address)) added.push(address);
      if (!member && present.has(address)) removed.add(address);
    }
    if (removed.size === 0 && added.length === 0) return;
    const merged = mergeSorted(base, removed, added.sort());
    if (merged.length === 0) this.live.delete(chain);
    else this.live.set(chain, Object.freeze(merged));
  }

  /** The chain index NOW (live state, including uncommitted writes). */
  current(chain: string): readonly Address[] {
    if (!this.built) this.build();
    this.flush(chain);
    return this.live.get(chain) ?? EMPTY;
  }

  /** Every chain with at least one indexed validator now, sorted. */
  currentChains(): string[] {
    if (!this.built) this.build();
    for (const chain of [...this.pending.keys()]) this.flush(chain);
    return [...this.live.keys()].sort();
  }

  /**
   * Record the lists as of the block just committed (call right after commitBlock(height), before
   * the next block changes anything). The chain calls this for session-start heights.
   */
  captureCommitted(height: number): void {
    const snapshot = new Map<string, readonly Address[]>();
    for (const chain of this.currentChains()) snapshot.set(chain, this.live.get(chain)!);
    this.memo.set(height, snapshot);
  }

  /** The chain index as committed at the end of block `sessionHeight` (memo, else history). */
  at(chain: string, sessionHeight: number): readonly Address[] {
    let lists = this.memo.get(sessionHeight);
    if (lists === undefined) {
      lists = this.fromHistory(sessionHeight);
      this.memo.set(sessionHeight, lists);
    }
    return lists.get(chain) ?? EMPTY;
  }

  /** Rebuild every chain's list at `height` from the validator table's committed versions. */
  private fromHistory(height: number): ReadonlyMap<string, readonly Address[]> {
    const lists = new Map<string, Address[]>();
    for (const address of this.validators.versions.keys()) {
      for (const chain of memberChains(this.validators.getAt(address, height))) {
        let list = lists.get(chain);
        if (list === undefined) lists.set(chain, (list = []));
        list.push(address as Address);
      }
    }
    for (const list of lists.values()) list.sort();
    return lists;
  }

  /** Drop memos of session heights below `height` (they can no longer be read). */
  forgetBefore(height: number): void {
    for (const sessionHeight of [...this.memo.keys()]) if (sessionHeight < height) this.memo.delete(sessionHeight);
  }

  /** Memo size (tests, diagnostics). */
  memoizedHeights(): number[] {
    return [...this.memo.keys()].sort((a, b) => a - b);
  }
}
