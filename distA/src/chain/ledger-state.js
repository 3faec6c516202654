import { buildParams } from '../params/params.js';
import { StateStore } from '../state/store.js';
import { accountsTable, replayIndexTable, supplyTable, txIndexTable } from '../modules/auth/index.js';
import { applicationsTable, StakedApplicationCount } from '../modules/apps/index.js';
import { paramsTable } from '../modules/gov/index.js';
import { missedBlocksTable, signingInfosTable } from '../modules/slashing/index.js';
import { validatorSetTable, validatorsTable, waitingValidatorsTable, ValidatorPowerIndex, UnstakingQueue } from '../modules/nodes/index.js';
import { ClaimIndex, SessionCandidates, claimsTable, historyFloorTable, settledClaimsTable } from '../modules/pocketcore/index.js';
import { blockHashesTable, chainMetaTable } from '../state/chain-tables.js';
export function createLedgerState() {
    const store = new StateStore();
    const params = store.defineTable(paramsTable);
    const validators = store.defineTable(validatorsTable);
    const applications = store.defineTable(applicationsTable);
    const claims = store.defineTable(claimsTable);
    const state = {
        store,
        chain: { meta: store.defineTable(chainMetaTable), blockHashes: store.defineTable(blockHashesTable) },
        auth: {
            accounts: store.defineTable(accountsTable),
            supply: store.defineTable(supplyTable),
            txIndex: store.defineTable(txIndexTable),
            replayIndex: store.defineTable(replayIndexTable),
        },
        nodes: {
            validators,
            validatorSet: store.defineTable(validatorSetTable),
            waitingValidators: store.defineTable(waitingValidatorsTable),
            powerIndex: new ValidatorPowerIndex(validators),
            unstakingQueue: new UnstakingQueue(validators),
        },
        slashing: { signingInfos: store.defineTable(signingInfosTable), missedBlocks: store.defineTable(missedBlocksTable) },
        apps: { applications, stakedCount: new StakedApplicationCount(applications), unstakingQueue: new UnstakingQueue(applications) },
        gov: { params },
        pocketcore: {
            claims,
            settledClaims: store.defineTable(settledClaimsTable),
            historyFloor: store.defineTable(historyFloorTable),
            sessionCandidates: new SessionCandidates(validators),
            claimIndex: new ClaimIndex(claims),
        },
        params: () => current ?? (current = buildParams((key) => params.get(key)?.value)),
        paramsAt: (height) => {
            // DEV_NOTE: a pure cache of committed history — the same height always gives the same params.
            const cached = historical.get(height);
            if (cached !== undefined)
                return cached;
            const built = buildParams((key) => params.getAt(key, height)?.value);
            if (historical.size > 64)
                historical.clear();
            historical.set(height, built);
            return built;
        },
    };
    let current;
    const historical = new Map();
    params.onChange(() => {
        current = undefined;
    });
    return state;
}
//# sourceMappingURL=ledger-state.js.map