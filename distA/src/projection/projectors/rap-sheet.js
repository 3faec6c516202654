import { AppendRows, defineProjector, jsonText } from '../projector.js';
import { RAP_SHEET } from '../tables.js';
export const rapSheetProjector = defineProjector(() => {
    const rows = new AppendRows(RAP_SHEET);
    const entry = (envelope, address, kind, reason, amount) => {
        const { height, index, source, event } = envelope;
        rows.add([height, index, address, kind, reason, amount, source.kind === 'tx' ? source.txHash : null, jsonText(event)]);
    };
    return {
        name: 'rap_sheet',
        tables: [RAP_SHEET],
        handlers: {
            NodeSlashed: (e) => entry(e, e.event.address, 'slashed', e.event.reason, e.event.burnedUpokt),
            NodeJailed: (e) => entry(e, e.event.address, 'jailed', `${e.event.reason}: missed ${e.event.missed} of ${e.event.signedBlocksWindow} (max ${e.event.maxMissed})`, null),
            NodeUnjailed: (e) => entry(e, e.event.address, 'unjailed', null, null),
            NodeForceUnstakeQueued: (e) => entry(e, e.event.address, 'force_unstake', e.event.reason, e.event.tokensUpokt),
            ReplayAttackDetected: (e) => entry(e, e.event.burn.servicer, 'replay_burned', 'replay_attack', e.event.burn.burnedUpokt),
            DoubleSignEvidenceIgnored: (e) => entry(e, e.event.address, 'evidence_ignored', e.event.reason, null),
        },
        flush: (sink) => rows.flush(sink),
    };
});
//# sourceMappingURL=rap-sheet.js.map