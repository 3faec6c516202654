/**
 * Goal: the audit's own signing infos (src/audit/independent/signing.ts) and the shadow's
 * slashing follow pocket-core in the cases the simulated chains do not reach: a node slashed
 * for downtime and double signing in one block; missed bits left behind by a deleted validator
 * (pocket-core deletes the signing info, not the bits) read again after a re-stake; the
 * jailed-blocks counter not saved once it exceeds MaxJailedBlocks; unjail and window resets;
 * MinBlocksSignedPerWindow's half-even rounding and the evidence age in blocks.
 * Method: the tracker and a ShadowLedger driven directly with hand-made headers.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ShadowBank } from '../../../src/audit/independent/bank.js';
import { ParamTracker } from '../../../src/audit/independent/params.js';
import { ShadowLedger } from '../../../src/audit/independent/shadow.js';
import { evidenceAgeBlocks, maxMissedPerWindow, minBlocksSignedPerWindow, SigningTracker } from '../../../src/audit/independent/signing.js';
import { parseGenesis } from '../../../src/genesis/parse.js';
import { testGenesisJson, testKey } from '../../helpers/chain.js';

const test = suite('audit: signing infos');
const E18 = 10n ** 18n;

test('MinBlocksSignedPerWindow rounds half to even; the evidence age is max(1, minutes / 15) blocks', () => {
  assert.is(minBlocksSignedPerWindow(10n, (6n * E18) / 10n), 6n);
  assert.is(minBlocksSignedPerWindow(10n, (55n * E18) / 100n), 6n); // 5.5 → 6
  assert.is(minBlocksSignedPerWindow(10n, (45n * E18) / 100n), 4n); // 4.5 → 4
  assert.is(evidenceAgeBlocks(120_000_000_000n), 1);
  assert.is(evidenceAgeBlocks(3n * 3_600_000_000_000n), 12);
});

test('the tolerated misses, window − MinBlocksSignedPerWindow, are Go int64 (slash.go:273): 2^62 − (−2^62) wraps to −2^63', () => {
  assert.is(maxMissedPerWindow(10n, (6n * E18) / 10n), 4n);
  assert.is(maxMissedPerWindow(1n << 62n, -E18), -(1n << 63n));
  assert.is(maxMissedPerWindow((1n << 62n) - 1n, -E18), (1n << 63n) - 2n);
});

test('the evidence age reads the minutes as Go does, int(float64 Duration.Minutes()): 262,154 min + 59.999999999 s is 262,155 min', () => {
  // abci.go:40, Go time.Duration.Minutes = float64(d/Minute) + float64(d%Minute)/(60*1e9): the sum rounds up to 262,155.0
  assert.is(evidenceAgeBlocks(262_154n * 60_000_000_000n + 59_999_999_999n), 17_477); // 262,155 / 15
  assert.is(evidenceAgeBlocks(262_139n * 60_000_000_000n + 59_999_999_999n), 17_475); // 262,139.99999999997 → 262,139 / 15
  assert.is(evidenceAgeBlocks(29n * 60_000_000_000n + 59_999_999_999n), 1);
});

test('missed bits outlive a deleted signing info: a re-staked node signing on a stale bit decrements (below 0), a miss there does not count', () => {
  const t = new SigningTracker();
  const a = 'aa'.repeat(20);
  t.seed(a, { startHeight: 0, index: 0, jailedUntilNs: 0n, missed: 0, jailedBlocks: 0 });
  assert.equal(t.vote(a, 11, false, 10n, 5n), { downtime: false, missed: 1 }); // bit 0
  assert.equal(t.vote(a, 12, false, 10n, 5n), { downtime: false, missed: 2 }); // bit 1
  t.delete(a);
  t.createIfAbsent(a, 13);
  assert.equal(t.vote(a, 14, true, 10n, 5n), { downtime: false, missed: -1 }); // stale bit 0, signed
  assert.equal(t.vote(a, 15, false, 10n, 5n), { downtime: false, missed: -1 }); // stale bit 1, missed: unchanged
  assert.equal(t.vote(a, 20, false, 10n, 5n), { downtime: false, missed: 1 }); // boundary: all cleared
  // An unknown record in the last commit is recreated and the vote skipped.
  const b = 'bb'.repeat(20);
  assert.is(t.vote(b, 21, false, 10n, 5n), undefined);
  assert.equal(t.get(b), { startHeight: 21, index: 0, jailedUntilNs: null, missed: 0, jailedBlocks: 0 });
});

test('jailed-blocks counter: saved up to MaxJailedBlocks, not saved above it; reset by an unjail', () => {
  const t = new SigningTracker();
  const a = 'cc'.repeat(20);
  t.createIfAbsent(a, 1);
  assert.equal([1, 2, 3].map((h) => t.countJailedBlock(a, h, 3n)), [false, false, false]);
  assert.ok(t.countJailedBlock(a, 4, 3n));
  assert.ok(t.countJailedBlock(a, 5, 3n), 'still above: re-triggers every block');
  assert.is(t.get(a)!.jailedBlocks, 3);
  t.reset(a, 6);
  assert.is(t.get(a)!.jailedBlocks, 0);
  assert.is(t.get(a)!.jailedUntilNs, 0n, 'jailed_until kept');
});

test('a node slashed for downtime and for double signing in one block: both slashes, one jail, the second slash on the reduced stake', () => {
  const key = testKey('audit-signing-both');
  const parsed = parseGenesis(testGenesisJson({ params: { pos: { signed_blocks_window: '10', min_signed_per_window: '0.5', slash_fraction_downtime: '0.01', slash_fraction_double_sign: '0.05', max_evidence_age: '120000000000' } } }));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  const shadow = new ShadowLedger(new ParamTracker(parsed.value.params), { total: 0n, node: 0n, app: 0n, dao: 0n, fee: 0n }, new ShadowBank());
  const tokens = 100_000_000_000n;
  shadow.nodes.set(key.address, { operator: key.address, outputAddress: null, delegators: null, tokens, waiting: false, unstakingAtNs: null, jailed: false, chains: [] });
  shadow.signing.seed(key.address, { startHeight: 0, index: 0, jailedUntilNs: 0n, missed: 0, jailedBlocks: 0 });
  const power = tokens / 1_000_000n;
  const vote = { height: 6, round: 0, blockHash: '00', timestampNs: 0n, validatorAddress: key.address, signature: new Uint8Array(0) };
  for (let h = 2; h <= 7; h++) {
    const evidence = h === 7 ? [{ publicKey: key.publicKey, voteA: vote, voteB: { ...vote, blockHash: '01' } }] : [];
    shadow.beginBlock({ height: h, timeNs: BigInt(h) * 900_000_000_000n, lastCommit: [{ address: key.address, power, signed: false }], evidence, prevBlockHash: '00'.repeat(32) }, null);
    if (h < 7) assert.equal(shadow.derived, []);
  }
  const downtime = (power * 1_000_000n) / 100n;
  const doubleSign = (power * 1_000_000n * 5n) / 100n;
  assert.equal(shadow.derived, [
    { address: key.address, line: 'slash/downtime', amount: downtime },
    { address: key.address, line: 'jail/downtime', amount: null },
    { address: key.address, line: 'slash/double_sign', amount: doubleSign },
  ]);
  assert.is(shadow.nodes.get(key.address)!.tokens, tokens - downtime - doubleSign);
  assert.equal(shadow.signing.get(key.address), { startHeight: 0, index: 0, jailedUntilNs: 7n * 900_000_000_000n + (parsed.value.params.get('pos/DowntimeJailDuration') as bigint), missed: 0, jailedBlocks: 0 });
  // Evidence two blocks old with a 120 s MaxEvidenceAge (1 block) is ignored.
  shadow.beginBlock({ height: 8, timeNs: 8n * 900_000_000_000n, lastCommit: [], evidence: [{ publicKey: key.publicKey, voteA: vote, voteB: { ...vote, blockHash: '01' } }], prevBlockHash: '00'.repeat(32) }, null);
  assert.equal(shadow.derived, []);
});

test.run();
