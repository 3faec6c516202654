/**
 * Goal: sessions are pocket-core's (PROTOCOL §3): session heights, the header's Go-JSON bytes and
 * SHA3 hash, the session key, and NewSessionNodes' pseudorandom walk with every skip rule and both
 * insufficient-nodes exits, evaluated on the session-start state with nodes checked in the end
 * state (claims) or the current state (dispatch).
 * Method: byte strings and hashes recomputed here with node:crypto from the layouts PROTOCOL
 * gives; the walk checked against an independent re-derivation of the key chain; chain-level
 * cases on a real test chain (test/helpers/relays.ts) with state changed between blocks.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Address, PublicKeyHex } from '../../../src/core/types.js';
import { StakeStatus, type Validator } from '../../../src/modules/nodes/state.js';
import { SessionCandidates } from '../../../src/modules/pocketcore/session-candidates.js';
import { isSessionStart, latestSessionHeight, sessionEndHeight } from '../../../src/modules/pocketcore/session-heights.js';
import { computeSession, computeSessionAtEnd, dispatchSession } from '../../../src/modules/pocketcore/session-service.js';
import { HISTORY_FLOOR_KEY } from '../../../src/modules/pocketcore/state.js';
import { dispatch, dispatchNodeRecords } from '../../../src/modules/pocketcore/queries.js';
import { pseudorandomIndex, pseudorandomListIndex, selectSessionNodes, sessionHeaderHash, sessionHeaderJson, sessionKey } from '../../../src/modules/pocketcore/session.js';
import { heightKey } from '../../../src/state/chain-tables.js';
import { addressFromPublicKey } from '../../../src/crypto/address.js';
import { produce } from '../../helpers/chain.js';
import { advanceTo, appKey, headerOf, heightOf, sessionAtEnd, servicerKeys, startRelayChain } from '../../helpers/relays.js';
import { validatorRecord } from '../../helpers/validators.js';
import { fastCheckSeed } from '../crypto/fc-seed.js';

const sha3 = (data: string | Uint8Array): Uint8Array => new Uint8Array(createHash('sha3-256').update(data).digest());
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

const heights = suite('session heights (PROTOCOL §3.1, session.go:54-84)');

heights('latest session height with BPS 4: 1..4 → 1, 5..8 → 5, 9 → 9', () => {
  assert.equal([1, 2, 3, 4, 5, 7, 8, 9, 12, 13].map((h) => latestSessionHeight(h, 4)), [1, 1, 1, 1, 5, 5, 5, 9, 9, 13]);
});

heights('session starts are h mod BPS == 1; a session ends at SBH + BPS − 1', () => {
  assert.equal([1, 2, 4, 5, 9, 25, 26].map((h) => isSessionStart(h, 4)), [true, false, false, true, true, true, false]);
  assert.is(sessionEndHeight(1, 4), 4);
  assert.is(sessionEndHeight(26, 25), 50);
});

const header = suite('session header and key (PROTOCOL §3.2)');

const APP = 'ab'.repeat(32) as PublicKeyHex;

header('header bytes are {"app_public_key","chain","session_height"} with no spaces; hash = SHA3-256', () => {
  const h = { appPublicKey: APP, chain: '0021', sessionHeight: 101 };
  const json = `{"app_public_key":"${APP}","chain":"0021","session_height":101}`;
  assert.is(sessionHeaderJson(h), json);
  assert.is(sessionHeaderHash(h), hex(sha3(json)));
});

header('the header hash (memoised) is SHA3-256 of the header bytes for any strings, also where a naive memo key would collide', () => {
  // sessionHeaderHash keeps a memo keyed by the three fields; "a|b" + "c" and "a" + "b|c" must
  // not share an entry. Oracle: node:crypto SHA3-256 of the header JSON, computed here each time.
  const fresh = (h: { appPublicKey: PublicKeyHex; chain: string; sessionHeight: number }) => hex(sha3(sessionHeaderJson(h)));
  const pairs = [
    [{ appPublicKey: 'a|b' as PublicKeyHex, chain: 'c', sessionHeight: 1 }, { appPublicKey: 'a' as PublicKeyHex, chain: 'b|c', sessionHeight: 1 }],
    [{ appPublicKey: '1:a' as PublicKeyHex, chain: '0001', sessionHeight: 5 }, { appPublicKey: 'a' as PublicKeyHex, chain: '0001', sessionHeight: 5 }],
    [{ appPublicKey: APP, chain: '0001|2', sessionHeight: 3 }, { appPublicKey: APP, chain: '0001', sessionHeight: 23 }],
  ] as const;
  for (let round = 0; round < 2; round++) {
    for (const [first, second] of pairs) {
      assert.is(sessionHeaderHash(first), fresh(first));
      assert.is(sessionHeaderHash(second), fresh(second));
      assert.is.not(sessionHeaderHash(first), sessionHeaderHash(second));
    }
  }
  fc.assert(
    fc.property(fc.string(), fc.string(), fc.integer({ min: 0, max: 2 ** 40 }), (app, chain, sessionHeight) => {
      const h = { appPublicKey: app as PublicKeyHex, chain, sessionHeight };
      assert.is(sessionHeaderHash(h), fresh(h));
      assert.is(sessionHeaderHash(h), fresh(h), 'again, from the memo');
    }),
    { numRuns: 2_000, seed: fastCheckSeed('pocketcore/session header hash memo') },
  );
});

header('session key = SHA3-256 of {"app_pub_key","chain","blockchain"}', () => {
  const blockHash = 'cd'.repeat(32);
  assert.is(hex(sessionKey(APP, '0001', blockHash)), hex(sha3(`{"app_pub_key":"${APP}","chain":"0001","blockchain":"${blockHash}"}`)));
});

header('pseudorandom index = uint64 big-endian of bytes 0..7 mod n', () => {
  const bytes = new Uint8Array(32);
  bytes.set([0, 0, 0, 0, 0, 0, 1, 2], 0); // 258
  assert.is(pseudorandomIndex(bytes, 7n), 258n % 7n);
  bytes.set([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], 0);
  assert.is(pseudorandomIndex(bytes, 1000n), 18446744073709551615n % 1000n);
});

header('the walk\'s number form of the index equals the uint64 BigInt form (edges and 5,000 random draws)', () => {
  // Oracle: BigInt arithmetic on the 8 bytes, computed here (not the function under test).
  const oracle = (bytes: Uint8Array, total: number): number => Number(Buffer.from(bytes.subarray(0, 8)).readBigUInt64BE() % BigInt(total));
  const ones = new Uint8Array(32).fill(0xff);
  // The largest total of the number path (2^21) with the largest value (hi·2^32 + lo near 2^53), and the first total past it.
  for (const total of [1, 2, 3, 7, 2 ** 21 - 1, 2 ** 21, 2 ** 21 + 1, 2 ** 32 - 1]) {
    assert.is(pseudorandomListIndex(ones, total), oracle(ones, total), `all-ones, total ${total}`);
    assert.is(pseudorandomListIndex(new Uint8Array(32), total), 0, `zeros, total ${total}`);
  }
  // The largest value below t·2^32 for each t: hi = t − 1, lo = 2^32 − 1, so v = t·2^32 − 1. Up to
  // t = 2^21 that is below 2^53 (exact); past it a double would round it to t·2^32 ≡ 0.
  for (const t of [2 ** 20, 2 ** 21 - 1, 2 ** 21, 2 ** 21 + 1, 2 ** 22, 2 ** 23, 2 ** 31 + 1]) {
    const bytes = new Uint8Array(32);
    new DataView(bytes.buffer).setUint32(0, t - 1, false);
    new DataView(bytes.buffer).setUint32(4, 0xffffffff, false);
    assert.is(pseudorandomListIndex(bytes, t), t - 1, `t·2^32 − 1 mod t, t = ${t}`);
  }
  // Bytes not at the start of their buffer (the walk's keys are digests, but a view must work too).
  const backing = new Uint8Array(40).fill(0x5a);
  assert.is(pseudorandomListIndex(backing.subarray(5, 37), 1_000_003), oracle(backing.subarray(5, 37), 1_000_003));
  const total = fc.oneof(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 2 ** 21 }), fc.integer({ min: 2 ** 21 - 8, max: 2 ** 21 + 8 }), fc.integer({ min: 1, max: 2 ** 32 }));
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), total, (bytes, n) => pseudorandomListIndex(bytes, n) === oracle(bytes, n)),
    { numRuns: 5_000, seed: fastCheckSeed('pocketcore/session index') },
  );
});

const walk = suite('NewSessionNodes walk (session.go:111-172)');

const addr = (i: number): Address => i.toString(16).padStart(40, '0') as Address;
const CANDIDATES = [1, 2, 3, 4, 5, 6, 7].map(addr);
const node = (address: Address, changes: Partial<Validator> = {}): Validator => validatorRecord({ address, publicKey: APP, ...changes });

/** The draws of the walk, re-derived: index_k = BE64(key_k) mod n, key_{k+1} = SHA3(key_k). */
function draws(key: Uint8Array, n: number, count: number): number[] {
  const out: number[] = [];
  let k = key;
  for (let i = 0; i < count; i++) {
    out.push(Number(Buffer.from(k.subarray(0, 8)).readBigUInt64BE() % BigInt(n)));
    k = sha3(k);
  }
  return out;
}

function firstDistinct(sequence: readonly number[], accept: (i: number) => boolean, count: number): number[] {
  const seen = new Set<number>();
  const out: number[] = [];
  for (const i of sequence) {
    if (seen.has(i)) continue;
    seen.add(i);
    if (accept(i)) out.push(i);
    if (out.length === count) break;
  }
  return out;
}

const KEY = sessionKey(APP, '0001', 'ee'.repeat(32));

walk('eligible candidates are taken in draw order, repeats skipped', () => {
  const result = selectSessionNodes({ chain: '0001', key: KEY, candidates: CANDIDATES, count: 4, maxChains: 15n, lookup: (a) => node(a) });
  assert.ok(result.ok);
  const expected = firstDistinct(draws(KEY, 7, 200), () => true, 4).map((i) => CANDIDATES[i]);
  assert.equal(result.value.nodes, expected);
});

walk('jailed, missing, over-MaximumChains and chain-not-listed nodes (end state) are passed over', () => {
  const bad = new Map<Address, Validator | undefined>([
    [CANDIDATES[0]!, node(CANDIDATES[0]!, { jailed: true })],
    [CANDIDATES[1]!, undefined],
    [CANDIDATES[2]!, node(CANDIDATES[2]!, { chains: Array.from({ length: 16 }, (_, i) => (i + 1).toString(16).padStart(4, '0')) })],
    [CANDIDATES[3]!, node(CANDIDATES[3]!, { chains: ['0002'] })],
  ]);
  const lookup = (a: Address): Validator | undefined => (bad.has(a) ? bad.get(a) : node(a));
  const result = selectSessionNodes({ chain: '0001', key: KEY, candidates: CANDIDATES, count: 3, maxChains: 15n, lookup });
  assert.ok(result.ok);
  assert.equal(result.value.nodes, firstDistinct(draws(KEY, 7, 500), (i) => i >= 4, 3).map((i) => CANDIDATES[i]));
  // Exactly 15 chains is allowed (the rule is "more than MaximumChains").
  const fifteen = node(CANDIDATES[2]!, { chains: ['0001', ...Array.from({ length: 14 }, (_, i) => (i + 2).toString(16).padStart(4, '0'))] });
  const all = selectSessionNodes({ chain: '0001', key: KEY, candidates: [CANDIDATES[2]!], count: 1, maxChains: 15n, lookup: () => fifteen });
  assert.ok(all.ok);
  // MaximumChains at the int64 extremes (a governance value): 2^63 − 1 never skips, a negative one skips every node, 14 skips the fifteen.
  const one = (maxChains: bigint): boolean => selectSessionNodes({ chain: '0001', key: KEY, candidates: [CANDIDATES[2]!], count: 1, maxChains, lookup: () => fifteen }).ok;
  assert.is(one((1n << 63n) - 1n), true);
  assert.is(one(-(1n << 63n)), false);
  assert.is(one(-1n), false);
  assert.is(one(14n), false);
  assert.is(one(15n), true);
});

walk('fewer candidates than SessionNodeCount → pocketcore:17', () => {
  const result = selectSessionNodes({ chain: '0001', key: KEY, candidates: CANDIDATES.slice(0, 2), count: 3, maxChains: 15n, lookup: (a) => node(a) });
  assert.ok(!result.ok);
  assert.is(`${result.error.codespace}:${result.error.code}`, 'pocketcore:17');
});

walk('every candidate examined without filling the session → pocketcore:17', () => {
  const result = selectSessionNodes({ chain: '0001', key: KEY, candidates: CANDIDATES, count: 3, maxChains: 15n, lookup: (a) => node(a, { jailed: a !== CANDIDATES[0] && a !== CANDIDATES[1] }) });
  assert.ok(!result.ok);
  assert.is(`${result.error.codespace}:${result.error.code}`, 'pocketcore:17');
});

const repeats = suite('NewSessionNodes walk over a list that names an address twice (dedupe by address, PROTOCOL §3.3)');

const [A, B, C] = [addr(0xa), addr(0xb), addr(0xc)];

repeats('the key chain of KEY, re-derived: the first five draws mod 5 are 1, 0, 4, 3, 2', () => {
  // The premise of the hand-worked cases below. uint64_BE(key_k[0:8]) for k = 0..4:
  //   0x04da508150143cd2 =    349,680,437,399,141,586 → mod 5 = 1 (ends in 6), mod 2 = 0
  //   0x418c2aa8aa30df09 =  4,723,197,013,103,009,545 → mod 5 = 0 (ends in 5), mod 2 = 1
  //   0x2d255629e9ad66ac =  3,253,101,043,859,154,604 → mod 5 = 4
  //   0xa88f79c2521913a1 = 12,146,060,595,549,508,513 → mod 5 = 3
  //   0x50dfe3cfbed69336 =  5,827,626,924,240,180,022 → mod 5 = 2
  const firsts = ['04da508150143cd2', '418c2aa8aa30df09', '2d255629e9ad66ac', 'a88f79c2521913a1', '50dfe3cfbed69336'];
  let k = KEY;
  for (const first of firsts) {
    assert.is(hex(k.subarray(0, 8)), first);
    k = sha3(k);
  }
  assert.equal(draws(KEY, 5, 5), [1, 0, 4, 3, 2]);
  assert.equal(draws(KEY, 2, 2), [0, 1]);
});

repeats('[A, A, B, C, C], count 3, all eligible → [A, C, B]: a second copy of a seated node is a repeat', () => {
  // By hand, PROTOCOL §3.3 step 3 with total = 5 (the list length) and m keyed by address:
  //   draw 1: idx 1 → A (new)           → kept       session [A]
  //   draw 2: idx 0 → A (already in m)  → skipped    (a walk keyed by position would seat A again)
  //   draw 3: idx 4 → C (new)           → kept       session [A, C]
  //   draw 4: idx 3 → C (already in m)  → skipped
  //   draw 5: idx 2 → B (new)           → kept       session [A, C, B] — full after 5 draws
  const result = selectSessionNodes({ chain: '0001', key: KEY, candidates: [A, A, B, C, C], count: 3, maxChains: 15n, lookup: (a) => node(a) });
  assert.ok(result.ok);
  assert.equal(result.value.nodes, [A, C, B]);
  assert.is(result.value.draws, 5);
});

repeats('[A, A], count 2 → pocketcore:17 once both positions are drawn (pocket-core would loop forever)', () => {
  // total = 2 ≥ count 2, so the first check passes. draw 1: idx 0 → A kept; draw 2: idx 1 → A,
  // a repeat; both positions drawn, one node seated ⇒ insufficient nodes. Go's test len(m) ≥ 2
  // never holds (m = {A}), so there the walk would not end; we end it (file header of session.ts).
  const result = selectSessionNodes({ chain: '0001', key: KEY, candidates: [A, A], count: 2, maxChains: 15n, lookup: (a) => node(a) });
  assert.ok(!result.ok);
  assert.is(`${result.error.codespace}:${result.error.code}`, 'pocketcore:17');
});

repeats('a node staked with ["0001","0001"] is one candidate in the live index, the full rebuild and the rebuild from history', () => {
  const state = startRelayChain();
  advanceTo(state, 1);
  const index = state.pocketcore.sessionCandidates;
  const twice = servicerKeys[1]!.address;
  index.current('0001'); // the live index is built now; the change below reaches it incrementally
  state.nodes.validators.set(twice, { ...state.nodes.validators.get(twice)!, chains: ['0001', '0001'] });
  advanceTo(state, 5);
  const sorted = servicerKeys.map((k) => k.address).sort();
  assert.equal([...index.current('0001')], sorted, 'live');
  assert.equal([...new SessionCandidates(state.nodes.validators).current('0001')], sorted, 'full rebuild from the table');
  assert.equal([...new SessionCandidates(state.nodes.validators).at('0001', 5)], sorted, 'rebuild from history at SBH 5');
  assert.equal([...index.at('0001', 5)], sorted, 'memo captured at SBH 5');
});

const goVector = suite("pocket-core's own vector: TestNewSessionNodes (x/pocketcore/types/session_test.go:47-310)");

goVector('12 nodes on chain "01", node 12 listed 16 times by the mock index, 5 seats: {12, 9, 6, 2, 1}; with MAXCH (max 15): {3, 9, 6, 2, 1}', () => {
  // The key and keys are the Go test's; the mock GetValidatorsByChain (service_test.go:342-354)
  // lists each node once per listed chain, in its slice order: node 12 (16 × "01") first, then
  // nodes 1..11. Its MaxChains is 15 (service_test.go:438-440). Go asserts membership only.
  const key = Buffer.from('36f028580bb02cc8272a9a020f4200e346e276ae664e45ee80745574e2f5ab80', 'hex');
  const addressOf = (last: string): Address => addressFromPublicKey(Buffer.from(`36f028580bb02cc8272a9a020f4200e346e276ae664e45ee80745574e2f5ab8${last}`, 'hex'));
  const ids = ['C', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B'];
  const byId = new Map(ids.map((id) => [id, addressOf(id)]));
  const chainsOf = (id: string): string[] => (id === 'C' ? Array.from({ length: 16 }, () => '01') : ['01']);
  const candidates = ids.flatMap((id) => chainsOf(id).map(() => byId.get(id)!));
  assert.is(candidates.length, 27);
  const lookup = (address: Address): Validator | undefined => {
    const id = ids.find((i) => byId.get(i) === address);
    return id === undefined ? undefined : node(address, { chains: chainsOf(id) });
  };
  const seated = (maxChains: bigint): string[] => {
    const result = selectSessionNodes({ chain: '01', key, candidates, count: 5, maxChains, lookup });
    if (!result.ok) throw new Error(result.error.log);
    return result.value.nodes.map((a) => ids.find((i) => byId.get(i) === a)!).sort();
  };
  assert.equal(seated(1n << 62n), ['1', '2', '6', '9', 'C'], 'before EnforceMaxChains (session_test.go:262-274)');
  assert.equal(seated(15n), ['1', '2', '3', '6', '9'], 'after EnforceMaxChains (session_test.go:276-301)');
});

const onChain = suite('sessions on a test chain: start state, end state, dispatch');

onChain('the session key hashes block SBH’s hash; candidates are the Staked validators of the chain, ascending', () => {
  const state = startRelayChain();
  advanceTo(state, 4);
  const session = sessionAtEnd(state, headerOf(appKey, '0001', 1));
  assert.is(session.blockHash, state.chain.blockHashes.get(heightKey(1)));
  assert.is(session.key, hex(sha3(`{"app_pub_key":"${appKey.publicKey}","chain":"0001","blockchain":"${session.blockHash}"}`)));
  assert.is(session.candidates, 4);
  assert.is(session.nodes.length, 2);
  const sorted = servicerKeys.map((k) => k.address).sort();
  const expected = firstDistinct(draws(Buffer.from(session.key, 'hex'), 4, 200), () => true, 2).map((i) => sorted[i]);
  assert.equal(session.nodes, expected);
  // chain 0002: only servicer 1 is staked for it → insufficient nodes for a 2-node session
  const result = dispatchSession(state, appKey.publicKey, '0002', heightOf(state));
  assert.ok(!result.ok);
  assert.is(result.error.code, 17);
});

onChain('a node jailed after the session start but before its end is skipped for claims; dispatch sees the live state', () => {
  const state = startRelayChain();
  advanceTo(state, 1);
  const header1 = headerOf(appKey, '0001', 1);
  advanceTo(state, 2);
  const first = dispatchSession(state, appKey.publicKey, '0001', heightOf(state));
  assert.ok(first.ok);
  const victim = first.value.nodes[0]!;
  state.nodes.validators.set(victim, { ...state.nodes.validators.get(victim)!, jailed: true });
  advanceTo(state, 4);
  const atEnd = sessionAtEnd(state, header1);
  assert.not.ok(atEnd.nodes.includes(victim));
  assert.is(atEnd.candidates, 4, 'jailing does not remove a node from the chain index');
  state.nodes.validators.set(victim, { ...state.nodes.validators.get(victim)!, jailed: false });
  produce(state); // height 5: dispatch now answers for session 5, whose start state has it unjailed
  const now = dispatchSession(state, appKey.publicKey, '0001', heightOf(state));
  assert.ok(now.ok);
  assert.is(now.value.header.sessionHeight, 5);
  // session 1 as claims see it is unchanged by later history
  assert.equal(sessionAtEnd(state, header1).nodes, atEnd.nodes);
});

onChain('dispatch shows the seated nodes as they were at the session start (GetNode(sessionCtx), keeper/session.go:42-45)', () => {
  const state = startRelayChain();
  advanceTo(state, 5);
  const first = dispatch(state, appKey.publicKey, '0001', heightOf(state));
  assert.ok(first.ok);
  const seated = first.value.nodes[0]!;
  const atStart = state.nodes.validators.get(seated)!;
  // Mid-session (block 6) the node moves its URL (an edit stake); still seated (not jailed, lists the chain).
  state.nodes.validators.set(seated, { ...atStart, serviceUrl: 'https://moved.example:443' });
  advanceTo(state, 6);
  const later = dispatch(state, appKey.publicKey, '0001', heightOf(state));
  assert.ok(later.ok);
  assert.is(later.value.header.session_height, 5);
  assert.equal(later.value.nodes, first.value.nodes);
  const records = dispatchNodeRecords(state, later.value);
  assert.equal(records.map((r) => r.address), later.value.nodes);
  assert.is(records[0]!.serviceUrl, atStart.serviceUrl, 'the record at SBH 5, not the live one');
  assert.is(state.nodes.validators.get(seated)!.serviceUrl, 'https://moved.example:443');
});

onChain('dispatch before block 1 (latest session height 0 − BPS + 1 < 1) → pocketcore:60, ValidateHeader\'s answer', () => {
  // HandleDispatch sets the latest session height, then header.ValidateHeader() refuses one below 1
  // with InvalidBlockHeight (x/pocketcore/keeper/session.go:13-19, types/session.go:257-260).
  const state = startRelayChain();
  assert.is(heightOf(state), 0);
  const result = dispatchSession(state, appKey.publicKey, '0001', 0);
  assert.ok(!result.ok);
  assert.equal([result.error.codespace, result.error.code], ['pocketcore', 60]);
});

onChain('candidates rebuilt from history equal the memo captured at the session start (snapshot path)', () => {
  const state = startRelayChain();
  advanceTo(state, 5);
  const unstaking = servicerKeys[2]!.address;
  state.nodes.validators.set(unstaking, { ...state.nodes.validators.get(unstaking)!, status: StakeStatus.Unstaking });
  advanceTo(state, 9);
  const memo = state.pocketcore.sessionCandidates;
  assert.equal(memo.memoizedHeights().filter((h) => h >= 1), [1, 5, 9]);
  const fresh = new SessionCandidates(state.nodes.validators);
  for (const sessionHeight of [1, 5, 9]) {
    for (const chain of ['0001', '0002']) assert.equal(fresh.at(chain, sessionHeight), memo.at(chain, sessionHeight), `SBH ${sessionHeight} chain ${chain}`);
  }
  assert.is(memo.at('0001', 5).length, 4);
  assert.is(memo.at('0001', 9).length, 3, 'an Unstaking validator has left the chain index');
  assert.equal(memo.current('0001'), memo.at('0001', 9));
});

onChain('the live index follows reverted writes', () => {
  const state = startRelayChain();
  advanceTo(state, 1);
  const before = [...state.pocketcore.sessionCandidates.current('0001')];
  const victim = servicerKeys[1]!.address;
  state.store.checkpoint();
  state.nodes.validators.set(victim, { ...state.nodes.validators.get(victim)!, chains: ['0002'] });
  assert.not.ok(state.pocketcore.sessionCandidates.current('0001').includes(victim));
  assert.ok(state.pocketcore.sessionCandidates.current('0002').includes(victim));
  state.store.revert();
  assert.equal([...state.pocketcore.sessionCandidates.current('0001')], before);
  assert.not.ok(state.pocketcore.sessionCandidates.current('0002').includes(victim));
});

const memo = suite('claims\' session memo across blocks (session-service.ts computeSessionAtEnd)');

/** What computing the session afresh at `committed` gives (the memo's oracle). */
const fresh = (state: ReturnType<typeof startRelayChain>, committed: number) => computeSession(state, headerOf(appKey, '0001', 1), committed, { kind: 'end' });

memo('in every later block the memo returns what computing returns, and computes once', () => {
  const state = startRelayChain();
  advanceTo(state, 2);
  const victim = dispatchSession(state, appKey.publicKey, '0001', heightOf(state));
  assert.ok(victim.ok);
  // Jailed before the end: the end state differs from the start state, so the end state is read.
  state.nodes.validators.set(victim.value.nodes[0]!, { ...state.nodes.validators.get(victim.value.nodes[0]!)!, jailed: true });
  advanceTo(state, 4);
  const first = computeSessionAtEnd(state, headerOf(appKey, '0001', 1), 4);
  assert.equal(first, fresh(state, 4));
  assert.ok(first.ok && !first.value.nodes.includes(victim.value.nodes[0]!));
  for (let height = 5; height <= 9; height++) {
    advanceTo(state, height);
    const later = computeSessionAtEnd(state, headerOf(appKey, '0001', 1), height);
    assert.equal(later, fresh(state, height), `at ${height}`);
    assert.ok(later === first, `at ${height}: the entry computed at 4 is used`);
  }
});

memo('an entry computed under another hash of the end block is not used', () => {
  const state = startRelayChain();
  advanceTo(state, 6);
  const first = computeSessionAtEnd(state, headerOf(appKey, '0001', 1), 6);
  // As if block 4 (session 1's end) had been replaced: its hash is another one now.
  state.chain.blockHashes.set(heightKey(4), 'ee'.repeat(32));
  const again = computeSessionAtEnd(state, headerOf(appKey, '0001', 1), 6);
  assert.ok(again !== first, 'recomputed');
  assert.equal(again, fresh(state, 6));
});

memo('once the history floor passes the session, the memo answers as computing does (no committed state)', () => {
  const state = startRelayChain();
  advanceTo(state, 6);
  assert.ok(computeSessionAtEnd(state, headerOf(appKey, '0001', 1), 6).ok);
  state.pocketcore.historyFloor.set(HISTORY_FLOOR_KEY, 5);
  const afterFloor = computeSessionAtEnd(state, headerOf(appKey, '0001', 1), 6);
  assert.not.ok(afterFloor.ok);
  assert.equal(afterFloor, fresh(state, 6));
});

heights.run();
header.run();
walk.run();
repeats.run();
goVector.run();
onChain.run();
memo.run();
