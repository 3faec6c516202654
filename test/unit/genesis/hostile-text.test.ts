/**
 * Goal: a hostile genesis gets problems a person can read: a value or key of megabytes is quoted
 * by its start and its length, never echoed whole (it was, twice: 20 MB of error for a 10 MB
 * address); a byte-order mark and a hostile nesting are named as such (not an invisible
 * character, not V8's "Maximum call stack size exceeded").
 * Method: the e2e localnet fixture with one member replaced (parseGenesis directly).
 */
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseGenesis } from '../../../src/genesis/parse.js';
import type { GenesisProblem } from '../../../src/genesis/types.js';
import { fixturePath } from '../../helpers/paths.js';

/** Room for a clipped quote (300 characters), its length and the words around it. */
const LONGEST = 400;

const localnet = (): Record<string, any> => JSON.parse(readFileSync(fixturePath('e2e-single-node-genesis.json'), 'utf8'));

function problemsOf(text: string): GenesisProblem[] {
  const result = parseGenesis(text);
  assert.is(result.ok, false);
  return result.ok ? [] : result.error;
}

const hostile = suite('genesis: hostile text in problems');

hostile('a 10 MB address, public key, denomination, time and parameter name are quoted by their start and length', () => {
  const huge = 'a'.repeat(10_000_000);
  const edits: Array<[string, (genesis: Record<string, any>) => void]> = [
    ['address', (g) => (g.app_state.auth.accounts[0].value.address = huge)],
    ['public key', (g) => (g.app_state.auth.accounts[0].value.public_key.value = huge)],
    ['denomination', (g) => (g.app_state.auth.accounts[0].value.coins[0].denom = huge)],
    ['genesis time', (g) => (g.genesis_time = huge)],
    ['parameter name (in the path)', (g) => (g.app_state.auth.params[huge] = '1')],
    ['amount as a huge number', (g) => (g.app_state.auth.accounts[0].value.coins[0].amount = '-' + '9'.repeat(10_000_000))],
  ];
  for (const [what, edit] of edits) {
    const genesis = localnet();
    edit(genesis);
    const problems = problemsOf(JSON.stringify(genesis));
    assert.ok(problems.length > 0, what);
    for (const problem of problems) {
      assert.ok(problem.message.length <= LONGEST, `${what}: message of ${problem.message.length} characters`);
      assert.ok(problem.path.length <= LONGEST, `${what}: path of ${problem.path.length} characters`);
    }
    assert.ok(problems.some((p) => /… \(\d+ characters\)$/.test(p.message) || /… \(\d+ characters\)$/.test(p.path)), `${what}: says it was cut: ${JSON.stringify(problems)}`);
  }
});

hostile('short values are quoted whole', () => {
  const genesis = localnet();
  genesis.app_state.auth.accounts[0].value.address = 'not-hex';
  const problems = problemsOf(JSON.stringify(genesis));
  assert.ok(problems.some((p) => p.message === 'not a 20-byte hex address: "not-hex"'), JSON.stringify(problems));
});

hostile('a UTF-8 byte-order mark is named, with what to do', () => {
  const text = readFileSync(fixturePath('e2e-single-node-genesis.json'), 'utf8');
  const [problem] = problemsOf('\uFEFF' + text);
  assert.equal(problem, { path: '$', message: 'invalid JSON: the file starts with a UTF-8 byte-order mark (BOM); save it as UTF-8 without a BOM' });
  assert.is(parseGenesis(text.replace(/\n/g, '\r\n')).ok, true, 'CRLF line ends are plain JSON whitespace');
});

hostile('values nested 200,000 deep are "nested too deeply", not a stack overflow message', () => {
  const text = readFileSync(fixturePath('e2e-single-node-genesis.json'), 'utf8').trimEnd();
  const [problem] = problemsOf(`${text.slice(0, -1)}, "x": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`);
  assert.equal(problem, { path: '$', message: 'invalid JSON: values nested too deeply' });
});

hostile.run();
