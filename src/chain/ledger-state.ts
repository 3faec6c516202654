/**
 * The whole ledger state: one StateStore holding every module's tables, plus cached typed
 * views. Modules receive this object and touch only their own tables for writes; reading other
 * modules' tables goes through those modules' exported selectors.
 */
import type { ParamValue } from '../params/kinds.js';
import { buildParams, type Params } from '../params/params.js';
import { StateStore } from '../state/store.js';
import type { Table } from '../state/table.js';
import { accountsTable, replayIndexTable, supplyTable, txIndexTable, type Account } from '../modules/auth/index.js';
import { applicationsTable, type Application, StakedApplicationCount, type StakedAppCountView } from '../modules/apps/index.js';
import { paramsTable, type StoredParam, unstoredParamsTable } from '../modules/gov/index.js';
import type { FeatureKey } from '../core/features.js';
import { missedBlocksTable, signingInfosTable, type MissedBlocks, type SigningInfo } from '../modules/slashing/index.js';
import { validatorSetTable, validatorsTable, type Validator, type ValidatorSetEntry, waitingValidatorsTable, type WaitingReason, ValidatorPowerIndex, type PowerIndexView, UnstakingQueue, type UnstakingQueueView } from '../modules/nodes/index.js';
import { ClaimIndex, SessionCandidates, claimsTable, historyFloorTable, settledClaimsTable, type ClaimRecord, type SettledClaim } from '../modules/pocketcore/index.js';
import { blockHashesTable, chainMetaTable, committedEvidenceTable, consensusTable, type ChainMeta, type ConsensusBlock } from '../state/chain-tables.js';

export interface LedgerState {
  readonly store: StateStore;
  readonly chain: {
    readonly meta: Table<ChainMeta>;
    readonly blockHashes: Table<string>;
    /** Evidence key → height of the block that committed it (Tendermint's IsCommitted; not hashed). */
    readonly committedEvidence: Table<number>;
    /** Tendermint's block size limit for the next block (chain/consensus-params.ts; not hashed). */
    readonly consensus: Table<ConsensusBlock>;
  };
  readonly auth: {
    readonly accounts: Table<Account>;
    readonly supply: Table<bigint>;
    /** Tx hash → height: every tx of every block (pocket-core's duplicate check, auth:6). */
    readonly txIndex: Table<number>;
    /** Replay key (sign document + signer) → height: every tx whose fee was charged (ledger:20). */
    readonly replayIndex: Table<number>;
  };
  readonly nodes: {
    readonly validators: Table<Validator>;
    readonly validatorSet: Table<readonly ValidatorSetEntry[]>;
    readonly waitingValidators: Table<WaitingReason>;
    /** Derived (not state): validators with power > 0, ranked (nodes/power-index.ts). */
    readonly powerIndex: PowerIndexView;
    /** Derived (not state): Unstaking validators by unstaking time (nodes/unstaking-queue.ts). */
    readonly unstakingQueue: UnstakingQueueView;
  };
  /** Downtime counters and jail bookkeeping per validator (slashing/state.ts). */
  readonly slashing: { readonly signingInfos: Table<SigningInfo>; readonly missedBlocks: Table<MissedBlocks> };
  readonly apps: {
    readonly applications: Table<Application>;
    /** Derived (not state): how many apps are Staked and unjailed (apps/staked-count.ts). */
    readonly stakedCount: StakedAppCountView;
    /** Derived (not state): Unstaking apps by unstaking time. */
    readonly unstakingQueue: UnstakingQueueView;
  };
  /** Params, and the feature-gated ones pocket-core's store would not hold (gov/state.ts). */
  readonly gov: { readonly params: Table<StoredParam>; readonly unstored: Table<FeatureKey> };
  /**
   * Claims, settled-claim markers, the history floor; plus two derived in-memory indexes (not
   * state, never hashed): the per-chain session candidates and the claim index.
   */
  readonly pocketcore: {
    readonly claims: Table<ClaimRecord>;
    readonly settledClaims: Table<SettledClaim>;
    readonly historyFloor: Table<number>;
    readonly sessionCandidates: SessionCandidates;
    readonly claimIndex: ClaimIndex;
  };
  /** Typed params as of now (cached; rebuilt after any parameter write). */
  params(): Params;
  /** Typed params as committed at the end of block `height` (PROTOCOL §12.2 item 5). */
  paramsAt(height: number): Params;
}

export function createLedgerState(): LedgerState {
  const store = new StateStore();
  const params = store.defineTable(paramsTable);
  const validators = store.defineTable(validatorsTable);
  const applications = store.defineTable(applicationsTable);
  const claims = store.defineTable(claimsTable);
  const state = {
    store,
    chain: { meta: store.defineTable(chainMetaTable), blockHashes: store.defineTable(blockHashesTable), committedEvidence: store.defineTable(committedEvidenceTable), consensus: store.defineTable(consensusTable) },
    auth: {
      accounts: store.defineTable(accountsTable),
      supply: store.defineTable(supplyTable),
      txIndex: store.defineTable(txIndexTable),
      replayIndex: store.defineTable(replayIndexTable),
    },
    nodes: {
      validators,
      validatorSet: store.defineTable(validatorSetTable),
      waitingValidators: store.defineTable(waitingValidatorsTable),
      powerIndex: new ValidatorPowerIndex(validators),
      unstakingQueue: new UnstakingQueue(validators),
    },
    slashing: { signingInfos: store.defineTable(signingInfosTable), missedBlocks: store.defineTable(missedBlocksTable) },
    apps: { applications, stakedCount: new StakedApplicationCount(applications), unstakingQueue: new UnstakingQueue(applications) },
    gov: { params, unstored: store.defineTable(unstoredParamsTable) },
    pocketcore: {
      claims,
      settledClaims: store.defineTable(settledClaimsTable),
      historyFloor: store.defineTable(historyFloorTable),
      sessionCandidates: new SessionCandidates(validators),
      claimIndex: new ClaimIndex(claims),
    },
    params: () => current ?? (current = buildParams((key) => params.get(key)?.value)),
    paramsAt: (height: number): Params => {
      // DEV_NOTE: determinism — a cache of history, sound because every write to the params
      // table (a ParamChange, a revert, a snapshot load) empties it below: a height not yet
      // produced (a query or a session looked up ahead) would otherwise keep the params it had
      // before a later block changed them, and live answers would differ from a replay's.
      const cached = historical.get(height);
      if (cached !== undefined) return cached;
      const built = buildParams((key): ParamValue | undefined => params.getAt(key, height)?.value);
      if (historical.size > 64) historical.clear();
      historical.set(height, built);
      return built;
    },
  };
  let current: Params | undefined;
  const historical = new Map<number, Params>();
  params.onChange(() => {
    current = undefined;
    historical.clear(); // rare (governance): rebuilt on the next read
  });
  return state;
}
