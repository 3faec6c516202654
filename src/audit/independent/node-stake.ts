/**
 * The code of a node's MsgStake (new stake and edit stake), written from PROTOCOL §1.1
 * (pocket-core x/nodes/handler.go:53-110 and keeper/valStateChanges.go:111-285; checked against
 * RC-0.12.0) with every feature active, read from the shadow's own node records and bank.
 * ValidateBasic's codes (pos:102/103/115/118/119/128) are the decoder's (tx-outcomes.ts). First
 * failure wins:
 *   service URL over 255 bytes → pos:118 (handler.go:56-61)
 *   signer ∉ {operator, the message's output} → pos:125 — skipped when the node exists, the
 *     message changes its output and the CURRENT output signs ([NCUST]&[OEDIT], :126-140)
 *   no output address → pos:123 ([NCUST], :144-148)
 *   more chains than pos/MaximumChains → pos:120 (:152-154)
 *   node exists: signer ∉ {operator, current output} → pos:125; Staked → edit (below);
 *     unstaking → pos:110 (:156-168)
 *   new: value < pos/StakeMinimum → pos:111; the signer cannot pay value → pos:112 (:185-196)
 * Edit (ValidateEditStake, :217-285):
 *   value < tokens → pos:122; [RSCAL]&[VEDIT]: value < ServicerStakeWeightCeiling and
 *   value − value mod ServicerStakeFloorMultiplier ≤ tokens → pos:122 (a strictly higher bin);
 *   a raise the signer cannot pay → pos:112; the output changes, there is one and the signer is
 *   not it → pos:127; the delegators change and the signer is not the operator → pos:129; in
 *   the waiting-to-unstake set → pos:117.
 * Worked example (the bin rule, F = 15,000 POKT, C = 60,000 POKT): tokens 31,000 POKT; an edit
 * to 44,000 floors to 30,000 ≤ 31,000 → pos:122; to 45,000 → 45,000 > 31,000 → delivered; to
 * 60,000 (≥ C) → delivered.
 * Unreachable here: pos:101 (a non-ed25519 key is refused by the decoder), pos:124 (pre-[OEDIT]).
 * Where an upgrade names a feature these rules branch on, the code is not re-decided.
 */
import type { Message } from '../../messages/index.js';
import type { ParamTracker } from './params.js';

/** Features whose switching off changes the node stake rules (PROTOCOL §1.1, §12.1). */
const NODE_STAKE_FEATURES = ['NCUST', 'OEDIT', 'RSCAL', 'VEDIT', 'RewardDelegators'];

/** handler.go:56-61 (msg.go:308-313): len(url) in bytes. */
const MAX_SERVICE_URL_BYTES = 255;

type Shares = ReadonlyArray<readonly [string, number]> | null;

export interface StakeNodeRecord {
  readonly operator: string;
  readonly outputAddress: string | null;
  readonly delegators: Shares;
  readonly tokens: bigint;
  /** In the waiting-to-begin-unstaking set. */
  readonly waiting: boolean;
  /** Non-null: Unstaking. */
  readonly unstakingAtNs: bigint | null;
}

/** The parameters in force and the upgrades' feature list (shared with app-stake.ts). */
export interface RulesWorld {
  readonly params: ParamTracker;
  /** Whether an upgrade names any of these features. */
  featuresChanged(keys: readonly string[]): boolean;
}

export interface StakeWorld extends RulesWorld {
  readonly nodes: ReadonlyMap<string, StakeNodeRecord>;
}

/** What the stake's payer (the tx signer) can spend: its balance after the fee it paid. */
export interface StakePayer {
  readonly address: string;
  readonly spendable: bigint;
}

type StakeNode = Extract<Message, { type: 'StakeNode' }>;

/** The code ("ok" or "pos:N"), or undefined where the audit does not decide it. */
export function decideNodeStake(world: StakeWorld, message: StakeNode, payer: StakePayer): string | undefined {
  if (world.featuresChanged(NODE_STAKE_FEATURES)) return undefined;
  if (Buffer.byteLength(message.serviceUrl, 'utf8') > MAX_SERVICE_URL_BYTES) return 'pos:118';
  const signer = payer.address;
  const current = world.nodes.get(message.operatorAddress);
  const outputChangeByCurrentOutput = current !== undefined && message.outputAddress !== null && message.outputAddress !== current.outputAddress && signer === current.outputAddress;
  if (!outputChangeByCurrentOutput && !isOperatorOrOutput(message.operatorAddress, message.outputAddress, signer)) return 'pos:125';
  if (message.outputAddress === null) return 'pos:123';
  if (BigInt(message.chains.length) > world.params.int('pos/MaximumChains')) return 'pos:120';
  if (current !== undefined) {
    if (!isOperatorOrOutput(current.operator, current.outputAddress, signer)) return 'pos:125';
    return current.unstakingAtNs === null ? editCode(world.params, current, message, payer) : 'pos:110';
  }
  if (message.valueUpokt < world.params.int('pos/StakeMinimum')) return 'pos:111';
  return payer.spendable < message.valueUpokt ? 'pos:112' : 'ok';
}

function editCode(params: ParamTracker, current: StakeNodeRecord, message: StakeNode, payer: StakePayer): string | undefined {
  const value = message.valueUpokt;
  if (value < current.tokens) return 'pos:122';
  const { floor, ceiling } = params.pip22();
  if (floor <= 0n) return undefined; // Go's Mod by zero: not a rule PROTOCOL states
  if (value < ceiling && value - (value % floor) <= current.tokens) return 'pos:122';
  const raise = value - current.tokens;
  if (raise > 0n && payer.spendable < raise) return 'pos:112';
  if (current.outputAddress !== null && payer.address !== current.outputAddress && message.outputAddress !== current.outputAddress) return 'pos:127';
  if (!sameShares(current.delegators, message.rewardDelegators) && payer.address !== current.operator) return 'pos:129';
  return current.waiting ? 'pos:117' : 'ok';
}

/** ValidateValidatorMsgSigner (valStateChanges.go:198-214). */
function isOperatorOrOutput(operator: string, output: string | null, signer: string): boolean {
  return signer === operator || (output !== null && signer === output);
}

/** CompareStringMaps (types/utils.go:201-213): same size, same share per key; absent = empty. */
function sameShares(a: Shares, b: Shares): boolean {
  const left = new Map(a ?? []);
  const right = new Map(b ?? []);
  return left.size === right.size && [...left].every(([key, share]) => right.get(key) === share);
}
