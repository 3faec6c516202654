/**
 * The audit's shadow ledger: just what the formulas need — node tokens, output addresses and
 * delegators, app stakes, open claims, the pools and the parameters — kept from genesis and the
 * block log's own transactions, never from the reducer's state. Per block it yields the lines
 * the ledger should have recorded (expected) and its own pools, and moves every account's coins
 * in the shadow bank (bank.ts).
 *
 * Each tx arrives with the outcome the audit applies: its own fee and payer (ante.ts), its own
 * code where tx-outcomes.ts re-decides it, else the recorded code. Slashing is its own
 * (PROTOCOL §6.5–§6.8, signing.ts): each block's last commit (who signed the previous block,
 * with its power) drives its signing infos — downtime slash and jail; the header's evidence,
 * with the power of the set that signed the evidence height (the last commit one block above
 * it; before an imported chain's log, the exported state's set history: imported-sets.ts), the
 * double-sign slashes; every EndBlock the jailed-blocks counter and the force unstakes
 * for MaxJailedBlocks; and the force unstakes for a stake below the minimum. It keeps each
 * node's jail state for that (genesis, downtime jail, force unstake; a delivered Unjail frees).
 * What it derived is listed per block (`derived`) for the comparison with the rap sheet.
 * Its burns (by kind), unjails and fee-collector inflows per block (`facts`) feed the report.
 * Unstakes mature here. For the claim and proof rules (claims.ts, proofs.ts) it keeps each
 * node's chains, each app's key, chains and MaxRelays, the live claims (expired at BeginBlock)
 * and, at each block's end, the session-start snapshots and history floor (session-history.ts).
 */
import type { BlockHeader } from '../../chain/block.js';
import type { Message } from '../../messages/types.js';
import type { ShadowBank } from './bank.js';
import { applicationBurns, blockReward, relayReward, replayBurn, slashAmount, type Payout, type Recipient } from './economics.js';
import { formatDecimal } from './dec.js';
import type { ParamTracker } from './params.js';
import { signerAddress } from './address.js';
import { evidenceAgeBlocks, maxMissedPerWindow, SigningTracker } from './signing.js';
import { appMaxRelays } from './app-relays.js';
import { claimHeaderHash, claimKey, ClaimBook, type PocketcoreWorld } from './claims.js';
import type { NodeWorld } from './unstake-unjail.js';
import type { StakeWorld } from './node-stake.js';
import type { AppStakeWorld } from './app-stake.js';
import { proofClaimKey } from './proofs.js';
import { SessionHistory, type StartParams } from './session-history.js';
import { mergeUpgrade } from './gov.js';
import { BlockFacts, type BurnKind } from './block-facts.js';
import type { ImportedSets } from './imported-sets.js';

export const MODULE = {
  fee_collector: 'f1829676db577682e944fc3493d451b67ff3e29f',
  staked_tokens_pool: '8ef97b488e66a2b2e89a3b4999549816768910fb',
  application_staked_tokens_pool: '63533fb8f43b4883a1f37265f1561ce7b1c6c307',
  dao: '6386713deb27b609daad5e2e32ee6591753e5f4e',
  pos: '7160f8688035138fcbc9a6c8041949ebea0c0d21',
  application: '1fe289205936c3fdb61158223892c7a8bee6ff4d',
} as const; // SHA-256(name)[:20], PROTOCOL §0

export interface ExpectedLine {
  readonly kind: 'relay' | 'block' | 'slash' | 'replay_burn';
  /** Relay: the servicer; block: the previous proposer; slash/burn: the node. */
  readonly subject: string | null;
  readonly role: string;
  readonly address: string | null;
  readonly amount: bigint;
  /** Relay lines: the plan's inputs, compared with the recorded columns. */
  readonly inputs?: Readonly<Record<string, string | bigint | null>>;
}

export interface Pools {
  total: bigint;
  node: bigint;
  app: bigint;
  dao: bigint;
  fee: bigint;
  minted: bigint;
  burned: bigint;
}

export interface ShadowNode extends Recipient {
  tokens: bigint;
  /** In the waiting set: begins unstaking at the next session end (PROTOCOL §6.4). */
  waiting: boolean;
  /** Unstaking: when its tokens return (release time + UnstakingTime). */
  unstakingAtNs: bigint | null;
  /** Jailed (out of the validator set; counts jailed blocks, PROTOCOL §6.7). */
  jailed: boolean;
  /** The relay chains it is staked for (canonical ids, as listed). */
  chains: readonly string[];
}

export interface ShadowApp {
  stake: bigint;
  /** Its key (lower-case hex, as the ledger stores it), chains and MaxRelays (app-relays.ts; null: not computed). */
  readonly publicKey: string;
  readonly chains: readonly string[];
  readonly maxRelays: bigint | null;
  /** Jailed (only an exported state jails an app; a delivered UnjailApp frees it). */
  jailed: boolean;
  /** Unstaking apps: when their stake returns (begin-unstake time + AppUnstakingTime). */
  unstakingAtNs: bigint | null;
}

/** A tx's outcome as the shadow applies it: the fee its own ante charged, and the code. */
export interface TxOutcome {
  readonly code: number;
  readonly codespace: string;
  readonly feeCharged: bigint;
  /** Who paid the fee (the ante's matched signer); null when nothing was charged. */
  readonly payer: string | null;
}

/** A slashing outcome the shadow derived at this height, compared with the rap sheet. */
export interface DerivedEvent {
  readonly address: string;
  readonly line: 'slash/downtime' | 'slash/double_sign' | 'jail/downtime' | 'force_unstake/max_jailed_blocks';
  /** The slash's burn; null for a jail or force unstake. */
  readonly amount: bigint | null;
}

/** How many blocks of last-commit powers are kept for double-sign evidence at least (more when the evidence age allows older evidence). */
const KEPT_COMMITS = 100;

/** Features whose switching off changes the claim and proof rules (PROTOCOL §12.1). */
const CLAIM_PROOF_FEATURES = ['MREL', 'MAXCH', 'REPBR', 'CODEC'];

export class ShadowLedger implements PocketcoreWorld, NodeWorld, StakeWorld, AppStakeWorld {
  readonly nodes = new Map<string, ShadowNode>();
  readonly apps = new Map<string, ShadowApp>();
  /** Live claims and settled markers (claims.ts). */
  readonly claims = new ClaimBook();
  /** Session-start snapshots, block hashes and the history floor (session-history.ts). */
  readonly history: SessionHistory;
  readonly pools: Pools;
  /** Signing infos and missed bits (signing.ts). */
  readonly signing = new SigningTracker();
  /** Evidence height e → the powers of the set that signed block e (block e + 1's last commit). */
  private readonly signerPowers = new Map<number, ReadonlyMap<string, bigint>>();
  /** Who signed the blocks before the log (e < genesis height): an imported state's set history, or none (imported-sets.ts). */
  private importedSets: ImportedSets | null = null;
  /** What this block's slashing derived (BeginBlock and EndBlock), in order. */
  private derivedEvents: DerivedEvent[] = [];
  /** This block's burns, unjails and fee-collector inflows, for the report (block-facts.ts). */
  readonly facts = new BlockFacts();
  private blockMint = 0n;
  private blockTimeNs = 0n;
  private blockHeight = 0;
  /** Apps transferred away in this block (their old record is deleted). */
  private transferredApps: string[] = [];
  /** Nodes whose stake fell below StakeMinimum after a slash or burn in this block (§6.6). */
  private belowMinimum: string[] = [];

  constructor(readonly params: ParamTracker, pools: Omit<Pools, 'minted' | 'burned'>, readonly bank: ShadowBank, genesisHeight = 0) {
    this.pools = { ...pools, minted: 0n, burned: 0n };
    this.history = new SessionHistory(genesisHeight);
  }

  /** An imported exported state's validator-set history: the signers of the heights before the log (genesis-shadow.ts). */
  seedImportedSets(sets: ImportedSets): void {
    this.importedSets = sets;
  }

  /** The current block's height. */
  get height(): number {
    return this.blockHeight;
  }

  /** The current block's time (ns). */
  get timeNs(): bigint {
    return this.blockTimeNs;
  }

  /** Whether an upgrade names one of `keys` (default: the claim and proof rules' features). */
  featuresChanged(keys: readonly string[] = CLAIM_PROOF_FEATURES): boolean {
    const named = this.params.upgradeFeatures().map((f) => f.slice(0, f.lastIndexOf(':')));
    return named.some((key) => keys.includes(key));
  }

  /**
   * A delivered Claim joins the live claims, expiring at h + ClaimExpiration·BPS (session-start
   * params, claim.go:232-239) — Go int64 arithmetic, which wraps: 2^63 − 1 sessions of 4 blocks
   * is −4, a claim that expires at the next BeginBlock.
   */
  private claimDelivered(message: Extract<Message, { type: 'Claim' }>): void {
    const start = this.history.at(message.header.sessionHeight);
    const expiresAt = start === undefined ? null : Number(BigInt.asIntN(64, BigInt(this.blockHeight) + start.params.claimExpiration * start.params.blocksPerSessionInt64));
    const key = claimKey(message.fromAddress, message.header.appPublicKey, message.header.chain, message.header.sessionHeight, message.evidenceType);
    const root = { hashHex: message.merkleRoot.hashHex, lower: message.merkleRoot.lower, upper: message.merkleRoot.upper };
    this.claims.open(key, { servicer: message.fromAddress, sessionHeight: message.header.sessionHeight, headerHash: claimHeaderHash(message), totalProofs: message.totalProofs, root, expiresAt });
  }

  /** BeginBlock (PROTOCOL §6.3): the block reward for the previous proposer, then downtime (§6.5) and double-sign evidence (§6.6). */
  beginBlock(header: Pick<BlockHeader, 'height' | 'timeNs' | 'lastCommit' | 'evidence' | 'prevBlockHash'>, previousProposer: string | null): ExpectedLine[] {
    const height = header.height;
    this.blockTimeNs = header.timeNs;
    this.blockHeight = height;
    this.transferredApps = [];
    this.belowMinimum = [];
    this.derivedEvents = [];
    this.facts.reset();
    this.pools.minted = 0n;
    this.pools.burned = 0n;
    this.blockMint = 0n;
    // The feature activations scheduled for this height come first (the ledger's BeginBlock order).
    this.params.activateFeatures(height);
    this.history.recordPreviousHash(height, header.prevBlockHash);
    // pocketcore BeginBlock (claim.go:374-389): expired claims go before any tx.
    this.claims.expire(height);
    const lines: ExpectedLine[] = [];
    if (height > 1 && this.pools.fee > 0n) lines.push(...this.payBlockReward(previousProposer));
    this.downtime(header, lines);
    this.doubleSigns(header, lines);
    return lines;
  }

  /** The slashing outcomes derived in this block so far (BeginBlock, then EndBlock's force unstakes). */
  get derived(): readonly DerivedEvent[] {
    return this.derivedEvents;
  }

  /**
   * Every vote of the last commit (the set that signed h − 1, in header order) of a node the
   * shadow knows: its signing info; crossing SignedBlocksWindow − MinBlocksSignedPerWindow
   * slashes power × SlashFractionDowntime, resets the window and jails until block time +
   * DowntimeJailDuration (a node already jailed — or just forced out by that slash — is not
   * jailed again). Params in force before this block's txs.
   */
  private downtime(header: Pick<BlockHeader, 'height' | 'timeNs' | 'lastCommit'>, lines: ExpectedLine[]): void {
    const p = this.params;
    const window = p.int('pos/SignedBlocksWindow');
    const maxMissed = maxMissedPerWindow(window, p.dec('pos/MinSignedPerWindow'));
    for (const vote of header.lastCommit) {
      const node = this.nodes.get(vote.address);
      if (node === undefined) continue; // unknown validator (e.g. already deleted): skipped
      const verdict = this.signing.vote(vote.address, header.height, vote.signed, window, maxMissed);
      if (verdict === undefined || !verdict.downtime) continue;
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
   * int(MaxEvidenceAge.Minutes()) / 15) (signing.ts), its key's node exists with a signing info,
   * and the node was in the set that signed e (its power there; Tendermint passes the including
   * block's own time as the evidence time, so the time-age check never fires). Effect: a slash only.
   */
  private doubleSigns(header: Pick<BlockHeader, 'height' | 'lastCommit' | 'evidence'>, lines: ExpectedLine[]): void {
    const h = header.height;
    const maxAge = evidenceAgeBlocks(this.params.int('pos/MaxEvidenceAge'));
    this.signerPowers.set(h - 1, new Map(header.lastCommit.map((v) => [v.address, v.power] as const)));
    const keep = Math.max(maxAge, KEPT_COMMITS);
    this.signerPowers.delete(h - 1 - keep);
    for (const evidence of header.evidence) {
      const e = evidence.voteA.height;
      if (h - e > maxAge) continue;
      const address = signerAddress(evidence.publicKey);
      const node = address === null ? undefined : this.nodes.get(address);
      if (address === null || node === undefined || !this.signing.has(address)) continue;
      const power = this.signersOf(e)?.get(address);
      if (power === undefined) continue; // not in the set that signed e (Tendermint refuses such evidence)
      this.slash(address, node, power, this.params.dec('pos/SlashFractionDoubleSign'), 'double_sign', lines);
    }
  }

  /**
   * The set that signed block e: block e + 1's last commit for a height of the log (the genesis
   * height's own signers come from the first block's); before it, an imported state's set history
   * (imported-sets.ts) — none after a genesis or an import without the history.
   */
  private signersOf(e: number): ReadonlyMap<string, bigint> | undefined {
    if (e < this.history.genesisHeight) return this.importedSets?.signersOf(e);
    return this.signerPowers.get(e);
  }

  /** slash (§6.6): ignored for a fraction ≤ 0; else min(trunc(power × 10^6 × fraction), tokens) burned. */
  private slash(address: string, node: ShadowNode, power: bigint, fraction: bigint, reason: 'downtime' | 'double_sign', lines: ExpectedLine[]): void {
    if (fraction <= 0n) return;
    const amount = slashAmount(power, fraction, node.tokens);
    this.burnStake(address, node, amount, 'slash');
    lines.push({ kind: 'slash', subject: address, role: reason, address, amount });
    this.derivedEvents.push({ address, line: `slash/${reason}`, amount });
  }

  private payBlockReward(previousProposer: string | null): ExpectedLine[] {
    const p = this.params;
    const proposer = previousProposer === null ? undefined : this.nodes.get(previousProposer);
    const reward = blockReward(this.pools.fee, p.int('pos/FeeBurnPercentage'), p.int('pos/DAOAllocation'), p.int('pos/ProposerPercentage'), proposer, p.rewardFeatures(this.height), previousProposer);
    this.pools.fee = reward.retained;
    this.pools.dao += reward.dao;
    this.burn(reward.burned, 'fee_burn', MODULE.fee_collector);
    this.bank.debit(MODULE.fee_collector, reward.burned);
    this.bank.move(MODULE.fee_collector, MODULE.dao, reward.dao);
    for (const share of reward.shares) this.bank.move(MODULE.fee_collector, share.address, share.amount);
    const line = (role: string, address: string | null, amount: bigint): ExpectedLine => ({ kind: 'block', subject: previousProposer, role, address, amount });
    return [line('burn', null, reward.burned), line('dao', null, reward.dao), ...reward.shares.map((s) => line(`proposer_${s.role}`, s.address, s.amount)), line('retained', null, reward.retained)];
  }

  /** One transaction: its fee (as charged) and, when delivered, the message's money effects. */
  deliverTx(message: Message | undefined, signer: string | null, outcome: TxOutcome): ExpectedLine[] {
    this.pools.fee += outcome.feeCharged;
    this.facts.feesCharged += outcome.feeCharged;
    if (outcome.payer !== null) this.bank.move(outcome.payer, MODULE.fee_collector, outcome.feeCharged);
    if (message === undefined) return [];
    if (outcome.code !== 0) {
      // pocketcore:86 — a replay attack burns and deletes the claim although the tx fails (§4.8).
      if (message.type === 'Proof' && outcome.codespace === 'pocketcore' && outcome.code === 86) return this.replayAttack(message);
      // pos:105 with the stake below the minimum: the unjail still queues the unstake (§1.2,
      // §12.2 #1); the same code for a node that is simply not jailed changes nothing.
      if (message.type === 'UnjailNode' && outcome.codespace === 'pos' && outcome.code === 105) {
        const node = this.nodes.get(message.validatorAddress);
        if (node !== undefined && node.tokens < this.params.int('pos/StakeMinimum')) this.queueUnstake(message.validatorAddress);
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
          this.facts.unjailed.push(message.validatorAddress);
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
        if (app !== undefined) app.unstakingAtNs = this.blockTimeNs + this.params.int('application/AppUnstakingTime');
        return [];
      }
      case 'UnjailApp': {
        const app = this.apps.get(message.applicationAddress);
        if (app !== undefined) app.jailed = false;
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
          this.burn(message.amountUpokt, 'dao_burn', MODULE.dao);
          this.bank.debit(MODULE.dao, message.amountUpokt);
        } else if (message.toAddress !== null) {
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
  endBlock(height: number): { nodes: string[]; apps: string[] } {
    for (const address of this.belowMinimum) this.queueUnstake(address);
    const maxJailed = this.params.int('pos/MaxJailedBlocks');
    for (const [address, node] of this.nodes) {
      if (!node.jailed || !this.signing.countJailedBlock(address, height, maxJailed)) continue;
      if (node.unstakingAtNs === null && !node.waiting) this.derivedEvents.push({ address, line: 'force_unstake/max_jailed_blocks', amount: null });
      node.waiting = true;
    }
    if (height % Number(this.params.int('pos/BlocksPerSession')) === 0) {
      for (const node of this.nodes.values()) {
        if (!node.waiting) continue;
        node.waiting = false;
        if (node.unstakingAtNs === null) node.unstakingAtNs = this.blockTimeNs + this.params.int('pos/UnstakingTime');
      }
    }
    const maturedNodes = [...this.nodes].filter(([, node]) => node.unstakingAtNs !== null && node.unstakingAtNs <= this.blockTimeNs).map(([address]) => address);
    for (const address of maturedNodes) {
      const node = this.nodes.get(address)!;
      this.pools.node -= node.tokens;
      // The whole stake returns to the output address, else the operator (§6.4).
      this.bank.move(MODULE.staked_tokens_pool, node.outputAddress ?? node.operator, node.tokens);
      this.nodes.delete(address);
      this.signing.delete(address);
    }
    const matured = [...this.apps].filter(([, app]) => app.unstakingAtNs !== null && app.unstakingAtNs <= this.blockTimeNs).map(([address]) => address);
    for (const address of matured) {
      const stake = this.apps.get(address)!.stake;
      this.pools.app -= stake;
      this.bank.move(MODULE.application_staked_tokens_pool, address, stake);
      this.apps.delete(address);
    }
    const rate = this.params.dec('application/ApplicationBurnRate');
    const removed = { nodes: maturedNodes, apps: [...matured, ...this.transferredApps] };
    if (rate !== 0n && this.blockMint !== 0n) this.burnApplications(rate);
    this.endSessionBlock(height);
    return removed;
  }

  /** pocketcore's end of block h: the session history's snapshots, then the history floor (session-history.ts). */
  private endSessionBlock(height: number): void {
    const p = this.params;
    this.history.endBlock(height, this.startParams(), this);
    const floor = this.history.advanceFloor(height, p.int('pocketcore/ClaimSubmissionWindow'), p.int('pos/BlocksPerSession'), this.claims.oldestSessionHeight());
    this.claims.forgetSettledBelow(floor);
  }

  private startParams(): StartParams {
    const p = this.params;
    return {
      blocksPerSession: Number(p.int('pos/BlocksPerSession')),
      blocksPerSessionInt64: p.int('pos/BlocksPerSession'),
      sessionNodeCount: Number(p.int('pocketcore/SessionNodeCount')),
      minimumProofs: p.int('pocketcore/MinimumNumberOfProofs'),
      supportedChains: p.list('pocketcore/SupportedBlockchains'),
      claimSubmissionWindow: p.int('pocketcore/ClaimSubmissionWindow'),
      claimExpiration: p.int('pocketcore/ClaimExpiration'),
      nodeMaxChains: p.int('pos/MaximumChains'),
      appMaxChains: p.int('application/MaximumChains'),
    };
  }

  /** ApplicationBurnRate (§5): every staked app burns its share of the block's mint. */
  private burnApplications(rate: bigint): void {
    const staked = [...this.apps].filter(([, app]) => app.unstakingAtNs === null).map(([address, app]) => ({ address, stake: app.stake }));
    for (const [address, amount] of applicationBurns(this.blockMint, rate, staked)) {
      this.apps.get(address)!.stake -= amount;
      this.pools.app -= amount;
      this.burn(amount, 'application_burn', address);
      this.bank.debit(MODULE.application_staked_tokens_pool, amount);
    }
  }

  /** A new stake or an edit; the raise is paid by the tx's signer (post-[NCUST], §1.1 step 8). */
  private stakeNode(message: Extract<Message, { type: 'StakeNode' }>, payer: string | null): void {
    const existing = this.nodes.get(message.operatorAddress);
    const before = existing?.tokens ?? 0n;
    if (payer !== null) this.bank.move(payer, MODULE.staked_tokens_pool, message.valueUpokt - before);
    // An edit deletes the signing info and creates a new one (h ≥ 30040, taken as active from
    // genesis; signing.ts `recreate`); a new validator gets a fresh record unless one is left.
    if (existing !== undefined) this.signing.recreate(message.operatorAddress, this.blockHeight);
    else this.signing.createIfAbsent(message.operatorAddress, this.blockHeight);
    // Before [RewardDelegators] a stake sets none (handleStake nils them, x/nodes/handler.go:63-70)
    // and an edit keeps the node's (EditStakeValidator copies them only after, valStateChanges.go:346-348).
    const delegators = this.params.featureOff('RewardDelegators', this.blockHeight) ? (existing?.delegators ?? null) : message.rewardDelegators;
    this.nodes.set(message.operatorAddress, {
      operator: message.operatorAddress,
      outputAddress: message.outputAddress,
      delegators,
      tokens: message.valueUpokt,
      waiting: existing?.waiting ?? false,
      unstakingAtNs: existing?.unstakingAtNs ?? null,
      jailed: existing?.jailed ?? false,
      chains: message.chains,
    });
    this.pools.node += message.valueUpokt - before;
  }

  private queueUnstake(address: string): void {
    const node = this.nodes.get(address);
    if (node !== undefined) node.waiting = true;
  }

  private stakeApp(message: Extract<Message, { type: 'StakeApp' }>, signer: string | null): void {
    if (message.transfer && signer !== null && this.apps.has(signer)) {
      // App transfer (value 0, no chains): the signer's app moves to the message's key.
      this.apps.set(message.applicationAddress, { ...this.apps.get(signer)!, publicKey: message.publicKey });
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
  openClaim(servicer: string, header: { readonly appPublicKey: string; readonly chain: string; readonly sessionHeight: number | bigint }, evidenceType: number, totalProofs: bigint): void {
    const key = claimKey(servicer, header.appPublicKey, header.chain, header.sessionHeight, evidenceType);
    this.claims.open(key, { servicer, sessionHeight: Number(header.sessionHeight), headerHash: '', totalProofs, root: null, expiresAt: null });
  }

  /** The claim a proof settles (deleted either way) and its servicer, when both still exist. */
  private settleClaim(message: Extract<Message, { type: 'Proof' }>): { relays: bigint; node: ShadowNode } | undefined {
    const claim = this.claims.settle(proofClaimKey(message));
    const node = this.nodes.get(message.leaf.servicerAddress);
    return claim === undefined || node === undefined ? undefined : { relays: claim.totalProofs, node };
  }

  private proof(message: Extract<Message, { type: 'Proof' }>): ExpectedLine[] {
    const leaf = message.leaf;
    const settled = this.settleClaim(message);
    if (settled === undefined) return [];
    const { relays, node } = settled;
    const p = this.params;
    const multiplier = p.multiplier(leaf.blockchain, this.height);
    const reward = relayReward({
      relays,
      multiplier: multiplier.value,
      stake: node.tokens,
      pip22: p.pip22(),
      daoPercent: p.int('pos/DAOAllocation'),
      proposerPercent: p.int('pos/ProposerPercentage'),
      rewardCost: p.fee('claim') + p.fee('proof'),
      recipient: node,
      features: p.rewardFeatures(this.height),
    });
    this.pools.fee += reward.feeCollector;
    this.mint(reward.minted);
    for (const payout of reward.payouts) this.bank.credit(payout.address, payout.amount);
    this.blockMint += reward.minted;
    const inputs = { chain: leaf.blockchain, relays, multiplier: multiplier.value, multiplier_source: multiplier.source, stake: node.tokens, floored_stake: reward.flooredStake, bin: reward.bin, weight: formatDecimal(reward.weight), minted: reward.minted };
    return reward.payouts.map((payout: Payout) => ({ kind: 'relay', subject: leaf.servicerAddress, role: payout.role, address: payout.address, amount: payout.amount, inputs }));
  }

  private replayAttack(message: Extract<Message, { type: 'Proof' }>): ExpectedLine[] {
    const leaf = message.leaf;
    const settled = this.settleClaim(message);
    if (settled === undefined) return [];
    const { relays: totalProofs, node } = settled;
    const p = this.params;
    const burn = replayBurn(totalProofs, p.int('pocketcore/ReplayAttackBurnMultiplier'), p.int('pos/RelaysToTokensMultiplier'), node.tokens, p.pip22(), !p.featureOff('RSCAL', this.height));
    this.burnStake(leaf.servicerAddress, node, burn.burned, 'replay_burn');
    return [{ kind: 'replay_burn', subject: leaf.servicerAddress, role: 'replay_attack', address: leaf.servicerAddress, amount: burn.burned }];
  }

  /** A slash or replay burn; a stake left below StakeMinimum is force-unstaked (§6.6): jailed now, waiting from EndBlock. */
  private burnStake(address: string, node: ShadowNode, amount: bigint, kind: 'slash' | 'replay_burn'): void {
    node.tokens -= amount;
    this.pools.node -= amount;
    this.burn(amount, kind, address);
    this.bank.debit(MODULE.staked_tokens_pool, amount);
    if (node.tokens >= this.params.int('pos/StakeMinimum')) return;
    node.jailed = true;
    if (!this.belowMinimum.includes(node.operator)) this.belowMinimum.push(node.operator);
  }

  /** The nodes the shadow force-unstakes at this block's end for a stake below the minimum. */
  forceUnstakesBelowMinimum(): readonly string[] {
    return this.belowMinimum;
  }

  private mint(amount: bigint): void {
    this.pools.total += amount;
    this.pools.minted += amount;
  }

  private burn(amount: bigint, kind: BurnKind, address: string): void {
    this.pools.total -= amount;
    this.pools.burned += amount;
    if (amount !== 0n) this.facts.burns.push({ kind, address, amount });
  }

  /** A Send or DAO transfer touching a module account moves that pool. */
  private moduleMove(address: string, delta: bigint): void {
    if (address === MODULE.dao) this.pools.dao += delta;
    else if (address === MODULE.fee_collector) {
      this.pools.fee += delta;
      this.facts.feeCollectorTransfers += delta;
    }
  }
}
