import { applicationBurns, blockReward, relayReward, replayBurn, slashAmount } from './economics.js';
import { formatDecimal } from './dec.js';
import { signerAddress } from './address.js';
import { evidenceAgeBlocks, minBlocksSignedPerWindow, SigningTracker } from './signing.js';
import { appMaxRelays } from './app-relays.js';
import { claimHeaderHash, claimKey, ClaimBook } from './claims.js';
import { proofClaimKey } from './proofs.js';
import { SessionHistory } from './session-history.js';
import { mergeUpgrade } from './gov.js';
export const MODULE = {
    fee_collector: 'f1829676db577682e944fc3493d451b67ff3e29f',
    staked_tokens_pool: '8ef97b488e66a2b2e89a3b4999549816768910fb',
    application_staked_tokens_pool: '63533fb8f43b4883a1f37265f1561ce7b1c6c307',
    dao: '6386713deb27b609daad5e2e32ee6591753e5f4e',
    pos: '7160f8688035138fcbc9a6c8041949ebea0c0d21',
    application: '1fe289205936c3fdb61158223892c7a8bee6ff4d',
}; // SHA-256(name)[:20], PROTOCOL §0
/** How many blocks of last-commit powers are kept for double-sign evidence at least (more when the evidence age allows older evidence). */
const KEPT_COMMITS = 100;
/** Features whose switching off changes the claim and proof rules (PROTOCOL §12.1). */
const CLAIM_PROOF_FEATURES = ['MREL', 'MAXCH', 'REPBR', 'CODEC'];
export class ShadowLedger {
    params;
    bank;
    nodes = new Map();
    apps = new Map();
    /** Live claims and settled markers (claims.ts). */
    claims = new ClaimBook();
    /** Session-start snapshots, block hashes and the history floor (session-history.ts). */
    history;
    pools;
    /** Signing infos and missed bits (signing.ts). */
    signing = new SigningTracker();
    /** Evidence height e → the powers of the set that signed block e (block e + 1's last commit). */
    signerPowers = new Map();
    /** What this block's slashing derived (BeginBlock and EndBlock), in order. */
    derivedEvents = [];
    blockMint = 0n;
    blockTimeNs = 0n;
    blockHeight = 0;
    /** Apps transferred away in this block (their old record is deleted). */
    transferredApps = [];
    /** Nodes whose stake fell below StakeMinimum after a slash or burn in this block (§6.6). */
    belowMinimum = [];
    constructor(params, pools, bank, genesisHeight = 0) {
        this.params = params;
        this.bank = bank;
        this.pools = { ...pools, minted: 0n, burned: 0n };
        this.history = new SessionHistory(genesisHeight);
    }
    /** The current block's time (ns). */
    get timeNs() {
        return this.blockTimeNs;
    }
    /** Whether an upgrade names one of `keys` (default: the claim and proof rules' features). */
    featuresChanged(keys = CLAIM_PROOF_FEATURES) {
        const named = this.params.upgradeFeatures().map((f) => f.slice(0, f.lastIndexOf(':')));
        return named.some((key) => keys.includes(key));
    }
    /** A delivered Claim joins the live claims, expiring at h + ClaimExpiration·BPS (session-start params, claim.go:232-239). */
    claimDelivered(message) {
        const start = this.history.at(message.header.sessionHeight);
        const expiresAt = start === undefined ? null : this.blockHeight + Number(start.params.claimExpiration) * start.params.blocksPerSession;
        const key = claimKey(message.fromAddress, message.header.appPublicKey, message.header.chain, message.header.sessionHeight, message.evidenceType);
        const root = { hashHex: message.merkleRoot.hashHex, lower: message.merkleRoot.lower, upper: message.merkleRoot.upper };
        this.claims.open(key, { servicer: message.fromAddress, sessionHeight: message.header.sessionHeight, headerHash: claimHeaderHash(message), totalProofs: message.totalProofs, root, expiresAt });
    }
    /** BeginBlock (PROTOCOL §6.3): the block reward for the previous proposer, then downtime (§6.5) and double-sign evidence (§6.6). */
    beginBlock(header, previousProposer) {
        const height = header.height;
        this.blockTimeNs = header.timeNs;
        this.blockHeight = height;
        this.transferredApps = [];
        this.belowMinimum = [];
        this.derivedEvents = [];
        this.pools.minted = 0n;
        this.pools.burned = 0n;
        this.blockMint = 0n;
        // The feature activations scheduled for this height come first (the ledger's BeginBlock order).
        this.params.activateFeatures(height);
        this.history.recordPreviousHash(height, header.prevBlockHash);
        // pocketcore BeginBlock (claim.go:374-389): expired claims go before any tx.
        this.claims.expire(height);
        const lines = [];
        if (height > 1 && this.pools.fee > 0n)
            lines.push(...this.payBlockReward(previousProposer));
        this.downtime(header, lines);
        this.doubleSigns(header, lines);
        return lines;
    }
    /** The slashing outcomes derived in this block so far (BeginBlock, then EndBlock's force unstakes). */
    get derived() {
        return this.derivedEvents;
    }
    /**
     * Every vote of the last commit (the set that signed h − 1, in header order) of a node the
     * shadow knows: its signing info; crossing SignedBlocksWindow − MinBlocksSignedPerWindow
     * slashes power × SlashFractionDowntime, resets the window and jails until block time +
     * DowntimeJailDuration (a node already jailed — or just forced out by that slash — is not
     * jailed again). Params in force before this block's txs.
     */
    downtime(header, lines) {
        const p = this.params;
        const window = p.int('pos/SignedBlocksWindow');
        const maxMissed = window - minBlocksSignedPerWindow(window, p.dec('pos/MinSignedPerWindow'));
        for (const vote of header.lastCommit) {
            const node = this.nodes.get(vote.address);
            if (node === undefined)
                continue; // unknown validator (e.g. already deleted): skipped
            const verdict = this.signing.vote(vote.address, header.height, vote.signed, window, maxMissed);
            if (verdict === undefined || !verdict.downtime)
                continue;
            this.slash(vote.address, node, vote.power, p.dec('pos/SlashFractionDowntime'), 'downtime', lines);
            this.signing.jailForDowntime(vote.address, header.timeNs + p.int('pos/DowntimeJailDuration'));
            if (!node.jailed) {
                node.jailed = true;
                this.derivedEvents.push({ address: vote.address, line: 'jail/downtime', amount: null });
            }
        }
    }
    /**
     * Each evidence item (header order): about height e, handled when h − e ≤ max(1,
     * floor(MaxEvidenceAge minutes / 15)), its key's node exists with a signing info, and the node
     * was in the set that signed e (its power there; Tendermint passes the including block's own
     * time as the evidence time, so the time-age check never fires). Effect: a slash only.
     */
    doubleSigns(header, lines) {
        const h = header.height;
        const maxAge = evidenceAgeBlocks(this.params.int('pos/MaxEvidenceAge'));
        this.signerPowers.set(h - 1, new Map(header.lastCommit.map((v) => [v.address, v.power])));
        const keep = Math.max(maxAge, KEPT_COMMITS);
        this.signerPowers.delete(h - 1 - keep);
        for (const evidence of header.evidence) {
            const e = evidence.voteA.height;
            if (h - e > maxAge)
                continue;
            const address = signerAddress(evidence.publicKey);
            const node = address === null ? undefined : this.nodes.get(address);
            if (address === null || node === undefined || !this.signing.has(address))
                continue;
            const power = this.signerPowers.get(e)?.get(address);
            if (power === undefined)
                continue; // not in the set that signed e (Tendermint refuses such evidence)
            this.slash(address, node, power, this.params.dec('pos/SlashFractionDoubleSign'), 'double_sign', lines);
        }
    }
    /** slash (§6.6): ignored for a fraction ≤ 0; else min(trunc(power × 10^6 × fraction), tokens) burned. */
    slash(address, node, power, fraction, reason, lines) {
        if (fraction <= 0n)
            return;
        const amount = slashAmount(power, fraction, node.tokens);
        this.burnStake(node, amount);
        lines.push({ kind: 'slash', subject: address, role: reason, address, amount });
        this.derivedEvents.push({ address, line: `slash/${reason}`, amount });
    }
    payBlockReward(previousProposer) {
        const p = this.params;
        const proposer = previousProposer === null ? undefined : this.nodes.get(previousProposer);
        const reward = blockReward(this.pools.fee, p.int('pos/FeeBurnPercentage'), p.int('pos/DAOAllocation'), p.int('pos/ProposerPercentage'), proposer);
        this.pools.fee = reward.retained;
        this.pools.dao += reward.dao;
        this.burn(reward.burned);
        this.bank.debit(MODULE.fee_collector, reward.burned);
        this.bank.move(MODULE.fee_collector, MODULE.dao, reward.dao);
        for (const share of reward.shares)
            this.bank.move(MODULE.fee_collector, share.address, share.amount);
        const line = (role, address, amount) => ({ kind: 'block', subject: previousProposer, role, address, amount });
        return [line('burn', null, reward.burned), line('dao', null, reward.dao), ...reward.shares.map((s) => line(`proposer_${s.role}`, s.address, s.amount)), line('retained', null, reward.retained)];
    }
    /** One transaction: its fee (as charged) and, when delivered, the message's money effects. */
    deliverTx(message, signer, outcome) {
        this.pools.fee += outcome.feeCharged;
        if (outcome.payer !== null)
            this.bank.move(outcome.payer, MODULE.fee_collector, outcome.feeCharged);
        if (message === undefined)
            return [];
        if (outcome.code !== 0) {
            // pocketcore:86 — a replay attack burns and deletes the claim although the tx fails (§4.8).
            if (message.type === 'Proof' && outcome.codespace === 'pocketcore' && outcome.code === 86)
                return this.replayAttack(message);
            // pos:105 with the stake below the minimum: the unjail still queues the unstake (§1.2,
            // §12.2 #1); the same code for a node that is simply not jailed changes nothing.
            if (message.type === 'UnjailNode' && outcome.codespace === 'pos' && outcome.code === 105) {
                const node = this.nodes.get(message.validatorAddress);
                if (node !== undefined && node.tokens < this.params.int('pos/StakeMinimum'))
                    this.queueUnstake(message.validatorAddress);
            }
            return [];
        }
        switch (message.type) {
            case 'Send':
                this.moduleMove(message.fromAddress, -message.amountUpokt);
                this.moduleMove(message.toAddress, message.amountUpokt);
                this.bank.move(message.fromAddress, message.toAddress, message.amountUpokt);
                return [];
            case 'BeginUnstakeNode':
                this.queueUnstake(message.validatorAddress);
                return [];
            case 'UnjailNode': {
                // UnjailValidator (§1.2, §6.8): free, and the signing info's counters reset.
                const node = this.nodes.get(message.validatorAddress);
                if (node !== undefined && node.jailed) {
                    node.jailed = false;
                    this.signing.reset(message.validatorAddress, this.blockHeight);
                }
                return [];
            }
            case 'StakeNode':
                this.stakeNode(message, outcome.payer);
                return [];
            case 'StakeApp':
                this.stakeApp(message, signer);
                return [];
            case 'BeginUnstakeApp': {
                const app = this.apps.get(message.applicationAddress);
                // Immediate (PROTOCOL §6.4): the stake returns at the first EndBlock at or after this.
                if (app !== undefined)
                    app.unstakingAtNs = this.blockTimeNs + this.params.int('application/AppUnstakingTime');
                return [];
            }
            case 'UnjailApp': {
                const app = this.apps.get(message.applicationAddress);
                if (app !== undefined)
                    app.jailed = false;
                return [];
            }
            case 'Claim':
                this.claimDelivered(message);
                return [];
            case 'Upgrade':
                this.params.setUpgrade(mergeUpgrade(this.params.upgrade(), message));
                return [];
            case 'Proof':
                return this.proof(message);
            case 'ParamChange':
                this.params.change(message.paramKey, message.paramValue);
                return [];
            case 'DAOTransfer':
                this.pools.dao -= message.amountUpokt;
                if (message.action === 'dao_burn') {
                    this.burn(message.amountUpokt);
                    this.bank.debit(MODULE.dao, message.amountUpokt);
                }
                else if (message.toAddress !== null) {
                    this.moduleMove(message.toAddress, message.amountUpokt);
                    this.bank.move(MODULE.dao, message.toAddress, message.amountUpokt);
                }
                return [];
            default:
                return [];
        }
    }
    /**
     * EndBlock (PROTOCOL §6.3, §6.4, §6.7): the force unstakes below the minimum join the waiting
     * set; every jailed node's jailed-blocks counter grows, and one above MaxJailedBlocks is
     * forced out (joins the waiting set; derived when it is Staked and not yet waiting); at a
     * session end the waiting nodes begin unstaking (release time + UnstakingTime); nodes and apps
     * whose unstaking time has come are removed (a node's signing info with it); then the
     * ApplicationBurnRate burns. Returns the node and app records removed in this block (apps also
     * when transferred away by a tx), for the comparison with the recorded deletions.
     */
    endBlock(height) {
        for (const address of this.belowMinimum)
            this.queueUnstake(address);
        const maxJailed = this.params.int('pos/MaxJailedBlocks');
        for (const [address, node] of this.nodes) {
            if (!node.jailed || !this.signing.countJailedBlock(address, height, maxJailed))
                continue;
            if (node.unstakingAtNs === null && !node.waiting)
                this.derivedEvents.push({ address, line: 'force_unstake/max_jailed_blocks', amount: null });
            node.waiting = true;
        }
        if (height % Number(this.params.int('pos/BlocksPerSession')) === 0) {
            for (const node of this.nodes.values()) {
                if (!node.waiting)
                    continue;
                node.waiting = false;
                if (node.unstakingAtNs === null)
                    node.unstakingAtNs = this.blockTimeNs + this.params.int('pos/UnstakingTime');
            }
        }
        const maturedNodes = [...this.nodes].filter(([, node]) => node.unstakingAtNs !== null && node.unstakingAtNs <= this.blockTimeNs).map(([address]) => address);
        for (const address of maturedNodes) {
            const node = this.nodes.get(address);
            this.pools.node -= node.tokens;
            // The whole stake returns to the output address, else the operator (§6.4).
            this.bank.move(MODULE.staked_tokens_pool, node.outputAddress ?? node.operator, node.tokens);
            this.nodes.delete(address);
            this.signing.delete(address);
        }
        const matured = [...this.apps].filter(([, app]) => app.unstakingAtNs !== null && app.unstakingAtNs <= this.blockTimeNs).map(([address]) => address);
        for (const address of matured) {
            const stake = this.apps.get(address).stake;
            this.pools.app -= stake;
            this.bank.move(MODULE.application_staked_tokens_pool, address, stake);
            this.apps.delete(address);
        }
        const rate = this.params.dec('application/ApplicationBurnRate');
        const removed = { nodes: maturedNodes, apps: [...matured, ...this.transferredApps] };
        if (rate !== 0n && this.blockMint !== 0n)
            this.burnApplications(rate);
        this.endSessionBlock(height);
        return removed;
    }
    /** pocketcore's end of block h: the session history's snapshots, then the history floor (session-history.ts). */
    endSessionBlock(height) {
        const p = this.params;
        this.history.endBlock(height, this.startParams(), this);
        const floor = this.history.advanceFloor(height, p.int('pocketcore/ClaimSubmissionWindow'), p.int('pos/BlocksPerSession'), this.claims.oldestSessionHeight());
        this.claims.forgetSettledBelow(floor);
    }
    startParams() {
        const p = this.params;
        return {
            blocksPerSession: Number(p.int('pos/BlocksPerSession')),
            sessionNodeCount: Number(p.int('pocketcore/SessionNodeCount')),
            minimumProofs: p.int('pocketcore/MinimumNumberOfProofs'),
            supportedChains: p.list('pocketcore/SupportedBlockchains'),
            claimSubmissionWindow: Number(p.int('pocketcore/ClaimSubmissionWindow')),
            claimExpiration: p.int('pocketcore/ClaimExpiration'),
            nodeMaxChains: p.int('pos/MaximumChains'),
            appMaxChains: p.int('application/MaximumChains'),
        };
    }
    /** ApplicationBurnRate (§5): every staked app burns its share of the block's mint. */
    burnApplications(rate) {
        const staked = [...this.apps].filter(([, app]) => app.unstakingAtNs === null).map(([address, app]) => ({ address, stake: app.stake }));
        for (const [address, amount] of applicationBurns(this.blockMint, rate, staked)) {
            this.apps.get(address).stake -= amount;
            this.pools.app -= amount;
            this.burn(amount);
            this.bank.debit(MODULE.application_staked_tokens_pool, amount);
        }
    }
    /** A new stake or an edit; the raise is paid by the tx's signer (post-[NCUST], §1.1 step 8). */
    stakeNode(message, payer) {
        const existing = this.nodes.get(message.operatorAddress);
        const before = existing?.tokens ?? 0n;
        if (payer !== null)
            this.bank.move(payer, MODULE.staked_tokens_pool, message.valueUpokt - before);
        // An edit deletes the signing info and creates a new one (h ≥ 30040, taken as active from
        // genesis; signing.ts `recreate`); a new validator gets a fresh record unless one is left.
        if (existing !== undefined)
            this.signing.recreate(message.operatorAddress, this.blockHeight);
        else
            this.signing.createIfAbsent(message.operatorAddress, this.blockHeight);
        this.nodes.set(message.operatorAddress, {
            operator: message.operatorAddress,
            outputAddress: message.outputAddress,
            delegators: message.rewardDelegators,
            tokens: message.valueUpokt,
            waiting: existing?.waiting ?? false,
            unstakingAtNs: existing?.unstakingAtNs ?? null,
            jailed: existing?.jailed ?? false,
            chains: message.chains,
        });
        this.pools.node += message.valueUpokt - before;
    }
    queueUnstake(address) {
        const node = this.nodes.get(address);
        if (node !== undefined)
            node.waiting = true;
    }
    stakeApp(message, signer) {
        if (message.transfer && signer !== null && this.apps.has(signer)) {
            // App transfer (value 0, no chains): the signer's app moves to the message's key.
            this.apps.set(message.applicationAddress, { ...this.apps.get(signer), publicKey: message.publicKey });
            this.apps.delete(signer);
            this.transferredApps.push(signer);
            return;
        }
        const existing = this.apps.get(message.applicationAddress);
        const before = existing?.stake ?? 0n;
        // An app always pays its own stake (§1.3); MaxRelays is recomputed only for a new stake or a raise (§7).
        this.bank.move(message.applicationAddress, MODULE.application_staked_tokens_pool, message.valueUpokt - before);
        const maxRelays = existing === undefined || message.valueUpokt > before ? appMaxRelays(this.params, message.valueUpokt) : existing.maxRelays;
        this.apps.set(message.applicationAddress, { stake: message.valueUpokt, unstakingAtNs: null, publicKey: message.publicKey, chains: message.chains, maxRelays, jailed: existing?.jailed ?? false });
        this.pools.app += message.valueUpokt - before;
    }
    /** A claim a proof may settle: from a Claim tx, or open in an imported exported state. */
    openClaim(servicer, header, evidenceType, totalProofs) {
        const key = claimKey(servicer, header.appPublicKey, header.chain, header.sessionHeight, evidenceType);
        this.claims.open(key, { servicer, sessionHeight: Number(header.sessionHeight), headerHash: '', totalProofs, root: null, expiresAt: null });
    }
    /** The claim a proof settles (deleted either way) and its servicer, when both still exist. */
    settleClaim(message) {
        const claim = this.claims.settle(proofClaimKey(message));
        const node = this.nodes.get(message.leaf.servicerAddress);
        return claim === undefined || node === undefined ? undefined : { relays: claim.totalProofs, node };
    }
    proof(message) {
        const leaf = message.leaf;
        const settled = this.settleClaim(message);
        if (settled === undefined)
            return [];
        const { relays, node } = settled;
        const p = this.params;
        const multiplier = p.multiplier(leaf.blockchain);
        const reward = relayReward({
            relays,
            multiplier: multiplier.value,
            stake: node.tokens,
            pip22: p.pip22(),
            daoPercent: p.int('pos/DAOAllocation'),
            proposerPercent: p.int('pos/ProposerPercentage'),
            rewardCost: p.fee('claim') + p.fee('proof'),
            recipient: node,
        });
        this.pools.fee += reward.feeCollector;
        this.mint(reward.minted);
        for (const payout of reward.payouts)
            this.bank.credit(payout.address, payout.amount);
        this.blockMint += reward.minted;
        const inputs = { chain: leaf.blockchain, relays, multiplier: multiplier.value, multiplier_source: multiplier.source, stake: node.tokens, floored_stake: reward.flooredStake, bin: reward.bin, weight: formatDecimal(reward.weight), minted: reward.minted };
        return reward.payouts.map((payout) => ({ kind: 'relay', subject: leaf.servicerAddress, role: payout.role, address: payout.address, amount: payout.amount, inputs }));
    }
    replayAttack(message) {
        const leaf = message.leaf;
        const settled = this.settleClaim(message);
        if (settled === undefined)
            return [];
        const { relays: totalProofs, node } = settled;
        const p = this.params;
        const burn = replayBurn(totalProofs, p.int('pocketcore/ReplayAttackBurnMultiplier'), p.int('pos/RelaysToTokensMultiplier'), node.tokens, p.pip22());
        this.burnStake(node, burn.burned);
        return [{ kind: 'replay_burn', subject: leaf.servicerAddress, role: 'replay_attack', address: leaf.servicerAddress, amount: burn.burned }];
    }
    /** A slash or replay burn; a stake left below StakeMinimum is force-unstaked (§6.6): jailed now, waiting from EndBlock. */
    burnStake(node, amount) {
        node.tokens -= amount;
        this.pools.node -= amount;
        this.burn(amount);
        this.bank.debit(MODULE.staked_tokens_pool, amount);
        if (node.tokens >= this.params.int('pos/StakeMinimum'))
            return;
        node.jailed = true;
        if (!this.belowMinimum.includes(node.operator))
            this.belowMinimum.push(node.operator);
    }
    /** The nodes the shadow force-unstakes at this block's end for a stake below the minimum. */
    forceUnstakesBelowMinimum() {
        return this.belowMinimum;
    }
    mint(amount) {
        this.pools.total += amount;
        this.pools.minted += amount;
    }
    burn(amount) {
        this.pools.total -= amount;
        this.pools.burned += amount;
    }
    /** A Send or DAO transfer touching a module account moves that pool. */
    moduleMove(address, delta) {
        if (address === MODULE.dao)
            this.pools.dao += delta;
        else if (address === MODULE.fee_collector)
            this.pools.fee += delta;
    }
}
//# sourceMappingURL=shadow.js.map