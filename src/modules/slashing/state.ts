/**
 * Validator signing info (x/nodes/types/signing_info.go, x/nodes/keeper/signing_info.go): per
 * validator, the downtime counters of the current tumbling window and the jail bookkeeping.
 *
 *   start_height           height at which the record was created
 *   index_offset           how many of this validator's commit votes the current window has seen
 *   jailed_until           block time before which an Unjail is refused (downtime jail)
 *   missed_blocks_counter  votes missed in the current window (bits set − stale bits signed
 *                          over; can go below 0 after a re-stake, see below)
 *   jailed_blocks_counter  EndBlocks spent jailed (MaxJailedBlocks, PROTOCOL §6.7)
 *
 * pocket-core also keeps a "missed" bit per (validator, index) (key 0x12‖address‖index,
 * x/nodes/types/keys.go:127-137), and so does the ledger: `missedBlocksTable`, one row per
 * address with the indices whose bit is set. The bits live apart from the record and are NOT
 * deleted with it (DeleteValidator → DeleteValidatorSigningInfo only, validator.go:116-121,
 * signing_info.go:35-38). They are cleared only by
 *   - a window reset while the validator is in the last commit (slash.go:249-254),
 *   - the downtime jail (slash.go:282-285),
 *   - ResetValidatorSigningInfo (signing_info.go:40-52): unjail (valStateChanges.go:717), edit
 *     stake (valStateChanges.go:366-370 — after valStateChanges.go:361 deleted the record, so an
 *     edit always gets a new one: start h, zero jailed_until) and a vote of a validator without
 *     a record (slash.go:243-246).
 * A new stake's record (valStateChanges.go:312-321) and the jailed-blocks counter's fresh record
 * (valStateChanges.go:617-624) leave them. So a node that missed votes in its last window, left
 * the set before a window reset saw it, finished unstaking (record deleted) and re-staked under
 * the same address starts at index 0 over its stale bits: a signed vote on a set bit clears it
 * and DECREMENTS missed_blocks_counter (below 0 if need be), a missed vote on a set bit changes
 * nothing (slash.go:255-269) — until the next reset. Whenever no such history exists the bit at
 * `index_offset` is unset (the tumbling window only grows the index between resets that clear
 * the bits), which is the common case. (Cosmos' sliding window wraps the index modulo the
 * window; pocket's does not, PROTOCOL §6.5, §12.2 item 12.)
 *
 * Creation: genesis (start 0, jailed_until = Unix 0, x/nodes/genesis.go:37-46), a new stake
 * (start = stake height, Unix 0, valStateChanges.go:312-321), an edit stake (start = edit
 * height, Go zero time: the old record deleted at valStateChanges.go:361, recreated at
 * :366-370), or — when a validator of the last commit has none — the downtime handler (start =
 * h, Go zero time, slash.go:239-248). Deleted with the validator (validator.go:116-121); its
 * missed bits stay.
 */
import { canonicalJson } from '../../core/json.js';
import { Dec } from '../../core/bigdec.js';
import type { Address, TimeNs } from '../../core/types.js';
import type { TableSpec } from '../../state/table.js';

export interface SigningInfo {
  readonly address: Address;
  readonly startHeight: number;
  readonly indexOffset: number;
  /** null = Go's zero time (never set); genesis and new stakes use Unix 0 (= 0n). */
  readonly jailedUntilNs: TimeNs | null;
  readonly missedBlocksCounter: number;
  readonly jailedBlocksCounter: number;
}

/** Hot path (one write per validator per block): a compact canonical encoding. */
export const signingInfosTable: TableSpec<SigningInfo> = {
  name: 'pos/signing_info',
  encode: (i) => canonicalJson([i.address, i.startHeight, i.indexOffset, i.jailedUntilNs, i.missedBlocksCounter, i.jailedBlocksCounter]),
  decode: (text) => {
    const [address, startHeight, indexOffset, jailedUntil, missed, jailedBlocks] = JSON.parse(text) as [Address, number, number, string | null, number, number];
    return {
      address,
      startHeight,
      indexOffset,
      jailedUntilNs: jailedUntil === null ? null : BigInt(jailedUntil),
      missedBlocksCounter: missed,
      jailedBlocksCounter: jailedBlocks,
    };
  },
};

/**
 * A validator's set missed bits: the indices (ascending, none repeated, never empty — a
 * validator with no bit set has no row). Keyed by address.
 */
export interface MissedBlocks {
  readonly address: Address;
  readonly indices: readonly number[];
}

export const missedBlocksTable: TableSpec<MissedBlocks> = {
  name: 'pos/missed_blocks',
  encode: (m) => canonicalJson([m.address, m.indices]),
  decode: (text) => {
    const [address, indices] = JSON.parse(text) as [Address, number[]];
    return { address, indices };
  },
};

/**
 * What an event does to one validator's bits: `indices` is the complete new set (ascending;
 * empty = every bit cleared, the row goes). Events carry one only when the set changed.
 */
export type MissedBlocksChange = MissedBlocks;

/** A change that clears every bit of `address`, or none when it has no bit set. */
export function clearMissedBlocks(current: MissedBlocks | undefined, address: Address): MissedBlocksChange | undefined {
  return current === undefined ? undefined : { address, indices: [] };
}

/** A new record as genesis and StakeValidator write it: jailed_until = time.Unix(0, 0). */
export function newSigningInfo(address: Address, height: number): SigningInfo {
  return { address, startHeight: height, indexOffset: 0, jailedUntilNs: 0n, missedBlocksCounter: 0, jailedBlocksCounter: 0 };
}

/**
 * ResetSigningInfo (signing_info.go:17-21): zero the three counters, keep start height and
 * jailed_until. A missing record is created with jailed_until = Go zero time
 * (ResetValidatorSigningInfo, keeper/signing_info.go:40-52). The record only: whether the bits
 * are cleared too is the caller's (clearMissedBlocks), as in pocket-core.
 */
export function resetSigningInfo(current: SigningInfo | undefined, address: Address, height: number): SigningInfo {
  if (current === undefined) return { address, startHeight: height, indexOffset: 0, jailedUntilNs: null, missedBlocksCounter: 0, jailedBlocksCounter: 0 };
  return { ...current, indexOffset: 0, missedBlocksCounter: 0, jailedBlocksCounter: 0 };
}

/**
 * MinBlocksSignedPerWindow = round_half_even(MinSignedPerWindow × SignedBlocksWindow)
 * (x/nodes/keeper/params.go:70-78); a validator is punished when it has missed MORE than
 * `SignedBlocksWindow − MinBlocksSignedPerWindow` votes of the window.
 *
 * Worked example (mainnet genesis): 0.60 × 10 = 6 → at most 4 misses tolerated, the 5th jails.
 * Defaults: 0.5 × 100 = 50 → 50 tolerated. Half-even: 0.55 × 10 = 5.5 → 6; 0.45 × 10 = 4.5 → 4.
 * The difference is Go int64 (slash.go:273) and wraps: a window of 2^62 with MinSignedPerWindow
 * −1 is 2^62 + 2^62 = 2^63 → −2^63, so every vote punishes — a pair governance and genesis refuse
 * (ledger:15: a negative tolerance jails every validator at once, gov/param-value.ts).
 */
export function maxMissedBlocks(signedBlocksWindow: bigint, minSignedPerWindow: Dec): bigint {
  const minSigned = minSignedPerWindow.mul(Dec.fromInt(signedBlocksWindow)).roundInt();
  return BigInt.asIntN(64, signedBlocksWindow - minSigned);
}
