import { mint, MODULE_ADDRESSES } from '../auth/index.js';
export function initParamsGenesis(params, doc) {
    for (const [key, value] of doc.params)
        params.set(key, { key, value });
}
export function initDaoGenesis(bank, doc) {
    mint(bank, MODULE_ADDRESSES.dao, doc.daoTokensUpokt);
}
//# sourceMappingURL=genesis.js.map