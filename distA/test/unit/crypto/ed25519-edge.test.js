/**
 * Goal: `verify` (node:crypto) implements the acceptance rule of src/crypto/ed25519.ts on every
 * adversarial input, and so do `verifyReference` and Go's crypto/ed25519 (pocket-core).
 * Method: the deterministic battery of test/helpers/ed25519-edge-cases.ts — non-canonical S,
 * S with high bits, wrong lengths, every torsion point as A and as R in every encoding,
 * mixed-order keys, non-canonical y — each case carrying the outcome derived from the group
 * structure. Go's verdicts on the same bytes come from go-oracle/verdicts.json (produced by
 * go-oracle/main.go, never edited by hand). @noble/ed25519's own verify is shown to differ
 * on the documented adversarial cases.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { bytesToHex } from '../../../src/core/hex.js';
import { verify, verifyUncached } from '../../../src/crypto/ed25519.js';
import { buildEdgeCases, checkAcceptanceRule, torsionPoints } from '../../helpers/ed25519-edge-cases.js';
import { noble, verifyReference } from '../../helpers/ed25519-reference.js';
import { repoRoot } from '../../helpers/paths.js';
const cases = buildEdgeCases();
const byPrefix = (prefix) => cases.filter((c) => c.name.startsWith(prefix));
function checkGroup(name, group) {
    const test = suite(`crypto/ed25519 edge cases: ${name}`);
    test(`the battery has cases for it`, () => {
        assert.ok(group.length > 0);
    });
    for (const c of group) {
        test(`${c.name} → ${c.expected ? 'valid' : 'invalid'}`, () => {
            assert.is(verify(c.publicKey, c.message, c.signature), c.expected, 'verify (node:crypto, cached key)');
            assert.is(verifyUncached(c.publicKey, c.message, c.signature), c.expected, 'verifyUncached');
            assert.is(verifyReference(c.publicKey, c.message, c.signature), c.expected, 'verifyReference');
        });
    }
    test.run();
}
checkGroup('honest signatures and messages', byPrefix('valid signature'));
checkGroup('non-canonical S', byPrefix('non-canonical scalar'));
checkGroup('wrong lengths', [...byPrefix('public key of'), ...byPrefix('signature of')]);
checkGroup('R tampering and off-curve A', [...byPrefix('R with'), ...byPrefix('public key y = 2 (')]);
checkGroup('small-order A', byPrefix('small-order A'));
checkGroup('small-order R', byPrefix('small-order R'));
checkGroup('mixed-order A', byPrefix('mixed-order A'));
checkGroup('non-canonical y ≥ p for large-order A', byPrefix('public key y = ').filter((c) => c.name.includes('+ p')));
const battery = suite('crypto/ed25519 edge-case battery');
battery('every case is in exactly one group above', () => {
    const grouped = new Set();
    const prefixes = ['valid signature', 'non-canonical scalar', 'public key of', 'signature of', 'R with', 'public key y = ', 'small-order A', 'small-order R', 'mixed-order A'];
    for (const c of cases)
        if (prefixes.some((p) => c.name.startsWith(p)))
            grouped.add(c.name);
    assert.is(grouped.size, cases.length);
    assert.is(new Set(cases.map((c) => c.name)).size, cases.length, 'case names are unique');
});
battery('the torsion subgroup has 8 distinct points of orders 1, 2, 4, 4, 8, 8, 8, 8', () => {
    const points = torsionPoints();
    assert.equal(points.map((t) => t.order).sort((a, b) => a - b), [1, 2, 4, 4, 8, 8, 8, 8]);
    assert.is(new Set(points.map((t) => bytesToHex(t.encodings[0]?.[1] ?? new Uint8Array()))).size, 8);
    // Non-canonical encodings exist exactly for y ∈ {0, 1} (y + p < 2^255) and for x = 0 (identity, order 2).
    const nonCanonical = points.reduce((n, t) => n + t.encodings.length - 1, 0);
    assert.is(nonCanonical, 3 /* identity */ + 1 /* order 2 */ + 2 /* two order-4 points with y = 0 */);
});
battery('checkAcceptanceRule finds no mismatch with the OpenSSL this process is linked against', () => {
    assert.equal(checkAcceptanceRule(cases), []);
});
battery('Go crypto/ed25519 gives the same verdict on the same bytes (go-oracle/verdicts.json)', () => {
    const verdicts = JSON.parse(readFileSync(join(repoRoot(), 'test', 'unit', 'crypto', 'go-oracle', 'verdicts.json'), 'utf8'));
    assert.is(verdicts.cases.length, cases.length, 'verdicts.json covers the whole battery (regenerate it if the battery changed)');
    let panics = 0;
    for (const [i, c] of cases.entries()) {
        const v = verdicts.cases[i];
        assert.ok(v !== undefined);
        assert.is(v.name, c.name);
        const digest = createHash('sha256')
            .update(`${bytesToHex(c.publicKey)}|${bytesToHex(c.message)}|${bytesToHex(c.signature)}`)
            .digest('hex');
        assert.is(v.input_sha256, digest, `${c.name}: same bytes as Go saw`);
        if (v.verdict === 'panic') {
            // Go panics on a public key that is not 32 bytes; pocket-core's keys are [32]byte.
            assert.is.not(c.publicKey.byteLength, 32, c.name);
            assert.is(c.expected, false, c.name);
            panics++;
            continue;
        }
        assert.is(String(c.expected), v.verdict, `${c.name}: rule vs Go ${verdicts.go}`);
    }
    assert.is(panics, 4);
});
const nobleDiff = suite('crypto/ed25519 documented differences of @noble/ed25519 verify');
const first = (prefix, expected) => {
    const found = cases.find((c) => c.name.startsWith(prefix) && c.expected === expected);
    if (found === undefined)
        throw new Error(`no case ${prefix}`);
    return found;
};
const nobleVerify = (c, zip215) => {
    try {
        return noble.verify(c.signature, c.message, c.publicKey, { zip215 });
    }
    catch {
        return false;
    }
};
nobleDiff('small-order A that the rule accepts: noble zip215:false rejects it (strongly-binding check)', () => {
    const c = first('small-order A (order 1', true);
    assert.ok(verify(c.publicKey, c.message, c.signature));
    assert.not.ok(nobleVerify(c, false));
    assert.ok(nobleVerify(c, true));
});
nobleDiff('cofactored-only signatures (mixed-order A, k not a multiple of the torsion order): noble accepts, the rule rejects', () => {
    const c = first('mixed-order A (torsion order 8', false);
    assert.not.ok(verify(c.publicKey, c.message, c.signature));
    assert.ok(nobleVerify(c, true));
    assert.ok(nobleVerify(c, false));
});
nobleDiff('small-order R of order 8 with S = k·a: noble accepts (cofactored), the rule rejects', () => {
    const c = first('small-order R (order 8', false);
    assert.not.ok(verify(c.publicKey, c.message, c.signature));
    assert.ok(nobleVerify(c, true));
});
nobleDiff('honest signatures: everyone agrees', () => {
    const c = first('valid signature', true);
    assert.ok(nobleVerify(c, true));
    assert.ok(nobleVerify(c, false));
});
battery.run();
nobleDiff.run();
//# sourceMappingURL=ed25519-edge.test.js.map