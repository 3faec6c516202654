/**
 * When a replayed block's state root differs from the one in the log: which entries differ.
 * The record carries the producer's write-set digest (8 bytes of key hash + 8 bytes of leaf
 * hash per written entry, chain/record.ts); the replay knows its own write set with full entry
 * keys. Entries the replay wrote differently (or the producer did not write) are named by key;
 * entries only the producer wrote can only be named by their key digest.
 */
import { bytesToHex } from '../core/hex.js';
import { entryKeyDigest, unpackWriteSet } from '../chain/record.js';
const DELETED = '0'.repeat(16);
const describe = (leaf) => (leaf === undefined ? 'absent' : leaf === DELETED ? 'deleted' : leaf);
export function diffWriteSets(recorded, replayed) {
    const expected = unpackWriteSet(recorded);
    const actual = new Map();
    for (const write of replayed) {
        actual.set(entryKeyDigest(write.entryKey), { entryKey: write.entryKey, leaf: write.leaf === undefined ? DELETED : bytesToHex(write.leaf.subarray(0, 8)) });
    }
    const differing = [];
    for (const [digest, mine] of actual) {
        const theirs = expected.get(digest);
        if (theirs !== mine.leaf)
            differing.push({ entryKey: mine.entryKey, keyDigest: digest, expected: describe(theirs), actual: describe(mine.leaf) });
    }
    for (const [digest, theirs] of expected) {
        if (!actual.has(digest))
            differing.push({ entryKey: undefined, keyDigest: digest, expected: describe(theirs), actual: 'absent' });
    }
    return differing.sort((a, b) => (a.keyDigest < b.keyDigest ? -1 : 1));
}
//# sourceMappingURL=divergence.js.map