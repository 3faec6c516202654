/**
 * slashing InitGenesis (x/nodes/genesis.go:37-46): a signing info for every genesis validator,
 * start height 0, jailed_until Unix 0. Runs after the nodes slice has written the validators.
 */
import type { GenesisDoc } from '../../genesis/types.js';
import type { Table } from '../../state/table.js';
import { newSigningInfo, type SigningInfo } from './state.js';

export interface SlashingGenesisTables {
  readonly signingInfos: Table<SigningInfo>;
}

export function initSlashingGenesis(slashing: SlashingGenesisTables, doc: GenesisDoc): void {
  for (const v of doc.validators) slashing.signingInfos.set(v.address, newSigningInfo(v.address, 0));
}
