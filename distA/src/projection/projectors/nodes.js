/**
 * nodes: validators with history (version rows). Field changes come from the events alone:
 * NodeStakeEdited carries the added amount, NodeSlashed the tokens after, ReplayAttackDetected
 * the burn, NodeUnstakingStarted the unstaking time.
 */
import { StakeStatus } from '../../modules/nodes/index.js';
import { bool, defineProjector, jsonText } from '../projector.js';
import { NODE_COLUMNS, NODES, positions } from '../tables.js';
import { VersionedRows } from '../version-rows.js';
const N = positions(NODE_COLUMNS);
function nodeRow(height, v) {
    return [
        v.address, height, 0, v.publicKey, bool(v.jailed), v.status, jsonText(v.chains), v.serviceUrl, v.tokensUpokt, v.unstakingTimeNs, v.outputAddress,
        v.rewardDelegators === null ? null : jsonText(v.rewardDelegators),
    ];
}
export const nodesProjector = defineProjector(() => {
    const rows = new VersionedRows(NODES);
    const change = rows.change.bind(rows);
    return {
        name: 'nodes',
        tables: [NODES],
        handlers: {
            NodeStaked: ({ height, event: e }) => rows.put(nodeRow(height, {
                address: e.address, publicKey: e.publicKey, jailed: false, status: StakeStatus.Staked, chains: e.chains, serviceUrl: e.serviceUrl,
                tokensUpokt: e.amountUpokt, unstakingTimeNs: null, outputAddress: e.outputAddress, rewardDelegators: e.rewardDelegators,
            })),
            NodeStakeEdited: ({ height, event: e }) => change(e.address, height, (row) => {
                row[N.tokens_upokt] = row[N.tokens_upokt] + e.addedUpokt;
                row[N.chains_json] = jsonText(e.chains);
                row[N.service_url] = e.serviceUrl;
                row[N.output_address] = e.outputAddress;
                row[N.reward_delegators_json] = e.rewardDelegators === null ? null : jsonText(e.rewardDelegators);
            }),
            NodeForceUnstakeQueued: ({ height, event: e }) => {
                if (e.jails)
                    change(e.address, height, (row) => void (row[N.jailed] = 1));
            },
            NodeUnstakingStarted: ({ height, event: e }) => change(e.address, height, (row) => {
                row[N.status] = StakeStatus.Unstaking;
                row[N.unstaking_time_ns] = e.unstakingTimeNs;
            }),
            NodeUnstaked: ({ height, event: e }) => change(e.address, height, (row) => void (row[N.deleted] = 1)),
            NodeSlashed: ({ height, event: e }) => change(e.address, height, (row) => void (row[N.tokens_upokt] = e.tokensAfterUpokt)),
            NodeJailed: ({ height, event: e }) => change(e.address, height, (row) => void (row[N.jailed] = 1)),
            NodeUnjailed: ({ height, event: e }) => change(e.address, height, (row) => void (row[N.jailed] = 0)),
            ReplayAttackDetected: ({ height, event: e }) => {
                const burned = e.burn.burnedUpokt;
                if (burned > 0n)
                    change(e.burn.servicer, height, (row) => void (row[N.tokens_upokt] = row[N.tokens_upokt] - burned));
            },
        },
        genesis: (state, height) => {
            for (const [, v] of state.nodes.validators.sortedEntries())
                rows.put(nodeRow(height, v));
        },
        flush: (sink) => rows.flush(sink),
        resume: (_table, resumed) => rows.resume(resumed),
    };
});
//# sourceMappingURL=nodes.js.map