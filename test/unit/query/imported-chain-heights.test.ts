/**
 * Goal: on a chain imported from an exported state (it starts at H + 1, its genesis state is
 * height H), a height below H is refused with a 400 naming the field on every route, as
 * pocket-core refuses a version its store does not hold (app/pocket.go:190-195 NewContext →
 * types/context.go:239-258 PrevCtx → LoadLazyVersion's error; Tendermint's Block errors for a
 * height below its base) — never a 500, never an answer made of missing rows.
 * Method: a simulated chain of H blocks, exported at H, imported (`init --exported-height H`),
 * 3 more blocks produced, projected and served in-process.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { projectedImportedChain } from '../../helpers/imported-chain.js';
import { postTo, serveInProcess, type Served } from '../../helpers/query.js';
import { scratch } from '../../helpers/sim.js';

const H = 6;
const test = suite('query service: heights below an imported chain\'s first state');
let work: ReturnType<typeof scratch>;
let served: Served;
let someAddress = '';

test.before(async () => {
  work = scratch('imported-heights');
  const chain = await projectedImportedChain(work.dir, H, 3);
  someAddress = (chain.exported as { app_state: { pos: { validators: Array<{ address: string }> } } }).app_state.pos.validators[0]!.address;
  served = await serveInProcess(chain.dir);
});
test.after(async () => {
  await served?.close();
  work.remove();
});

test('the imported state and the blocks after it answer; a height below it is a 400 naming height', async () => {
  const post = (path: string, body: object) => postTo(served.app, path, body);
  assert.is((await post('/v1/query/height', {})).json.height, H + 3);
  assert.is((await post('/v1/query/supply', { height: H })).status, 200, 'the imported state is height H');
  assert.is((await post('/v1/query/node', { address: someAddress, height: H + 1 })).status, 200);
  const routes: Array<[string, object]> = [
    ['supply', {}], ['allparams', {}], ['nodeparams', {}], ['appparams', {}], ['pocketparams', {}], ['supportedchains', {}], ['acl', {}], ['daoowner', {}], ['upgrade', {}], ['state', {}],
    ['param', { key: 'pos/StakeMinimum' }], ['nodes', {}], ['apps', {}], ['accounts', {}], ['signinginfo', {}], ['nodeclaims', {}], ['block', {}], ['blocktxs', {}], ['allblocktxs', {}],
    ['node', { address: someAddress }], ['app', { address: someAddress }], ['account', { address: someAddress }], ['balance', { address: someAddress }],
  ];
  for (const [route, body] of routes) {
    const answer = await post(`/v1/query/${route}`, { ...body, height: H - 2 });
    assert.equal([answer.status, answer.json?.error, answer.json?.details?.field], [400, 'height_before_first_state', 'height'], `${route} at ${H - 2}: ${answer.text.slice(0, 200)}`);
  }
});

test.run();
