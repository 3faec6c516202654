/**
 * Goal: a genesis pocket-core refuses is refused here too. pocket-core's module manager runs each
 * module's ValidateGenesis before its InitGenesis and panics on an error
 * (types/module/module.go:243-246, RC-0.12.0), for a fresh genesis and an exported state alike.
 * Method: the e2e localnet genesis (valid), each time with one value broken the way a
 * ValidateGenesis rule forbids; the expected refusal names the JSON path, with the pocket-core
 * rule beside it. Exported-state rules on a file this ledger exports from the localnet at height 0.
 */
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { exportState } from '../../../src/genesis/export.js';
import { importGenesis } from '../../../src/genesis/import.js';
import { parseGenesis } from '../../../src/genesis/parse.js';
import { fixturePath } from '../../helpers/paths.js';

const localnetText = readFileSync(fixturePath('e2e-single-node-genesis.json'), 'utf8');

type Problem = { path: string; message: string };

function problemsOf(mutate: (json: any) => void, base: string = localnetText): Problem[] {
  const json = JSON.parse(base);
  mutate(json);
  const result = parseGenesis(JSON.stringify(json));
  return result.ok ? [] : result.error;
}

function assertRefused(problems: Problem[], path: string, pattern: RegExp): void {
  assert.ok(
    problems.some((p) => p.path === path && pattern.test(p.message)),
    `expected a problem at ${path} matching ${pattern}; got ${JSON.stringify(problems)}`,
  );
}

const test = suite('genesis: what pocket-core ValidateGenesis refuses');

test('the unbroken localnet file is accepted (the baseline of every case below)', () => {
  assert.equal(problemsOf(() => undefined), []);
});

test('DAO and proposer allocations both 0 (not a ValidateGenesis rule: pocket-core starts, then its first block reward divides by their sum and BeginBlock panics)', () => {
  // splitFeesCollected: Dec(DAO).Quo(Dec(DAO + Proposer)) (x/nodes/keeper/params.go:168-184) at the first
  // block whose fee collector holds anything (reward.go:227-236); BigDec Quo by zero panics (types/decimal.go).
  const both = (dao: string, proposer: string) => problemsOf((g) => Object.assign(g.app_state.pos.params, { dao_allocation: dao, proposer_allocation: proposer }));
  assertRefused(both('0', '0'), '$.app_state.pos.params.dao_allocation', /both be 0/);
  assert.equal([both('0', '1'), both('1', '0')], [[], []]);
});

test('a staked validator below stake_minimum (x/nodes/genesis.go:210-212)', () => {
  // stake_minimum is 1000000 in the localnet file.
  const problems = problemsOf((g) => (g.app_state.pos.validators[0].tokens = '999999'));
  assertRefused(problems, '$.app_state.pos.validators[0].tokens', /stake_minimum/);
  assert.equal(problemsOf((g) => (g.app_state.pos.validators[0].tokens = '1000000')), [], 'exactly the minimum passes (LT, not LTE)');
});

test('a staked application that is jailed (x/apps/genesis.go:88-90)', () => {
  assertRefused(problemsOf((g) => (g.app_state.application.applications[0].jailed = true)), '$.app_state.application.applications[0].jailed', /staked and jailed/);
});

test('a staked application with no stake, or not MORE than app_stake_minimum (x/apps/genesis.go:91-97)', () => {
  // app_stake_minimum is 1000000 in the localnet file; the rule is StakedTokens.LTE(minimum) (:95).
  const at = '$.app_state.application.applications[0].staked_tokens';
  assertRefused(problemsOf((g) => (g.app_state.application.applications[0].staked_tokens = '0')), at, /zero stake/);
  assertRefused(problemsOf((g) => (g.app_state.application.applications[0].staked_tokens = '999999')), at, /app_stake_minimum/);
  assertRefused(problemsOf((g) => (g.app_state.application.applications[0].staked_tokens = '1000000')), at, /app_stake_minimum/);
  assert.equal(problemsOf((g) => (g.app_state.application.applications[0].staked_tokens = '1000001')), [], 'one uPOKT above the minimum passes (LTE, not LT)');
});

test('a validator service URL ValidateServiceURL refuses (x/nodes/genesis.go:213-215, x/nodes/types/util.go:22-47)', () => {
  assertRefused(problemsOf((g) => (g.app_state.pos.validators[0].service_url = 'http://127.0.0.1')), '$.app_state.pos.validators[0].service_url', /http\(s\):\/\/host:port/);
  assertRefused(problemsOf((g) => (g.app_state.pos.validators[0].service_url = 'ws://foo.bar:8080')), '$.app_state.pos.validators[0].service_url', /http/);
  assertRefused(problemsOf((g) => (g.app_state.pos.validators[0].service_url = 'https://foobar:8080')), '$.app_state.pos.validators[0].service_url', /'\.'/);
});

test('slashing fractions and min_signed_per_window outside [0, 1] (x/nodes/genesis.go:166-179)', () => {
  for (const name of ['slash_fraction_downtime', 'slash_fraction_double_sign', 'min_signed_per_window']) {
    assertRefused(problemsOf((g) => (g.app_state.pos.params[name] = '1.000000000000000001')), `$.app_state.pos.params.${name}`, /between 0 and 1/);
    assertRefused(problemsOf((g) => (g.app_state.pos.params[name] = '-0.1')), `$.app_state.pos.params.${name}`, /between 0 and 1/);
    assert.equal(problemsOf((g) => (g.app_state.pos.params[name] = '1')), [], `${name} = 1 passes`);
  }
});

test('max_evidence_age and downtime_jail_duration under a minute (x/nodes/genesis.go:181-189)', () => {
  for (const name of ['max_evidence_age', 'downtime_jail_duration']) {
    assertRefused(problemsOf((g) => (g.app_state.pos.params[name] = '59999999999')), `$.app_state.pos.params.${name}`, /at least 1 minute/);
    assert.equal(problemsOf((g) => (g.app_state.pos.params[name] = '60000000000')), [], `${name} = 1 minute passes`);
  }
});

test('signed_blocks_window under 10 (x/nodes/genesis.go:191-194)', () => {
  assertRefused(problemsOf((g) => (g.app_state.pos.params.signed_blocks_window = '9')), '$.app_state.pos.params.signed_blocks_window', /at least 10/);
  assert.equal(problemsOf((g) => (g.app_state.pos.params.signed_blocks_window = '10')), []);
});

test('max_memo_characters or tx_sig_limit of 0 (x/auth/types/genesis.go:37-42)', () => {
  assertRefused(problemsOf((g) => (g.app_state.auth.params.max_memo_characters = '0')), '$.app_state.auth.params.max_memo_characters', /must not be 0/);
  assertRefused(problemsOf((g) => (g.app_state.auth.params.tx_sig_limit = '0')), '$.app_state.auth.params.tx_sig_limit', /must not be 0/);
});

test('a fresh-genesis account without a public key (x/auth/types/genesis.go:32-36: GetPubKey().PubKey() on nil)', () => {
  assertRefused(problemsOf((g) => (g.app_state.auth.accounts[0].value.public_key = null)), '$.app_state.auth.accounts[0].value.public_key', /public key/);
});

/** The localnet genesis imported and exported at height 0 by this ledger: an exported state. */
function exportedLocalnet(): string {
  const parsed = parseGenesis(localnetText);
  if (!parsed.ok) throw new Error('localnet does not parse');
  return JSON.stringify(exportState(importGenesis(parsed.value)));
}

const CLAIM = {
  header: { app_public_key: 'ab6405b3e224920d69245964c94339b95c31fb06aa169fdc809adc9d4aea46df', chain: '0001', session_height: '1' },
  merkle_root: { merkleHash: Buffer.alloc(32, 7).toString('base64'), range: { lower: '0', upper: '100' } },
  total_proofs: '10',
  from_address: 'c7b6a62385f8999c0cb63ad9cb464ee730c597b0',
  evidence_type: '1',
  expiration_height: '121',
};

test('an exported claim MsgClaim.ValidateBasic refuses (x/pocketcore/types/genesis.go:17-21, msgs.go:30-69)', () => {
  const exported = exportedLocalnet();
  const withClaim = (change: (claim: any) => void) =>
    problemsOf((g) => {
      const claim = structuredClone(CLAIM);
      change(claim);
      g.app_state.pocketcore.claims = [claim];
    }, exported);
  assert.equal(withClaim(() => undefined), [], 'the unbroken claim is accepted');
  assertRefused(withClaim((c) => (c.total_proofs = '4')), '$.app_state.pocketcore.claims[0].total_proofs', /at least 5/);
  assertRefused(withClaim((c) => (c.merkle_root.range.lower = '1')), '$.app_state.pocketcore.claims[0].merkle_root.range', /lower/);
  assertRefused(withClaim((c) => (c.merkle_root.range.upper = '0')), '$.app_state.pocketcore.claims[0].merkle_root.range', /upper/);
  assertRefused(withClaim((c) => (c.header.session_height = '0')), '$.app_state.pocketcore.claims[0].header.session_height', /at least 1/);
  assertRefused(withClaim((c) => (c.header.chain = '')), '$.app_state.pocketcore.claims[0].header.chain', /chain/);
});

test('an exported state with a parameter pocket-core halts on at the next BeginBlock (governance refuses it: ledger:15) is refused', () => {
  // Such a state can only come from a halted chain: RoundInt64(MinSignedPerWindow × SignedBlocksWindow)
  // outside int64 panics at every BeginBlock (x/nodes/keeper/params.go:70-78), above the window it jails
  // every validator at once (an empty Tendermint set, types/validator_set.go:629-632 at 59310158d3e9); a slash fraction whose
  // product with the largest stake leaves the 315-bit Dec panics at the slash (slash.go:117-118).
  // (The ledger's block threw DecOverflowError at such a slash.)
  const exported = exportedLocalnet();
  const withPos = (values: Record<string, string>) => problemsOf((g) => Object.assign(g.app_state.pos.params, values), exported);
  assertRefused(withPos({ signed_blocks_window: '100', min_signed_per_window: '1000000000000000000' }), '$.app_state.pos.params.min_signed_per_window', /64-bit/);
  assertRefused(withPos({ slash_fraction_downtime: `1${'0'.repeat(52)}` }), '$.app_state.pos.params.slash_fraction_downtime', /overflows/);
  assertRefused(withPos({ slash_fraction_double_sign: `1${'0'.repeat(52)}` }), '$.app_state.pos.params.slash_fraction_double_sign', /overflows/);
  // Above the window: RoundInt64(1.006 × 100) = 101 signed blocks of 100 — every validator jailed at once (slash.go:273-275).
  assertRefused(withPos({ signed_blocks_window: '100', min_signed_per_window: '1.006' }), '$.app_state.pos.params.min_signed_per_window', /jailed/);
  assert.equal(withPos({ signed_blocks_window: '100', min_signed_per_window: '1.005', slash_fraction_downtime: `1${'0'.repeat(51)}` }), [], 'their boundaries pass');
});

test('an exported state is not held to the fresh-genesis rules (validate-genesis.ts: pocket-core would refuse its own export)', () => {
  const exported = exportedLocalnet();
  const problems = problemsOf((g) => {
    // a validator slashed below the minimum stays staked on pocket-core's chain
    g.app_state.pos.validators[0].tokens = '999999';
    const pool = g.app_state.auth.accounts.find((a: any) => a.value.name === 'staked_tokens_pool');
    const before = BigInt(pool.value.BaseAccount.coins[0].amount);
    pool.value.BaseAccount.coins = [{ denom: 'upokt', amount: '999999' }];
    g.app_state.auth.supply = [{ denom: 'upokt', amount: String(BigInt(g.app_state.auth.supply[0].amount) - before + 999999n) }];
    g.app_state.pos.params.signed_blocks_window = '5'; // governance changes params unchecked
    for (const a of g.app_state.auth.accounts) a.value.public_key = null; // accounts that never signed
    g.app_state.application.applications[0].jailed = true; // fresh-genesis app rules do not apply either
  }, exported);
  assert.equal(problems, []);
});

test.run();
