/**
 * Slashing evolvers: apply ./slashing-events.ts. They never validate (the deciders did); a
 * violated precondition is a bug and throws. Burned stake leaves staked_tokens_pool through
 * auth/bank.ts `burn`, the only way supply falls.
 */
import { invariant } from '../../core/assert.js';
import type { Table } from '../../state/table.js';
import { burn, type BankTables } from '../auth/bank.js';
import { MODULE_ADDRESSES } from '../auth/state.js';
import { resetSigningInfo, type SigningInfo } from './signing-info.js';
import type { DoubleSignEvidenceIgnored, NodeJailed, NodeSlashed, NodeUnjailed, SigningInfosUpdated } from './slashing-events.js';
import type { Validator } from './state.js';

export interface SlashingEvolveState {
  readonly auth: BankTables;
  readonly pos: { readonly validators: Table<Validator>; readonly signingInfos: Table<SigningInfo> };
}

function mustGet(state: SlashingEvolveState, address: string, event: string): Validator {
  const validator = state.pos.validators.get(address);
  invariant(validator !== undefined, () => `${event}: validator ${address} not found`);
  return validator;
}

export const slashingEvolvers = {
  SigningInfosUpdated: (state: SlashingEvolveState, event: SigningInfosUpdated): void => {
    for (const info of event.infos) state.pos.signingInfos.set(info.address, info);
  },
  NodeSlashed: (state: SlashingEvolveState, event: NodeSlashed): void => {
    const validator = mustGet(state, event.address, 'NodeSlashed');
    const tokensUpokt = validator.tokensUpokt - event.burnedUpokt;
    invariant(tokensUpokt === event.tokensAfterUpokt, () => `NodeSlashed: ${event.address} would hold ${tokensUpokt}, event says ${event.tokensAfterUpokt}`);
    burn(state.auth, MODULE_ADDRESSES.staked_tokens_pool, event.burnedUpokt);
    state.pos.validators.set(event.address, { ...validator, tokensUpokt });
  },
  NodeJailed: (state: SlashingEvolveState, event: NodeJailed): void => {
    state.pos.validators.set(event.address, { ...mustGet(state, event.address, 'NodeJailed'), jailed: true });
  },
  NodeUnjailed: (state: SlashingEvolveState, event: NodeUnjailed): void => {
    state.pos.validators.set(event.address, { ...mustGet(state, event.address, 'NodeUnjailed'), jailed: false });
    state.pos.signingInfos.set(event.address, resetSigningInfo(state.pos.signingInfos.get(event.address), event.address, event.height));
  },
  DoubleSignEvidenceIgnored: (_state: SlashingEvolveState, _event: DoubleSignEvidenceIgnored): void => {
    // Nothing changes: the event only records why the evidence had no effect.
  },
};
