/**
 * blocks: one row per block — header fields, proposer, tx count and bytes, the app hash (root
 * before the block) and the state root after it, the last commit and evidence as JSON.
 */
import { AppendRows, defineProjector, jsonText } from '../projector.js';
import { BLOCKS } from '../tables.js';
export const blocksProjector = defineProjector(() => {
    const rows = new AppendRows(BLOCKS);
    return {
        name: 'blocks',
        tables: [BLOCKS],
        handlers: {},
        block: ({ block, blockHash, stateRoot, events }) => {
            const h = block.header;
            let txBytes = 0;
            for (const tx of block.txs)
                txBytes += tx.byteLength;
            rows.add([
                h.height, blockHash, h.chainId, h.timeNs, h.proposer, h.prevBlockHash, h.txRoot, h.appHash, stateRoot, block.txs.length, txBytes, events.length,
                jsonText(h.lastCommit), jsonText(h.evidence),
            ]);
        },
        flush: (sink) => rows.flush(sink),
    };
});
//# sourceMappingURL=blocks.js.map