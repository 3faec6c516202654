/**
 * One tx through the state machine (baseapp DeliverTx, PROTOCOL §0.1):
 *   decode → duplicate in this block (auth:6) → ValidateBasic → ante (fee, replay key) → message.
 * Failing before or in the ante handler charges nothing; after it, the fee stays whatever the
 * message does. A rejected message leaves no trace but its fee and receipt, except the two
 * explicit pocket-core side effects and record-only events such as ProofRejected (see
 * core/outcome.ts).
 * Every decoded tx's receipt names msg.Type(), its signer (the ante handler's, else
 * GetSigners()[0]) and GetRecipient() (baseapp.go:808-818) — also when ValidateBasic failed.
 */
import { invariant } from '../core/assert.js';
import type { BlockContext, TxContext } from '../core/block-context.js';
import { rejection, type Rejection } from '../core/rejection.js';
import type { Result } from '../core/result.js';
import type { Address } from '../core/types.js';
import { AUTH, describeWireMessage, messageType, signersOf, type Message, type MessageDescription } from '../messages/index.js';
import type { WireMessage } from '../wire/types.js';
import { runAnte } from './ante.js';
import type { DomainEvent } from './events.js';
import { evolve, evolveAll } from './evolve.js';
import type { LedgerState } from './ledger-state.js';
import type { PreparedTx } from './prepare.js';
import { failedReceipt, okReceipt, type TxReceipt } from './receipts.js';
import { routeMessage } from './router.js';

/**
 * msg.GetRecipient(): MsgSend's ToAddress (x/nodes/types/msg.go:111-113), nil for every other
 * message — MsgDAOTransfer too, though it names a recipient (x/gov/types/msg.go:96-98).
 */
function recipientOf(message: Message): Address | null {
  return message.type === 'Send' ? message.toAddress : null;
}

/**
 * The receipt's message type, signer and recipient before the ante handler names the signer:
 * DeliverTx writes them for every decoded tx (baseapp.go:808-818), so a message that failed
 * ValidateBasic is described from its wire fields, as Go does from its fields as sent.
 */
function describe(message: Result<Message, Rejection>, wire: WireMessage): MessageDescription {
  if (!message.ok) return describeWireMessage(wire);
  return { messageType: messageType(message.value), signer: signersOf(message.value)[0] ?? null, recipient: recipientOf(message.value) };
}

const NO_EVENTS: readonly DomainEvent[] = Object.freeze([]);

/**
 * Indexes the tx's hash at this height unless an earlier delivery did (every tx of a block is
 * indexed, whatever its outcome: Tendermint's tx indexer). Returns the height already indexed.
 * PERF: done as each tx arrives, so one lookup answers both duplicate checks — an earlier block
 * (the ante's auth:6) and this block (the height is this one) — where a per-block set, the ante's
 * lookup and an end-of-block pass took four (bench/replay).
 */
function indexTx(state: LedgerState, hash: string, height: number): number | undefined {
  const indexedAt = state.auth.txIndex.get(hash);
  if (indexedAt === undefined) state.auth.txIndex.set(hash, height);
  return indexedAt;
}

export function deliverTx(state: LedgerState, prepared: PreparedTx, index: number, block: BlockContext): TxReceipt {
  const hash = prepared.hash;
  const indexedAt = indexTx(state, hash, block.height);
  if (!prepared.decoded.ok) return failedReceipt({ index, hash, messageType: null, signer: null, recipient: null, feeUpokt: 0n, events: NO_EVENTS }, prepared.decoded.error);
  const duplicate = indexedAt === block.height;
  const message = prepared.message;
  invariant(message !== undefined, 'a decoded tx always has a ValidateBasic result');
  const description = describe(message, prepared.decoded.value.msg);
  const described = { index, hash, messageType: description.messageType, signer: description.signer, recipient: description.recipient, feeUpokt: 0n, events: NO_EVENTS };
  // [REDUP]: the same bytes twice in one block (baseapp.go:791-806) — decoded, not executed. Go
  // answers it before runTx, so it wins over a ValidateBasic failure (baseapp.go:1026-1028).
  if (duplicate) return failedReceipt(described, rejection(AUTH.duplicate_tx, 'duplicate transaction in this block'));
  if (!message.ok) return failedReceipt(described, message.error);
  const msg = message.value;
  const ante = runAnte(state, prepared, prepared.decoded.value, msg, block.inactiveFeatures, indexedAt !== undefined);
  if (!ante.ok) return failedReceipt(described, ante.error);
  // The signature is used up from here on, whatever the message does (ante.ts step 5). Written
  // at once, not at the end of the block, so a re-encoding later in this block is refused too;
  // bookkeeping like the tx index (indexTx above), not a domain event.
  state.auth.replayIndex.set(ante.value.replayKey, block.height);
  const feeEvent = ante.value.event;
  if (feeEvent !== undefined) evolve(state, feeEvent, block.height);
  // PERF: Object.assign, not `{ ...block, txHash, … }`: in Node 20's V8 a spread followed by
  // more properties takes a slow path (~8 µs here vs ~0.3 µs; bench/apply, bench/replay).
  const ctx: TxContext = Object.assign({}, block, { txHash: hash, txIndex: index, signer: ante.value.signer, signerPublicKey: ante.value.signerPublicKey });
  const outcome = routeMessage(state, msg, ctx);
  evolveAll(state, outcome.events, block.height);
  const events = feeEvent === undefined ? outcome.events : outcome.events.length === 0 ? [feeEvent] : [feeEvent, ...outcome.events];
  const charged = { index, hash, messageType: described.messageType, signer: ante.value.signer, recipient: described.recipient, feeUpokt: ante.value.feeUpokt, events };
  return outcome.ok ? okReceipt(charged) : failedReceipt(charged, outcome.rejection);
}
