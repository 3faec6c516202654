/**
 * pocket-core's ValidateGenesis rules that go beyond each module's Params.Validate. Its module
 * manager runs every module's ValidateGenesis before that module's InitGenesis and panics on an
 * error (types/module/module.go:243-246), so a genesis breaking one never starts a chain:
 *   - nodes (x/nodes/genesis.go:157-224): a staked or unstaking validator holds at least
 *     StakeMinimum and has a service URL ValidateServiceURL accepts; the slashing fractions and
 *     MinSignedPerWindow lie in [0, 1]; MaxEvidenceAge and DowntimeJailDuration are at least a
 *     minute; SignedBlocksWindow is at least 10;
 *   - apps (x/apps/genesis.go:80-106): a (staked) application is not jailed, has a stake, and
 *     stakes MORE than ApplicationStakeMinimum (`LTE` refuses the minimum itself). No pocket-core
 *     path jails an application (JailApplication has no caller), so a jailed app exists in no
 *     pocket-core state; tests that exercise the unjail-app branches build it past this parser
 *     (test/helpers/staking.ts);
 *   - auth (x/auth/types/genesis.go:29-47): every account has a public key (GetPubKey().PubKey()
 *     on an absent key is a nil dereference), MaxMemoCharacters and TxSigLimit are not 0;
 *   - pocketcore (x/pocketcore/types/genesis.go:10-23): every claim passes MsgClaim.ValidateBasic
 *     (genesis/parse-exported.ts).
 *
 * Applied to a fresh genesis only (except the claims). pocket-core runs them on an exported state
 * too, where they refuse states its own chain reaches: validators slashed below the minimum stay
 * staked (jailed), governance changes parameters unchecked (PROTOCOL §12.2.10), accounts that
 * never signed have no public key, apps may stake exactly the minimum, and stored claims carry
 * an expiration height ValidateBasic requires to be 0 — pocket-core cannot re-import its own
 * export; this ledger imports it (docs/history.md, "Export / import").
 */
import { Dec } from '../core/bigdec.js';
import { serviceUrlProblem } from '../messages/service-url.js';
import type { ParamValue } from '../params/kinds.js';
import { PARAM_SPECS_BY_KEY } from '../params/registry.js';
import type { JsonReader } from './reader.js';

/** What a fresh genesis's validators and applications are held to (from its parameters). */
export interface FreshGenesisRules {
  readonly validatorStakeMinimum: bigint;
  readonly appStakeMinimum: bigint;
}

export function freshGenesisRules(params: ReadonlyMap<string, ParamValue>): FreshGenesisRules {
  return {
    validatorStakeMinimum: params.get('pos/StakeMinimum') as bigint,
    appStakeMinimum: params.get('application/ApplicationStakeMinimum') as bigint,
  };
}

const ONE_MINUTE_NS = 60_000_000_000n;

/** A parameter's JSON path in a genesis file, e.g. pos/SignedBlocksWindow → $.app_state.pos.params.signed_blocks_window. */
export function paramPath(key: string): string {
  const spec = PARAM_SPECS_BY_KEY.get(key)!;
  return `$.app_state.${spec.subspace}.params.${spec.json}`;
}

/** The parameter rules of nodes' and auth's ValidateGenesis (see the header). */
export function checkFreshGenesisParams(r: JsonReader, params: ReadonlyMap<string, ParamValue>): void {
  for (const key of ['pos/SlashFractionDowntime', 'pos/SlashFractionDoubleSign', 'pos/MinSignedPerWindow']) {
    const value = params.get(key) as Dec;
    if (value.cmp(Dec.ZERO) < 0 || value.cmp(Dec.ONE) > 0) r.fail(paramPath(key), `must be between 0 and 1, is ${value.toString()}`);
  }
  for (const key of ['pos/MaxEvidenceAge', 'pos/DowntimeJailDuration']) {
    if ((params.get(key) as bigint) < ONE_MINUTE_NS) r.fail(paramPath(key), `must be at least 1 minute (${ONE_MINUTE_NS} ns)`);
  }
  if ((params.get('pos/SignedBlocksWindow') as bigint) < 10n) r.fail(paramPath('pos/SignedBlocksWindow'), 'must be at least 10');
  for (const key of ['auth/MaxMemoCharacters', 'auth/TxSigLimit']) if (params.get(key) === 0n) r.fail(paramPath(key), 'must not be 0');
}

/** A staked or unstaking validator's stake and service URL (x/nodes/genesis.go:206-215). */
export function checkFreshValidator(r: JsonReader, at: string, rules: FreshGenesisRules, v: { tokensUpokt: bigint | undefined; serviceUrl: string | undefined }): void {
  if (v.tokensUpokt !== undefined && v.tokensUpokt !== 0n && v.tokensUpokt < rules.validatorStakeMinimum) {
    r.fail(`${at}.tokens`, `${v.tokensUpokt} is below stake_minimum ${rules.validatorStakeMinimum}`);
  }
  const urlProblem = v.serviceUrl === undefined ? undefined : serviceUrlProblem(v.serviceUrl);
  if (urlProblem !== undefined) r.fail(`${at}.service_url`, urlProblem);
}

/**
 * A (staked) application of a fresh genesis (validateGenesisStateApplications,
 * x/apps/genesis.go:80-106): not jailed (:88-90), a stake (:91-93), and more than the minimum
 * (:95-97, `LTE`: exactly app_stake_minimum is refused, unlike a validator's `LT`).
 */
export function checkFreshApplication(r: JsonReader, at: string, rules: FreshGenesisRules, app: { jailed: boolean | undefined; stakedTokensUpokt: bigint | undefined }): void {
  if (app.jailed === true) r.fail(`${at}.jailed`, 'an application is staked and jailed in genesis state');
  if (app.stakedTokensUpokt === undefined) return;
  if (app.stakedTokensUpokt === 0n) r.fail(`${at}.staked_tokens`, 'a staked genesis application cannot have zero stake');
  else if (app.stakedTokensUpokt <= rules.appStakeMinimum) {
    r.fail(`${at}.staked_tokens`, `${app.stakedTokensUpokt} is not more than app_stake_minimum ${rules.appStakeMinimum}`);
  }
}
