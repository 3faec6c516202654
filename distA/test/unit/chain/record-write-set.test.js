/**
 * Goal: the producer's fast write-set packing (latin1 digests, record.ts packWriteSetLatin1)
 * writes exactly the bytes of the reference packing (packWriteSet over Uint8Array leaves), and a
 * block built from precomputed tx hashes has the same tx root as one built from the raw txs.
 * Method: seeded random write sets (keys of the ledger's shapes, leaves and deletions) packed
 * both ways; the store's own last write set read both ways after a real block; tx roots of
 * random tx lists both ways. Seed printed.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { bytesToHex } from '../../../src/core/hex.js';
import { Prng } from '../../../src/core/prng.js';
import { txRoot, txRootFromHexHashes } from '../../../src/chain/block.js';
import { packWriteSet, packWriteSetLatin1 } from '../../../src/chain/record.js';
import { hashTxBytes } from '../../../src/chain/prepare.js';
import { leafDigest } from '../../../src/state/commitment.js';
import { produce, sendMsg, signTx, startChain, testKey } from '../../helpers/chain.js';
const SEED = Number(process.env['POKT_WRITE_SET_SEED'] ?? 31337);
console.log(`record-write-set.test seed=${SEED}`);
const packing = suite('chain: write-set packing and tx roots, fast paths');
packing('packWriteSetLatin1 = packWriteSet on random write sets', () => {
    const prng = new Prng(SEED);
    for (let round = 0; round < 50; round++) {
        const entryKeys = Array.from({ length: prng.int(200) }, (_, i) => `auth/accounts/${bytesToHex(prng.bytes(20))}${i}`);
        const leaves = entryKeys.map((key) => (prng.chance(0.1) ? undefined : leafDigest(key, String(prng.int(1_000_000)))));
        const reference = packWriteSet(entryKeys.map((entryKey, i) => ({ entryKey, leaf: leaves[i] === undefined ? undefined : new Uint8Array(Buffer.from(leaves[i], 'latin1')) })));
        assert.equal(bytesToHex(packWriteSetLatin1({ entryKeys, leaves })), bytesToHex(reference), `round ${round}`);
    }
});
packing('the store’s last write set packs the same both ways after a real block', () => {
    const alice = testKey('alice');
    const state = startChain({ accounts: [{ key: alice, balanceUpokt: 1000000000n }], validators: [{ key: testKey('validator-1'), tokensUpokt: 100000000000n }] });
    state.store.recordWriteSets = true;
    produce(state, [signTx(alice, sendMsg(alice, testKey('bob'), 5n)), signTx(alice, sendMsg(alice, testKey('carol'), 7n))]);
    assert.ok(state.store.lastWriteSet().length >= 4);
    assert.equal(bytesToHex(packWriteSetLatin1(state.store.lastWriteSetLatin1())), bytesToHex(packWriteSet(state.store.lastWriteSet())));
});
packing('tx root from precomputed hex hashes = tx root of the raw txs', () => {
    const prng = new Prng(SEED + 1);
    for (const count of [0, 1, 2, 3, 5, 8, 13, 100]) {
        const txs = Array.from({ length: count }, () => prng.bytes(1 + prng.int(300)));
        assert.is(txRootFromHexHashes(txs.map(hashTxBytes)), txRoot(txs), `n = ${count}`);
    }
});
packing.run();
//# sourceMappingURL=record-write-set.test.js.map