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

type ReceiptBase = Omit<TxReceipt, 'code' | 'codespace' | 'name' | 'log'>;

// PERF: one object literal with every field in a fixed order (no spreads): one shape for every
// receipt, built once per tx.
function receipt(base: ReceiptBase, code: number, codespace: string, name: string, log: string): TxReceipt {
  return {
    index: base.index,
    hash: base.hash,
    code,
    codespace,
    name,
    log,
    messageType: base.messageType,
    signer: base.signer,
    recipient: base.recipient,
    feeUpokt: base.feeUpokt,
    events: base.events,
  };
}

export function okReceipt(base: ReceiptBase): TxReceipt {
  return receipt(base, 0, '', 'ok', '');
}

export function failedReceipt(base: ReceiptBase, rejection: Rejection): TxReceipt {
  return receipt(base, rejection.code, rejection.codespace, rejection.name, rejection.log);
}
