import { AppendRows, defineProjector } from '../projector.js';
import { DAO_MOVES } from '../tables.js';
export const daoMovesProjector = defineProjector(() => {
    const rows = new AppendRows(DAO_MOVES);
    const move = (envelope, kind, amount, counterparty, by) => {
        if (amount === 0n)
            return;
        const { height, index, source } = envelope;
        rows.add([height, index, kind, amount, counterparty, by, source.kind === 'tx' ? source.txHash : null]);
    };
    return {
        name: 'dao_moves',
        tables: [DAO_MOVES],
        handlers: {
            BlockRewardDistributed: (e) => move(e, 'block_reward_cut', e.event.daoUpokt, null, null),
            DaoTransferred: (e) => move(e, 'transfer', e.event.amountUpokt, e.event.to, e.event.by),
            DaoBurned: (e) => move(e, 'burn', e.event.amountUpokt, null, e.event.by),
        },
        flush: (sink) => rows.flush(sink),
    };
});
//# sourceMappingURL=dao-moves.js.map