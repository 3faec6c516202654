/**
 * Workload "governance": ParamChange by the owner and by others, DAO transfers and burns, and
 * upgrades — valid messages and the rejection paths, each with the outcome the ledger gives it
 * (PROTOCOL §8, src/modules/gov), predicted from the state after the previous block.
 *
 *   label                           expect
 *   gov/param-noop                  ok         the owner sets a parameter to its current value
 *   gov/param-change                ok         the owner changes a parameter no other workload
 *                                              predicts with (StabilityAdjustment,
 *                                              ReplayAttackBurnMultiplier, the slash fractions,
 *                                              FeeBurnPercentage)
 *   gov/param-by-stranger           gov:5      anyone else
 *   gov/param-unknown-key           gov:5      a key that is no parameter
 *   gov/param-malformed             ledger:14  a value that does not decode as the type
 *   gov/param-out-of-range          ledger:15  a zero divisor, a share above 100 %
 *   gov/dao-transfer, gov/dao-burn  ok         amounts within the treasury (projected through
 *                                              the block; BeginBlock only adds to it)
 *   gov/dao-overdraw-transfer       sdk:10     more than the treasury plus anything it can
 *   gov/dao-overdraw-burn           sdk:1      receive at this BeginBlock
 *   gov/dao-by-stranger             sdk:4
 *   gov/upgrade                     ok         every 100 blocks (h mod 100 = 50): version
 *                                              LEDGER_PROTOCOL_VERSION at h + 1000 (never halts)
 *   gov/upgrade-features            ok         h mod 100 = 75: a features-only upgrade
 *                                              ("REDUP:h", active from now on: no rule changes)
 *   gov/upgrade-by-stranger         gov:5
 *   gov/upgrade-bad-version         ledger:14
 *
 * The owner is this workload's first key: the simulator's genesis makes it gov/daoOwner and the
 * owner of every ACL entry (`assignGovernanceOwner`, called by sim-genesis.ts). Expectations are
 * computed from the ACL and the DAO owner in the state, so on a chain whose owner is someone
 * else every owner-path tx is predicted as the stranger's answer instead.
 * Ordering: register this workload last — its ParamChanges then never precede another
 * workload's txs in the same block.
 */
import { type Address, MAX_INT64 } from '../../core/types.js';
import type { ParamValue } from '../../params/kinds.js';
import { paramValueOf, type Params } from '../../params/params.js';
import { PARAM_SPECS_BY_KEY } from '../../params/registry.js';
import { MODULE_ADDRESSES } from '../../modules/auth/index.js';
import { aclOwner, LEDGER_PROTOCOL_VERSION, paramChangeValueText } from '../../modules/gov/index.js';
import type { WireMessage } from '../../wire/index.js';
import type { ProposedTx, SimContext, SimKey, Workload } from '../workload.js';
import { requiredFee } from './faults.js';

/** Make `owner` the DAO owner and the owner of every ACL entry of a genesis `app_state`. */
export function assignGovernanceOwner(appState: Record<string, unknown>, owner: Address): void {
  const gov = (appState['gov'] as Record<string, unknown> | undefined)?.['params'] as Record<string, unknown> | undefined;
  if (gov === undefined) throw new Error('genesis has no app_state.gov.params');
  gov['dao_owner'] = owner;
  const acl = gov['acl'];
  if (Array.isArray(acl)) for (const entry of acl) (entry as Record<string, unknown>)['address'] = owner;
}

const SAFE_CHANGES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['application/StabilityAdjustment', ['"0"', '"10"', '"100"']],
  ['pocketcore/ReplayAttackBurnMultiplier', ['"3"', '"4"', '"5"']],
  ['pos/SlashFractionDowntime', ['"0.000001"', '"0.00001"', '"0.0001"']],
  ['pos/SlashFractionDoubleSign', ['"0.01"', '"0.02"', '"0.05"']],
  ['pos/FeeBurnPercentage', ['"0"', '"0"', '"50"', '"99"']],
];
const MALFORMED: ReadonlyArray<readonly [string, string]> = [
  ['pos/StakeMinimum', '15000000000'],
  ['application/ParticipationRateOn', '"true"'],
  ['pos/MinSignedPerWindow', '"0.1234567890123456789"'],
  ['auth/MaxMemoCharacters', 'not json'],
  ['gov/daoOwner', '"xyz"'],
];
const OUT_OF_RANGE: ReadonlyArray<readonly [string, string]> = [
  ['pos/BlocksPerSession', '"0"'],
  ['pos/SignedBlocksWindow', '"0"'],
  ['pos/FeeBurnPercentage', '"101"'],
];

type Kind =
  | 'param-noop'
  | 'param-change'
  | 'param-by-stranger'
  | 'param-unknown-key'
  | 'param-malformed'
  | 'param-out-of-range'
  | 'dao-transfer'
  | 'dao-burn'
  | 'dao-overdraw-transfer'
  | 'dao-overdraw-burn'
  | 'dao-by-stranger'
  | 'upgrade-by-stranger'
  | 'upgrade-bad-version';

const WEIGHTS: ReadonlyArray<readonly [Kind, number]> = [
  ['param-noop', 20],
  ['param-change', 15],
  ['param-by-stranger', 10],
  ['param-unknown-key', 4],
  ['param-malformed', 8],
  ['param-out-of-range', 6],
  ['dao-transfer', 10],
  ['dao-burn', 8],
  ['dao-overdraw-transfer', 3],
  ['dao-overdraw-burn', 3],
  ['dao-by-stranger', 5],
  ['upgrade-by-stranger', 4],
  ['upgrade-bad-version', 4],
];
const TOTAL_WEIGHT = WEIGHTS.reduce((sum, [, w]) => sum + w, 0);

function paramChangeMsg(from: Address, key: string, valueJson: string): WireMessage {
  return { kind: 'ParamChange', fromAddress: from, paramKey: key, paramValue: Buffer.from(valueJson, 'utf8').toString('hex') };
}

function valueOf(params: Params, key: string): ParamValue {
  return paramValueOf(params, PARAM_SPECS_BY_KEY.get(key)!);
}

class BlockPlan {
  readonly txs: ProposedTx[] = [];
  private daoSpent = 0n;
  readonly params: Params;

  constructor(
    readonly ctx: SimContext,
    readonly owner: SimKey,
    readonly stranger: SimKey,
  ) {
    this.params = ctx.state.params();
  }

  private add(signer: SimKey, msg: WireMessage, expect: ProposedTx['expect'], label: string, msgType: string): void {
    this.txs.push({ bytes: this.ctx.sign(signer, msg, { feeUpokt: requiredFee(this.ctx, msgType) }), expect, label: `gov/${label}` });
  }

  /** What a ParamChange of `key` by `signer` gets before its value is looked at. */
  private gate(signer: SimKey, key: string): ProposedTx['expect'] | undefined {
    return aclOwner(this.params, key) !== signer.address ? 'gov:5' : undefined;
  }

  private param(signer: SimKey, key: string, value: string, expect: ProposedTx['expect'], label: string): void {
    this.add(signer, paramChangeMsg(signer.address, key, value), this.gate(signer, key) ?? expect, label, 'change_param');
  }

  private daoBalance(): bigint {
    return (this.ctx.state.auth.accounts.get(MODULE_ADDRESSES.dao)?.balanceUpokt ?? 0n) - this.daoSpent;
  }

  private dao(signer: SimKey, amount: bigint, action: 'dao_transfer' | 'dao_burn', to: Address | '', expect: ProposedTx['expect'], label: string): void {
    const authorized = this.params.gov.daoOwner === signer.address;
    const msg: WireMessage = { kind: 'DAOTransfer', fromAddress: signer.address, toAddress: to, amount: amount.toString(), action };
    this.add(signer, msg, authorized ? expect : 'sdk:4', label, 'dao_tranfer');
    if (authorized && expect === 'ok') this.daoSpent += amount;
  }

  upgrade(signer: SimKey, height: bigint, version: string, features: readonly string[], label: string, valid: boolean): void {
    const msg: WireMessage = { kind: 'Upgrade', address: signer.address, upgrade: { height, version, oldUpgradeHeight: 0n, features } };
    const expect = aclOwner(this.params, 'gov/upgrade') !== signer.address ? 'gov:5' : valid ? 'ok' : 'ledger:14';
    this.add(signer, msg, expect, label, 'upgrade');
  }

  propose(kind: Kind): void {
    const { ctx, owner, stranger } = this;
    const { prng } = ctx;
    switch (kind) {
      case 'param-noop': {
        const keys = this.params.gov.acl.map((entry) => entry.key).filter((key) => key !== 'gov/upgrade' && PARAM_SPECS_BY_KEY.has(key));
        if (keys.length === 0) return;
        const key = prng.pick(keys);
        const spec = PARAM_SPECS_BY_KEY.get(key)!;
        this.param(owner, key, paramChangeValueText(spec, valueOf(this.params, key)), 'ok', kind);
        return;
      }
      case 'param-change': {
        const [key, values] = prng.pick(SAFE_CHANGES);
        this.param(owner, key, prng.pick(values), 'ok', kind);
        return;
      }
      case 'param-by-stranger': {
        const [key, values] = prng.pick(SAFE_CHANGES);
        this.param(stranger, key, prng.pick(values), 'gov:5', kind);
        return;
      }
      case 'param-unknown-key':
        this.param(owner, 'pos/NoSuchParam', '"1"', 'gov:5', kind);
        return;
      case 'param-malformed': {
        const [key, value] = prng.pick(MALFORMED);
        this.param(owner, key, value, 'ledger:14', kind);
        return;
      }
      case 'param-out-of-range': {
        const [key, value] = prng.pick(OUT_OF_RANGE);
        this.param(owner, key, value, 'ledger:15', kind);
        return;
      }
      case 'dao-transfer':
      case 'dao-burn': {
        const balance = this.daoBalance();
        if (balance < 2n) return;
        const cap = balance / 100n < 1_000_000_000n ? balance / 100n : 1_000_000_000n;
        const amount = 1n + (cap > 1n ? prng.bigint(cap) : 0n);
        if (kind === 'dao-transfer') this.dao(owner, amount, 'dao_transfer', prng.pick(ctx.keyList).address, 'ok', kind);
        else this.dao(owner, amount, 'dao_burn', '', 'ok', kind);
        return;
      }
      case 'dao-overdraw-transfer':
      case 'dao-overdraw-burn': {
        // Beyond the treasury plus everything fee_collector could hand it at this BeginBlock.
        const collected = ctx.state.auth.accounts.get(MODULE_ADDRESSES.fee_collector)?.balanceUpokt ?? 0n;
        const amount = this.daoBalance() + collected + 1_000_000_000_000n;
        if (amount > MAX_INT64) return;
        if (kind === 'dao-overdraw-transfer') this.dao(owner, amount, 'dao_transfer', stranger.address, 'sdk:10', kind);
        else this.dao(owner, amount, 'dao_burn', '', 'sdk:1', kind);
        return;
      }
      case 'dao-by-stranger':
        this.dao(stranger, 1n, prng.chance(0.5) ? 'dao_transfer' : 'dao_burn', stranger.address, 'sdk:4', kind);
        return;
      case 'upgrade-by-stranger':
        this.upgrade(stranger, BigInt(ctx.height + 1000), LEDGER_PROTOCOL_VERSION, [], kind, true);
        return;
      case 'upgrade-bad-version':
        this.upgrade(owner, BigInt(ctx.height + 1000), 'v-next', [], kind, false);
        return;
    }
  }
}

function drawKind(ctx: SimContext): Kind {
  let ticket = ctx.prng.int(TOTAL_WEIGHT);
  for (const [kind, weight] of WEIGHTS) {
    if (ticket < weight) return kind;
    ticket -= weight;
  }
  return 'param-noop';
}

export function createGovernanceWorkload(): Workload {
  return {
    name: 'governance',
    accounts: 4,
    propose(ctx: SimContext): ProposedTx[] {
      const [owner, stranger] = ctx.keyList;
      if (owner === undefined || stranger === undefined) return [];
      const plan = new BlockPlan(ctx, owner, stranger);
      const count = 1 + ctx.prng.int(3);
      for (let i = 0; i < count; i++) plan.propose(drawKind(ctx));
      // Scheduled upgrades go last in the block (nothing after them reads gov/upgrade).
      if (ctx.height % 100 === 50) plan.upgrade(owner, BigInt(ctx.height + 1000), LEDGER_PROTOCOL_VERSION, [], 'upgrade', true);
      if (ctx.height % 100 === 75) plan.upgrade(owner, 1n, 'FEATURE', [`REDUP:${ctx.height}`], 'upgrade-features', true);
      return plan.txs;
    },
  };
}
