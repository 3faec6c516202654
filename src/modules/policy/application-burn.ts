/**
 * Application Burn Rate (PROTOCOL §14; the economics documentation's "ABR": app stakes are
 * burned block by block so that the burn offsets the relay-reward mint; apps top up). pocket-core
 * never implemented it; here it is the governed parameter `application/ApplicationBurnRate`
 * (18-decimal, default 0 = off = pocket-core behaviour).
 *
 * The rule, at EndBlock of every block h (application module, after mature app unstakes):
 *
 *   minted  = Σ RelaysRewarded.plan.mintedUpokt of block h (the whole relay-reward mint,
 *             node shares and the DAO/proposer share alike)
 *   target  = trunc(minted × ApplicationBurnRate)
 *   eligible = Staked applications (Unstaking ones are leaving with their stake), each able to
 *             lose at most headroom = stake − 1 POKT ("never below 1 POKT")
 *   burned  = min(target, Σ headroom), shared PRO RATA TO STAKE:
 *     1. share_i = remaining × stake_i / Σ stake (over the apps still in play);
 *     2. every app whose share_i ≥ headroom_i burns its whole headroom and leaves play; the
 *        rest of the target is shared again among the others (repeat until no app is capped);
 *     3. the uncapped apps burn floor(share_i); the leftover units (< number of apps) go one each
 *        to the largest fractional remainders, ties to the lower address.
 *   Each burn leaves the app's stake and the application_staked_tokens_pool; supply falls by
 *   `burned`. MaxRelays is NOT recomputed (it stays as fixed at stake time until the app stakes
 *   more, PROTOCOL §7). With rate 1 and enough headroom, burned = minted: supply stays flat.
 *
 * Worked example (rate 1): block mint 1,000,000 uPOKT; apps A 3 POKT (headroom 2,000,000),
 * B 1.5 POKT (headroom 500,000), C 1 POKT (headroom 0, not eligible). Σ stake = 4,500,000;
 * shares A 666,666.67, B 333,333.33 — none capped → floors 666,666 + 333,333 = 999,999, the
 * leftover 1 goes to A (remainder .67 > .33) → A burns 666,667, B 333,333, total 1,000,000.
 * With a mint of 2,000,000: B's share 666,666.67 ≥ 500,000 → B burns 500,000; the remaining
 * 1,500,000 all falls on A (share 1,500,000 < 2,000,000) → total 2,000,000.
 *
 * DEV_NOTE: determinism — apps are taken in address order; integer arithmetic only (the
 * fraction of a share is compared as remainder_i / Σ stake with a common denominator).
 */
import type { Dec } from '../../core/bigdec.js';
import type { Address } from '../../core/types.js';
import type { Application } from '../apps/index.js';
import { StakeStatus } from '../nodes/index.js';
import type { ApplicationStakeBurned } from './events.js';
import type { ApplicationBurnView } from './state.js';

/** "never below 1 POKT". */
export const APPLICATION_BURN_FLOOR_UPOKT = 1_000_000n;

export interface ApplicationBurnLine {
  readonly address: Address;
  readonly burnedUpokt: bigint;
  readonly stakeAfterUpokt: bigint;
}

export interface ApplicationBurnPlan {
  readonly targetUpokt: bigint;
  readonly burnedUpokt: bigint;
  /** Part of the target no app could cover (every eligible app is down to 1 POKT). */
  readonly shortfallUpokt: bigint;
  /** Apps that burn something, ascending address. */
  readonly lines: readonly ApplicationBurnLine[];
}

interface Candidate {
  readonly address: Address;
  readonly stake: bigint;
  readonly headroom: bigint;
}

/** Share `amount` pro rata to stake, none above its headroom (steps 1–3 of the file header). */
export function shareProRata(candidates: readonly Candidate[], amount: bigint): Map<Address, bigint> {
  const burns = new Map<Address, bigint>();
  let remaining = amount;
  let active = [...candidates];
  while (remaining > 0n && active.length > 0) {
    const totalStake = active.reduce((sum, c) => sum + c.stake, 0n);
    const capped = active.filter((c) => remaining * c.stake >= c.headroom * totalStake);
    if (capped.length > 0) {
      for (const c of capped) {
        burns.set(c.address, c.headroom);
        remaining -= c.headroom;
      }
      active = active.filter((c) => !capped.includes(c));
      continue;
    }
    const parts = active.map((c) => ({ c, floor: (remaining * c.stake) / totalStake, rest: (remaining * c.stake) % totalStake }));
    let leftover = remaining - parts.reduce((sum, p) => sum + p.floor, 0n);
    parts.sort((a, b) => (a.rest !== b.rest ? (a.rest > b.rest ? -1 : 1) : a.c.address < b.c.address ? -1 : 1));
    for (const part of parts) {
      const extra = leftover > 0n ? 1n : 0n;
      leftover -= extra;
      const burn = part.floor + extra;
      if (burn > 0n) burns.set(part.c.address, burn);
    }
    remaining = 0n;
  }
  return burns;
}

export function planApplicationBurn(applications: Iterable<Application>, mintedUpokt: bigint, rate: Dec): ApplicationBurnPlan {
  const targetUpokt = rate.isPositive() && mintedUpokt > 0n ? rate.mulInt(mintedUpokt).truncateInt() : 0n;
  const candidates: Candidate[] = [];
  if (targetUpokt > 0n) {
    for (const app of applications) {
      const headroom = app.stakedTokensUpokt - APPLICATION_BURN_FLOOR_UPOKT;
      if (app.status === StakeStatus.Staked && headroom > 0n) candidates.push({ address: app.address, stake: app.stakedTokensUpokt, headroom });
    }
    candidates.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  }
  const burns = shareProRata(candidates, targetUpokt);
  const lines = candidates
    .filter((c) => (burns.get(c.address) ?? 0n) > 0n)
    .map((c) => ({ address: c.address, burnedUpokt: burns.get(c.address)!, stakeAfterUpokt: c.stake - burns.get(c.address)! }));
  const burnedUpokt = lines.reduce((sum, line) => sum + line.burnedUpokt, 0n);
  return { targetUpokt, burnedUpokt, shortfallUpokt: targetUpokt - burnedUpokt, lines };
}

/** Σ relay-reward mint among a block's events (pocketcore's RelaysRewarded.plan.mintedUpokt). */
export function relayMintOf(events: ReadonlyArray<{ readonly type: string }>): bigint {
  let total = 0n;
  for (const event of events) {
    if (event.type === 'RelaysRewarded') total += (event as unknown as { readonly plan: { readonly mintedUpokt: bigint } }).plan.mintedUpokt;
  }
  return total;
}

/** The EndBlock step: one ApplicationStakeBurned per app that burns. */
export function burnApplicationStakes(state: ApplicationBurnView, rate: Dec, blockEvents: ReadonlyArray<{ readonly type: string }>): ApplicationStakeBurned[] {
  if (!rate.isPositive()) return [];
  const minted = relayMintOf(blockEvents);
  if (minted === 0n) return [];
  const plan = planApplicationBurn(state.apps.applications.unorderedValues(), minted, rate);
  return plan.lines.map((line) => ({
    type: 'ApplicationStakeBurned',
    address: line.address,
    burnedUpokt: line.burnedUpokt,
    stakeAfterUpokt: line.stakeAfterUpokt,
    blockMintUpokt: minted,
    rate: rate.toString(),
    blockTargetUpokt: plan.targetUpokt,
  }));
}
