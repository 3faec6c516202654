/**
 * Goal: replaying the real mid-2022 mainnet parameter dump (test/fixtures/allparams-mid2022.json,
 * byte-identical to ../shared/data/pokt-mainnet-samples/allparams-mid2022.json: pocket-go's
 * sample of /v1/query/allparams with gov/upgrade Height 57616, v0.8.2) as ParamChange
 * transactions from the mainnet genesis ends with /v1/query/allparams-shaped output equal to the
 * dump, values compared after normalising number formats (e.g. "0.60" vs "0.600000000000000000").
 *
 * Method: the bundled mainnet genesis, with ONE change we cannot avoid: the real DAO owner key
 * (a83172b6…) is not ours, so gov.dao_owner and every ACL owner are replaced by a test key, which
 * also gets an account to pay fees (10,000 uPOKT per tx). Every dump entry becomes a
 * MsgChangeParam signed by that key (value = the amino JSON the entry's text stands for), in one
 * block: all params, then gov/daoOwner, then gov/acl last — the dump's ACL hands every key back to
 * a83172b6…, after which the test key owns nothing. Then the chain produces one more block and
 * allparams is compared with the dump.
 *
 * The ledger lists 8 keys the mid-2022 dump does not have; the test pins exactly which: the six
 * feature-gated params ([RSCAL], [PerChainRTTM], [BLOCK] — active from genesis in the ledger,
 * activated on mainnet only later) and the ledger's two policy params (PROTOCOL §14).
 */
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import { bundledMainnetGenesisPath } from '../../../src/core/paths.js';
import { importGenesis } from '../../../src/genesis/import.js';
import { parseGenesis } from '../../../src/genesis/parse.js';
import { allParamsAt, paramValueText, type AllParams, type SingleParam } from '../../../src/modules/gov/queries.js';
import { parseParamValue } from '../../../src/params/kinds.js';
import { PARAM_SPECS_BY_KEY, type ParamSpec } from '../../../src/params/registry.js';
import { checkInvariants } from '../../../src/sim/invariants.js';
import { produce, signTx } from '../../helpers/chain.js';
import { code, OWNER, paramChange } from '../../helpers/gov-chain.js';
import { readFixture } from '../../helpers/paths.js';

const REAL_DAO_OWNER = 'a83172b67b5ffbfcb8acb95acc0fd0466a9d4bc4';
const GROUPS = ['app_params', 'node_params', 'pocket_params', 'gov_params', 'auth_params'] as const;

const dump = JSON.parse(readFixture('allparams-mid2022.json')) as AllParams;

function mainnetWithTestOwner(): LedgerState {
  const genesis = JSON.parse(readFileSync(bundledMainnetGenesisPath(), 'utf8')) as {
    app_state: { gov: { params: { dao_owner: string; acl: Array<{ acl_key: string; address: string }> } }; auth: { accounts: unknown[] } };
  };
  assert.is(genesis.app_state.gov.params.dao_owner, REAL_DAO_OWNER);
  genesis.app_state.gov.params.dao_owner = OWNER.address;
  for (const entry of genesis.app_state.gov.params.acl) entry.address = OWNER.address;
  genesis.app_state.auth.accounts.push({
    type: 'posmint/Account',
    value: { address: OWNER.address, coins: [{ denom: 'upokt', amount: '1000000000' }], public_key: { type: 'crypto/ed25519_public_key', value: OWNER.publicKey } },
  });
  const parsed = parseGenesis(JSON.stringify(genesis));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return importGenesis(parsed.value);
}

function specOf(key: string): ParamSpec {
  const spec = PARAM_SPECS_BY_KEY.get(key);
  if (spec === undefined) throw new Error(`the dump names ${key}, which is no parameter of the ledger`);
  return spec;
}

/** The amino JSON a query's param_value stands for (pocket-core strconv.Unquote'd strings). */
function aminoOf(spec: ParamSpec, text: string): string {
  const quoted = ['int64', 'uint64', 'duration', 'dec', 'string', 'address'].includes(spec.kind);
  return quoted ? JSON.stringify(text) : text;
}

/** Number formats normalised: parse as the param's type, print canonically. */
function normalise(entry: SingleParam): string {
  const spec = specOf(entry.param_key);
  const parsed = parseParamValue(spec.kind, JSON.parse(aminoOf(spec, entry.param_value)));
  if (!parsed.ok) throw new Error(`${entry.param_key}: ${parsed.error}`);
  return paramValueText(spec, parsed.value);
}

const byKey = (params: AllParams): Map<string, SingleParam> => new Map(GROUPS.flatMap((group) => params[group].map((entry) => [entry.param_key, entry] as const)));

const replay = suite('gov: replaying the mid-2022 mainnet parameter dump');

replay('allparams after the replay equals the dump (35 keys, same groups, normalised values); exactly 8 ledger-only keys besides', () => {
  const state = mainnetWithTestOwner();
  const dumped = byKey(dump);
  assert.is(dumped.size, 35);
  const before = byKey(allParamsAt(state, 0));
  const changed = [...dumped.values()].filter((entry) => normalise(before.get(entry.param_key)!) !== normalise(entry)).map((e) => e.param_key).sort();
  assert.ok(changed.length >= 10, `the dump differs from genesis in ${changed.join(', ')}`);

  const last = new Set(['gov/daoOwner', 'gov/acl']);
  const ordered = [...dumped.values()].filter((e) => !last.has(e.param_key));
  ordered.push(dumped.get('gov/daoOwner')!, dumped.get('gov/acl')!);
  const txs = ordered.map((entry) => signTx(OWNER, paramChange(OWNER, entry.param_key, aminoOf(specOf(entry.param_key), entry.param_value)), { chainId: 'mainnet' }));
  const result = produce(state, txs);
  assert.equal(result.receipts.map(code), txs.map(() => 'ok'));
  produce(state);
  assert.equal(checkInvariants(state), []);

  const after = allParamsAt(state, 2);
  for (const group of GROUPS) {
    for (const entry of dump[group]) {
      const ours = after[group].find((e) => e.param_key === entry.param_key);
      assert.ok(ours !== undefined, `${entry.param_key} listed in ${group}`);
      assert.is(normalise(ours), normalise(entry), entry.param_key);
    }
  }
  // Values that need no normalisation at all are printed exactly as pocket-core printed them.
  const exact = after.gov_params.find((e) => e.param_key === 'gov/acl')!.param_value;
  assert.is(exact, dumped.get('gov/acl')!.param_value);
  assert.is(after.gov_params.find((e) => e.param_key === 'gov/upgrade')!.param_value, dumped.get('gov/upgrade')!.param_value);

  const extra = [...byKey(after).keys()].filter((key) => !dumped.has(key)).sort();
  assert.equal(extra, [
    'application/ApplicationBurnRate',
    'pocketcore/BlockByteSize',
    'pos/FeeBurnPercentage',
    'pos/RelaysToTokensMultiplierMap',
    'pos/ServicerStakeFloorMultiplier',
    'pos/ServicerStakeFloorMultiplierExponent',
    'pos/ServicerStakeWeightCeiling',
    'pos/ServicerStakeWeightMultiplier',
  ]);
  // The test key owns nothing any more; the real owner owns every one of the 35 keys.
  assert.equal(state.params().gov.daoOwner, REAL_DAO_OWNER);
  assert.ok(state.params().gov.acl.every((entry) => entry.address === REAL_DAO_OWNER));
  assert.is(code(produce(state, [signTx(OWNER, paramChange(OWNER, 'pos/StakeMinimum', '"1"'), { chainId: 'mainnet' })]).receipts[0]!), 'gov:5');
});

replay.run();
