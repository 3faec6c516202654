/**
 * blocks: one row per block — header fields, proposer, tx count and bytes, the app hash (root
 * before the block) and the state root after it, the last commit and evidence as JSON.
 */
import { defineProjector, jsonText } from '../projector.js';

export const blocksProjector = defineProjector({
  name: 'blocks',
  table: 'blocks',
  statements: {
    insert: `INSERT INTO blocks (height, hash, chain_id, time_ns, proposer, previous_hash, tx_root, app_hash, state_root, tx_count, tx_bytes, event_count, last_commit_json, evidence_json)
      VALUES (@height, @hash, @chain_id, @time_ns, @proposer, @previous_hash, @tx_root, @app_hash, @state_root, @tx_count, @tx_bytes, @event_count, @last_commit_json, @evidence_json)`,
  },
  handlers: {},
  block: ({ block, blockHash, stateRoot, events }) => {
    const h = block.header;
    let txBytes = 0;
    for (const tx of block.txs) txBytes += tx.byteLength;
    return [
      [
        'insert',
        {
          height: h.height,
          hash: blockHash,
          chain_id: h.chainId,
          time_ns: h.timeNs,
          proposer: h.proposer,
          previous_hash: h.prevBlockHash,
          tx_root: h.txRoot,
          app_hash: h.appHash,
          state_root: stateRoot,
          tx_count: block.txs.length,
          tx_bytes: txBytes,
          event_count: events.length,
          last_commit_json: jsonText(h.lastCommit),
          evidence_json: jsonText(h.evidence),
        },
      ],
    ];
  },
});
