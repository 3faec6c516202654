/**
 * The validator set: the staked, unjailed nodes with the most consensus power, at most
 * MaxValidators of them (x/nodes/keeper/valStateChanges.go:20-108). Servicers outside the set
 * still serve sessions; the set only produces and signs blocks.
 *
 * Order: power descending, ties broken by the LOWER address first (pocket's power index key is
 * BE64(power) ‖ NOT(address), iterated from the highest key).
 *
 * Timing in this ledger: the set computed at the end of block h produces and signs block h+1;
 * block h+2's header carries that set's signatures for h+1 (its `lastCommit`). Tendermint
 * delays updates by one more block; we do not simulate that delay (README "Determinism", proposer).
 *
 * Worked example: tokens A=20.5M POKT, B=20.5M POKT, C=15M POKT (uPOKT ×10^6), MaxValidators 2,
 * addresses A < B → powers 20,500,000 / 20,500,000 / 15,000,000 → set [A, B].
 */
import type { Address } from '../../core/types.js';
import { consensusPower, type Validator } from './state.js';

export interface ValidatorSetMember {
  readonly address: Address;
  readonly power: bigint;
}

export function compareByPowerThenAddress(a: ValidatorSetMember, b: ValidatorSetMember): number {
  if (a.power !== b.power) return a.power > b.power ? -1 : 1;
  return a.address < b.address ? -1 : a.address > b.address ? 1 : 0;
}

export function computeValidatorSet(validators: Iterable<Validator>, maxValidators: bigint): ValidatorSetMember[] {
  const members: ValidatorSetMember[] = [];
  for (const validator of validators) {
    const power = consensusPower(validator);
    if (power > 0n) members.push({ address: validator.address, power });
  }
  members.sort(compareByPowerThenAddress);
  const limit = maxValidators < BigInt(members.length) ? Number(maxValidators) : members.length;
  return members.slice(0, limit);
}
