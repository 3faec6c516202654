/**
 * An exported state (genesis/parse-exported.ts) → the ledger state at its height H, continued at
 * H + 1. Unlike a fresh genesis nothing is minted or recomputed: balances (module accounts
 * included), the supply, validators, applications with their MaxRelays, signing infos, the
 * validator set after H (prevState powers, in their order), the previous proposer and the claims
 * are taken as exported — pool sums were checked by the parser. The ledger extension, when
 * present, restores the tables pocket-core's shape cannot carry and the retained history; the
 * caller compares the root with the extension's `state_root` (runtime/data-dir.ts).
 * Who signs blocks H + 1 and H + 2 (nodes/validator-set.ts signingSetFor): without the
 * extension only the set after H is known, and it signs both — InitChain's validators are
 * Tendermint's Validators and NextValidators — with no last commit in block H + 1; with it, the
 * retained history holds the sets after H − 2 and H − 1 and the chain goes on as the exporting one.
 *
 * Signing infos: a validator without one gets pocket-core's genesis default (start height 0,
 * jailed until Unix 0; x/nodes/genesis.go), then the file's entries are written over them; the
 * file's missed bits (`missed_blocks`) are written as they are, for any address
 * (x/nodes/genesis.go:104-114).
 */
import { ZERO_HASH } from '../chain/block.js';
import { initConsensusBlock } from '../chain/consensus-params.js';
import { createLedgerState, type LedgerState } from '../chain/ledger-state.js';
import { MODULE_ADDRESSES, TOTAL_SUPPLY_KEY } from '../modules/auth/index.js';
import { StakeStatus, VALIDATOR_SET_KEY, computeValidatorSet } from '../modules/nodes/index.js';
import { claimKey } from '../modules/pocketcore/index.js';
import { newSigningInfo } from '../modules/slashing/index.js';
import { initParamsGenesis, initUnstoredParams } from '../modules/gov/index.js';
import { CHAIN_META_KEY, heightKey } from '../state/chain-tables.js';
import type { Table } from '../state/table.js';
import type { ExportedState, GenesisDoc, LedgerExtension } from './types.js';

export class ExportImportError extends Error {
  override readonly name = 'ExportImportError';
  readonly code = 'export_invalid';
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}

export function importExportedState(doc: GenesisDoc, exported: ExportedState): LedgerState {
  const state = createLedgerState();
  initParamsGenesis(state.gov.params, doc);
  for (const address of Object.values(MODULE_ADDRESSES)) state.auth.accounts.set(address, { balanceUpokt: 0n, publicKey: null });
  let sum = 0n;
  for (const account of doc.accounts) {
    state.auth.accounts.set(account.address, { balanceUpokt: account.balanceUpokt, publicKey: account.publicKey });
    sum += account.balanceUpokt;
  }
  for (const module of exported.moduleAccounts) {
    state.auth.accounts.set(module.address, { balanceUpokt: module.balanceUpokt, publicKey: null });
    sum += module.balanceUpokt;
  }
  // Accounts at addresses that are not 20 bytes, as pocket-core's store held them (their
  // balance can never move: GenesisIrregularAccount).
  for (const account of exported.irregularAccounts) {
    state.auth.accounts.set(account.address, { balanceUpokt: account.balanceUpokt, publicKey: null });
    sum += account.balanceUpokt;
  }
  state.auth.supply.set(TOTAL_SUPPLY_KEY, doc.declaredSupplyUpokt ?? sum);
  for (const v of doc.validators) {
    state.nodes.validators.set(v.address, v);
    state.slashing.signingInfos.set(v.address, newSigningInfo(v.address, 0));
  }
  for (const info of exported.signingInfos) state.slashing.signingInfos.set(info.address, info);
  for (const bits of exported.missedBlocks) state.slashing.missedBlocks.set(bits.address, bits);
  for (const a of doc.applications) {
    const status = a.status === 1 ? StakeStatus.Unstaking : StakeStatus.Staked;
    state.apps.applications.set(a.address, { address: a.address, publicKey: a.publicKey, jailed: a.jailed, status, chains: a.chains, stakedTokensUpokt: a.stakedTokensUpokt, maxRelays: a.maxRelays ?? 0n, unstakingTimeNs: a.unstakingTimeNs });
  }
  const set = exported.validatorPowers ?? computeValidatorSet(state.nodes.validators.unorderedValues(), state.params().pos.maxValidators);
  state.nodes.validatorSet.set(VALIDATOR_SET_KEY, set);
  for (const claim of exported.claims) state.pocketcore.claims.set(claimKey(claim.servicer, claim.headerHash, claim.evidenceType), claim);
  const extension = exported.extension;
  state.chain.meta.set(CHAIN_META_KEY, {
    chainId: doc.chainId,
    genesisTimeNs: doc.genesisTimeNs,
    height: exported.height,
    lastBlockTimeNs: extension?.lastBlockTimeNs ?? doc.genesisTimeNs,
    lastProposer: exported.previousProposer,
  });
  // Tendermint starts the new chain with the file's consensus params (types/genesis.go:76-80 at 59310158d3e9),
  // whatever limit the exporting chain had reached; its first block hands nothing over.
  initConsensusBlock(state, doc.consensus, exported.height);
  if (extension !== null) loadExtension(state, extension);
  else {
    // A pocket-core file does not carry the hash of block H, which block H + 1 must name as its
    // previous block: the chain continues from the all-zero hash (data-dir records the same as
    // `previous_block_hash`), as a chain from height 0 does. Sessions ≤ H stay unknown (docs/history.md).
    if (exported.height > 0) state.chain.blockHashes.set(heightKey(exported.height), ZERO_HASH);
    // pocket-core's InitGenesis at H stores the gated params of the features active at H only; the
    // extension carries the exporting ledger's own gov/unstored_params instead (a feature switched
    // off after its params were stored keeps them stored).
    initUnstoredParams(state.gov.unstored, state.params().gov.upgrade, exported.height);
  }
  state.store.commitBlock(exported.height, { recordHistory: extension === null });
  return state;
}

const SHAPED = new Set(['auth/accounts', 'auth/supply', 'pos/validators', 'pos/validator_set', 'pos/signing_info', 'pos/missed_blocks', 'application/applications', 'gov/params', 'pocketcore/claims', 'chain/meta', 'chain/consensus']);

function loadExtension(state: LedgerState, extension: LedgerExtension): void {
  for (const [name, entries] of extension.tables) {
    const table = state.store.table(name);
    if (table === undefined || SHAPED.has(name)) throw new ExportImportError(`$.pokt_ledger.tables.${name}`, table === undefined ? 'unknown table' : 'this table is carried by the pocket-core sections');
    entries.forEach(([key, encoded], i) => table.set(key, decodeEntry(table, encoded, `$.pokt_ledger.tables.${name}[${i}]`)));
  }
  for (const [name, keys] of extension.versions) {
    const table = state.store.table(name);
    if (table === undefined || table.spec.history !== true) throw new ExportImportError(`$.pokt_ledger.versions.${name}`, 'not a history table');
    keys.forEach(([key, list], i) => {
      const versions = list.map(([height, encoded]) => [height, encoded === null ? undefined : decodeEntry(table, encoded, `$.pokt_ledger.versions.${name}[${i}]`)] as const);
      state.store.loadVersions(table, key, versions);
    });
  }
}

function decodeEntry(table: Table<unknown>, encoded: unknown, path: string): unknown {
  if (typeof encoded !== 'string') throw new ExportImportError(path, 'expected an encoded entry (string)');
  try {
    return table.spec.decode(encoded);
  } catch (error) {
    throw new ExportImportError(path, `does not decode: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The block hash of H the chain continues from (block H + 1 names it as previous). */
export function exportedBlockHash(state: LedgerState, exported: ExportedState): string | undefined {
  return state.chain.blockHashes.get(heightKey(exported.height));
}
