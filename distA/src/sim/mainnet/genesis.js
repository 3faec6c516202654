/**
 * The mainnet-shaped genesis: the given genesis (by default the bundled Pocket mainnet genesis)
 * plus the shaped network (network.ts) and the mid-2022 parameters (params.ts). Called by the
 * simulator's augmentGenesis for the `mainnet-shaped` profile, after the workload accounts
 * (the senders) were added.
 *
 *   - every node: a staked, unjailed validator entry (its stake and chains) and an account with
 *     NODE_BALANCE for fees; spare node keys: accounts with SPARE_BALANCE (they stake later);
 *   - every app: a staked application (MaxRelays is recomputed by the genesis import);
 *   - the governor: DAO owner and owner of every ACL entry, with an account for fees;
 *   - the params: MAINNET_MID2022_PARAMS over the genesis's own.
 */
import { assignGovernanceOwner } from '../workloads/governance.js';
import { accountEntry, bumpDeclaredSupply, listAt, objectAt } from '../sim-genesis.js';
import { mainnetNetwork } from './network.js';
import { MAINNET_MID2022_PARAMS } from './params.js';
const POKT = 1000000n;
export const NODE_BALANCE_UPOKT = 1000n * POKT;
export const SPARE_BALANCE_UPOKT = 200000n * POKT;
const ZERO_TIME = '0001-01-01T00:00:00Z';
export function augmentMainnetShaped(appState, seed, shape) {
    const network = mainnetNetwork(seed, shape);
    const auth = objectAt(appState, 'auth');
    const accounts = listAt(auth, 'accounts');
    let added = 0n;
    const fund = (key, amount) => {
        accounts.push(accountEntry(key, amount));
        added += amount;
    };
    network.nodes.forEach((node) => fund(node.key, NODE_BALANCE_UPOKT));
    network.spares.forEach((key) => fund(key, SPARE_BALANCE_UPOKT));
    fund(network.governor, NODE_BALANCE_UPOKT);
    bumpDeclaredSupply(auth, added);
    const validators = listAt(objectAt(appState, 'pos'), 'validators');
    network.nodes.forEach((node, i) => {
        validators.push({
            address: node.key.address,
            public_key: node.key.publicKey,
            jailed: false,
            status: 2,
            tokens: node.stakeUpokt.toString(),
            service_url: `https://node-${i}.mainnet-shaped.example.com:443`,
            chains: node.chains,
            unstaking_time: ZERO_TIME,
        });
    });
    const applications = listAt(objectAt(appState, 'application'), 'applications');
    for (const app of network.apps) {
        applications.push({ address: app.key.address, public_key: app.key.publicKey, jailed: false, status: 2, chains: app.chains, staked_tokens: app.stakeUpokt.toString(), unstaking_time: ZERO_TIME });
    }
    for (const [module, params] of Object.entries(MAINNET_MID2022_PARAMS))
        Object.assign(objectAt(appState, module, 'params'), params);
    assignGovernanceOwner(appState, network.governor.address);
}
//# sourceMappingURL=genesis.js.map