import { BLOCK_INTERVAL_NS, signTx, TEST_CHAIN_ID, testKey } from './chain.js';
/** The context for the next block of `spec.state` (15 minutes after the last one). */
export function testSimContext(spec) {
    const meta = spec.state.chain.meta.get('meta');
    const height = meta.height + 1;
    const { prng } = spec;
    return {
        prng,
        state: spec.state,
        height,
        timeNs: meta.lastBlockTimeNs + BLOCK_INTERVAL_NS,
        chainId: TEST_CHAIN_ID,
        keys: new Map(spec.keys.map((key) => [key.address, key])),
        keyList: spec.keys,
        validatorKeys: spec.validatorKeys,
        appKeys: spec.appKeys ?? [],
        profile: 'dev',
        txsPerBlock: spec.txsPerBlock,
        previousBlockTxs: spec.previousBlockTxs,
        newKey: (label) => testKey(spec.freshKeyName(height, label)),
        sign: (key, msg, options = {}) => signTx(key, msg, { feeUpokt: options.feeUpokt ?? 10000n, entropy: BigInt(prng.int(2 ** 31)) + 1n }),
    };
}
//# sourceMappingURL=sim-context.js.map