/**
 * The one place that applies domain events to state: event type → its module's evolver.
 * The table is typed so adding an event type without an evolver is a compile error.
 */
import { appsEvolvers } from '../modules/apps/index.js';
import { authEvolvers } from '../modules/auth/index.js';
import { govEvolvers } from '../modules/gov/index.js';
import { slashingEvolvers, slashingFollowUps } from '../modules/slashing/index.js';
import { policyEvolvers } from '../modules/policy/index.js';
import { nodesEvolvers } from '../modules/nodes/index.js';
import { pocketcoreEvolvers } from '../modules/pocketcore/index.js';
const EVOLVERS = {
    ...authEvolvers,
    ...nodesEvolvers,
    ...appsEvolvers,
    ...slashingEvolvers,
    ...govEvolvers,
    ...policyEvolvers,
    ...pocketcoreEvolvers,
};
/**
 * A second module's part of an event, applied right after the owner's evolver: the slashing
 * module keeps the signing info that nodes' stake, edit and unstake events create, reset and
 * delete (so nodes never writes — or imports — slashing).
 */
const FOLLOW_UPS = slashingFollowUps;
export function evolve(state, event, height) {
    EVOLVERS[event.type](state, event, height);
    FOLLOW_UPS[event.type]?.(state, event, height);
}
export function evolveAll(state, events, height) {
    for (const event of events)
        evolve(state, event, height);
}
//# sourceMappingURL=evolve.js.map