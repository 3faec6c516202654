import { createMainnetWorkload } from '../mainnet/workload.js';
import { createSendsWorkload } from './sends.js';
import { createStakingWorkload } from './staking.js';
import { createFaultsWorkload } from './faults.js';
import { createGovernanceWorkload } from './governance.js';
import { createRelaysWorkload } from './relays.js';
export const WORKLOADS = [
    { name: 'sends', description: 'MsgSend: valid sends and every invalid kind (garbage, truncated, wrong chain, bad signature, duplicate, underfunded, oversized, low fee, long memo)', create: () => createSendsWorkload() },
    { name: 'staking', description: 'nodes and apps: stake, edit (output address, delegators, VEDIT), transfer, unstake through maturity, and every staking rejection code', create: createStakingWorkload },
    { name: 'relays', description: 'proof of relay: own servicers and apps staked, real signed relays → claims and proofs (valid, late, too early, invalid, replayed, expired, over-service)', create: () => createRelaysWorkload() },
    { name: 'faults', description: 'validators offline and back (downtime jail, unjail too early / on time / by a stranger), double-sign evidence (slashed, too old, unknown key)', create: createFaultsWorkload },
    // Last: its ParamChanges never precede another workload's txs in a block.
    { name: 'governance', description: 'ParamChange by the owner and by others (malformed, out of range, unknown key), DAO transfers and burns, upgrades', create: createGovernanceWorkload },
];
/** The `mainnet-shaped` profile's one workload (not in WORKLOADS: the dev and mainnet profiles do not run it). */
export const MAINNET_WORKLOAD = {
    name: 'mainnet',
    description: "blocks of mainnet's composition: claims and proofs of real relay trees, sends, stakes, jailings, governance (src/sim/mainnet/)",
    create: (settings) => createMainnetWorkload({
        seed: settings?.seed ?? 0n,
        ...(settings?.shape === undefined ? {} : { scale: settings.shape.scale, relayScale: settings.shape.relay_scale }),
        ...(settings?.workers === undefined ? {} : { workers: settings.workers }),
    }),
};
/** Default workloads of a profile. */
export function profileWorkloads(profile, registry = WORKLOADS) {
    return profile === 'mainnet-shaped' ? [MAINNET_WORKLOAD.name] : registry.map((entry) => entry.name);
}
/** `registry` replaces the built-in list (tests and benchmarks that bring their own workloads). */
export function findWorkload(name, registry = WORKLOADS) {
    return registry.find((entry) => entry.name === name) ?? (name === MAINNET_WORKLOAD.name ? MAINNET_WORKLOAD : undefined);
}
//# sourceMappingURL=index.js.map