/**
 * dao_moves: the DAO treasury's in and out — the block reward's DAO cut (in), MsgDAOTransfer
 * transfers and burns (out), with who authorised them and the tx.
 */
import type { EventEnvelope } from '../../runtime/committed-block.js';
import { AppendRows, defineProjector } from '../projector.js';
import { DAO_MOVES } from '../tables.js';

export const daoMovesProjector = defineProjector(() => {
  const rows = new AppendRows(DAO_MOVES);
  const move = (envelope: EventEnvelope, kind: string, amount: bigint, counterparty: string | null, by: string | null): void => {
    if (amount === 0n) return;
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
