import { sha256 } from '../../crypto/hash.js';
import { maxPossibleRelays } from '../../modules/apps/index.js';
import { computeSession } from '../../modules/pocketcore/index.js';
import { Prng as SeededPrng } from '../../core/prng.js';
import { CHAIN_WEIGHTS } from './network.js';
import { MAINNET_CHAINS, PIP22_CEILING_UPOKT, PIP22_FLOOR_UPOKT } from './params.js';
import { MAINNET_BLOCK } from './shape.js';
const SIGMA = Math.log(MAINNET_BLOCK.claimValuePoktP95 / MAINNET_BLOCK.claimValuePoktP50) / 1.645;
const MU = Math.log(MAINNET_BLOCK.claimValuePoktP50);
function normal(prng) {
    const u = 1 - prng.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * prng.float());
}
/** One claim's value in POKT, lognormal with mainnet's p50 and p95. */
export function sampleClaimValuePokt(prng) {
    return Math.exp(MU + SIGMA * normal(prng));
}
function cumulative(weights) {
    const out = new Float64Array(weights.length);
    let sum = 0;
    weights.forEach((w, i) => (out[i] = sum += w));
    return out;
}
function drawCumulative(prng, cum) {
    const ticket = prng.float() * cum[cum.length - 1];
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cum[mid] > ticket)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}
export class SessionPlanner {
    seed;
    shape;
    network;
    memo = new Map();
    appCumulative;
    constructor(seed, shape, network) {
        this.seed = seed;
        this.shape = shape;
        this.network = network;
        this.appCumulative = cumulative(network.apps.map((_, i) => 1 / Math.pow(i + 1, 0.8)));
    }
    /** The slots of session S (S's end must be committed: S + BPS − 1 ≤ committedHeight). */
    slots(state, sessionHeight, committedHeight) {
        const hit = this.memo.get(sessionHeight);
        if (hit !== undefined)
            return hit;
        const slots = this.draw(state, sessionHeight, committedHeight);
        this.memo.set(sessionHeight, slots);
        for (const height of this.memo.keys())
            if (height < sessionHeight - 64)
                this.memo.delete(height);
        return slots;
    }
    draw(state, sessionHeight, committedHeight) {
        const digest = sha256(`pokt-ledger mainnet sessions|${this.seed}|${sessionHeight}`);
        const prng = new SeededPrng(new DataView(digest.buffer, digest.byteOffset, 8).getBigUint64(0, false));
        const params = state.paramsAt(sessionHeight);
        const bps = Number(params.pos.blocksPerSession);
        const target = this.shape.claimsPerBlock * bps;
        const seen = new Set();
        const slots = [];
        for (let tries = 0; slots.length < target && tries < target * 4; tries++) {
            const app = this.network.apps[drawCumulative(prng, this.appCumulative)];
            const chain = app.chains[drawCumulative(prng, cumulative(app.chains.map((c) => CHAIN_WEIGHTS[MAINNET_CHAINS.indexOf(c)] ?? 0)))];
            const pair = `${app.key.address}/${chain}`;
            if (seen.has(pair))
                continue;
            seen.add(pair);
            const record = state.apps.applications.getAt(app.key.address, sessionHeight);
            if (record === undefined || record.publicKey !== app.key.publicKey || !params.pocketcore.supportedBlockchains.includes(chain))
                continue;
            const header = { appPublicKey: app.key.publicKey, chain, sessionHeight };
            const session = computeSession(state, header, committedHeight, { kind: 'end' });
            if (!session.ok)
                continue;
            const allowance = maxPossibleRelays(record.maxRelays, record.chains.length, params.pocketcore.sessionNodeCount);
            const minimum = params.pocketcore.minimumNumberOfProofs;
            if (allowance < minimum)
                continue;
            for (const address of session.value.nodes) {
                const node = this.network.nodeByAddress.get(address);
                if (node === undefined)
                    continue;
                const relays = this.relaysOf(prng, state, address, sessionHeight, Number(params.pos.relaysToTokensMultiplier), minimum, allowance);
                slots.push({ sessionHeight, app, chain, node, relays, claimOffset: prng.int(bps), proofOffset: prng.int(bps), failing: prng.chance(MAINNET_BLOCK.failingClaimShare) });
            }
        }
        return slots;
    }
    relaysOf(prng, state, address, sessionHeight, rttm, minimum, allowance) {
        const valueUpokt = sampleClaimValuePokt(prng) * 1e6;
        const tokens = state.nodes.validators.getAt(address, sessionHeight)?.tokensUpokt ?? PIP22_FLOOR_UPOKT;
        const capped = tokens < PIP22_CEILING_UPOKT ? tokens : PIP22_CEILING_UPOKT;
        const bin = Number(capped / PIP22_FLOOR_UPOKT) || 1;
        const relays = BigInt(Math.round((valueUpokt / (rttm * bin)) * this.shape.relayScale));
        const atLeast = relays > minimum ? relays : minimum;
        return Number(atLeast < allowance ? atLeast : allowance);
    }
}
//# sourceMappingURL=sessions.js.map