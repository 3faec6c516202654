/**
 * Goal: `export` writes what pocket-core's ExportState writes where the ledger does not
 * deliberately differ (genesis/export.ts header). Method: the e2e localnet genesis imported,
 * then exported at height 0; each value is compared with the pocket-core line that writes it.
 */
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { bundledMainnetGenesisPath } from '../../../src/core/paths.js';
import { exportedStateText, exportState } from '../../../src/genesis/export.js';
import { importGenesis } from '../../../src/genesis/import.js';
import { parseGenesis } from '../../../src/genesis/parse.js';
import { fixturePath } from '../../helpers/paths.js';

const localnetText = readFileSync(fixturePath('e2e-single-node-genesis.json'), 'utf8');

function exported(mutate: (json: any) => void = () => undefined): any {
  const json = JSON.parse(localnetText);
  mutate(json);
  const parsed = parseGenesis(JSON.stringify(json));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return exportState(importGenesis(parsed.value));
}

const test = suite('export: the consensus params pocket-core writes');

test('block.max_bytes is the BlockByteSize parameter at H (app/pocket.go:166-168), not the first genesis value', () => {
  const file = exported((g) => (g.app_state.pocketcore.params.block_byte_size = '2000000'));
  assert.is(file.consensus_params.block.max_bytes, '2000000');
  assert.is(file.consensus_params.block.max_gas, '-1');
  assert.is(file.consensus_params.block.time_iota_ms, '1');
});

test('evidence.max_age is the 1000000 pocket-core writes (app/pocket.go:170-172), whatever the first genesis said', () => {
  assert.is(exported().consensus_params.evidence.max_age, '1000000');
  assert.equal(exported().consensus_params.validator.pub_key_types, ['ed25519']);
});

test.run();

const amino = suite("export: the JSON pocket-core's amino codec and SortJSON write");

/** The bundled mainnet genesis, its last set member (e74727…, the lowest power) raised to the highest power. */
function exportedMainnetWithLastValidatorHighest(): any {
  const json = JSON.parse(readFileSync(bundledMainnetGenesisPath(), 'utf8'));
  const validator = json.app_state.pos.validators.find((v: any) => v.address === LAST_BY_ADDRESS);
  validator.tokens = String(BigInt(validator.tokens) * 2n);
  const parsed = parseGenesis(JSON.stringify(json));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error.slice(0, 3)));
  return exportState(importGenesis(parsed.value));
}
const LAST_BY_ADDRESS = 'e74727d0ba34d9f7f6f583cb4a87dbe91d692c5f';

amino('a module account nests its embedded BaseAccount under "BaseAccount" (x/auth/types/account.go:313-317; go-amino v0.15.1 codec.go:505-511 names an untagged field by its Go name, json-encode.go:291-333 writes it as a field)', () => {
  const modules = exported().app_state.auth.accounts.filter((a: any) => a.type === 'posmint/ModuleAccount');
  assert.is(modules.length, 6, 'the six module accounts (app/pocket.go:190-199)');
  for (const account of modules) {
    assert.equal(Object.keys(account.value).sort(), ['BaseAccount', 'name', 'permissions']);
    // BaseAccount's fields (account.go:23-27): a module account has no public key: amino writes a nil interface as null.
    assert.equal(Object.keys(account.value.BaseAccount).sort(), ['address', 'coins', 'public_key']);
    assert.is(account.value.BaseAccount.public_key, null);
  }
  const application = modules.find((a: any) => a.value.name === 'application');
  // appsTypes.ModuleName: nil permissions (app/pocket.go:198), a nil slice amino writes as null (json-encode.go:198-203).
  assert.is(application.value.permissions, null);
  assert.equal(modules.find((a: any) => a.value.name === 'dao').value.permissions, ['burner', 'minter', 'staking']);
});

amino('prevState_validator_powers is in address order: the store key is prefix ‖ address (x/nodes/types/keys.go:69-71), iterated in key order (x/nodes/keeper/valPrevState.go:37-50)', () => {
  const powers = exportedMainnetWithLastValidatorHighest().app_state.pos.prevState_validator_powers;
  const addresses = powers.map((p: any) => p.Address);
  assert.equal(addresses, [...addresses].sort());
  assert.is(addresses[addresses.length - 1], LAST_BY_ADDRESS);
  const highest = powers.reduce((max: bigint, p: any) => (BigInt(p.Power) > max ? BigInt(p.Power) : max), 0n);
  assert.is(powers[powers.length - 1].Power, String(highest), 'its power doubled: the highest, still written last');
});

/**
 * Each object's keys in the order the text lists them (JSON.parse would reorder integer-like
 * keys): a string followed by `:` is a key of the innermost open object.
 */
function keyOrdersOfText(text: string): string[][] {
  const done: string[][] = [];
  const open: Array<string[] | null> = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') open.push([]);
    else if (c === '[') open.push(null);
    else if (c === '}' || c === ']') {
      const closed = open.pop();
      if (closed) done.push(closed);
    } else if (c === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      let next = end + 1;
      while (/\s/.test(text[next] ?? '')) next++;
      if (text[next] === ':') open[open.length - 1]!.push(JSON.parse(text.slice(i, end + 1)) as string);
      i = end;
    }
  }
  return done;
}

/** Go's order: by the keys' UTF-8 bytes (encoding/json sorts map keys with Go's bytewise string <). */
const goSorted = (keys: readonly string[]): string[] => [...keys].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));

amino('every object has its keys sorted in the text: ExportState passes the whole document through SortJSON (app/pocket.go:185; app/util.go:98-109, encoding/json of a map[string]interface{})', () => {
  const orders = keyOrdersOfText(exportedStateText(exported()));
  assert.ok(orders.length > 100, 'objects found');
  assert.equal(orders.filter((keys) => keys.join('\u0000') !== goSorted(keys).join('\u0000')), []);
});

amino("the text is laid out as SortJSON's json.MarshalIndent(c, \"\", \"    \") writes it (app/util.go:104): four spaces a level, \": \" after a key, an empty object or array as {} or [], one newline after it (fmt.Println, app/cmd/cli/util.go:138)", () => {
  // Go's encoding/json Indent, written out by hand for this document (keys already in Go's order).
  const goText = ['{', '    "a": {},', '    "b": [', '        {', '            "x": null', '        }', '    ],', '    "c": []', '}', ''].join('\n');
  assert.is(exportedStateText({ b: [{ x: null }], a: {}, c: [] }), goText);
  // The whole export: every line indented by a multiple of four spaces, the top level's members by exactly four.
  const lines = exportedStateText(exported()).split('\n');
  assert.ok(lines[1]!.startsWith('    "app_hash"'), lines[1]);
  assert.equal(lines.filter((line) => /^ */.exec(line)![0].length % 4 !== 0), []);
});

amino.run();

const reads = suite("import: what pocket-core's exporter writes is read");

reads('a validator or application with no chains, written `"chains": null`, imports with none (Go decodes null into a nil slice)', () => {
  // A genesis validator may list no chains (x/nodes/genesis.go:198-222 checks only those listed).
  // Stored as protobuf, an empty list comes back nil (x/nodes/types/nodes.pb.go:34-44); the
  // exporter writes nil as null: encoding/json for JSONValidator (x/nodes/types/validator.go:224-237,
  // 300-311), amino for JSONApplication (x/apps/types/application.go:186-195,203-214; go-amino
  // json-encode.go:198-203).
  const file = exported();
  file.app_state.pos.validators[0].chains = null;
  file.app_state.application.applications[0].chains = null;
  const parsed = parseGenesis(JSON.stringify(file));
  if (!parsed.ok) assert.unreachable(JSON.stringify(parsed.error));
  else {
    assert.equal(parsed.value.validators[0]!.chains, []);
    assert.equal(parsed.value.applications[0]!.chains, []);
  }
});

reads.run();

const none = suite('import: an empty reward_delegators map is no delegators');

none('`"reward_delegators": {}` reads as null, as the state pocket-core keeps and exports it', () => {
  // UnmarshalJSON keeps the empty map (x/nodes/types/validator.go:240-262), but the validator is
  // stored as protobuf (nodes.pb.go:43: an empty map writes no entry) and read back nil, which
  // ExportGenesis writes as null (JSONValidator, validator.go:300-311, no omitempty). The ledger's
  // stake handler keeps "none" as null too (nodes/staking.ts delegatorsRecord).
  const file = exported();
  file.app_state.pos.validators[0].reward_delegators = {};
  const parsed = parseGenesis(JSON.stringify(file));
  if (!parsed.ok) assert.unreachable(JSON.stringify(parsed.error));
  else assert.is(parsed.value.validators[0]!.rewardDelegators, null);
  const fresh = JSON.parse(localnetText);
  fresh.app_state.pos.validators[0].reward_delegators = {};
  const freshParsed = parseGenesis(JSON.stringify(fresh));
  if (!freshParsed.ok) assert.unreachable(JSON.stringify(freshParsed.error));
  else assert.is((exportState(importGenesis(freshParsed.value)) as any).app_state.pos.validators[0].reward_delegators, null);
});

none.run();
