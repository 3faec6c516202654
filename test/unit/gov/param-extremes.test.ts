/**
 * Goal: no value a ParamChange accepts crashes block application. For every registered parameter,
 * extreme values of its kind (0, 1, −1, int64's bounds, uint64's top, Dec 10^-18 / 10^40 / 10^70,
 * empty and absurd lists and maps) are sent by the ACL owner through a real ParamChange; whether
 * it is accepted or refused (ledger:14 / ledger:15), the chain then runs the rules that read the
 * parameter — sessions and dispatch, claims and proofs (relay rewards, PIP-22), stakes, edits and
 * unstakes of nodes and apps, unjail, downtime (an offline validator) and double-sign evidence,
 * memos and fees, the block reward — and no block may throw.
 * Method: a small relay chain (test/helpers/relays.ts) whose ACL and DAO owner is a test key; the
 * change in block 1, a fixed script of txs and faults over the next blocks
 * (test/helpers/param-extremes.ts); every tx's code is free (the values change them), but an
 * exception fails the case — out of produce() or out of the script's own steps (building a tx,
 * computing the session), except the outcomes the script expects by their code (a session the
 * chain cannot compute, a proof seed not produced yet, a commit short of 2/3); the failure names
 * param, value, block and step. Invariants after the last block. Then 2–4 such changes together
 * (fast-check, fixed seed: pairs such as ClaimSubmissionWindow × BlocksPerSession overflow only
 * together), and each value written into a fresh genesis instead: refused by genesis
 * validation, or the same script runs. The audit of the same chains:
 * param-extremes-audit.test.ts. Runtime ~20 s.
 */
import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { PARAM_SPECS } from '../../../src/params/registry.js';
import { produce, signTx } from '../../helpers/chain.js';
import { code, OWNER, paramChange } from '../../helpers/gov-chain.js';
import { heightOf } from '../../helpers/relays.js';
import { caseLabel, COMBINABLE_CHANGES, EXTREMES, extremesChain, genesisWith, memoryChain, runScript, type ScriptChain } from '../../helpers/param-extremes.js';

const extremes = suite('gov: extreme parameter values never crash a block');

for (const spec of PARAM_SPECS) {
  for (const value of EXTREMES[spec.kind]) {
    const label = caseLabel(spec.key, value);
    extremes(label, () => {
      const state = extremesChain();
      const result = produce(state, [signTx(OWNER, paramChange(OWNER, spec.key, value))]);
      const outcome = code(result.receipts[0]!);
      assert.ok(['ok', 'ledger:14', 'ledger:15'].includes(outcome), `${label}: ${outcome} ${result.receipts[0]!.log}`);
      assert.is(heightOf(state), 1);
      runScript(memoryChain(state), `${label} (${outcome})`);
    });
  }
}

const combined = suite('gov: several extreme values at once never crash a block (property)');

combined('two to four changes in block 1 (in order, each decided on the ones before), then the script: no block throws', () => {
  fc.assert(
    fc.property(fc.array(fc.nat(COMBINABLE_CHANGES.length - 1), { minLength: 2, maxLength: 4 }), (picks) => {
      const state = extremesChain();
      const changes = picks.map((i) => COMBINABLE_CHANGES[i]!);
      const label = changes.map(([key, value]) => caseLabel(key, value, 40)).join(', ');
      // Any code: an earlier change (a huge fee multiplier, a zero TxSigLimit) may refuse the later txs.
      produce(state, changes.map(([key, value]) => signTx(OWNER, paramChange(OWNER, key, value))));
      runScript(memoryChain(state), label);
    }),
    { numRuns: 120, seed: 20261207 },
  );
});

const fromGenesis = suite('genesis: extreme parameter values are refused by genesis validation or run');

for (const spec of PARAM_SPECS) {
  for (const value of EXTREMES[spec.kind]) {
    const label = `genesis ${caseLabel(`${spec.subspace}.${spec.json}`, value)}`;
    fromGenesis(label, () => {
      const { state, refused } = genesisWith(spec, value);
      if (state === undefined) {
        assert.ok(refused !== undefined);
        return;
      }
      produce(state);
      runScript(memoryChain(state), label);
    });
  }
}

const named = suite('gov: the extremes script fails by name on an exception it does not expect');

/** A chain whose blocks are real but whose state, as the script reads it, throws from paramsAt. */
function chainWithFaultyReads(): ScriptChain {
  const chain = memoryChain(extremesChain());
  const faulty = new Proxy(chain.state, {
    get(target, property) {
      if (property === 'paramsAt') return () => { throw new TypeError('an unexpected fault'); };
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { state: faulty, produce: (txs, plan) => chain.produce(txs, plan) };
}

named('an exception out of a script step (computing the session to claim) names the case, the block and the step', () => {
  const chain = chainWithFaultyReads();
  chain.produce([]);
  try {
    runScript(chain, 'pos/Example = "1"');
  } catch (error) {
    assert.instance(error, assert.Assertion);
    assert.is((error as Error).message, 'pos/Example = "1": block 6: session 1 of app 0001 threw TypeError: an unexpected fault');
    return;
  }
  assert.unreachable('the script swallowed the exception');
});

extremes.run();
combined.run();
fromGenesis.run();
named.run();
