/**
 * Goal: an exported state's `prevState_validator_powers` — written by pocket-core in address
 * order (x/nodes/keeper/valPrevState.go:37-50: the store key is prefix ‖ address,
 * x/nodes/types/keys.go:69-71) — imports as the ledger's validator set, in the set's own order
 * (power descending, then address: nodes/validator-set.ts), and a list pocket-core's chain could
 * not start from is refused with its JSON path.
 * Method: the bundled mainnet genesis with its lowest-power set member (by address the last)
 * raised to the highest power, imported, exported at height 0 by this ledger and read back.
 */
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { bytesToHex } from '../../../src/core/hex.js';
import { bundledMainnetGenesisPath } from '../../../src/core/paths.js';
import { exportState } from '../../../src/genesis/export.js';
import { importGenesis } from '../../../src/genesis/import.js';
import { parseGenesis } from '../../../src/genesis/parse.js';
import { VALIDATOR_SET_KEY } from '../../../src/modules/nodes/index.js';

const test = suite('import: the prevState validator powers of an exported state');
const LAST_BY_ADDRESS = 'e74727d0ba34d9f7f6f583cb4a87dbe91d692c5f';

function source() {
  const json = JSON.parse(readFileSync(bundledMainnetGenesisPath(), 'utf8'));
  const validator = json.app_state.pos.validators.find((v: any) => v.address === LAST_BY_ADDRESS);
  validator.tokens = String(BigInt(validator.tokens) * 2n);
  const parsed = parseGenesis(JSON.stringify(json));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error.slice(0, 3)));
  const state = importGenesis(parsed.value);
  return { state, exported: exportState(state) as any };
}

function problemsOf(exported: any, change: (file: any) => void): Array<{ path: string; message: string }> {
  const file = structuredClone(exported);
  change(file);
  const parsed = parseGenesis(JSON.stringify(file));
  return parsed.ok ? [] : parsed.error;
}

test('powers written in address order import as the set in power order, to the exporting state root', () => {
  const { state, exported } = source();
  const before = state.nodes.validatorSet.get(VALIDATOR_SET_KEY)!;
  assert.is(before[0]!.address, LAST_BY_ADDRESS, 'the raised validator leads the set');
  const parsed = parseGenesis(JSON.stringify(exported));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error.slice(0, 3)));
  const imported = importGenesis(parsed.value);
  assert.equal(imported.nodes.validatorSet.get(VALIDATOR_SET_KEY), before);
  assert.is(bytesToHex(imported.store.root), bytesToHex(state.store.root));
});

test('an address listed twice is refused: Tendermint cannot build the first set from a duplicate update (fork 59310158d3e9 types/validator_set.go:62-67,407-409; consensus/replay.go:323-328)', () => {
  const { exported } = source();
  const problems = problemsOf(exported, (f) => {
    const powers = f.app_state.pos.prevState_validator_powers;
    powers[1].Address = powers[0].Address;
  });
  assert.ok(
    problems.some((p) => p.path === '$.app_state.pos.prevState_validator_powers[1].Address' && /twice/.test(p.message)),
    JSON.stringify(problems),
  );
});

test('a power of 0 is refused: NewValidatorSet takes a zero-power genesis update for a removal and refuses it (fork 59310158d3e9 types/validator_set.go:62-67,420-421,625-627)', () => {
  const { exported } = source();
  const problems = problemsOf(exported, (f) => (f.app_state.pos.prevState_validator_powers[0].Power = '0'));
  assert.ok(
    problems.some((p) => p.path === '$.app_state.pos.prevState_validator_powers[0].Power' && /positive/.test(p.message)),
    JSON.stringify(problems),
  );
});

test('an address that is no validator is refused (x/nodes/genesis.go:80-85 skips it for Tendermint but keeps its power; the ledger would seat it)', () => {
  const { exported } = source();
  const problems = problemsOf(exported, (f) => (f.app_state.pos.prevState_validator_powers[0].Address = '00000000000000000000000000000000000000aa'));
  assert.ok(
    problems.some((p) => p.path === '$.app_state.pos.prevState_validator_powers[0].Address' && /no validator/.test(p.message)),
    JSON.stringify(problems),
  );
});

test.run();
