/**
 * MsgStake for applications (`app_stake`): app transfer (while [AppTransfer] is active), new
 * stake, edit stake (PROTOCOL §1.3; x/apps/handler.go:34-87, x/apps/keeper/appStateChanges.go:45-197).
 *
 * First the transfer (ValidateApplicationTransfer, appStateChanges.go:104-131): when the tx
 * signer is a Staked application (jailed allowed) and no application exists at the message's
 * key, the signer's app moves to that key (AppTransferred). The ante handler admits a signer
 * other than the message's key only for the transfer form (value 0, no chains). Any failed
 * transfer precondition falls through to normal staking, which then rejects.
 *
 * Normal staking, in order (ValidateApplicationStaking):
 *  1. more chains than application/MaximumChains                       application:118
 *  2. existing Staked app → edit: value < stake → application:120; raise not covered by the
 *     app's balance → application:112. Existing, not Staked (Unstaking) → application:110
 *  3. new: value < application/ApplicationStakeMinimum                  application:111
 *  4. new: the app's address holds less than value                      application:112
 *  5. new: staked, unjailed apps ≥ application/MaxApplications          application:119
 * (application:101 for a non-ed25519 key is unreachable: the message layer answers ledger:6.)
 *
 * MaxRelays (PROTOCOL §7) is computed for a new stake and for an edit that raises the stake,
 * with the pools as they are AFTER the tokens move (pocket-core moves the coins first,
 * appStateChanges.go:140-154, 171-180); an edit that only changes chains keeps it.
 * Worked example (TV-8 row 1): stake 100,000 POKT, BaseRelaysPerPOKT 100, SA 0, rate off →
 * (100/100) × 100,000 = 100,000 relays per session.
 */
import type { TxContext } from '../../core/block-context.js';
import { NO_FEATURES_OFF, type FeatureSet } from '../../core/features.js';
import { accepted, rejected, type Outcome } from '../../core/outcome.js';
import { rejection } from '../../core/rejection.js';
import { err, ok, type Result } from '../../core/result.js';
import type { Address } from '../../core/types.js';
import { APPLICATION, type StakeAppMessage } from '../../messages/index.js';
import type { ApplicationParams } from '../../params/params.js';
import type { ReadonlyTable } from '../../state/table.js';
import { type Account, MODULE_ADDRESSES, TOTAL_SUPPLY_KEY } from '../auth/index.js';
import { StakeStatus } from '../nodes/index.js';
import type { AppsEvent } from './events.js';
import { calculateAppRelays } from './max-relays.js';
import type { StakedAppCountView } from './staked-count.js';
import type { Application } from './state.js';

export interface AppsStakingView {
  readonly auth: { readonly accounts: ReadonlyTable<Account>; readonly supply: ReadonlyTable<bigint> };
  readonly apps: { readonly applications: ReadonlyTable<Application>; readonly stakedCount: StakedAppCountView };
  params(): { readonly application: ApplicationParams };
}

const balanceOf = (state: Pick<AppsStakingView, 'auth'>, address: Address): bigint => state.auth.accounts.get(address)?.balanceUpokt ?? 0n;

/**
 * ValidateApplicationTransfer as a function of its own: the signer's app when the transfer may
 * happen, else application:110 (what pocket-core's keeper returns; TV-14 asserts it directly) —
 * always 110 while [AppTransfer] is off (appStateChanges.go:109-112).
 */
export function validateAppTransfer(
  state: Pick<AppsStakingView, 'apps'>,
  signer: Address,
  msg: StakeAppMessage,
  off: FeatureSet = NO_FEATURES_OFF,
): Result<Application, ReturnType<typeof rejection>> {
  if (off.has('AppTransfer')) return err(rejection(APPLICATION.invalid_application_status, 'application transfers are not active ([AppTransfer])'));
  const current = state.apps.applications.get(signer);
  if (current === undefined || current.status !== StakeStatus.Staked) {
    return err(rejection(APPLICATION.invalid_application_status, `signer ${signer} is not a staked application`));
  }
  if (state.apps.applications.has(msg.applicationAddress)) {
    return err(rejection(APPLICATION.invalid_application_status, `an application already exists at ${msg.applicationAddress}`));
  }
  return ok(current);
}

/** MaxRelays for `stakeUpokt` once `addedUpokt` has moved into the app pool (§7). */
export function maxRelaysAfterStake(state: Pick<AppsStakingView, 'auth'>, params: ApplicationParams, stakeUpokt: bigint, addedUpokt: bigint): bigint {
  return calculateAppRelays({
    stakeUpokt,
    baseRelaysPerPokt: params.baseRelaysPerPokt,
    stabilityAdjustment: params.stabilityAdjustment,
    participationRateOn: params.participationRateOn,
    appsStakedPoolUpokt: balanceOf(state, MODULE_ADDRESSES.application_staked_tokens_pool) + addedUpokt,
    nodesStakedPoolUpokt: balanceOf(state, MODULE_ADDRESSES.staked_tokens_pool),
    totalSupplyUpokt: state.auth.supply.get(TOTAL_SUPPLY_KEY) ?? 0n,
  });
}

export function decideStakeApp(state: AppsStakingView, msg: StakeAppMessage, ctx: Pick<TxContext, 'signer' | 'inactiveFeatures'>): Outcome<AppsEvent> {
  if (msg.transfer) {
    const transfer = validateAppTransfer(state, ctx.signer, msg, ctx.inactiveFeatures);
    if (transfer.ok) {
      const from = transfer.value;
      return accepted({ type: 'AppTransferred', from: from.address, to: msg.applicationAddress, toPublicKey: msg.publicKey, stakeUpokt: from.stakedTokensUpokt });
    }
  }
  const params = state.params().application;
  if (BigInt(msg.chains.length) > params.maximumChains) {
    return rejected(rejection(APPLICATION.too_many_chains, `${msg.chains.length} chains exceed application/MaximumChains ${params.maximumChains}`));
  }
  const current = state.apps.applications.get(msg.applicationAddress);
  if (current !== undefined) {
    if (current.status === StakeStatus.Staked) return decideEditAppStake(state, params, msg, current);
    return rejected(rejection(APPLICATION.invalid_application_status, `application ${current.address} is unstaking and cannot stake until its unstake completes`));
  }
  if (msg.valueUpokt < params.stakeMinimumUpokt) {
    return rejected(rejection(APPLICATION.stake_below_minimum, `stake ${msg.valueUpokt}upokt is below application/ApplicationStakeMinimum ${params.stakeMinimumUpokt}upokt`));
  }
  const balance = balanceOf(state, msg.applicationAddress);
  if (balance < msg.valueUpokt) return rejected(rejection(APPLICATION.not_enough_coins, `application ${msg.applicationAddress} holds ${balance}upokt, the stake needs ${msg.valueUpokt}upokt`));
  if (BigInt(state.apps.stakedCount.count) >= params.maxApplications) {
    return rejected(rejection(APPLICATION.max_applications_reached, `${state.apps.stakedCount.count} staked applications reach application/MaxApplications ${params.maxApplications}`));
  }
  return accepted({
    type: 'AppStaked',
    address: msg.applicationAddress,
    publicKey: msg.publicKey,
    amountUpokt: msg.valueUpokt,
    chains: msg.chains,
    maxRelays: maxRelaysAfterStake(state, params, msg.valueUpokt, msg.valueUpokt),
  });
}

function decideEditAppStake(state: AppsStakingView, params: ApplicationParams, msg: StakeAppMessage, current: Application): Outcome<AppsEvent> {
  const tokens = current.stakedTokensUpokt;
  if (msg.valueUpokt < tokens) {
    return rejected(rejection(APPLICATION.edit_stake_must_not_decrease, `edit stake ${msg.valueUpokt}upokt must be greater than or equal to the current stake ${tokens}upokt`));
  }
  const added = msg.valueUpokt - tokens;
  const balance = balanceOf(state, current.address);
  if (added > 0n && balance < added) return rejected(rejection(APPLICATION.not_enough_coins, `application ${current.address} holds ${balance}upokt, the raise needs ${added}upokt`));
  const maxRelays = added > 0n ? maxRelaysAfterStake(state, params, msg.valueUpokt, added) : current.maxRelays;
  return accepted({
    type: 'AppStakeEdited',
    address: current.address,
    previousTokensUpokt: tokens,
    addedUpokt: added,
    tokensUpokt: msg.valueUpokt,
    chains: msg.chains,
    previousChains: current.chains,
    maxRelays,
    previousMaxRelays: current.maxRelays,
    maxRelaysRecomputed: added > 0n,
  });
}
