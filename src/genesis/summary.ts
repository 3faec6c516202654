/**
 * What `genesis inspect` reports, computed from the imported state (not from the file), so the
 * numbers are also a check of the import: liquid + staked + DAO + other module balances must
 * equal the total supply.
 */
import { bytesToHex } from '../core/hex.js';
import { CHAIN_META_KEY } from '../state/chain-tables.js';
import type { LedgerState } from '../chain/ledger-state.js';
import { balanceOf, querySupply, moduleNameOf } from '../modules/auth/index.js';
import type { GenesisDoc } from './types.js';

export interface GenesisSummary {
  readonly chain_id: string;
  /** 0 for a genesis; for an exported state, the height it was exported at (a chain from it continues at + 1). */
  readonly height: number;
  readonly genesis_time_ns: string;
  readonly accounts: number;
  readonly validators: number;
  readonly jailed_validators: number;
  readonly applications: number;
  readonly dao_upokt: string;
  readonly liquid_upokt: string;
  readonly node_staked_upokt: string;
  readonly app_staked_upokt: string;
  readonly total_supply_upokt: string;
  readonly supply_balanced: boolean;
  readonly params_defaulted: readonly string[];
  readonly acl_entries_added: readonly string[];
  readonly state_root: string;
}

export function summarizeGenesis(state: LedgerState, doc: GenesisDoc): GenesisSummary {
  let accounts = 0;
  let liquid = 0n;
  let modules = 0n;
  for (const address of state.auth.accounts.unorderedKeys()) {
    const balance = balanceOf(state.auth, address as never);
    if (moduleNameOf(address) === undefined) {
      accounts++;
      liquid += balance;
    } else modules += balance;
  }
  let jailed = 0;
  for (const v of state.nodes.validators.unorderedValues()) if (v.jailed) jailed++;
  const pools = querySupply(state.auth);
  const supply = BigInt(pools.total);
  return {
    chain_id: state.chain.meta.get(CHAIN_META_KEY)!.chainId,
    height: doc.exported?.height ?? 0,
    genesis_time_ns: doc.genesisTimeNs.toString(),
    accounts,
    validators: state.nodes.validators.size,
    jailed_validators: jailed,
    applications: state.apps.applications.size,
    dao_upokt: pools.dao,
    liquid_upokt: liquid.toString(),
    node_staked_upokt: pools.node_staked,
    app_staked_upokt: pools.app_staked,
    total_supply_upokt: pools.total,
    supply_balanced: liquid + modules === supply,
    params_defaulted: doc.defaultedParams,
    acl_entries_added: doc.addedAclKeys,
    state_root: bytesToHex(state.store.root),
  };
}
