/**
 * rap_sheet: what happened to a node for cause — slashes (downtime, double sign), downtime jails,
 * unjails, force unstakes (stake below minimum, max jailed blocks), replay-attack burns and
 * double-sign evidence that was ignored (with why) — one row per event, with the reason, the
 * amount and the tx when a tx caused it.
 */
import type { EventEnvelope } from '../../runtime/committed-block.js';
import { defineProjector, jsonText, type Write } from '../projector.js';

type W = Write<'entry'>;

function entry(envelope: EventEnvelope, address: string, kind: string, reason: string | null, amount: bigint | null): W[] {
  const { height, index, source, event } = envelope;
  return [['entry', { height, event_index: index, address, kind, reason, amount_upokt: amount, tx_hash: source.kind === 'tx' ? source.txHash : null, details_json: jsonText(event) }]];
}

export const rapSheetProjector = defineProjector({
  name: 'rap_sheet',
  table: 'rap_sheet',
  statements: {
    entry: `INSERT INTO rap_sheet (height, event_index, address, kind, reason, amount_upokt, tx_hash, details_json)
      VALUES (@height, @event_index, @address, @kind, @reason, @amount_upokt, @tx_hash, @details_json)`,
  },
  handlers: {
    NodeSlashed: (e) => entry(e, e.event.address, 'slashed', e.event.reason, e.event.burnedUpokt),
    NodeJailed: (e) => entry(e, e.event.address, 'jailed', `${e.event.reason}: missed ${e.event.missed} of ${e.event.signedBlocksWindow} (max ${e.event.maxMissed})`, null),
    NodeUnjailed: (e) => entry(e, e.event.address, 'unjailed', null, null),
    NodeForceUnstakeQueued: (e) => entry(e, e.event.address, 'force_unstake', e.event.reason, e.event.tokensUpokt),
    ReplayAttackDetected: (e) => entry(e, e.event.burn.servicer, 'replay_burned', 'replay_attack', e.event.burn.burnedUpokt),
    DoubleSignEvidenceIgnored: (e) => entry(e, e.event.address, 'evidence_ignored', e.event.reason, null),
  },
});
