/**
 * Account-side queries over the ledger state, in pocket-core's RPC shapes (PROTOCOL §10.1):
 * - `/v1/query/balance` → `{balance}` is bank.ts balanceOf: the account's uPOKT, 0 for an
 *   unknown address (pocket's GetCoins of a missing account is empty: app/query.go QueryBalance).
 * - `/v1/query/supply` → `{node_staked, app_staked, dao, total_staked, total_unstaked, total}`
 *   as decimal strings (app/cmd/rpc/query.go:851-899). Note pocket-core's odd bookkeeping, kept:
 *   the DAO treasury counts as "staked" (total_staked = node + app + dao) and total_unstaked is
 *   the rest of the total supply.
 *   Example: nodes 10, apps 5, dao 3, total 100 → total_staked "18", total_unstaked "82".
 * Pure functions of a read-only state; the node's HTTP API and later the query service wrap them.
 */
import { balanceOf, totalSupply } from './bank.js';
import { MODULE_ADDRESSES } from './state.js';
export function querySupply(bank) {
    const nodeStaked = balanceOf(bank, MODULE_ADDRESSES.staked_tokens_pool);
    const appStaked = balanceOf(bank, MODULE_ADDRESSES.application_staked_tokens_pool);
    const dao = balanceOf(bank, MODULE_ADDRESSES.dao);
    const total = totalSupply(bank);
    const totalStaked = nodeStaked + appStaked + dao;
    return {
        node_staked: nodeStaked.toString(),
        app_staked: appStaked.toString(),
        dao: dao.toString(),
        total_staked: totalStaked.toString(),
        total_unstaked: (total - totalStaked).toString(),
        total: total.toString(),
    };
}
//# sourceMappingURL=queries.js.map