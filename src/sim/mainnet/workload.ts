/**
 * Workload "mainnet": blocks of mainnet's composition (shape.ts) on the mainnet-shaped network
 * (network.ts, genesis.ts), through the simulator's real producer like every workload.
 *
 * Per block h (BPS, CSW the session-start params):
 *   - claims of the slots (sessions.ts) of the session S with h = S + BPS + claimOffset: the root
 *     of the claim's relay tree (evidence.ts), expect ok; a failing slot's claim again at h + 1,
 *     expect ledger:11 (mainnet's 0.43% of claims failing);
 *   - proofs of the slots of the session S with h = S + CSW·BPS + proofOffset, at the
 *     pseudorandom index, the opened relay signed by the app's client now, expect ok (mints);
 *   - sends among the senders (175 per block at scale 1, amounts log-uniform 1–5,000 POKT);
 *   - stakes (2 per block at scale 1): a stake edit (+100 POKT) of a node at or above the PIP-22
 *     ceiling, or a spare key staking a new node;
 *   - jailing: every 24 blocks a cohort of the validators that sign the cycle's first block goes
 *     offline for 8 blocks — it misses every vote it would cast, the two it still casts after
 *     its jail included (downtime jail after 5 misses in the 10-block window) —, then each unjails
 *     once its jail time (1 h = 4 blocks) has passed, expect ok;
 *   - governance: at h ≡ 48 (mod 96) the DAO owner raises application/MaxApplications by one, at
 *     h ≡ 0 (mod 96) a DAO transfer of 1,000 POKT to a sender (mainnet: a few a week).
 *
 * Trees are the expensive part: `prepare` builds every tree this block needs on the TreePool
 * (both cores) before `propose` runs; trees are kept (packed) from the claim to the proof and
 * rebuilt when missing (a continued run), so memory holds ~8 blocks of claims.
 */
import { bytesToHex } from '../../core/hex.js';
import type { Address, PublicKeyHex } from '../../core/types.js';
import { publicKeyFromSeed } from '../../crypto/ed25519.js';
import { sha256 } from '../../crypto/hash.js';
import { Prng } from '../../core/prng.js';
import { aatHash } from '../../messages/index.js';
import { lastCommitSetFor, signingSetFor, StakeStatus } from '../../modules/nodes/index.js';
import { blockHashAt, claimKey, historyFloor, isSessionStart, proofHeight, proofIndex, sessionHeaderHash } from '../../modules/pocketcore/index.js';
import type { WireMessage } from '../../wire/index.js';
import type { WireAat, WireClaim, WireProof } from '../../wire/types.js';
import { signAat, signRelayProof } from '../relay-evidence.js';
import { clientSeedOf } from '../workloads/relays-schedule.js';
import type { BlockFaults, ProposedTx, SimContext, SimKey, Workload } from '../workload.js';
import { buildTree, relayOf, rangeAt, rootOf, siblingsOf, type PackedTree, type TreeJob } from './evidence.js';
import { mainnetNetwork, type MainnetNetwork } from './network.js';
import { MAINNET_CHAINS, PIP22_CEILING_UPOKT, PIP22_FLOOR_UPOKT } from './params.js';
import { SessionPlanner, type ClaimSlot } from './sessions.js';
import { mainnetShape, type MainnetShape, type MainnetShapeOptions } from './shape.js';
import { TreePool } from './tree-pool.js';

const POKT = 1_000_000n;
const FEE = 10_000n;
export const JAIL_CYCLE_BLOCKS = 24;
const OFFLINE_BLOCKS = 8;

interface AppClient {
  readonly aat: WireAat;
  readonly token: string;
  readonly client: { readonly seed: Uint8Array; readonly publicKey: PublicKeyHex };
}

interface DueWork {
  readonly claims: readonly ClaimSlot[];
  readonly duplicates: readonly ClaimSlot[];
  readonly proofs: readonly ClaimSlot[];
}

export interface MainnetWorkloadOptions extends MainnetShapeOptions {
  /** The simulation seed (the network's keys derive from it). */
  readonly seed: bigint;
  /** Tree-building worker threads (default: all cores; 0 = build on the main thread). */
  readonly workers?: number;
}

function prngOf(label: string): Prng {
  const digest = sha256(label);
  return new Prng(new DataView(digest.buffer, digest.byteOffset, 8).getBigUint64(0, false));
}

export class MainnetWorkload implements Workload {
  readonly name = 'mainnet';
  readonly accounts: number;
  readonly shape: MainnetShape;
  private readonly network: MainnetNetwork;
  private readonly planner: SessionPlanner;
  private readonly trees = new Map<string, PackedTree>();
  private readonly clients = new Map<string, AppClient>();
  private pool: TreePool | undefined;

  constructor(private readonly options: MainnetWorkloadOptions) {
    this.shape = mainnetShape(options);
    this.accounts = this.shape.senders;
    this.network = mainnetNetwork(options.seed, this.shape);
    this.planner = new SessionPlanner(options.seed, this.shape, this.network);
  }

  async close(): Promise<void> {
    await this.pool?.close();
    this.pool = undefined;
  }

  async prepare(ctx: SimContext): Promise<void> {
    const due = this.due(ctx);
    const missing = [...due.claims, ...due.proofs].filter((slot) => !this.trees.has(treeKey(slot)));
    if (missing.length === 0) return;
    const jobs = missing.map((slot) => this.jobOf(slot));
    if (this.pool === undefined && this.options.workers !== 0) this.pool = TreePool.create(this.options.workers);
    const trees = this.pool === undefined ? jobs.map(buildTree) : await this.pool.build(jobs);
    missing.forEach((slot, i) => this.trees.set(treeKey(slot), trees[i]!));
  }

  propose(ctx: SimContext): ProposedTx[] {
    const txs: ProposedTx[] = [];
    const add = (signer: SimKey, msg: WireMessage, label: string, expect: ProposedTx['expect']): void => {
      txs.push({ bytes: ctx.sign(signer, msg, { feeUpokt: FEE }), expect, label: `mainnet/${label}` });
    };
    const due = this.due(ctx);
    for (const slot of due.claims) add(slot.node.key, this.claimOf(slot), 'claim', 'ok');
    for (const slot of due.duplicates) add(slot.node.key, this.claimOf(slot), 'claim-duplicate', 'ledger:11');
    for (const slot of due.proofs) {
      const proof = this.proofOf(ctx, slot);
      if (proof !== undefined) add(slot.node.key, proof, 'proof', 'ok');
    }
    this.forget(ctx.height);
    this.sends(ctx, add);
    this.stakes(ctx, add);
    this.unjails(ctx, add);
    this.governance(ctx, add);
    return txs;
  }

  /**
   * The cohort is offline while the blocks start … start + 7 of its cycle are decided (start = 24·c):
   * each of them misses its vote for block h − 1 in block h's last commit (h = start + 1 … start + 8)
   * whenever it is among the signers of h − 1 (`lastCommitSetFor`: the set after h − 3, Tendermint's
   * delay) — jailed or not: a victim jailed for downtime at block j still signs j and j + 1 (the
   * sets after j − 2 and j − 1), and being offline it misses those two votes too.
   */
  faults(ctx: SimContext): BlockFaults {
    const phase = (ctx.height - 1) % JAIL_CYCLE_BLOCKS;
    if (phase >= OFFLINE_BLOCKS) return {};
    const voters = new Set(lastCommitSetFor(ctx.state, ctx.height).map((member) => member.address));
    const offline = this.victims(ctx, Math.floor((ctx.height - 1) / JAIL_CYCLE_BLOCKS)).filter((address) => voters.has(address));
    return { offline: new Set(offline) };
  }

  // ---- claims and proofs -------------------------------------------------------------------

  private due(ctx: SimContext): DueWork {
    const h = ctx.height;
    const params = ctx.state.params();
    const bps = Number(params.pos.blocksPerSession);
    const csw = Number(params.pocketcore.claimSubmissionWindow);
    const floor = historyFloor(ctx.state);
    const sessionAt = (offsetBase: number): { start: number; offset: number } | undefined => {
      for (let offset = 0; offset < bps; offset++) {
        const start = h - offsetBase - offset;
        if (start >= 1 && start >= floor && isSessionStart(start, bps)) return { start, offset };
      }
      return undefined;
    };
    const pick = (found: { start: number; offset: number } | undefined, which: (slot: ClaimSlot) => number): ClaimSlot[] =>
      found === undefined ? [] : this.planner.slots(ctx.state, found.start, h - 1).filter((slot) => which(slot) === found.offset);
    return {
      claims: pick(sessionAt(bps), (s) => s.claimOffset),
      duplicates: pick(sessionAt(bps + 1), (s) => s.claimOffset).filter((s) => s.failing),
      proofs: pick(sessionAt(csw * bps), (s) => s.proofOffset),
    };
  }

  private clientOf(app: SimKey): AppClient {
    let entry = this.clients.get(app.address);
    if (entry === undefined) {
      const seed = clientSeedOf(app.address);
      const client = { seed, publicKey: bytesToHex(publicKeyFromSeed(seed)) as PublicKeyHex };
      const aat = signAat(app, client.publicKey);
      entry = { aat, token: bytesToHex(aatHash(aat)), client };
      this.clients.set(app.address, entry);
    }
    return entry;
  }

  private jobOf(slot: ClaimSlot): TreeJob {
    const { aat, token } = this.clientOf(slot.app.key);
    return { sessionHeight: slot.sessionHeight, servicerPublicKey: slot.node.key.publicKey, chain: slot.chain, aat, token, relays: slot.relays };
  }

  private treeOf(slot: ClaimSlot): PackedTree {
    const key = treeKey(slot);
    let tree = this.trees.get(key);
    if (tree === undefined) this.trees.set(key, (tree = buildTree(this.jobOf(slot))));
    return tree;
  }

  private claimOf(slot: ClaimSlot): WireClaim {
    return {
      kind: 'Claim',
      header: { appPublicKey: slot.app.key.publicKey, chain: slot.chain, sessionHeight: BigInt(slot.sessionHeight) },
      merkleRoot: rootOf(this.treeOf(slot)),
      totalProofs: BigInt(slot.relays),
      fromAddress: slot.node.key.address,
      evidenceType: 1n,
      expirationHeight: 0n,
    };
  }

  private proofOf(ctx: SimContext, slot: ClaimSlot): WireProof | undefined {
    const headerHash = sessionHeaderHash({ appPublicKey: slot.app.key.publicKey, chain: slot.chain, sessionHeight: slot.sessionHeight });
    const claim = ctx.state.pocketcore.claims.get(claimKey(slot.node.key.address, headerHash, 1));
    if (claim === undefined) return undefined;
    const params = ctx.state.paramsAt(slot.sessionHeight);
    const seed = blockHashAt(ctx.state, proofHeight(slot.sessionHeight, params.pocketcore.claimSubmissionWindow, params.pos.blocksPerSession) - 1);
    if (seed === undefined) return undefined;
    const index = Number(proofIndex(seed, claim.headerHash, claim.totalProofs));
    const tree = this.treeOf(slot);
    const job = this.jobOf(slot);
    const relay = relayOf(job, tree.order[index]!);
    const { client, aat } = this.clientOf(slot.app.key);
    const leaf = signRelayProof(client, { aat, servicerPublicKey: relay.servicerPublicKey, blockchain: relay.blockchain, sessionBlockHeight: slot.sessionHeight, payload: '', requestHash: relay.requestHash, entropy: relay.entropy });
    return { kind: 'Proof', merkleProof: { index: BigInt(index), hashRanges: siblingsOf(tree, index), target: rangeAt(tree, 0, index) }, leaf: { kind: 'relay', proof: leaf }, evidenceType: 1n };
  }

  /** Drop trees whose proofs are past (sessions more than CSW + 2 sessions old). */
  private forget(height: number): void {
    for (const key of this.trees.keys()) {
      const sessionHeight = Number(key.slice(0, key.indexOf('/')));
      if (sessionHeight < height - 24) this.trees.delete(key);
    }
  }

  // ---- sends, stakes, jailing, governance -----------------------------------------------------

  private sends(ctx: SimContext, add: (signer: SimKey, msg: WireMessage, label: string, expect: ProposedTx['expect']) => void): void {
    const senders = ctx.keyList;
    if (senders.length < 2) return;
    const spent = new Map<string, bigint>();
    const count = Math.round(this.shape.sendsPerBlock * (0.6 + 0.8 * ctx.prng.float()));
    for (let i = 0; i < count; i++) {
      const from = ctx.prng.pick(senders);
      let to = ctx.prng.pick(senders);
      if (to === from) to = senders[(senders.indexOf(from) + 1) % senders.length]!;
      const amount = BigInt(Math.round(Math.pow(5_000, ctx.prng.float()) * 1e6));
      const left = (ctx.state.auth.accounts.get(from.address)?.balanceUpokt ?? 0n) - (spent.get(from.address) ?? 0n);
      if (left < amount + FEE) continue;
      spent.set(from.address, (spent.get(from.address) ?? 0n) + amount + FEE);
      add(from, { kind: 'Send', fromAddress: from.address, toAddress: to.address, amount: amount.toString() }, 'send', 'ok');
    }
  }

  private stakes(ctx: SimContext, add: (signer: SimKey, msg: WireMessage, label: string, expect: ProposedTx['expect']) => void): void {
    const rate = this.shape.stakesPerBlock;
    const count = Math.floor(rate) + (ctx.prng.chance(rate - Math.floor(rate)) ? 1 : 0);
    const staked = new Set<string>();
    for (let i = 0; i < count; i++) {
      if (ctx.prng.chance(0.7)) {
        const node = ctx.prng.pick(this.network.nodes);
        const record = ctx.state.nodes.validators.get(node.key.address);
        const balance = ctx.state.auth.accounts.get(node.key.address)?.balanceUpokt ?? 0n;
        if (record === undefined || record.jailed || record.status !== StakeStatus.Staked || record.tokensUpokt < PIP22_CEILING_UPOKT || balance < 200n * POKT || staked.has(node.key.address)) continue;
        staked.add(node.key.address);
        const msg: WireMessage = { kind: 'StakeNode', publicKey: node.key.publicKey, chains: record.chains, value: (record.tokensUpokt + 100n * POKT).toString(), serviceUrl: record.serviceUrl, outputAddress: record.outputAddress ?? node.key.address, rewardDelegators: null };
        add(node.key, msg, 'stake-edit', 'ok');
      } else {
        const spare = this.network.spares.find((key) => !ctx.state.nodes.validators.has(key.address) && !staked.has(key.address));
        if (spare === undefined) continue;
        staked.add(spare.address);
        const bins = BigInt(1 + ctx.prng.int(4));
        const chains = [...new Set(Array.from({ length: 5 }, () => MAINNET_CHAINS[ctx.prng.int(12)]!))].sort();
        const msg: WireMessage = { kind: 'StakeNode', publicKey: spare.publicKey, chains, value: (bins * PIP22_FLOOR_UPOKT).toString(), serviceUrl: `https://new-node.mainnet-shaped.example.com:443`, outputAddress: spare.address, rewardDelegators: null };
        add(spare, msg, 'stake-new', 'ok');
      }
    }
  }

  /**
   * The cohort's victims: network nodes among the validators that sign block `start` = 24·c, the
   * first block whose vote the cohort misses (`signingSetFor`: the set after start − 2) — so a node
   * that joins the set later is not picked before it signs. A pure function of the state (a
   * continued run picks the same). Producing block h, the read at start − 2 = h − 3 − phase is in
   * the kept history (after block h − 1 it is kept from h − 16 on at mainnet's BPS 4, CSW 3:
   * modules/pocketcore/history.ts) up to phase 13 — the offline phases and the unjails after them
   * (a jail at phase ≤ 7 ends 4 blocks later); a later read, and the previous cycle's, may find
   * pruned history and pick other nodes or none, alike in every run.
   */
  private victims(ctx: SimContext, cycle: number): Address[] {
    const start = cycle * JAIL_CYCLE_BLOCKS;
    if (start < 1) return [];
    const set = signingSetFor(ctx.state, start);
    const ours = set.filter((entry) => this.network.nodeByAddress.has(entry.address));
    const prng = prngOf(`pokt-ledger mainnet jail|${this.options.seed}|${cycle}`);
    const chosen = new Set<Address>();
    for (let i = 0; i < this.shape.jailVictimsPerCycle && ours.length > 0; i++) chosen.add(prng.pick(ours).address);
    return [...chosen].sort();
  }

  private unjails(ctx: SimContext, add: (signer: SimKey, msg: WireMessage, label: string, expect: ProposedTx['expect']) => void): void {
    const cycle = Math.floor((ctx.height - 1) / JAIL_CYCLE_BLOCKS);
    const candidates = new Set([...this.victims(ctx, cycle), ...this.victims(ctx, cycle - 1)]);
    const phase = (ctx.height - 1) % JAIL_CYCLE_BLOCKS;
    for (const address of [...candidates].sort()) {
      if (phase < OFFLINE_BLOCKS && this.victims(ctx, cycle).includes(address)) continue;
      const record = ctx.state.nodes.validators.get(address);
      const info = ctx.state.slashing.signingInfos.get(address);
      if (record?.jailed !== true || info === undefined || (info.jailedUntilNs !== null && ctx.timeNs < info.jailedUntilNs)) continue;
      const node = this.network.nodeByAddress.get(address)!;
      if ((ctx.state.auth.accounts.get(address)?.balanceUpokt ?? 0n) < FEE) continue;
      add(node.key, { kind: 'UnjailNode', validatorAddress: address, signerAddress: address }, 'unjail', 'ok');
    }
  }

  private governance(ctx: SimContext, add: (signer: SimKey, msg: WireMessage, label: string, expect: ProposedTx['expect']) => void): void {
    const governor = this.network.governor;
    if (ctx.height % 96 === 48) {
      const next = (ctx.state.params().application.maxApplications + 1n).toString();
      add(governor, { kind: 'ParamChange', fromAddress: governor.address, paramKey: 'application/MaxApplications', paramValue: Buffer.from(JSON.stringify(next), 'utf8').toString('hex') }, 'param-change', 'ok');
    }
    if (ctx.height % 96 === 0 && ctx.keyList.length > 0) {
      const to = ctx.keyList[(ctx.height / 96) % ctx.keyList.length]!;
      add(governor, { kind: 'DAOTransfer', fromAddress: governor.address, toAddress: to.address, amount: (1_000n * POKT).toString(), action: 'dao_transfer' }, 'dao-transfer', 'ok');
    }
  }
}

function treeKey(slot: ClaimSlot): string {
  return `${slot.sessionHeight}/${slot.app.key.address}/${slot.chain}/${slot.node.key.address}`;
}

export function createMainnetWorkload(options: MainnetWorkloadOptions): MainnetWorkload {
  return new MainnetWorkload(options);
}
