/**
 * Which servicers of which sessions claim, how many relays, and when — the relay side of the
 * mainnet-shaped workload, a pure function of (seed, session height, chain history).
 *
 * For each session start S: (app, chain) pairs are drawn (apps Zipf-weighted 1/(i+1)^0.8, the
 * chain among the app's chains by chain popularity) until the seats of their sessions add up to
 * claimsPerBlock × BlocksPerSession; every seated servicer the simulator holds a key for gets a
 * slot. A slot's claim value v ~ lognormal with mainnet's quantiles (p50 3.03 POKT, p95 18.18
 * POKT: μ = ln 3.03, σ = ln(18.18/3.03)/1.645 = 1.089), its relays
 * = max(MinimumNumberOfProofs, round(v / (RTTM × PIP-22 bin) × relayScale)), capped by the app's
 * per-session allowance. Worked example: v = 3.03 POKT, RTTM 2,109 uPOKT, a 60,000 POKT node
 * (bin 4), relayScale 1/32 → 3,030,000 / 8,436 / 32 = 11.2 → 11 relays.
 * Timing: the claim at S + BPS + claimOffset, the proof at S + CSW·BPS + proofOffset (offsets
 * uniform in [0, BPS)), so every block carries about a quarter of a session's claims and proofs,
 * as on mainnet. A slot with `failing` (0.43% of claims, mainnet's share) also re-submits its
 * claim one block later (refused: ledger:11, the claim is live).
 */
import type { Address } from '../../core/types.js';
import type { Prng } from '../../core/prng.js';
import { sha256 } from '../../crypto/hash.js';
import { maxPossibleRelays } from '../../modules/apps/index.js';
import { computeSession, type SessionHeaderKey } from '../../modules/pocketcore/index.js';
import type { ReadonlyLedgerState } from '../../chain/readonly.js';
import { Prng as SeededPrng } from '../../core/prng.js';
import { CHAIN_WEIGHTS, type MainnetNetwork, type ShapedApp, type ShapedNode } from './network.js';
import { MAINNET_CHAINS, PIP22_CEILING_UPOKT, PIP22_FLOOR_UPOKT } from './params.js';
import { MAINNET_BLOCK, type MainnetShape } from './shape.js';

export interface ClaimSlot {
  readonly sessionHeight: number;
  readonly app: ShapedApp;
  readonly chain: string;
  readonly node: ShapedNode;
  readonly relays: number;
  readonly claimOffset: number;
  readonly proofOffset: number;
  readonly failing: boolean;
}

const SIGMA = Math.log(MAINNET_BLOCK.claimValuePoktP95 / MAINNET_BLOCK.claimValuePoktP50) / 1.645;
const MU = Math.log(MAINNET_BLOCK.claimValuePoktP50);

function normal(prng: Prng): number {
  const u = 1 - prng.float();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * prng.float());
}

/** One claim's value in POKT, lognormal with mainnet's p50 and p95. */
export function sampleClaimValuePokt(prng: Prng): number {
  return Math.exp(MU + SIGMA * normal(prng));
}

function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => (out[i] = sum += w));
  return out;
}

function drawCumulative(prng: Prng, cum: Float64Array): number {
  const ticket = prng.float() * cum[cum.length - 1]!;
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid]! > ticket) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export class SessionPlanner {
  private readonly memo = new Map<number, readonly ClaimSlot[]>();
  private readonly appCumulative: Float64Array;

  constructor(
    private readonly seed: bigint,
    private readonly shape: MainnetShape,
    private readonly network: MainnetNetwork,
  ) {
    this.appCumulative = cumulative(network.apps.map((_, i) => 1 / Math.pow(i + 1, 0.8)));
  }

  /** The slots of session S (S's end must be committed: S + BPS − 1 ≤ committedHeight). */
  slots(state: ReadonlyLedgerState, sessionHeight: number, committedHeight: number): readonly ClaimSlot[] {
    const hit = this.memo.get(sessionHeight);
    if (hit !== undefined) return hit;
    const slots = this.draw(state, sessionHeight, committedHeight);
    this.memo.set(sessionHeight, slots);
    for (const height of this.memo.keys()) if (height < sessionHeight - 64) this.memo.delete(height);
    return slots;
  }

  private draw(state: ReadonlyLedgerState, sessionHeight: number, committedHeight: number): ClaimSlot[] {
    const digest = sha256(`pokt-ledger mainnet sessions|${this.seed}|${sessionHeight}`);
    const prng = new SeededPrng(new DataView(digest.buffer, digest.byteOffset, 8).getBigUint64(0, false));
    const params = state.paramsAt(sessionHeight);
    const bps = Number(params.pos.blocksPerSession);
    const target = this.shape.claimsPerBlock * bps;
    const seen = new Set<string>();
    const slots: ClaimSlot[] = [];
    for (let tries = 0; slots.length < target && tries < target * 4; tries++) {
      const app = this.network.apps[drawCumulative(prng, this.appCumulative)]!;
      const chain = app.chains[drawCumulative(prng, cumulative(app.chains.map((c) => CHAIN_WEIGHTS[MAINNET_CHAINS.indexOf(c)] ?? 0)))]!;
      const pair = `${app.key.address}/${chain}`;
      if (seen.has(pair)) continue;
      seen.add(pair);
      const record = state.apps.applications.getAt(app.key.address, sessionHeight);
      if (record === undefined || record.publicKey !== app.key.publicKey || !params.pocketcore.supportedBlockchains.includes(chain)) continue;
      const header: SessionHeaderKey = { appPublicKey: app.key.publicKey, chain, sessionHeight };
      const session = computeSession(state, header, committedHeight, { kind: 'end' });
      if (!session.ok) continue;
      const allowance = maxPossibleRelays(record.maxRelays, record.chains.length, params.pocketcore.sessionNodeCount);
      const minimum = params.pocketcore.minimumNumberOfProofs;
      if (allowance < minimum) continue;
      for (const address of session.value.nodes) {
        const node = this.network.nodeByAddress.get(address);
        if (node === undefined) continue;
        const relays = this.relaysOf(prng, state, address, sessionHeight, Number(params.pos.relaysToTokensMultiplier), minimum, allowance);
        slots.push({ sessionHeight, app, chain, node, relays, claimOffset: prng.int(bps), proofOffset: prng.int(bps), failing: prng.chance(MAINNET_BLOCK.failingClaimShare) });
      }
    }
    return slots;
  }

  private relaysOf(prng: Prng, state: ReadonlyLedgerState, address: Address, sessionHeight: number, rttm: number, minimum: bigint, allowance: bigint): number {
    const valueUpokt = sampleClaimValuePokt(prng) * 1e6;
    const tokens = state.nodes.validators.getAt(address, sessionHeight)?.tokensUpokt ?? PIP22_FLOOR_UPOKT;
    const capped = tokens < PIP22_CEILING_UPOKT ? tokens : PIP22_CEILING_UPOKT;
    const bin = Number(capped / PIP22_FLOOR_UPOKT) || 1;
    const relays = BigInt(Math.round((valueUpokt / (rttm * bin)) * this.shape.relayScale));
    const atLeast = relays > minimum ? relays : minimum;
    return Number(atLeast < allowance ? atLeast : allowance);
  }
}
