/**
 * How every domain event changes total supply — declared once per event type, so that adding an
 * event without saying what it does to supply is a compile error (the table is exhaustive over
 * DomainEventType). The simulator and the audit check, block by block, that
 *
 *   total supply (state) == supply at the start + Σ minted − Σ burned   (over the events)
 *
 * independently of the bank code that applied them (modules/auth/bank.ts mint/burn).
 *
 * Mints: relay rewards (RelaysRewarded: node share + DAO/proposer share + reward-cost refund).
 * Burns: the FeeBurnPercentage share of collected fees, slashes (downtime, double sign),
 * replay-attack burns, ApplicationBurnRate, DAO burns. Everything else moves tokens between
 * accounts and pools, or only changes records.
 * Example: BlockRewardDistributed with 1,100,000 collected and FeeBurnPercentage 99 →
 * { minted: 0, burned: 1,089,000 }.
 */
import type { DomainEvent, DomainEventType } from './events.js';

export interface SupplyEffect {
  readonly mintedUpokt: bigint;
  readonly burnedUpokt: bigint;
}

const NONE: SupplyEffect = { mintedUpokt: 0n, burnedUpokt: 0n };
const none = (): SupplyEffect => NONE;
const burned = (burnedUpokt: bigint): SupplyEffect => ({ mintedUpokt: 0n, burnedUpokt });

type Effects = { readonly [T in DomainEventType]: (event: Extract<DomainEvent, { type: T }>) => SupplyEffect };

const SUPPLY_EFFECTS: Effects = {
  // auth
  FeeDeducted: none,
  CoinsSent: none,
  // nodes: block reward, staking, validator set
  BlockRewardDistributed: (event) => burned(event.burnedUpokt),
  ValidatorSetUpdated: none,
  NodeStaked: none,
  NodeStakeEdited: none,
  NodeUnstakeRequested: none,
  NodeForceUnstakeQueued: none,
  NodeUnstakingStarted: none,
  NodeUnstakeWaitDropped: none,
  NodeUnstaked: none,
  // nodes: slashing and jailing
  NodeSlashed: (event) => burned(event.burnedUpokt),
  NodeJailed: none,
  NodeUnjailed: none,
  SigningInfosUpdated: none,
  SigningInfoSet: none,
  DoubleSignEvidenceIgnored: none,
  // apps
  AppStaked: none,
  AppStakeEdited: none,
  AppTransferred: none,
  AppUnstakingStarted: none,
  AppUnstaked: none,
  AppUnjailed: none,
  // pocketcore
  ClaimSubmitted: none,
  ClaimsExpired: none,
  ProofAccepted: none,
  ProofRejected: none,
  RelaysRewarded: (event) => ({ mintedUpokt: event.plan.mintedUpokt, burnedUpokt: 0n }),
  ReplayAttackDetected: (event) => burned(event.burn.burnedUpokt),
  HistoryFloorAdvanced: none,
  // gov
  ParamChanged: none,
  DaoTransferred: none,
  DaoBurned: (event) => burned(event.amountUpokt),
  UpgradeScheduled: none,
  FeatureParamsActivated: none,
  FeatureActivatedWithoutHook: none,
  // policy
  ApplicationStakeBurned: (event) => burned(event.burnedUpokt),
};

export function supplyEffect(event: DomainEvent): SupplyEffect {
  return (SUPPLY_EFFECTS[event.type] as (event: DomainEvent) => SupplyEffect)(event);
}
