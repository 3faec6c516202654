/**
 * balances: every account's uPOKT with history (one row per address and height it changed), from
 * balance-moves.ts. accounts: one row per account, written with its first balance row (genesis,
 * or the block of its first credit) and that row's height as `first_height`; the public key is
 * genesis's (the ledger's bank never learns a key later; modules/auth/bank.ts). Accounts never
 * disappear (bank.ts adjustBalance keeps an account at 0; no balance row is deleted), so the
 * accounts at height H are those with first_height ≤ H: a jump to an accounts page finds its
 * place on that narrow index (../account-pages.ts), not in every address's balance rows.
 *
 * One row per address and block: the block's deltas summed (first-touch order kept) and added to
 * the newest balance. A sum of 0 is still written: the reducer creates an account on its first
 * credit, so must we. A negative result is refused by the table's CHECK (balance ≥ 0).
 */
import type { DomainEventType } from '../../chain/events.js';
import type { EventEnvelope } from '../../runtime/committed-block.js';
import { balanceMoves, MOVING_EVENT_TYPES } from '../balance-moves.js';
import { defineProjector, type EventHandlers } from '../projector.js';
import { ACCOUNTS, BALANCES } from '../tables.js';
import { VersionedRows } from '../version-rows.js';

export const balancesProjector = defineProjector(() => {
  const rows = new VersionedRows(BALANCES);
  let sums = new Map<string, bigint>();
  let height = 0;
  const credits = (envelope: EventEnvelope): void => {
    height = envelope.height;
    for (const move of balanceMoves(envelope.event)) sums.set(move.address, (sums.get(move.address) ?? 0n) + move.deltaUpokt);
  };
  /** Accounts born since the last flush: address, public key, first height. */
  const accounts: Array<[string, string | null, number]> = [];
  return {
    name: 'balances',
    tables: [BALANCES, ACCOUNTS],
    handlers: Object.fromEntries(MOVING_EVENT_TYPES.map((type) => [type, credits])) as unknown as EventHandlers<DomainEventType>,
    genesis: (state, genesisHeight) => {
      for (const [address, account] of state.auth.accounts.sortedEntries()) {
        accounts.push([address, account.publicKey, genesisHeight]);
        rows.put([address, genesisHeight, account.balanceUpokt]);
      }
    },
    flush: (sink) => {
      for (const [address, delta] of sums) {
        const before = rows.peek(address);
        if (before === undefined) accounts.push([address, null, height]);
        rows.put([address, height, (before === undefined ? 0n : (before[2] as bigint)) + delta]);
      }
      sums = new Map();
      for (const account of accounts.splice(0)) sink.add(ACCOUNTS, account);
      rows.flush(sink);
    },
    resume: (_table, resumed) => rows.resume(resumed),
  };
});
