/** The message types whose handler codes are counted by kind, and their names in the summary. */
const HANDLER_CODE_NAMES = {
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
const BUCKET_OF = { Claim: 'claimProofCodes', Proof: 'claimProofCodes', StakeNode: 'stakeCodes', StakeApp: 'stakeCodes', ParamChange: 'govCodes', Upgrade: 'govCodes', DAOTransfer: 'govCodes' };
export class AuditTally {
    node;
    maxListed;
    mismatches = [];
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
    slashingDerived = { 'slash/downtime': 0, 'slash/double_sign': 0, 'jail/downtime': 0, 'force_unstake/max_jailed_blocks': 0 };
    /** Claim and Proof codes the audit re-decided in range, by "claim ok", "proof pocketcore:66", …; "… recorded" = taken from the record. */
    claimProofCodes = {};
    /** BeginUnstake and Unjail codes of nodes and apps re-decided in range ("unjail pos:104", "app_unjail application:105", …). */
    unstakeUnjailCodes = {};
    /** Stake codes of nodes and apps (new and edit) re-decided in range ("stake pos:122", "app_stake ok", …). */
    stakeCodes = {};
    /** ParamChange, Upgrade and DAOTransfer codes re-decided in range (gov.ts: "param_change gov:5", "upgrade ok", "dao sdk:1", …). */
    govCodes = {};
    snapshotsChecked = 0;
    supplyOk = true;
    mintedInRange = 0n;
    burnedInRange = 0n;
    /** `node`: only lines about this node or account count (undefined: all); `maxListed`: the list's cap. */
    constructor(node, maxListed) {
        this.node = node;
        this.maxListed = maxListed;
    }
    /** Claims and proofs, unstakes and unjails, stakes, gov messages: the codes the audit's own rules gave them (Send's are counted in txCodes only). */
    countHandlerCode(type, code) {
        const name = HANDLER_CODE_NAMES[type];
        if (name === undefined)
            return;
        const counts = this[BUCKET_OF[type] ?? 'unstakeUnjailCodes'];
        const key = `${name} ${code ?? 'recorded'}`;
        counts[key] = (counts[key] ?? 0) + 1;
    }
    /** Whether an account is in scope (every account, or only `--node`). */
    about(address) {
        return this.node === undefined || address === this.node;
    }
    mismatch(report, m) {
        if (!report)
            return;
        this.mismatchCount++;
        if (this.mismatches.length < this.maxListed)
            this.mismatches.push(m);
    }
    /** A supply mismatch also turns the verdict `supply_ok` false. */
    supplyFailure(report, height, line, expected, recorded) {
        if (!report)
            return;
        this.supplyOk = false;
        this.mismatch(report, { height, account: null, line, expected, recorded });
    }
}
//# sourceMappingURL=tally.js.map