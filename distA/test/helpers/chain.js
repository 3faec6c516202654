/**
 * Test chains: deterministic keys, small genesis files built from the pocket-core e2e localnet
 * template, signed txs, and "produce the next block" — all through the real genesis importer,
 * producer and reducer.
 */
import { readFileSync } from 'node:fs';
import { bytesToHex } from '../../src/core/hex.js';
import { addressFromPublicKey } from '../../src/crypto/address.js';
import { publicKeyFromSeed } from '../../src/crypto/ed25519.js';
import { sha256 } from '../../src/crypto/hash.js';
import { applyBlock } from '../../src/chain/apply-block.js';
import { CHAIN_META_KEY } from '../../src/state/chain-tables.js';
import { buildBlock } from '../../src/chain/producer.js';
import { importGenesis } from '../../src/genesis/import.js';
import { parseGenesis } from '../../src/genesis/parse.js';
import { buildAndSignTx } from '../../src/wire/index.js';
import { fixturePath } from './paths.js';
/** A key derived from a label: the same label gives the same key in every run. */
export function testKey(label) {
    const seed = sha256(`pokt-ledger test key ${label}`);
    const publicKey = publicKeyFromSeed(seed);
    return { seed, publicKey: bytesToHex(publicKey), address: addressFromPublicKey(publicKey) };
}
export const TEST_CHAIN_ID = 'pokt-ledger-test';
/** Genesis JSON text: the e2e localnet template with the given accounts, validators and params. */
export function testGenesisJson(spec) {
    const genesis = JSON.parse(readFileSync(fixturePath('e2e-single-node-genesis.json'), 'utf8'));
    genesis.chain_id = spec.chainId ?? TEST_CHAIN_ID;
    if (spec.genesisTime !== undefined)
        genesis.genesis_time = spec.genesisTime;
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
    for (const [module, overrides] of Object.entries(spec.params ?? {}))
        Object.assign(genesis.app_state[module].params, overrides);
    return JSON.stringify(genesis);
}
export function startChain(spec) {
    const parsed = parseGenesis(testGenesisJson(spec));
    if (!parsed.ok)
        throw new Error(`test genesis invalid: ${JSON.stringify(parsed.error)}`);
    return importGenesis(parsed.value);
}
let entropyCounter = 1n;
export function signTx(key, msg, options = {}) {
    return buildAndSignTx({
        chainId: options.chainId ?? TEST_CHAIN_ID,
        msg,
        feeUpokt: options.feeUpokt ?? 10000n,
        memo: options.memo ?? '',
        entropy: options.entropy ?? entropyCounter++,
        seed: key.seed,
    }).bytes;
}
export function sendMsg(from, to, amountUpokt) {
    const address = (k) => (typeof k === 'string' ? k : k.address);
    return { kind: 'Send', fromAddress: address(from), toAddress: address(to), amount: amountUpokt.toString() };
}
export const BLOCK_INTERVAL_NS = 15n * 60n * 1000000000n;
/** Build the next block (15 minutes after the last) with these txs and apply it. */
export function produce(state, txs = [], plan = {}) {
    const meta = state.chain.meta.get(CHAIN_META_KEY);
    const block = buildBlock(state, { timeNs: meta.lastBlockTimeNs + BLOCK_INTERVAL_NS, txs, ...plan });
    return applyBlock(state, block);
}
//# sourceMappingURL=chain.js.map