/**
 * Who signed the blocks before an imported chain's log, for double-sign evidence about them.
 *
 * The audit reads the signers of height e (and their powers) from block e + 1's last commit. A
 * chain imported from an exported state at H starts its log at H + 1, so the signers of H come
 * from block H + 1, but evidence about e ≤ H − 1 — possible once MaxEvidenceAge allows evidence
 * two or more blocks old (signing.ts evidenceAgeBlocks) — has no commit in the log. An export by
 * pokt-ledger carries the validator set's per-height history in its `pokt_ledger` section
 * (`versions` → `pos/validator_set` → `current`: [height, the set after that block's EndBlock as
 * [[address, power], …], or null], ascending heights; genesis/export.ts). The set that signed e is
 * then, by the rule of Tendermint (the fork at 59310158d3e9, pocket-core go.mod:5):
 *   - the set after EndBlock e − 2 — the last version at or before e − 2 (state/execution.go:
 *     425-438, 469-471: EndBlock h's updates become NextValidators and sign h + 2);
 *   - for the first two blocks after the history's first set (a genesis, or an import of
 *     pocket-core's shape): that set — InitChain makes it both Validators and NextValidators
 *     (state/state.go:232-247, consensus/replay.go:320-328); for e = first + 1 no version is at or
 *     before e − 2, so the first version, at e − 1, answers;
 *   - none (evidence ignored) for anything earlier.
 *
 * Why this keeps the audit independent of the ledger's code: the versions are data of the
 * exported state the audit already seeds from (accounts, validators, signing infos, the waiting
 * set) — the same file, whose content `init` ties to the exporting ledger's state root — and the
 * rule above is written here from Tendermint's source; the ledger's own choice of a set
 * (modules/nodes/validator-set.ts signingSetFor) is not called, so a wrong choice there still shows
 * as a `slash/double_sign` mismatch. An import WITHOUT the section has no history: every evidence
 * height before the log is answered "none", as the ledger ignores it (`not_in_validator_set`,
 * docs/history.md).
 *
 * Limit: the exporting ledger prunes the history it no longer needs (after block h, below
 * min(history floor, h − 2, h − 1 − evidence age in blocks); modules/pocketcore/history.ts), keeping
 * the last version at or before that height. Evidence about a height older than that is too old
 * unless governance raised MaxEvidenceAge after the pruning; then the first kept version may be
 * taken for the signer of the block after it (the InitChain case above), as the ledger takes it.
 *
 * Example: versions [[0, S0], [3, S3]] → e = 1: S0 (first + 1), e = 2: S0 (at 0), e = 5: S3 (at 3),
 * e = 4: S0 (the last at or before 2).
 */

import { AuditInputError } from './inputs.js';

/** The exported file's name for the validator set's table and its one key (format names, not the module's code). */
export const VALIDATOR_SET_TABLE = 'pos/validator_set';
export const VALIDATOR_SET_ENTRY = 'current';

export type ExportedVersions = ReadonlyArray<readonly [number, string | null]>;

export class ImportedSets {
  private readonly heights: number[] = [];
  private readonly sets: Array<ReadonlyMap<string, bigint>> = [];

  /** @param versions the section's [height, encoded set | null] list (ascending heights, as written). */
  constructor(versions: ExportedVersions) {
    for (const [height, encoded] of [...versions].sort((a, b) => a[0] - b[0])) {
      this.heights.push(height);
      this.sets.push(encoded === null ? new Map() : decodeSet(encoded, height));
    }
  }

  /** The powers of the set that signed block `e`, by address; undefined when the history does not reach it. */
  signersOf(e: number): ReadonlyMap<string, bigint> | undefined {
    const at = this.lastAtOrBefore(e - 2);
    if (at >= 0) return this.sets[at];
    return this.heights.length > 0 && this.heights[0] === e - 1 ? this.sets[0] : undefined;
  }

  private lastAtOrBefore(height: number): number {
    let low = 0;
    let high = this.heights.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.heights[middle]! <= height) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found;
  }
}

/**
 * One version's text: a JSON array of [address, power as a decimal string]. Anything else is
 * refused as a damaged genesis file (`genesis_invalid`, as inputs.ts reports a file that does not
 * parse): `init` decoded these entries, so the file was changed after it.
 */
function decodeSet(encoded: string, height: number): ReadonlyMap<string, bigint> {
  const refuse = (what: string): never => {
    throw new AuditInputError('genesis_invalid', `$.pokt_ledger.versions.${VALIDATOR_SET_TABLE}: the version at height ${height} ${what}: ${encoded.slice(0, 80)}`);
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(encoded);
  } catch {
    return refuse('is not JSON');
  }
  if (!Array.isArray(parsed)) return refuse('is not a list');
  const powers = new Map<string, bigint>();
  for (const member of parsed) {
    if (!Array.isArray(member) || typeof member[0] !== 'string' || typeof member[1] !== 'string' || !/^[0-9]+$/.test(member[1])) {
      return refuse(`has a member that is not [address, power] (${JSON.stringify(member)?.slice(0, 80)})`);
    }
    powers.set(member[0].toLowerCase(), BigInt(member[1]));
  }
  return powers;
}
