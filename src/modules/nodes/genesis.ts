/**
 * nodes InitGenesis (x/nodes/genesis.go:15-60): validator records; the staked-tokens pool holds
 * the sum of their tokens and total supply grows by it (genesis stakes are new money, as in
 * pocket-core, where auth's supply counts only account balances).
 *
 * Difference, on purpose: pocket-core counts only Staked validators into the pool, leaving
 * Unstaking ones' tokens outside any pool; we count both so every staked token is in exactly
 * one pool (mainnet has no Unstaking validators, so the result is the same there).
 * Their signing infos are the slashing module's slice (../slashing/genesis.ts).
 */
import type { GenesisDoc } from '../../genesis/types.js';
import type { Table } from '../../state/table.js';
import { mint, type BankTables, MODULE_ADDRESSES } from '../auth/index.js';
import { VALIDATOR_SET_KEY, type Validator, type ValidatorSetEntry } from './state.js';
import { computeValidatorSet } from './validator-set.js';

export interface NodesGenesisTables {
  readonly validators: Table<Validator>;
  readonly validatorSet: Table<readonly ValidatorSetEntry[]>;
}

/** Also computes the first validator set (InitGenesis runs UpdateTendermintValidators). */
export function initNodesGenesis(bank: BankTables, pos: NodesGenesisTables, maxValidators: bigint, doc: GenesisDoc): void {
  let staked = 0n;
  for (const v of doc.validators) {
    pos.validators.set(v.address, v);
    staked += v.tokensUpokt;
  }
  mint(bank, MODULE_ADDRESSES.staked_tokens_pool, staked);
  pos.validatorSet.set(VALIDATOR_SET_KEY, computeValidatorSet(pos.validators.unorderedValues(), maxValidators));
}
