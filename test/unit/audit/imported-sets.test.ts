/**
 * Goal: the audit's reading of an exported state's validator-set history
 * (src/audit/independent/imported-sets.ts) answers "who signed block e" by the rule of
 * Tendermint (the fork at 59310158d3e9): the set after EndBlock e − 2 (state/execution.go:425-438,
 * 469-471); the
 * history's first set signs the two blocks after it (InitChain: state/state.go:232-247,
 * consensus/replay.go:320-328); nothing before. A corrupt version is refused, not read as empty.
 * Method: version lists written by hand in the section's format (genesis/export.ts
 * exportExtension: [height, canonical JSON [[address, "power"], …] | null]).
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ImportedSets } from '../../../src/audit/independent/imported-sets.js';
import { AuditInputError } from '../../../src/audit/independent/inputs.js';

const test = suite('audit: an imported state\'s validator-set history');

const A = 'aa'.repeat(20);
const B = 'bb'.repeat(20);
const set = (...members: Array<[string, bigint]>): string => JSON.stringify(members.map(([address, power]) => [address, power.toString()]));
const powers = (map: ReadonlyMap<string, bigint> | undefined): Array<[string, bigint]> | undefined => (map === undefined ? undefined : [...map].sort((x, y) => (x[0] < y[0] ? -1 : 1)));

test('a chain from genesis at 0 (S0), the set changed after blocks 3 (S3) and 7 (S7): block e is signed by the set after e − 2, blocks 1 and 2 by S0', () => {
  const sets = new ImportedSets([
    [0, set([A, 10n])],
    [3, set([A, 10n], [B, 5n])],
    [7, set([B, 6n])],
  ]);
  const S0 = [[A, 10n]];
  const S3 = [[A, 10n], [B, 5n]];
  const S7 = [[B, 6n]];
  assert.equal(powers(sets.signersOf(1)), S0, 'block 1: no set after −1; the first set (at 0) is InitChain\'s Validators');
  assert.equal(powers(sets.signersOf(2)), S0, 'block 2: the set after 0');
  assert.equal(powers(sets.signersOf(4)), S0, 'block 4: the set after 2 — still S0');
  assert.equal(powers(sets.signersOf(5)), S3, 'block 5: the set after 3');
  assert.equal(powers(sets.signersOf(8)), S3, 'block 8: the set after 6 — S3');
  assert.equal(powers(sets.signersOf(9)), S7, 'block 9: the set after 7');
  assert.equal(powers(sets.signersOf(100)), S7);
  assert.is(sets.signersOf(0), undefined, 'block 0: before the history');
});

test('a history that starts at an import of pocket-core\'s shape at 40 (its set signs 41 and 42): nothing known for 40 and before', () => {
  const sets = new ImportedSets([[40, set([A, 7n])], [41, set([B, 8n])]]);
  assert.equal(powers(sets.signersOf(41)), [[A, 7n]]);
  assert.equal(powers(sets.signersOf(42)), [[A, 7n]]);
  assert.equal(powers(sets.signersOf(43)), [[B, 8n]]);
  assert.is(sets.signersOf(40), undefined);
  assert.is(sets.signersOf(39), undefined);
});

test('no history (an empty list): nothing known; a null version (a deleted set) is a set with no member', () => {
  assert.is(new ImportedSets([]).signersOf(5), undefined);
  const sets = new ImportedSets([[0, set([A, 1n])], [2, null]]);
  assert.equal(powers(sets.signersOf(4)), []);
  assert.equal(powers(sets.signersOf(3)), [[A, 1n]]);
});

test('a corrupt version is refused (the file is damaged), not read as an empty set', () => {
  assert.throws(() => new ImportedSets([[0, '{"a":1}']]), /is not a list/);
  assert.throws(() => new ImportedSets([[0, JSON.stringify([[A, 5]])]]), /not \[address, power\]/);
  assert.throws(() => new ImportedSets([[0, JSON.stringify([[A, '-5']])]]), /not \[address, power\]/);
});

test('a corrupt version is an input error of the data directory\'s genesis (genesis_invalid, the audit CLI\'s exit 1 with its message), not an internal error: not JSON, not a list, a bad member', () => {
  for (const encoded of ['not json', '{"a":1}', JSON.stringify([[A, 5]]), JSON.stringify([[A, '-5']]), JSON.stringify([[A, '1'], 7])]) {
    let caught: unknown;
    try {
      new ImportedSets([[0, set([A, 1n])], [3, encoded]]);
    } catch (error) {
      caught = error;
    }
    assert.instance(caught, AuditInputError, encoded);
    assert.is((caught as AuditInputError).code, 'genesis_invalid', encoded);
    assert.match((caught as AuditInputError).message, /^\$\.pokt_ledger\.versions\.pos\/validator_set: the version at height 3 /, encoded);
  }
});

test.run();
