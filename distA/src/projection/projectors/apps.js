import { StakeStatus } from '../../modules/nodes/index.js';
import { bool, defineProjector, jsonText } from '../projector.js';
import { APP_COLUMNS, APPS, positions } from '../tables.js';
import { VersionedRows } from '../version-rows.js';
const A = positions(APP_COLUMNS);
function appRow(height, app) {
    return [app.address, height, 0, app.publicKey, bool(app.jailed), app.status, jsonText(app.chains), app.stakedTokensUpokt, app.maxRelays, app.unstakingTimeNs];
}
export const appsProjector = defineProjector(() => {
    const rows = new VersionedRows(APPS);
    const change = rows.change.bind(rows);
    return {
        name: 'apps',
        tables: [APPS],
        handlers: {
            AppStaked: ({ height, event: e }) => rows.put(appRow(height, { address: e.address, publicKey: e.publicKey, jailed: false, status: StakeStatus.Staked, chains: e.chains, stakedTokensUpokt: e.amountUpokt, maxRelays: e.maxRelays, unstakingTimeNs: null })),
            AppStakeEdited: ({ height, event: e }) => change(e.address, height, (row) => {
                row[A.staked_upokt] = e.tokensUpokt;
                row[A.chains_json] = jsonText(e.chains);
                row[A.max_relays] = e.maxRelays;
            }),
            AppTransferred: ({ height, event: e }) => {
                const from = rows.peek(e.from);
                if (from !== undefined) {
                    const to = from.slice();
                    to[A.address] = e.to;
                    to[A.height] = height;
                    to[A.deleted] = 0;
                    to[A.public_key] = e.toPublicKey;
                    to[A.status] = StakeStatus.Staked;
                    rows.put(to);
                }
                change(e.from, height, (row) => void (row[A.deleted] = 1));
            },
            AppUnstakingStarted: ({ height, event: e }) => change(e.address, height, (row) => {
                row[A.status] = StakeStatus.Unstaking;
                row[A.unstaking_time_ns] = e.unstakingTimeNs;
            }),
            AppUnstaked: ({ height, event: e }) => change(e.address, height, (row) => void (row[A.deleted] = 1)),
            AppUnjailed: ({ height, event: e }) => change(e.address, height, (row) => void (row[A.jailed] = 0)),
            ApplicationStakeBurned: ({ height, event: e }) => change(e.address, height, (row) => void (row[A.staked_upokt] = e.stakeAfterUpokt)),
        },
        genesis: (state, height) => {
            for (const [, app] of state.apps.applications.sortedEntries())
                rows.put(appRow(height, app));
        },
        flush: (sink) => rows.flush(sink),
        resume: (_table, resumed) => rows.resume(resumed),
    };
});
//# sourceMappingURL=apps.js.map