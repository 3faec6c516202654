/**
 * Goal: real pocket-core genesis files import unchanged into exactly the state pocket-core
 * builds, and invalid ones are rejected with every problem and its JSON path.
 * Method: the bundled mainnet genesis and the e2e localnet fixture, checked against facts stated
 * in ../shared/data/README.md (copied in test/fixtures/SOURCES.md); hand-made broken variants;
 * and a fast-check property over randomly broken copies of the localnet file (any member replaced
 * by any JSON value or removed): parsing never throws, every problem names its JSON path, and a
 * file that parses imports.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mustHexToBytes, bytesToHex } from '../../../src/core/hex.js';
import { bundledMainnetGenesisPath } from '../../../src/core/paths.js';
import { addressFromPublicKey } from '../../../src/crypto/address.js';
import { importGenesis } from '../../../src/genesis/import.js';
import { parseGenesis } from '../../../src/genesis/parse.js';
import { summarizeGenesis } from '../../../src/genesis/summary.js';
import type { GenesisDoc } from '../../../src/genesis/types.js';
import { fixturePath } from '../../helpers/paths.js';
import { assertErr } from '../../helpers/assert.js';
import { fastCheckSeed } from '../crypto/fc-seed.js';

const mainnetText = readFileSync(bundledMainnetGenesisPath(), 'utf8');
const localnetText = readFileSync(fixturePath('e2e-single-node-genesis.json'), 'utf8');

function parsed(text: string): GenesisDoc {
  const result = parseGenesis(text);
  if (!result.ok) throw new Error(JSON.stringify(result.error.slice(0, 5)));
  return result.value;
}

const mainnet = suite('genesis: Pocket mainnet');

mainnet('imports with the supply, accounts and validators stated for the real file', () => {
  const doc = parsed(mainnetText);
  const summary = summarizeGenesis(importGenesis(doc), doc);
  // Facts from ../shared/data/README.md ("Facts checked on these files").
  assert.is(summary.chain_id, 'mainnet');
  assert.is(summary.accounts, 504);
  assert.is(summary.validators, 502);
  assert.is(summary.jailed_validators, 492);
  assert.is(summary.applications, 0);
  assert.is(summary.liquid_upokt, '258435535000000');
  assert.is(summary.node_staked_upokt, '341564465150000');
  assert.is(summary.dao_upokt, '50000000000000');
  assert.is(summary.total_supply_upokt, '650000000150000');
  assert.ok(summary.supply_balanced);
});

mainnet('every account and validator address is the first 20 bytes of sha256(public key)', () => {
  const doc = parsed(mainnetText);
  let checked = 0;
  for (const account of doc.accounts) {
    if (account.publicKey === null) continue;
    assert.is(addressFromPublicKey(mustHexToBytes(account.publicKey)), account.address);
    checked++;
  }
  for (const validator of doc.validators) {
    assert.is(addressFromPublicKey(mustHexToBytes(validator.publicKey)), validator.address);
    checked++;
  }
  assert.is(checked, 504 + 502);
});

mainnet('parameters are read as stated (PROTOCOL §2, mainnet genesis column)', () => {
  const state = importGenesis(parsed(mainnetText));
  const p = state.params();
  assert.is(p.pos.relaysToTokensMultiplier, 10000n);
  assert.is(p.pos.stakeMinimumUpokt, 15_000_000_000n);
  assert.is(p.pos.blocksPerSession, 4n);
  assert.is(p.pos.daoAllocation, 10n);
  assert.is(p.pos.proposerAllocation, 1n);
  assert.is(p.pos.maxValidators, 5000n);
  assert.is(p.pos.minSignedPerWindow.toString(), '0.600000000000000000');
  assert.is(p.pocketcore.sessionNodeCount, 5n);
  assert.is(p.pocketcore.claimExpiration, 120n);
  assert.is(p.pocketcore.minimumNumberOfProofs, 10n);
  assert.is(p.pocketcore.claimSubmissionWindow, 3n);
  assert.is(p.pocketcore.replayAttackBurnMultiplier, 3n);
  assert.equal(p.pocketcore.supportedBlockchains, ['0001', '0021']);
  assert.is(p.application.baseRelaysPerPokt, 167n);
  assert.is(p.application.stakeMinimumUpokt, 1_000_000n);
  assert.is(p.gov.daoOwner, 'a83172b67b5ffbfcb8acb95acc0fd0466a9d4bc4');
  assert.is(p.auth.feeMultipliers.default, 1n);
  // 35 ACL entries in the file, all owned by the DAO owner; feature-gated keys are added.
  const fromFile = p.gov.acl.filter((entry) => !parsed(mainnetText).addedAclKeys.includes(entry.key));
  assert.is(fromFile.length, 35);
  assert.ok(p.gov.acl.every((entry) => entry.address === 'a83172b67b5ffbfcb8acb95acc0fd0466a9d4bc4'));
});

mainnet('importing twice, or with accounts and validators in another order, gives the same state root', () => {
  const first = bytesToHex(importGenesis(parsed(mainnetText)).store.root);
  const again = bytesToHex(importGenesis(parsed(mainnetText)).store.root);
  const json = JSON.parse(mainnetText);
  json.app_state.auth.accounts.reverse();
  json.app_state.pos.validators.reverse();
  const shuffled = bytesToHex(importGenesis(parsed(JSON.stringify(json))).store.root);
  assert.is(again, first);
  assert.is(shuffled, first);
  assert.is.not(first, '0'.repeat(64));
});

mainnet.run();

const localnet = suite('genesis: pocket-core e2e localnet');

localnet('imports unchanged: one account, one validator, one app with MaxRelays recomputed', () => {
  const doc = parsed(localnetText);
  const state = importGenesis(doc);
  const summary = summarizeGenesis(state, doc);
  assert.is(summary.chain_id, 'single-node-network');
  assert.is(summary.accounts, 1);
  assert.is(summary.validators, 1);
  assert.is(summary.applications, 1);
  assert.is(summary.node_staked_upokt, '1000000000');
  assert.is(summary.app_staked_upokt, '5000000');
  assert.is(summary.liquid_upokt, '1000000000');
  assert.is(summary.total_supply_upokt, '2005000000');
  assert.ok(summary.supply_balanced);
  // The file omits auth.fee_multipliers: Go's zero value (default 0) is what pocket-core reads.
  assert.ok(summary.params_defaulted.includes('auth/FeeMultipliers'));
  assert.is(state.params().auth.feeMultipliers.default, 0n);
  // base_relays_per_pokt 100, 5 POKT staked, PR off, SA 0 → (100/100) × 5 = 5 relays
  // (x/apps/keeper/application.go:145-166); the file's own max_relays (100000) is ignored.
  const app = state.apps.applications.get('be3dd77abcdad4eedaaffc179c688fb103208a51');
  assert.is(app?.maxRelays, 5n);
});

localnet.run();

const invalid = suite('genesis: invalid files are rejected with every problem and where');

function problemsOf(mutate: (json: any) => void, base = localnetText): Array<{ path: string; message: string }> {
  const json = JSON.parse(base);
  mutate(json);
  const result = parseGenesis(JSON.stringify(json));
  assert.not.ok(result.ok, 'expected the genesis to be rejected');
  return result.ok ? [] : result.error;
}

const hasProblem = (problems: Array<{ path: string; message: string }>, path: string, pattern: RegExp): boolean =>
  problems.some((p) => p.path === path && pattern.test(p.message));

invalid('bad address, negative and non-numeric amounts, unknown status — all reported at once', () => {
  const problems = problemsOf((g) => {
    g.app_state.auth.accounts[0].value.address = 'zz';
    g.app_state.auth.accounts[0].value.coins[0].amount = '-5';
    g.app_state.pos.validators[0].tokens = '12abc';
    g.app_state.pos.validators[0].status = 7;
  });
  assert.ok(hasProblem(problems, '$.app_state.auth.accounts[0].value.address', /20-byte hex address/), JSON.stringify(problems));
  assert.ok(hasProblem(problems, '$.app_state.auth.accounts[0].value.coins[0].amount', /negative/));
  assert.ok(hasProblem(problems, '$.app_state.pos.validators[0].tokens', /canonical/));
  assert.ok(hasProblem(problems, '$.app_state.pos.validators[0].status', /unknown status 7/));
});

invalid('an address that is not derived from its public key', () => {
  const problems = problemsOf((g) => {
    g.app_state.pos.validators[0].address = 'b50a6e20d3733fb89631ae32385b3c85c533c560';
  });
  assert.ok(hasProblem(problems, '$.app_state.pos.validators[0].address', /not derived from public key/));
});

invalid('duplicate JSON keys (hostile JSON) are refused, not silently resolved', () => {
  const text = localnetText.replace('"chain_id": "single-node-network"', '"chain_id": "single-node-network", "chain_id": "mainnet"');
  const result = parseGenesis(text);
  assert.match(assertErr(result)[0]!.message, /Duplicate key 'chain_id'/);
});

invalid('duplicate accounts and validators', () => {
  const problems = problemsOf((g) => {
    g.app_state.auth.accounts.push(g.app_state.auth.accounts[0]);
    g.app_state.pos.validators.push(g.app_state.pos.validators[0]);
  });
  assert.ok(hasProblem(problems, '$.app_state.auth.accounts[1].value.address', /duplicate account/));
  assert.ok(hasProblem(problems, '$.app_state.pos.validators[1].address', /duplicate validator/));
});

invalid('missing and mistyped parameters', () => {
  const problems = problemsOf((g) => {
    delete g.app_state.pos.params.stake_minimum;
    g.app_state.pocketcore.params.session_node_count = 5; // a number, not amino's string
    g.app_state.pos.params.min_signed_per_window = 'half';
  });
  assert.ok(hasProblem(problems, '$.app_state.pos.params.stake_minimum', /missing required parameter pos\/StakeMinimum/));
  assert.ok(hasProblem(problems, '$.app_state.pocketcore.params.session_node_count', /JSON string/));
  assert.ok(hasProblem(problems, '$.app_state.pos.params.min_signed_per_window', /decimal/));
});

invalid('unstaked validators, ACL keys that are not parameters, unknown sections', () => {
  const problems = problemsOf((g) => {
    g.app_state.pos.validators[0].status = 0;
    g.app_state.gov.params.acl[0].acl_key = 'pos/NoSuchParam';
    g.app_state.pos.params.surprise = '1';
  });
  assert.ok(hasProblem(problems, '$.app_state.pos.validators[0].status', /staked or unstaking/));
  assert.ok(hasProblem(problems, '$.app_state.gov.params.acl[0].acl_key', /not a recognized parameter/));
  assert.ok(hasProblem(problems, '$.app_state.pos.params.surprise', /unknown parameter/));
});

invalid('not JSON, not an object, oversized amounts', () => {
  assert.not.ok(parseGenesis('{').ok);
  assert.not.ok(parseGenesis('[]').ok);
  const problems = problemsOf((g) => {
    g.app_state.auth.accounts[0].value.coins[0].amount = '9'.repeat(100);
  });
  assert.ok(hasProblem(problems, '$.app_state.auth.accounts[0].value.coins[0].amount', /255 bits/));
});

invalid('consensus_params outside what Tendermint\'s ConsensusParams.Validate accepts are refused where they are (types/genesis.go:76-80, types/params.go:101-140 at 59310158d3e9)', () => {
  const at = (mutate: (consensus: any) => void): Array<{ path: string; message: string }> => problemsOf((g) => mutate(g.consensus_params));
  const block = '$.consensus_params.block';
  // MaxBytes <= 0 refused (params.go:102-105); above MaxBlockSizeBytes 104857600 refused (:13, :106-109).
  assert.ok(hasProblem(at((c) => (c.block.max_bytes = '0')), `${block}.max_bytes`, /at least 1/));
  assert.ok(hasProblem(at((c) => (c.block.max_bytes = '-5')), `${block}.max_bytes`, /at least 1/));
  assert.ok(hasProblem(at((c) => (c.block.max_bytes = '104857601')), `${block}.max_bytes`, /at most 104857600/));
  // MaxGas < -1 refused (:111-114); TimeIotaMs <= 0 refused (:116-119), and amino reads an absent one as 0.
  assert.ok(hasProblem(at((c) => (c.block.max_gas = '-2')), `${block}.max_gas`, /at least -1/));
  assert.ok(hasProblem(at((c) => (c.block.time_iota_ms = '0')), `${block}.time_iota_ms`, /at least 1/));
  assert.ok(hasProblem(at((c) => delete c.block.time_iota_ms), `${block}.time_iota_ms`, /at least 1/));
  // Evidence.MaxAge <= 0 refused (:121-124).
  assert.ok(hasProblem(at((c) => (c.evidence.max_age = '0')), '$.consensus_params.evidence.max_age', /at least 1/));
  for (const [max, gas] of [['104857600', '-1'], ['1', '0']]) {
    const json = JSON.parse(localnetText);
    Object.assign(json.consensus_params.block, { max_bytes: max, max_gas: gas });
    const result = parseGenesis(JSON.stringify(json));
    assert.ok(result.ok && result.value.consensus.blockMaxBytes === BigInt(max!), `max_bytes ${max}, max_gas ${gas} are valid (${JSON.stringify(result.ok || result.error)})`);
  }
});

invalid('a BlockByteSize above Tendermint\'s 104,857,600 is refused, as governance refuses it (types/params.go:13; app/pocket.go:163-176 would export it as max_bytes)', () => {
  const problems = problemsOf((g) => (g.app_state.pocketcore.params.block_byte_size = '104857601'));
  assert.ok(hasProblem(problems, '$.app_state.pocketcore.params.block_byte_size', /at most 104857600/), JSON.stringify(problems));
  const json = JSON.parse(localnetText);
  json.app_state.pocketcore.params.block_byte_size = '104857600';
  assert.ok(parseGenesis(JSON.stringify(json)).ok, '104,857,600 itself is accepted');
});

type JsonPath = Array<string | number>;

/** Every member's path in a parsed JSON value (the root excluded). */
function memberPaths(value: unknown, path: JsonPath = [], out: JsonPath[] = []): JsonPath[] {
  if (value === null || typeof value !== 'object') return out;
  for (const [key, item] of Object.entries(value)) {
    const at = [...path, Array.isArray(value) ? Number(key) : key];
    out.push(at);
    memberPaths(item, at, out);
  }
  return out;
}

/** `json` with the member at `path` set to `value`, or removed when `value` is undefined (a missing parent: unchanged). */
function withMember(json: unknown, path: JsonPath, value: unknown): void {
  let parent = json as Record<string | number, unknown> | undefined;
  for (const key of path.slice(0, -1)) parent = parent?.[key] as Record<string | number, unknown> | undefined;
  if (parent === null || typeof parent !== 'object') return;
  const last = path[path.length - 1]!;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
}

invalid('any member replaced by any JSON value or removed: never a throw, every problem at a path, and what parses imports', () => {
  const base = JSON.parse(localnetText) as unknown;
  const paths = memberPaths(base);
  const oddValue = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.constant(undefined),
    fc.constantFrom('', '-1', '1e3', '9'.repeat(90), 'ab', '0x10', null, [], {}, 0, -1, 1.5, 2 ** 64),
  );
  const breakage = fc.array(fc.tuple(fc.constantFrom(...paths), oddValue), { minLength: 1, maxLength: 3 });
  let parsedCount = 0;
  fc.assert(
    fc.property(breakage, (changes) => {
      const json = structuredClone(base);
      for (const [path, value] of changes) withMember(json, path, value);
      const result = parseGenesis(JSON.stringify(json));
      if (result.ok) {
        parsedCount++;
        importGenesis(result.value);
        return;
      }
      assert.ok(result.error.length > 0, 'a refusal lists its problems');
      for (const problem of result.error) {
        assert.match(problem.path, /^\$/, 'each problem has a JSON path');
        assert.ok(problem.message.length > 0, 'and says what is wrong');
      }
    }),
    { seed: fastCheckSeed('genesis/broken-copies'), numRuns: 3000 },
  );
  // Some changes are harmless (an unknown value where any is allowed): the import path is exercised too.
  assert.ok(parsedCount > 0, `some broken copies still parse (${parsedCount})`);
});

invalid.run();
