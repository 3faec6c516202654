/**
 * What the audit walk has found so far: the mismatches (the count exact, the list capped), the
 * counters the summary reports, and the scope (`--node`) that decides which accounts count.
 */
import type { Mismatch } from './compare.js';

/** The message types whose handler codes are counted by kind, and their names in the summary. */
const HANDLER_CODE_NAMES: Readonly<Record<string, string>> = {
  Claim: 'claim',
  Proof: 'proof',
  BeginUnstakeNode: 'begin_unstake',
  UnjailNode: 'unjail',
  BeginUnstakeApp: 'app_begin_unstake',
  UnjailApp: 'app_unjail',
  StakeNode: 'stake',
  StakeApp: 'app_stake',
  ParamChange: 'param_change',
  Upgrade: 'upgrade',
  DAOTransfer: 'dao',
};

/** Which bucket each handler's codes are counted in. */
type CodeBucket = 'claimProofCodes' | 'stakeCodes' | 'unstakeUnjailCodes' | 'govCodes';
const BUCKET_OF: Readonly<Record<string, CodeBucket>> = { Claim: 'claimProofCodes', Proof: 'claimProofCodes', StakeNode: 'stakeCodes', StakeApp: 'stakeCodes', ParamChange: 'govCodes', Upgrade: 'govCodes', DAOTransfer: 'govCodes' };

export class AuditTally {
  readonly mismatches: Mismatch[] = [];
  mismatchCount = 0;
  lineCount = 0;
  burnLineCount = 0;
  supplyChecks = 0;
  balanceChecks = 0;
  /** Blocks at which every validator's signing info was compared (signing-checks.ts). */
  signingInfosChecked = 0;
  txFees = 0;
  txCodes = 0;
  /** Slashing outcomes derived in range (in scope), by line. */
  readonly slashingDerived: Record<string, number> = { 'slash/downtime': 0, 'slash/double_sign': 0, 'jail/downtime': 0, 'force_unstake/max_jailed_blocks': 0 };
  /** Claim and Proof codes the audit re-decided in range, by "claim ok", "proof pocketcore:66", …; "… recorded" = taken from the record. */
  readonly claimProofCodes: Record<string, number> = {};
  /** BeginUnstake and Unjail codes of nodes and apps re-decided in range ("unjail pos:104", "app_unjail application:105", …). */
  readonly unstakeUnjailCodes: Record<string, number> = {};
  /** Stake codes of nodes and apps (new and edit) re-decided in range ("stake pos:122", "app_stake ok", …). */
  readonly stakeCodes: Record<string, number> = {};
  /** ParamChange, Upgrade and DAOTransfer codes re-decided in range (gov.ts: "param_change gov:5", "upgrade ok", "dao sdk:1", …). */
  readonly govCodes: Record<string, number> = {};
  snapshotsChecked = 0;
  supplyOk = true;
  /** The heights at which a supply check failed, ascending, distinct (the first `maxListed`; the count exact). */
  readonly supplyFailedHeights: number[] = [];
  supplyFailedHeightCount = 0;
  mintedInRange = 0n;
  burnedInRange = 0n;
  private lastSupplyFailure: number | undefined;

  /** `node`: only lines about this node or account count (undefined: all); `maxListed`: the list's cap. */
  constructor(readonly node: string | undefined, private readonly maxListed: number) {}

  /** Claims and proofs, unstakes and unjails, stakes, gov messages: the codes the audit's own rules gave them (Send's are counted in txCodes only). */
  countHandlerCode(type: string, code: string | undefined): void {
    const name = HANDLER_CODE_NAMES[type];
    if (name === undefined) return;
    const counts = this[BUCKET_OF[type] ?? 'unstakeUnjailCodes'];
    const key = `${name} ${code ?? 'recorded'}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }

  /** Whether an account is in scope (every account, or only `--node`). */
  about(address: string): boolean {
    return this.node === undefined || address === this.node;
  }

  mismatch(report: boolean, m: Mismatch): void {
    if (!report) return;
    this.mismatchCount++;
    if (this.mismatches.length < this.maxListed) this.mismatches.push(m);
  }

  /** A supply mismatch also turns the verdict `supply_ok` false. */
  supplyFailure(report: boolean, height: number, line: string, expected: string, recorded: string): void {
    if (!report) return;
    this.supplyOk = false;
    // Heights come in order and one height may fail several checks: a new height is a new last element.
    if (this.lastSupplyFailure !== height) {
      this.lastSupplyFailure = height;
      this.supplyFailedHeightCount++;
      if (this.supplyFailedHeights.length < this.maxListed) this.supplyFailedHeights.push(height);
    }
    this.mismatch(report, { height, account: null, line, expected, recorded });
  }
}
