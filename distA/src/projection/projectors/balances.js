import { balanceMoves, MOVING_EVENT_TYPES } from '../balance-moves.js';
import { defineProjector } from '../projector.js';
import { ACCOUNTS, BALANCES } from '../tables.js';
import { VersionedRows } from '../version-rows.js';
export const balancesProjector = defineProjector(() => {
    const rows = new VersionedRows(BALANCES);
    let sums = new Map();
    let height = 0;
    const credits = (envelope) => {
        height = envelope.height;
        for (const move of balanceMoves(envelope.event))
            sums.set(move.address, (sums.get(move.address) ?? 0n) + move.deltaUpokt);
    };
    const accounts = [];
    return {
        name: 'balances',
        tables: [BALANCES, ACCOUNTS],
        handlers: Object.fromEntries(MOVING_EVENT_TYPES.map((type) => [type, credits])),
        genesis: (state, genesisHeight) => {
            for (const [address, account] of state.auth.accounts.sortedEntries()) {
                accounts.push([address, account.publicKey]);
                rows.put([address, genesisHeight, account.balanceUpokt]);
            }
        },
        flush: (sink) => {
            for (const [address, delta] of sums) {
                const before = rows.peek(address);
                rows.put([address, height, (before === undefined ? 0n : before[2]) + delta]);
            }
            sums = new Map();
            for (const [address, publicKey] of accounts.splice(0))
                sink.add(ACCOUNTS, [address, publicKey, 0]);
            rows.flush(sink);
        },
        resume: (_table, resumed) => rows.resume(resumed),
    };
});
//# sourceMappingURL=balances.js.map