/**
 * The code of an app's MsgStake (transfer, new stake, edit stake), written from PROTOCOL §1.3
 * (pocket-core x/apps/handler.go:34-87 and keeper/appStateChanges.go:45-131; checked against
 * RC-0.12.0) with every feature active, read from the shadow's own app records and bank.
 * ValidateBasic's codes (application:103/115/116/117) are the decoder's (tx-outcomes.ts).
 *   Transfer form (value 0, no chains) signed by a Staked app (jailed allowed), no app at the
 *     message's key → delivered ([AppTransfer], :104-131); any other case falls through to:
 *   more chains than application/MaximumChains → application:118
 *   app exists: unstaking → application:110; Staked → edit: value < stake → application:120;
 *     a raise the app cannot pay → application:112, else delivered (:87-102)
 *   new: value < ApplicationStakeMinimum → application:111; the app cannot pay value →
 *     application:112; Staked unjailed apps ≥ application/MaxApplications → application:119
 * The app always pays its own stake (no output address for apps).
 * Unreachable here: application:101 (a non-ed25519 key is refused by the decoder).
 */
import type { Message } from '../../messages/index.js';
import type { RulesWorld } from './node-stake.js';

/** Features whose switching off changes the app stake rules (PROTOCOL §1.3, §12.1). */
const APP_STAKE_FEATURES = ['AppTransfer'];

export interface StakeAppRecord {
  readonly stake: bigint;
  readonly jailed: boolean;
  /** Non-null: Unstaking. */
  readonly unstakingAtNs: bigint | null;
}

export interface AppStakeWorld extends RulesWorld {
  readonly apps: ReadonlyMap<string, StakeAppRecord>;
}

type StakeApp = Extract<Message, { type: 'StakeApp' }>;

/**
 * The code ("ok" or "application:N", undefined where not decided). `spendable`: what the
 * app's address holds after the fee it paid.
 */
export function decideAppStake(world: AppStakeWorld, message: StakeApp, signer: string, spendable: bigint): string | undefined {
  if (world.featuresChanged(APP_STAKE_FEATURES)) return undefined;
  if (message.transfer && isTransferable(world, message, signer)) return 'ok';
  const p = world.params;
  if (BigInt(message.chains.length) > p.int('application/MaximumChains')) return 'application:118';
  const value = message.valueUpokt;
  const current = world.apps.get(message.applicationAddress);
  if (current !== undefined) {
    if (current.unstakingAtNs !== null) return 'application:110';
    if (value < current.stake) return 'application:120';
    return spendable < value - current.stake ? 'application:112' : 'ok';
  }
  if (value < p.int('application/ApplicationStakeMinimum')) return 'application:111';
  if (spendable < value) return 'application:112';
  return BigInt(stakedUnjailedApps(world)) >= p.int('application/MaxApplications') ? 'application:119' : 'ok';
}

/** ValidateApplicationTransfer: the signer is a Staked app and the message's key holds none. */
function isTransferable(world: AppStakeWorld, message: StakeApp, signer: string): boolean {
  const from = world.apps.get(signer);
  return from !== undefined && from.unstakingAtNs === null && !world.apps.has(message.applicationAddress);
}

/** getStakedApplicationsCount (appStaked.go:64-71): Staked and not jailed. */
function stakedUnjailedApps(world: AppStakeWorld): number {
  let count = 0;
  for (const app of world.apps.values()) if (app.unstakingAtNs === null && !app.jailed) count++;
  return count;
}
