/**
 * The audit's own validator signing infos (PROTOCOL §6.5–§6.8, written from pocket-core
 * x/nodes/keeper/slash.go:231-293, signing_info.go, valStateChanges.go:575-719, genesis.go),
 * kept beside the shadow ledger from the genesis file and the raw block headers — never from
 * the reducer's slashing state. Per validator:
 *
 *   startHeight    height the record was created (informational: no rule reads it)
 *   index          index_offset: the votes of this validator seen in the current window
 *   jailedUntilNs  a downtime jail's end (null = Go's zero time: a record recreated on the fly)
 *   missed         missed_blocks_counter
 *   jailedBlocks   jailed_blocks_counter (MaxJailedBlocks, §6.7)
 *
 * and, kept apart from the record as pocket-core keeps them (key 0x12‖addr‖index), the set
 * "missed" bits by index. The bits matter in one case only: deleting a validator deletes its
 * signing info but NOT its bits (validator.go:116-121 → DeleteValidatorSigningInfo, which does
 * not clear them), so a node that missed a vote, left the set, matured and re-staked under the
 * same address starts at index 0 over stale bits: a signed vote on a stale bit decrements the
 * counter (it can go negative), a missed one does not count (slash.go:255-266) — until the
 * next reset clears the bits. Every other reset (window boundary, downtime jail, unjail, edit
 * stake, a record recreated by ResetValidatorSigningInfo) clears them with the index. An edit
 * stake also replaces the record itself (start h, zero jailed_until: `recreate`).
 *
 * Worked example (window 10, MinSignedPerWindow 0.5 → MinBlocksSignedPerWindow 5, so more
 * than 5 misses jail): a validator of the set misses the votes of blocks 1..6 (processed in
 * blocks 2..7) → counter 6 > 5 at block 7 → slashed power × SlashFractionDowntime, counters
 * and bits reset, jailed until block time + DowntimeJailDuration. Had block 5 (5 mod 10 ≠ 0)
 * been height 10, the window would have reset there and the 6th miss counted 1.
 */

export interface SigningInfo {
  startHeight: number;
  index: number;
  jailedUntilNs: bigint | null;
  missed: number;
  jailedBlocks: number;
}

/** What a processed vote did: whether the downtime threshold was crossed. */
export interface VoteVerdict {
  readonly downtime: boolean;
  readonly missed: number;
}

/**
 * The misses a window tolerates: SignedBlocksWindow − MinBlocksSignedPerWindow, in Go int64
 * (slash.go:273), which wraps — a window of 2^62 with MinSignedPerWindow −1 gives −2^63, a
 * threshold every vote crosses. `minSignedPerWindow` scaled 10^18.
 */
export function maxMissedPerWindow(signedBlocksWindow: bigint, minSignedPerWindow: bigint): bigint {
  return BigInt.asIntN(64, signedBlocksWindow - minBlocksSignedPerWindow(signedBlocksWindow, minSignedPerWindow));
}

/** round_half_even(MinSignedPerWindow × SignedBlocksWindow) (x/nodes/keeper/params.go:70-78); `minSignedPerWindow` scaled 10^18. */
export function minBlocksSignedPerWindow(signedBlocksWindow: bigint, minSignedPerWindow: bigint): bigint {
  const ONE = 10n ** 18n;
  const product = minSignedPerWindow * signedBlocksWindow; // exact (MulInt64), scaled 10^18
  let q = product / ONE;
  const twice = (product % ONE) * 2n;
  if (twice > ONE || (twice === ONE && q % 2n === 1n)) q += 1n;
  return q;
}

/**
 * max(1, int(MaxEvidenceAge.Minutes()) / 15) — the evidence age in blocks after UPG30024
 * (x/nodes/keeper/abci.go:40-55; pocket assumes 15-minute blocks). Go's Minutes() is a float64,
 * whole minutes plus the remainder as a fraction; int() truncates the sum, which a remainder
 * just under a minute rounds up to the next whole minute past 2^18 minutes.
 */
export function evidenceAgeBlocks(maxEvidenceAgeNs: bigint): number {
  const minute = 60_000_000_000n;
  const minutes = Math.trunc(Number(maxEvidenceAgeNs / minute) + Number(maxEvidenceAgeNs % minute) / 60e9);
  const blocks = Math.trunc(minutes / 15);
  return blocks < 1 ? 1 : blocks > 1_000_000_000 ? 1_000_000_000 : blocks;
}

export class SigningTracker {
  private readonly infos = new Map<string, SigningInfo>();
  /** The set missed bits by validator (survive the deletion of the signing info). */
  private readonly bits = new Map<string, Set<number>>();

  get(address: string): Readonly<SigningInfo> | undefined {
    return this.infos.get(address);
  }

  has(address: string): boolean {
    return this.infos.has(address);
  }

  /** Addresses with a record (unordered: callers sort or compare per address). */
  addresses(): IterableIterator<string> {
    return this.infos.keys();
  }

  /** Seed a record (genesis: start 0, jailed_until Unix 0; an exported state's own records). */
  seed(address: string, info: SigningInfo): void {
    this.infos.set(address, { ...info });
  }

  /** Seed an exported state's set missed bits (InitGenesis, x/nodes/genesis.go:104-114), for any address. */
  seedMissed(address: string, indices: readonly number[]): void {
    if (indices.length > 0) this.bits.set(address, new Set(indices));
  }

  /** StakeValidator for a validator with no record: {start h, jailed_until Unix 0}; an existing record is kept (valStateChanges.go:312-321). Bits are not cleared. */
  createIfAbsent(address: string, height: number): void {
    if (!this.infos.has(address)) this.infos.set(address, { startHeight: height, index: 0, jailedUntilNs: 0n, missed: 0, jailedBlocks: 0 });
  }

  /**
   * ResetValidatorSigningInfo (signing_info.go:40-52): unjail, and a validator of the last
   * commit without a record (h ≥ 30040, taken as active from genesis): the three counters zeroed
   * (a missing record created with start h and the zero jailed_until), bits cleared. (Edit
   * stake: `recreate`.)
   */
  reset(address: string, height: number): void {
    const info = this.infos.get(address) ?? { startHeight: height, index: 0, jailedUntilNs: null, missed: 0, jailedBlocks: 0 };
    this.infos.set(address, { ...info, index: 0, missed: 0, jailedBlocks: 0 });
    this.bits.delete(address);
  }

  /**
   * Edit stake (EditStakeValidator): the validator is deleted and saved again
   * (valStateChanges.go:361-363) — DeleteValidator takes the signing info with it
   * (validator.go:119) — and then ResetValidatorSigningInfo (valStateChanges.go:366-370) finds
   * none: a new record {start h, Go zero jailed_until, counters 0}, bits cleared. A downtime
   * jail's jailed_until does not survive an edit.
   */
  recreate(address: string, height: number): void {
    this.delete(address);
    this.reset(address, height);
  }

  /** The validator record was deleted (matured unstake): its signing info goes, its bits stay. */
  delete(address: string): void {
    this.infos.delete(address);
  }

  /**
   * handleValidatorSignature for a vote of a KNOWN validator (the caller skips unknown ones):
   * no record → one is recreated and the vote skipped (undefined); a window boundary resets; the
   * bit at the index is updated and the counter with it; the index advances. Whether the
   * counter now exceeds `maxMissed` is the verdict — the caller slashes and jails, then calls
   * `jailForDowntime`.
   */
  vote(address: string, height: number, signed: boolean, window: bigint, maxMissed: bigint): VoteVerdict | undefined {
    const info = this.infos.get(address);
    if (info === undefined) {
      this.reset(address, height);
      return undefined;
    }
    if (window > 0n && BigInt(height) % window === 0n) {
      info.index = 0;
      info.missed = 0;
      info.jailedBlocks = 0;
      this.bits.delete(address);
    }
    const bits = this.bits.get(address);
    const previous = bits?.has(info.index) ?? false;
    if (!previous && !signed) {
      if (bits === undefined) this.bits.set(address, new Set([info.index]));
      else bits.add(info.index);
      info.missed++;
    } else if (previous && signed) {
      bits!.delete(info.index);
      info.missed--;
    }
    info.index++;
    return { downtime: BigInt(info.missed) > maxMissed, missed: info.missed };
  }

  /** After a downtime slash: counters and bits reset, jailed_until = block time + DowntimeJailDuration (slash.go:276-290). */
  jailForDowntime(address: string, untilNs: bigint): void {
    const info = this.infos.get(address)!;
    info.index = 0;
    info.missed = 0;
    info.jailedBlocks = 0;
    info.jailedUntilNs = untilNs;
    this.bits.delete(address);
  }

  /**
   * IncrementJailedValidators for one jailed validator (valStateChanges.go:605-648): the counter
   * + 1 (a missing record counts from a fresh one, start h); above MaxJailedBlocks → true (force
   * unstake) and the incremented counter is NOT saved (nor a missing record created); else saved.
   */
  countJailedBlock(address: string, height: number, maxJailedBlocks: bigint): boolean {
    const info = this.infos.get(address) ?? { startHeight: height, index: 0, jailedUntilNs: null, missed: 0, jailedBlocks: 0 };
    const counter = info.jailedBlocks + 1;
    if (BigInt(counter) > maxJailedBlocks) return true;
    this.infos.set(address, { ...info, jailedBlocks: counter });
    return false;
  }
}
