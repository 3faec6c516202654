/**
 * Goal: no value a ParamChange accepts crashes block application. For every registered parameter,
 * extreme values of its kind (0, 1, −1, int64's bounds, uint64's top, Dec 10^-18 / 10^40 / 10^70,
 * empty and absurd lists and maps) are sent by the ACL owner through a real ParamChange; whether
 * it is accepted or refused (ledger:14 / ledger:15), the chain then runs the rules that read the
 * parameter — sessions and dispatch, claims and proofs (relay rewards, PIP-22), stakes, edits and
 * unstakes of nodes and apps, unjail, downtime (an offline validator) and double-sign evidence,
 * memos and fees, the block reward — and no block may throw.
 * Method: a small relay chain (test/helpers/relays.ts) whose ACL and DAO owner is a test key; the
 * change in block 1, a fixed script of txs and faults over the next blocks; every tx's code is
 * free (the values change them), only an exception out of produce() fails. Invariants after
 * the last block. Then 2–4 such changes together (fast-check, fixed seed: pairs such as
 * ClaimSubmissionWindow × BlocksPerSession overflow only together), and each value written
 * into a fresh genesis instead: refused by genesis validation, or the same script runs.
 */
import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import type { BlockPlan } from '../../../src/chain/producer.js';
import { BlockRejectedError } from '../../../src/chain/apply-block.js';
import { MAX_INT64 } from '../../../src/core/types.js';
import { PARAM_SPECS, type ParamSpec } from '../../../src/params/registry.js';
import { importGenesis } from '../../../src/genesis/import.js';
import { parseGenesis } from '../../../src/genesis/parse.js';
import type { ParamKind } from '../../../src/params/kinds.js';
import { checkInvariants } from '../../../src/sim/invariants.js';
import type { WireMessage } from '../../../src/wire/index.js';
import { produce, sendMsg, signTx, testKey, type TestKey } from '../../helpers/chain.js';
import { evidence } from '../../helpers/evidence.js';
import { code, OWNER, paramChange, templateAclKeys, unjail } from '../../helpers/gov-chain.js';
import { appKey, claimTx, evidenceOf, headerOf, heightOf, keyOf, POKT, proofTx, relayChainSpec, requiredIndex, servicerKeys, sessionAtEnd } from '../../helpers/relays.js';
import { beginUnstakeAppMsg, beginUnstakeNodeMsg, stakeAppMsg, stakeNodeMsg, stakingGenesisJson, startStakingChain, type StakingChainSpec } from '../../helpers/staking.js';
import type { SessionEvidence } from '../../../src/sim/relay-evidence.js';

const MIN_INT64 = -(1n << 63n);
const MAX_UINT64 = (1n << 64n) - 1n;
const dec = (digits: string): string => `"${digits}"`;

/** Extreme amino-JSON values of each kind (durations and uint64s cannot be negative: ledger:14). */
const EXTREMES: Record<ParamKind, readonly string[]> = {
  int64: ['"0"', '"1"', '"-1"', `"${MAX_INT64}"`, `"${MIN_INT64}"`],
  uint64: ['"0"', '"1"', `"${MAX_UINT64}"`],
  duration: ['"0"', '"1"', `"${MAX_INT64}"`],
  bool: ['true', 'false'],
  string: ['""', '"x"'],
  dec: [dec('0'), dec('0.000000000000000001'), dec('-1'), dec(`1${'0'.repeat(40)}`), dec(`1${'0'.repeat(70)}`), dec(`-1${'0'.repeat(70)}`)],
  chains: ['[]', JSON.stringify(Array.from({ length: 300 }, (_, i) => i.toString(16).padStart(4, '0')))],
  int64Map: ['{}', `{"0001":"0"}`, `{"0001":"-1"}`, `{"0001":"${MAX_INT64}"}`, `{"0001":"${MIN_INT64}"}`],
  feeMultipliers: [
    '{"fee_multiplier":[],"default":"0"}',
    `{"fee_multiplier":[],"default":"${MAX_INT64}"}`,
    `{"fee_multiplier":[{"key":"send","multiplier":"${MAX_INT64}"},{"key":"claim","multiplier":"0"}],"default":"1"}`,
    '{"fee_multiplier":[{"key":"proof","multiplier":"-1"}],"default":"1"}',
    `{"fee_multiplier":[],"default":"${MIN_INT64}"}`,
  ],
  acl: [],
  address: [],
  upgrade: [`{"type":"gov/upgrade","value":{"Height":"${MAX_INT64}","Version":"0.13.0"}}`, '{"type":"gov/upgrade","value":{"Height":"2","Version":"0.12.0","Features":["RSCAL:2"]}}'],
};

const newNode = testKey('extreme-new-node');
const newApp = testKey('extreme-new-app');
const offline = servicerKeys[3]!;
const doubleSigner = servicerKeys[2]!;

function chainSpec(extra: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {}): StakingChainSpec {
  const acl = templateAclKeys().map((key) => ({ acl_key: key, address: OWNER.address }));
  const base: Record<string, Record<string, unknown>> = {
    gov: { dao_owner: OWNER.address, acl },
    pos: { signed_blocks_window: '10', unstaking_time: '1800000000000', downtime_jail_duration: '900000000000' },
    application: { unstaking_time: '1800000000000' },
  };
  for (const [module, values] of Object.entries(extra)) base[module] = { ...(base[module] ?? {}), ...values };
  const spec = relayChainSpec({ params: base });
  const accounts = [...(spec.accounts ?? []), ...[OWNER, newNode, newApp].map((key) => ({ key, balanceUpokt: 1_000_000n * POKT }))];
  return { ...spec, accounts };
}

function chain(): LedgerState {
  return startStakingChain(chainSpec());
}

/** A genesis carrying `value` for `spec` (its JSON name, unwrapped as genesis files write it), or its refusal. */
function genesisWith(spec: ParamSpec, value: string): { state?: LedgerState; refused?: string } {
  const node = JSON.parse(value) as unknown;
  const bare = spec.kind === 'upgrade' ? (node as { value: unknown }).value : node;
  const parsed = parseGenesis(stakingGenesisJson(chainSpec({ [spec.subspace]: { [spec.json]: bare } })));
  if (!parsed.ok) return { refused: JSON.stringify(parsed.error).slice(0, 200) };
  return { state: importGenesis(parsed.value) };
}

/** A tx the script could not build under these params (the test helpers throw) is left out. */
function tryTx(build: () => Uint8Array): Uint8Array[] {
  try {
    return [build()];
  } catch {
    return [];
  }
}

function send(key: TestKey, msg: WireMessage, memo = ''): Uint8Array[] {
  return tryTx(() => signTx(key, msg, { memo }));
}

/** Claims for session 1 of app 0001 by its session nodes (when the session can be computed). */
function sessionEvidences(state: LedgerState): Array<[TestKey, SessionEvidence]> {
  try {
    const header = headerOf(appKey, '0001', 1);
    const nodes = sessionAtEnd(state, header).nodes.map((address) => keyOf(address));
    return nodes.map((node) => [node, evidenceOf(header, node, 8)]);
  } catch {
    return [];
  }
}

/**
 * A block where the offline validator is absent; when the set is that validator alone (MaxValidators
 * 1), its commit then lacks 2/3 of the power and the producer refuses the block — a test input no
 * chain can have — so it signs after all.
 */
function produceSigned(state: LedgerState, txs: readonly Uint8Array[], plan: Partial<BlockPlan>): void {
  try {
    produce(state, txs, plan);
  } catch (error) {
    if (!(error instanceof BlockRejectedError) || !/2\/3 of the power/.test(error.message)) throw error;
    produce(state, txs, { ...plan, signed: () => true });
  }
}

/** The block script after the change at block 1: what each block carries. */
function runScript(state: LedgerState, label: string): void {
  let evidences: Array<[TestKey, SessionEvidence]> = [];
  for (let h = 2; h <= 22; h++) {
    const txs: Uint8Array[] = [];
    if (h === 2) {
      txs.push(...send(newNode, stakeNodeMsg(newNode, { value: 20_000n * POKT, delegators: [[OWNER.address, 10]] })));
      txs.push(...send(newApp, stakeAppMsg(newApp, 20_000n * POKT, ['0001', '0002'])));
      txs.push(...send(OWNER, sendMsg(OWNER, newApp, 1n), 'memo of a few characters'));
    }
    if (h === 3) {
      txs.push(...send(servicerKeys[1]!, stakeNodeMsg(servicerKeys[1]!, { value: 25_000n * POKT })));
      txs.push(...send(newApp, stakeAppMsg(newApp, 30_000n * POKT, ['0001'])));
    }
    if (h === 6) {
      evidences = sessionEvidences(state);
      for (const [node, ev] of evidences) txs.push(...tryTx(() => claimTx(node, ev)));
    }
    if (h === 14 || h === 18) for (const [node, ev] of evidences) txs.push(...tryTx(() => proofTx(node, ev, requiredIndex(state, ev))));
    if (h === 15) {
      txs.push(...send(offline, unjail(offline, offline)));
      txs.push(...send(newApp, beginUnstakeAppMsg(newApp)));
    }
    if (h === 16) txs.push(...send(newNode, beginUnstakeNodeMsg(newNode, newNode)));
    if (h === 20) txs.push(...send(OWNER, sendMsg(OWNER, newNode, 1n)));
    const plan = {
      signed: (address: string) => !(h <= 13 && address === offline.address),
      evidence: h === 8 ? [evidence(doubleSigner, 7)] : [],
    };
    try {
      produceSigned(state, txs, plan);
    } catch (error) {
      assert.unreachable(`${label}: block ${h} threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    }
  }
  assert.equal(checkInvariants(state), [], `${label}: invariants`);
}

const extremes = suite('gov: extreme parameter values never crash a block');

for (const spec of PARAM_SPECS) {
  for (const value of EXTREMES[spec.kind]) {
    const label = `${spec.key} = ${value.length > 80 ? `${value.slice(0, 77)}…` : value}`;
    extremes(label, () => {
      const state = chain();
      const result = produce(state, [signTx(OWNER, paramChange(OWNER, spec.key, value))]);
      const outcome = code(result.receipts[0]!);
      assert.ok(['ok', 'ledger:14', 'ledger:15'].includes(outcome), `${label}: ${outcome} ${result.receipts[0]!.log}`);
      assert.is(heightOf(state), 1);
      runScript(state, `${label} (${outcome})`);
    });
  }
}

const combined = suite('gov: several extreme values at once never crash a block (property)');

/** Every (key, value) of the table above, plus a few ordinary values the extremes combine with. */
const CHANGES: ReadonlyArray<readonly [string, string]> = [
  ...PARAM_SPECS.flatMap((spec) => EXTREMES[spec.kind].map((value) => [spec.key, value] as const)),
  ...['pos/BlocksPerSession', 'pos/SignedBlocksWindow', 'pocketcore/ClaimSubmissionWindow', 'pocketcore/ClaimExpiration', 'pos/ProposerPercentage', 'pos/DAOAllocation'].flatMap((key) => [[key, '"2"'], [key, `"${1n << 62n}"`]] as const),
  ['pos/MinSignedPerWindow', '"-0.5"'],
  ['pos/MinSignedPerWindow', '"2"'],
];

combined('two to four changes in block 1 (in order, each decided on the ones before), then the script: no block throws', () => {
  fc.assert(
    fc.property(fc.array(fc.nat(CHANGES.length - 1), { minLength: 2, maxLength: 4 }), (picks) => {
      const state = chain();
      const changes = picks.map((i) => CHANGES[i]!);
      const label = changes.map(([key, value]) => `${key} = ${value.length > 40 ? `${value.slice(0, 37)}…` : value}`).join(', ');
      // Any code: an earlier change (a huge fee multiplier, a zero TxSigLimit) may refuse the later txs.
      produce(state, changes.map(([key, value]) => signTx(OWNER, paramChange(OWNER, key, value))));
      runScript(state, label);
    }),
    { numRuns: 120, seed: 20261207 },
  );
});

const fromGenesis = suite('genesis: extreme parameter values are refused by genesis validation or run');

for (const spec of PARAM_SPECS) {
  for (const value of EXTREMES[spec.kind]) {
    const label = `genesis ${spec.subspace}.${spec.json} = ${value.length > 80 ? `${value.slice(0, 77)}…` : value}`;
    fromGenesis(label, () => {
      const { state, refused } = genesisWith(spec, value);
      if (state === undefined) {
        assert.ok(refused !== undefined);
        return;
      }
      produce(state);
      runScript(state, label);
    });
  }
}

extremes.run();
combined.run();
fromGenesis.run();
