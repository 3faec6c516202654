/**
 * Application unstaking and unjailing (PROTOCOL §1.3, §6.4):
 *
 * - MsgBeginUnstake (x/apps/handler.go:89-115; appStateChanges.go:200-226): no record →
 *   application:101; not Staked → sdk:1 wrapping application:110; jailed → sdk:1 wrapping
 *   application:104 (pocket-core returns these as internal errors, §12.2 item 16). Effect, at
 *   once: status Unstaking, unstaking time = block time + application/AppUnstakingTime.
 * - Every EndBlock (unstakeAllMatureApplications, x/apps/keeper/appUnstaked.go:116-150): each
 *   Unstaking, unjailed app whose unstaking time ≤ block time gets its whole stake back at its
 *   own address and its record is deleted (UPG30024). A jailed Unstaking app is skipped (pocket
 *   leaves it stuck; unreachable: apps are never jailed and a jailed app cannot begin unstaking).
 * - MsgUnjail (appStateChanges.go:398-433): no record → application:101; stake below
 *   ApplicationStakeMinimum → application:105; not jailed → application:105 (the "stake == 0"
 *   check, application:106, is dead code in pocket-core: a pointer comparison).
 *
 * Worked example (localnet AppUnstakingTime 60 s, 15-minute blocks): BeginUnstake in block 3 at
 * time T → Unstaking until T + 60 s; block 4 (T + 15 min ≥ T + 60 s) returns the stake.
 */
import type { BlockContext } from '../../core/block-context.js';
import { accepted, rejected, type Outcome } from '../../core/outcome.js';
import { rejection } from '../../core/rejection.js';
import { APPLICATION, SDK, type BeginUnstakeAppMessage, type UnjailAppMessage } from '../../messages/index.js';
import type { ApplicationParams } from '../../params/params.js';
import type { ReadonlyTable } from '../../state/table.js';
import { StakeStatus, type UnstakingQueueView } from '../nodes/index.js';
import type { AppsEvent } from './events.js';
import type { Application } from './state.js';

export interface AppsUnstakingView {
  readonly apps: { readonly applications: ReadonlyTable<Application>; readonly unstakingQueue: UnstakingQueueView };
}

export function decideBeginUnstakeApp(
  state: Pick<AppsUnstakingView, 'apps'> & { params(): { readonly application: ApplicationParams } },
  msg: BeginUnstakeAppMessage,
  ctx: Pick<BlockContext, 'timeNs'>,
): Outcome<AppsEvent> {
  const app = state.apps.applications.get(msg.applicationAddress);
  if (app === undefined) return rejected(rejection(APPLICATION.application_not_found, `application ${msg.applicationAddress} does not exist`));
  if (app.status !== StakeStatus.Staked) {
    return rejected(rejection(SDK.internal_error, `application:110 invalid application status: ${app.address} is not staked`));
  }
  if (app.jailed) return rejected(rejection(SDK.internal_error, `application:104 application is jailed: ${app.address}`));
  const unstakingTimeNs = app.unstakingTimeNs ?? ctx.timeNs + state.params().application.unstakingTimeNs;
  return accepted({ type: 'AppUnstakingStarted', address: app.address, tokensUpokt: app.stakedTokensUpokt, unstakingTimeNs });
}

/** EndBlock step (application): return the stake of every app whose unstaking time has come. */
export function unstakeMatureApplications(state: AppsUnstakingView, ctx: Pick<BlockContext, 'timeNs'>): AppsEvent[] {
  const events: AppsEvent[] = [];
  for (const address of state.apps.unstakingQueue.matured(ctx.timeNs)) {
    const app = state.apps.applications.get(address);
    if (app === undefined || app.status !== StakeStatus.Unstaking || app.jailed) continue;
    events.push({ type: 'AppUnstaked', address: app.address, amountUpokt: app.stakedTokensUpokt, unstakingTimeNs: app.unstakingTimeNs ?? 0n });
  }
  return events;
}

export function decideUnjailApp(
  state: Pick<AppsUnstakingView, 'apps'> & { params(): { readonly application: ApplicationParams } },
  msg: UnjailAppMessage,
): Outcome<AppsEvent> {
  const app = state.apps.applications.get(msg.applicationAddress);
  if (app === undefined) return rejected(rejection(APPLICATION.application_not_found, `application ${msg.applicationAddress} does not exist`));
  const minimum = state.params().application.stakeMinimumUpokt;
  if (app.stakedTokensUpokt < minimum) {
    return rejected(rejection(APPLICATION.application_not_jailed, `stake ${app.stakedTokensUpokt}upokt is too low to unjail (minimum ${minimum}upokt)`));
  }
  if (!app.jailed) return rejected(rejection(APPLICATION.application_not_jailed, `application ${app.address} is not jailed`));
  return accepted({ type: 'AppUnjailed', address: app.address });
}
