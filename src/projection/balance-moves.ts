/**
 * How every domain event moves account balances — declared once per event type (exhaustive over
 * DomainEventType, like chain/supply-effects.ts), from the event's own fields only, so the
 * balances projection never reads the ledger state. A move of 0, or from an account to itself,
 * changes nothing and creates no account (auth/bank.ts transfer and adjustBalance).
 *
 * Example: FeeDeducted {payer A, 10,000} → [A −10,000, fee_collector +10,000].
 */
import type { DomainEvent, DomainEventType } from '../chain/events.js';
import type { Address } from '../core/types.js';
import { MODULE_ADDRESSES } from '../modules/auth/index.js';

export interface BalanceMove {
  readonly address: Address;
  readonly deltaUpokt: bigint;
}

const NONE: readonly BalanceMove[] = [];
const none = (): readonly BalanceMove[] => NONE;
const NODE_POOL = MODULE_ADDRESSES.staked_tokens_pool;
const APP_POOL = MODULE_ADDRESSES.application_staked_tokens_pool;
const DAO = MODULE_ADDRESSES.dao;
const FEE_COLLECTOR = MODULE_ADDRESSES.fee_collector;

function transfer(from: Address, to: Address, amountUpokt: bigint): readonly BalanceMove[] {
  if (amountUpokt === 0n || from === to) return NONE;
  return [
    { address: from, deltaUpokt: -amountUpokt },
    { address: to, deltaUpokt: amountUpokt },
  ];
}

function single(address: Address, deltaUpokt: bigint): readonly BalanceMove[] {
  return deltaUpokt === 0n ? NONE : [{ address, deltaUpokt }];
}

type Moves = { readonly [T in DomainEventType]: (event: Extract<DomainEvent, { type: T }>) => readonly BalanceMove[] };

const BALANCE_MOVES: Moves = {
  FeeDeducted: (e) => transfer(e.payer, FEE_COLLECTOR, e.amountUpokt),
  CoinsSent: (e) => transfer(e.from, e.to, e.amountUpokt),
  // fee_collector: burn share out of supply, DAO cut, the proposer cut's shares (the retained part stays).
  BlockRewardDistributed: (e) => [
    ...single(FEE_COLLECTOR, -e.burnedUpokt),
    ...transfer(FEE_COLLECTOR, DAO, e.daoUpokt),
    ...e.shares.flatMap((share) => transfer(FEE_COLLECTOR, share.address, share.amountUpokt)),
  ],
  ValidatorSetUpdated: none,
  NodeStaked: (e) => transfer(e.payer, NODE_POOL, e.amountUpokt),
  NodeStakeEdited: (e) => transfer(e.payer, NODE_POOL, e.addedUpokt),
  NodeUnstakeRequested: none,
  NodeForceUnstakeQueued: none,
  NodeUnstakingStarted: none,
  NodeUnstakeWaitDropped: none,
  NodeUnstaked: (e) => transfer(NODE_POOL, e.recipient, e.amountUpokt),
  NodeSlashed: (e) => single(NODE_POOL, -e.burnedUpokt),
  NodeJailed: none,
  NodeUnjailed: none,
  SigningInfosUpdated: none,
  SigningInfoSet: none,
  DoubleSignEvidenceIgnored: none,
  AppStaked: (e) => transfer(e.address, APP_POOL, e.amountUpokt),
  AppStakeEdited: (e) => transfer(e.address, APP_POOL, e.addedUpokt),
  AppTransferred: none,
  AppUnstakingStarted: none,
  AppUnstaked: (e) => transfer(APP_POOL, e.address, e.amountUpokt),
  AppUnjailed: none,
  ClaimSubmitted: none,
  ClaimsExpired: none,
  ProofAccepted: none,
  ProofRejected: none,
  RelaysRewarded: (e) => e.plan.lines.flatMap((line) => single(line.address, line.amountUpokt)),
  // DEV_NOTE: the evolver burns only when the servicer still exists (pocketcore/evolve.ts); the
  // plan's burnedUpokt is 0 when it does not (stakeUpokt null), so the event alone decides.
  ReplayAttackDetected: (e) => single(NODE_POOL, -e.burn.burnedUpokt),
  HistoryFloorAdvanced: none,
  ParamChanged: none,
  DaoTransferred: (e) => transfer(DAO, e.to, e.amountUpokt),
  DaoBurned: (e) => single(DAO, -e.amountUpokt),
  UpgradeScheduled: none,
  FeatureParamsActivated: none,
  FeatureActivatedWithoutHook: none,
  ApplicationStakeBurned: (e) => single(APP_POOL, -e.burnedUpokt),
};

export function balanceMoves(event: DomainEvent): readonly BalanceMove[] {
  return (BALANCE_MOVES[event.type] as (event: DomainEvent) => readonly BalanceMove[])(event);
}

/** The event types that can move a balance (the balances projector's declared events). */
export const MOVING_EVENT_TYPES = (Object.keys(BALANCE_MOVES) as DomainEventType[]).filter((type) => BALANCE_MOVES[type] !== none);
