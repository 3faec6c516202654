/**
 * Message routing: each validated message type → the module rule that decides it. The one
 * place that knows every handler; typed so a message type without a route is visible here.
 */
import type { BlockContext, TxContext } from '../core/block-context.js';
import type { Outcome } from '../core/outcome.js';
import { rejected } from '../core/outcome.js';
import { rejection } from '../core/rejection.js';
import { SDK, type Message, type MessageType } from '../messages/index.js';
import { decideSend } from '../modules/auth/decide.js';
import { decideDaoTransfer, decideParamChange, decideUpgrade } from '../modules/gov/decide.js';
import { decideUnjailNode } from '../modules/nodes/unjail.js';
import { decideStakeApp } from '../modules/apps/staking.js';
import { decideBeginUnstakeApp, decideUnjailApp } from '../modules/apps/unstaking.js';
import { decideStakeNode } from '../modules/nodes/staking.js';
import { decideBeginUnstakeNode } from '../modules/nodes/unstaking.js';
import { decideClaim } from '../modules/pocketcore/claim.js';
import { decideProof } from '../modules/pocketcore/proof.js';
import type { DomainEvent } from './events.js';
import type { ReadonlyLedgerState } from './readonly.js';

export type Handler<M extends Message> = (state: ReadonlyLedgerState, msg: M, ctx: TxContext) => Outcome<DomainEvent>;

type Routes = { readonly [T in MessageType]?: Handler<Extract<Message, { type: T }>> };

const ROUTES: Routes = {
  Send: (state, msg) => decideSend(state, msg),
  StakeNode: (state, msg, ctx) => decideStakeNode(state, msg, ctx),
  BeginUnstakeNode: (state, msg, ctx) => decideBeginUnstakeNode(state, msg, ctx),
  StakeApp: (state, msg, ctx) => decideStakeApp(state, msg, ctx),
  BeginUnstakeApp: (state, msg, ctx) => decideBeginUnstakeApp(state, msg, ctx),
  UnjailApp: (state, msg) => decideUnjailApp(state, msg),
  UnjailNode: (state, msg, ctx) => decideUnjailNode(state, msg, ctx),
  ParamChange: (state, msg, ctx) => decideParamChange(state, msg, ctx),
  DAOTransfer: (state, msg) => decideDaoTransfer(state, msg),
  Upgrade: (state, msg, ctx) => decideUpgrade(state, msg, ctx),
  Claim: (state, msg, ctx) => decideClaim(state, msg, ctx),
  Proof: (state, msg, ctx) => decideProof(state, msg, ctx),
};

export function routeMessage(state: ReadonlyLedgerState, msg: Message, ctx: TxContext): Outcome<DomainEvent> {
  const handler = ROUTES[msg.type] as Handler<Message> | undefined;
  // pocket-core answers a message without a route with sdk:6 "unrecognized msg type".
  if (handler === undefined) return rejected(rejection(SDK.unknown_request, `unrecognized message type: ${msg.type}`));
  return handler(state, msg, ctx);
}

export type { BlockContext };
