/**
 * Workload "sends": MsgSend between the workload's own accounts, fresh addresses and the
 * simulator's validators — valid ones and every kind of invalid one, each with the outcome
 * pocket-core gives it (PROTOCOL §0.1 pipeline, §1.2 MsgSend, x/auth/ante.go):
 *
 *   kind                 expect      why
 *   valid                ok          amount ≤ balance − fee (balances projected through the block)
 *   underfunded          sdk:10      amount > balance − fee: the fee is charged, nothing moves
 *   unknown-sender       sdk:9       a never-funded key signs for itself: no account to charge
 *   zero-amount          pos:109     MsgSend.ValidateBasic: amount must be positive (no fee)
 *   fee-too-low          auth:4      declared fee < 10,000 × FeeMultiplier("send") (no fee)
 *   memo-too-long        auth:1      memo > auth/MaxMemoCharacters bytes (no fee)
 *   wrong-chain          sdk:4       signed for another chain id: the signature does not verify
 *   bad-signature        sdk:4       signed by a different key than the one the tx carries
 *   duplicate-in-block   auth:6      the same bytes as a valid tx earlier in this block ([REDUP])
 *   duplicate-earlier    auth:6      the bytes of a tx delivered in the previous block (tx index)
 *   truncated            sdk:2       a valid tx cut short: its length prefix no longer matches
 *   garbage              sdk:2       random bytes whose length prefix claims more than is there
 *   oversized            ledger:1    a signed tx larger than MAX_TX_BYTES (128 KiB; a ledger bound)
 *
 * Balances: the workload owns its accounts (no other workload signs for them), so it projects
 * each balance through the block — start from the state after the previous block, subtract
 * fees and amounts, add incoming amounts — and every expectation above holds exactly.
 */
import { feeForMessageType } from '../../modules/auth/index.js';
import { validateTxBasic } from '../../messages/index.js';
import { prepareTx } from '../../chain/prepare.js';
import { MAX_TX_BYTES } from '../../wire/index.js';
/** Relative weights: mostly valid sends, every invalid kind regularly. */
const WEIGHTS = [
    ['valid', 60],
    ['underfunded', 4],
    ['unknown-sender', 3],
    ['zero-amount', 3],
    ['fee-too-low', 3],
    ['memo-too-long', 3],
    ['wrong-chain', 3],
    ['bad-signature', 3],
    ['duplicate-in-block', 3],
    ['duplicate-earlier', 3],
    ['truncated', 3],
    ['garbage', 3],
    ['oversized', 1],
];
const TOTAL_WEIGHT = WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
function drawKind(prng) {
    let ticket = prng.int(TOTAL_WEIGHT);
    for (const [kind, weight] of WEIGHTS) {
        if (ticket < weight)
            return kind;
        ticket -= weight;
    }
    return 'valid';
}
const EXPECT = {
    underfunded: 'sdk:10',
    'unknown-sender': 'sdk:9',
    'zero-amount': 'pos:109',
    'fee-too-low': 'auth:4',
    'memo-too-long': 'auth:1',
    'wrong-chain': 'sdk:4',
    'bad-signature': 'sdk:4',
    'duplicate-in-block': 'auth:6',
    'duplicate-earlier': 'auth:6',
    truncated: 'sdk:2',
    garbage: 'sdk:2',
    oversized: 'ledger:1',
};
const send = (from, to, amountUpokt) => ({ kind: 'Send', fromAddress: from, toAddress: to, amount: amountUpokt.toString() });
/** One block's proposal: projected balances and the txs so far. */
class BlockPlan {
    ctx;
    requiredFeeUpokt;
    maxMemoBytes;
    txs = [];
    balances = new Map();
    validInBlock = [];
    fresh = 0;
    constructor(ctx, requiredFeeUpokt, maxMemoBytes) {
        this.ctx = ctx;
        this.requiredFeeUpokt = requiredFeeUpokt;
        this.maxMemoBytes = maxMemoBytes;
    }
    balance(address) {
        return this.balances.get(address) ?? this.ctx.state.auth.accounts.get(address)?.balanceUpokt ?? 0n;
    }
    move(address, deltaUpokt) {
        this.balances.set(address, this.balance(address) + deltaUpokt);
    }
    freshKey() {
        return this.ctx.newKey(`sends-fresh-${this.fresh++}`);
    }
    recipient(sender) {
        const { prng } = this.ctx;
        const roll = prng.int(100);
        if (roll < 60)
            return prng.pick(this.ctx.keyList).address;
        if (roll < 80)
            return this.freshKey().address;
        if (roll < 90 && this.ctx.validatorKeys.length > 0)
            return prng.pick(this.ctx.validatorKeys).address;
        return sender.address;
    }
    add(bytes, kind) {
        this.txs.push({ bytes, expect: kind === 'valid' ? 'ok' : EXPECT[kind], label: `send/${kind}` });
        if (kind === 'valid')
            this.validInBlock.push(bytes);
    }
    /** A valid send from a funded sender; undefined if no account can afford one. */
    validSend() {
        const { prng } = this.ctx;
        const sender = prng.pick(this.ctx.keyList);
        const fee = this.requiredFeeUpokt + (prng.chance(0.2) ? BigInt(prng.int(10_000)) : 0n);
        const spendable = this.balance(sender.address) - fee;
        if (spendable < 1n)
            return undefined;
        const cap = spendable / 100n < 1000000000n ? spendable / 100n : 1000000000n;
        const amount = 1n + (cap > 1n ? prng.bigint(cap) : 0n);
        const to = this.recipient(sender);
        const memo = prng.chance(0.2) ? 'sim memo '.slice(0, Math.min(9, this.maxMemoBytes)) : '';
        const bytes = this.ctx.sign(sender, send(sender.address, to, amount), { feeUpokt: fee, memo });
        this.move(sender.address, -(fee + amount));
        this.move(to, amount);
        return { sender, bytes };
    }
    propose(kind) {
        const { ctx } = this;
        const { prng } = ctx;
        const sender = prng.pick(ctx.keyList);
        const other = prng.pick(ctx.keyList);
        const fee = this.requiredFeeUpokt;
        switch (kind) {
            case 'valid': {
                const made = this.validSend();
                if (made !== undefined)
                    this.add(made.bytes, 'valid');
                return;
            }
            case 'underfunded': {
                const balance = this.balance(sender.address);
                if (balance < fee)
                    return;
                const amount = balance - fee + 1n + BigInt(prng.int(1_000_000));
                this.add(ctx.sign(sender, send(sender.address, other.address, amount), { feeUpokt: fee }), kind);
                this.move(sender.address, -fee);
                return;
            }
            case 'unknown-sender': {
                const stranger = this.freshKey();
                if (this.balance(stranger.address) !== 0n)
                    return;
                this.add(ctx.sign(stranger, send(stranger.address, other.address, 1n), { feeUpokt: fee }), kind);
                return;
            }
            case 'zero-amount':
                this.add(ctx.sign(sender, send(sender.address, other.address, 0n), { feeUpokt: fee }), kind);
                return;
            case 'fee-too-low':
                if (fee === 0n)
                    return;
                this.add(ctx.sign(sender, send(sender.address, other.address, 1n), { feeUpokt: fee - 1n - BigInt(prng.int(Number(fee < 1000n ? fee : 1000n))) }), kind);
                return;
            case 'memo-too-long':
                this.add(ctx.sign(sender, send(sender.address, other.address, 1n), { feeUpokt: fee, memo: 'm'.repeat(this.maxMemoBytes + 1 + prng.int(16)) }), kind);
                return;
            case 'wrong-chain':
                this.add(ctx.sign(sender, send(sender.address, other.address, 1n), { feeUpokt: fee, chainId: `${ctx.chainId}-other` }), kind);
                return;
            case 'bad-signature':
                if (other.address === sender.address)
                    return;
                this.add(ctx.sign(sender, send(sender.address, other.address, 1n), { feeUpokt: fee, signWith: other }), kind);
                return;
            case 'duplicate-in-block': {
                if (this.validInBlock.length === 0)
                    return;
                this.add(prng.pick(this.validInBlock), kind);
                return;
            }
            case 'duplicate-earlier': {
                const candidates = ctx.previousBlockTxs.filter((tx) => this.wasIndexedAndPassesBasics(tx));
                if (candidates.length === 0)
                    return;
                this.add(prng.pick(candidates), kind);
                return;
            }
            case 'truncated': {
                const whole = ctx.sign(sender, send(sender.address, other.address, 1n), { feeUpokt: fee });
                this.add(whole.slice(0, 1 + prng.int(whole.byteLength - 1)), kind);
                return;
            }
            case 'garbage': {
                // A first byte claiming 100–127 more bytes, followed by fewer than that.
                const length = 1 + prng.int(99);
                const bytes = prng.bytes(length);
                bytes[0] = 100 + prng.int(28);
                this.add(bytes, kind);
                return;
            }
            case 'oversized': {
                const memo = 'o'.repeat(MAX_TX_BYTES + 1 + prng.int(1024));
                this.add(ctx.sign(sender, send(sender.address, other.address, 1n), { feeUpokt: fee, memo }), kind);
                return;
            }
        }
    }
    /**
     * A previous-block tx that reaches the ante handler's duplicate check (ante.go:51-64): it
     * decodes, passes ValidateBasic and StdTx.ValidateBasic, and its memo is within the limit.
     */
    wasIndexedAndPassesBasics(bytes) {
        if (!this.ctx.state.auth.txIndex.has(hashOf(bytes, this.ctx.chainId)))
            return false;
        const prepared = prepareTx(bytes, this.ctx.chainId);
        if (!prepared.decoded.ok || prepared.message === undefined || !prepared.message.ok)
            return false;
        if (!validateTxBasic(prepared.decoded.value).ok)
            return false;
        return Buffer.byteLength(prepared.decoded.value.memo, 'utf8') <= this.maxMemoBytes;
    }
}
function hashOf(bytes, chainId) {
    return prepareTx(bytes, chainId).hash;
}
export function createSendsWorkload(options = {}) {
    return {
        name: 'sends',
        propose(ctx) {
            const params = ctx.state.params().auth;
            const plan = new BlockPlan(ctx, feeForMessageType('send', params), Number(params.maxMemoCharacters));
            const count = options.validOnly === true ? ctx.txsPerBlock : ctx.prng.int(2 * ctx.txsPerBlock + 1);
            for (let i = 0; i < count; i++)
                plan.propose(options.validOnly === true ? 'valid' : drawKind(ctx.prng));
            return plan.txs;
        },
    };
}
//# sourceMappingURL=sends.js.map