/**
 * supply: one row per block with every pool after it (total, node staked, app staked, DAO,
 * fee_collector) and the block's mint and burn. Pools follow the module accounts' balance moves
 * (balance-moves.ts); mint and burn follow the declared supply effects (chain/supply-effects.ts).
 * `querySupply` at H is the row of H.
 */
import type { DomainEventType } from '../../chain/events.js';
import { supplyEffect } from '../../chain/supply-effects.js';
import { querySupply } from '../../modules/auth/index.js';
import { MODULE_ADDRESSES } from '../../modules/auth/index.js';
import { balanceOf } from '../../modules/auth/index.js';
import type { EventEnvelope } from '../../runtime/committed-block.js';
import { balanceMoves, MOVING_EVENT_TYPES } from '../balance-moves.js';
import { defineProjector, type EventHandlers, type SqlParams, type Write } from '../projector.js';

type S = 'add' | 'genesis';

const POOL_COLUMN = new Map<string, 'node' | 'app' | 'dao' | 'fee'>([
  [MODULE_ADDRESSES.staked_tokens_pool, 'node'],
  [MODULE_ADDRESSES.application_staked_tokens_pool, 'app'],
  [MODULE_ADDRESSES.dao, 'dao'],
  [MODULE_ADDRESSES.fee_collector, 'fee'],
]);

/** Adds to the newest row (this block's if it has one); the candidate row holds the final values. */
const ADD = `INSERT INTO supply (height, total_upokt, node_staked_upokt, app_staked_upokt, dao_upokt, fee_collector_upokt, minted_upokt, burned_upokt)
  SELECT @height, total_upokt + @minted - @burned, node_staked_upokt + @node, app_staked_upokt + @app, dao_upokt + @dao, fee_collector_upokt + @fee,
    (CASE WHEN height = @height THEN minted_upokt ELSE 0 END) + @minted, (CASE WHEN height = @height THEN burned_upokt ELSE 0 END) + @burned
  FROM supply WHERE height <= @height ORDER BY height DESC LIMIT 1
  ON CONFLICT (height) DO UPDATE SET total_upokt = excluded.total_upokt, node_staked_upokt = excluded.node_staked_upokt, app_staked_upokt = excluded.app_staked_upokt,
    dao_upokt = excluded.dao_upokt, fee_collector_upokt = excluded.fee_collector_upokt, minted_upokt = excluded.minted_upokt, burned_upokt = excluded.burned_upokt`;

function poolChanges(envelope: EventEnvelope): ReadonlyArray<Write<S>> {
  const row = { height: envelope.height, node: 0n, app: 0n, dao: 0n, fee: 0n, ...supplyEffectParams(envelope) };
  let changed = row.minted !== 0n || row.burned !== 0n;
  for (const move of balanceMoves(envelope.event)) {
    const column = POOL_COLUMN.get(move.address);
    if (column === undefined) continue;
    row[column] += move.deltaUpokt;
    changed = true;
  }
  return changed ? [['add', row]] : [];
}

function supplyEffectParams(envelope: EventEnvelope): { minted: bigint; burned: bigint } {
  const effect = supplyEffect(envelope.event);
  return { minted: effect.mintedUpokt, burned: effect.burnedUpokt };
}

const handlers = Object.fromEntries(MOVING_EVENT_TYPES.map((type) => [type, poolChanges])) as unknown as EventHandlers<S, DomainEventType>;
const EMPTY_BLOCK: Omit<SqlParams, 'height'> = { node: 0n, app: 0n, dao: 0n, fee: 0n, minted: 0n, burned: 0n };
const SUMMED = Object.keys(EMPTY_BLOCK);

export const supplyProjector = defineProjector({
  name: 'supply',
  table: 'supply',
  statements: {
    add: ADD,
    genesis: `INSERT INTO supply (height, total_upokt, node_staked_upokt, app_staked_upokt, dao_upokt, fee_collector_upokt, minted_upokt, burned_upokt)
      VALUES (0, @total, @node, @app, @dao, @fee, 0, 0)`,
  },
  handlers,
  // One row write per block: the block's pool changes, mint and burn summed.
  combine: (writes) => {
    const sum: Record<string, bigint | number> = { ...EMPTY_BLOCK, height: writes[0]![1].height as number };
    for (const [, params] of writes) for (const column of SUMMED) sum[column] = (sum[column] as bigint) + (params[column] as bigint);
    return [['add', sum]];
  },
  // Every block gets its row, also one whose events moved no pool.
  block: (committed) => [['add', { ...EMPTY_BLOCK, height: committed.block.header.height }]],
  genesis: (state) => {
    const supply = querySupply(state.auth);
    return [['genesis', { total: BigInt(supply.total), node: BigInt(supply.node_staked), app: BigInt(supply.app_staked), dao: BigInt(supply.dao), fee: balanceOf(state.auth, MODULE_ADDRESSES.fee_collector) }]];
  },
});
