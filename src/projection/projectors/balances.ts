/**
 * balances: every account's uPOKT with history (one row per address and height it changed), from
 * balance-moves.ts. accounts: the public keys genesis gives (the ledger's bank never learns a key
 * later; modules/auth/bank.ts).
 */
import type { DomainEventType } from '../../chain/events.js';
import type { EventEnvelope } from '../../runtime/committed-block.js';
import { balanceMoves, MOVING_EVENT_TYPES } from '../balance-moves.js';
import { defineProjector, type EventHandlers, type Write } from '../projector.js';

type S = 'credit' | 'account' | 'opening';

/**
 * Adds @delta to the address's newest balance (its row at @height if the block already moved it).
 * The candidate row carries the final value, so the CHECK (balance ≥ 0) sees the real balance:
 * SQLite checks the candidate before it resolves the conflict.
 */
const CREDIT = `INSERT INTO balances (address, height, balance_upokt)
  VALUES (@address, @height, @delta + coalesce((SELECT balance_upokt FROM balances WHERE address = @address AND height <= @height ORDER BY height DESC LIMIT 1), 0))
  ON CONFLICT (address, height) DO UPDATE SET balance_upokt = excluded.balance_upokt`;

function credits(envelope: EventEnvelope): ReadonlyArray<Write<S>> {
  return balanceMoves(envelope.event).map((move) => ['credit', { address: move.address, height: envelope.height, delta: move.deltaUpokt }]);
}

const handlers = Object.fromEntries(MOVING_EVENT_TYPES.map((type) => [type, credits])) as unknown as EventHandlers<S, DomainEventType>;

export const balancesProjector = defineProjector({
  name: 'balances',
  table: 'balances',
  statements: {
    credit: CREDIT,
    account: 'INSERT OR REPLACE INTO accounts (address, public_key, first_height) VALUES (@address, @public_key, 0)',
    opening: 'INSERT INTO balances (address, height, balance_upokt) VALUES (@address, 0, @balance)',
  },
  handlers,
  // One credit per address and block: the block's deltas summed (first-touch order kept). A sum
  // of 0 is still written: the reducer creates an account on its first credit, so must we.
  combine: (writes) => {
    const sums = new Map<unknown, bigint>();
    for (const [, params] of writes) sums.set(params.address, (sums.get(params.address) ?? 0n) + (params.delta as bigint));
    const combined: Array<Write<S>> = [];
    for (const [address, delta] of sums) combined.push(['credit', { address: address as string, height: writes[0]![1].height as number, delta }]);
    return combined;
  },
  genesis: (state) =>
    [...state.auth.accounts.sortedEntries()].flatMap(([address, account]): Array<Write<S>> => [
      ['account', { address, public_key: account.publicKey }],
      ['opening', { address, balance: account.balanceUpokt }],
    ]),
});
