import { newSigningInfo } from './state.js';
export function initSlashingGenesis(slashing, doc) {
    for (const v of doc.validators)
        slashing.signingInfos.set(v.address, newSigningInfo(v.address, 0));
}
//# sourceMappingURL=genesis.js.map