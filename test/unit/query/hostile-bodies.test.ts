/**
 * Goal: no request body, however hostile, makes the query service fail. For every POST route its
 * OpenAPI document lists (so a route added later is covered without touching this file), bodies
 * built from the route's own field names — and a few it does not have — with values drawn from
 * every JSON type, out-of-range and huge numbers, long strings, deep nesting, and real addresses,
 * keys, hashes and heights of the chain (so that many requests get past validation into the
 * reads) are answered:
 * - with 200 and a JSON body, or with a 4xx in the one error shape ({code = status, error,
 *   message}); never a 5xx — except 501 from the three relay-node routes, which a ledger does not
 *   serve (src/query/client-routes.ts);
 * - the same way twice: the same body asked again gets the same status and the same bytes
 *   (the read side has no hidden state and no unordered output);
 * - and the service keeps serving afterwards.
 * Method: fast-check bodies (seeded; FC_SEED replays a failure) sent through fastify's inject
 * to the projected simulated chain (test/helpers/query.ts). The expectations are the service's
 * contract, not its outputs: nothing here was produced by the code under test.
 */
import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { postTo, projectedSimChain, serveInProcess, type Reply, type Served } from '../../helpers/query.js';
import { fastCheckSeed } from '../crypto/fc-seed.js';

const SEED = fastCheckSeed('query/hostile-bodies');
/** Bodies per route: ~40 routes × this many requests, each sent twice. */
const RUNS_PER_ROUTE = 60;
/** The routes of a relay node, which the ledger answers 501 on purpose. */
const NOT_SERVED = new Set(['/v1/client/relay', '/v1/client/challenge', '/v1/client/sim']);
/** Field names no route has, and names that have tripped JSON handlers elsewhere. */
const FOREIGN_FIELDS = ['opts', 'page', 'per_page', 'height', '__proto__', 'constructor', 'toString', ''];

let served: Served;
const test = suite('query service: hostile bodies on every route');
test.before(async () => {
  served = await serveInProcess((await projectedSimChain()).dir);
});
test.after(() => served.close());

const post = (path: string, text: string): Promise<Reply> => postTo(served.app, path, text);

interface OpenApi {
  readonly paths: Record<string, { post?: { requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> } } }>;
}

/** Every POST route and its request fields, from the service's own OpenAPI document. */
async function postRoutes(): Promise<Array<{ path: string; fields: string[] }>> {
  const doc = (await served.app.inject({ method: 'GET', url: '/v1/openapi.json' })).json() as OpenApi;
  return Object.entries(doc.paths)
    .filter(([, methods]) => methods.post !== undefined)
    .map(([path, methods]) => ({ path, fields: Object.keys(methods.post?.requestBody?.content?.['application/json']?.schema?.properties ?? {}) }));
}

/** Real values of the chain, so that a share of the bodies is valid and reaches the reads. */
interface Known {
  readonly latest: number;
  readonly addresses: string[];
  readonly publicKeys: string[];
  readonly chains: string[];
  readonly hashes: string[];
}

async function knownValues(): Promise<Known> {
  const latest = (await post('/v1/query/height', '{}')).json.height as number;
  const nodes = (await post('/v1/query/nodes', '{"opts":{"per_page":20}}')).json.result as Array<{ address: string; public_key: string; chains: string[] }>;
  const apps = (await post('/v1/query/apps', '{"opts":{"per_page":20}}')).json.result as Array<{ address: string; public_key: string }>;
  const txs = (await post('/v1/query/blocktxs', `{"height":${Math.max(1, latest - 1)},"per_page":20}`)).json.txs as Array<{ hash: string }>;
  assert.ok(nodes.length > 0 && apps.length > 0 && txs.length > 0, 'the chain has nodes, apps and txs to draw from');
  return {
    latest,
    addresses: [...nodes, ...apps].map((actor) => actor.address),
    publicKeys: [...nodes, ...apps].map((actor) => actor.public_key),
    chains: [...new Set(nodes.flatMap((node) => node.chains))],
    hashes: txs.map((tx) => tx.hash),
  };
}

/** A marker for an integer a JS number cannot hold: written into the text as bare digits. */
const BIG = '\u0000big:';

/** A value that fits the field's name (a real address for `address`, a height in range for `height`, …), so bodies reach the reads. */
function fittingValue(known: Known, field: string): fc.Arbitrary<unknown> {
  if (/height$/.test(field)) return fc.integer({ min: -1, max: known.latest + 2 });
  if (/^(per_)?page$/.test(field)) return fc.integer({ min: -1, max: 30 });
  if (/address|^node$/.test(field)) return fc.constantFrom(...known.addresses);
  if (/hash/.test(field)) return fc.constantFrom(...known.hashes);
  if (/pub_?key/.test(field)) return fc.constantFrom(...known.publicKeys);
  if (/chain/.test(field)) return fc.constantFrom(...known.chains);
  if (field === 'opts') return fc.record({ page: fc.integer({ min: 0, max: 3 }), per_page: fc.integer({ min: 1, max: 100 }) }, { requiredKeys: [] });
  if (field === 'order') return fc.constantFrom('asc', 'desc');
  if (field === 'key') return fc.constantFrom('pos/BlocksPerSession', 'pocketcore/ClaimExpiration', 'auth/MaxMemoCharacters', 'gov/acl', 'nosuch/Key');
  if (field === 'status') return fc.constantFrom('pending', 'proven', 'expired', 'rejected', 'staked', 'unstaking');
  if (field === 'receipt_type') return fc.constantFrom('relay', 'challenge');
  return fc.boolean();
}

/** A value from anywhere: every JSON type, numbers past any int64, long strings, deep nesting, and real values of other fields. */
function hostileValue(known: Known): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.jsonValue({ maxDepth: 4 }),
    fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map((n) => `${BIG}${n}`),
    fc.stringMatching(/^[0-9a-fA-F]{0,70}$/),
    fc.constantFrom(...known.addresses, ...known.publicKeys, ...known.hashes).map((hex) => hex.toUpperCase()),
    fc.constantFrom(2 ** 53, -(2 ** 53), 1e308, -0, 0.5, '', ' 5', '0x10', '1e3', '５', 'null', 'a'.repeat(100_000)),
    fc.constant(JSON.parse('['.repeat(64) + '1' + ']'.repeat(64)) as unknown),
  );
}

function bodyText(known: Known, fields: readonly string[]): fc.Arbitrary<string> {
  const names = fields.length > 0 ? fields : FOREIGN_FIELDS;
  const member = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...names).chain((name) => fc.tuple(fc.constant(name), fittingValue(known, name))) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...names, ...FOREIGN_FIELDS), hostileValue(known)) },
  );
  return fc.array(member, { maxLength: 5 }).map((members) => `{${members.map(([name, value]) => `${JSON.stringify(name)}:${jsonText(value)}`).join(',')}}`);
}

/** JSON text of a drawn value, with BIG markers written as bare digits (beyond any float). */
function jsonText(value: unknown): string {
  if (typeof value === 'string' && value.startsWith(BIG)) return value.slice(BIG.length);
  return JSON.stringify(value);
}

function checkAnswer(path: string, text: string, reply: Reply): void {
  const where = `${path} ${text.slice(0, 200)} → ${reply.status} ${reply.text.slice(0, 200)}`;
  if (reply.status === 200) {
    assert.ok(reply.json !== undefined, `a 200 answer has a JSON body: ${where}`);
    return;
  }
  const allowed = reply.status >= 400 && (reply.status < 500 || (reply.status === 501 && NOT_SERVED.has(path)));
  assert.ok(allowed, `no server error: ${where}`);
  assert.is(reply.json?.code, reply.status, `the error names its status: ${where}`);
  assert.match(String(reply.json?.error), /^[a-z][a-z0-9_]*$/, `the error has a code: ${where}`);
  assert.type(reply.json?.message, 'string', `the error says what is wrong: ${where}`);
}

test('every route: 200 or a coded 4xx, the same answer twice, and still serving', async () => {
  const known = await knownValues();
  const routes = await postRoutes();
  assert.ok(routes.length >= 35, `the OpenAPI document lists the routes (${routes.length})`);
  const statuses = new Map<number, number>();
  for (const { path, fields } of routes) {
    const bodies = fc.sample(bodyText(known, fields), { numRuns: RUNS_PER_ROUTE, seed: SEED });
    for (const text of bodies) {
      const first = await post(path, text);
      checkAnswer(path, text, first);
      const again = await post(path, text);
      assert.equal([again.status, again.text], [first.status, first.text], `the same answer twice: ${path} ${text.slice(0, 200)}`);
      statuses.set(first.status, (statuses.get(first.status) ?? 0) + 1);
    }
  }
  // A fuzz whose bodies all bounce off validation would test little: some must reach the reads.
  const answered = statuses.get(200) ?? 0;
  assert.ok(answered >= routes.length * 5, `at least ${routes.length * 5} bodies answered 200 (got ${answered}; by status: ${JSON.stringify([...statuses])})`);
  assert.is((await post('/v1/query/height', '{}')).json.height, known.latest, 'still serving, at the same height');
});

test.run();
