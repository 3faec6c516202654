/**
 * What one block did that the comparison does not need but an auditor reading the report does:
 * every burn with its kind and account, the nodes a delivered Unjail freed, the tx fees charged
 * and the Sends / DAO transfers that moved the fee collector. Kept by the shadow ledger from its
 * own derivation (never the projection), reset at each BeginBlock.
 */

/**
 * Why uPOKT left the supply: a slash (§6.6), a replay-attack burn (§4.8), the block reward's
 * FeeBurnPercentage (§14), ApplicationBurnRate (§14) or a DAOTransfer dao_burn.
 */
export type BurnKind = 'slash' | 'replay_burn' | 'fee_burn' | 'application_burn' | 'dao_burn';

export interface Burn {
  readonly kind: BurnKind;
  /** The node, app or module account burned from (fee_collector, dao). */
  readonly address: string;
  readonly amount: bigint;
}

export class BlockFacts {
  burns: Burn[] = [];
  unjailed: string[] = [];
  feesCharged = 0n;
  /** Σ of the Sends and DAO transfers into (+) or out of (−) the fee collector. */
  feeCollectorTransfers = 0n;

  reset(): void {
    this.burns = [];
    this.unjailed = [];
    this.feesCharged = 0n;
    this.feeCollectorTransfers = 0n;
  }
}
