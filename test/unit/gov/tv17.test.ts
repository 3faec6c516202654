/**
 * Goal: TV-17 (PROTOCOL §11) — pocket-core's governance test cases, with the values they state:
 *   DAO burn 1,000 → 999 (x/gov/keeper/dao_test.go:27-56); DAO transfer 1 → X = 1, DAO = 999
 *   (dao_test.go:58-90); MsgDAOTransfer / MsgUpgrade ValidateBasic failures
 *   (x/gov/types/msg_test.go:52-112); map values in any key order store the same map and
 *   malformed map values leave it unchanged (x/gov/keeper/subspace_test.go:57-120 — there with
 *   code 0, here with ledger:14, the documented difference); StabilityAdjustment → "100"
 *   (app/tx_test.go:880-921); PIP-22 params before activation cannot change and read ""
 *   (app/tx_test.go:1141-1186), after activation read "15000000000" and change to
 *   "16000000000" (1188-1233).
 * Method: test chains (DAO owner = a test key) and real signed txs; the Go test's string→string
 * map becomes pos/RelaysToTokensMultiplierMap with chain-id keys (the ledger's map parameter).
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import { validateBasic } from '../../../src/messages/index.js';
import { balanceOf } from '../../../src/modules/auth/bank.js';
import { MODULE_ADDRESSES } from '../../../src/modules/auth/state.js';
import { paramsTable } from '../../../src/modules/gov/state.js';
import { singleParam } from '../../../src/modules/gov/queries.js';
import { setOwners } from '../../../src/modules/gov/activation.js';
import { paramValueToJson } from '../../../src/params/kinds.js';
import type { WireMessage } from '../../../src/wire/index.js';
import { produce, signTx, testKey } from '../../helpers/chain.js';
import { daoTransfer, eventsOfType, expectOnly, govChain, OWNER, paramChange, templateAclKeys, upgrade } from '../../helpers/gov-chain.js';

const X = testKey('tv17-x');
const height = (state: LedgerState): number => state.chain.meta.get('meta')!.height;

function chain(daoTokensUpokt = 1_000n): LedgerState {
  return govChain({ validators: [{ key: testKey('tv17-validator'), tokensUpokt: 100_000_000_000n }], daoTokensUpokt });
}

const tv17 = suite('gov: TV-17');

tv17('DAO burn: DAO 1,000 → burn 1 by the owner → 999', () => {
  const state = chain();
  expectOnly(produce(state, [signTx(OWNER, daoTransfer(OWNER, '', 1n, 'dao_burn'))]), 'ok');
  assert.is(balanceOf(state.auth, MODULE_ADDRESSES.dao), 999n);
});

tv17('DAO transfer: DAO 1,000 → transfer 1 to X → X = 1, DAO = 999', () => {
  const state = chain();
  expectOnly(produce(state, [signTx(OWNER, daoTransfer(OWNER, X.address, 1n, 'dao_transfer'))]), 'ok');
  assert.is(balanceOf(state.auth, X.address), 1n);
  assert.is(balanceOf(state.auth, MODULE_ADDRESSES.dao), 999n);
});

tv17('ValidateBasic: DAOTransfer without action / zero amount / without from / transfer without to; Upgrade with height 0 / empty version', () => {
  const codeOf = (msg: WireMessage): string => {
    const result = validateBasic(msg);
    return result.ok ? 'ok' : `${result.error.codespace}:${result.error.code}`;
  };
  assert.is(codeOf(daoTransfer(OWNER, X.address, 1n, '')), 'gov:7');
  assert.is(codeOf(daoTransfer(OWNER, X.address, 0n, 'dao_transfer')), 'gov:8');
  assert.is(codeOf({ kind: 'DAOTransfer', fromAddress: '', toAddress: X.address, amount: '1', action: 'dao_transfer' }), 'sdk:7');
  assert.is(codeOf(daoTransfer(OWNER, '', 1n, 'dao_transfer')), 'sdk:7');
  assert.is(codeOf(daoTransfer(OWNER, X.address, 1n, 'dao_transfer')), 'ok');
  assert.is(codeOf(upgrade(OWNER, 0n, '0.13.0')), 'gov:9');
  assert.is(codeOf(upgrade(OWNER, 10n, '')), 'gov:9');
});

tv17('a map value in any key order stores the same map; malformed map values → ledger:14 and the map is unchanged', () => {
  const state = chain();
  const key = 'pos/RelaysToTokensMultiplierMap';
  const orders = [
    '{"0001":"1", "0002":"2", "0003":"3"}',
    '{"0001":"1", "0003":"3", "0002":"2"}',
    '{"0002":"2", "0003":"3", "0001":"1"}',
    '{"0002":"2", "0001":"1", "0003":"3"}',
    '{"0003":"3", "0001":"1", "0002":"2"}',
    '{"0003":"3", "0002":"2", "0001":"1"}',
  ];
  const stored = new Set<string>();
  for (const value of orders) {
    expectOnly(produce(state, [signTx(OWNER, paramChange(OWNER, key, value))]), 'ok');
    stored.add(paramsTable.encode(state.gov.params.get(key)!));
  }
  assert.equal([...stored], ['{"key":"pos/RelaysToTokensMultiplierMap","value":{"0001":"1","0002":"2","0003":"3"}}']);
  for (const bad of ['{"0003":3, "0001":1, "0001":13}', '["123":"123"]']) {
    expectOnly(produce(state, [signTx(OWNER, paramChange(OWNER, key, bad))]), 'ledger:14');
    assert.is(paramsTable.encode(state.gov.params.get(key)!), [...stored][0]);
  }
});

tv17('application/StabilityAdjustment changed to 100 → the param query returns "100"', () => {
  const state = chain();
  expectOnly(produce(state, [signTx(OWNER, paramChange(OWNER, 'application/StabilityAdjustment', '"100"'))]), 'ok');
  assert.equal(singleParam(state, 'application/StabilityAdjustment', height(state)), { param_key: 'application/StabilityAdjustment', param_value: '100' });
});

tv17('PIP-22 before [RSCAL]: not changeable (gov:5) and not listed (pocket-core reads ""); after activation it reads 15000000000 and changes to 16000000000', () => {
  // A genesis with RSCAL not yet on, so its params are never stored (as in pocket-core's test
  // chain: InitGenesis skips them, types/param.go:306-313; one stored at genesis would stay
  // listed, x/gov/keeper/subspace.go:71-80). RSCAL then scheduled for height 5 (a
  // features-only upgrade), and the ACL as mainnet's 35 keys (as before RSCAL existed).
  const state = govChain({
    validators: [{ key: testKey('tv17-validator'), tokensUpokt: 100_000_000_000n }],
    params: { gov: { upgrade: { Height: '0', Version: '0.0.0', Features: ['RSCAL:1000'] } } },
  });
  const acl = JSON.stringify({ type: 'gov/non_map_acl', value: templateAclKeys().map((k) => ({ acl_key: k, address: OWNER.address })) });
  produce(state, [signTx(OWNER, upgrade(OWNER, 1n, 'FEATURE', ['RSCAL:5'])), signTx(OWNER, paramChange(OWNER, 'gov/acl', acl))]);
  const key = 'pos/ServicerStakeFloorMultiplier';
  expectOnly(produce(state, [signTx(OWNER, paramChange(OWNER, key, '"16000000000"'))]), 'gov:5');
  assert.is(singleParam(state, key, height(state)), undefined, 'not a parameter yet');
  while (height(state) < 4) produce(state);
  // Height 5: [RSCAL] activates — its params are written at their defaults and owned by the DAO
  // owner (pocket-core: x/nodes/module.go:127-137, x/gov/module.go:170-200).
  const activation = produce(state);
  // In pocket-core's SetOwner order (x/gov/module.go:180-186) — the order the ACL lists them in.
  assert.equal(eventsOfType(activation, 'FeatureParamsActivated').map((e) => [e.feature, e.owner, e.params.map((p) => p.key)]), [
    ['RSCAL', OWNER.address, ['pos/ServicerStakeFloorMultiplier', 'pos/ServicerStakeWeightMultiplier', 'pos/ServicerStakeWeightCeiling', 'pos/ServicerStakeFloorMultiplierExponent']],
  ]);
  // The merged ACL rides on the event (decided by the hook; the evolver only writes it): the 35
  // listed keys unchanged, the four new keys appended in the event's order, owned by the DAO
  // owner (ACL.SetOwner appends an unlisted key, x/gov/types/acl.go).
  const [activated] = eventsOfType(activation, 'FeatureParamsActivated');
  const appended = activated!.params.map((p) => p.key);
  assert.equal(activated!.acl, [...templateAclKeys(), ...appended].map((k) => ({ acl_key: k, address: OWNER.address })));
  assert.equal(paramValueToJson('acl', state.params().gov.acl), activated!.acl);
  assert.is(singleParam(state, key, height(state))!.param_value, '15000000000');
  expectOnly(produce(state, [signTx(OWNER, paramChange(OWNER, key, '"16000000000"'))]), 'ok');
  assert.is(singleParam(state, key, height(state))!.param_value, '16000000000');
});

tv17('features activating at the same height append their ACL owners in pocket-core’s order: BLOCK, RSCAL, PerChainRTTM (x/gov/module.go:170-200)', () => {
  const state = chain();
  const acl = JSON.stringify({ type: 'gov/non_map_acl', value: templateAclKeys().map((k) => ({ acl_key: k, address: OWNER.address })) });
  produce(state, [signTx(OWNER, upgrade(OWNER, 1n, 'FEATURE', ['BLOCK:5', 'PerChainRTTM:5', 'RSCAL:5'])), signTx(OWNER, paramChange(OWNER, 'gov/acl', acl))]);
  while (height(state) < 4) produce(state);
  produce(state);
  const appended = state.params().gov.acl.map((entry) => entry.key).slice(templateAclKeys().length);
  assert.equal(appended, [
    'pocketcore/BlockByteSize',
    'pos/ServicerStakeFloorMultiplier',
    'pos/ServicerStakeWeightMultiplier',
    'pos/ServicerStakeWeightCeiling',
    'pos/ServicerStakeFloorMultiplierExponent',
    'pos/RelaysToTokensMultiplierMap',
  ]);
});

tv17('ACL.SetOwner (x/gov/types/acl.go): a listed key changes owner in place, an unlisted one is appended', () => {
  const before = testKey('owner-before').address;
  const after = testKey('owner-after').address;
  assert.equal(setOwners([{ key: 'a', address: before }, { key: 'b', address: before }], ['b', 'c'], after), [
    { key: 'a', address: before },
    { key: 'b', address: after },
    { key: 'c', address: after },
  ]);
});

tv17('PIP-22 with every feature active from genesis (the ledger default): reads 15000000000, changes to 16000000000', () => {
  const state = chain();
  const key = 'pos/ServicerStakeFloorMultiplier';
  assert.is(singleParam(state, key, height(state))!.param_value, '15000000000');
  expectOnly(produce(state, [signTx(OWNER, paramChange(OWNER, key, '"16000000000"'))]), 'ok');
  assert.is(singleParam(state, key, height(state))!.param_value, '16000000000');
});

tv17.run();
