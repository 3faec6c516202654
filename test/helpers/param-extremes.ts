/**
 * The extreme-parameter script of test/unit/gov/param-extremes*.test.ts: the values of each
 * parameter kind, the relay chain they are written into, and the fixed block script run after
 * the change — over an in-memory state (the crash test) or a ChainWriter (the audited copy).
 *
 * Only the outcomes the script expects pass quietly, each named where it is decided: a session
 * the chain cannot compute (its coded error, pocketcore:17 or sdk:1), a proof whose seed block
 * does not exist yet (ClaimSubmissionWindow × BlocksPerSession past the script's end), and a
 * block the producer refuses because the offline validator held 2/3 of the power. Any other
 * exception fails the case, named with its label (param and value), block and step.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as assert from 'uvu/assert';
import { BlockRejectedError, type BlockResult } from '../../src/chain/apply-block.js';
import type { LedgerState } from '../../src/chain/ledger-state.js';
import type { BlockPlan } from '../../src/chain/producer.js';
import { MAX_INT64 } from '../../src/core/types.js';
import { importGenesis } from '../../src/genesis/import.js';
import { parseGenesis } from '../../src/genesis/parse.js';
import { computeSession } from '../../src/modules/pocketcore/session-service.js';
import { blockHashAt } from '../../src/modules/pocketcore/view.js';
import type { ParamKind } from '../../src/params/kinds.js';
import { PARAM_SPECS, type ParamSpec } from '../../src/params/registry.js';
import { ChainWriter } from '../../src/runtime/chain-writer.js';
import { initDataDir } from '../../src/runtime/data-dir.js';
import { checkInvariants } from '../../src/sim/invariants.js';
import type { SessionEvidence } from '../../src/sim/relay-evidence.js';
import type { WireMessage } from '../../src/wire/index.js';
import { BLOCK_INTERVAL_NS, produce, sendMsg, signTx, testKey, type TestKey } from './chain.js';
import { evidence } from './evidence.js';
import { code, OWNER, paramChange, templateAclKeys, unjail } from './gov-chain.js';
import { appKey, claimTx, evidenceOf, headerOf, heightOf, keyOf, POKT, proofTx, relayChainSpec, requiredIndex, servicerKeys } from './relays.js';
import { beginUnstakeAppMsg, beginUnstakeNodeMsg, stakeAppMsg, stakeNodeMsg, stakingGenesisJson, startStakingChain, type StakingChainSpec } from './staking.js';

const MIN_INT64 = -(1n << 63n);
const MAX_UINT64 = (1n << 64n) - 1n;
const dec = (digits: string): string => `"${digits}"`;

/** Extreme amino-JSON values of each kind (durations and uint64s cannot be negative: ledger:14). */
export const EXTREMES: Record<ParamKind, readonly string[]> = {
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

/** Every (key, value) of the table above, plus a few ordinary values the extremes combine with. */
export const COMBINABLE_CHANGES: ReadonlyArray<readonly [string, string]> = [
  ...PARAM_SPECS.flatMap((spec) => EXTREMES[spec.kind].map((value) => [spec.key, value] as const)),
  ...['pos/BlocksPerSession', 'pos/SignedBlocksWindow', 'pocketcore/ClaimSubmissionWindow', 'pocketcore/ClaimExpiration', 'pos/ProposerPercentage', 'pos/DAOAllocation'].flatMap((key) => [[key, '"2"'], [key, `"${1n << 62n}"`]] as const),
  ['pos/MinSignedPerWindow', '"-0.5"'],
  ['pos/MinSignedPerWindow', '"2"'],
];

/** A case's name: the parameter and its value, cut to `width`. */
export function caseLabel(key: string, value: string, width = 80): string {
  return `${key} = ${value.length > width ? `${value.slice(0, width - 3)}…` : value}`;
}

const newNode = testKey('extreme-new-node');
const newApp = testKey('extreme-new-app');
const offline = servicerKeys[3]!;
const doubleSigner = servicerKeys[2]!;

/** The relay chain whose ACL and DAO owner is OWNER, with `extra` params written over it. */
export function extremesChainSpec(extra: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {}): StakingChainSpec {
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

export function extremesChain(): LedgerState {
  return startStakingChain(extremesChainSpec());
}

/** The genesis text carrying `value` for `spec` (its JSON name, unwrapped as genesis files write it). */
export function genesisJsonWith(spec: ParamSpec, value: string): string {
  const node = JSON.parse(value) as unknown;
  const bare = spec.kind === 'upgrade' ? (node as { value: unknown }).value : node;
  return stakingGenesisJson(extremesChainSpec({ [spec.subspace]: { [spec.json]: bare } }));
}

/** That genesis imported, or genesis validation's refusal. */
export function genesisWith(spec: ParamSpec, value: string): { state?: LedgerState; refused?: string } {
  const parsed = parseGenesis(genesisJsonWith(spec, value));
  if (!parsed.ok) return { refused: JSON.stringify(parsed.error).slice(0, 200) };
  return { state: importGenesis(parsed.value) };
}

/** What the script drives: the state it reads and how the next block is made (15 minutes after the last). */
export interface ScriptChain {
  readonly state: LedgerState;
  produce(txs: readonly Uint8Array[], plan?: Partial<BlockPlan>): BlockResult;
}

export function memoryChain(state: LedgerState): ScriptChain {
  return { state, produce: (txs, plan = {}) => produce(state, txs, plan) };
}

/** A data directory of `genesisJson` and its writer (fsync never); the caller closes it. */
export async function dataDirChain(dir: string, genesisJson: string): Promise<ScriptChain & { close(): void }> {
  const genesisFile = join(dir, 'genesis.json');
  writeFileSync(genesisFile, genesisJson);
  const dataDir = join(dir, 'chain');
  initDataDir(dataDir, genesisFile, { onWarning: () => undefined });
  const writer = await ChainWriter.open(dataDir, { fsync: 'never', onWarning: () => undefined });
  return {
    get state() {
      return writer.state;
    },
    produce: (txs, plan = {}) => writer.produce({ timeNs: writer.lastBlockTimeNs + BLOCK_INTERVAL_NS, txs, ...plan }).result,
    close: () => writer.close(),
  };
}

/** Runs one step of the script; an exception out of it fails the case with the step named. */
function step<T>(where: string, what: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof assert.Assertion) throw error;
    assert.unreachable(`${where}: ${what} threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    throw error; // unreachable: assert.unreachable throws
  }
}

function signed(key: TestKey, msg: WireMessage, memo = ''): Uint8Array {
  return signTx(key, msg, { memo });
}

/**
 * Claims for session 1 of app 0001 by its session nodes, or none when the chain cannot compute
 * that session (its coded error: no eligible nodes, too few staked, or no state at the session
 * height — pocketcore:17, sdk:1): the script then claims nothing.
 */
function sessionEvidences(state: LedgerState): Array<[TestKey, SessionEvidence]> {
  const header = headerOf(appKey, '0001', 1);
  const session = computeSession(state, header, heightOf(state), { kind: 'end' });
  if (!session.ok) return [];
  return session.value.nodes.map((address) => keyOf(address)).map((node) => [node, evidenceOf(header, node, 8)]);
}

/**
 * Whether the proof seed block of session 1 exists: its height is 1 + ClaimSubmissionWindow ×
 * BlocksPerSession in Go int64, wrapping (proof.go:228); under large values it lies past the
 * script's last block (or below 1), and the script then sends no proof (requiredIndex could not
 * compute the index).
 */
function seedProduced(state: LedgerState, ev: SessionEvidence): boolean {
  const params = state.paramsAt(ev.header.sessionHeight);
  const seedBlock = BigInt.asIntN(64, BigInt(ev.header.sessionHeight) + params.pocketcore.claimSubmissionWindow * params.pos.blocksPerSession) - 1n;
  return seedBlock >= 1n && seedBlock <= BigInt(heightOf(state)) && blockHashAt(state, Number(seedBlock)) !== undefined;
}

/**
 * A block where the offline validator is absent; when the set is that validator alone (MaxValidators
 * 1), its commit then lacks 2/3 of the power and the producer refuses the block — a test input no
 * chain can have — so it signs after all.
 */
function produceSigned(chain: ScriptChain, txs: readonly Uint8Array[], plan: Partial<BlockPlan>): BlockResult {
  try {
    return chain.produce(txs, plan);
  } catch (error) {
    if (!(error instanceof BlockRejectedError) || !/2\/3 of the power/.test(error.message)) throw error;
    return chain.produce(txs, { ...plan, signed: () => true });
  }
}

/** The txs of block h (the change was at block 1); `evidences` are the claims sent at block 6. */
function txsOf(state: LedgerState, h: number, evidences: ReadonlyArray<[TestKey, SessionEvidence]>, where: string): Uint8Array[] {
  const txs: Uint8Array[] = [];
  if (h === 2) {
    txs.push(step(where, 'stake of the new node', () => signed(newNode, stakeNodeMsg(newNode, { value: 20_000n * POKT, delegators: [[OWNER.address, 10]] }))));
    txs.push(step(where, 'stake of the new app', () => signed(newApp, stakeAppMsg(newApp, 20_000n * POKT, ['0001', '0002']))));
    txs.push(step(where, 'send with a memo', () => signed(OWNER, sendMsg(OWNER, newApp, 1n), 'memo of a few characters')));
  }
  if (h === 3) {
    txs.push(step(where, 'edit stake of servicer 1', () => signed(servicerKeys[1]!, stakeNodeMsg(servicerKeys[1]!, { value: 25_000n * POKT }))));
    txs.push(step(where, 'edit stake of the new app', () => signed(newApp, stakeAppMsg(newApp, 30_000n * POKT, ['0001']))));
  }
  if (h === 6) for (const [node, ev] of evidences) txs.push(step(where, `claim by ${node.address}`, () => claimTx(node, ev)));
  if (h === 14 || h === 18) {
    for (const [node, ev] of evidences) {
      if (!step(where, `proof seed of ${node.address}`, () => seedProduced(state, ev))) continue;
      txs.push(step(where, `proof by ${node.address}`, () => proofTx(node, ev, requiredIndex(state, ev))));
    }
  }
  if (h === 15) {
    txs.push(step(where, 'unjail of the offline validator', () => signed(offline, unjail(offline, offline))));
    txs.push(step(where, 'begin unstake of the new app', () => signed(newApp, beginUnstakeAppMsg(newApp))));
  }
  if (h === 16) txs.push(step(where, 'begin unstake of the new node', () => signed(newNode, beginUnstakeNodeMsg(newNode, newNode))));
  if (h === 20) txs.push(step(where, 'send', () => signed(OWNER, sendMsg(OWNER, newNode, 1n))));
  return txs;
}

/** The block script after the change at block 1: blocks 2–22; invariants after the last. Returns the blocks' results. */
export function runScript(chain: ScriptChain, label: string): BlockResult[] {
  const results: BlockResult[] = [];
  let evidences: Array<[TestKey, SessionEvidence]> = [];
  for (let h = 2; h <= 22; h++) {
    const where = `${label}: block ${h}`;
    if (h === 6) evidences = step(where, 'session 1 of app 0001', () => sessionEvidences(chain.state));
    const txs = txsOf(chain.state, h, evidences, where);
    const plan = {
      signed: (address: string) => !(h <= 13 && address === offline.address),
      evidence: h === 8 ? [evidence(doubleSigner, 7)] : [],
    };
    results.push(step(where, 'producing the block', () => produceSigned(chain, txs, plan)));
  }
  assert.equal(checkInvariants(chain.state), [], `${label}: invariants`);
  return results;
}

/** The ParamChange chain: the change(s) in block 1, then the script. */
export function changedInBlock1(changes: ReadonlyArray<readonly [string, string]>, label: string): (chain: ScriptChain) => void {
  return (chain) => {
    chain.produce(changes.map(([key, value]) => signTx(OWNER, paramChange(OWNER, key, value))));
    runScript(chain, label);
  };
}

/** Whether the ledger accepts the change in block 1 (decided on an in-memory chain: cheap). */
export function acceptedInBlock1(key: string, value: string): boolean {
  const result = produce(extremesChain(), [signTx(OWNER, paramChange(OWNER, key, value))]);
  return code(result.receipts[0]!) === 'ok';
}

/** How a (param, value) gets its one chain (in force from block 1 or the genesis); undefined: it never takes effect (a refused change). */
export function extremeChainWay(spec: ParamSpec, value: string): { genesisJson: string; build: (chain: ScriptChain) => void; how: string } | undefined {
  const label = caseLabel(spec.key, value);
  if (acceptedInBlock1(spec.key, value)) return { genesisJson: stakingGenesisJson(extremesChainSpec()), build: changedInBlock1([[spec.key, value]], label), how: 'ParamChange' };
  if (genesisWith(spec, value).state === undefined) return undefined;
  return {
    genesisJson: genesisJsonWith(spec, value),
    build: (chain) => {
      chain.produce([]);
      runScript(chain, `genesis ${label}`);
    },
    how: 'genesis',
  };
}
