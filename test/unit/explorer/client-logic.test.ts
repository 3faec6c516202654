/**
 * Goal: the explorer's own logic — what it computes from API answers before drawing — is right,
 * checked without a browser: display formats, the module accounts it names, which heights the
 * stake history asks for and how it joins them into rows, a list's page in the URL, reward roles.
 * Method: the compiled client modules (src/explorer/client, built with the DOM lib by their own
 * tsconfig) imported by path; none of these touches the DOM when imported or called. Expected
 * values come from outside the code: Go durations by hand arithmetic, a real change_param tx of the
 * seeded chain, module addresses from node:crypto's SHA-256 of pocket-core's module names.
 */
import { createHash } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

interface Format {
  count(value: number | string): string;
  pokt(upokt: string | null | undefined): string;
  micro(upokt: string): string;
  normalAddress(text: string): string;
  duration(nanoseconds: string): string;
  decimal(text: string, places?: number): string;
  paramValueText(base64: string): string | undefined;
}
interface Modules {
  MODULE_ACCOUNTS: Readonly<Record<string, { name: string }>>;
  moduleAccount(address: string): { name: string } | undefined;
}
interface NodeLike {
  tokens: string;
  status: number;
  jailed: boolean;
}
interface StakeHistory {
  sampleHeights(first: number, last: number, count: number): number[];
  historyHeights(head: number, eventHeights: readonly number[]): number[];
  stakeRuns(points: ReadonlyArray<{ height: number; node: NodeLike | undefined }>): Array<{ from: number; to: number; node: NodeLike | undefined }>;
}

const client = <T>(name: string): Promise<T> => import(new URL(`../../../src/explorer/client/${name}.js`, import.meta.url).href) as Promise<T>;
const test = suite('explorer client: formats, module accounts, stake history heights');

test('amounts: uPOKT → exact POKT text', async () => {
  const { pokt } = await client<Format>('format');
  // A no-break space before the unit: a phone's narrow cell never puts "POKT" on a line of its own.
  assert.is(pokt('5000001'), '5.000001\u00a0POKT');
  assert.is(pokt('1234567890'), '1,234.56789\u00a0POKT');
  // Past 2^53 uPOKT (the total supply is ~6.7e14 uPOKT; 2^53 ≈ 9.0e15): still exact.
  assert.is(pokt('9007199254740993'), '9,007,199,254.740993\u00a0POKT');
  assert.is(pokt('-45528'), '-0.045528\u00a0POKT');
  for (const bad of ['', '1.5', '1e6', null, undefined]) assert.is(pokt(bad), '—', String(bad));
});

test('counts: thousands grouped, a sign kept (a max relays below zero, governance-made, reads like the others)', async () => {
  const { count } = await client<Format>('format');
  assert.is(count('2838'), '2,838');
  assert.is(count(1234567), '1,234,567');
  // BaseRelaysPerPOKT −2^63 gives an app a max relays far below −2^63 (x/apps/keeper/application.go:145-166, sdk.BigInt).
  assert.is(count('-9223372036854775808'), '-9,223,372,036,854,775,808');
  assert.is(count('-12'), '-12');
  for (const other of ['', '1.5', '-', '1e6', 'n/a']) assert.is(count(other), other, other);
});

test('amounts in uPOKT as signed: one spelling, grouped, the unit held to the number', async () => {
  const { micro } = await client<Format>('format');
  assert.is(micro('10000'), '10,000\u00a0uPOKT');
  assert.is(micro('15000000000'), '15,000,000,000\u00a0uPOKT');
});

test('addresses as typed: 0x dropped, lowercased', async () => {
  const { normalAddress } = await client<Format>('format');
  assert.is(normalAddress(' 0x6386713DEB27B609DAAD5E2E32EE6591753E5F4E '), '6386713deb27b609daad5e2e32ee6591753e5f4e');
  assert.is(normalAddress('0X00ab'), '00ab');
  assert.is(normalAddress('x0ab'), 'x0ab');
});

test("a list's page in the URL: set, replaced, dropped at page 1, other lists kept", async () => {
  const { hashWithPage } = await client<{ hashWithPage(hash: string, key: string, page: number): string }>('pager');
  assert.is(hashWithPage('#/block/30', 'txs', 2), '#/block/30?txs=2');
  assert.is(hashWithPage('#/block/30?txs=2', 'txs', 3), '#/block/30?txs=3');
  assert.is(hashWithPage('#/account/ab?sent=2&received=4', 'sent', 1), '#/account/ab?received=4');
  assert.is(hashWithPage('#/blocks?page=2', 'page', 1), '#/blocks');
});

test("a URL's page text: a whole number ≥ 1 is a page, anything else is none; the note says what is shown instead", async () => {
  const { pageNumber, noSuchPageText, pageCount } = await client<{
    pageNumber(text: string): number | undefined;
    noSuchPageText(asked: string, page: number, pages: number): string;
    pageCount(slice: { rows: unknown[]; total: number; pages?: number }, perPage: number): number;
  }>('pager');
  assert.is(pageNumber('3'), 3);
  assert.is(pageNumber('007'), 7);
  for (const bad of ['', 'abc', '-1', '0', '000', '2.5', '1e3', ' 2', '0x10']) assert.is(pageNumber(bad), undefined, JSON.stringify(bad));
  assert.is(pageNumber('99999999999999999999'), Number.MAX_SAFE_INTEGER, 'a huge number is past the end, not garbage');
  assert.is(noSuchPageText('99', 3, 3), 'there is no page 99; showing page 3 of 3');
  assert.is(noSuchPageText('abc', 1, 3), 'there is no page “abc”; showing page 1 of 3');
  assert.is(noSuchPageText('x'.repeat(40), 1, 1), `there is no page “${'x'.repeat(21)}…”; showing page 1 of 1`);
  assert.is(pageCount({ rows: [], total: 0 }, 20), 1, 'an empty list is one page');
  assert.is(pageCount({ rows: [], total: 41 }, 20), 3);
  assert.is(pageCount({ rows: [], total: 0, pages: 4 }, 50), 4, "pocket-core's page count when there is no total");
});

test('a newest-first page of an oldest-first list: its lines and the pages that hold them', async () => {
  const { newestFirstRange } = await client<{ newestFirstRange(total: number, page: number, perPage: number): { from: number; to: number; pages: number[] } | undefined }>('pager');
  assert.equal(newestFirstRange(120, 1, 50), { from: 70, to: 120, pages: [2, 3] });
  assert.equal(newestFirstRange(120, 2, 50), { from: 20, to: 70, pages: [1, 2] });
  assert.equal(newestFirstRange(120, 3, 50), { from: 0, to: 20, pages: [1] });
  assert.equal(newestFirstRange(100, 1, 50), { from: 50, to: 100, pages: [2] }, 'a whole page on one page');
  assert.equal(newestFirstRange(7, 1, 50), { from: 0, to: 7, pages: [1] });
  assert.is(newestFirstRange(120, 4, 50), undefined, 'past the end');
  assert.is(newestFirstRange(0, 1, 50), undefined, 'an empty list');
});

test('the newest lines of an oldest-first list: a node with 2,500 claims shows its latest 1,000, newest first', async () => {
  type Page = { result: number[]; total: number };
  const { newestPage } = await client<{ newestPage(fetch: (page: number) => Promise<Page>, page: number, perPage: number): Promise<{ lines: number[]; total: number }> }>('pager');
  // The API's pages, oldest first: line i (0-based) is the number i; `asked` records which pages were fetched.
  const listOf = (total: number, asked: number[]) => async (page: number): Promise<Page> => {
    asked.push(page);
    const from = (page - 1) * 1000;
    return { result: Array.from({ length: Math.max(0, Math.min(1000, total - from)) }, (_, i) => from + i), total };
  };
  const asked: number[] = [];
  const latest = await newestPage(listOf(2500, asked), 1, 1000);
  assert.is(latest.total, 2500);
  assert.is(latest.lines.length, 1000);
  assert.is(latest.lines[0], 2499, 'the newest line first');
  assert.is(latest.lines[999], 1500, 'down to the 1,000th newest');
  assert.equal([...new Set(asked)].sort(), [1, 2, 3], 'page 1 for the total, then pages 2 and 3 that hold lines 1,500–2,499');
  const few = await newestPage(listOf(7, []), 1, 1000);
  assert.equal(few.lines, [6, 5, 4, 3, 2, 1, 0], 'a short list whole, newest first');
  assert.equal((await newestPage(listOf(0, []), 1, 1000)).lines, [], 'an empty list');
});

test("a parameter key's break points: after '/' and between camel-case words, never inside one", async () => {
  const { keyParts } = await client<{ keyParts(key: string): string[] }>('pages-params');
  assert.equal(keyParts('application/ApplicationStakeMinimum'), ['application/', 'Application', 'Stake', 'Minimum']);
  assert.equal(keyParts('pos/DAOAllocation'), ['pos/', 'DAOAllocation']);
  assert.equal(keyParts('gov/acl'), ['gov/', 'acl']);
  assert.is(keyParts('pos/ServicerStakeFloorMultiplierExponent').join(''), 'pos/ServicerStakeFloorMultiplierExponent');
});

test('reward roles in words; an unknown role keeps its name, spaced', async () => {
  const { roleText } = await client<{ roleText(role: string): string }>('tx-summary');
  assert.is(roleText('proposer_primary'), 'block proposer');
  assert.is(roleText('reward_cost_refund'), 'claim/proof fee refund');
  assert.is(roleText('some_new_role'), 'some new role');
});

test('durations: Go nanoseconds in words (pocket-core params)', async () => {
  const { duration } = await client<Format>('format');
  // UnstakingTime 1,814,000 s = 20 d (1,728,000 s) + 86,000 s = 23 h (82,800 s) + 3,200 s = 53 min 20 s.
  assert.is(duration('1814000000000000'), '20 days 23 hours 53 minutes 20 seconds');
  assert.is(duration('3600000000000'), '1 hour'); // DowntimeJailDuration on mainnet
  assert.is(duration('120000000000'), '2 minutes'); // MaxEvidenceAge
  assert.is(duration('500000000'), '0.5 seconds');
  assert.is(duration('-1'), '—');
});

test('decimals: 18-decimal weights rounded for reading', async () => {
  const { decimal } = await client<Format>('format');
  assert.is(decimal('4.000000000000000149'), '4');
  assert.is(decimal('0.909090909090909091'), '0.909091');
  assert.is(decimal('2.5'), '2.5');
  assert.is(decimal('0.0000005'), '0.000001'); // half up
  assert.is(decimal('12'), '12');
  assert.is(decimal('n/a'), 'n/a');
});

test('a change_param value as signed: base64 of amino JSON', async () => {
  const { paramValueText } = await client<Format>('format');
  // The seeded mainnet-shaped chain's change_param tx sets application/MaxApplications with "IjIyOTYi".
  assert.is(Buffer.from('IjIyOTYi', 'base64').toString('utf8'), '"2296"');
  assert.is(paramValueText('IjIyOTYi'), '2296');
  assert.is(paramValueText(Buffer.from('["0001","0021"]').toString('base64')), '["0001","0021"]');
  assert.is(paramValueText('not base64 json!'), undefined);
});

test('module accounts: every address is SHA-256(name)[:20] of its module', async () => {
  const { MODULE_ACCOUNTS, moduleAccount } = await client<Modules>('modules');
  const names = Object.values(MODULE_ACCOUNTS).map((m) => m.name).sort();
  assert.equal(names, ['application', 'application_staked_tokens_pool', 'dao', 'fee_collector', 'pos', 'staked_tokens_pool']);
  for (const [address, { name }] of Object.entries(MODULE_ACCOUNTS)) assert.is(address, createHash('sha256').update(name).digest('hex').slice(0, 40), name);
  assert.is(moduleAccount('6386713deb27b609daad5e2e32ee6591753e5f4e')?.name, 'dao');
  assert.is(moduleAccount('constructor'), undefined, 'no inherited property passes for a module');
  assert.is(moduleAccount('ffffffffffffffffffffffffffffffffffffffff'), undefined);
});

test("a reward line's receiver: its address; a block reward's DAO cut (no address on the line) the dao module account", async () => {
  const { rewardPaidTo } = await client<{ rewardPaidTo(line: { kind: string; role: string; address: string | null }): string | null }>('modules');
  // pocket-core's blockReward sends the cut to the module account "dao" (x/nodes/keeper/reward.go:227-245,
  // x/gov/types/dao.go:8): NewModuleAddress("dao") = SHA-256("dao")[:20] (x/auth/types/account.go:320-322).
  const dao = createHash('sha256').update('dao').digest('hex').slice(0, 40);
  assert.is(rewardPaidTo({ kind: 'block', role: 'dao', address: null }), dao);
  const proposer = 'a41729e04afbda24636b8e7445d9e93345fd55b7';
  assert.is(rewardPaidTo({ kind: 'block', role: 'proposer_primary', address: proposer }), proposer);
  // A burn and the fee collector's retained remainder pay no one.
  assert.is(rewardPaidTo({ kind: 'block', role: 'burn', address: null }), null);
  assert.is(rewardPaidTo({ kind: 'block', role: 'retained', address: null }), null);
});

test('stake history: samples plus each event height and the one before it', async () => {
  const { sampleHeights, historyHeights } = await client<StakeHistory>('stake-history');
  assert.equal(sampleHeights(1, 60, 8), [1, 10, 19, 28, 37, 46, 55, 60]);
  assert.equal(sampleHeights(5, 5, 8), [5]);
  assert.equal(sampleHeights(0, 3, 8), [1, 2, 3], 'height 0 is "latest" to the API: never asked');
  // A jail at 29 and an unjail at 33 (the seeded chain's node 22760699…): both edges are asked.
  const heights = historyHeights(60, [29, 33, 29]);
  for (const h of [28, 29, 32, 33]) assert.ok(heights.includes(h), `asks ${h}`);
  assert.equal(heights, [...heights].sort((a, b) => a - b), 'ascending');
  assert.is(new Set(heights).size, heights.length, 'no height twice');
  assert.equal(historyHeights(60, [0, 61, -3]), sampleHeights(1, 60, 8), 'events outside [1, head] are ignored');
  // Many events: bounded, and the newest kept.
  const many = historyHeights(10_000, Array.from({ length: 500 }, (_, i) => 20 * (i + 1)));
  assert.ok(many.length <= 41, `at most 40 heights (+1 for the last pair): ${many.length}`);
  assert.ok(many.includes(10_000) && many.includes(9_999), 'the newest event is kept');
});

test('stake history: equal neighbours join into one run; absence is its own run', async () => {
  const { stakeRuns } = await client<StakeHistory>('stake-history');
  const staked = { tokens: '45528000000', status: 2, jailed: false };
  const jailed = { ...staked, tokens: '45527954472', jailed: true };
  const free = { ...jailed, jailed: false };
  const runs = stakeRuns([
    { height: 1, node: undefined },
    { height: 10, node: staked },
    { height: 28, node: staked },
    { height: 29, node: jailed },
    { height: 32, node: jailed },
    { height: 33, node: free },
    { height: 60, node: free },
  ]);
  assert.equal(runs.map((r) => [r.from, r.to, r.node?.jailed ?? null]), [[1, 1, null], [10, 28, false], [29, 32, true], [33, 60, false]]);
});

/** A node's rap sheet and sent txs served as the query API pages them, every request counted. */
type Ask = (route: string, body: Readonly<Record<string, unknown>>) => Promise<unknown>;
interface FakeApi {
  readonly ask: Ask;
  readonly asked: string[];
}
interface RapLike {
  readonly height: number;
  readonly kind: string;
}
interface SentLike {
  readonly height: number;
  readonly type: string;
}
/**
 * query/rapsheet: oldest first, `to_height` (0 = latest) bounds it, `{result, total}`;
 * query/accounttxs with order "asc": newest first (pocket-core's index walked backwards), `{txs, total_txs}`.
 * per_page above 1,000 is refused, as the service's schema does.
 */
function fakeApi(raps: readonly RapLike[], sent: readonly SentLike[]): FakeApi {
  const asked: string[] = [];
  const cut = <T>(list: readonly T[], body: Readonly<Record<string, unknown>>): T[] => {
    const perPage = Number(body['per_page'] ?? 100);
    const page = Number(body['page'] ?? 1);
    if (perPage > 1_000) throw new Error(`per_page ${perPage} is refused`);
    return list.slice((page - 1) * perPage, page * perPage);
  };
  const ask: Ask = async (route, body) => {
    asked.push(`${route} ${JSON.stringify(body)}`);
    if (route === 'query/rapsheet') {
      const to = Number(body['to_height'] ?? 0) || Infinity;
      const lines = raps.filter((r) => r.height <= to).map((r) => ({ ...r, address: 'n', reason: '', amount: null, tx_hash: null }));
      return { result: cut(lines, body), total: lines.length, height: 0 };
    }
    if (route === 'query/accounttxs') {
      assert.is(body['order'], 'asc', 'newest first is pocket-core\'s "asc"');
      const newestFirst = [...sent].reverse().map((t) => ({ height: t.height, tx_result: { message_type: t.type } }));
      return { txs: cut(newestFirst, body), total_txs: sent.length };
    }
    throw new Error(`unexpected ${route}`);
  };
  return { ask, asked };
}
interface Paging {
  newestRapLines(ask: Ask, address: string, head: number): Promise<{ lines: RapLike[]; complete: boolean }>;
  stakeTxScan(ask: Ask, address: string): Promise<{ heights: number[]; read: number; total: number; oldestRead: number | undefined; complete: boolean }>;
  historyHeights(head: number, eventHeights: readonly number[]): number[];
}

test("stake history: a rap sheet over 1,000 lines is read newest first, as far back as the history's heights need", async () => {
  const { newestRapLines, historyHeights } = await client<Paging>('stake-history');
  // 2,500 lines, two a height (a slash and a jail) at 1,250 heights: its newest events are past the first 1,000 lines the page once read.
  const raps = Array.from({ length: 2_500 }, (_, i) => ({ height: 4 * Math.floor(i / 2) + 3, kind: i % 2 === 0 ? 'slashed' : 'jailed' }));
  const head = raps[raps.length - 1]!.height + 10;
  const api = fakeApi(raps, []);
  const read = await newestRapLines(api.ask, 'n', head);
  assert.equal(historyHeights(head, read.lines.map((r) => r.height)), historyHeights(head, raps.map((r) => r.height)), 'the same heights as from the whole sheet');
  assert.ok(read.lines.some((r) => r.height === head - 10), 'the newest line is read');
  assert.is(read.complete, false, 'older lines are left unread, and it says so');
  assert.ok(api.asked.length <= 3, `a bounded number of requests: ${api.asked.length}`);
  for (const request of api.asked) assert.match(request, new RegExp(`"to_height":${head}`), `every request pinned to the head: ${request}`);

  // Thousands of lines at a few heights: read back until every height is found, still a bounded number of requests.
  const piled = [...Array.from({ length: 1_500 }, () => ({ height: 7, kind: 'slashed' })), ...Array.from({ length: 1_500 }, () => ({ height: 9, kind: 'replay_burned' })), { height: 2, kind: 'jailed' }];
  piled.sort((a, b) => a.height - b.height);
  const piledApi = fakeApi(piled, []);
  const all = await newestRapLines(piledApi.ask, 'n', 20);
  assert.equal([...new Set(all.lines.map((r) => r.height))].sort((a, b) => a - b), [2, 7, 9], 'every height of the sheet');
  assert.ok(all.lines.some((r) => r.kind === 'jailed'), 'the oldest line, a jail, is read');
  assert.is(all.complete, false, 'the older 500 lines at 9 and at 7 were stepped over: not all of the sheet');
  assert.ok(piledApi.asked.length <= 9, `at most three steps back: ${piledApi.asked.length} requests`);

  // A step that ends inside a height steps over that height's older lines: a jail there is never
  // read, so the sheet is not complete (and the jail is not taken for the genesis state's).
  const { jailBeganHere } = await client<{ jailBeganHere(raps: { lines: readonly RapLike[]; complete: boolean }): boolean }>('stake-history');
  const crowded = [{ height: 7, kind: 'jailed' }, ...Array.from({ length: 1_499 }, () => ({ height: 7, kind: 'replay_burned' }))];
  const cut = await newestRapLines(fakeApi(crowded, []).ask, 'n', 20);
  assert.ok(!cut.lines.some((r) => r.kind === 'jailed'), 'the jail is among the lines stepped over');
  assert.is(cut.complete, false, 'lines were left unread');
  assert.is(jailBeganHere(cut), true);

  // A short sheet: one request, complete.
  const short = fakeApi([{ height: 5, kind: 'jailed' }, { height: 8, kind: 'unjailed' }], []);
  const few = await newestRapLines(short.ask, 'n', 30);
  assert.equal(few.lines.map((r) => r.height), [8, 5], 'newest first');
  assert.is(few.complete, true);
  assert.is(short.asked.length, 1);
});

test("stake history: stake txs among a node's sent txs, looked for newest first in a bounded number of pages", async () => {
  const { stakeTxScan } = await client<Paging>('stake-history');
  // 2,500 sent txs, claims and proofs but a stake at 10 (older than the 2,000 newest) and one at 2,400.
  const sent = Array.from({ length: 2_500 }, (_, i) => ({ height: i + 1, type: i + 1 === 10 || i + 1 === 2_400 ? 'stake_validator' : i % 2 === 0 ? 'claim' : 'proof' }));
  const api = fakeApi([], sent);
  const scan = await stakeTxScan(api.ask, 'n');
  assert.equal(scan.heights, [2_400], 'the stake tx among the newest sent txs');
  assert.equal([scan.read, scan.total, scan.complete], [2_000, 2_500, false], 'how many were read, of how many: the page says so');
  assert.is(scan.oldestRead, 501, 'the oldest height read');
  assert.is(api.asked.length, 2, 'two pages of 1,000');
  // A node whose latest page holds the newest stake txs the history can use: no further page.
  const busy = Array.from({ length: 1_500 }, (_, i) => ({ height: i + 1, type: i >= 1_400 ? 'unjail_validator' : 'claim' }));
  const busyApi = fakeApi([], busy);
  const busyScan = await stakeTxScan(busyApi.ask, 'n');
  assert.ok(busyScan.heights.length >= 40 && busyApi.asked.length === 1, `enough heights from one page: ${busyScan.heights.length}, ${busyApi.asked.length} requests`);
  // Few sent txs: all read, complete.
  const quiet = await stakeTxScan(fakeApi([], [{ height: 3, type: 'stake_validator' }, { height: 4, type: 'send' }]).ask, 'n');
  assert.equal([quiet.heights, quiet.read, quiet.total, quiet.complete], [[3], 2, 2, true]);
});

test('a jail that began on this chain: a jailed line, or a force unstake that jailed (a slash below the minimum stake); not one of a node already jailed', async () => {
  const { jailBeganHere } = await client<{ jailBeganHere(raps: { lines: ReadonlyArray<Record<string, unknown>>; complete: boolean }): boolean }>('stake-history');
  // Lines as query/rapsheet answers them: `details` is the event (modules/nodes/events.ts NodeForceUnstakeQueued.jails).
  const line = (kind: string, details: Record<string, unknown> = {}): Record<string, unknown> => ({ height: 9, address: 'n', kind, reason: '', amount: null, tx_hash: null, details });
  assert.is(jailBeganHere({ lines: [line('jailed')], complete: true }), true, 'a downtime jail');
  assert.is(jailBeganHere({ lines: [line('force_unstake', { type: 'NodeForceUnstakeQueued', reason: 'stake_below_minimum', jails: true }), line('slashed')], complete: true }), true, 'a double-sign slash below the minimum jails through its force unstake');
  assert.is(jailBeganHere({ lines: [line('force_unstake', { type: 'NodeForceUnstakeQueued', reason: 'max_jailed_blocks', jails: false })], complete: true }), false, 'forced out while already jailed (since the genesis state)');
  assert.is(jailBeganHere({ lines: [line('slashed'), line('evidence_ignored')], complete: true }), false);
  assert.is(jailBeganHere({ lines: [], complete: false }), true, 'a sheet longer than what was read');
});

test("a block's last commit: who signed the block before it, or that no commit is known", async () => {
  const { lastCommitText } = await client<{ lastCommitText(height: number, precommits: ReadonlyArray<unknown> | null): string }>('last-commit');
  // query/pocket-json.ts: a vote per validator of the set that signed h − 1, null where it did not sign.
  assert.is(lastCommitText(7, [{ validator_address: 'a' }, null, { validator_address: 'c' }]), '2 validators signed block 6');
  assert.is(lastCommitText(7, [null, null]), '0 validators signed block 6', 'a commit whose listed validators all missed');
  assert.is(lastCommitText(1, null), '— (block 1 has no previous block to commit)');
  // The first block after an exported state imported at 40 without the ledger's history carries no
  // last commit (genesis/import-exported.ts; precommits null): nobody is known to have signed 40 —
  // it is not "0 validators signed", which reads as a chain that lost every vote.
  assert.is(lastCommitText(41, null), '— (no commit: the chain starts here, from a state imported at height 40)');
  assert.is(lastCommitText(41, []), '— (no commit: the chain starts here, from a state imported at height 40)');
});

test.run();
