export function editStakeBinsOf(pos) {
    return { binSizeUpokt: pos.servicerStakeFloorMultiplier, ceilingUpokt: pos.servicerStakeWeightCeiling };
}
/** Whether an edit to `valueUpokt` passes the bin rule for a node holding `currentUpokt` (values > 0). */
export function editPassesBinRule(valueUpokt, currentUpokt, bins) {
    if (valueUpokt >= bins.ceilingUpokt)
        return true;
    const wholeBins = valueUpokt / bins.binSizeUpokt; // positive operands: bigint division floors
    return wholeBins * bins.binSizeUpokt > currentUpokt;
}
//# sourceMappingURL=edit-stake-model.js.map