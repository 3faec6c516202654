/** The audit's result: what `runAudit` returns and `pokt-ledger audit` prints as JSON. */
import type { SkippedSnapshot } from '../runtime/snapshot-proof.js';
import type { ChainWarning } from '../runtime/warnings.js';
import type { Mismatch } from './compare.js';
import type { EventList } from './events.js';
import type { NodeTable } from './node-rewards.js';
import type { Reconciliation } from './reconcile.js';
import type { AuditSeries } from './series.js';
import type { AuditTally } from './tally.js';

/** Where the audited figures come from: enough to find the same chain and reproduce the audit. */
export interface AuditProvenance {
  readonly version: string;
  readonly chain_id: string;
  /** Absolute. */
  readonly data_dir: string;
  readonly genesis_file: string;
  /** SHA-256 of the genesis file the audit read, and whether it is the one ledger.json recorded at init. */
  readonly genesis_sha256: string;
  readonly genesis_sha256_as_recorded: boolean;
  /** The block hash of the last audited height and the state root its producer recorded after it (the block log's; `replay` re-derives it). */
  readonly block_hash: string | null;
  readonly state_root: string | null;
}

export interface AuditSummary {
  readonly mismatch_list: readonly Mismatch[];
  readonly series: ReturnType<AuditSeries['toJson']>;
  readonly provenance: AuditProvenance;
  /** --node: the address; null = every account. */
  readonly scope: string | null;
  readonly from: number;
  readonly to: number;
  /** Which node got what, and why (node-rewards.ts). */
  readonly nodes: NodeTable;
  /** Slashes, jails, unjails, force unstakes and burns as the audit derived them (events.ts). */
  readonly events: EventList;
  /** The audited heights' money added up, chain-wide (reconcile.ts). */
  readonly reconciliation: Reconciliation;
  /** The heights at which the supply does not hold (the first 1,000 of `count`); empty when it holds. */
  readonly supply_failures: { readonly count: number; readonly heights: readonly number[] };
  readonly slash_and_burn_lines: number;
  readonly supply_checks: number;
  readonly snapshots_checked: number;
  /**
   * Snapshots in range NOT compared, with why (code: snapshot_not_recorded — another chain's
   * state; snapshot_other_chain; snapshot_corrupt, snapshot_root_mismatch, snapshot_unsupported
   * — a damaged file): replay's own test (runtime/snapshot-proof.ts). Not mismatches: they change
   * neither `mismatches` nor `supply_ok` — a snapshot is derived data, the verdict is the ledger's.
   */
  readonly snapshots_skipped: readonly SkippedSnapshot[];
  /** Blocks at which every validator's signing info was compared with the projection's. */
  readonly signing_info_checks: number;
  /** Account balances compared with the shadow bank's (every recorded row, every account the shadow changed). */
  readonly balance_checks: number;
  /** Txs whose charged fee (and payer) the audit re-decided; of them, whose code it re-decided. */
  readonly tx_fees_rederived: number;
  readonly tx_codes_rederived: number;
  /** Slashing outcomes the audit derived itself in range, by line (`slash/downtime`, `slash/double_sign`, `jail/downtime`, `force_unstake/max_jailed_blocks`). */
  readonly slashing_derived: Readonly<Record<string, number>>;
  /** Claim and Proof codes re-decided in range (claims.ts, proofs.ts), by "claim ok", "proof pocketcore:66", …; "claim recorded" / "proof recorded" = taken from the record (an input missing). */
  readonly claim_proof_codes: Readonly<Record<string, number>>;
  /** BeginUnstake and Unjail codes of nodes and apps re-decided in range (unstake-unjail.ts), by "begin_unstake ok", "unjail pos:104", "app_unjail application:105", …. */
  readonly unstake_unjail_codes: Readonly<Record<string, number>>;
  /** Stake codes of nodes and apps, new and edit, re-decided in range (node-stake.ts, app-stake.ts), by "stake ok", "stake pos:122", "app_stake application:119", …; "… recorded" = taken from the record. */
  readonly stake_codes: Readonly<Record<string, number>>;
  /** ParamChange, Upgrade and DAOTransfer codes re-decided in range (gov.ts), by "param_change ok", "param_change gov:5", "upgrade ledger:14", "dao sdk:1", … (an ante refusal by its code, "dao auth:6"). */
  readonly gov_codes: Readonly<Record<string, number>>;
  readonly minted_upokt: string;
  readonly burned_upokt: string;
  readonly total_supply_upokt: string;
  readonly seconds: number;
  readonly lines_per_s: number;
  // Last, in this order: the verdict a reader looks for at the end of the JSON.
  readonly blocks: number;
  readonly reward_lines: number;
  readonly mismatches: number;
  readonly supply_ok: boolean;
}

export interface AuditRun {
  readonly from: number;
  readonly to: number;
  readonly blocks: number;
  readonly seconds: number;
  readonly totalSupplyUpokt: bigint;
  readonly snapshotsSkipped: readonly SkippedSnapshot[];
  readonly provenance: Omit<AuditProvenance, 'block_hash' | 'state_root'>;
  readonly explained: { nodes: NodeTable; events: EventList; reconciliation: Reconciliation; stateRoot: string | null; blockHash: string | null };
}

export function auditSummary(tally: AuditTally, series: AuditSeries, run: AuditRun): AuditSummary {
  return {
    mismatch_list: tally.mismatches,
    series: series.toJson(),
    provenance: { ...run.provenance, block_hash: run.explained.blockHash, state_root: run.explained.stateRoot },
    scope: tally.node ?? null,
    from: run.from,
    to: run.to,
    nodes: run.explained.nodes,
    events: run.explained.events,
    reconciliation: run.explained.reconciliation,
    supply_failures: { count: tally.supplyFailedHeightCount, heights: tally.supplyFailedHeights },
    slash_and_burn_lines: tally.burnLineCount,
    supply_checks: tally.supplyChecks,
    snapshots_checked: tally.snapshotsChecked,
    snapshots_skipped: run.snapshotsSkipped,
    signing_info_checks: tally.signingInfosChecked,
    balance_checks: tally.balanceChecks,
    tx_fees_rederived: tally.txFees,
    tx_codes_rederived: tally.txCodes,
    slashing_derived: { ...tally.slashingDerived },
    claim_proof_codes: sortedCounts(tally.claimProofCodes),
    unstake_unjail_codes: sortedCounts(tally.unstakeUnjailCodes),
    stake_codes: sortedCounts(tally.stakeCodes),
    gov_codes: sortedCounts(tally.govCodes),
    minted_upokt: String(tally.mintedInRange),
    burned_upokt: String(tally.burnedInRange),
    total_supply_upokt: String(run.totalSupplyUpokt),
    seconds: Number(run.seconds.toFixed(3)),
    lines_per_s: Math.round(tally.lineCount / Math.max(run.seconds, 1e-6)),
    blocks: run.blocks,
    reward_lines: tally.lineCount,
    mismatches: tally.mismatchCount,
    supply_ok: tally.supplyOk,
  };
}

/** The coded warning a command prints for a snapshot the audit left out (the same code replay's skip has). */
export function skippedSnapshotWarning(skipped: SkippedSnapshot): ChainWarning {
  return {
    code: 'snapshot_skipped',
    message: `audit skipped snapshot ${skipped.file}: ${skipped.message}; its values were not compared (not a ledger mismatch: a replay rebuilds snapshots)`,
    details: { file: skipped.file, height: skipped.height, reason: skipped.code },
  };
}

/** --node with no line, event or mismatch about the address in the audited heights: most likely a wrong address. */
export function scopeUnknown(summary: AuditSummary): boolean {
  return summary.scope !== null && summary.reward_lines === 0 && summary.slash_and_burn_lines === 0 && summary.events.count === 0 && summary.mismatches === 0 && (summary.nodes.scope_lines?.count ?? 0) === 0;
}

/** The coded warning `audit --node` prints for such an address (the report says it too). */
export function unknownNodeWarning(summary: AuditSummary): ChainWarning {
  return {
    code: 'audit_node_not_found',
    message: `no line in heights ${summary.from}..${summary.to} is about ${summary.scope}: it earned nothing, was not slashed, jailed or burned, and no check named it — is the address right?`,
    details: { node: summary.scope, from: summary.from, to: summary.to },
  };
}

function sortedCounts(counts: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
