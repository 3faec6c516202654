import { publicKeyFromSeed } from '../../crypto/ed25519.js';
import { maxPossibleRelays } from '../../modules/apps/index.js';
import { buildSessionEvidence, claimMessage, proofMessage, signAat, signRelayProof } from '../../sim/relay-evidence.js';
import { proofIndex, messageFeeUpokt, computeSession, isSessionStart, sessionHeaderHash, claimKey, blockHashAt, historyFloor } from '../../modules/pocketcore/index.js';
import { clientSeedOf, hex, relayCount, relayKindOf, sessionCoin } from './relays-schedule.js';
const POKT = 1000000n;
/** Heights of a session's schedule (see relays-schedule.ts). */
function heightsOf(sessionHeight, params) {
    const bps = Number(params.pos.blocksPerSession);
    const claim = sessionHeight + bps;
    return { claim, proof: sessionHeight + Number(params.pocketcore.claimSubmissionWindow) * bps, expiry: claim + Number(params.pocketcore.claimExpiration) * bps };
}
class RelayPlan {
    ctx;
    options;
    txs = [];
    params;
    nodes;
    ownApps;
    nodeByAddress;
    evidenceCache = new Map();
    constructor(ctx, options) {
        this.ctx = ctx;
        this.options = options;
        this.params = ctx.state.params();
        this.nodes = ctx.keyList.slice(0, options.servicers);
        this.ownApps = ctx.keyList.slice(options.servicers, options.servicers + options.apps);
        this.nodeByAddress = new Map(this.nodes.map((k) => [k.address, k]));
    }
    add(signer, msg, type, label, expect) {
        this.txs.push({ bytes: this.ctx.sign(signer, msg, { feeUpokt: messageFeeUpokt(type, this.params.auth) }), expect, label: `relays/${label}` });
    }
    /** Stake servicers and apps that have no record (new, or deleted after a finished unstake). */
    stakeMissing() {
        const pos = this.params.pos;
        const chains = this.chains();
        const floor = pos.servicerStakeFloorMultiplier > 0n ? pos.servicerStakeFloorMultiplier : 1n;
        // Two PIP-22 bins (a multiple of the floor, so a replay burn's buggy bin is still 1), ≥ StakeMinimum.
        const minimumBins = (pos.stakeMinimumUpokt + floor - 1n) / floor;
        const value = (minimumBins > 2n ? minimumBins : 2n) * floor;
        for (const node of this.nodes) {
            if (this.ctx.state.nodes.validators.has(node.address))
                continue;
            if (this.balance(node.address) < value + messageFeeUpokt('stake_validator', this.params.auth))
                continue;
            const msg = { kind: 'StakeNode', publicKey: node.publicKey, chains, value: value.toString(), serviceUrl: 'https://sim-relays.example.com:443', outputAddress: node.address, rewardDelegators: null };
            this.add(node, msg, 'stake_validator', 'stake-servicer', 'ok');
        }
        for (const app of this.ownApps) {
            if (this.ctx.state.apps.applications.has(app.address))
                continue;
            if (this.balance(app.address) < this.options.appStakeUpokt + messageFeeUpokt('app_stake', this.params.auth))
                continue;
            this.add(app, { kind: 'StakeApp', publicKey: app.publicKey, chains, value: this.options.appStakeUpokt.toString() }, 'app_stake', 'stake-app', 'ok');
        }
    }
    chains() {
        const supported = this.params.pocketcore.supportedBlockchains.filter((c) => /^([0-9A-F]{2}){1,2}$/.test(c));
        return (supported.length > 0 ? supported : ['0001']).slice(0, 2);
    }
    balance(address) {
        return this.ctx.state.auth.accounts.get(address)?.balanceUpokt ?? 0n;
    }
    /** Session heights whose schedule may have a step at this height (see heightsOf). */
    candidateSessions() {
        const h = this.ctx.height;
        const bps = Number(this.params.pos.blocksPerSession);
        const csw = Number(this.params.pocketcore.claimSubmissionWindow);
        const ce = Number(this.params.pocketcore.claimExpiration);
        const offsets = [bps, bps + 1, csw * bps - 1, csw * bps, csw * bps + 1, (ce + 1) * bps];
        const floor = historyFloor(this.ctx.state);
        const out = new Set();
        for (const offset of offsets) {
            const s = h - offset;
            if (s >= 1 && s >= floor && isSessionStart(s, bps))
                out.add(s);
        }
        return [...out].sort((a, b) => a - b);
    }
    /** Every (session, app, chain, own servicer in the session) task among the candidate sessions. */
    tasks() {
        const tasks = [];
        const apps = [...this.ctx.appKeys, ...this.ownApps];
        for (const sessionHeight of this.candidateSessions()) {
            const seed = blockHashAt(this.ctx.state, sessionHeight);
            if (seed === undefined)
                continue;
            const params = this.ctx.state.paramsAt(sessionHeight);
            for (const app of apps) {
                const appRecord = this.ctx.state.apps.applications.getAt(app.address, sessionHeight);
                if (appRecord === undefined || appRecord.publicKey !== app.publicKey)
                    continue;
                for (const chain of appRecord.chains) {
                    if (!params.pocketcore.supportedBlockchains.includes(chain))
                        continue;
                    const header = { appPublicKey: app.publicKey, chain, sessionHeight };
                    const session = computeSession(this.ctx.state, header, this.ctx.height - 1, { kind: 'end' });
                    if (!session.ok)
                        continue;
                    for (const address of session.value.nodes) {
                        const node = this.nodeByAddress.get(address);
                        if (node === undefined)
                            continue;
                        const coin = sessionCoin(seed, app.address, chain, address);
                        tasks.push({ sessionHeight, app, appRecord, chain, node, kind: relayKindOf(coin), coin, params });
                    }
                }
            }
        }
        return tasks;
    }
    allowance(task) {
        return maxPossibleRelays(task.appRecord.maxRelays, task.appRecord.chains.length, task.params.pocketcore.sessionNodeCount);
    }
    minimumRelays(params) {
        const minimum = params.pocketcore.minimumNumberOfProofs;
        return minimum > 5n ? minimum : 5n;
    }
    evidence(task, sessionHeight, count) {
        const cacheKey = `${sessionHeight}/${task.app.address}/${task.chain}/${task.node.address}/${count}`;
        const cached = this.evidenceCache.get(cacheKey);
        if (cached !== undefined)
            return cached;
        const clientSeed = clientSeedOf(task.app.address);
        const client = { seed: clientSeed, publicKey: hex(publicKeyFromSeed(clientSeed)) };
        const aat = signAat(task.app, client.publicKey);
        const header = { appPublicKey: task.app.publicKey, chain: task.chain, sessionHeight };
        const relays = Array.from({ length: Number(count) }, (_, i) => signRelayProof(client, { aat, servicerPublicKey: task.node.publicKey, blockchain: task.chain, sessionBlockHeight: sessionHeight, payload: `sim relay ${sessionHeight} ${task.chain} ${task.node.address} ${i}`, entropy: BigInt(i + 1) }));
        const evidence = buildSessionEvidence(header, relays);
        this.evidenceCache.set(cacheKey, evidence);
        return evidence;
    }
    keyOf(task) {
        return claimKey(task.node.address, sessionHeaderHash({ appPublicKey: task.app.publicKey, chain: task.chain, sessionHeight: task.sessionHeight }), 1);
    }
    run(task) {
        const h = this.ctx.height;
        const { claim, proof, expiry } = heightsOf(task.sessionHeight, task.params);
        const allowance = this.allowance(task);
        const minimum = this.minimumRelays(task.params);
        if (allowance < minimum)
            return; // no claim of this app can be valid (it would be 49, then 71)
        const count = relayCount(task.coin, minimum, BigInt(this.options.maxRelaysPerClaim), allowance);
        if (h === claim)
            return this.claimStep(task, count, allowance);
        if (h === claim + 1)
            return this.afterClaimStep(task, minimum);
        if (h === proof - 1 && task.kind === 'early-proof')
            return this.proveAt(task, 0, 'proof-too-early', 'sdk:1');
        if (h === proof)
            return this.proofStep(task);
        if (h === proof + 1)
            return this.afterProofStep(task, count);
        if (h === expiry && task.kind === 'abandon')
            return this.proveAt(task, 0, 'proof-expired', 'pocketcore:65', expiry);
    }
    claimStep(task, count, allowance) {
        if (task.kind === 'over-service') {
            const evidence = this.evidence(task, task.sessionHeight, count);
            this.add(task.node, claimMessage(evidence, task.node.address, { totalProofs: allowance + 1n }), 'claim', 'claim-over-service', 'pocketcore:71');
            return;
        }
        this.add(task.node, claimMessage(this.evidence(task, task.sessionHeight, count), task.node.address), 'claim', 'claim', 'ok');
    }
    afterClaimStep(task, minimum) {
        const live = this.ctx.state.pocketcore.claims.get(this.keyOf(task));
        if (task.kind === 'duplicate' && live !== undefined) {
            this.add(task.node, claimMessage(this.evidence(task, task.sessionHeight, live.totalProofs), task.node.address), 'claim', 'claim-duplicate', 'ledger:11');
        }
        if (task.kind === 'too-early') {
            // The session that started at this claim height is still running: pocketcore:60.
            const current = task.sessionHeight + Number(task.params.pos.blocksPerSession);
            this.add(task.node, claimMessage(this.evidence(task, current, minimum), task.node.address), 'claim', 'claim-too-early', 'pocketcore:60');
        }
    }
    proofStep(task) {
        if (task.kind === 'abandon' || task.kind === 'over-service')
            return;
        const label = task.kind === 'wrong-index' ? 'proof-wrong-index' : task.kind === 'wrong-leaf' ? 'proof-wrong-leaf' : task.kind === 'tampered' ? 'proof-tampered' : 'proof';
        const expect = task.kind === 'wrong-index' ? 'pocketcore:49' : task.kind === 'wrong-leaf' ? 'pocketcore:66' : task.kind === 'tampered' ? 'pocketcore:86' : 'ok';
        this.proveRequired(task, label, expect);
    }
    afterProofStep(task, count) {
        if (task.kind === 'wrong-index' || task.kind === 'wrong-leaf')
            this.proveRequired(task, 'proof-retry', 'ok');
        if (task.kind === 'late') {
            this.add(task.node, claimMessage(this.evidence(task, task.sessionHeight, count), task.node.address), 'claim', 'claim-late', 'pocketcore:69');
        }
    }
    /** The proof at the pseudorandom index (or spoiled as the label says). */
    proveRequired(task, label, expect) {
        const claim = this.ctx.state.pocketcore.claims.get(this.keyOf(task));
        if (claim === undefined)
            return;
        const evidence = this.evidence(task, task.sessionHeight, claim.totalProofs);
        if (hex(evidence.tree.root.hash) !== claim.merkleRoot.hashHex)
            throw new Error(`relays workload: evidence of ${this.keyOf(task)} no longer matches its claim`);
        const { proof } = heightsOf(task.sessionHeight, task.params);
        const seed = blockHashAt(this.ctx.state, proof - 1);
        if (seed === undefined)
            throw new Error(`relays workload: no hash of block ${proof - 1} at height ${this.ctx.height}`);
        const index = Number(proofIndex(seed, claim.headerHash, claim.totalProofs));
        const total = Number(claim.totalProofs);
        if (label === 'proof-wrong-index')
            return this.pushProof(task, proofMessage(evidence, (index + 1) % total), label, expect);
        if (label === 'proof-wrong-leaf') {
            const other = evidence.proofs[evidence.tree.order[(index + 1) % total]];
            return this.pushProof(task, proofMessage(evidence, index, { leaf: other }), label, expect);
        }
        if (label === 'proof-tampered')
            return this.pushProof(task, proofMessage(evidence, index, { siblings: tamperTop }), label, expect);
        this.pushProof(task, proofMessage(evidence, index), label, expect);
    }
    /** A proof whose claim is missing or whose seed does not exist yet (index irrelevant). */
    proveAt(task, index, label, expect, expiry) {
        const live = this.ctx.state.pocketcore.claims.get(this.keyOf(task));
        // The expired claim is still in the state after the previous block; BeginBlock deletes it.
        if (live === undefined || (expiry !== undefined && live.expirationHeight !== expiry))
            return;
        const evidence = this.evidence(task, task.sessionHeight, live.totalProofs);
        this.pushProof(task, proofMessage(evidence, index), label, expect);
    }
    pushProof(task, msg, label, expect) {
        this.add(task.node, msg, 'proof', label, expect);
    }
}
/** Replace the top sibling's hash: the walk ends off the root — a replay attack (merkle.go:104-110). */
function tamperTop(siblings) {
    return siblings.map((sibling, i) => (i === siblings.length - 1 ? { ...sibling, hash: flipFirstNibble(sibling.hash ?? '') } : sibling));
}
function flipFirstNibble(hash) {
    return (hash.startsWith('0') ? '1' : '0') + hash.slice(1);
}
export function createRelaysWorkload(options = {}) {
    const settings = {
        servicers: options.servicers ?? 48,
        apps: options.apps ?? 8,
        maxRelaysPerClaim: options.maxRelaysPerClaim ?? 40,
        appStakeUpokt: options.appStakeUpokt ?? 10000n * POKT,
    };
    return {
        name: 'relays',
        accounts: settings.servicers + settings.apps,
        propose(ctx) {
            const plan = new RelayPlan(ctx, settings);
            plan.stakeMissing();
            for (const task of plan.tasks())
                plan.run(task);
            return plan.txs;
        },
    };
}
//# sourceMappingURL=relays.js.map