/**
 * dao_moves: the DAO treasury's in and out — the block reward's DAO cut (in), MsgDAOTransfer
 * transfers and burns (out), with who authorised them and the tx.
 */
import type { EventEnvelope } from '../../runtime/committed-block.js';
import { defineProjector, type Write } from '../projector.js';

type W = Write<'move'>;

function move(envelope: EventEnvelope, kind: string, amount: bigint, counterparty: string | null, by: string | null): W[] {
  if (amount === 0n) return [];
  const { height, index, source } = envelope;
  return [['move', { height, event_index: index, kind, amount_upokt: amount, counterparty, authorized_by: by, tx_hash: source.kind === 'tx' ? source.txHash : null }]];
}

export const daoMovesProjector = defineProjector({
  name: 'dao_moves',
  table: 'dao_moves',
  statements: {
    move: `INSERT INTO dao_moves (height, event_index, kind, amount_upokt, counterparty, authorized_by, tx_hash)
      VALUES (@height, @event_index, @kind, @amount_upokt, @counterparty, @authorized_by, @tx_hash)`,
  },
  handlers: {
    BlockRewardDistributed: (e) => move(e, 'block_reward_cut', e.event.daoUpokt, null, null),
    DaoTransferred: (e) => move(e, 'transfer', e.event.amountUpokt, e.event.to, e.event.by),
    DaoBurned: (e) => move(e, 'burn', e.event.amountUpokt, null, e.event.by),
  },
});
