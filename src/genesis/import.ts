/**
 * Genesis → ledger state at height 0, in pocket-core's InitGenesis order
 * (auth → pos (nodes, then slashing's signing infos) →
 * application → pocketcore → gov, app/app.go:104-110). Parameters are written
 * first because application MaxRelays are computed from them.
 */
import { CHAIN_META_KEY } from '../state/chain-tables.js';
import { initConsensusBlock } from '../chain/consensus-params.js';
import { createLedgerState, type LedgerState } from '../chain/ledger-state.js';
import { initAppsGenesis } from '../modules/apps/index.js';
import { initAuthGenesis } from '../modules/auth/index.js';
import { initDaoGenesis, initParamsGenesis, initUnstoredParams } from '../modules/gov/index.js';
import { initNodesGenesis } from '../modules/nodes/index.js';
import { initSlashingGenesis } from '../modules/slashing/index.js';
import type { GenesisDoc } from './types.js';
import { importExportedState } from './import-exported.js';

export function importGenesis(doc: GenesisDoc): LedgerState {
  if (doc.exported !== null) return importExportedState(doc, doc.exported);
  const state = createLedgerState();
  const bank = state.auth;
  initParamsGenesis(state.gov.params, doc);
  initUnstoredParams(state.gov.unstored, state.params().gov.upgrade, 0);
  initAuthGenesis(bank, doc);
  initNodesGenesis(bank, state.nodes, state.params().pos.maxValidators, doc);
  initSlashingGenesis(state.slashing, doc);
  initAppsGenesis(bank, state.apps.applications, state.params(), doc);
  initDaoGenesis(bank, doc);
  state.chain.meta.set(CHAIN_META_KEY, { chainId: doc.chainId, genesisTimeNs: doc.genesisTimeNs, height: 0, lastBlockTimeNs: doc.genesisTimeNs, lastProposer: null });
  initConsensusBlock(state, doc.consensus, 0);
  state.store.commitBlock(0);
  return state;
}
