/**
 * Each tx's outcome as far as the audit re-decides it (PROTOCOL §0.1, §1.2): the [REDUP]
 * same-bytes-twice-in-a-block refusal (auth:6), a relay proof's two signatures (relay-proof.ts:
 * pocketcore:4 / 41, no fee, before the ante), the ante handler (ShadowAnte: whether the fee
 * was charged and who paid it, or the code), and for every decoded message the handler itself:
 *   Claim (claims.ts) and Proof (proofs.ts), from the audit's own sessions, claims and Merkle walk
 *   (a proof whose reward or replay burn leaves pocket-core's decimal range: sdk:1, decimalPanics);
 *   BeginUnstake and Unjail of nodes and apps (unstake-unjail.ts), from its own records and jails;
 *   Stake of nodes and apps, new and edit (node-stake.ts, app-stake.ts), from its own records and bank;
 *   Send (§1.2): delivered when the sender still holds the amount after the fee, else sdk:10;
 *   ParamChange, Upgrade and DAOTransfer (gov.ts), from its own ACL, DAO owner, gov/upgrade value
 *   and dao account: gov:5, gov:11, ledger:14/15; sdk:4, sdk:10, a short burn sdk:1.
 * The shadow applies a message's effects only when this verdict delivers it, so a ParamChange the
 * ledger accepted wrongly is a `tx/N:code` mismatch and the audit's parameters stay as they were.
 * `code` is undefined — the recorded code is used (docs/audit.md names these) — for a tx that
 * does not decode or fails ValidateBasic (the decoder's code), a Claim's or Proof's where an input
 * is missing (claims.ts, proofs.ts), and a Stake's where an upgrade names a feature its rules
 * branch on (node-stake.ts, app-stake.ts).
 */
import type { Message } from '../../messages/index.js';
import type { ShadowAnte } from './ante.js';
import { decideAppStake, type AppStakeWorld } from './app-stake.js';
import { decideClaim, type PocketcoreWorld } from './claims.js';
import { Ed25519Verifier } from './ed25519.js';
import { decideNodeStake, type StakeWorld } from './node-stake.js';
import { decideUnstakeOrUnjail, type NodeWorld } from './unstake-unjail.js';
import { decideProof, proofClaimKey } from './proofs.js';
import { DecOverflow } from './dec.js';
import { relayReward, replayBurn } from './economics.js';
import { checkLeafSignatures } from './relay-proof.js';
import type { ShadowBank } from './bank.js';
import type { RawTx } from './inputs.js';
import type { ParamTracker } from './params.js';
import { MODULE } from './shadow.js';
import { decideDaoTransfer, decideParamChange, decideUpgrade } from './gov.js';

export const DELIVERED = 'ok';

export interface DerivedTx {
  readonly fee: bigint;
  readonly payer: string | null;
  /** DELIVERED or "codespace:code" when the audit decides it; undefined when taken from the record. */
  readonly code: string | undefined;
}

export class TxOutcomes {
  private seenInBlock = new Set<string>();
  private readonly ed25519 = new Ed25519Verifier();

  constructor(private readonly ante: ShadowAnte, private readonly bank: ShadowBank, private readonly params: ParamTracker, private readonly world: PocketcoreWorld & NodeWorld & StakeWorld & AppStakeWorld) {}

  beginBlock(): void {
    this.seenInBlock = new Set();
  }

  derive(chainId: string, height: number, tx: RawTx): DerivedTx {
    if (tx.wire === undefined) return { fee: 0n, payer: null, code: undefined }; // the decoder's code
    const duplicate = this.seenInBlock.has(tx.hash);
    this.seenInBlock.add(tx.hash);
    if (duplicate) return { fee: 0n, payer: null, code: 'auth:6' };
    if (tx.message === undefined) return { fee: 0n, payer: null, code: undefined }; // ValidateBasic's code
    const leaf = tx.message.type === 'Proof' && tx.wire.msg.kind === 'Proof' && tx.wire.msg.leaf.kind === 'relay' ? checkLeafSignatures(tx.wire.msg.leaf.proof, this.ed25519) : undefined;
    if (leaf?.code !== undefined) return { fee: 0n, payer: null, code: leaf.code };
    const verdict = this.ante.run(chainId, height, tx.wire, tx.message);
    if (!verdict.ok) return { fee: 0n, payer: null, code: verdict.code };
    if (tx.message.type === 'Claim') return { fee: verdict.fee, payer: verdict.payer, code: decideClaim(this.world, tx.message, height) };
    if (tx.message.type === 'Proof' && leaf !== undefined && tx.wire.msg.kind === 'Proof') {
      const code = decideProof(this.world, tx.message, tx.wire.msg, leaf.bytes, height);
      return { fee: verdict.fee, payer: verdict.payer, code: this.decimalPanics(tx.message, code, height) ? 'sdk:1' : code };
    }
    return { fee: verdict.fee, payer: verdict.payer, code: this.messageCode(tx.message, height, tx.signer ?? verdict.payer, verdict.payer, verdict.fee) };
  }

  endBlock(hashes: readonly string[]): void {
    this.ante.index(hashes);
  }

  /**
   * Would the proof's reward (delivered) or replay burn (pocketcore:86) panic in pocket-core's
   * decimals (a PIP-22 weight or coins beyond 315 bits: DecOverflow)? The panic unwinds the
   * handler before any write and runTx answers sdk:1 (baseapp/baseapp.go:988-999). Only a node
   * that still exists is weighed: without one RewardForRelaysPerChain and BurnForChallenge return
   * first (x/nodes/keeper/reward.go:93-100, slash.go:21-25).
   */
  private decimalPanics(message: Extract<Message, { type: 'Proof' }>, code: string | undefined, height: number): boolean {
    if (code !== DELIVERED && code !== 'pocketcore:86') return false;
    const claim = this.world.claims.get(proofClaimKey(message));
    const node = this.world.nodes.get(message.leaf.servicerAddress);
    if (claim === undefined || node === undefined) return false;
    const p = this.params;
    try {
      if (code === 'pocketcore:86') {
        replayBurn(claim.totalProofs, p.int('pocketcore/ReplayAttackBurnMultiplier'), p.int('pos/RelaysToTokensMultiplier'), node.tokens, p.pip22(), !p.featureOff('RSCAL', height));
      } else {
        relayReward({
          relays: claim.totalProofs,
          multiplier: p.multiplier(message.leaf.blockchain, height).value,
          stake: node.tokens,
          pip22: p.pip22(),
          daoPercent: p.int('pos/DAOAllocation'),
          proposerPercent: p.int('pos/ProposerPercentage'),
          rewardCost: p.fee('claim') + p.fee('proof'),
          recipient: { operator: message.leaf.servicerAddress, outputAddress: null, delegators: null },
          features: p.rewardFeatures(height),
        });
      }
    } catch (error) {
      if (error instanceof DecOverflow) return true;
      throw error;
    }
    return false;
  }

  private messageCode(message: Message, height: number, signer: string, payer: string, fee: bigint): string | undefined {
    /** What an account holds once the fee is charged (the bank moves it only after the outcome). */
    const spendable = (address: string): bigint => this.bank.balance(address) - (payer === address ? fee : 0n);
    if (message.type === 'Send') return spendable(message.fromAddress) >= message.amountUpokt ? DELIVERED : 'sdk:10';
    if (message.type === 'StakeNode') return decideNodeStake(this.world, message, { address: signer, spendable: spendable(signer) });
    if (message.type === 'StakeApp') return decideAppStake(this.world, message, signer, spendable(message.applicationAddress));
    if (message.type === 'BeginUnstakeNode' || message.type === 'UnjailNode' || message.type === 'BeginUnstakeApp' || message.type === 'UnjailApp') return decideUnstakeOrUnjail(this.world, message);
    if (message.type === 'DAOTransfer') return decideDaoTransfer(this.params, message, this.bank.balance(MODULE.dao));
    if (message.type === 'ParamChange') return decideParamChange(this.params, message, height);
    if (message.type === 'Upgrade') return decideUpgrade(this.params, message);
    return undefined;
  }
}

/** A recorded (code, codespace) in the same notation. */
export function codeText(code: number, codespace: string): string {
  return code === 0 ? DELIVERED : `${codespace}:${code}`;
}
