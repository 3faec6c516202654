/**
 * The "staking" workload's block plan (staking.ts): the workload's keys by role, the balances
 * projected through the block, the records already used, and the helpers every case of
 * staking-node-cases.ts and staking-app-cases.ts builds its tx with.
 *
 * DEV_NOTE: determinism — every helper that draws from the block's Prng (chains, stake values,
 * picks) is called in the order the cases write it; moving a call moves every later draw, and
 * the simulated chain (its roots, the cached benchmark chains) with it.
 */
import type { Address } from '../../core/types.js';
import { BASE_FEE_UPOKT, type MessageType, messageType } from '../../messages/index.js';
import type { Application } from '../../modules/apps/index.js';
import { StakeStatus, type Validator } from '../../modules/nodes/index.js';
import type { WireMessage } from '../../wire/index.js';
import type { Expectation, ProposedTx, SimContext, SimKey } from '../workload.js';
import { editPassesBinRule, editStakeBinsOf } from './edit-stake-model.js';

export const POKT = 1_000_000n;
/** Far beyond any reward that could land between two blocks. */
export const UNAFFORDABLE_MARGIN_UPOKT = 1_000_000n * POKT;

export type NodeKind =
  | 'node/stake'
  | 'node/stake-by-output'
  | 'node/edit-raise'
  | 'node/edit-output'
  | 'node/begin-unstake'
  | 'node/output-by-operator'
  | 'node/delegators-by-output'
  | 'node/edit-lower'
  | 'node/edit-same-bin'
  | 'node/edit-waiting'
  | 'node/stake-unstaking'
  | 'node/below-minimum'
  | 'node/unaffordable'
  | 'node/too-many-chains'
  | 'node/no-output'
  | 'node/url-too-long'
  | 'node/null-output-by-output'
  | 'node/unstake-unknown'
  | 'node/unstake-wrong-signer'
  | 'node/unstake-unstaking'
  | 'node/bad-url'
  | 'node/bad-chain'
  | 'node/zero-value'
  | 'node/foreign-signer';

export type AppKind =
  | 'app/stake'
  | 'app/edit-raise'
  | 'app/edit-chains'
  | 'app/transfer'
  | 'app/begin-unstake'
  | 'app/edit-lower'
  | 'app/edit-unaffordable'
  | 'app/transfer-to-app'
  | 'app/transfer-from-unstaking'
  | 'app/stake-unstaking'
  | 'app/below-minimum'
  | 'app/unaffordable'
  | 'app/too-many-chains'
  | 'app/unstake-again'
  | 'app/unstake-unknown'
  | 'app/unjail-not-jailed'
  | 'app/unjail-unknown'
  | 'app/zero-value'
  | 'app/bad-chain';

export type Kind = NodeKind | AppKind;

export const isNodeKind = (kind: Kind): kind is NodeKind => kind.startsWith('node/');

/** The workload's accounts by role: operators, output addresses, applications, spares. */
export interface Roles {
  readonly operators: readonly SimKey[];
  readonly outputs: readonly SimKey[];
  readonly apps: readonly SimKey[];
  /** Keys that never stake an app themselves: transfer targets (and back). */
  readonly spares: readonly SimKey[];
}

function rolesOf(keys: readonly SimKey[]): Roles {
  const n = keys.length;
  const operators = Math.floor(n / 3);
  const outputs = Math.floor(n / 6);
  const apps = Math.floor(n / 3);
  return {
    operators: keys.slice(0, operators),
    outputs: keys.slice(operators, operators + outputs),
    apps: keys.slice(operators + outputs, operators + outputs + apps),
    spares: keys.slice(operators + outputs + apps),
  };
}

export const stakeNode = (operator: SimKey, value: bigint, chains: readonly string[], output: Address | null, url = 'https://sim-node.example.com:443', delegators: ReadonlyArray<readonly [string, number]> | null = null): WireMessage => ({
  kind: 'StakeNode',
  publicKey: operator.publicKey,
  chains,
  value: value.toString(),
  serviceUrl: url,
  outputAddress: output ?? '',
  rewardDelegators: delegators,
});

export const stakeApp = (app: { publicKey: string }, value: bigint | string, chains: readonly string[]): WireMessage => ({ kind: 'StakeApp', publicKey: app.publicKey, chains, value: value.toString() });

/** `count` distinct chain ids 0001, 0002, … (one more than a MaximumChains parameter allows). */
export const numberedChains = (count: number): string[] => Array.from({ length: count }, (_, i) => (i + 1).toString(16).toUpperCase().padStart(4, '0'));

/** One block's proposal: projected balances, the subjects already used, the txs. */
export class BlockPlan {
  readonly txs: ProposedTx[] = [];
  private readonly balances = new Map<string, bigint>();
  private readonly used = new Set<string>();
  readonly roles: Roles;
  /** Applications and spares: the keys an app case may pick. */
  readonly appHolders: readonly SimKey[];
  readonly nodeParams;
  readonly appParams;
  private readonly chainPool: readonly string[];

  constructor(readonly ctx: SimContext) {
    this.roles = rolesOf(ctx.keyList);
    this.appHolders = [...this.roles.apps, ...this.roles.spares];
    const params = ctx.state.params();
    this.nodeParams = params.pos;
    this.appParams = params.application;
    const supported = params.pocketcore.supportedBlockchains.map((c) => c.toUpperCase()).filter((c) => /^([0-9A-F]{2}){1,2}$/.test(c));
    this.chainPool = supported.length > 0 ? supported : ['0001'];
  }

  fee(type: MessageType): bigint {
    const multipliers = this.ctx.state.params().auth.feeMultipliers;
    const name = messageType(type);
    return BASE_FEE_UPOKT * (multipliers.overrides.find((entry) => entry.key === name)?.multiplier ?? multipliers.default);
  }

  balance(address: Address): bigint {
    return this.balances.get(address) ?? this.ctx.state.auth.accounts.get(address)?.balanceUpokt ?? 0n;
  }

  private spend(address: Address, amountUpokt: bigint): void {
    this.balances.set(address, this.balance(address) - amountUpokt);
  }

  /** Reserve subjects (records or payers) for this block; false if one is taken. */
  claim(...addresses: Address[]): boolean {
    if (addresses.some((a) => this.used.has(a))) return false;
    for (const a of addresses) this.used.add(a);
    return true;
  }

  add(signer: SimKey, msg: WireMessage, type: MessageType, kind: Kind, expect: ProposedTx['expect'], charged: boolean, spendUpokt = 0n): void {
    const fee = this.fee(type);
    // A charged tx whose signer cannot pay the fee would end in the ante handler (auth:6) instead.
    if (charged && this.balance(signer.address) < fee + spendUpokt) return;
    this.txs.push({ bytes: this.ctx.sign(signer, msg, { feeUpokt: fee }), expect, label: `staking/${kind}` });
    if (charged) this.spend(signer.address, fee);
    if (spendUpokt > 0n) this.spend(signer.address, spendUpokt);
  }

  /** One to three distinct chains of the supported list (draws from the Prng). */
  chains(): string[] {
    const { prng } = this.ctx;
    const count = 1 + prng.int(Math.min(3, this.chainPool.length));
    const out: string[] = [];
    for (let i = 0; i < count; i++) {
      const chain = prng.pick(this.chainPool);
      if (!out.includes(chain)) out.push(chain);
    }
    return out;
  }

  validator(key: SimKey): Validator | undefined {
    return this.ctx.state.nodes.validators.get(key.address);
  }

  app(address: Address): Application | undefined {
    return this.ctx.state.apps.applications.get(address);
  }

  /** A healthy stake: 1.5×–3× StakeMinimum (slash margins), at least 1 POKT. */
  nodeStakeValue(): bigint {
    const minimum = this.nodeParams.stakeMinimumUpokt > 0n ? this.nodeParams.stakeMinimumUpokt : POKT;
    return (minimum * BigInt(150 + this.ctx.prng.int(151))) / 100n;
  }

  appStakeValue(): bigint {
    const minimum = this.appParams.stakeMinimumUpokt > 0n ? this.appParams.stakeMinimumUpokt : POKT;
    return minimum + BigInt(this.ctx.prng.int(1000)) * POKT;
  }

  /** Pick a member of `keys` satisfying `ok` and not used yet this block. */
  pick<K extends SimKey>(keys: readonly K[], ok: (key: K) => boolean): K | undefined {
    const candidates = keys.filter((key) => !this.used.has(key.address) && ok(key));
    return candidates.length === 0 ? undefined : this.ctx.prng.pick(candidates);
  }

  ownerOf(address: Address | null): SimKey | undefined {
    return address === null ? undefined : this.ctx.keys.get(address);
  }

  /** A key with no node record. */
  readonly fresh = (key: SimKey): boolean => this.validator(key) === undefined;
  readonly staked = (key: SimKey): boolean => this.validator(key)?.status === StakeStatus.Staked;
  readonly unstaking = (key: SimKey): boolean => this.validator(key)?.status === StakeStatus.Unstaking;
  /** Staked, not jailed, not waiting to join the set, at or above StakeMinimum: an edit of it can succeed. */
  readonly editable = (key: SimKey): boolean => {
    const v = this.validator(key);
    return v !== undefined && v.status === StakeStatus.Staked && !v.jailed && !this.ctx.state.nodes.waitingValidators.has(key.address) && v.tokensUpokt >= this.nodeParams.stakeMinimumUpokt;
  };
  /** Staked, with an output address that is not the operator's own. */
  readonly hasOtherOutput = (key: SimKey): boolean => this.staked(key) && this.validator(key)!.outputAddress !== null && this.validator(key)!.outputAddress !== key.address;
  /** Staked, with an output address that is another of the workload's keys. */
  readonly hasOwnedOtherOutput = (key: SimKey): boolean => this.staked(key) && this.ownerOf(this.validator(key)!.outputAddress) !== undefined && this.validator(key)!.outputAddress !== key.address;

  readonly noApp = (key: SimKey): boolean => this.app(key.address) === undefined;
  readonly stakedApp = (key: SimKey): boolean => this.app(key.address)?.status === StakeStatus.Staked;
  readonly unstakingApp = (key: SimKey): boolean => this.app(key.address)?.status === StakeStatus.Unstaking;

  /** A value ≥ tokens that the VEDIT rule accepts (at or above the ceiling, or into a higher bin). */
  raisedValue(tokens: bigint): bigint {
    const bins = editStakeBinsOf(this.nodeParams);
    const candidate = tokens + BigInt(1 + this.ctx.prng.int(100)) * POKT;
    if (editPassesBinRule(candidate, tokens, bins)) return candidate;
    return tokens > bins.ceilingUpokt ? tokens : bins.ceilingUpokt;
  }

  /** Whether an edit keeping the stake at `tokens` passes the VEDIT bin rule. */
  sameValueEditPasses(tokens: bigint): boolean {
    return editPassesBinRule(tokens, tokens, editStakeBinsOf(this.nodeParams));
  }

  /** A same-value edit answers pos:122 below the ceiling (VEDIT) before the check of interest. */
  editExpectation(v: Validator, code: Expectation): Expectation {
    return this.sameValueEditPasses(v.tokensUpokt) ? code : 'pos:122';
  }

  /**
   * A same-value edit of a node slashed in this block's BeginBlock becomes a raise of the burned
   * amount, which the signer must then pay: keep 1% of the stake spare (slash fractions are far
   * smaller; a slash big enough to matter force-unstakes first, and those nodes are not edited).
   */
  slashMargin(v: Validator): bigint {
    return v.tokensUpokt / 100n;
  }
}
