/**
 * Decider specs in given / when / then form, straight against the router (no block, no fee, no
 * signature): `given(state)` or `given(state, events)` (applied first through the real
 * evolvers), `.when(message, ctx)` (a validated Message), then `.then(events)` (accepted with
 * exactly these events) or `.rejects(code)` (rejected with exactly this code, and no events
 * unless the side effects pocket-core keeps are named).
 *
 *   given(chain).when(unjail, ctx).rejects(POS.validator_still_jailed);
 *   given(chain, [jailedEvent]).when(unjail, later).then([{ type: 'NodeUnjailed', … }]);
 */
import * as assert from 'uvu/assert';
import { codeOf } from '../../src/core/rejection.js';
import { evolveAll } from '../../src/chain/evolve.js';
import { CHAIN_META_KEY } from '../../src/state/chain-tables.js';
import { routeMessage } from '../../src/chain/router.js';
/** Apply `events` as if in the next block (events carry no height; the evolver gets the block's). */
export function evolveNext(state, events) {
    evolveAll(state, events, (state.chain.meta.get(CHAIN_META_KEY)?.height ?? 0) + 1);
}
export function given(state, events = []) {
    evolveNext(state, events);
    return {
        when(message, ctx) {
            const outcome = routeMessage(state, message, ctx);
            return {
                outcome,
                then(expected) {
                    if (!outcome.ok)
                        assert.unreachable(`expected acceptance, got ${codeOf(outcome.rejection)} ${outcome.rejection.log}`);
                    assert.equal(outcome.events, expected);
                },
                rejects(code, sideEffects = []) {
                    if (outcome.ok)
                        assert.unreachable(`expected ${codeOf(code)}, got acceptance with ${outcome.events.map((e) => e.type).join(', ') || 'no events'}`);
                    else
                        assert.is(codeOf(outcome.rejection), codeOf(code), outcome.rejection.log);
                    assert.equal(outcome.events, sideEffects);
                },
            };
        },
    };
}
//# sourceMappingURL=decider-spec.js.map