/**
 * Goal: a bare JSON number past 2^53 is answered as pocket-core's RPC answers it. Most of its
 * routes write through WriteJSONResponse (pocket-core RC-0.12.0 app/cmd/rpc/server.go:169-183),
 * which json.Unmarshals the marshalled answer into a map[string]interface{} — every JSON number
 * becomes a float64 — and encodes that map again. So an int64 entropy (query.go:189-195, written
 * exactly by rPCStdTx's json.Marshal), a uint64 claim range bound (pocket.pb.go, via Page.JSON,
 * app/query.go:677-681), the upgrade's int64 Height (query.go:923-942) and the *big.Int balance
 * (query.go:452-476) reach a client rounded to the nearest float64, printed with its shortest
 * digits ('f' format, zero-padded below 1e21: 2^63−1 → 9223372036854776000). One deliberate
 * exception: the balance, an amount, keeps all its digits (issue 13).
 * Method: the served simulated chain (its txs' entropies and its claims' range bounds are
 * random 63/64-bit numbers, mostly past 2^53): every such literal in the raw answer text must
 * already be float64-shaped — the text of the number JSON.parse reads from it (JS and Go both
 * print a double's shortest round-trip digits, zero-padded below 1e21). Plus the answers built
 * from values the chain lacks (an upgrade height and a balance past 2^53).
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { balanceAnswer, upgradeJson } from '../../../src/query/pocket-json.js';
import { stringifyAnswer } from '../../../src/query/http-app.js';
import { postTo, projectedSimChain, serveInProcess, type Served } from '../../helpers/query.js';

let served: Served;
const test = suite('query: numbers past 2^53 as pocket-core writes them (float64, server.go WriteJSONResponse)');
test.before(async () => {
  served = await serveInProcess((await projectedSimChain()).dir);
});
test.after(() => served.close());

const post = (path: string, body: unknown = {}) => postTo(served.app, path, body);

/** Every bare number literal after `"name":` in a JSON text. */
const literals = (text: string, name: string): string[] => [...text.matchAll(new RegExp(`"${name}":(-?[0-9][0-9.eE+-]*)`, 'g'))].map((m) => m[1]!);
/** The literal a float64 round trip writes: Go's encoder and JS print the same shortest digits. */
const asFloat64 = (literal: string): string => JSON.stringify(Number(literal));

test('tx answers: the entropy is the float64 WriteJSONResponse re-encodes (tx, blocktxs, accounttxs, allblocktxs)', async () => {
  const page = await post('/v1/query/blocktxs', { height: 5, per_page: 1000 }); // block order, as allblocktxs (pocket-core's default walks forward)
  const entropies = literals(page.text, 'entropy');
  assert.ok(entropies.some((e) => Math.abs(Number(e)) > Number.MAX_SAFE_INTEGER), 'the sample holds entropies past 2^53');
  assert.equal(entropies, entropies.map(asFloat64), 'blocktxs');
  assert.equal(literals((await post('/v1/query/allblocktxs', { height: 5, per_page: 1000 })).text, 'entropy'), entropies, 'allblocktxs');
  const first = page.json.txs[0] as { hash: string; tx_result: { signer: string } };
  const one = await post('/v1/query/tx', { hash: first.hash });
  assert.equal(literals(one.text, 'entropy'), [entropies[0]], 'tx');
  const sent = await post('/v1/query/accounttxs', { address: first.tx_result.signer, per_page: 1000 });
  const sentEntropies = literals(sent.text, 'entropy');
  assert.equal(sentEntropies, sentEntropies.map(asFloat64), 'accounttxs');
});

test('nodeclaims: the uint64 range bounds and int64 counts are float64-shaped', async () => {
  const text = (await post('/v1/query/nodeclaims', { per_page: 1000 })).text;
  const uppers = literals(text, 'upper');
  assert.ok(uppers.some((u) => Number(u) > Number.MAX_SAFE_INTEGER), 'the sample holds range bounds past 2^53');
  for (const name of ['upper', 'lower', 'total_proofs', 'session_height', 'expiration_height']) {
    const found = literals(text, name);
    assert.ok(found.length > 0, name);
    assert.equal(found, found.map(asFloat64), name);
  }
});

test('upgrade past 2^53: float64, as WriteJSONResponse writes it (the balance: exact, ours)', () => {
  const upgrade = upgradeJson({ height: 2n ** 53n + 1n, version: '0.12.1', oldUpgradeHeight: 2n ** 63n - 1n, features: [] });
  assert.is(stringifyAnswer(upgrade), '{"Height":9007199254740992,"Version":"0.12.1","OldUpgradeHeight":9223372036854776000}');
  assert.is(stringifyAnswer(upgradeJson({ height: 30n, version: '0.12.1', oldUpgradeHeight: 0n, features: ['RSCAL:30'] })), '{"Height":30,"Version":"0.12.1","Features":["RSCAL:30"]}');
  // The balance is the one deliberate exception: an amount is served with all its digits (issue
  // 13, test/unit/history/big-amounts.test.ts), where WriteJSONResponse would round it.
  assert.is(balanceAnswer(2n ** 53n + 1n), '{"balance":9007199254740993}');
});

test.run();
