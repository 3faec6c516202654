/**
 * MsgStake for nodes (`stake_validator`): new stake and edit stake, with every feature active
 * (PROTOCOL §1.1, §12.1). Checks run in pocket-core's order (x/nodes/handler.go:53-110,
 * x/nodes/keeper/valStateChanges.go:111-285); the first failure is the answer:
 *
 *  1. service URL longer than 255 bytes                                   pos:118
 *  2. signer ∉ {operator, NEW output}, unless the current output signs a
 *     change of the output address (valStateChanges.go:126-140)           pos:125
 *  3. no output address ([NCUST])                                         pos:123
 *  4. more chains than pos/MaximumChains                                  pos:120
 *  5. existing record: signer ∉ {operator, CURRENT output}                pos:125
 *     Staked → edit stake (below); Unstaking → pos:110
 *  6. new: value < pos/StakeMinimum                                       pos:111
 *  7. new: the signer holds less than value                               pos:112
 *  Edit stake (ValidateEditStake, valStateChanges.go:217-285):
 *  E1. value < current tokens                                             pos:122
 *  E2. value < ServicerStakeWeightCeiling and floorToBin(value) ≤ tokens  pos:122
 *  E3. the signer holds less than value − tokens                          pos:112
 *  E4. output changes, there was one, and the signer is not it            pos:127
 *  E5. delegators change and the signer is not the operator               pos:129
 *  E6. the validator is waiting to unstake                                pos:117
 *
 * Features switched off in the features table (PROTOCOL §12.1; stake-features.test.ts):
 *  - [OEDIT] off: step 2's exception does not apply, and E4 becomes "output changes and there
 *    was one" → pos:124 (valStateChanges.go:257-262); a node without one may still set it.
 *  - [RSCAL] or [VEDIT] off: no E2 (:224).
 *  - [RewardDelegators] off: the message's delegators are dropped (handler.go:63-70) and an
 *    edit keeps the current ones (EditStakeValidator :346-348); no E5.
 *  [NCUST] off (pre-non-custodial staking) is NOT modelled: its messages are the legacy ones,
 *  refused at decode (ledger:4, messages/index.ts).
 *
 * Unreachable here (documented, tested as such): pos:101 (non-ed25519 key — the message layer
 * already answers ledger:6) and the handler's re-validation of the delegators (pos:128 —
 * ValidateBasic already ran the same check).
 *
 * Worked example (E2, PIP-22 F = 15,000 POKT, C = 60,000 POKT): tokens 31,000 POKT; editing to
 * 44,000 POKT floors to 30,000 ≤ 31,000 → pos:122; to 45,000 POKT → 45,000 > 31,000 → accepted;
 * to 60,000 POKT (≥ C) → accepted whatever the bin.
 */
import { accepted, rejected, type Outcome } from '../../core/outcome.js';
import { rejection } from '../../core/rejection.js';
import type { FeatureSet } from '../../core/features.js';
import type { Address } from '../../core/types.js';
import type { TxContext } from '../../core/block-context.js';
import { MAX_SERVICE_URL_BYTES, POS, type StakeNodeMessage } from '../../messages/index.js';
import type { PosParams } from '../../params/params.js';
import type { ReadonlyTable } from '../../state/table.js';
import type { Account } from '../auth/index.js';
import { pip22EditStakeReachesHigherBin, pip22ParamsOf } from './pip22.js';
import type { NodeStaked, NodeStakeEdited } from './events.js';
import { StakeStatus, type Validator, type WaitingReason } from './state.js';

export interface NodesStakingView {
  readonly auth: { readonly accounts: ReadonlyTable<Account> };
  readonly nodes: { readonly validators: ReadonlyTable<Validator>; readonly waitingValidators: ReadonlyTable<WaitingReason> };
  params(): { readonly pos: PosParams };
}

type Delegators = Readonly<Record<string, number>> | null;

/** The message's delegator list as the record stores it (null when absent or empty). */
export function delegatorsRecord(entries: StakeNodeMessage['rewardDelegators']): Delegators {
  if (entries === null || entries.length === 0) return null;
  return Object.freeze(Object.fromEntries(entries));
}

/** CompareStringMaps (types/utils.go:201-213): same size and same share for every key; null = {}. */
export function sameDelegators(a: Delegators, b: Delegators): boolean {
  const left = Object.entries(a ?? {});
  if (left.length !== Object.keys(b ?? {}).length) return false;
  return left.every(([key, share]) => (b ?? {})[key] === share);
}

/** ValidateValidatorMsgSigner (valStateChanges.go:198-214): the operator, or the output address if set. */
export function isOperatorOrOutput(validator: { readonly address: Address; readonly outputAddress: Address | null }, signer: Address): boolean {
  return signer === validator.address || (validator.outputAddress !== null && signer === validator.outputAddress);
}

const balanceOf = (state: NodesStakingView, address: Address): bigint => state.auth.accounts.get(address)?.balanceUpokt ?? 0n;

type StakeOutcome = Outcome<NodeStaked | NodeStakeEdited>;

/** The feature-gated parts of the rules (valStateChanges.go:126-133, 224, 249-276; handler.go:63-70). */
interface StakeRuleGates {
  readonly outputEditByOutput: boolean;
  readonly binRule: boolean;
  readonly rewardDelegators: boolean;
}

function stakeRuleGates(off: FeatureSet): StakeRuleGates {
  return { outputEditByOutput: !off.has('OEDIT'), binRule: !off.has('RSCAL') && !off.has('VEDIT'), rewardDelegators: !off.has('RewardDelegators') };
}

export function decideStakeNode(state: NodesStakingView, msg: StakeNodeMessage, ctx: Pick<TxContext, 'signer' | 'height' | 'inactiveFeatures'>): StakeOutcome {
  const params = state.params().pos;
  const signer = ctx.signer;
  const gates = stakeRuleGates(ctx.inactiveFeatures);
  const urlBytes = Buffer.byteLength(msg.serviceUrl, 'utf8');
  if (urlBytes > MAX_SERVICE_URL_BYTES) return rejected(rejection(POS.invalid_service_url, `the service url is not valid: url too long (${urlBytes} > ${MAX_SERVICE_URL_BYTES} bytes)`));
  const current = state.nodes.validators.get(msg.operatorAddress);
  const outputChangeByCurrentOutput =
    gates.outputEditByOutput &&
    current !== undefined && msg.outputAddress !== null && msg.outputAddress !== current.outputAddress && current.outputAddress === signer;
  if (!outputChangeByCurrentOutput && !isOperatorOrOutput({ address: msg.operatorAddress, outputAddress: msg.outputAddress }, signer)) {
    return rejected(rejection(POS.signer_not_operator_or_output, `signer ${signer} is neither the operator nor the output address of the message`));
  }
  if (msg.outputAddress === null) return rejected(rejection(POS.output_address_missing, 'the output address is required (non-custodial staking)'));
  if (BigInt(msg.chains.length) > params.maximumChains) {
    return rejected(rejection(POS.too_many_chains, `${msg.chains.length} chains exceed pos/MaximumChains ${params.maximumChains}`));
  }
  if (current !== undefined) {
    if (!isOperatorOrOutput(current, signer)) return rejected(rejection(POS.signer_not_operator_or_output, `signer ${signer} is neither the operator nor the current output address`));
    if (current.status === StakeStatus.Staked) return decideEditStake(state, params, gates, msg, current, signer);
    return rejected(rejection(POS.invalid_validator_status, `validator ${current.address} is unstaking and cannot stake until its unstake completes`));
  }
  if (msg.valueUpokt < params.stakeMinimumUpokt) {
    return rejected(rejection(POS.stake_below_minimum, `stake ${msg.valueUpokt}upokt is below pos/StakeMinimum ${params.stakeMinimumUpokt}upokt`));
  }
  const balance = balanceOf(state, signer);
  if (balance < msg.valueUpokt) return rejected(rejection(POS.not_enough_coins, `signer ${signer} holds ${balance}upokt, the stake needs ${msg.valueUpokt}upokt`));
  return accepted<NodeStaked | NodeStakeEdited>({
    type: 'NodeStaked',
    address: msg.operatorAddress,
    publicKey: msg.publicKey,
    payer: signer,
    amountUpokt: msg.valueUpokt,
    chains: msg.chains,
    serviceUrl: msg.serviceUrl,
    outputAddress: msg.outputAddress,
    rewardDelegators: gates.rewardDelegators ? delegatorsRecord(msg.rewardDelegators) : null,
  });
}

function decideEditStake(state: NodesStakingView, params: PosParams, gates: StakeRuleGates, msg: StakeNodeMessage, current: Validator, signer: Address): StakeOutcome {
  const tokens = current.tokensUpokt;
  if (msg.valueUpokt < tokens) {
    return rejected(rejection(POS.edit_stake_must_not_decrease, `edit stake ${msg.valueUpokt}upokt must be greater than or equal to the current stake ${tokens}upokt`));
  }
  if (gates.binRule && !pip22EditStakeReachesHigherBin(msg.valueUpokt, tokens, pip22ParamsOf(params))) {
    return rejected(
      rejection(
        POS.edit_stake_must_not_decrease,
        `below the ceiling ${params.servicerStakeWeightCeiling}upokt an edit must reach a greater stake bin: ${msg.valueUpokt}upokt floors to a bin ≤ the current ${tokens}upokt`,
      ),
    );
  }
  const added = msg.valueUpokt - tokens;
  const balance = balanceOf(state, signer);
  if (added > 0n && balance < added) return rejected(rejection(POS.not_enough_coins, `signer ${signer} holds ${balance}upokt, the raise needs ${added}upokt`));
  if (!gates.outputEditByOutput && current.outputAddress !== null && msg.outputAddress !== current.outputAddress) {
    return rejected(rejection(POS.output_address_already_set, `the output address ${current.outputAddress} cannot be changed before [OEDIT]`));
  }
  if (current.outputAddress !== null && signer !== current.outputAddress && msg.outputAddress !== current.outputAddress) {
    return rejected(rejection(POS.only_current_output_may_change_output, `only the current output address ${current.outputAddress} may change it`));
  }
  const delegators = gates.rewardDelegators ? delegatorsRecord(msg.rewardDelegators) : current.rewardDelegators;
  if (gates.rewardDelegators && !sameDelegators(current.rewardDelegators, delegators) && signer !== current.address) {
    return rejected(rejection(POS.only_operator_may_edit_reward_delegators, `only the operator ${current.address} may change the reward delegators`));
  }
  if (state.nodes.waitingValidators.has(current.address)) {
    return rejected(rejection(POS.validator_waiting_to_unstake, `validator ${current.address} is waiting to begin unstaking and cannot be edited`));
  }
  return accepted<NodeStaked | NodeStakeEdited>({
    type: 'NodeStakeEdited',
    address: current.address,
    payer: signer,
    previousTokensUpokt: tokens,
    addedUpokt: added,
    tokensUpokt: msg.valueUpokt,
    chains: msg.chains,
    previousChains: current.chains,
    serviceUrl: msg.serviceUrl,
    outputAddress: msg.outputAddress,
    previousOutputAddress: current.outputAddress,
    rewardDelegators: delegators,
    previousRewardDelegators: current.rewardDelegators,
  });
}
