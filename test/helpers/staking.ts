/**
 * Staking test helpers: wire-message builders for every staking message, test chains with
 * applications in genesis, and small receipt helpers. Everything goes through the real
 * producer, ante handler and reducer (test/helpers/chain.ts).
 */
import * as assert from 'uvu/assert';
import type { Address } from '../../src/core/types.js';
import type { BlockResult } from '../../src/chain/apply-block.js';
import type { DomainEvent } from '../../src/chain/events.js';
import type { LedgerState } from '../../src/chain/ledger-state.js';
import type { TxReceipt } from '../../src/chain/receipts.js';
import { importGenesis } from '../../src/genesis/import.js';
import { parseGenesis } from '../../src/genesis/parse.js';
import type { GenesisApplication } from '../../src/genesis/types.js';
import { checkInvariants } from '../../src/sim/invariants.js';
import type { WireMessage } from '../../src/wire/index.js';
import { produce, signTx, testGenesisJson, type SignOptions, type TestChainSpec, type TestKey } from './chain.js';

type KeyOrAddress = TestKey | Address;
const addressOf = (k: KeyOrAddress): string => (typeof k === 'string' ? k : k.address);

export const NODE_URL = 'https://node.example.com:443';

export interface StakeNodeOptions {
  readonly value: bigint | string;
  readonly chains?: readonly string[];
  readonly serviceUrl?: string;
  /** Output address; default: the operator itself. `null` sends none. */
  readonly output?: KeyOrAddress | null;
  readonly delegators?: ReadonlyArray<readonly [string, number]> | null;
}

export function stakeNodeMsg(operator: TestKey, options: StakeNodeOptions): WireMessage {
  const output = options.output === undefined ? operator.address : options.output === null ? '' : addressOf(options.output);
  return {
    kind: 'StakeNode',
    publicKey: operator.publicKey,
    chains: options.chains ?? ['0001'],
    value: options.value.toString(),
    serviceUrl: options.serviceUrl ?? NODE_URL,
    outputAddress: output,
    rewardDelegators: options.delegators ?? null,
  };
}

export function beginUnstakeNodeMsg(validator: KeyOrAddress, signer: KeyOrAddress): WireMessage {
  return { kind: 'BeginUnstakeNode', validatorAddress: addressOf(validator), signerAddress: addressOf(signer) };
}

export function stakeAppMsg(app: TestKey, value: bigint | string, chains: readonly string[] = ['0001']): WireMessage {
  return { kind: 'StakeApp', publicKey: app.publicKey, chains, value: value.toString() };
}

/** The app-transfer form: value 0, no chains, the NEW owner's key (signed by the current app). */
export function transferAppMsg(to: TestKey): WireMessage {
  return { kind: 'StakeApp', publicKey: to.publicKey, chains: [], value: '0' };
}

export function beginUnstakeAppMsg(app: KeyOrAddress): WireMessage {
  return { kind: 'BeginUnstakeApp', applicationAddress: addressOf(app) };
}

export function unjailAppMsg(app: KeyOrAddress): WireMessage {
  return { kind: 'UnjailApp', applicationAddress: addressOf(app) };
}

export interface GenesisApp {
  readonly key: TestKey;
  readonly stakeUpokt: bigint;
  readonly chains?: readonly string[];
  readonly jailed?: boolean;
}

export interface StakingChainSpec extends TestChainSpec {
  readonly apps?: readonly GenesisApp[];
  /** Genesis validators' output addresses / delegators, by operator address. */
  readonly validatorOutputs?: Readonly<Record<string, string | null>>;
}

/**
 * A test chain like startChain, plus genesis applications and validator output addresses.
 *
 * An app pocket-core's ValidateGenesis refuses — jailed, or staking no more than
 * app_stake_minimum (x/apps/genesis.go:88-97) — is added to the parsed document past the
 * parser's fresh-genesis rules: no pocket-core path jails an app, so such a record exists in no
 * pocket-core state, but the handlers have branches for it (unjail, BeginUnstake, transfer).
 */
export function startStakingChain(spec: StakingChainSpec): LedgerState {
  const minimum = BigInt(JSON.parse(testGenesisJson(spec)).app_state.application.params.app_stake_minimum);
  const refusedByGenesis = (app: GenesisApp): boolean => app.jailed === true || app.stakeUpokt <= minimum;
  const apps = spec.apps ?? [];
  const parsed = parseGenesis(stakingGenesisJson({ ...spec, apps: apps.filter((app) => !refusedByGenesis(app)) }));
  if (!parsed.ok) throw new Error(`test genesis invalid: ${JSON.stringify(parsed.error)}`);
  const injected = apps.filter(refusedByGenesis).map(genesisApplication);
  return importGenesis({ ...parsed.value, applications: [...parsed.value.applications, ...injected] });
}

function genesisApplication(app: GenesisApp): GenesisApplication {
  return {
    address: app.key.address,
    publicKey: app.key.publicKey,
    jailed: app.jailed ?? false,
    status: 2,
    chains: (app.chains ?? ['0001']).map((chain) => chain.toUpperCase()),
    stakedTokensUpokt: app.stakeUpokt,
    unstakingTimeNs: null,
  };
}

/** The genesis JSON text of startStakingChain (for data-directory tests). */
export function stakingGenesisJson(spec: StakingChainSpec): string {
  const genesis = JSON.parse(testGenesisJson(spec));
  genesis.app_state.application.applications = (spec.apps ?? []).map((app) => ({
    address: app.key.address,
    public_key: app.key.publicKey,
    jailed: app.jailed ?? false,
    chains: app.chains ?? ['0001'],
    max_relays: '0',
    status: 2,
    staked_tokens: app.stakeUpokt.toString(),
    unstaking_time: '0001-01-01T00:00:00Z',
  }));
  for (const validator of genesis.app_state.pos.validators) {
    const output = spec.validatorOutputs?.[validator.address];
    if (output !== undefined) validator.output_address = output ?? '';
  }
  return JSON.stringify(genesis);
}

export const codeOf = (receipt: TxReceipt): string => (receipt.code === 0 ? 'ok' : `${receipt.codespace}:${receipt.code}`);

/** Deliver one signed message in its own block; return its receipt. Invariants must hold after. */
export function deliver(state: LedgerState, signer: TestKey, msg: WireMessage, options: SignOptions = {}): TxReceipt {
  const result = produce(state, [signTx(signer, msg, options)]);
  assert.equal(checkInvariants(state), [], 'invariants after the block');
  assert.is(result.receipts.length, 1);
  return result.receipts[0]!;
}

/**
 * Assert the receipt's code and, for a failure, that it changed nothing but its fee: exactly the
 * fee event when a fee was charged (the ante handler passed), no event at all when none was
 * (ValidateBasic or the ante handler refused). The two pocket-core side effects a failure keeps
 * (pos:105 unjail below the minimum, pocketcore:86) are named in `sideEffects`.
 */
export function expectCode(receipt: TxReceipt, expected: string, sideEffects: readonly DomainEvent['type'][] = []): void {
  assert.is(codeOf(receipt), expected, receipt.log);
  if (expected === 'ok') return;
  const feeEvents = receipt.feeUpokt > 0n ? ['FeeDeducted'] : [];
  assert.equal(
    receipt.events.map((e) => e.type),
    [...feeEvents, ...sideEffects],
    receipt.feeUpokt > 0n ? 'a rejected message changes nothing but the fee' : 'a tx refused before its fee changes nothing',
  );
}

export function eventsOf<T extends DomainEvent['type']>(events: readonly DomainEvent[], type: T): Array<Extract<DomainEvent, { type: T }>> {
  return events.filter((e): e is Extract<DomainEvent, { type: T }> => e.type === type);
}

/** All end-block events of a block, flattened, in order. */
export function endBlockEvents(result: BlockResult): DomainEvent[] {
  return result.endBlock.flatMap((step) => step.events);
}

/** Produce empty blocks until the chain's height is `height` (inclusive); return each result. */
export function produceTo(state: LedgerState, height: number): BlockResult[] {
  const results: BlockResult[] = [];
  for (;;) {
    const meta = state.chain.meta.get('meta')!;
    if (meta.height >= height) return results;
    results.push(produce(state));
    assert.equal(checkInvariants(state), [], `invariants after block ${meta.height + 1}`);
  }
}

export function heightOf(state: LedgerState): number {
  return state.chain.meta.get('meta')!.height;
}
