/**
 * Invariants that hold after every block, whatever happened in it. The simulator checks them
 * after each block and tests call them too; a violation is a bug in the reducer.
 *
 * - Supply: Σ every balance (accounts and module accounts) == total supply.
 * - Pools: staked_tokens_pool == Σ validator tokens; application_staked_tokens_pool == Σ app
 *   stakes (every staked token is in exactly one pool).
 * - No negative balance or stake.
 * - Ledger: total supply == genesis supply + Σ minted − Σ burned (given the running totals).
 */
import type { LedgerState } from '../chain/ledger-state.js';
import { balanceOf, totalSupply, MODULE_ADDRESSES } from '../modules/auth/index.js';

export interface InvariantViolation {
  readonly invariant: string;
  readonly detail: string;
}

export function checkInvariants(state: LedgerState): InvariantViolation[] {
  const violations: InvariantViolation[] = [];
  let sum = 0n;
  for (const [address, account] of state.auth.accounts.sortedEntries()) {
    if (account.balanceUpokt < 0n) violations.push({ invariant: 'no_negative_balance', detail: `${address} has ${account.balanceUpokt}` });
    sum += account.balanceUpokt;
  }
  const supply = totalSupply(state.auth);
  if (sum !== supply) violations.push({ invariant: 'supply_equals_balances', detail: `Σ balances ${sum} ≠ total supply ${supply}` });
  let staked = 0n;
  for (const validator of state.nodes.validators.unorderedValues()) {
    if (validator.tokensUpokt < 0n) violations.push({ invariant: 'no_negative_stake', detail: `${validator.address} has ${validator.tokensUpokt}` });
    staked += validator.tokensUpokt;
  }
  const nodePool = balanceOf(state.auth, MODULE_ADDRESSES.staked_tokens_pool);
  if (staked !== nodePool) violations.push({ invariant: 'node_pool_equals_stakes', detail: `Σ validator tokens ${staked} ≠ pool ${nodePool}` });
  let appStaked = 0n;
  for (const app of state.apps.applications.unorderedValues()) appStaked += app.stakedTokensUpokt;
  const appPool = balanceOf(state.auth, MODULE_ADDRESSES.application_staked_tokens_pool);
  if (appStaked !== appPool) violations.push({ invariant: 'app_pool_equals_stakes', detail: `Σ app stakes ${appStaked} ≠ pool ${appPool}` });
  return violations;
}
