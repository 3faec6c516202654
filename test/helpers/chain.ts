/**
 * Test chains: deterministic keys, small genesis files built from the pocket-core e2e localnet
 * template, signed txs, and "produce the next block" — all through the real genesis importer,
 * producer and reducer.
 */
import { readFileSync } from 'node:fs';
import { bytesToHex } from '../../src/core/hex.js';
import type { Address, PublicKeyHex } from '../../src/core/types.js';
import { addressFromPublicKey } from '../../src/crypto/address.js';
import { publicKeyFromSeed } from '../../src/crypto/ed25519.js';
import { sha256 } from '../../src/crypto/hash.js';
import { applyBlock, type BlockResult } from '../../src/chain/apply-block.js';
import type { Block } from '../../src/chain/block.js';
import { CHAIN_META_KEY } from '../../src/state/chain-tables.js';
import type { LedgerState } from '../../src/chain/ledger-state.js';
import { buildBlock, type BlockPlan } from '../../src/chain/producer.js';
import { importGenesis } from '../../src/genesis/import.js';
import { parseGenesis } from '../../src/genesis/parse.js';
import { buildAndSignTx, type WireMessage } from '../../src/wire/index.js';
import { fixturePath } from './paths.js';

export interface TestKey {
  readonly seed: Uint8Array;
  readonly publicKey: PublicKeyHex;
  readonly address: Address;
}

/** A key derived from a label: the same label gives the same key in every run. */
export function testKey(label: string | number): TestKey {
  const seed = sha256(`pokt-ledger test key ${label}`);
  const publicKey = publicKeyFromSeed(seed);
  return { seed, publicKey: bytesToHex(publicKey) as PublicKeyHex, address: addressFromPublicKey(publicKey) };
}

export interface TestChainSpec {
  readonly chainId?: string;
  readonly accounts?: ReadonlyArray<{ readonly key: TestKey; readonly balanceUpokt: bigint }>;
  readonly validators?: ReadonlyArray<{ readonly key: TestKey; readonly tokensUpokt: bigint; readonly jailed?: boolean; readonly chains?: readonly string[] }>;
  /** Overrides of module params by JSON name, e.g. { pos: { dao_allocation: '10' } }. */
  readonly params?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly genesisTime?: string;
  /** consensus_params.block.max_bytes (Tendermint's block size limit; the template's is "4000000"). */
  readonly consensusMaxBytes?: string;
}

export const TEST_CHAIN_ID = 'pokt-ledger-test';

/** Genesis JSON text: the e2e localnet template with the given accounts, validators and params. */
export function testGenesisJson(spec: TestChainSpec): string {
  const genesis = JSON.parse(readFileSync(fixturePath('e2e-single-node-genesis.json'), 'utf8'));
  genesis.chain_id = spec.chainId ?? TEST_CHAIN_ID;
  if (spec.genesisTime !== undefined) genesis.genesis_time = spec.genesisTime;
  if (spec.consensusMaxBytes !== undefined) genesis.consensus_params.block.max_bytes = spec.consensusMaxBytes;
  genesis.app_state.auth.accounts = (spec.accounts ?? []).map(({ key, balanceUpokt }) => ({
    type: 'posmint/Account',
    value: { address: key.address, coins: [{ denom: 'upokt', amount: balanceUpokt.toString() }], public_key: { type: 'crypto/ed25519_public_key', value: key.publicKey } },
  }));
  genesis.app_state.pos.validators = (spec.validators ?? []).map(({ key, tokensUpokt, jailed, chains }) => ({
    address: key.address,
    public_key: key.publicKey,
    jailed: jailed ?? false,
    status: 2,
    tokens: tokensUpokt.toString(),
    service_url: 'https://node.example.com:443',
    chains: chains ?? ['0001'],
    unstaking_time: '0001-01-01T00:00:00Z',
  }));
  genesis.app_state.application.applications = [];
  genesis.app_state.auth.params.fee_multipliers = { fee_multiplier: [], default: '1' };
  for (const [module, overrides] of Object.entries(spec.params ?? {})) Object.assign(genesis.app_state[module].params, overrides);
  return JSON.stringify(genesis);
}

export function startChain(spec: TestChainSpec): LedgerState {
  const parsed = parseGenesis(testGenesisJson(spec));
  if (!parsed.ok) throw new Error(`test genesis invalid: ${JSON.stringify(parsed.error)}`);
  return importGenesis(parsed.value);
}

export interface SignOptions {
  readonly chainId?: string;
  readonly feeUpokt?: bigint;
  readonly memo?: string;
  readonly entropy?: bigint;
}

let entropyCounter = 1n;

export function signTx(key: TestKey, msg: WireMessage, options: SignOptions = {}): Uint8Array {
  return buildAndSignTx({
    chainId: options.chainId ?? TEST_CHAIN_ID,
    msg,
    feeUpokt: options.feeUpokt ?? 10_000n,
    memo: options.memo ?? '',
    entropy: options.entropy ?? entropyCounter++,
    seed: key.seed,
  }).bytes;
}

export function sendMsg(from: TestKey | Address, to: TestKey | Address, amountUpokt: bigint | string): WireMessage {
  const address = (k: TestKey | Address): string => (typeof k === 'string' ? k : k.address);
  return { kind: 'Send', fromAddress: address(from), toAddress: address(to), amount: amountUpokt.toString() };
}

export const BLOCK_INTERVAL_NS = 15n * 60n * 1_000_000_000n;

/** Build the next block (15 minutes after the last) with these txs and apply it. */
export function produce(state: LedgerState, txs: readonly Uint8Array[] = [], plan: Partial<BlockPlan> = {}): BlockResult {
  return produceBlock(state, txs, plan).result;
}

/** As produce, with the block built (its header: the last commit, the evidence). */
export function produceBlock(state: LedgerState, txs: readonly Uint8Array[] = [], plan: Partial<BlockPlan> = {}): { block: Block; result: BlockResult } {
  const meta = state.chain.meta.get(CHAIN_META_KEY)!;
  const block = buildBlock(state, { timeNs: meta.lastBlockTimeNs + BLOCK_INTERVAL_NS, txs, ...plan });
  return { block, result: applyBlock(state, block) };
}
