/**
 * Test chains for governance and slashing: the e2e localnet template (test/helpers/chain.ts)
 * with the DAO owner and every ACL owner replaced by a test key, funded accounts for the
 * owner and each validator operator (so they can pay fees), plus message builders for
 * ParamChange / DAOTransfer / Upgrade / Unjail and receipt helpers.
 */
import * as assert from 'uvu/assert';
import type { BlockResult, StepEvents } from '../../src/chain/apply-block.js';
import type { DomainEvent } from '../../src/chain/events.js';
import type { LedgerState } from '../../src/chain/ledger-state.js';
import type { TxReceipt } from '../../src/chain/receipts.js';
import { bytesToHex } from '../../src/core/hex.js';
import type { Address } from '../../src/core/types.js';
import type { WireMessage } from '../../src/wire/index.js';
import { readFixture } from './paths.js';
import { importGenesis } from '../../src/genesis/import.js';
import { parseGenesis } from '../../src/genesis/parse.js';
import { produceBlock, testGenesisJson, testKey, type TestChainSpec, type TestKey } from './chain.js';
import type { BlockHeader } from '../../src/chain/block.js';
import type { DuplicateVoteEvidence } from '../../src/core/block-context.js';
import { Prng } from '../../src/core/prng.js';
import { totalSupply } from '../../src/modules/auth/bank.js';
import { checkInvariants } from '../../src/sim/invariants.js';
import { SupplyLedger } from '../../src/sim/supply.js';
import type { ProposedTx, Workload } from '../../src/sim/workload.js';
import { testSimContext } from './sim-context.js';

export const OWNER = testKey('dao-owner');

/** The 35 ACL keys of the e2e localnet genesis (the same set as mainnet's, in another order). */
export function templateAclKeys(): string[] {
  const genesis = JSON.parse(readFixture('e2e-single-node-genesis.json')) as { app_state: { gov: { params: { acl: Array<{ acl_key: string }> } } } };
  return genesis.app_state.gov.params.acl.map((entry) => entry.acl_key);
}

export interface GovChainSpec {
  readonly validators?: ReadonlyArray<{ readonly key: TestKey; readonly tokensUpokt: bigint; readonly jailed?: boolean }>;
  readonly accounts?: ReadonlyArray<{ readonly key: TestKey; readonly balanceUpokt: bigint }>;
  /** Param overrides by module and JSON name (merged after the gov owner overrides). */
  readonly params?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly daoTokensUpokt?: bigint;
  /** consensus_params.block.max_bytes (chain.ts TestChainSpec). */
  readonly consensusMaxBytes?: string;
}

export const FUNDS_UPOKT = 1_000_000_000_000n;

export function govChain(spec: GovChainSpec = {}): LedgerState {
  const parsed = parseGenesis(govGenesisJson(spec));
  if (!parsed.ok) throw new Error(`test genesis invalid: ${JSON.stringify(parsed.error)}`);
  return importGenesis(parsed.value);
}

/** The genesis document govChain starts from (OWNER owns the DAO and every ACL key). */
export function govGenesisJson(spec: GovChainSpec = {}): string {
  const owner = OWNER.address;
  const acl = templateAclKeys().map((key) => ({ acl_key: key, address: owner }));
  const validators = spec.validators ?? [];
  const funded = new Map<string, { key: TestKey; balanceUpokt: bigint }>();
  funded.set(owner, { key: OWNER, balanceUpokt: FUNDS_UPOKT });
  for (const v of validators) funded.set(v.key.address, { key: v.key, balanceUpokt: FUNDS_UPOKT });
  for (const a of spec.accounts ?? []) funded.set(a.key.address, a);
  const params: Record<string, Record<string, unknown>> = { gov: { dao_owner: owner, acl } };
  for (const [module, overrides] of Object.entries(spec.params ?? {})) params[module] = { ...(params[module] ?? {}), ...overrides };
  const chainSpec: TestChainSpec = { accounts: [...funded.values()], validators, params, ...(spec.consensusMaxBytes === undefined ? {} : { consensusMaxBytes: spec.consensusMaxBytes }) };
  const genesis = JSON.parse(testGenesisJson(chainSpec)) as { app_state: { gov: { DAO_Tokens: string } } };
  genesis.app_state.gov.DAO_Tokens = (spec.daoTokensUpokt ?? 0n).toString();
  return JSON.stringify(genesis);
}

export function paramChange(from: TestKey | Address, key: string, valueJson: string | Uint8Array): WireMessage {
  const bytes = typeof valueJson === 'string' ? new TextEncoder().encode(valueJson) : valueJson;
  return { kind: 'ParamChange', fromAddress: typeof from === 'string' ? from : from.address, paramKey: key, paramValue: bytesToHex(bytes) };
}

export function daoTransfer(from: TestKey, to: Address | '', amountUpokt: bigint, action: 'dao_transfer' | 'dao_burn' | string): WireMessage {
  return { kind: 'DAOTransfer', fromAddress: from.address, toAddress: to, amount: amountUpokt.toString(), action };
}

export function upgrade(from: TestKey, height: bigint, version: string, features: readonly string[] = [], oldUpgradeHeight = 0n): WireMessage {
  return { kind: 'Upgrade', address: from.address, upgrade: { height, version, oldUpgradeHeight, features } };
}

export function unjail(validator: TestKey | Address, signer: TestKey | Address): WireMessage {
  const address = (k: TestKey | Address): string => (typeof k === 'string' ? k : k.address);
  return { kind: 'UnjailNode', validatorAddress: address(validator), signerAddress: address(signer) };
}

export function code(receipt: TxReceipt): string {
  return receipt.code === 0 ? 'ok' : `${receipt.codespace}:${receipt.code}`;
}

/** Assert a block's only receipt ended with `expected` ('ok' or 'codespace:code'). */
export function expectOnly(result: BlockResult, expected: string): TxReceipt {
  assert.is(result.receipts.length, 1);
  const receipt = result.receipts[0]!;
  assert.is(code(receipt), expected, receipt.log);
  return receipt;
}

/** Every event of a block (BeginBlock steps, txs, EndBlock steps), in applied order. */
export function eventsOf(result: BlockResult): DomainEvent[] {
  const fromSteps = (steps: readonly StepEvents[]): DomainEvent[] => steps.flatMap((step) => [...step.events]);
  return [...fromSteps(result.beginBlock), ...result.receipts.flatMap((r) => [...r.events]), ...fromSteps(result.endBlock)];
}

export function eventsOfType<T extends DomainEvent['type']>(result: BlockResult, type: T): Array<Extract<DomainEvent, { type: T }>> {
  return eventsOf(result).filter((event): event is Extract<DomainEvent, { type: T }> => event.type === type);
}

/**
 * Drive simulator workloads without the simulator runner (as test/unit/sim/staking-workload
 * does): each block, a SimContext per workload (seeded Prng per block and workload), its txs and
 * faults, the real producer and reducer; every receipt must match its expectation, invariants
 * must hold and supply must equal start + Σ minted − Σ burned (src/sim/supply.ts).
 * Returns tx counts by label and outcome, the block results and the blocks' headers.
 */
export function driveWorkloads(
  state: LedgerState,
  workloads: ReadonlyArray<{ readonly workload: Workload; readonly keys: readonly TestKey[] }>,
  options: { readonly blocks: number; readonly seed: number; readonly validatorKeys: readonly TestKey[] },
): { outcomes: Map<string, Map<string, number>>; results: BlockResult[]; headers: BlockHeader[] } {
  const outcomes = new Map<string, Map<string, number>>();
  const results: BlockResult[] = [];
  const headers: BlockHeader[] = [];
  const supply = new SupplyLedger(totalSupply(state.auth));
  let previous: Uint8Array[] = [];
  for (let i = 0; i < options.blocks; i++) {
    const height = state.chain.meta.get('meta')!.height + 1;
    const proposals: ProposedTx[] = [];
    const offline = new Set<Address>();
    const evidence: DuplicateVoteEvidence[] = [];
    for (const { workload, keys } of workloads) {
      const prng = new Prng(BigInt(options.seed) * 1_000_003n + BigInt(height) * 7n + BigInt(workload.name.length));
      const ctx = testSimContext({
        state,
        prng,
        keys,
        validatorKeys: options.validatorKeys,
        txsPerBlock: 4,
        previousBlockTxs: previous,
        freshKeyName: (h, label) => `workload-fresh-${h}-${workload.name}-${label}`,
      });
      proposals.push(...workload.propose(ctx));
      const faults = workload.faults?.(ctx) ?? {};
      for (const address of faults.offline ?? []) offline.add(address);
      evidence.push(...(faults.evidence ?? []));
    }
    const { block, result } = produceBlock(state, proposals.map((p) => p.bytes), { signed: (address) => !offline.has(address), evidence });
    headers.push(block.header);
    proposals.forEach((proposal, index) => {
      const receipt = result.receipts[index]!;
      const actual = code(receipt);
      assert.is(actual, proposal.expect, `block ${height} tx ${index} ${proposal.label}: ${receipt.log} (seed ${options.seed})`);
      const counts = outcomes.get(proposal.label) ?? new Map<string, number>();
      counts.set(actual, (counts.get(actual) ?? 0) + 1);
      outcomes.set(proposal.label, counts);
    });
    assert.equal(checkInvariants(state), [], `invariants after block ${height} (seed ${options.seed})`);
    supply.record(result);
    assert.is(totalSupply(state.auth), supply.expectedSupplyUpokt, `supply after block ${height} (seed ${options.seed})`);
    results.push(result);
    previous = proposals.map((p) => p.bytes);
  }
  return { outcomes, results, headers };
}
