/**
 * What `genesis inspect` reports, computed from the imported state (not from the file), so the
 * numbers are also a check of the import: liquid + staked + DAO + other module balances must
 * equal the total supply.
 */
import { bytesToHex } from '../core/hex.js';
import { CHAIN_META_KEY } from '../state/chain-tables.js';
import { balanceOf, querySupply, moduleNameOf } from '../modules/auth/index.js';
export function summarizeGenesis(state, doc) {
    let accounts = 0;
    let liquid = 0n;
    let modules = 0n;
    for (const address of state.auth.accounts.unorderedKeys()) {
        const balance = balanceOf(state.auth, address);
        if (moduleNameOf(address) === undefined) {
            accounts++;
            liquid += balance;
        }
        else
            modules += balance;
    }
    let jailed = 0;
    for (const v of state.nodes.validators.unorderedValues())
        if (v.jailed)
            jailed++;
    const pools = querySupply(state.auth);
    const supply = BigInt(pools.total);
    return {
        chain_id: state.chain.meta.get(CHAIN_META_KEY).chainId,
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
//# sourceMappingURL=summary.js.map