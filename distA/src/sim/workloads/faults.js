import { bytesToHex } from '../../core/hex.js';
import { sha256 } from '../../crypto/hash.js';
import { sign } from '../../crypto/ed25519.js';
import { voteSignBytes } from '../../chain/block.js';
import { BASE_FEE_UPOKT } from '../../messages/index.js';
import { maxEvidenceAgeBlocks } from '../../modules/slashing/index.js';
import { StakeStatus, VALIDATOR_SET_KEY } from '../../modules/nodes/index.js';
const CYCLE_BLOCKS = 48;
const OFFLINE_PHASE_BLOCKS = 30;
const FUNDING_UPOKT = 1000000n;
/** 10,000 × FeeMultiplier(type) (x/auth/types/fee.go). */
export function requiredFee(ctx, msgType) {
    const fees = ctx.state.params().auth.feeMultipliers;
    return BASE_FEE_UPOKT * (fees.overrides.find((o) => o.key === msgType)?.multiplier ?? fees.default);
}
function unjailMsg(validator, signer) {
    return { kind: 'UnjailNode', validatorAddress: validator, signerAddress: signer };
}
function phaseOf(height) {
    return (height - 1) % CYCLE_BLOCKS;
}
function victimOf(ctx) {
    const list = ctx.validatorKeys;
    return list.length === 0 ? undefined : list[Math.floor((ctx.height - 1) / CYCLE_BLOCKS) % list.length];
}
function currentSet(ctx) {
    return ctx.state.nodes.validatorSet.get(VALIDATOR_SET_KEY) ?? [];
}
/** The evidence target of this block, if any (a simulator validator that signed block h − 1). */
function evidenceTarget(ctx) {
    if (ctx.height % 16 !== 8 || ctx.height < 3)
        return undefined;
    const signers = ctx.state.nodes.validatorSet.getAt(VALIDATOR_SET_KEY, ctx.height - 2) ?? [];
    const victim = victimOf(ctx);
    const candidates = ctx.validatorKeys.filter((k) => k !== victim && signers.some((m) => m.address === k.address));
    return candidates.length === 0 ? undefined : candidates[Math.floor(ctx.height / 16) % candidates.length];
}
function vote(ctx, key, height, label) {
    const unsigned = { height, round: 0, blockHash: bytesToHex(sha256(`sim faults ${ctx.height} ${label}`)), timestampNs: ctx.timeNs, validatorAddress: key.address, signature: new Uint8Array(0) };
    return { ...unsigned, signature: sign(key.seed, voteSignBytes(ctx.chainId, unsigned)) };
}
function doubleSign(ctx, key, height) {
    return { publicKey: key.publicKey, voteA: vote(ctx, key, height, 'a'), voteB: vote(ctx, key, height, 'b') };
}
class BlockPlan {
    ctx;
    txs = [];
    spent = new Map();
    constructor(ctx) {
        this.ctx = ctx;
    }
    created = new Set();
    balance(address) {
        return (this.ctx.state.auth.accounts.get(address)?.balanceUpokt ?? 0n) - (this.spent.get(address) ?? 0n);
    }
    /**
     * Whether `address` can sign a tx paying `fee`: it needs an account (in the state, or created by
     * a funding Send earlier in this block) — the ante handler refuses a signer without one with
     * sdk:9 even for a zero fee — and a balance covering the fee.
     */
    canPay(address, fee) {
        const exists = this.ctx.state.auth.accounts.get(address) !== undefined || this.created.has(address);
        return exists && this.balance(address) >= fee;
    }
    charge(address, amountUpokt) {
        this.spent.set(address, (this.spent.get(address) ?? 0n) + amountUpokt);
    }
    add(signer, msg, expect, label, fee) {
        this.txs.push({ bytes: this.ctx.sign(signer, msg, { feeUpokt: fee }), expect, label: `faults/${label}` });
        this.charge(signer.address, fee);
    }
    /** Make sure `validator` can pay `fee` (a Send from a workload account first). */
    fund(validator, fee) {
        if (this.canPay(validator.address, fee))
            return true;
        const sendFee = requiredFee(this.ctx, 'send');
        const payer = this.ctx.keyList.find((k) => this.canPay(k.address, sendFee + FUNDING_UPOKT));
        if (payer === undefined)
            return false;
        const msg = { kind: 'Send', fromAddress: payer.address, toAddress: validator.address, amount: FUNDING_UPOKT.toString() };
        this.add(payer, msg, 'ok', 'fund-validator', sendFee);
        this.charge(payer.address, FUNDING_UPOKT);
        this.charge(validator.address, -FUNDING_UPOKT);
        this.created.add(validator.address);
        return this.canPay(validator.address, fee);
    }
    unjailVictim(victim) {
        const { ctx } = this;
        const validator = ctx.state.nodes.validators.get(victim.address);
        const info = ctx.state.slashing.signingInfos.get(victim.address);
        const minimum = ctx.state.params().pos.stakeMinimumUpokt;
        if (validator === undefined || !validator.jailed || info === undefined || validator.tokensUpokt < minimum || validator.status !== StakeStatus.Staked)
            return;
        if (ctx.state.nodes.waitingValidators.has(victim.address))
            return;
        const fee = requiredFee(ctx, 'unjail_validator');
        if (ctx.prng.chance(0.2) && ctx.keyList.length > 0) {
            const stranger = ctx.prng.pick(ctx.keyList);
            if (this.canPay(stranger.address, fee))
                this.add(stranger, unjailMsg(victim.address, stranger.address), 'pos:125', 'unjail-wrong-signer', fee);
        }
        if (!this.fund(victim, fee))
            return;
        const early = info.jailedUntilNs !== null && ctx.timeNs < info.jailedUntilNs;
        this.add(victim, unjailMsg(victim.address, victim.address), early ? 'pos:104' : 'ok', early ? 'unjail-too-early' : 'unjail', fee);
    }
    unjailUnjailed(victim, target) {
        const { ctx } = this;
        const minimum = ctx.state.params().pos.stakeMinimumUpokt;
        const candidates = ctx.validatorKeys.filter((key) => {
            if (key === victim || key === target)
                return false;
            const validator = ctx.state.nodes.validators.get(key.address);
            const info = ctx.state.slashing.signingInfos.get(key.address);
            return validator !== undefined && !validator.jailed && validator.status === StakeStatus.Staked && validator.tokensUpokt >= 2n * minimum && info !== undefined && info.missedBlocksCounter === 0;
        });
        if (candidates.length === 0)
            return;
        const key = ctx.prng.pick(candidates);
        const fee = requiredFee(ctx, 'unjail_validator');
        if (this.fund(key, fee))
            this.add(key, unjailMsg(key.address, key.address), 'pos:105', 'unjail-not-jailed', fee);
    }
}
function offlineVictim(ctx) {
    const victim = victimOf(ctx);
    if (victim === undefined || phaseOf(ctx.height) >= OFFLINE_PHASE_BLOCKS)
        return undefined;
    const validator = ctx.state.nodes.validators.get(victim.address);
    if (validator === undefined || validator.jailed || validator.status !== StakeStatus.Staked)
        return undefined;
    // Never the last validator standing: the others must keep producing.
    const others = currentSet(ctx).filter((m) => m.address !== victim.address);
    return others.length === 0 ? undefined : victim.address;
}
export function createFaultsWorkload() {
    return {
        name: 'faults',
        accounts: 4,
        propose(ctx) {
            const plan = new BlockPlan(ctx);
            const victim = victimOf(ctx);
            if (victim !== undefined)
                plan.unjailVictim(victim);
            if (ctx.prng.chance(0.1))
                plan.unjailUnjailed(victim, evidenceTarget(ctx));
            return plan.txs;
        },
        faults(ctx) {
            const offline = offlineVictim(ctx);
            const evidence = [];
            const target = evidenceTarget(ctx);
            if (target !== undefined)
                evidence.push(doubleSign(ctx, target, ctx.height - 1));
            if (ctx.height % 32 === 24) {
                // Too old: one block beyond max(1, floor(MaxEvidenceAge minutes / 15)) (ignored).
                const tooOld = ctx.height - maxEvidenceAgeBlocks(ctx.state.params().pos.maxEvidenceAgeNs) - 1;
                const old = ctx.validatorKeys[0];
                if (old !== undefined && old !== target && tooOld >= 1)
                    evidence.push(doubleSign(ctx, old, tooOld));
                evidence.push(doubleSign(ctx, ctx.newKey('faults-stranger'), ctx.height - 1)); // no validator: ignored
            }
            return offline === undefined ? { evidence } : { offline: new Set([offline]), evidence };
        },
    };
}
//# sourceMappingURL=faults.js.map