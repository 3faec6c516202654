export function auditSummary(tally, series, run) {
    return {
        mismatch_list: tally.mismatches,
        series: series.toJson(),
        from: run.from,
        to: run.to,
        slash_and_burn_lines: tally.burnLineCount,
        supply_checks: tally.supplyChecks,
        snapshots_checked: tally.snapshotsChecked,
        signing_info_checks: tally.signingInfosChecked,
        balance_checks: tally.balanceChecks,
        tx_fees_rederived: tally.txFees,
        tx_codes_rederived: tally.txCodes,
        slashing_derived: { ...tally.slashingDerived },
        claim_proof_codes: sortedCounts(tally.claimProofCodes),
        unstake_unjail_codes: sortedCounts(tally.unstakeUnjailCodes),
        stake_codes: sortedCounts(tally.stakeCodes),
        gov_codes: sortedCounts(tally.govCodes),
        minted_upokt: String(tally.mintedInRange),
        burned_upokt: String(tally.burnedInRange),
        total_supply_upokt: String(run.totalSupplyUpokt),
        seconds: Number(run.seconds.toFixed(3)),
        lines_per_s: Math.round(tally.lineCount / Math.max(run.seconds, 1e-6)),
        blocks: run.blocks,
        reward_lines: tally.lineCount,
        mismatches: tally.mismatchCount,
        supply_ok: tally.supplyOk,
    };
}
function sortedCounts(counts) {
    return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
//# sourceMappingURL=summary.js.map