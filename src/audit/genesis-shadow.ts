/**
 * The shadow ledger at the genesis height: the pools, the shadow bank's accounts, the node
 * and app records and the signing infos, all from the genesis document (or an imported
 * exported state, with its validator-set history when it carries the `pokt_ledger` section).
 */
import type { readDataDirGenesis } from './independent/inputs.js';
import { ShadowBank } from './independent/bank.js';
import { appMaxRelays } from './independent/app-relays.js';
import { ParamTracker } from './independent/params.js';
import { MODULE, ShadowLedger } from './independent/shadow.js';
import { ImportedSets, VALIDATOR_SET_ENTRY, VALIDATOR_SET_TABLE } from './independent/imported-sets.js';

export type Genesis = ReturnType<typeof readDataDirGenesis>;

/** The ledger's state table of waiting validators, by its name in an export (a format name, not the module's code). */
const WAITING_TABLE = 'pos/waiting_validators';
type ModuleAccount = NonNullable<Genesis['exported']>['moduleAccounts'][number];

export interface GenesisShadow {
  readonly shadow: ShadowLedger;
  readonly bank: ShadowBank;
  /** The proposer paid at the first block: an exported state's previous proposer, or none. */
  readonly previousProposer: string | null;
}

export function shadowAtGenesis(genesis: Genesis, genesisHeight = 0): GenesisShadow {
  const bank = new ShadowBank();
  const node = genesis.validators.reduce((sum, v) => sum + v.tokensUpokt, 0n);
  const app = genesis.applications.reduce((sum, a) => sum + a.stakedTokensUpokt, 0n);
  const irregular = genesis.exported?.irregularAccounts ?? [];
  const liquid = [...genesis.accounts, ...irregular].reduce((sum, a) => sum + a.balanceUpokt, 0n);
  const otherModules = otherModuleAccounts(genesis);
  const fee = otherModules.find((m) => m.address === MODULE.fee_collector)?.balanceUpokt ?? 0n;
  const otherModuleSum = otherModules.reduce((sum, m) => sum + m.balanceUpokt, 0n);
  const shadow = new ShadowLedger(new ParamTracker(genesis.params, genesisHeight), { total: liquid + node + app + genesis.daoTokensUpokt + otherModuleSum, node, app, dao: genesis.daoTokensUpokt, fee }, bank, genesisHeight);
  for (const a of genesis.accounts) bank.credit(a.address, a.balanceUpokt);
  // An exported state's accounts at addresses that are not 20 bytes: liquid, and never moved.
  for (const a of irregular) bank.credit(a.address, a.balanceUpokt);
  for (const m of otherModules) bank.credit(m.address, m.balanceUpokt);
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
function otherModuleAccounts(genesis: Genesis): ModuleAccount[] {
  const pools = new Set<string>([MODULE.staked_tokens_pool, MODULE.application_staked_tokens_pool, MODULE.dao]);
  return (genesis.exported?.moduleAccounts ?? []).filter((m) => !pools.has(m.address) && m.balanceUpokt > 0n);
}

function addGenesisRecords(shadow: ShadowLedger, genesis: Genesis): void {
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
  for (const bits of genesis.exported?.missedBlocks ?? []) shadow.signing.seedMissed(bits.address, bits.indices);
  // An export by pokt-ledger carries the waiting-to-begin-unstaking set (pokt_ledger.tables,
  // genesis/export.ts): those nodes start unstaking at the next session end and their edit stakes
  // are pos:117 (PROTOCOL §1 rule 9, §6.4). pocket-core's own exports carry no such set, and its
  // import starts with none — so neither does the shadow then.
  for (const [address] of genesis.exported?.extension?.tables.get(WAITING_TABLE) ?? []) {
    const record = shadow.nodes.get(address);
    if (record !== undefined) record.waiting = true;
  }
  // An export by pokt-ledger carries the validator set's per-height history: who signed the
  // heights before the log, for double-sign evidence about them (imported-sets.ts says why this
  // reads the file's data, not the ledger's code). Without it such evidence is ignored.
  const setVersions = genesis.exported?.extension?.versions.get(VALIDATOR_SET_TABLE)?.find(([key]) => key === VALIDATOR_SET_ENTRY)?.[1];
  if (setVersions !== undefined) shadow.seedImportedSets(new ImportedSets(setVersions));
  // An exported state's unstaking app (status 1) matures at its unstaking time, as a node does.
  // MaxRelays is recomputed from the params (apps InitGenesis ignores the file's value, §7).
  for (const a of genesis.applications) {
    const maxRelays = appMaxRelays(shadow.params, a.stakedTokensUpokt);
    shadow.apps.set(a.address, { stake: a.stakedTokensUpokt, unstakingAtNs: a.status === 1 ? a.unstakingTimeNs : null, publicKey: a.publicKey, chains: a.chains, maxRelays, jailed: a.jailed });
  }
  // An exported state's open claims: a proof after the import settles them (and is paid).
  for (const c of genesis.exported?.claims ?? []) shadow.openClaim(c.servicer, c.header, c.evidenceType, c.totalProofs);
}
