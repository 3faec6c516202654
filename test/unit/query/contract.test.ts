/**
 * Goal: the query service keeps pocket-core's answer shapes (field names, and the fields it
 * leaves out), paginates honestly (totals, bounded pages, pocket's page numbering), and answers
 * every kind of bad request with a 4xx JSON error naming the field — and keeps serving.
 * Method: the projected simulated chain served in-process (test/helpers/query.ts). Field lists
 * are written here from pocket-core's Go struct tags (file:line beside each), never from our
 * code; page totals are checked by walking every page and counting.
 */
import { createHash } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseGenesis } from '../../../src/genesis/parse.js';
import { parseRequestBody } from '../../../src/query/request-body.js';
import { postTo, projectedSimChain, serveInProcess, type Served } from '../../helpers/query.js';

let served: Served;
const test = suite('query service: pocket-core shapes, pagination, bad requests');
test.before(async () => {
  served = await serveInProcess((await projectedSimChain()).dir);
});
test.after(() => served.close());

const keys = (value: unknown): string[] => Object.keys(value as object).sort();
const sorted = (list: string[]): string[] => [...list].sort();
const post = (path: string, body: unknown = {}) => postTo(served.app, path, body);

/** pocket-core's Go struct tags, by the struct that writes each answer. */
const GO = {
  // app/cmd/rpc/query.go:153-161 RPCResultTx (`omitempty` on the struct-typed proof/stdTx has no effect)
  RPCResultTx: ['hash', 'height', 'index', 'tx_result', 'tx', 'proof', 'stdTx'],
  // app/cmd/rpc/query.go:163-173 RPCResponseDeliverTx
  RPCResponseDeliverTx: ['code', 'data', 'log', 'info', 'events', 'codespace', 'signer', 'recipient', 'message_type'],
  // app/cmd/rpc/query.go:189-195 rPCStdTx, 197-200 RPCStdSignature
  rPCStdTx: ['msg', 'fee', 'signature', 'memo', 'entropy'],
  RPCStdSignature: ['pub_key', 'signature'],
  // app/cmd/rpc/query.go:147-151 RPCResultTxSearch; 176-180 RPCResultUnconfirmedTxSearch
  RPCResultTxSearch: ['txs', 'page_count', 'total_txs'],
  // x/auth/types/account.go:23-27 BaseAccount
  BaseAccount: ['address', 'coins', 'public_key'],
  // app/query.go Page (json:"result", "total_pages", "page")
  Page: ['result', 'total_pages', 'page'],
  // x/nodes/types/nodes.pb.go:120-131 ValidatorSigningInfo
  ValidatorSigningInfo: ['address', 'start_height', 'index_offset', 'jailed_until', 'missed_blocks_counter', 'jailed_blocks_counter'],
  // app/cmd/rpc/query.go querySupplyResponse
  querySupplyResponse: ['node_staked', 'app_staked', 'dao', 'total_staked', 'total_unstaked', 'total'],
  // x/nodes/types/validator.go:300-312 JSONValidator
  JSONValidator: ['address', 'public_key', 'jailed', 'status', 'chains', 'service_url', 'tokens', 'unstaking_time', 'output_address', 'reward_delegators'],
  // x/apps/types/application.go:186-195 JSONApplication
  JSONApplication: ['address', 'public_key', 'jailed', 'chains', 'max_relays', 'status', 'staked_tokens', 'unstaking_time'],
  // app/query.go:368-379 AllParamsReturn, SingleParamReturn
  AllParamsReturn: ['app_params', 'node_params', 'pocket_params', 'gov_params', 'auth_params'],
  SingleParamReturn: ['param_key', 'param_value'],
  // tendermint v0.32 types/vote.go Vote (= CommitSig; pocket-core runs its fork of v0.32.11, go.mod)
  Vote: ['type', 'height', 'round', 'block_id', 'timestamp', 'validator_address', 'validator_index', 'signature'],
  // tendermint v0.32 types/block.go Commit
  Commit: ['block_id', 'precommits'],
  // x/pocketcore/types/service.go:319-328 DispatchResponse, DispatchSession
  DispatchResponse: ['session', 'block_height'],
  DispatchSession: ['header', 'key', 'nodes'],
};

test('answers carry exactly pocket-core\'s fields', async () => {
  const block = await post('/v1/query/blocktxs', { height: 5, per_page: 1 });
  assert.equal(keys(block.json), sorted(GO.RPCResultTxSearch));
  const tx = block.json.txs[0];
  assert.equal(keys(tx), sorted(GO.RPCResultTx));
  assert.equal(keys(tx.tx_result), sorted(GO.RPCResponseDeliverTx));
  assert.equal(keys(tx.stdTx), sorted(GO.rPCStdTx));
  assert.equal(keys(tx.stdTx.signature), sorted(GO.RPCStdSignature));
  const one = await post('/v1/query/tx', { hash: tx.hash });
  assert.equal(one.json, tx, 'tx and blocktxs agree');
  // pocket-core's checkSort (app/query.go:630-639) refuses no order; its tx indexer walks "asc"
  // newest first and any other text oldest first (types/indexer.go:340-346; request-semantics.test.ts).
  const hashes = async (order: string): Promise<string[]> => {
    const answer = await post('/v1/query/blocktxs', { height: 5, order, per_page: 1000 });
    assert.is(answer.status, 200, `order ${JSON.stringify(order)}: ${answer.text}`);
    return (answer.json.txs as Array<{ hash: string }>).map((t) => t.hash);
  };
  const newestFirst = await hashes('asc');
  assert.ok(newestFirst.length > 1, 'a block of several txs');
  for (const order of ['desc', '', 'ASC', 'sideways']) assert.equal(await hashes(order), [...newestFirst].reverse(), order);
  // Go writes an int64 entropy as a bare number: the raw text holds all its digits.
  assert.match(one.text, /"entropy":-?[0-9]+[,}]/);

  const nodes = await post('/v1/query/nodes', { opts: { per_page: 1 } });
  assert.equal(keys(nodes.json), sorted(GO.Page));
  assert.equal(keys(nodes.json.result[0]), sorted(GO.JSONValidator));
  const node = await post('/v1/query/node', { address: nodes.json.result[0].address });
  assert.equal(node.json, nodes.json.result[0]);
  const apps = await post('/v1/query/apps', { opts: { per_page: 1 } });
  assert.equal(keys(apps.json.result[0]), sorted(GO.JSONApplication));
  const accounts = await post('/v1/query/accounts', { per_page: 1 });
  assert.equal([keys(accounts.json), keys(accounts.json.result[0])], [sorted(GO.Page), sorted(GO.BaseAccount)]);
  const infos = await post('/v1/query/signinginfo', { per_page: 1 });
  assert.equal(keys(infos.json.result[0]), sorted(GO.ValidatorSigningInfo));
  assert.equal(keys((await post('/v1/query/supply')).json), sorted(GO.querySupplyResponse));
  const params = (await post('/v1/query/allparams')).json;
  assert.equal(keys(params), sorted(GO.AllParamsReturn));
  assert.equal(keys(params.pocket_params[0]), sorted(GO.SingleParamReturn));
  assert.equal(keys((await post('/v1/query/unconfirmedtxs')).json), sorted(GO.RPCResultTxSearch), 'RPCResultUnconfirmedTxSearch has the same three tags');
  // server.go WriteResponse double-encodes: the body is a JSON string holding the JSON.
  assert.type(JSON.parse((await post('/v1/query/supportedchains')).json), 'object');
  // gov.pb.go:213-216 Upgrade: Height/Version, OldUpgradeHeight and Features omitempty.
  const upgrade = (await post('/v1/query/upgrade')).json;
  assert.ok(['Height', 'Version'].every((k) => k in upgrade) && keys(upgrade).every((k) => ['Height', 'Version', 'OldUpgradeHeight', 'Features'].includes(k)));
  assert.type(upgrade.Height, 'number', 'encoding/json: int64 as a number');
  // The balance is Go's *big.Int: a bare JSON number.
  assert.match((await post('/v1/query/balance', { address: accounts.json.result[0].address })).text, /^\{"balance":[0-9]+\}$/);
});

test('block: the last commit\'s precommits are whole Tendermint votes of the previous height', async () => {
  const block = (await post('/v1/query/block', { height: 5 })).json.block;
  assert.equal(keys(block.last_commit), sorted(GO.Commit));
  const votes = (block.last_commit.precommits as Array<Record<string, unknown> | null>).filter((vote) => vote !== null);
  assert.ok(votes.length > 0, 'the simulator\'s validators signed block 4');
  for (const vote of votes) {
    assert.equal(keys(vote), sorted(GO.Vote));
    assert.equal([vote['type'], vote['height'], vote['round'], vote['block_id']], [2, '4', '0', block.header.last_block_id], 'a precommit (type 2) for block 4');
  }
  const indexes = (block.last_commit.precommits as Array<Record<string, unknown> | null>).map((vote, i) => (vote === null ? String(i) : vote['validator_index']));
  assert.equal(indexes, indexes.map((_, i) => String(i)), 'validator_index is the vote\'s place in the commit');
  // Block 1 follows no block: Tendermint's zero BlockID (pokt-network/tendermint state/state.go:241,
  // :156), its nil hash written "" (libs/bytes/bytes.go:24-31); its last commit is empty.
  const first = (await post('/v1/query/block', { height: 1 })).json.block;
  const none = { hash: '', parts: { total: '0', hash: '' } };
  assert.equal([first.header.last_block_id, first.last_commit], [none, { block_id: none, precommits: null }]);
});

test('dispatch: pocket-core\'s DispatchResponse from the ledger\'s own session walk', async () => {
  const apps = (await post('/v1/query/apps', { opts: { staking_status: 2 } })).json.result as Array<{ public_key: string; chains: string[] }>;
  const app = apps.find((a) => a.chains.length > 0)!;
  const answer = await post('/v1/client/dispatch', { app_public_key: app.public_key, chain: app.chains[0] });
  assert.is(answer.status, 200, answer.text);
  assert.equal([keys(answer.json), keys(answer.json.session)], [sorted(GO.DispatchResponse), sorted(GO.DispatchSession)]);
  assert.is(answer.json.block_height, (await post('/v1/query/height')).json.height);
  for (const node of answer.json.session.nodes) assert.ok((node.chains as string[]).includes(app.chains[0]!), 'session nodes serve the chain');
  // HandleDispatch overwrites the asked session height with the latest (x/pocketcore/keeper/session.go:11-15).
  const old = await post('/v1/client/dispatch', { app_public_key: app.public_key, chain: app.chains[0], session_height: 1 });
  assert.equal([old.status, old.json.session.header], [200, answer.json.session.header], 'an old session_height answers the latest session');
  assert.is((await post('/v1/client/dispatch', { app_public_key: app.public_key, chain: app.chains[0], session_height: '1' })).status, 400, 'a string is not an int64');
  // Any int64 decodes (Go's json into SessionHeader.SessionBlockHeight int64) and is then overwritten.
  for (const session_height of [-1, -9007199254740993, 9007199254740993]) {
    const any = await post('/v1/client/dispatch', { app_public_key: app.public_key, chain: app.chains[0], session_height });
    assert.equal([any.status, any.json.session?.header], [200, answer.json.session.header], `session_height ${session_height}`);
  }
  for (const route of ['relay', 'challenge', 'sim']) {
    const refused = await post(`/v1/client/${route}`, {});
    assert.equal([refused.status, refused.json.error], [501, 'not_a_relay_node']);
  }
});

test('pagination: totals, page numbering as pocket-core, bounded page size', async () => {
  // Walk every page of accounts and count: the total is honest and no row repeats.
  const first = await post('/v1/query/accounts', { per_page: 7 });
  const total = Number(first.headers['x-total-count']);
  const seen = new Set<string>();
  for (let page = 1; page <= Math.ceil(total / 7); page++) for (const a of (await post('/v1/query/accounts', { page, per_page: 7 })).json.result) seen.add(a.address);
  assert.is(seen.size, total);
  // util.Paginate: page 0 → 1 (checkPagination); past the end → Go's zero Page.
  assert.equal((await post('/v1/query/accounts', { page: 0, per_page: 7 })).json.result, first.json.result);
  assert.equal((await post('/v1/query/accounts', { page: Math.ceil(total / 7) + 1, per_page: 7 })).json, { result: null, total_pages: 0, page: 0 });
  // The ledger's routes: page, per_page, total, total_pages.
  const rewards = (await post('/v1/query/rewards', { per_page: 5 })).json;
  assert.equal([rewards.result.length, rewards.total_pages], [Math.min(5, rewards.total), Math.ceil(rewards.total / 5)]);
});

test("tx searches: a page past the last is empty, with the total (pocket-core's own tx indexer)", async () => {
  // pocket-core's fork of Tendermint passes page and per_page to the indexer unchecked
  // (pokt-network/tendermint rpc/core/tx.go:56-93, no validatePage); pocket-core's indexer counts
  // every match while it skips and fills the page (types/indexer.go:249-272), and
  // ResultTxSearchToRPC writes no txs as [] (app/cmd/rpc/query.go:206-222). The per_page bound:
  // tx-search-pages.test.ts.
  const sender = (await post('/v1/query/blocktxs', { height: 5, per_page: 1 })).json.txs[0].tx_result.signer as string;
  const sent = (await post('/v1/query/accounttxs', { address: sender, per_page: 1 })).json.total_txs as number;
  const inBlock = (await post('/v1/query/blocktxs', { height: 5, per_page: 1 })).json.total_txs as number;
  assert.ok(sent > 0 && inBlock > 0, 'the sender and the block have txs');
  for (const [path, body, total] of [
    ['/v1/query/accounttxs', { address: sender, page: sent + 1, per_page: 1 }, sent],
    ['/v1/query/blocktxs', { height: 5, page: 1000 }, inBlock],
  ] as const) {
    const past = await post(path, body);
    assert.equal([past.status, past.json], [200, { txs: [], page_count: 0, total_txs: total }], path);
  }
});

test("nodes and apps: a page past the end, or no match, is Go's zero Page, as every RPC list", async () => {
  // QueryNodes/QueryApps paginate with app/query.go:641-661: util.Paginate's out-of-bounds
  // (x/auth/util/util.go:65-87: start ≥ the count, which an empty list always is) returns Page{},
  // written {"result":null,"total_pages":0,"page":0} (Page's tags, app/query.go:671-675).
  const zeroPage = { result: null, total_pages: 0, page: 0 };
  for (const path of ['/v1/query/nodes', '/v1/query/apps']) {
    const all = (await post(path, { opts: { per_page: 1000 } })).json.result as unknown[];
    assert.ok(all.length > 0, `${path}: the chain has some`);
    const past = await post(path, { opts: { page: all.length + 1, per_page: 1 } });
    assert.equal([past.status, past.json], [200, zeroPage], `${path}: past the end`);
    // No chain id is 8 hex digits in the seeded chain (staking takes 4): nothing matches.
    assert.equal((await post(path, { opts: { blockchain: 'FFFFFFFF' } })).json, zeroPage, `${path}: no match`);
  }
});

test("a module account answers as pocket-core's ModuleAccount: BaseAccount's fields, then its name and permissions", async () => {
  // x/auth/types/account.go:313-317 ModuleAccount embeds *BaseAccount (json.Marshal flattens its
  // fields) and adds `name`, `permissions`; the permissions are app/pocket.go:203-210
  // moduleAccountPermissions (names: x/auth/types/permissions.go:11-15). A module account's
  // address is the first 20 bytes of SHA-256 of its name (account.go:319-322, Tendermint
  // AddressHash) — computed here with node:crypto.
  const moduleAddress = (name: string): string => createHash('sha256').update(name).digest().subarray(0, 20).toString('hex');
  const dao = await post('/v1/query/account', { address: moduleAddress('dao') });
  assert.equal([dao.status, keys(dao.json)], [200, sorted([...GO.BaseAccount, 'name', 'permissions'])]);
  assert.equal([dao.json.name, dao.json.permissions], ['dao', ['burner', 'minter', 'staking']]);
  const listed = (await post('/v1/query/accounts', { per_page: 1000 })).json.result as Array<{ address: string; name?: string; permissions?: unknown }>;
  const feeCollector = listed.find((a) => a.address === moduleAddress('fee_collector'));
  assert.equal([feeCollector?.name, feeCollector?.permissions], ['fee_collector', ['burner', 'minter', 'staking']], 'the accounts list writes them the same');
  const user = listed.find((a) => a.name === undefined);
  assert.equal(keys(user), sorted(GO.BaseAccount), 'any other account is a BaseAccount');
});

test("claims as pocket-core writes them: nodeclaim in amino JSON as its claim msg is signed, nodeclaims via encoding/json", async () => {
  // NodeClaim writes the stored MsgClaim with app.Codec().MarshalJSON — amino JSON (codec/codec.go:227-229),
  // the encoding of the claim msg's sign bytes (x/pocketcore/types/msgs.go:78), wrapped in its
  // registered name: so it is the msg of the tx that made the claim, its expiration_height set by the
  // keeper. NodeClaims writes a Page with encoding/json (app/query.go:541-566, 677-681): int64 as
  // numbers, the merkle root's []byte in base64 (pocket.pb.go:106-113, 560-563).
  const claim = (await post('/v1/query/nodeclaims', { per_page: 1 })).json.result[0];
  const servicer = claim.from_address as string;
  const sent = (await post('/v1/query/accounttxs', { address: servicer, per_page: 1000 })).json.txs as Array<{ tx_result: { message_type: string }; stdTx: { msg: { type: string; value: Record<string, any> } } }>;
  const msg = sent.map((t) => t.stdTx.msg).find((m) => m.type === 'pocketcore/claim' && m.value['header'].app_public_key === claim.header.app_public_key && m.value['header'].chain === claim.header.chain && m.value['header'].session_height === String(claim.header.session_height));
  assert.ok(msg !== undefined, 'the claim tx is among its servicer\'s txs');
  const one = await post('/v1/query/nodeclaim', { address: servicer, blockchain: claim.header.chain, app_pubkey: claim.header.app_public_key, session_block_height: claim.header.session_height, receipt_type: 'relay' });
  assert.is(one.status, 200);
  assert.equal(one.json, { type: msg.type, value: { ...msg.value, expiration_height: String(claim.expiration_height) } });
  assert.is(claim.merkle_root.merkleHash, msg.value['merkle_root'].merkleHash, 'base64, as the msg');
  assert.equal(
    [typeof claim.header.session_height, typeof claim.total_proofs, typeof claim.merkle_root.range.lower, typeof claim.evidence_type, typeof claim.expiration_height],
    ['number', 'number', 'number', 'number', 'number'],
  );
  assert.is(String(claim.total_proofs), msg.value['total_proofs']);
  // receipt_type in any case: EvidenceTypeFromString lower-cases it (x/pocketcore/types/evidence.go:234-244).
  const ask = (receipt_type: string) => post('/v1/query/nodeclaim', { address: servicer, blockchain: claim.header.chain, app_pubkey: claim.header.app_public_key, session_block_height: claim.header.session_height, receipt_type });
  assert.equal((await ask('RELAY')).json, one.json, 'RELAY is relay');
  assert.equal([(await ask('Challenge')).json.error, (await ask('bogus')).json.details.field], ['claim_not_found', 'receipt_type'], 'Challenge is a (missing) challenge claim; bogus is refused by name');
});

test("the state answer's claims are an exported genesis' claims: init reads them back (base64 merkle roots)", async () => {
  // ExportState writes pocketcore.claims in amino JSON (app/pocket.go:156-186): a root's []byte is
  // base64. The ledger's genesis reader takes exported states in that form (src/genesis/parse-exported.ts).
  const latest = (await post('/v1/query/height')).json.height as number;
  const state = (await post('/v1/query/state', { height: latest })).json;
  assert.ok((state.app_state.pocketcore.claims as unknown[]).length > 0, 'the seeded chain has live claims');
  // RC-0.12.0's pocketcore genesis is {params, claims} (x/pocketcore/types/genesis.go:4-7), and
  // auth's ExportGenesis writes the supply keeper's total (x/auth/genesis.go:13-16).
  assert.equal(Object.keys(state.app_state.pocketcore).sort(), ['claims', 'params']);
  const total = (await post('/v1/query/supply', { height: latest })).json.total as string;
  assert.equal(state.app_state.auth.supply, [{ denom: 'upokt', amount: total }]);
  // initial_height is not pocket-core's to write (documented: `init --exported-height`); given here.
  const read = parseGenesis(JSON.stringify({ ...state, initial_height: String(latest + 1) }));
  assert.equal(read.ok ? [] : read.error.map((p) => `${p.path}: ${p.message}`), []);
});

test("state: the amino shape of ExportState — module accounts nest BaseAccount, int64 signing-info fields are strings, prevState powers in address order, every key sorted", async () => {
  // /v1/query/state answers app.PCA.ExportState(height, "") (app/cmd/rpc/query.go:1019), the
  // document export-genesis-for-reset writes: each module's ExportGenesis in amino JSON, then
  // SortJSON (app/pocket.go:141-186, app/util.go:98-109).
  const latest = (await post('/v1/query/height')).json.height as number;
  const state = (await post('/v1/query/state', { height: latest })).json;
  // ExportState leaves GenesisDoc.GenesisTime unset (app/pocket.go:163-184): Go's zero time.
  assert.is(state.genesis_time, '0001-01-01T00:00:00Z');
  // ModuleAccount embeds *BaseAccount untagged (x/auth/types/account.go:313-317): amino names the
  // field by its Go name (go-amino v0.15.1 codec.go:505-511).
  const modules = (state.app_state.auth.accounts as Array<{ type: string; value: Record<string, unknown> }>).filter((a) => a.type === 'posmint/ModuleAccount');
  assert.ok(modules.length > 0);
  for (const m of modules) {
    assert.equal(keys(m.value), ['BaseAccount', 'name', 'permissions']);
    assert.equal(keys(m.value['BaseAccount']), GO.BaseAccount.slice().sort());
  }
  // ValidatorSigningInfo's int64 fields (nodes.pb.go:120-131) in amino JSON are decimal strings (json-encode.go:95-97).
  const infos = Object.values(state.app_state.pos.signing_infos as Record<string, Record<string, unknown>>);
  assert.ok(infos.length > 0);
  for (const info of infos) for (const field of ['start_height', 'index_offset', 'missed_blocks_counter', 'jailed_blocks_counter']) assert.type(info[field], 'string', field);
  // ExportGenesis resets every index offset (`info.Index = 0`, x/nodes/genesis.go:137) and never fills missed_blocks (:134, 150).
  assert.equal(infos.map((info) => info['index_offset']), infos.map(() => '0'));
  assert.equal(state.app_state.pos.missed_blocks, {});
  // The prevState store key is prefix ‖ address (x/nodes/types/keys.go:69-71), iterated in key order (valPrevState.go:37-50).
  const addresses = (state.app_state.pos.prevState_validator_powers as Array<{ Address: string }>).map((p) => p.Address);
  assert.equal(addresses, [...addresses].sort());
  const unsorted: string[] = [];
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${path}[${i}]`));
    if (node === null || typeof node !== 'object') return;
    if (Object.keys(node).join('\u0000') !== Object.keys(node).sort().join('\u0000')) unsorted.push(path);
    for (const [key, value] of Object.entries(node)) walk(value, `${path}.${key}`);
  };
  walk(state, '$');
  assert.equal(unsorted, []);
  // gov's ExportGenesis writes the ACL as stored (x/gov/keeper/genesis.go:33-34): with every feature
  // active, gov's BeginBlock has given the six feature-introduced keys their owner (x/gov/module.go:170-200),
  // so pocket-core's answer lists them; the ledger's own policy params are no pocket-core param at all.
  const aclKeys = (state.app_state.gov.params.acl as Array<{ acl_key: string }>).map((entry) => entry.acl_key);
  const featureKeys = ['pocketcore/BlockByteSize', 'pos/RelaysToTokensMultiplierMap', 'pos/ServicerStakeFloorMultiplier', 'pos/ServicerStakeWeightMultiplier', 'pos/ServicerStakeWeightCeiling', 'pos/ServicerStakeFloorMultiplierExponent'];
  assert.equal(featureKeys.filter((key) => !aclKeys.includes(key)), [], 'feature-introduced keys, owned since activation');
  assert.equal(aclKeys.filter((key) => key === 'pos/FeeBurnPercentage' || key === 'application/ApplicationBurnRate'), [], 'no ledger-only keys');
});

test("dispatch, relay and challenge answer CORS as pocket-core's client handlers: any origin, and a preflight OPTIONS is 200", async () => {
  // pocket-core's cors() (app/cmd/rpc/server.go:71-76), called first by Dispatch, Relay and
  // Challenge (app/cmd/rpc/client.go:21-25, 55-60, 143-148): these three headers on every answer,
  // and an OPTIONS request returns before anything is written (200, no body). Query routes have none.
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'POST',
    'access-control-allow-headers': 'Accept, Content-Type, Content-Length, Accept-Encoding, X-CSRF-Token, Authorization',
  };
  const corsOf = (headers: Record<string, unknown>) => Object.fromEntries(Object.keys(cors).map((name) => [name, headers[name]]));
  for (const path of ['/v1/client/dispatch', '/v1/client/relay', '/v1/client/challenge']) {
    const preflight = await served.app.inject({ method: 'OPTIONS', url: path, headers: { origin: 'https://dapp.example', 'access-control-request-method': 'POST' } });
    assert.equal([preflight.statusCode, preflight.body, corsOf(preflight.headers)], [200, '', cors], `${path} OPTIONS`);
    const refused = await post(path, { app_public_key: 'not hex' });
    assert.ok(refused.status >= 400, `${path}: a bad body is refused`);
    assert.equal(corsOf(refused.headers), cors, `${path}: even an error answer carries them`);
  }
  const query = await post('/v1/query/height');
  assert.is(query.headers['access-control-allow-origin'], undefined, 'query routes answer no CORS, as pocket-core');
});

test("a path pocket-core's router would fix is redirected as it does: doubled slashes, a trailing slash, another case", async () => {
  // julienschmidt/httprouter v1.3.0 (pocket-core's go.mod), whose New() turns RedirectTrailingSlash
  // and RedirectFixedPath on (router.go:192-199): the path cleaned (CleanPath) and matched without
  // regard to case or a trailing slash is redirected to, 301 for a GET and 307 otherwise, which
  // keeps the method and body (router.go:389-419); the query string is kept (req.URL.String()).
  const cases = [
    ['POST', '//v1/query/height', 307, '/v1/query/height'],
    ['POST', '/v1/query/block/?pretty=1', 307, '/v1/query/block?pretty=1'],
    ['POST', '/v1/Query/Height', 307, '/v1/query/height'],
    ['GET', '/v1/query/height/', 301, '/v1/query/height'],
  ] as const;
  for (const [method, url, status, location] of cases) {
    const answer = await served.app.inject({ method, url });
    assert.equal([answer.statusCode, answer.headers['location']], [status, location], `${method} ${url}`);
  }
  const unknown = await served.app.inject({ method: 'POST', url: '/v1/query/nope/' });
  assert.equal([unknown.statusCode, unknown.json().error], [404, 'not_found'], 'a path no route matches in any spelling is still a 404');
});

test("member names match fields without regard to case, as Go's decoder matches them; the later of two wins", async () => {
  // encoding/json Unmarshal documentation: "preferring an exact match but also accepting a
  // case-insensitive match"; each member is decoded into its field in turn, so the later wins.
  const at5 = (await post('/v1/query/supply', { height: 5 })).json;
  const at6 = (await post('/v1/query/supply', { height: 6 })).json;
  assert.not.equal(at5, at6, 'the supply moves between blocks 5 and 6');
  assert.equal((await post('/v1/query/supply', { Height: 5 })).json, at5, 'Height is height');
  assert.is((await post('/v1/query/supply', { HEIGHT: 5 })).headers['x-ledger-height'], '5');
  assert.equal((await post('/v1/query/supply', { height: 5, Height: 6 })).json, at6, 'the later member wins');
  assert.equal((await post('/v1/query/supply', { Height: 6, height: 5 })).json, at5, 'the later member wins, exact or not');
  const one = (await post('/v1/query/nodes', { opts: { per_page: 1 } })).json;
  assert.equal((await post('/v1/query/nodes', { Opts: { Per_Page: 1 } })).json, one, 'inside opts too');
  // A name that differs by more than case is another name (perPage is not per_page).
  assert.is((await post('/v1/query/nodes', { opts: { perPage: 1 } })).json.result.length, Math.min(1000, Number((await post('/v1/query/nodes')).headers['x-total-count'])));
  const refused = await post('/v1/query/supply', { Height: '5' });
  assert.equal([refused.status, refused.json.details.field], [400, 'height'], 'a folded member is validated as its field');
});

test('ledger ranges: to_height bounds the blocks, height says as of when (a claim submitted by 10, as it stood at 30)', async () => {
  const latest = (await post('/v1/query/height')).json.height as number;
  const submittedBy = Math.floor(latest / 4);
  const asOf = Math.floor(latest / 2);
  interface Claim {
    readonly claim_key: string;
    readonly submitted_height: number;
    readonly status: string;
  }
  const ranged = await post('/v1/query/claims', { to_height: submittedBy, height: asOf, per_page: 1000 });
  assert.is(ranged.status, 200);
  assert.is(ranged.json.height, asOf, 'the answer is as of height');
  assert.is(ranged.headers['x-ledger-height'], String(asOf));
  // The same claims, read from the unranged answer as of the same height: same set, same statuses.
  const whole = (await post('/v1/query/claims', { height: asOf, per_page: 1000 })).json.result as Claim[];
  const expected = whole.filter((c) => c.submitted_height <= submittedBy).map((c) => [c.claim_key, c.status]);
  assert.ok(expected.length > 0, 'the seeded chain has claims submitted in the first quarter');
  assert.equal((ranged.json.result as Claim[]).map((c) => [c.claim_key, c.status]), expected);
  // And as of the submission height they were all still open: the height changes the lifecycle.
  const early = (await post('/v1/query/claims', { to_height: submittedBy, height: submittedBy, per_page: 1000 })).json.result as Claim[];
  assert.ok(early.some((c, i) => c.status !== (ranged.json.result as Claim[])[i]!.status), 'some claim changed status between the two heights');
});

test("a claim line carries its app's address: the first 20 bytes of SHA-256 of the app's public key (Tendermint AddressHash)", async () => {
  const claims = (await post('/v1/query/claims', { per_page: 1000 })).json.result as Array<{ app_public_key: string; app_address: string | null }>;
  assert.ok(claims.length > 0, 'the seeded chain has claims');
  for (const claim of claims) {
    // Computed here with node:crypto, not with the ledger's address code.
    const expected = createHash('sha256').update(Buffer.from(claim.app_public_key, 'hex')).digest().subarray(0, 20).toString('hex');
    assert.is(claim.app_address, expected, claim.app_public_key);
  }
});

test("a member that is JSON null is no parameter, as in Go's decoder (a null int64 or string field keeps its zero value); arrays keep their nulls", async () => {
  // Source: Go's encoding/json Unmarshal documentation — "unmarshaling a JSON null into any other
  // Go value [than an interface, map, pointer, or slice] has no effect on the value and produces no error".
  assert.equal(parseRequestBody('{"a":null,"b":[null,1],"c":{"d":null,"e":2}}'), { b: [null, 1], c: { e: 2 } });
  assert.is(parseRequestBody('null'), null, 'a body that is null itself stays null (refused below)');
  assert.equal((await post('/v1/query/supply', { height: null })).json, (await post('/v1/query/supply', {})).json);
  assert.equal((await post('/v1/query/nodes', { height: null, opts: { page: null, per_page: 5 } })).json, (await post('/v1/query/nodes', { opts: { per_page: 5 } })).json);
  const missing = await post('/v1/query/node', { address: null });
  assert.equal([missing.status, missing.json.error], [400, 'invalid_address'], 'an address that is null is the empty address, as pocket-core gets it');
});

test("a number with a fraction or an exponent is refused for an integer field, by name, as Go's decoder refuses it for an int64; elsewhere it is ignored as an unknown field", async () => {
  // Source: Go's encoding/json — json.Unmarshal([]byte(`{"height":5.0}`), &struct{ Height int64 }{})
  // fails with "json: cannot unmarshal number 5.0 into Go struct field .height of type int64".
  const raw = (path: string, text: string) => served.app.inject({ method: 'POST', url: path, payload: text, headers: { 'content-type': 'application/json' } });
  for (const [path, text, field] of [
    ['/v1/query/supply', '{"height":5.0}', 'height'],
    ['/v1/query/supply', '{"height":1e1}', 'height'],
    ['/v1/query/nodes', '{"opts":{"page":2.5}}', 'opts/page'],
    ['/v1/query/claims', '{"per_page":10.0}', 'per_page'],
  ] as const) {
    const answer = await raw(path, text);
    assert.equal([answer.statusCode, answer.json().error], [400, 'invalid_request'], text);
    assert.match(JSON.stringify(answer.json()), field.split('/').pop()!, text);
  }
  const numberBody = await raw('/v1/query/supply', '5.0');
  assert.equal([numberBody.statusCode, numberBody.json().error], [400, 'invalid_request'], 'a body that is a number is not an object');
  const ignored = await raw('/v1/query/supply', '{"height":3,"not_a_field":1.5,"address":"5.0e1"}');
  assert.equal([ignored.statusCode, ignored.json()], [200, (await post('/v1/query/supply', { height: 3 })).json], 'an unknown field and a string are not numbers to refuse');
});

test('an empty body is no parameters, with or without a Content-Type (curl -X POST with no -d)', async () => {
  const expected = (await post('/v1/query/supply', {})).json;
  for (const headers of [{}, { 'content-length': '0' }, { 'content-type': 'application/json' }, { 'content-type': 'text/plain' }]) {
    const answer = await served.app.inject({ method: 'POST', url: '/v1/query/supply', headers });
    assert.is(answer.statusCode, 200, JSON.stringify(headers));
    assert.equal(answer.json(), expected, JSON.stringify(headers));
  }
  const nullBody = await served.app.inject({ method: 'POST', url: '/v1/query/supply', payload: 'null', headers: { 'content-type': 'application/json' } });
  assert.equal([nullBody.statusCode, nullBody.json().error], [400, 'invalid_request'], 'JSON null is not an object');
});

test('HTTP edges in the one error shape: 405 naming the method, an undecodable URL, any Content-Type parsed as JSON', async () => {
  const get = await served.app.inject({ method: 'GET', url: '/v1/query/supply' });
  assert.equal([get.statusCode, get.json().error, get.headers['allow']], [405, 'method_not_allowed', 'POST'], 'pocket-core answers 405 for a GET on a POST route');
  const postOnGet = await served.app.inject({ method: 'POST', url: '/v1', payload: '{}' });
  assert.equal([postOnGet.statusCode, postOnGet.headers['allow']], [405, 'GET']);
  const nowhere = await served.app.inject({ method: 'GET', url: '/v1/query/nosuchroute' });
  assert.equal([nowhere.statusCode, nowhere.json().error], [404, 'not_found']);
  const badUrl = await served.app.inject({ method: 'GET', url: '/explorer/%' });
  assert.equal([badUrl.statusCode, badUrl.json().code, badUrl.json().error], [400, 400, 'invalid_url']);
  const expected = (await post('/v1/query/supply', { height: 3 })).json;
  for (const type of ['text', 'a/b/c', 'application/json, text/plain', ';;;', 'text/html; charset=latin1']) {
    const answer = await served.app.inject({ method: 'POST', url: '/v1/query/supply', payload: '{"height":3}', headers: { 'content-type': type } });
    assert.is(answer.statusCode, 200, type);
    assert.equal(answer.json(), expected, type);
  }
});

test('the upgrade answer: encoding/json of gov Upgrade, its heights as numbers', async () => {
  // Heights past 2^53 are written as WriteJSONResponse's float64s: go-float-numbers.test.ts.
  const upgrade = (await post('/v1/query/upgrade')).json;
  assert.type(upgrade.Height, 'number', 'still a JSON number, as encoding/json writes an int64');
});

test('bad requests: 4xx JSON naming the field, and the service keeps serving', async () => {
  const huge = `{"address":"${'a'.repeat(1_100_000)}"}`;
  const cases: Array<[string, string, unknown, number, string, string]> = [
    ['a height as a string', '/v1/query/supply', { height: '5' }, 400, 'invalid_request', 'height'],
    ['a negative height', '/v1/query/block', { height: -1 }, 400, 'invalid_request', 'height'],
    ['a height beyond 2^53', '/v1/query/supply', '{"height":123456789012345678901}', 400, 'invalid_request', 'height'],
    ['a future height', '/v1/query/node', { address: 'ab'.repeat(20), height: 10_000_000 }, 400, 'height_in_future', 'height'],
    ['a malformed address', '/v1/query/balance', { address: 'xyz' }, 400, 'invalid_address', 'address'],
    ['no address', '/v1/query/account', {}, 400, 'invalid_address', 'address'],
    ['a malformed hash', '/v1/query/tx', { hash: 'ABC' }, 400, 'invalid_request', 'hash'],
    ['per_page 10^9', '/v1/query/accounttxs', { address: 'ab'.repeat(20), per_page: 1e9 }, 400, 'invalid_request', 'per_page'],
    ['opts.per_page 10^9', '/v1/query/nodes', { opts: { per_page: 1e9 } }, 400, 'invalid_request', 'opts.per_page'],
    ['a fractional page', '/v1/query/accounts', { page: 1.5 }, 400, 'invalid_request', 'page'],
    ['not JSON', '/v1/query/supply', '{"height":', 400, 'invalid_json', 'body'],
    ['an array body', '/v1/query/supply', '[1]', 400, 'invalid_request', 'body'],
    ['a megabyte body', '/v1/query/account', huge, 413, 'body_too_large', 'body'],
    ['an unknown route', '/v1/query/nosuchroute', {}, 404, 'not_found', 'url'],
    ['a range upside down', '/v1/query/rewards', { from_height: 9, to_height: 3 }, 400, 'invalid_range', 'from_height'],
    ['a range past the height it is as of', '/v1/query/claims', { height: 5, to_height: 10 }, 400, 'invalid_range', 'to_height'],
    ['a range past the latest block', '/v1/query/supplyhistory', { to_height: 10_000_000 }, 400, 'height_in_future', 'to_height'],
  ];
  for (const [label, path, body, status, error, field] of cases) {
    const answer = await post(path, body);
    assert.equal([answer.status, answer.json.code, answer.json.error, answer.json.details?.field], [status, status, error, field], label);
    assert.type(answer.json.message, 'string', label);
  }
  // A tx sent to the read-only service: the 404 says where txs go.
  const rawtx = await post('/v1/client/rawtx', { address: 'ab'.repeat(20), raw_hex_bytes: '00' });
  assert.equal([rawtx.status, rawtx.json.error], [404, 'not_found']);
  assert.match(rawtx.json.message, /read only — submit txs to a block producer/);
  assert.is((await post('/v1/query/height')).status, 200, 'still serving');
});

test('the OpenAPI document lists every route with its request schema', async () => {
  const doc = (await served.app.inject({ method: 'GET', url: '/v1/openapi.json' })).json() as { openapi: string; paths: Record<string, Record<string, { requestBody?: unknown }>> };
  assert.match(doc.openapi, /^3\./);
  const routes = ['height', 'block', 'blocktxs', 'allblocktxs', 'tx', 'accounttxs', 'unconfirmedtxs', 'unconfirmedtx', 'account', 'accounts', 'balance', 'node', 'nodes', 'signinginfo', 'nodeclaim', 'nodeclaims', 'app', 'apps', 'param', 'allparams', 'nodeparams', 'appparams', 'pocketparams', 'supply', 'supportedchains', 'upgrade', 'acl', 'daoowner', 'state', 'rewards', 'rapsheet', 'claims', 'supplyhistory', 'actor', 'hash'];
  for (const route of routes) assert.ok(doc.paths[`/v1/query/${route}`]?.['post']?.requestBody !== undefined || route === 'height', `/v1/query/${route}`);
  for (const route of ['dispatch', 'relay', 'challenge', 'sim']) assert.ok(doc.paths[`/v1/client/${route}`] !== undefined, route);
});

test.run();
