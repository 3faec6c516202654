import { blockEvents } from '../../sim/supply.js';
const POKT = 1000000n;
export function pokt(upokt) {
    const whole = (upokt / POKT).toLocaleString('en-US');
    const fraction = (upokt % POKT).toString().padStart(6, '0').replace(/0+$/, '');
    return fraction === '' ? `${whole} POKT` : `${whole}.${fraction} POKT`;
}
/** What happened in the produced blocks, counted from their domain events and receipts. */
export class ActivityTally {
    claims = 0;
    proofs = 0;
    sends = 0;
    failed = 0;
    relayRewardsUpokt = 0n;
    jailed = 0;
    unjailed = 0;
    stakes = 0;
    paramChanges = 0;
    sessions = new Set();
    record(result) {
        for (const receipt of result.receipts) {
            if (receipt.code !== 0)
                this.failed++;
            else if (receipt.messageType === 'claim')
                this.claims++;
            else if (receipt.messageType === 'proof')
                this.proofs++;
            else if (receipt.messageType === 'send')
                this.sends++;
            else if (receipt.messageType === 'stake_validator')
                this.stakes++;
            else if (receipt.messageType === 'change_param')
                this.paramChanges++;
        }
        for (const event of blockEvents(result)) {
            if (event.type === 'RelaysRewarded')
                this.relayRewardsUpokt += event.plan.mintedUpokt;
            else if (event.type === 'NodeJailed')
                this.jailed++;
            else if (event.type === 'NodeUnjailed')
                this.unjailed++;
            else if (event.type === 'ClaimSubmitted')
                this.sessions.add(event.claim.header.sessionHeight);
        }
    }
}
export function startSummaryLines(r) {
    const s = r.simulation;
    const a = r.activity;
    const supplyOk = s.supply.total_upokt === s.supply.start_upokt + s.supply.minted_upokt - s.supply.burned_upokt;
    const auditOk = r.audit.mismatches === 0 && r.audit.supply_ok;
    return [
        `pokt-ledger: Pocket Network chain "${s.chain_id}" in ${r.dataDir} (events/, snapshots/, projections/)`,
        `  genesis     bundled mainnet genesis + the simulator's keys (seed ${s.seed}, profile ${s.profile})`,
        `  heights     ${s.created ? 'new chain' : 'continued'}: blocks ${s.start_height + 1}–${s.height} (${s.blocks} blocks, ${a.sessions.size} sessions claimed)`,
        `  txs         ${s.txs.toLocaleString('en-US')}: ${a.claims} claims, ${a.proofs} proofs, ${a.sends} sends, ${a.stakes} stakes, ${a.paramChanges} param changes, ${a.failed} failed (as expected)`,
        `  rewards     ${pokt(a.relayRewardsUpokt)} minted for relays; ${a.jailed} nodes jailed for downtime, ${a.unjailed} unjailed`,
        `  supply      ${pokt(s.supply.total_upokt)} = start + minted ${pokt(s.supply.minted_upokt)} − burned ${pokt(s.supply.burned_upokt)}: ${supplyOk ? 'ok' : 'MISMATCH'}`,
        `  replay      ${r.replay.blocks} blocks re-applied from genesis, every signature verified: ${r.replay.verified ? 'every state root matches' : 'DIVERGED'}`,
        `  projection  ${r.projection.file} at height ${r.projection.height}`,
        `  audit       ${auditOk ? 'PASS' : 'FAIL'}: ${r.audit.reward_lines} reward lines, ${r.audit.slash_and_burn_lines} slash/burn lines, ${r.audit.supply_checks} supply checks, ${r.audit.mismatches} mismatches`,
        `  report      ${r.auditReport} (the audit's HTML report)`,
    ];
}
//# sourceMappingURL=start-summary.js.map