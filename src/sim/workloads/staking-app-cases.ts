/**
 * The "staking" workload's application cases (staking.ts has the table of kinds and their
 * expected codes): each proposes at most one tx about one application record, or nothing when
 * no key fits. Apps are picked from the app keys, or from apps and spares (`plan.appHolders`)
 * where a transfer may have moved the record.
 *
 * DEV_NOTE: determinism — the order of the Prng draws inside each case is part of the
 * simulated chain; keep it when editing (staking-plan.ts).
 */
import type { WireMessage } from '../../wire/index.js';
import { type AppKind, type BlockPlan, numberedChains, POKT, stakeApp, UNAFFORDABLE_MARGIN_UPOKT } from './staking-plan.js';

type AppCase = (plan: BlockPlan, kind: AppKind) => void;

const ACCEPT_ANY = (): boolean => true;

const stake: AppCase = (plan, kind) => {
  const app = plan.pick(plan.roles.apps, plan.noApp);
  const value = plan.appStakeValue();
  if (app === undefined || plan.balance(app.address) < value + plan.fee('StakeApp')) return;
  if (BigInt(plan.ctx.state.apps.stakedCount.count) >= plan.appParams.maxApplications || !plan.claim(app.address)) return;
  plan.add(app, stakeApp(app, value, plan.chains()), 'StakeApp', kind, 'ok', true, value);
};

/** A raise ('app/edit-raise') or the same stake on new chains ('app/edit-chains'). */
const edit: AppCase = (plan, kind) => {
  const app = plan.pick(plan.appHolders, plan.stakedApp);
  if (app === undefined) return;
  const current = plan.app(app.address)!;
  const added = kind === 'app/edit-raise' ? BigInt(1 + plan.ctx.prng.int(100)) * POKT : 0n;
  if (plan.balance(app.address) < added + plan.fee('StakeApp') || !plan.claim(app.address)) return;
  plan.add(app, stakeApp(app, current.stakedTokensUpokt + added, plan.chains()), 'StakeApp', kind, 'ok', true, added);
};

/** A staked app moves its stake to a key with no app: StakeApp of value 0 naming the new key. */
const transfer: AppCase = (plan, kind) => {
  const from = plan.pick(plan.appHolders, plan.stakedApp);
  const to = plan.pick(plan.appHolders, (k) => plan.noApp(k) && k.address !== from?.address);
  if (from === undefined || to === undefined || !plan.claim(from.address, to.address)) return;
  plan.add(from, stakeApp(to, '0', []), 'StakeApp', kind, 'ok', true);
};

const beginUnstake: AppCase = (plan, kind) => {
  const app = plan.pick(plan.appHolders, (k) => plan.stakedApp(k) && !plan.app(k.address)!.jailed);
  if (app === undefined || !plan.claim(app.address)) return;
  plan.add(app, { kind: 'BeginUnstakeApp', applicationAddress: app.address }, 'BeginUnstakeApp', kind, 'ok', true);
};

const editLower: AppCase = (plan, kind) => {
  const app = plan.pick(plan.appHolders, (k) => plan.stakedApp(k) && plan.app(k.address)!.stakedTokensUpokt > 1n);
  if (app === undefined || !plan.claim(app.address)) return;
  plan.add(app, stakeApp(app, plan.app(app.address)!.stakedTokensUpokt / 2n, plan.chains()), 'StakeApp', kind, 'application:120', true);
};

const editUnaffordable: AppCase = (plan, kind) => {
  const app = plan.pick(plan.appHolders, plan.stakedApp);
  if (app === undefined || !plan.claim(app.address)) return;
  const value = plan.app(app.address)!.stakedTokensUpokt + plan.balance(app.address) + UNAFFORDABLE_MARGIN_UPOKT;
  plan.add(app, stakeApp(app, value, plan.chains()), 'StakeApp', kind, 'application:112', true);
};

const transferToApp: AppCase = (plan, kind) => {
  const from = plan.pick(plan.appHolders, plan.stakedApp);
  const to = plan.pick(plan.appHolders, (k) => plan.stakedApp(k) && k.address !== from?.address && plan.app(k.address)!.stakedTokensUpokt > 0n);
  if (from === undefined || to === undefined || !plan.claim(from.address, to.address)) return;
  plan.add(from, stakeApp(to, '0', []), 'StakeApp', kind, 'application:120', true);
};

const transferFromUnstaking: AppCase = (plan, kind) => {
  const from = plan.pick(plan.appHolders, plan.unstakingApp);
  const to = plan.pick(plan.appHolders, (k) => plan.noApp(k) && k.address !== from?.address);
  if (from === undefined || to === undefined || plan.appParams.stakeMinimumUpokt <= 0n || !plan.claim(from.address, to.address)) return;
  plan.add(from, stakeApp(to, '0', []), 'StakeApp', kind, 'application:111', true);
};

const stakeUnstaking: AppCase = (plan, kind) => {
  const app = plan.pick(plan.appHolders, plan.unstakingApp);
  if (app === undefined || !plan.claim(app.address)) return;
  plan.add(app, stakeApp(app, plan.appStakeValue(), plan.chains()), 'StakeApp', kind, 'application:110', true);
};

const belowMinimum: AppCase = (plan, kind) => {
  const app = plan.pick(plan.roles.apps, plan.noApp);
  if (app === undefined || plan.appParams.stakeMinimumUpokt <= 1n || !plan.claim(app.address)) return;
  plan.add(app, stakeApp(app, plan.appParams.stakeMinimumUpokt - 1n, plan.chains()), 'StakeApp', kind, 'application:111', true);
};

const unaffordable: AppCase = (plan, kind) => {
  const app = plan.pick(plan.roles.apps, plan.noApp);
  if (app === undefined || !plan.claim(app.address)) return;
  const value = plan.balance(app.address) + UNAFFORDABLE_MARGIN_UPOKT;
  plan.add(app, stakeApp(app, value, plan.chains()), 'StakeApp', kind, 'application:112', true);
};

const tooManyChains: AppCase = (plan, kind) => {
  const app = plan.pick(plan.roles.apps, plan.noApp);
  const count = Number(plan.appParams.maximumChains) + 1;
  if (app === undefined || count > 200 || !plan.claim(app.address)) return;
  plan.add(app, stakeApp(app, plan.appStakeValue(), numberedChains(count)), 'StakeApp', kind, 'application:118', true);
};

const unstakeAgain: AppCase = (plan, kind) => {
  const app = plan.pick(plan.appHolders, plan.unstakingApp);
  if (app === undefined || !plan.claim(app.address)) return;
  plan.add(app, { kind: 'BeginUnstakeApp', applicationAddress: app.address }, 'BeginUnstakeApp', kind, 'sdk:1', true);
};

/** BeginUnstakeApp or UnjailApp for a key with no application (application:101). */
const unknownApp: AppCase = (plan, kind) => {
  const key = plan.pick(plan.appHolders, plan.noApp);
  if (key === undefined || !plan.claim(key.address)) return;
  const unstake = kind === 'app/unstake-unknown';
  const msg: WireMessage = unstake ? { kind: 'BeginUnstakeApp', applicationAddress: key.address } : { kind: 'UnjailApp', applicationAddress: key.address };
  plan.add(key, msg, unstake ? 'BeginUnstakeApp' : 'UnjailApp', kind, 'application:101', true);
};

const unjailNotJailed: AppCase = (plan, kind) => {
  const app = plan.pick(plan.appHolders, (k) => plan.app(k.address) !== undefined && !plan.app(k.address)!.jailed);
  if (app === undefined || !plan.claim(app.address)) return;
  plan.add(app, { kind: 'UnjailApp', applicationAddress: app.address }, 'UnjailApp', kind, 'application:105', true);
};

/** ValidateBasic failures (no fee): a zero stake, a malformed chain id. */
const zeroValue: AppCase = (plan, kind) => {
  const app = plan.pick(plan.roles.apps, ACCEPT_ANY);
  if (app === undefined || !plan.claim(app.address)) return;
  plan.add(app, stakeApp(app, '0', plan.chains()), 'StakeApp', kind, 'application:115', false);
};

const badChain: AppCase = (plan, kind) => {
  const app = plan.pick(plan.roles.apps, ACCEPT_ANY);
  if (app === undefined || !plan.claim(app.address)) return;
  const chain = (): string => plan.ctx.prng.pick(['aaaaaa', 'x1', '123']);
  plan.add(app, stakeApp(app, plan.appStakeValue(), [chain()]), 'StakeApp', kind, 'application:117', false);
};

/** Every application kind's case. */
export const APP_CASES: Readonly<Record<AppKind, AppCase>> = {
  'app/stake': stake,
  'app/edit-raise': edit,
  'app/edit-chains': edit,
  'app/transfer': transfer,
  'app/begin-unstake': beginUnstake,
  'app/edit-lower': editLower,
  'app/edit-unaffordable': editUnaffordable,
  'app/transfer-to-app': transferToApp,
  'app/transfer-from-unstaking': transferFromUnstaking,
  'app/stake-unstaking': stakeUnstaking,
  'app/below-minimum': belowMinimum,
  'app/unaffordable': unaffordable,
  'app/too-many-chains': tooManyChains,
  'app/unstake-again': unstakeAgain,
  'app/unstake-unknown': unknownApp,
  'app/unjail-not-jailed': unjailNotJailed,
  'app/unjail-unknown': unknownApp,
  'app/zero-value': zeroValue,
  'app/bad-chain': badChain,
};
