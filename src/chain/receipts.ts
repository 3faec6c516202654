/**
 * Per-tx results, shaped like pocket-core's DeliverTx response (code, codespace, log, signer,
 * recipient, message type) plus what the ledger adds: the fee actually charged, the rejection's
 * name, and the tx's domain events.
 */
import type { Rejection } from '../core/rejection.js';
import type { Address } from '../core/types.js';
import type { DomainEvent } from './events.js';

export interface TxReceipt {
  readonly index: number;
  /** Upper-case hex SHA-256 of the tx bytes. */
  readonly hash: string;
  /** 0 when the message succeeded. */
  readonly code: number;
  /** '' when the message succeeded. */
  readonly codespace: string;
  /** 'ok' or the rejection's name (e.g. 'insufficient_coins'). */
  readonly name: string;
  readonly log: string;
  /** pocket's msg.Type() ("send", "stake_validator", …); null when undecodable. */
  readonly messageType: string | null;
  readonly signer: Address | null;
  readonly recipient: Address | null;
  /** Fee moved to fee_collector (0 when the tx failed before or in the ante handler). */
  readonly feeUpokt: bigint;
  readonly events: readonly DomainEvent[];
}

export function okReceipt(base: Omit<TxReceipt, 'code' | 'codespace' | 'name' | 'log'>): TxReceipt {
  return { ...base, code: 0, codespace: '', name: 'ok', log: '' };
}

export function failedReceipt(base: Omit<TxReceipt, 'code' | 'codespace' | 'name' | 'log'>, rejection: Rejection): TxReceipt {
  return { ...base, code: rejection.code, codespace: rejection.codespace, name: rejection.name, log: rejection.log };
}
