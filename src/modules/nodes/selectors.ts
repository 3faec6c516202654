/** Read-only questions other modules (and the ante handler) may ask the nodes module. */
import type { Address } from '../../core/types.js';
import type { Message } from '../../messages/index.js';
import type { ReadonlyTable } from '../../state/table.js';
import type { Validator } from './state.js';

/**
 * The current output address of the node a StakeNode message is for: it may sign that message
 * too (post-[NCUST]&[OEDIT], x/auth/ante.go:73-79; x/nodes/keeper/keeper.go:95-106).
 */
export function stakeOutputSigner(validators: ReadonlyTable<Validator>, message: Message): Address | undefined {
  if (message.type !== 'StakeNode') return undefined;
  return validators.get(message.operatorAddress)?.outputAddress ?? undefined;
}
