/**
 * Staking test helpers: wire-message builders for every staking message, test chains with
 * applications in genesis, and small receipt helpers. Everything goes through the real
 * producer, ante handler and reducer (test/helpers/chain.ts).
 */
import * as assert from 'uvu/assert';
import { importGenesis } from '../../src/genesis/import.js';
import { parseGenesis } from '../../src/genesis/parse.js';
import { checkInvariants } from '../../src/sim/invariants.js';
import { produce, signTx, testGenesisJson } from './chain.js';
const addressOf = (k) => (typeof k === 'string' ? k : k.address);
export const NODE_URL = 'https://node.example.com:443';
export function stakeNodeMsg(operator, options) {
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
export function beginUnstakeNodeMsg(validator, signer) {
    return { kind: 'BeginUnstakeNode', validatorAddress: addressOf(validator), signerAddress: addressOf(signer) };
}
export function stakeAppMsg(app, value, chains = ['0001']) {
    return { kind: 'StakeApp', publicKey: app.publicKey, chains, value: value.toString() };
}
/** The app-transfer form: value 0, no chains, the NEW owner's key (signed by the current app). */
export function transferAppMsg(to) {
    return { kind: 'StakeApp', publicKey: to.publicKey, chains: [], value: '0' };
}
export function beginUnstakeAppMsg(app) {
    return { kind: 'BeginUnstakeApp', applicationAddress: addressOf(app) };
}
export function unjailAppMsg(app) {
    return { kind: 'UnjailApp', applicationAddress: addressOf(app) };
}
/** A test chain like startChain, plus genesis applications and validator output addresses. */
export function startStakingChain(spec) {
    const parsed = parseGenesis(stakingGenesisJson(spec));
    if (!parsed.ok)
        throw new Error(`test genesis invalid: ${JSON.stringify(parsed.error)}`);
    return importGenesis(parsed.value);
}
/** The genesis JSON text of startStakingChain (for data-directory tests). */
export function stakingGenesisJson(spec) {
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
        if (output !== undefined)
            validator.output_address = output ?? '';
    }
    return JSON.stringify(genesis);
}
export const codeOf = (receipt) => (receipt.code === 0 ? 'ok' : `${receipt.codespace}:${receipt.code}`);
/** Deliver one signed message in its own block; return its receipt. Invariants must hold after. */
export function deliver(state, signer, msg, options = {}) {
    const result = produce(state, [signTx(signer, msg, options)]);
    assert.equal(checkInvariants(state), [], 'invariants after the block');
    assert.is(result.receipts.length, 1);
    return result.receipts[0];
}
/**
 * Assert the receipt's code and, for a failure, that it changed nothing but its fee: exactly the
 * fee event when a fee was charged (the ante handler passed), no event at all when none was
 * (ValidateBasic or the ante handler refused). The two pocket-core side effects a failure keeps
 * (pos:105 unjail below the minimum, pocketcore:86) are named in `sideEffects`.
 */
export function expectCode(receipt, expected, sideEffects = []) {
    assert.is(codeOf(receipt), expected, receipt.log);
    if (expected === 'ok')
        return;
    const feeEvents = receipt.feeUpokt > 0n ? ['FeeDeducted'] : [];
    assert.equal(receipt.events.map((e) => e.type), [...feeEvents, ...sideEffects], receipt.feeUpokt > 0n ? 'a rejected message changes nothing but the fee' : 'a tx refused before its fee changes nothing');
}
export function eventsOf(events, type) {
    return events.filter((e) => e.type === type);
}
/** All end-block events of a block, flattened, in order. */
export function endBlockEvents(result) {
    return result.endBlock.flatMap((step) => step.events);
}
/** Produce empty blocks until the chain's height is `height` (inclusive); return each result. */
export function produceTo(state, height) {
    const results = [];
    for (;;) {
        const meta = state.chain.meta.get('meta');
        if (meta.height >= height)
            return results;
        results.push(produce(state));
        assert.equal(checkInvariants(state), [], `invariants after block ${meta.height + 1}`);
    }
}
export function heightOf(state) {
    return state.chain.meta.get('meta').height;
}
//# sourceMappingURL=staking.js.map