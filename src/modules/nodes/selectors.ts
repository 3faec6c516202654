/** Read-only questions other modules (and the ante handler) may ask the nodes module. */
import type { Address } from '../../core/types.js';
import type { Message } from '../../messages/index.js';
import type { ReadonlyTable } from '../../state/table.js';
import { StakeStatus, type Validator } from './state.js';

/**
 * The current output address of the node a StakeNode message is for: it may sign that message
 * too (post-[NCUST]&[OEDIT], x/auth/ante.go:73-79). GetMsgStakeOutputSigner answers
 * GetOutputAddressFromValidator for a node that exists (x/nodes/keeper/keeper.go:95-106): its
 * output, or its own address when it has none (validator.go:107-112); nothing for an unknown node.
 */
export function stakeOutputSigner(validators: ReadonlyTable<Validator>, message: Message): Address | undefined {
  if (message.type !== 'StakeNode') return undefined;
  const node = validators.get(message.operatorAddress);
  return node === undefined ? undefined : (node.outputAddress ?? node.address);
}

/**
 * Is the validator in the per-chain index for `chain` (0x22‖chain‖addr, x/nodes/keeper/
 * valStaked.go:11-31)? Status Staked and staked for the chain: jailing does NOT remove a
 * validator from it (JailValidator touches only the power index), starting to unstake does.
 * Chain ids are canonical upper-case hex on both sides (PROTOCOL §12.2 item 11).
 */
export function isInChainIndex(validator: Validator, chain: string): boolean {
  return validator.status === StakeStatus.Staked && validator.chains.includes(chain);
}

/**
 * The chain index now: addresses of the validators in it, ascending (the order pocket-core's
 * iterator yields, GetValidatorsByChain valStaked.go:34-60). O(validators).
 * For a past height read the records with `validators.getAt(address, h)`; a validator deleted
 * since then (a finished unstake) is no longer among the table's keys, so a look-back longer
 * than pos/UnstakingTime needs the history's key set, which this selector does not have.
 */
export function stakedValidatorsForChain(validators: ReadonlyTable<Validator>, chain: string): Address[] {
  const out: Address[] = [];
  for (const [address, validator] of validators.sortedEntries()) if (isInChainIndex(validator, chain)) out.push(address as Address);
  return out;
}
