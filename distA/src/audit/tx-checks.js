import { ShadowAnte } from './independent/ante.js';
import { codeText, DELIVERED, TxOutcomes } from './independent/tx-outcomes.js';
export class TxChecks {
    recorded;
    shadow;
    tally;
    outcomes;
    constructor(recorded, shadow, bank, genesis, tally) {
        this.recorded = recorded;
        this.shadow = shadow;
        this.tally = tally;
        const genesisKeys = new Map(genesis.accounts.flatMap((a) => (a.publicKey === null ? [] : [[a.address, a.publicKey]])));
        const ante = new ShadowAnte({ bank, params: shadow.params, genesisKeys, extraSigners: (message, txSigner) => this.extraSigners(message, txSigner) });
        this.outcomes = new TxOutcomes(ante, bank, shadow.params, shadow);
    }
    /** Every tx of the block against its recorded row, in order; the lines the shadow expects from them. */
    deliverBlock(block, report) {
        const h = block.header.height;
        const rows = this.recorded.txs(h);
        const expected = [];
        this.outcomes.beginBlock();
        block.txs.forEach((tx, index) => {
            const row = rows[index];
            if (row === undefined || row.hash !== tx.hash) {
                this.tally.mismatch(report, { height: h, account: null, line: `tx/${index}`, expected: tx.hash, recorded: row?.hash ?? '(no tx row)' });
                return;
            }
            expected.push(...this.deliverTx(h, report, index, block.header.chainId, tx, row));
        });
        this.outcomes.endBlock(block.txs.map((tx) => tx.hash));
        return expected;
    }
    /**
     * One tx: the audit's own outcome (fee charged and payer; the code where it re-decides it)
     * against the recorded row; the shadow then follows its own outcome, so a changed row is
     * named once and does not spread into the balances.
     */
    deliverTx(h, report, index, chainId, tx, recorded) {
        const own = this.outcomes.derive(chainId, h, tx);
        const account = own.payer ?? tx.signer;
        report &&= account === null || this.tally.about(account);
        if (report) {
            this.tally.txFees++;
            if (own.code !== undefined)
                this.tally.txCodes++;
            if (tx.message !== undefined)
                this.tally.countHandlerCode(tx.message.type, own.code);
        }
        if (own.fee !== recorded.feeCharged)
            this.tally.mismatch(report, { height: h, account, line: `tx/${index}:fee_charged`, expected: String(own.fee), recorded: String(recorded.feeCharged) });
        const recordedCode = codeText(recorded.code, recorded.codespace);
        if (own.code !== undefined && own.code !== recordedCode)
            this.tally.mismatch(report, { height: h, account, line: `tx/${index}:code`, expected: own.code, recorded: recordedCode });
        const [codespace, code] = followedCode(own, recorded);
        return this.shadow.deliverTx(tx.message, tx.signer, { code, codespace, feeCharged: own.fee, payer: own.payer });
    }
    /** A node's current output address may sign its StakeNode; an app's key may sign its transfer (§0.1). */
    extraSigners(message, txSigner) {
        if (message.type === 'StakeNode') {
            const output = this.shadow.nodes.get(message.operatorAddress)?.outputAddress;
            return output === null || output === undefined ? [] : [output];
        }
        if (message.type === 'StakeApp' && message.transfer && txSigner !== null && txSigner !== message.applicationAddress && this.shadow.apps.has(txSigner))
            return [txSigner];
        return [];
    }
}
/** The [codespace, code] the shadow follows: its own where it re-decides the code, else the recorded one. */
function followedCode(own, recorded) {
    if (own.code === undefined)
        return [recorded.codespace, recorded.code];
    if (own.code === DELIVERED)
        return ['', 0];
    return [own.code.split(':')[0], Number(own.code.split(':')[1])];
}
//# sourceMappingURL=tx-checks.js.map