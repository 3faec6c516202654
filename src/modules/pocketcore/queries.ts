/**
 * pocketcore read models and calculators (pure functions over the state):
 * - dispatch: what pocket-core's /v1/client/dispatch answers (session.go:11-48): the latest
 *   session at the current height, nodes checked in the current state;
 * - node claims: the data of /v1/query/nodeclaim(s) in pocket's field names (the hash as hex;
 *   the query service writes them in pocket-core's encodings, src/query/pocket-json.ts);
 * - the relay-reward calculator behind `pokt-ledger calc reward`: the RelaysRewarded plan for
 *   N relays at a stake, plus how the fee-collector share splits at the next BeginBlock.
 */
import type { Rejection } from '../../core/rejection.js';
import { err, ok, type Result } from '../../core/result.js';
import type { FeatureSet } from '../../core/features.js';
import type { Address, PublicKeyHex } from '../../core/types.js';
import type { Params } from '../../params/params.js';
import { inactiveFeatures } from '../gov/index.js';
import { planBlockReward, StakeStatus, type Validator } from '../nodes/index.js';
import { planRelayReward, type RelayRewardPlan } from './rewards.js';
import { dispatchSession, type SessionView } from './session-service.js';
import type { ClaimRecord } from './state.js';
import type { PocketcoreView } from './view.js';

export interface DispatchAnswer {
  readonly key: string;
  readonly header: { readonly app_public_key: string; readonly chain: string; readonly session_height: number };
  readonly nodes: readonly Address[];
}

export function dispatch(view: SessionView & Pick<PocketcoreView, 'params'>, appPublicKey: PublicKeyHex, chain: string, height: number): Result<DispatchAnswer, Rejection> {
  const enforceMaxChains = !inactiveFeatures(view.params().gov.upgrade, height).has('MAXCH');
  const session = dispatchSession(view, appPublicKey, chain, height, { enforceMaxChains });
  if (!session.ok) return err(session.error);
  const { header, key, nodes } = session.value;
  return ok({ key, header: { app_public_key: header.appPublicKey, chain: header.chain, session_height: header.sessionHeight }, nodes });
}

/**
 * The seated nodes' records as of the session start, in selection order: HandleDispatch answers
 * GetNode(sessionCtx, addr) (x/pocketcore/keeper/session.go:42-45), not the live record, so a
 * node that edited its stake (URL, chains, tokens) or began unstaking mid-session is shown as it
 * was at the start. Every seat exists there: candidates come from the start state's chain index.
 */
export function dispatchNodeRecords(view: Pick<PocketcoreView, 'nodes'>, answer: DispatchAnswer): Validator[] {
  return answer.nodes.map((address) => view.nodes.validators.getAt(address, answer.header.session_height)!);
}

export interface ClaimAnswer {
  readonly header: { readonly app_public_key: string; readonly chain: string; readonly session_height: number };
  readonly merkle_root: { readonly merkleHash: string; readonly range: { readonly lower: string; readonly upper: string } };
  readonly total_proofs: string;
  readonly from_address: Address;
  readonly evidence_type: number;
  readonly expiration_height: number;
}

export function claimAnswer(claim: ClaimRecord): ClaimAnswer {
  return {
    header: { app_public_key: claim.header.appPublicKey, chain: claim.header.chain, session_height: claim.header.sessionHeight },
    merkle_root: { merkleHash: claim.merkleRoot.hashHex, range: { lower: claim.merkleRoot.lower.toString(), upper: claim.merkleRoot.upper.toString() } },
    total_proofs: claim.totalProofs.toString(),
    from_address: claim.servicer,
    evidence_type: claim.evidenceType,
    expiration_height: claim.expirationHeight,
  };
}

/** Pending claims of `address` (all claims when undefined), in key order (= pocket's iteration). */
export function nodeClaims(view: Pick<PocketcoreView, 'pocketcore'>, address: Address | undefined): ClaimAnswer[] {
  const out: ClaimAnswer[] = [];
  for (const [key, claim] of view.pocketcore.claims.sortedEntries()) if (address === undefined || key.startsWith(address)) out.push(claimAnswer(claim));
  return out;
}

export interface RewardCalculation {
  readonly chain: string;
  readonly relays: string;
  readonly stake_upokt: string;
  readonly multiplier_upokt_per_relay: string;
  readonly bin: string;
  readonly weight: string;
  /** Everything minted for the claim (node + fee-collector share). */
  readonly minted_upokt: string;
  /** minted − fee-collector share (the servicer side, reward-cost refund included). */
  readonly node_upokt: string;
  readonly reward_cost_refund_upokt: string;
  readonly fee_collector_upokt: string;
  /** How the fee-collector share splits at the next BeginBlock, if it were alone there. */
  readonly dao_upokt: string;
  readonly proposer_upokt: string;
  readonly burned_upokt: string;
  readonly recipients: ReadonlyArray<{ readonly role: string; readonly address: string; readonly amount_upokt: string }>;
}

export interface RewardCalculationInput {
  readonly relays: bigint;
  readonly stakeUpokt: bigint;
  readonly chain: string;
  readonly operator: Address;
  readonly output: Address | null;
  readonly delegators: Readonly<Record<string, number>> | null;
  /** Features switched off (gov/features.ts `inactiveFeatures`); default none. */
  readonly inactiveFeatures?: FeatureSet;
}

/**
 * The relay reward of `relays` relays for a servicer staked `stakeUpokt` under `params`.
 * Example (mainnet-genesis split, RTTM 1000, PIP-22 activation values, 10,000 relays, 15,000
 * POKT): minted 10,000,000, node 8,900,000, fee collector 1,100,000 → DAO 1,000,000, proposer
 * 100,000 (10:1 at the next BeginBlock).
 */
export function calculateRelayReward(params: Params, input: RewardCalculationInput): { readonly plan: RelayRewardPlan; readonly answer: RewardCalculation } {
  const validator: Validator = {
    address: input.operator,
    publicKey: '00'.repeat(32) as PublicKeyHex,
    jailed: false,
    status: StakeStatus.Staked,
    chains: [input.chain],
    serviceUrl: '',
    tokensUpokt: input.stakeUpokt,
    unstakingTimeNs: null,
    outputAddress: input.output,
    rewardDelegators: input.delegators,
  };
  const plan = planRelayReward({
    servicer: input.operator,
    chain: input.chain,
    relays: input.relays,
    validator,
    pos: params.pos,
    auth: params.auth,
    ...(input.inactiveFeatures === undefined ? {} : { inactiveFeatures: input.inactiveFeatures }),
  });
  const split = planBlockReward(plan.feeCollectorUpokt, params.pos, null, undefined);
  return {
    plan,
    answer: {
      chain: input.chain,
      relays: input.relays.toString(),
      stake_upokt: input.stakeUpokt.toString(),
      multiplier_upokt_per_relay: plan.multiplierUpoktPerRelay.toString(),
      bin: plan.bin.toString(),
      weight: plan.weight,
      minted_upokt: plan.mintedUpokt.toString(),
      node_upokt: plan.nodeRewardUpokt.toString(),
      reward_cost_refund_upokt: plan.rewardCostRefundUpokt.toString(),
      fee_collector_upokt: plan.feeCollectorUpokt.toString(),
      dao_upokt: (split?.daoUpokt ?? 0n).toString(),
      proposer_upokt: (split?.proposerUpokt ?? 0n).toString(),
      burned_upokt: (split?.burnedUpokt ?? 0n).toString(),
      recipients: plan.lines.map((line) => ({ role: line.role, address: line.address, amount_upokt: line.amountUpokt.toString() })),
    },
  };
}
