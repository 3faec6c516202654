/**
 * The validator set: the staked, unjailed nodes with the most consensus power, at most
 * MaxValidators of them (x/nodes/keeper/valStateChanges.go:20-108). Servicers outside the set
 * still serve sessions; the set only produces and signs blocks.
 *
 * Order: power descending, ties broken by the LOWER address first (pocket's power index key is
 * BE64(power) ‖ NOT(address), iterated from the highest key).
 *
 * Timing (the pokt-network Tendermint fork at 59310158d3e9, pocket-core go.mod:5): the set computed at the END of
 * block h — EndBlock's validator updates — becomes Tendermint's NextValidators and proposes and
 * signs block h+2; block h+3's header carries its votes for h+2 (its `lastCommit`). Block h+1 is
 * still proposed and signed by the set after h−1. At genesis InitChain makes the genesis set both
 * Validators and NextValidators, so blocks 1 and 2 are both signed by it. Sources, 59310158d3e9:
 *   state/execution.go:425-438  updateState: nValSet := state.NextValidators.Copy(), the updates
 *                               applied to it, lastHeightValsChanged = header.Height + 1 + 1
 *   state/execution.go:469-471  NextValidators: nValSet, Validators: state.NextValidators,
 *                               LastValidators: state.Validators
 *   state/state.go:232-247      MakeGenesisState: Validators and NextValidators from the genesis
 *   consensus/replay.go:320-328 InitChain's validators replace both
 *   state/store.go:101-111      saveState: NextValidators saved as the validators of height + 2
 *   state/validation.go:97-104  block h's LastCommit is checked against state.LastValidators
 *                               (the set that signed h−1); :154-159 the proposer must be in
 *                               state.Validators (the set signing h)
 *   state/execution.go:347-370  BeginBlock's LastCommitInfo lists LoadValidators(h − 1);
 *                               :378 evidence about height e is judged with LoadValidators(e)
 * `signingSetFor` and `lastCommitSetFor` below are the only places that turn a height into a set:
 * the producer, the header checks, double-sign evidence and the simulator's faults all use them.
 *
 * Worked example: tokens A=20.5M POKT, B=20.5M POKT, C=15M POKT (uPOKT ×10^6), MaxValidators 2,
 * addresses A < B → powers 20,500,000 / 20,500,000 / 15,000,000 → set [A, B].
 */
import type { Address } from '../../core/types.js';
import type { ReadonlyTable } from '../../state/table.js';
import { consensusPower, VALIDATOR_SET_KEY, type Validator, type ValidatorSetEntry } from './state.js';

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

/** What the signing-set questions read: the validator set's per-height history. */
export interface ValidatorSetHistoryView {
  readonly nodes: { readonly validatorSet: Pick<ReadonlyTable<readonly ValidatorSetEntry[]>, 'getAt'> };
}

/**
 * The set that proposes and signs block `height` (Tendermint's state.Validators while deciding
 * it): the set after block height − 2. The chain's first two blocks have no such set and are
 * signed by the genesis set — the first set the history holds, recorded at the genesis height G:
 * for height G + 1 the read at G − 1 finds nothing and falls back to G (InitChain made the
 * genesis set both Validators and NextValidators). An exported-state import that carries the
 * exporting chain's history (genesis/import-exported.ts) finds the real set at H − 1 instead and
 * continues as that chain would. Before the genesis (height ≤ G) there is no set: [].
 *
 * The read never reaches below the pruned history: after block h the store keeps every version a
 * read at h − 2 or later needs (modules/pocketcore/history.ts pruneHeight), and block h + 1 reads
 * h − 1 here and h − 2 for its last commit.
 *
 * Example (genesis at 0, set S0; EndBlock 1 yields S1, EndBlock 2 yields S2): block 1 → S0
 * (read at −1: none, then at 0), block 2 → S0 (read at 0), block 3 → S1, block 4 → S2.
 */
export function signingSetFor(view: ValidatorSetHistoryView, height: number): readonly ValidatorSetEntry[] {
  const table = view.nodes.validatorSet;
  return table.getAt(VALIDATOR_SET_KEY, height - 2) ?? table.getAt(VALIDATOR_SET_KEY, height - 1) ?? [];
}

/**
 * The votes block `height`'s last commit lists: the set that signed block height − 1, ascending
 * address (the header's order). None for the chain's first block (G + 1): nothing signed G.
 * Example (as above): block 1 → [], block 2 → S0, block 3 → S0, block 4 → S1, block 5 → S2.
 */
export function lastCommitSetFor(view: ValidatorSetHistoryView, height: number): ValidatorSetEntry[] {
  return [...signingSetFor(view, height - 1)].sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
}
