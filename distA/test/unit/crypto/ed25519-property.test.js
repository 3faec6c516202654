/**
 * Goal: `verify` (node:crypto) and `verifyReference` (@noble point arithmetic) give the same
 * answer on every input, honest or not.
 * Method: fast-check (seed printed; FC_SEED replays) over random seeds, messages and
 * signatures: honest signatures, single-bit mutations of each part, random bytes, S + nL,
 * and honest signatures under mixed-order keys [a]B + T, whose outcome the group structure
 * predicts (valid iff the torsion order divides k).
 */
import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { GROUP_ORDER, publicKeyFromSeed, sign, verify } from '../../../src/crypto/ed25519.js';
import { honestKey, torsionPoints } from '../../helpers/ed25519-edge-cases.js';
import { bigintToBytesLe, bytesToBigintLe, challengeScalar, encodePoint, multiply, noble, verifyReference, } from '../../helpers/ed25519-reference.js';
import { fastCheckSeed } from './fc-seed.js';
const seed32 = fc.uint8Array({ minLength: 32, maxLength: 32 });
const message = fc.uint8Array({ maxLength: 300 });
const same = (publicKey, msg, signature) => {
    const fast = verify(publicKey, msg, signature);
    assert.is(fast, verifyReference(publicKey, msg, signature));
    return fast;
};
const property = suite('crypto/ed25519 verify ≡ verifyReference');
property('honest signatures verify under both', () => {
    fc.assert(fc.property(seed32, message, (keySeed, msg) => {
        assert.ok(same(publicKeyFromSeed(keySeed), msg, sign(keySeed, msg)));
    }), { seed: fastCheckSeed('honest'), numRuns: 120 });
});
property('one flipped bit anywhere (key, message, R, S) is rejected by both', () => {
    fc.assert(fc.property(seed32, message, fc.constantFrom('publicKey', 'message', 'signature'), fc.nat(), fc.nat(7), (keySeed, msg, part, at, bit) => {
        const publicKey = publicKeyFromSeed(keySeed);
        const signature = sign(keySeed, msg);
        const target = part === 'publicKey' ? publicKey.slice() : part === 'message' ? msg.slice() : signature.slice();
        if (target.byteLength === 0)
            return;
        const index = at % target.byteLength;
        target[index] = target[index] ^ (1 << bit);
        const args = part === 'publicKey' ? [target, msg, signature] : part === 'message' ? [publicKey, target, signature] : [publicKey, msg, target];
        assert.not.ok(same(...args));
    }), { seed: fastCheckSeed('bit flips'), numRuns: 200 });
});
property('random keys and signatures: same answer (top byte of S kept small so rule step 5 is reached)', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), message, fc.uint8Array({ minLength: 64, maxLength: 64 }), fc.boolean(), (publicKey, msg, signature, clampS) => {
        const sig = signature.slice();
        if (clampS)
            sig[63] = sig[63] & 0x0f;
        same(publicKey, msg, sig);
    }), { seed: fastCheckSeed('random bytes'), numRuns: 200 });
});
property('S + nL (1 ≤ n ≤ 15) is rejected by both', () => {
    fc.assert(fc.property(seed32, message, fc.integer({ min: 1, max: 15 }), (keySeed, msg, n) => {
        const signature = sign(keySeed, msg);
        const s = bytesToBigintLe(signature.subarray(32)) + BigInt(n) * GROUP_ORDER;
        const mutated = signature.slice();
        mutated.set(bigintToBytesLe(s), 32);
        assert.not.ok(same(publicKeyFromSeed(keySeed), msg, mutated));
    }), { seed: fastCheckSeed('S + nL'), numRuns: 60 });
});
property('mixed-order keys [a]B + T: valid iff order(T) divides k, under both', () => {
    const torsion = torsionPoints();
    fc.assert(fc.property(fc.integer({ min: 1, max: 255 }), fc.integer({ min: 0, max: 7 }), message, fc.bigInt({ min: 1n, max: GROUP_ORDER - 1n }), (seedByte, t, msg, r) => {
        const key = honestKey(seedByte);
        const torsionPoint = torsion[t];
        assert.ok(torsionPoint !== undefined);
        const publicKey = encodePoint(key.point.add(torsionPoint.point));
        const rBytes = encodePoint(multiply(noble.Point.BASE, r));
        const k = challengeScalar(rBytes, publicKey, msg);
        const s = (r + k * key.scalar) % GROUP_ORDER;
        const signature = noble.etc.concatBytes(rBytes, bigintToBytesLe(s));
        assert.is(same(publicKey, msg, signature), k % BigInt(torsionPoint.order) === 0n);
    }), { seed: fastCheckSeed('mixed order'), numRuns: 80 });
});
property.run();
//# sourceMappingURL=ed25519-property.test.js.map