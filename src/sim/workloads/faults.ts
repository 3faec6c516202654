/**
 * Workload "faults": validators that go offline and come back, double signers, unjails — block
 * faults plus the txs that follow them, each with the outcome pocket-core gives it
 * (PROTOCOL §6.5–§6.8), predicted from the state after the previous block.
 *
 * Schedule (stateless: a pure function of the height and the state):
 *   - cycles of 48 blocks; cycle c's victim is the simulator's validator c mod n;
 *   - phase (h − 1) mod 48 < 30: the victim does not sign (`offline`) while it is Staked, at
 *     least one other validator is in the set and the others hold more than 2/3 of the power of
 *     the set that signed block h − 1 (a commit without it) — downtime jails it within one
 *     window or so; phase ≥ 30: it signs again. Being jailed does not bring it back: jailed in
 *     block J, it is still in the sets that sign J and J + 1 (Tendermint applies EndBlock J's
 *     validator updates from J + 2: fork 59310158d3e9 state/execution.go:427-437, 469-471), so
 *     the last commits of J + 1 and J + 2 carry its votes, missed like those before;
 *   - every block, for a jailed victim: jailed_until > block time → Unjail expecting pos:104
 *     ("too early"); otherwise → Unjail expecting ok (funded first with a Send if it has no
 *     account or its account cannot pay the fee); now and then an Unjail signed by a stranger →
 *     pos:125 and one for an unjailed validator that cannot be jailed by this block → pos:105;
 *   - a signer must have an account even when the fee is 0 (a genesis without
 *     auth/FeeMultipliers): the ante handler's DeductFees looks the signer's account up first and
 *     refuses a missing one with sdk:9 whatever the fee (x/auth/ante.go:196-227, GetSignerAcc),
 *     before the message's own checks run — so "balance ≥ fee" alone is no proof of payability;
 *   - h mod 16 = 8: valid double-sign evidence about block h − 1 for a validator of the set that
 *     signed it (slashed, never jailed); h mod 32 = 24 also evidence one block older than
 *     MaxEvidenceAge allows (ignored: too old) and evidence for a key that is no validator
 *     (ignored).
 *
 *   label                        expect
 *   faults/fund-validator        ok        a Send from the workload's account to the victim
 *   faults/unjail                ok
 *   faults/unjail-too-early      pos:104
 *   faults/unjail-wrong-signer   pos:125
 *   faults/unjail-not-jailed     pos:105
 *
 * Exactness: only this workload signs for its accounts and for the simulator's validators'
 * Unjail txs; BeginBlock of the block can slash (never below StakeMinimum: stakes stay ≥ 2 ×
 * the minimum for the pos:105 case, and an unjail candidate is never this block's evidence
 * target) but cannot jail or unjail a validator this workload predicts for: the victim is the
 * only validator that misses votes, and an unjailed candidate must have missed none; once
 * jailed (its counters reset) it misses at most its last two votes, fewer than a window
 * tolerates under the profiles' params (10 blocks, MinSignedPerWindow 0.6: 4), so no second
 * downtime slash can move its stake under a predicted Unjail.
 * Evidence is always validly signed (invalid evidence would make the block invalid).
 */
import type { DuplicateVoteEvidence, Vote } from '../../core/block-context.js';
import { bytesToHex } from '../../core/hex.js';
import type { Address } from '../../core/types.js';
import { sha256 } from '../../crypto/hash.js';
import { sign } from '../../crypto/ed25519.js';
import { voteSignBytes } from '../../chain/block.js';
import { CONSENSUS_BLOCK_KEY } from '../../state/chain-tables.js';
import { hasCommitQuorum } from '../../chain/header-checks.js';
import { BASE_FEE_UPOKT } from '../../messages/index.js';
import { maxEvidenceAgeBlocks } from '../../modules/slashing/index.js';
import { lastCommitSetFor, signingSetFor, StakeStatus, VALIDATOR_SET_KEY, type ValidatorSetEntry } from '../../modules/nodes/index.js';
import type { WireMessage } from '../../wire/index.js';
import type { BlockFaults, ProposedTx, SimContext, SimKey, Workload } from '../workload.js';

const CYCLE_BLOCKS = 48;
const OFFLINE_PHASE_BLOCKS = 30;
const FUNDING_UPOKT = 1_000_000n;

/** 10,000 × FeeMultiplier(type) (x/auth/types/fee.go). */
export function requiredFee(ctx: SimContext, msgType: string): bigint {
  const fees = ctx.state.params().auth.feeMultipliers;
  return BASE_FEE_UPOKT * (fees.overrides.find((o) => o.key === msgType)?.multiplier ?? fees.default);
}

function unjailMsg(validator: Address, signer: Address): WireMessage {
  return { kind: 'UnjailNode', validatorAddress: validator, signerAddress: signer };
}

function phaseOf(height: number): number {
  return (height - 1) % CYCLE_BLOCKS;
}

function victimOf(ctx: SimContext): SimKey | undefined {
  const list = ctx.validatorKeys;
  return list.length === 0 ? undefined : list[Math.floor((ctx.height - 1) / CYCLE_BLOCKS) % list.length];
}

function currentSet(ctx: SimContext): readonly ValidatorSetEntry[] {
  return ctx.state.nodes.validatorSet.get(VALIDATOR_SET_KEY) ?? [];
}

/** The evidence target of this block, if any (a simulator validator that signed block h − 1). */
function evidenceTarget(ctx: SimContext): SimKey | undefined {
  if (ctx.height % 16 !== 8 || ctx.height < 3) return undefined;
  const signers = signingSetFor(ctx.state, ctx.height - 1);
  const victim = victimOf(ctx);
  const candidates = ctx.validatorKeys.filter((k) => k !== victim && signers.some((m) => m.address === k.address));
  return candidates.length === 0 ? undefined : candidates[Math.floor(ctx.height / 16) % candidates.length];
}

function vote(ctx: SimContext, key: SimKey, height: number, label: string): Vote {
  const unsigned: Vote = { height, round: 0, blockHash: bytesToHex(sha256(`sim faults ${ctx.height} ${label}`)), timestampNs: ctx.timeNs, validatorAddress: key.address, signature: new Uint8Array(0) };
  return { ...unsigned, signature: sign(key.seed, voteSignBytes(ctx.chainId, unsigned)) };
}

function doubleSign(ctx: SimContext, key: SimKey, height: number): DuplicateVoteEvidence {
  return { publicKey: key.publicKey, voteA: vote(ctx, key, height, 'a'), voteB: vote(ctx, key, height, 'b') };
}

class BlockPlan {
  readonly txs: ProposedTx[] = [];
  private readonly spent = new Map<Address, bigint>();

  constructor(readonly ctx: SimContext) {}

  private readonly created = new Set<Address>();

  private balance(address: Address): bigint {
    return (this.ctx.state.auth.accounts.get(address)?.balanceUpokt ?? 0n) - (this.spent.get(address) ?? 0n);
  }

  /**
   * Whether `address` can sign a tx paying `fee`: it needs an account (in the state, or created by
   * a funding Send earlier in this block) — the ante handler refuses a signer without one with
   * sdk:9 even for a zero fee — and a balance covering the fee.
   */
  private canPay(address: Address, fee: bigint): boolean {
    const exists = this.ctx.state.auth.accounts.get(address) !== undefined || this.created.has(address);
    return exists && this.balance(address) >= fee;
  }

  private charge(address: Address, amountUpokt: bigint): void {
    this.spent.set(address, (this.spent.get(address) ?? 0n) + amountUpokt);
  }

  private add(signer: SimKey, msg: WireMessage, expect: ProposedTx['expect'], label: string, fee: bigint): void {
    this.txs.push({ bytes: this.ctx.sign(signer, msg, { feeUpokt: fee }), expect, label: `faults/${label}` });
    this.charge(signer.address, fee);
  }

  /** Make sure `validator` can pay `fee` (a Send from a workload account first). */
  private fund(validator: SimKey, fee: bigint): boolean {
    if (this.canPay(validator.address, fee)) return true;
    const sendFee = requiredFee(this.ctx, 'send');
    const payer = this.ctx.keyList.find((k) => this.canPay(k.address, sendFee + FUNDING_UPOKT));
    if (payer === undefined) return false;
    const msg: WireMessage = { kind: 'Send', fromAddress: payer.address, toAddress: validator.address, amount: FUNDING_UPOKT.toString() };
    this.add(payer, msg, 'ok', 'fund-validator', sendFee);
    this.charge(payer.address, FUNDING_UPOKT);
    this.charge(validator.address, -FUNDING_UPOKT);
    this.created.add(validator.address);
    return this.canPay(validator.address, fee);
  }

  unjailVictim(victim: SimKey): void {
    const { ctx } = this;
    const validator = ctx.state.nodes.validators.get(victim.address);
    const info = ctx.state.slashing.signingInfos.get(victim.address);
    const minimum = ctx.state.params().pos.stakeMinimumUpokt;
    if (validator === undefined || !validator.jailed || info === undefined || validator.tokensUpokt < minimum || validator.status !== StakeStatus.Staked) return;
    if (ctx.state.nodes.waitingValidators.has(victim.address)) return;
    const fee = requiredFee(ctx, 'unjail_validator');
    if (ctx.prng.chance(0.2) && ctx.keyList.length > 0) {
      const stranger = ctx.prng.pick(ctx.keyList);
      if (this.canPay(stranger.address, fee)) this.add(stranger, unjailMsg(victim.address, stranger.address), 'pos:125', 'unjail-wrong-signer', fee);
    }
    if (!this.fund(victim, fee)) return;
    const early = info.jailedUntilNs !== null && ctx.timeNs < info.jailedUntilNs;
    this.add(victim, unjailMsg(victim.address, victim.address), early ? 'pos:104' : 'ok', early ? 'unjail-too-early' : 'unjail', fee);
  }

  unjailUnjailed(victim: SimKey | undefined, target: SimKey | undefined): void {
    const { ctx } = this;
    const minimum = ctx.state.params().pos.stakeMinimumUpokt;
    const candidates = ctx.validatorKeys.filter((key) => {
      if (key === victim || key === target) return false;
      const validator = ctx.state.nodes.validators.get(key.address);
      const info = ctx.state.slashing.signingInfos.get(key.address);
      return validator !== undefined && !validator.jailed && validator.status === StakeStatus.Staked && validator.tokensUpokt >= 2n * minimum && info !== undefined && info.missedBlocksCounter === 0;
    });
    if (candidates.length === 0) return;
    const key = ctx.prng.pick(candidates);
    const fee = requiredFee(ctx, 'unjail_validator');
    if (this.fund(key, fee)) this.add(key, unjailMsg(key.address, key.address), 'pos:105', 'unjail-not-jailed', fee);
  }
}

function offlineVictim(ctx: SimContext): Address | undefined {
  const victim = victimOf(ctx);
  if (victim === undefined || phaseOf(ctx.height) >= OFFLINE_PHASE_BLOCKS) return undefined;
  const validator = ctx.state.nodes.validators.get(victim.address);
  // Jailed or not: a jailed validator has votes in the next two last commits (see the header).
  if (validator === undefined || validator.status !== StakeStatus.Staked) return undefined;
  // Never the last validator standing: the others must keep producing.
  const others = currentSet(ctx).filter((m) => m.address !== victim.address);
  if (others.length === 0) return undefined;
  // And never a third or more of the power of the set whose votes this block's last commit
  // carries: without the victim's vote the others must still be a commit (chain/header-checks.ts).
  const voters = lastCommitSetFor(ctx.state, ctx.height);
  const votes = voters.map((m) => ({ address: m.address, power: m.power, signed: m.address !== victim.address }));
  return votes.length === 0 || hasCommitQuorum(votes) ? victim.address : undefined;
}

export function createFaultsWorkload(): Workload {
  return {
    name: 'faults',
    accounts: 4,
    propose(ctx: SimContext): ProposedTx[] {
      const plan = new BlockPlan(ctx);
      const victim = victimOf(ctx);
      if (victim !== undefined) plan.unjailVictim(victim);
      if (ctx.prng.chance(0.1)) plan.unjailUnjailed(victim, evidenceTarget(ctx));
      return plan.txs;
    },
    faults(ctx: SimContext): BlockFaults {
      const offline = offlineVictim(ctx);
      const evidence: DuplicateVoteEvidence[] = [];
      const target = evidenceTarget(ctx);
      if (target !== undefined) evidence.push(doubleSign(ctx, target, ctx.height - 1));
      if (ctx.height % 32 === 24) {
        // Too old: one block beyond max(1, floor(MaxEvidenceAge minutes / 15)) (ignored) — but
        // within Tendermint's Evidence.MaxAge, beyond which the block would be invalid
        // (chain/header-checks.ts checkEvidenceAge: age counted from the previous height).
        const tooOld = ctx.height - maxEvidenceAgeBlocks(ctx.state.params().pos.maxEvidenceAgeNs) - 1;
        const withinTendermint = BigInt(ctx.height - 1 - tooOld) <= (ctx.state.chain.consensus.get(CONSENSUS_BLOCK_KEY)?.evidenceMaxAge ?? 0n);
        const old = ctx.validatorKeys[0];
        if (old !== undefined && old !== target && tooOld >= 1 && withinTendermint) evidence.push(doubleSign(ctx, old, tooOld));
        evidence.push(doubleSign(ctx, ctx.newKey('faults-stranger'), ctx.height - 1)); // no validator: ignored
      }
      return offline === undefined ? { evidence } : { offline: new Set([offline]), evidence };
    },
  };
}
