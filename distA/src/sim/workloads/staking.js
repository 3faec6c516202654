import { BASE_FEE_UPOKT, messageType } from '../../messages/index.js';
import { StakeStatus } from '../../modules/nodes/index.js';
import { editPassesBinRule, editStakeBinsOf } from './edit-stake-model.js';
const POKT = 1000000n;
/** Far beyond any reward that could land between two blocks. */
const UNAFFORDABLE_MARGIN_UPOKT = 1000000n * POKT;
/** Weights: the lifecycle (stake, edit, transfer, unstake) most of the time, every rejection regularly. */
const WEIGHTS = [
    ['node/stake', 10],
    ['node/stake-by-output', 4],
    ['node/edit-raise', 6],
    ['node/edit-output', 3],
    ['node/begin-unstake', 4],
    ['app/stake', 10],
    ['app/edit-raise', 4],
    ['app/edit-chains', 3],
    ['app/transfer', 4],
    ['app/begin-unstake', 4],
    ...[
        'node/output-by-operator',
        'node/delegators-by-output',
        'node/edit-lower',
        'node/edit-same-bin',
        'node/edit-waiting',
        'node/stake-unstaking',
        'node/below-minimum',
        'node/unaffordable',
        'node/too-many-chains',
        'node/no-output',
        'node/url-too-long',
        'node/null-output-by-output',
        'node/unstake-unknown',
        'node/unstake-wrong-signer',
        'node/unstake-unstaking',
        'node/bad-url',
        'node/bad-chain',
        'node/zero-value',
        'node/foreign-signer',
        'app/edit-lower',
        'app/edit-unaffordable',
        'app/transfer-to-app',
        'app/transfer-from-unstaking',
        'app/stake-unstaking',
        'app/below-minimum',
        'app/unaffordable',
        'app/too-many-chains',
        'app/unstake-again',
        'app/unstake-unknown',
        'app/unjail-not-jailed',
        'app/unjail-unknown',
        'app/zero-value',
        'app/bad-chain',
    ].map((kind) => [kind, 1]),
];
const TOTAL_WEIGHT = WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
function drawKind(prng) {
    let ticket = prng.int(TOTAL_WEIGHT);
    for (const [kind, weight] of WEIGHTS) {
        if (ticket < weight)
            return kind;
        ticket -= weight;
    }
    return 'node/stake';
}
function rolesOf(keys) {
    const n = keys.length;
    const operators = Math.floor(n / 3);
    const outputs = Math.floor(n / 6);
    const apps = Math.floor(n / 3);
    return {
        operators: keys.slice(0, operators),
        outputs: keys.slice(operators, operators + outputs),
        apps: keys.slice(operators + outputs, operators + outputs + apps),
        spares: keys.slice(operators + outputs + apps),
    };
}
const stakeNode = (operator, value, chains, output, url = 'https://sim-node.example.com:443', delegators = null) => ({
    kind: 'StakeNode',
    publicKey: operator.publicKey,
    chains,
    value: value.toString(),
    serviceUrl: url,
    outputAddress: output ?? '',
    rewardDelegators: delegators,
});
const stakeApp = (app, value, chains) => ({ kind: 'StakeApp', publicKey: app.publicKey, chains, value: value.toString() });
/** One block's proposal: projected balances, the subjects already used, the txs. */
class BlockPlan {
    ctx;
    txs = [];
    balances = new Map();
    used = new Set();
    roles;
    nodeParams;
    appParams;
    chainPool;
    constructor(ctx) {
        this.ctx = ctx;
        this.roles = rolesOf(ctx.keyList);
        const params = ctx.state.params();
        this.nodeParams = params.pos;
        this.appParams = params.application;
        const supported = params.pocketcore.supportedBlockchains.map((c) => c.toUpperCase()).filter((c) => /^([0-9A-F]{2}){1,2}$/.test(c));
        this.chainPool = supported.length > 0 ? supported : ['0001'];
    }
    fee(type) {
        const multipliers = this.ctx.state.params().auth.feeMultipliers;
        const name = messageType(type);
        return BASE_FEE_UPOKT * (multipliers.overrides.find((entry) => entry.key === name)?.multiplier ?? multipliers.default);
    }
    balance(address) {
        return this.balances.get(address) ?? this.ctx.state.auth.accounts.get(address)?.balanceUpokt ?? 0n;
    }
    spend(address, amountUpokt) {
        this.balances.set(address, this.balance(address) - amountUpokt);
    }
    /** Reserve subjects (records or payers) for this block; false if one is taken. */
    claim(...addresses) {
        if (addresses.some((a) => this.used.has(a)))
            return false;
        for (const a of addresses)
            this.used.add(a);
        return true;
    }
    add(signer, msg, type, kind, expect, charged, spendUpokt = 0n) {
        const fee = this.fee(type);
        // A charged tx whose signer cannot pay the fee would end in the ante handler (auth:6) instead.
        if (charged && this.balance(signer.address) < fee + spendUpokt)
            return;
        this.txs.push({ bytes: this.ctx.sign(signer, msg, { feeUpokt: fee }), expect, label: `staking/${kind}` });
        if (charged)
            this.spend(signer.address, fee);
        if (spendUpokt > 0n)
            this.spend(signer.address, spendUpokt);
    }
    chains() {
        const { prng } = this.ctx;
        const count = 1 + prng.int(Math.min(3, this.chainPool.length));
        const out = [];
        for (let i = 0; i < count; i++) {
            const chain = prng.pick(this.chainPool);
            if (!out.includes(chain))
                out.push(chain);
        }
        return out;
    }
    validator(key) {
        return this.ctx.state.nodes.validators.get(key.address);
    }
    app(address) {
        return this.ctx.state.apps.applications.get(address);
    }
    /** A healthy stake: 1.5×–3× StakeMinimum (slash margins), at least 1 POKT. */
    nodeStakeValue() {
        const minimum = this.nodeParams.stakeMinimumUpokt > 0n ? this.nodeParams.stakeMinimumUpokt : POKT;
        return (minimum * BigInt(150 + this.ctx.prng.int(151))) / 100n;
    }
    appStakeValue() {
        const minimum = this.appParams.stakeMinimumUpokt > 0n ? this.appParams.stakeMinimumUpokt : POKT;
        return minimum + BigInt(this.ctx.prng.int(1000)) * POKT;
    }
    /** Pick a member of `keys` satisfying `ok` and not used yet this block. */
    pick(keys, ok) {
        const candidates = keys.filter((key) => !this.used.has(key.address) && ok(key));
        return candidates.length === 0 ? undefined : this.ctx.prng.pick(candidates);
    }
    ownerOf(address) {
        return address === null ? undefined : this.ctx.keys.get(address);
    }
    staked = (key) => this.validator(key)?.status === StakeStatus.Staked;
    editable = (key) => {
        const v = this.validator(key);
        return v !== undefined && v.status === StakeStatus.Staked && !v.jailed && !this.ctx.state.nodes.waitingValidators.has(key.address) && v.tokensUpokt >= this.nodeParams.stakeMinimumUpokt;
    };
    /** A value ≥ tokens that the VEDIT rule accepts (at or above the ceiling, or into a higher bin). */
    raisedValue(tokens) {
        const bins = editStakeBinsOf(this.nodeParams);
        const candidate = tokens + BigInt(1 + this.ctx.prng.int(100)) * POKT;
        if (editPassesBinRule(candidate, tokens, bins))
            return candidate;
        return tokens > bins.ceilingUpokt ? tokens : bins.ceilingUpokt;
    }
    propose(kind) {
        if (kind.startsWith('node/'))
            this.proposeNode(kind);
        else
            this.proposeApp(kind);
    }
    // -------------------------------------------------------------------------------------------
    proposeNode(kind) {
        const { prng } = this.ctx;
        const { operators, outputs } = this.roles;
        if (operators.length === 0 || outputs.length === 0)
            return;
        const fresh = (key) => this.validator(key) === undefined;
        switch (kind) {
            case 'node/stake':
            case 'node/stake-by-output': {
                const op = this.pick(operators, fresh);
                const output = prng.chance(0.7) ? prng.pick(outputs) : op;
                if (op === undefined || output === undefined)
                    return;
                const signer = kind === 'node/stake-by-output' ? output : op;
                const value = this.nodeStakeValue();
                if (this.balance(signer.address) < value + this.fee('StakeNode') || !this.claim(op.address))
                    return;
                const delegators = prng.chance(0.3) ? [[prng.pick(outputs).address, 1 + prng.int(50)]] : null;
                this.add(signer, stakeNode(op, value, this.chains(), output.address, undefined, delegators), 'StakeNode', kind, 'ok', true, value);
                return;
            }
            case 'node/edit-raise': {
                const op = this.pick(operators, this.editable);
                if (op === undefined)
                    return;
                const v = this.validator(op);
                const value = this.raisedValue(v.tokensUpokt);
                if (v.outputAddress === null || this.balance(op.address) < value - v.tokensUpokt + this.slashMargin(v) + this.fee('StakeNode') || !this.claim(op.address))
                    return;
                const delegators = v.rewardDelegators === null ? null : Object.entries(v.rewardDelegators);
                this.add(op, stakeNode(op, value, this.chains(), v.outputAddress, undefined, delegators), 'StakeNode', kind, 'ok', true, value - v.tokensUpokt);
                return;
            }
            case 'node/edit-output': {
                const op = this.pick(operators, (k) => this.editable(k) && this.ownerOf(this.validator(k).outputAddress) !== undefined);
                if (op === undefined)
                    return;
                const v = this.validator(op);
                const current = this.ownerOf(v.outputAddress);
                const next = prng.pick([...outputs, op]);
                if (next.address === v.outputAddress || !editPassesBinRule(v.tokensUpokt, v.tokensUpokt, editStakeBinsOf(this.nodeParams)))
                    return;
                if (this.balance(current.address) < this.slashMargin(v) + this.fee('StakeNode') || !this.claim(op.address, current.address))
                    return;
                const delegators = v.rewardDelegators === null ? null : Object.entries(v.rewardDelegators);
                this.add(current, stakeNode(op, v.tokensUpokt, v.chains, next.address, v.serviceUrl, delegators), 'StakeNode', kind, 'ok', true);
                return;
            }
            case 'node/begin-unstake': {
                const op = this.pick(operators, this.staked);
                if (op === undefined || !this.claim(op.address))
                    return;
                this.add(op, { kind: 'BeginUnstakeNode', validatorAddress: op.address, signerAddress: op.address }, 'BeginUnstakeNode', kind, 'ok', true);
                return;
            }
            case 'node/output-by-operator': {
                const op = this.pick(operators, (k) => this.staked(k) && this.validator(k).outputAddress !== null && this.validator(k).outputAddress !== k.address);
                if (op === undefined)
                    return;
                const v = this.validator(op);
                if (this.balance(op.address) < this.slashMargin(v) + this.fee('StakeNode') || !this.claim(op.address))
                    return;
                this.add(op, stakeNode(op, v.tokensUpokt, v.chains, op.address), 'StakeNode', kind, this.editExpectation(v, 'pos:127'), true);
                return;
            }
            case 'node/delegators-by-output': {
                const op = this.pick(operators, (k) => this.staked(k) && this.ownerOf(this.validator(k).outputAddress) !== undefined && this.validator(k).outputAddress !== k.address);
                if (op === undefined)
                    return;
                const v = this.validator(op);
                const output = this.ownerOf(v.outputAddress);
                if (this.balance(output.address) < this.slashMargin(v) + this.fee('StakeNode') || !this.claim(op.address, output.address))
                    return;
                const delegators = [[output.address, 1 + ((v.rewardDelegators?.[output.address] ?? 0) % 50)]];
                this.add(output, stakeNode(op, v.tokensUpokt, v.chains, v.outputAddress, v.serviceUrl, delegators), 'StakeNode', kind, this.editExpectation(v, 'pos:129'), true);
                return;
            }
            case 'node/edit-lower': {
                const op = this.pick(operators, this.staked);
                if (op === undefined || !this.claim(op.address))
                    return;
                const v = this.validator(op);
                this.add(op, stakeNode(op, v.tokensUpokt / 2n, v.chains, v.outputAddress), 'StakeNode', kind, 'pos:122', true);
                return;
            }
            case 'node/edit-same-bin': {
                const bins = editStakeBinsOf(this.nodeParams);
                const op = this.pick(operators, (k) => this.staked(k) && !editPassesBinRule(this.validator(k).tokensUpokt, this.validator(k).tokensUpokt, bins));
                if (op === undefined || !this.claim(op.address))
                    return;
                const v = this.validator(op);
                this.add(op, stakeNode(op, v.tokensUpokt, v.chains, v.outputAddress), 'StakeNode', kind, 'pos:122', true);
                return;
            }
            case 'node/edit-waiting': {
                const op = this.pick(operators, (k) => this.staked(k) && this.ctx.state.nodes.waitingValidators.has(k.address));
                if (op === undefined || !this.claim(op.address))
                    return;
                const v = this.validator(op);
                const value = this.raisedValue(v.tokensUpokt);
                if (v.outputAddress === null || this.balance(op.address) < value - v.tokensUpokt + this.slashMargin(v) + this.fee('StakeNode'))
                    return;
                const delegators = v.rewardDelegators === null ? null : Object.entries(v.rewardDelegators);
                this.add(op, stakeNode(op, value, v.chains, v.outputAddress, v.serviceUrl, delegators), 'StakeNode', kind, 'pos:117', true);
                return;
            }
            case 'node/stake-unstaking': {
                const op = this.pick(operators, (k) => this.validator(k)?.status === StakeStatus.Unstaking);
                if (op === undefined || !this.claim(op.address))
                    return;
                this.add(op, stakeNode(op, this.nodeStakeValue(), this.chains(), op.address), 'StakeNode', kind, 'pos:110', true);
                return;
            }
            case 'node/below-minimum': {
                const op = this.pick(operators, fresh);
                if (op === undefined || this.nodeParams.stakeMinimumUpokt <= 1n || !this.claim(op.address))
                    return;
                this.add(op, stakeNode(op, this.nodeParams.stakeMinimumUpokt - 1n, this.chains(), op.address), 'StakeNode', kind, 'pos:111', true);
                return;
            }
            case 'node/unaffordable': {
                const op = this.pick(operators, fresh);
                if (op === undefined || !this.claim(op.address))
                    return;
                const value = this.balance(op.address) + UNAFFORDABLE_MARGIN_UPOKT;
                if (value < this.nodeParams.stakeMinimumUpokt)
                    return;
                this.add(op, stakeNode(op, value, this.chains(), op.address), 'StakeNode', kind, 'pos:112', true);
                return;
            }
            case 'node/too-many-chains': {
                const op = this.pick(operators, fresh);
                const count = Number(this.nodeParams.maximumChains) + 1;
                if (op === undefined || count > 200 || !this.claim(op.address))
                    return;
                const chains = Array.from({ length: count }, (_, i) => (i + 1).toString(16).toUpperCase().padStart(4, '0'));
                this.add(op, stakeNode(op, this.nodeStakeValue(), chains, op.address), 'StakeNode', kind, 'pos:120', true);
                return;
            }
            case 'node/no-output': {
                const op = this.pick(operators, fresh);
                if (op === undefined || !this.claim(op.address))
                    return;
                this.add(op, stakeNode(op, this.nodeStakeValue(), this.chains(), null), 'StakeNode', kind, 'pos:123', true);
                return;
            }
            case 'node/url-too-long': {
                const op = this.pick(operators, fresh);
                if (op === undefined || !this.claim(op.address))
                    return;
                this.add(op, stakeNode(op, this.nodeStakeValue(), this.chains(), op.address, `https://${'n'.repeat(250)}.example.com:443`), 'StakeNode', kind, 'pos:118', true);
                return;
            }
            case 'node/null-output-by-output': {
                const op = this.pick(operators, (k) => this.staked(k) && this.ownerOf(this.validator(k).outputAddress) !== undefined && this.validator(k).outputAddress !== k.address);
                if (op === undefined)
                    return;
                const v = this.validator(op);
                const output = this.ownerOf(v.outputAddress);
                if (!this.claim(op.address, output.address))
                    return;
                this.add(output, stakeNode(op, v.tokensUpokt, v.chains, null), 'StakeNode', kind, 'pos:125', true);
                return;
            }
            case 'node/unstake-unknown': {
                const signer = this.pick(this.roles.spares.length > 0 ? this.roles.spares : outputs, () => true);
                if (signer === undefined || !this.claim(signer.address))
                    return;
                const unknown = this.ctx.newKey(`staking-unknown-node-${this.txs.length}`);
                this.add(signer, { kind: 'BeginUnstakeNode', validatorAddress: unknown.address, signerAddress: signer.address }, 'BeginUnstakeNode', kind, 'pos:101', true);
                return;
            }
            case 'node/unstake-wrong-signer': {
                const op = this.pick(operators, (k) => this.validator(k) !== undefined);
                const stranger = this.pick(this.roles.apps, (k) => this.validator(op ?? k)?.outputAddress !== k.address);
                if (op === undefined || stranger === undefined || !this.claim(op.address, stranger.address))
                    return;
                this.add(op, { kind: 'BeginUnstakeNode', validatorAddress: op.address, signerAddress: stranger.address }, 'BeginUnstakeNode', kind, 'pos:125', true);
                return;
            }
            case 'node/unstake-unstaking': {
                const op = this.pick(operators, (k) => this.validator(k)?.status === StakeStatus.Unstaking);
                if (op === undefined || !this.claim(op.address))
                    return;
                this.add(op, { kind: 'BeginUnstakeNode', validatorAddress: op.address, signerAddress: op.address }, 'BeginUnstakeNode', kind, 'pos:110', true);
                return;
            }
            case 'node/bad-url':
            case 'node/bad-chain':
            case 'node/zero-value':
            case 'node/foreign-signer': {
                const op = this.pick(operators, () => true);
                if (op === undefined || !this.claim(op.address))
                    return;
                if (kind === 'node/bad-url')
                    this.add(op, stakeNode(op, this.nodeStakeValue(), this.chains(), op.address, prng.pick(['ftp://x.y:1', 'https://nodot:443', 'https://a.b', 'https://a.b:70000'])), 'StakeNode', kind, 'pos:118', false);
                if (kind === 'node/bad-chain')
                    this.add(op, stakeNode(op, this.nodeStakeValue(), ['0001', prng.pick(['', 'abc', '000001', 'zz'])], op.address), 'StakeNode', kind, 'pos:119', false);
                if (kind === 'node/zero-value')
                    this.add(op, stakeNode(op, 0n, this.chains(), op.address), 'StakeNode', kind, 'pos:102', false);
                if (kind === 'node/foreign-signer') {
                    // Signed by an app key that is neither operator, output nor current output: no signer matches.
                    const stranger = this.pick(this.roles.apps, (k) => this.validator(op)?.outputAddress !== k.address);
                    if (stranger === undefined)
                        return;
                    this.add(stranger, stakeNode(op, this.nodeStakeValue(), this.chains(), op.address), 'StakeNode', kind, 'sdk:4', false);
                }
                return;
            }
            default:
                return;
        }
    }
    /** A same-value edit answers pos:122 below the ceiling (VEDIT) before the check of interest. */
    editExpectation(v, code) {
        return editPassesBinRule(v.tokensUpokt, v.tokensUpokt, editStakeBinsOf(this.nodeParams)) ? code : 'pos:122';
    }
    /**
     * A same-value edit of a node slashed in this block's BeginBlock becomes a raise of the burned
     * amount, which the signer must then pay: keep 1% of the stake spare (slash fractions are far
     * smaller; a slash big enough to matter force-unstakes first, and those nodes are not edited).
     */
    slashMargin(v) {
        return v.tokensUpokt / 100n;
    }
    // -------------------------------------------------------------------------------------------
    proposeApp(kind) {
        const { prng } = this.ctx;
        const { apps, spares } = this.roles;
        if (apps.length === 0)
            return;
        const holders = [...apps, ...spares];
        const noApp = (key) => this.app(key.address) === undefined;
        const stakedApp = (key) => this.app(key.address)?.status === StakeStatus.Staked;
        const unstakingApp = (key) => this.app(key.address)?.status === StakeStatus.Unstaking;
        switch (kind) {
            case 'app/stake': {
                const app = this.pick(apps, noApp);
                const value = this.appStakeValue();
                if (app === undefined || this.balance(app.address) < value + this.fee('StakeApp'))
                    return;
                if (BigInt(this.ctx.state.apps.stakedCount.count) >= this.appParams.maxApplications || !this.claim(app.address))
                    return;
                this.add(app, stakeApp(app, value, this.chains()), 'StakeApp', kind, 'ok', true, value);
                return;
            }
            case 'app/edit-raise':
            case 'app/edit-chains': {
                const app = this.pick(holders, stakedApp);
                if (app === undefined)
                    return;
                const current = this.app(app.address);
                const added = kind === 'app/edit-raise' ? BigInt(1 + prng.int(100)) * POKT : 0n;
                if (this.balance(app.address) < added + this.fee('StakeApp') || !this.claim(app.address))
                    return;
                this.add(app, stakeApp(app, current.stakedTokensUpokt + added, this.chains()), 'StakeApp', kind, 'ok', true, added);
                return;
            }
            case 'app/transfer': {
                const from = this.pick(holders, stakedApp);
                const to = this.pick(holders, (k) => noApp(k) && k.address !== from?.address);
                if (from === undefined || to === undefined || !this.claim(from.address, to.address))
                    return;
                this.add(from, stakeApp(to, '0', []), 'StakeApp', kind, 'ok', true);
                return;
            }
            case 'app/begin-unstake': {
                const app = this.pick(holders, (k) => stakedApp(k) && !this.app(k.address).jailed);
                if (app === undefined || !this.claim(app.address))
                    return;
                this.add(app, { kind: 'BeginUnstakeApp', applicationAddress: app.address }, 'BeginUnstakeApp', kind, 'ok', true);
                return;
            }
            case 'app/edit-lower': {
                const app = this.pick(holders, (k) => stakedApp(k) && this.app(k.address).stakedTokensUpokt > 1n);
                if (app === undefined || !this.claim(app.address))
                    return;
                this.add(app, stakeApp(app, this.app(app.address).stakedTokensUpokt / 2n, this.chains()), 'StakeApp', kind, 'application:120', true);
                return;
            }
            case 'app/edit-unaffordable': {
                const app = this.pick(holders, stakedApp);
                if (app === undefined || !this.claim(app.address))
                    return;
                const value = this.app(app.address).stakedTokensUpokt + this.balance(app.address) + UNAFFORDABLE_MARGIN_UPOKT;
                this.add(app, stakeApp(app, value, this.chains()), 'StakeApp', kind, 'application:112', true);
                return;
            }
            case 'app/transfer-to-app': {
                const from = this.pick(holders, stakedApp);
                const to = this.pick(holders, (k) => stakedApp(k) && k.address !== from?.address && this.app(k.address).stakedTokensUpokt > 0n);
                if (from === undefined || to === undefined || !this.claim(from.address, to.address))
                    return;
                this.add(from, stakeApp(to, '0', []), 'StakeApp', kind, 'application:120', true);
                return;
            }
            case 'app/transfer-from-unstaking': {
                const from = this.pick(holders, unstakingApp);
                const to = this.pick(holders, (k) => noApp(k) && k.address !== from?.address);
                if (from === undefined || to === undefined || this.appParams.stakeMinimumUpokt <= 0n || !this.claim(from.address, to.address))
                    return;
                this.add(from, stakeApp(to, '0', []), 'StakeApp', kind, 'application:111', true);
                return;
            }
            case 'app/stake-unstaking': {
                const app = this.pick(holders, unstakingApp);
                if (app === undefined || !this.claim(app.address))
                    return;
                this.add(app, stakeApp(app, this.appStakeValue(), this.chains()), 'StakeApp', kind, 'application:110', true);
                return;
            }
            case 'app/below-minimum': {
                const app = this.pick(apps, noApp);
                if (app === undefined || this.appParams.stakeMinimumUpokt <= 1n || !this.claim(app.address))
                    return;
                this.add(app, stakeApp(app, this.appParams.stakeMinimumUpokt - 1n, this.chains()), 'StakeApp', kind, 'application:111', true);
                return;
            }
            case 'app/unaffordable': {
                const app = this.pick(apps, noApp);
                if (app === undefined || !this.claim(app.address))
                    return;
                const value = this.balance(app.address) + UNAFFORDABLE_MARGIN_UPOKT;
                this.add(app, stakeApp(app, value, this.chains()), 'StakeApp', kind, 'application:112', true);
                return;
            }
            case 'app/too-many-chains': {
                const app = this.pick(apps, noApp);
                const count = Number(this.appParams.maximumChains) + 1;
                if (app === undefined || count > 200 || !this.claim(app.address))
                    return;
                const chains = Array.from({ length: count }, (_, i) => (i + 1).toString(16).toUpperCase().padStart(4, '0'));
                this.add(app, stakeApp(app, this.appStakeValue(), chains), 'StakeApp', kind, 'application:118', true);
                return;
            }
            case 'app/unstake-again': {
                const app = this.pick(holders, unstakingApp);
                if (app === undefined || !this.claim(app.address))
                    return;
                this.add(app, { kind: 'BeginUnstakeApp', applicationAddress: app.address }, 'BeginUnstakeApp', kind, 'sdk:1', true);
                return;
            }
            case 'app/unstake-unknown':
            case 'app/unjail-unknown': {
                const key = this.pick(holders, noApp);
                if (key === undefined || !this.claim(key.address))
                    return;
                const msg = kind === 'app/unstake-unknown' ? { kind: 'BeginUnstakeApp', applicationAddress: key.address } : { kind: 'UnjailApp', applicationAddress: key.address };
                this.add(key, msg, kind === 'app/unstake-unknown' ? 'BeginUnstakeApp' : 'UnjailApp', kind, 'application:101', true);
                return;
            }
            case 'app/unjail-not-jailed': {
                const app = this.pick(holders, (k) => this.app(k.address) !== undefined && !this.app(k.address).jailed);
                if (app === undefined || !this.claim(app.address))
                    return;
                this.add(app, { kind: 'UnjailApp', applicationAddress: app.address }, 'UnjailApp', kind, 'application:105', true);
                return;
            }
            case 'app/zero-value': {
                const app = this.pick(apps, () => true);
                if (app === undefined || !this.claim(app.address))
                    return;
                this.add(app, stakeApp(app, '0', this.chains()), 'StakeApp', kind, 'application:115', false);
                return;
            }
            case 'app/bad-chain': {
                const app = this.pick(apps, () => true);
                if (app === undefined || !this.claim(app.address))
                    return;
                this.add(app, stakeApp(app, this.appStakeValue(), [prng.pick(['aaaaaa', 'x1', '123'])]), 'StakeApp', kind, 'application:117', false);
                return;
            }
            default:
                return;
        }
    }
}
export function createStakingWorkload() {
    return {
        name: 'staking',
        propose(ctx) {
            if (ctx.keyList.length < 8)
                return [];
            const plan = new BlockPlan(ctx);
            const attempts = 2 * Math.max(2, Math.min(ctx.txsPerBlock, 12));
            for (let i = 0; i < attempts && plan.txs.length < attempts / 2; i++)
                plan.propose(drawKind(ctx.prng));
            return plan.txs;
        },
    };
}
//# sourceMappingURL=staking.js.map