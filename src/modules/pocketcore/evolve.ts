/**
 * pocketcore evolve: applies pocketcore events. Never validates (the deciders did); a violation
 * (e.g. a mint line with a negative amount) is a bug and throws.
 *
 * The replay-attack burn lowers the servicer's staked tokens and burns them from
 * staked_tokens_pool — the change pocket-core's simpleSlash makes through the nodes keeper. The
 * force unstake below the minimum is the nodes module's own event (NodeForceUnstakeQueued),
 * emitted next to ReplayAttackDetected by proof.ts. Minting goes through auth/bank.ts only.
 */
import type { Table } from '../../state/table.js';
import { burn, mint, type BankTables, MODULE_ADDRESSES } from '../auth/index.js';
import type { Validator } from '../nodes/index.js';
import { invariant } from '../../core/assert.js';
import type { ClaimSubmitted, ClaimsExpired, HistoryFloorAdvanced, ProofAccepted, ProofRejected, RelaysRewarded, ReplayAttackDetected } from './events.js';
import { HISTORY_FLOOR_KEY, type ClaimRecord, type SettledClaim } from './state.js';

export interface PocketcoreEvolveState {
  readonly auth: BankTables;
  readonly nodes: { readonly validators: Table<Validator> };
  readonly pocketcore: {
    readonly claims: Table<ClaimRecord>;
    readonly settledClaims: Table<SettledClaim>;
    readonly historyFloor: Table<number>;
  };
}

/** The claim leaves the live set, remembered as settled at `height` (the event's block). */
function settle(state: PocketcoreEvolveState, key: string, height: number, outcome: SettledClaim['outcome']): void {
  const claim = state.pocketcore.claims.get(key);
  invariant(claim !== undefined, () => `settling claim ${key}: no live claim`);
  state.pocketcore.claims.delete(key);
  state.pocketcore.settledClaims.set(key, { servicer: claim.servicer, sessionHeight: claim.header.sessionHeight, settledHeight: height, outcome });
}

/** simpleSlash's burn (slash.go:44-79): tokens down, the same amount burned from the pool. */
function burnServicerStake(state: PocketcoreEvolveState, event: ReplayAttackDetected): void {
  const { burn: plan } = event;
  if (plan.burnedUpokt <= 0n) return;
  const validator = state.nodes.validators.get(plan.servicer);
  invariant(validator !== undefined, () => `ReplayAttackDetected: ${plan.burnedUpokt} to burn from ${plan.servicer}, which is not a validator`);
  const tokensUpokt = validator.tokensUpokt - plan.burnedUpokt;
  state.nodes.validators.set(plan.servicer, { ...validator, tokensUpokt });
  burn(state.auth, MODULE_ADDRESSES.staked_tokens_pool, plan.burnedUpokt);
}

export const pocketcoreEvolvers = {
  ClaimSubmitted: (state: PocketcoreEvolveState, event: ClaimSubmitted): void => {
    state.pocketcore.claims.set(event.key, event.claim);
  },
  ClaimsExpired: (state: PocketcoreEvolveState, event: ClaimsExpired): void => {
    for (const claim of event.claims) state.pocketcore.claims.delete(claim.key);
  },
  ProofAccepted: (state: PocketcoreEvolveState, event: ProofAccepted, height: number): void => {
    settle(state, event.key, height, 'proved');
  },
  ProofRejected: (_state: PocketcoreEvolveState, _event: ProofRejected): void => {
    // Nothing changes: the claim stays live; the event records the refused attempt.
  },
  RelaysRewarded: (state: PocketcoreEvolveState, event: RelaysRewarded): void => {
    for (const line of event.plan.lines) mint(state.auth, line.address, line.amountUpokt);
  },
  ReplayAttackDetected: (state: PocketcoreEvolveState, event: ReplayAttackDetected, height: number): void => {
    burnServicerStake(state, event);
    settle(state, event.key, height, 'replay_attack_burned');
  },
  HistoryFloorAdvanced: (state: PocketcoreEvolveState, event: HistoryFloorAdvanced): void => {
    state.pocketcore.historyFloor.set(HISTORY_FLOOR_KEY, event.floor);
    for (const key of event.forgottenSettledKeys) state.pocketcore.settledClaims.delete(key);
  },
};
