/**
 * Relay test helpers: a test chain with applications and staked servicers, real sessions, real
 * signed relays turned into real claims and proofs — all through the genesis importer, the
 * producer and the reducer (test/helpers/chain.ts, staking.ts).
 *
 * Default chain (RELAY_PARAMS): BlocksPerSession 4, SessionNodeCount 2, ClaimSubmissionWindow 3,
 * ClaimExpiration 10 sessions, MinimumNumberOfProofs 5, supported chains 0001 and 0002,
 * RTTM 1000, DAO 10 %, proposer 1 %, fee multiplier 1; PIP-22 at its activation values
 * (F = C = 15,000 POKT, W = E = 1) so every servicer of ≥ 15,000 POKT has weight 1.
 * Session 1 covers blocks 1–4: claims at 5..13, the proof seed is the hash of block 12, proofs
 * from 13, a claim made at h expires at h + 40.
 */
import * as assert from 'uvu/assert';
import type { LedgerState } from '../../src/chain/ledger-state.js';
import type { TxReceipt } from '../../src/chain/receipts.js';
import { CHAIN_META_KEY } from '../../src/state/chain-tables.js';
import { checkInvariants } from '../../src/sim/invariants.js';
import type { Address } from '../../src/core/types.js';
import { buildSessionEvidence, claimMessage, proofMessage, signAat, signRelayProof, type ClaimOptions, type ProofOptions, type SessionEvidence } from '../../src/sim/relay-evidence.js';
import { proofIndex } from '../../src/modules/pocketcore/proof-index.js';
import { computeSession, type ComputedSession } from '../../src/modules/pocketcore/session-service.js';
import { sessionHeaderHash, type SessionHeaderKey } from '../../src/modules/pocketcore/session.js';
import { blockHashAt } from '../../src/modules/pocketcore/view.js';
import type { WireRelayProof } from '../../src/wire/types.js';
import { produce, signTx, testKey, type TestKey } from './chain.js';
import { startStakingChain, type GenesisApp, type StakingChainSpec } from './staking.js';

export const POKT = 1_000_000n;

export const RELAY_PARAMS = {
  pos: { session_block_frequency: '4', relays_to_tokens_multiplier: '1000', dao_allocation: '10', proposer_allocation: '1' },
  pocketcore: {
    session_node_count: '2',
    proof_waiting_period: '3',
    claim_expiration: '10',
    minimum_number_of_proofs: '5',
    supported_blockchains: ['0001', '0002'],
  },
} as const;

export const appKey = testKey('relay-app');
export const clientKey = testKey('relay-client');
/** Four servicers staked for 0001 (20,000 POKT each); the first one also for 0002. */
export const servicerKeys: readonly TestKey[] = [1, 2, 3, 4].map((i) => testKey(`relay-servicer-${i}`));

export interface RelayChainOptions {
  readonly apps?: readonly GenesisApp[];
  readonly servicers?: ReadonlyArray<{ readonly key: TestKey; readonly tokensUpokt?: bigint; readonly chains?: readonly string[]; readonly jailed?: boolean }>;
  readonly params?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly outputs?: Readonly<Record<string, string | null>>;
}

function mergeParams(overrides: RelayChainOptions['params']): Record<string, Record<string, unknown>> {
  const merged: Record<string, Record<string, unknown>> = { pos: { ...RELAY_PARAMS.pos }, pocketcore: { ...RELAY_PARAMS.pocketcore } };
  for (const [module, values] of Object.entries(overrides ?? {})) merged[module] = { ...(merged[module] ?? {}), ...values };
  return merged;
}

export function startRelayChain(options: RelayChainOptions = {}): LedgerState {
  return startStakingChain(relayChainSpec(options));
}

/** The genesis spec of startRelayChain (for data-directory tests: stakingGenesisJson). */
export function relayChainSpec(options: RelayChainOptions = {}): StakingChainSpec {
  const servicers: NonNullable<RelayChainOptions['servicers']> = options.servicers ?? servicerKeys.map((key, i) => ({ key, chains: i === 0 ? ['0001', '0002'] : ['0001'] }));
  return {
    accounts: [appKey, clientKey, ...servicers.map((s) => s.key)].map((key) => ({ key, balanceUpokt: 1_000n * POKT })),
    validators: servicers.map((s) => ({ key: s.key, tokensUpokt: s.tokensUpokt ?? 20_000n * POKT, chains: s.chains ?? ['0001'], jailed: s.jailed ?? false })),
    apps: options.apps ?? [{ key: appKey, stakeUpokt: 100_000n * POKT, chains: ['0001', '0002'] }],
    params: mergeParams(options.params),
    ...(options.outputs === undefined ? {} : { validatorOutputs: options.outputs }),
  };
}

export function heightOf(state: LedgerState): number {
  return state.chain.meta.get(CHAIN_META_KEY)!.height;
}

/** Produce empty blocks until the chain's height is `height`; invariants after each. */
export function advanceTo(state: LedgerState, height: number): void {
  while (heightOf(state) < height) {
    produce(state);
    assert.equal(checkInvariants(state), [], `invariants after block ${heightOf(state)}`);
  }
}

export function headerOf(app: TestKey, chain: string, sessionHeight: number): SessionHeaderKey {
  return { appPublicKey: app.publicKey, chain, sessionHeight };
}

/** The session as claims see it (start state, nodes checked at the session's end). */
export function sessionAtEnd(state: LedgerState, header: SessionHeaderKey): ComputedSession {
  const result = computeSession(state, header, heightOf(state), { kind: 'end' });
  if (!result.ok) throw new Error(`session: ${result.error.codespace}:${result.error.code} ${result.error.log}`);
  return result.value;
}

export function keyOf(address: Address, keys: readonly TestKey[] = servicerKeys): TestKey {
  const key = keys.find((k) => k.address === address);
  if (key === undefined) throw new Error(`no test key for ${address}`);
  return key;
}

/** `count` relays served by `servicer` in the session of `header`, signed by the client. */
export function signedRelays(header: SessionHeaderKey, servicer: TestKey, count: number, options: { app?: TestKey; client?: TestKey; firstEntropy?: bigint } = {}): WireRelayProof[] {
  const app = options.app ?? appKey;
  const client = options.client ?? clientKey;
  const aat = signAat(app, client.publicKey);
  const relays: WireRelayProof[] = [];
  for (let i = 0; i < count; i++) {
    relays.push(
      signRelayProof(client, {
        aat,
        servicerPublicKey: servicer.publicKey,
        blockchain: header.chain,
        sessionBlockHeight: header.sessionHeight,
        payload: `{"jsonrpc":"2.0","method":"eth_blockNumber","id":${i}}`,
        entropy: (options.firstEntropy ?? 1_000n) + BigInt(i),
      }),
    );
  }
  return relays;
}

export function evidenceOf(header: SessionHeaderKey, servicer: TestKey, count: number): SessionEvidence {
  return buildSessionEvidence(header, signedRelays(header, servicer, count));
}

/** Deliver txs in one block; invariants must hold after it. */
export function deliverAll(state: LedgerState, txs: readonly Uint8Array[]): TxReceipt[] {
  const result = produce(state, txs);
  assert.equal(checkInvariants(state), [], 'invariants after the block');
  return [...result.receipts];
}

export function deliverOne(state: LedgerState, tx: Uint8Array): TxReceipt {
  const receipts = deliverAll(state, [tx]);
  assert.is(receipts.length, 1);
  return receipts[0]!;
}

export function claimTx(servicer: TestKey, evidence: SessionEvidence, options: ClaimOptions = {}): Uint8Array {
  return signTx(servicer, claimMessage(evidence, servicer.address, options));
}

/** The leaf index the chain asks for, once the seed block exists. */
export function requiredIndex(state: LedgerState, evidence: SessionEvidence, totalProofs: bigint = BigInt(evidence.tree.leafCount)): number {
  const params = state.paramsAt(evidence.header.sessionHeight);
  // proof.go:228 in Go int64: the product wraps (ClaimSubmissionWindow 2^62 + 2 at BPS 4 → 8).
  const seedHeight = Number(BigInt.asIntN(64, BigInt(evidence.header.sessionHeight) + params.pocketcore.claimSubmissionWindow * params.pos.blocksPerSession));
  const seed = blockHashAt(state, seedHeight - 1);
  if (seed === undefined) throw new Error(`seed block ${seedHeight - 1} not yet produced`);
  return Number(proofIndex(seed, sessionHeaderHash(evidence.header), totalProofs));
}

export function proofTx(servicer: TestKey, evidence: SessionEvidence, index: number, options: ProofOptions = {}): Uint8Array {
  return signTx(servicer, proofMessage(evidence, index, options));
}

/** A hex string with its last digit changed: the same length, another value (a signature that no longer verifies). */
export const flipHex = (hex: string): string => hex.slice(0, -1) + (hex.endsWith('0') ? '1' : '0');

export const codeOf = (receipt: TxReceipt): string => (receipt.code === 0 ? 'ok' : `${receipt.codespace}:${receipt.code}`);
