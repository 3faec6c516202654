import { decideAppStake } from './app-stake.js';
import { decideClaim } from './claims.js';
import { Ed25519Verifier } from './ed25519.js';
import { decideNodeStake } from './node-stake.js';
import { decideUnstakeOrUnjail } from './unstake-unjail.js';
import { decideProof } from './proofs.js';
import { checkLeafSignatures } from './relay-proof.js';
import { MODULE } from './shadow.js';
import { decideDaoTransfer, decideParamChange, decideUpgrade } from './gov.js';
export const DELIVERED = 'ok';
export class TxOutcomes {
    ante;
    bank;
    params;
    world;
    seenInBlock = new Set();
    ed25519 = new Ed25519Verifier();
    constructor(ante, bank, params, world) {
        this.ante = ante;
        this.bank = bank;
        this.params = params;
        this.world = world;
    }
    beginBlock() {
        this.seenInBlock = new Set();
    }
    derive(chainId, height, tx) {
        if (tx.wire === undefined)
            return { fee: 0n, payer: null, code: undefined }; // the decoder's code
        const duplicate = this.seenInBlock.has(tx.hash);
        this.seenInBlock.add(tx.hash);
        if (duplicate)
            return { fee: 0n, payer: null, code: 'auth:6' };
        if (tx.message === undefined)
            return { fee: 0n, payer: null, code: undefined }; // ValidateBasic's code
        const leaf = tx.message.type === 'Proof' && tx.wire.msg.kind === 'Proof' && tx.wire.msg.leaf.kind === 'relay' ? checkLeafSignatures(tx.wire.msg.leaf.proof, this.ed25519) : undefined;
        if (leaf?.code !== undefined)
            return { fee: 0n, payer: null, code: leaf.code };
        const verdict = this.ante.run(chainId, tx.wire, tx.message);
        if (!verdict.ok)
            return { fee: 0n, payer: null, code: verdict.code };
        if (tx.message.type === 'Claim')
            return { fee: verdict.fee, payer: verdict.payer, code: decideClaim(this.world, tx.message, height) };
        if (tx.message.type === 'Proof' && leaf !== undefined && tx.wire.msg.kind === 'Proof') {
            return { fee: verdict.fee, payer: verdict.payer, code: decideProof(this.world, tx.message, tx.wire.msg, leaf.bytes, height) };
        }
        return { fee: verdict.fee, payer: verdict.payer, code: this.messageCode(tx.message, height, tx.signer ?? verdict.payer, verdict.payer, verdict.fee) };
    }
    endBlock(hashes) {
        this.ante.index(hashes);
    }
    messageCode(message, height, signer, payer, fee) {
        /** What an account holds once the fee is charged (the bank moves it only after the outcome). */
        const spendable = (address) => this.bank.balance(address) - (payer === address ? fee : 0n);
        if (message.type === 'Send')
            return spendable(message.fromAddress) >= message.amountUpokt ? DELIVERED : 'sdk:10';
        if (message.type === 'StakeNode')
            return decideNodeStake(this.world, message, { address: signer, spendable: spendable(signer) });
        if (message.type === 'StakeApp')
            return decideAppStake(this.world, message, signer, spendable(message.applicationAddress));
        if (message.type === 'BeginUnstakeNode' || message.type === 'UnjailNode' || message.type === 'BeginUnstakeApp' || message.type === 'UnjailApp')
            return decideUnstakeOrUnjail(this.world, message);
        if (message.type === 'DAOTransfer')
            return decideDaoTransfer(this.params, message, this.bank.balance(MODULE.dao));
        if (message.type === 'ParamChange')
            return decideParamChange(this.params, message, height);
        if (message.type === 'Upgrade')
            return decideUpgrade(this.params, message);
        return undefined;
    }
}
/** A recorded (code, codespace) in the same notation. */
export function codeText(code, codespace) {
    return code === 0 ? DELIVERED : `${codespace}:${code}`;
}
//# sourceMappingURL=tx-outcomes.js.map