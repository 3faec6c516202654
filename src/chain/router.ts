/**
 * Message routing: each validated message type → the module rule that decides it. The one
 * place that knows every handler.
 */
import type { BlockContext, TxContext } from '../core/block-context.js';
import { accepted, type Outcome } from '../core/outcome.js';
import type { Message } from '../messages/index.js';
import { decideSend } from '../modules/auth/index.js';
import { decideDaoTransfer, decideParamChange, decideUpgrade } from '../modules/gov/index.js';
import { decideUnjailNode, withStakeSigningInfo } from '../modules/slashing/index.js';
import { decideStakeApp, decideBeginUnstakeApp, decideUnjailApp } from '../modules/apps/index.js';
import { decideStakeNode, decideBeginUnstakeNode } from '../modules/nodes/index.js';
import { decideClaim, decideProof } from '../modules/pocketcore/index.js';
import type { DomainEvent } from './events.js';
import type { ReadonlyLedgerState } from './readonly.js';

export type Handler<M extends Message> = (state: ReadonlyLedgerState, msg: M, ctx: TxContext) => Outcome<DomainEvent>;

/** Each message type's rule; the mapped type makes a message type without a rule a compile error. */
type Handlers = { readonly [K in Message['type']]: Handler<Extract<Message, { type: K }>> };

const HANDLERS: Handlers = {
  Send: (state, m) => decideSend(state, m),
  StakeNode: (state, m, ctx) => stakeNode(state, m, ctx),
  BeginUnstakeNode: (state, m, ctx) => decideBeginUnstakeNode(state, m, ctx),
  UnjailNode: (state, m, ctx) => decideUnjailNode(state, m, ctx),
  StakeApp: (state, m, ctx) => decideStakeApp(state, m, ctx),
  BeginUnstakeApp: (state, m, ctx) => decideBeginUnstakeApp(state, m, ctx),
  UnjailApp: (state, m) => decideUnjailApp(state, m),
  Claim: (state, m, ctx) => decideClaim(state, m, ctx),
  Proof: (state, m, ctx) => decideProof(state, m, ctx),
  ParamChange: (state, m, ctx) => decideParamChange(state, m, ctx),
  DAOTransfer: (state, m) => decideDaoTransfer(state, m),
  Upgrade: (state, m, ctx) => decideUpgrade(state, m, ctx),
};

/**
 * The rule of the message's type (pocket-core's "unrecognized msg type", sdk:6, cannot happen
 * for a validated message: Handlers has a rule for every type).
 * PERF: a table built once, not a ts-pattern match per tx: its chain of twelve `.with` arms
 * allocated ~2.7 KB per call, a sixth of all allocation in a trusted replay of sends
 * (bench/replay; the heap sampling profile in the commit message).
 */
export function routeMessage(state: ReadonlyLedgerState, msg: Message, ctx: TxContext): Outcome<DomainEvent> {
  const handler = HANDLERS[msg.type] as Handler<Message>;
  return handler(state, msg, ctx);
}

/** nodes decides the stake; slashing then decides what it does to the signing info (SigningInfoSet). */
function stakeNode(state: ReadonlyLedgerState, msg: Extract<Message, { type: 'StakeNode' }>, ctx: TxContext): Outcome<DomainEvent> {
  const outcome: Outcome<DomainEvent> = decideStakeNode(state, msg, ctx);
  if (!outcome.ok) return outcome;
  return accepted(...withStakeSigningInfo(state, outcome.events, ctx.height));
}

export type { BlockContext };
