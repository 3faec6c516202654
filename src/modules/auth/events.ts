/**
 * auth domain events: what happened to balances and supply, with the amounts and the reason.
 * Past tense; every field needed to apply the change (evolve) and to explain it (audit).
 */
import type { Address } from '../../core/types.js';

/** The ante handler moved the tx's declared fee from the signer to fee_collector. */
export interface FeeDeducted {
  readonly type: 'FeeDeducted';
  readonly txHash: string;
  readonly payer: Address;
  readonly amountUpokt: bigint;
}

/** MsgSend. */
export interface CoinsSent {
  readonly type: 'CoinsSent';
  readonly from: Address;
  readonly to: Address;
  readonly amountUpokt: bigint;
}

export type AuthEvent = FeeDeducted | CoinsSent;
