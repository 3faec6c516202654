import { supplyEffect } from '../../chain/supply-effects.js';
import { balanceOf, MODULE_ADDRESSES, querySupply } from '../../modules/auth/index.js';
import { balanceMoves, MOVING_EVENT_TYPES } from '../balance-moves.js';
import { defineProjector } from '../projector.js';
import { positions, SUPPLY, SUPPLY_COLUMNS } from '../tables.js';
const S = positions(SUPPLY_COLUMNS);
const POOL_COLUMN = new Map([
    [MODULE_ADDRESSES.staked_tokens_pool, S.node_staked_upokt],
    [MODULE_ADDRESSES.application_staked_tokens_pool, S.app_staked_upokt],
    [MODULE_ADDRESSES.dao, S.dao_upokt],
    [MODULE_ADDRESSES.fee_collector, S.fee_collector_upokt],
]);
/** The block's changes, positioned as the row's columns (height and total unused). */
const noChange = () => SUPPLY_COLUMNS.map(() => 0n);
export const supplyProjector = defineProjector(() => {
    let last;
    let block = noChange();
    let height;
    let pending;
    const poolChanges = (envelope) => {
        const effect = supplyEffect(envelope.event);
        block[S.minted_upokt] += effect.mintedUpokt;
        block[S.burned_upokt] += effect.burnedUpokt;
        for (const move of balanceMoves(envelope.event)) {
            const column = POOL_COLUMN.get(move.address);
            if (column !== undefined)
                block[column] += move.deltaUpokt;
        }
    };
    return {
        name: 'supply',
        tables: [SUPPLY],
        handlers: Object.fromEntries(MOVING_EVENT_TYPES.map((type) => [type, poolChanges])),
        // Every block gets its row, also one whose events moved no pool.
        block: (committed) => void (height = committed.block.header.height),
        genesis: (state, genesisHeight) => {
            const supply = querySupply(state.auth);
            last = [genesisHeight, BigInt(supply.total), BigInt(supply.node_staked), BigInt(supply.app_staked), BigInt(supply.dao), balanceOf(state.auth, MODULE_ADDRESSES.fee_collector), 0n, 0n];
            pending = last;
        },
        flush: (sink) => {
            if (height !== undefined && last !== undefined) {
                const row = last.slice();
                row[S.height] = height;
                row[S.total_upokt] = last[S.total_upokt] + block[S.minted_upokt] - block[S.burned_upokt];
                for (const column of POOL_COLUMN.values())
                    row[column] = last[column] + block[column];
                row[S.minted_upokt] = block[S.minted_upokt];
                row[S.burned_upokt] = block[S.burned_upokt];
                last = pending = row;
            }
            height = undefined;
            block = noChange();
            if (pending !== undefined)
                sink.add(SUPPLY, pending);
            pending = undefined;
        },
        resume: (_table, resumed) => void (last = resumed[0]),
    };
});
//# sourceMappingURL=supply.js.map