import { ShadowBank } from './independent/bank.js';
import { appMaxRelays } from './independent/app-relays.js';
import { ParamTracker } from './independent/params.js';
import { MODULE, ShadowLedger } from './independent/shadow.js';
/** The ledger's state table of waiting validators, by its name in an export (a format name, not the module's code). */
const WAITING_TABLE = 'pos/waiting_validators';
export function shadowAtGenesis(genesis, genesisHeight = 0) {
    const bank = new ShadowBank();
    const node = genesis.validators.reduce((sum, v) => sum + v.tokensUpokt, 0n);
    const app = genesis.applications.reduce((sum, a) => sum + a.stakedTokensUpokt, 0n);
    const irregular = genesis.exported?.irregularAccounts ?? [];
    const liquid = [...genesis.accounts, ...irregular].reduce((sum, a) => sum + a.balanceUpokt, 0n);
    const otherModules = otherModuleAccounts(genesis);
    const fee = otherModules.find((m) => m.address === MODULE.fee_collector)?.balanceUpokt ?? 0n;
    const otherModuleSum = otherModules.reduce((sum, m) => sum + m.balanceUpokt, 0n);
    const shadow = new ShadowLedger(new ParamTracker(genesis.params), { total: liquid + node + app + genesis.daoTokensUpokt + otherModuleSum, node, app, dao: genesis.daoTokensUpokt, fee }, bank, genesisHeight);
    for (const a of genesis.accounts)
        bank.credit(a.address, a.balanceUpokt);
    // An exported state's accounts at addresses that are not 20 bytes: liquid, and never moved.
    for (const a of irregular)
        bank.credit(a.address, a.balanceUpokt);
    for (const m of otherModules)
        bank.credit(m.address, m.balanceUpokt);
    bank.credit(MODULE.staked_tokens_pool, node);
    bank.credit(MODULE.application_staked_tokens_pool, app);
    bank.credit(MODULE.dao, genesis.daoTokensUpokt);
    addGenesisRecords(shadow, genesis);
    return { shadow, bank, previousProposer: genesis.exported?.previousProposer ?? null };
}
/**
 * An exported state (init --exported-height) may hold the fees of block H in the fee
 * collector (paid to H's proposer at H + 1) and balances in the other module accounts.
 */
function otherModuleAccounts(genesis) {
    const pools = new Set([MODULE.staked_tokens_pool, MODULE.application_staked_tokens_pool, MODULE.dao]);
    return (genesis.exported?.moduleAccounts ?? []).filter((m) => !pools.has(m.address) && m.balanceUpokt > 0n);
}
function addGenesisRecords(shadow, genesis) {
    for (const v of genesis.validators) {
        const delegators = v.rewardDelegators === null ? null : Object.entries(v.rewardDelegators);
        shadow.nodes.set(v.address, { operator: v.address, outputAddress: v.outputAddress, delegators, tokens: v.tokensUpokt, waiting: false, unstakingAtNs: v.status === 1 ? v.unstakingTimeNs : null, jailed: v.jailed, chains: v.chains });
        // InitGenesis (x/nodes/genesis.go:37-46): a record per validator, start 0, jailed_until Unix 0 …
        shadow.signing.seed(v.address, { startHeight: 0, index: 0, jailedUntilNs: 0n, missed: 0, jailedBlocks: 0 });
    }
    // … then the file's own signing infos over them (an exported state's counters), and its set
    // missed bits (`missed_blocks`, x/nodes/genesis.go:104-114) — which may belong to an address
    // without a record (a deleted one's stale bits, signing.ts).
    for (const info of genesis.exported?.signingInfos ?? []) {
        shadow.signing.seed(info.address, { startHeight: info.startHeight, index: info.indexOffset, jailedUntilNs: info.jailedUntilNs, missed: info.missedBlocksCounter, jailedBlocks: info.jailedBlocksCounter });
    }
    for (const bits of genesis.exported?.missedBlocks ?? [])
        shadow.signing.seedMissed(bits.address, bits.indices);
    // An export by pokt-ledger carries the waiting-to-begin-unstaking set (pokt_ledger.tables,
    // genesis/export.ts): those nodes start unstaking at the next session end and their edit stakes
    // are pos:117 (PROTOCOL §1 rule 9, §6.4). pocket-core's own exports carry no such set, and its
    // import starts with none — so neither does the shadow then.
    for (const [address] of genesis.exported?.extension?.tables.get(WAITING_TABLE) ?? []) {
        const record = shadow.nodes.get(address);
        if (record !== undefined)
            record.waiting = true;
    }
    // An exported state's unstaking app (status 1) matures at its unstaking time, as a node does.
    // MaxRelays is recomputed from the params (apps InitGenesis ignores the file's value, §7).
    for (const a of genesis.applications) {
        const maxRelays = appMaxRelays(shadow.params, a.stakedTokensUpokt);
        shadow.apps.set(a.address, { stake: a.stakedTokensUpokt, unstakingAtNs: a.status === 1 ? a.unstakingTimeNs : null, publicKey: a.publicKey, chains: a.chains, maxRelays, jailed: a.jailed });
    }
    // An exported state's open claims: a proof after the import settles them (and is paid).
    for (const c of genesis.exported?.claims ?? [])
        shadow.openClaim(c.servicer, c.header, c.evidenceType, c.totalProofs);
}
//# sourceMappingURL=genesis-shadow.js.map