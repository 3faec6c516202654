/**
 * The staking workload's own model of the edit-stake bin rule ([RSCAL] & [VEDIT], PROTOCOL §1.1;
 * x/nodes/keeper/valStateChanges.go:224-233), written from the protocol text so the simulator's
 * predicted outcomes do not call the rule they check (src/modules/nodes/pip22.ts). If the two
 * ever disagree, a receipt differs from its prediction and the simulator stops.
 *
 *   value ≥ ceiling                               → the bin rule is satisfied
 *   value < ceiling: whole bins of value × bin size > current stake   → satisfied, else pos:122
 *
 * Example (bin size 15,000 POKT, ceiling 60,000 POKT, current stake 31,000 POKT): 44,000 →
 * 2 whole bins = 30,000 ≤ 31,000 → pos:122; 45,000 → 45,000 > 31,000 → satisfied; 60,000 → at
 * the ceiling → satisfied. A same-value edit of a 60,000 POKT node is satisfied; of a 31,000 one
 * it is pos:122.
 */
export interface EditStakeBins {
  /** pos/ServicerStakeFloorMultiplier: the width of one bin, uPOKT. */
  readonly binSizeUpokt: bigint;
  /** pos/ServicerStakeWeightCeiling, uPOKT. */
  readonly ceilingUpokt: bigint;
}

export function editStakeBinsOf(pos: { readonly servicerStakeFloorMultiplier: bigint; readonly servicerStakeWeightCeiling: bigint }): EditStakeBins {
  return { binSizeUpokt: pos.servicerStakeFloorMultiplier, ceilingUpokt: pos.servicerStakeWeightCeiling };
}

/** Whether an edit to `valueUpokt` passes the bin rule for a node holding `currentUpokt` (values > 0). */
export function editPassesBinRule(valueUpokt: bigint, currentUpokt: bigint, bins: EditStakeBins): boolean {
  if (valueUpokt >= bins.ceilingUpokt) return true;
  const wholeBins = valueUpokt / bins.binSizeUpokt; // positive operands: bigint division floors
  return wholeBins * bins.binSizeUpokt > currentUpokt;
}
