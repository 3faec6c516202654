/**
 * The audit's own claim and proof machinery (src/audit/independent/: merkle.ts, relay-proof.ts,
 * sessions.ts, app-relays.ts) against independent sources: PROTOCOL TV-19 (AAT hash, leaf
 * uppers, root range — derived from pocket-core's merkle.go/aat.go algorithms), TV-8
 * (x/apps/keeper/application_test.go:46-131), and the ledger's own second implementation
 * (modules/pocketcore: tree builder, session walk, proof index) on random inputs. The chain-level
 * proof that the rules agree with the ledger is test/unit/audit/audit.test.ts.
 */
import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { bytesToHex } from '../../../src/core/hex.js';
import { sign } from '../../../src/crypto/ed25519.js';
import { blake2b256, sha3_256 } from '../../../src/crypto/hash.js';
import { appMaxRelays, maxPossibleRelays } from '../../../src/audit/independent/app-relays.js';
import { Ed25519Verifier } from '../../../src/audit/independent/ed25519.js';
import { levelsFor, verifyMsiProof } from '../../../src/audit/independent/merkle.js';
import { ParamTracker } from '../../../src/audit/independent/params.js';
import { proofIndex as auditProofIndex } from '../../../src/audit/independent/proofs.js';
import { aatHashOf, checkLeafSignatures, leafBytesOf } from '../../../src/audit/independent/relay-proof.js';
import { selectNodes, sessionHeaderHash } from '../../../src/audit/independent/sessions.js';
import { buildMsiTree, msiProof } from '../../../src/modules/pocketcore/msi-tree.js';
import { selectSessionNodes, sessionHeaderHash as ledgerHeaderHash, sessionKey } from '../../../src/modules/pocketcore/session.js';
import { proofIndex } from '../../../src/modules/pocketcore/proof-index.js';
import { testKey } from '../../helpers/chain.js';
const test = suite('audit: claims and proofs, independent parts');
// PROTOCOL TV-19.
const TV19_AAT = { version: '0.0.1', appPublicKey: 'a'.repeat(64), clientPublicKey: 'b'.repeat(64), signature: '' };
const TV19_ENTROPIES = [3238283n, 34939492n, 12383n, 96384n, 96384812n];
const TV19_UPPERS = [6545391238059275583n, 9114203630401574453n, 13038566724797691943n, 13727533818014672508n, 14757274644365627408n];
const TV19_ROOT_UPPER = 14757274644365627411n;
function tv19Leaf(entropy) {
    return { requestHash: 'd'.repeat(64), entropy, sessionBlockHeight: 1n, servicerPublicKey: 'c'.repeat(64), blockchain: '0001', aat: TV19_AAT, signature: '' };
}
const le64 = (hash) => new DataView(hash.buffer, hash.byteOffset, 8).getBigUint64(0, true);
test('TV-19: the AAT hash, the leaf bytes and the five leaf uppers', () => {
    const aatHash = aatHashOf(TV19_AAT);
    assert.is(bytesToHex(aatHash), '45fded723291efdb76a84c161a2cab51a19afc3741b4ebab205a568629ff2d1f');
    const first = Buffer.from(leafBytesOf(tv19Leaf(TV19_ENTROPIES[0]), aatHash)).toString('utf8');
    assert.is(first, `{"entropy":3238283,"session_block_height":1,"servicer_pub_key":"${'c'.repeat(64)}","blockchain":"0001","signature":"","token":"45fded723291efdb76a84c161a2cab51a19afc3741b4ebab205a568629ff2d1f","request_hash":"${'d'.repeat(64)}"}`);
    const uppers = TV19_ENTROPIES.map((e) => le64(blake2b256(leafBytesOf(tv19Leaf(e), aatHash)))).sort((a, b) => (a < b ? -1 : 1));
    assert.equal(uppers, TV19_UPPERS);
});
test('TV-19 tree (built by the ledger): every leaf proof verifies with the audit walk; a broken path is invalid or a replay attack as merkle.go says', () => {
    const aatHash = aatHashOf(TV19_AAT);
    const leaves = TV19_ENTROPIES.map((e) => leafBytesOf(tv19Leaf(e), aatHash));
    const tree = buildMsiTree(leaves);
    assert.is(tree.root.lower, 0n);
    assert.is(tree.root.upper, TV19_ROOT_UPPER);
    assert.is(levelsFor(5n), 3);
    for (let position = 0; position < 5; position++) {
        const proof = msiProof(tree, position);
        const bytes = leaves.find((l) => bytesToHex(blake2b256(l)) === bytesToHex(proof.target.hash));
        assert.ok(bytes !== undefined, `no leaf at sorted position ${position}`);
        const verdict = (index, target, siblings, root = tree.root, leafBytes = bytes) => verifyMsiProof(root, leafBytes, index, target, siblings, 3);
        assert.equal(verdict(BigInt(position), proof.target, proof.siblings), { valid: true, replayAttack: false });
        // Another leaf's bytes: not this target's hash → invalid, not a replay attack.
        const other = leaves.find((l) => l !== bytes);
        assert.equal(verdict(BigInt(position), proof.target, proof.siblings, tree.root, other), { valid: false, replayAttack: false });
        // A sibling's hash changed: the ranges still chain, the root differs → replay attack.
        const forged = proof.siblings.map((s, i) => (i === 1 ? { ...s, hash: sha3_256(s.hash) } : s));
        assert.equal(verdict(BigInt(position), proof.target, forged), { valid: false, replayAttack: true });
        // A sibling with an empty range → replay attack; the index of the neighbour → ranges do not chain.
        assert.equal(verdict(BigInt(position), proof.target, proof.siblings.map((s, i) => (i === 0 ? { ...s, upper: s.lower } : s))), { valid: false, replayAttack: true });
        assert.equal(verdict(BigInt(position ^ 1), proof.target, proof.siblings), { valid: false, replayAttack: false });
        // A root whose lower is not 0 is refused before anything else.
        assert.equal(verdict(BigInt(position), proof.target, proof.siblings, { ...tree.root, lower: 1n }), { valid: false, replayAttack: false });
    }
});
test('relay-proof signatures: both valid → none; the AAT signed by another key → pocketcore:4; the leaf signed by another key or altered after signing → pocketcore:41', () => {
    const app = testKey('audit-proof-app');
    const client = testKey('audit-proof-client');
    const stranger = testKey('audit-proof-stranger');
    const unsignedAat = { version: '0.0.1', appPublicKey: app.publicKey, clientPublicKey: client.publicKey, signature: '' };
    const aat = { ...unsignedAat, signature: bytesToHex(sign(app.seed, aatHashOf(unsignedAat))) };
    const unsigned = { requestHash: 'e'.repeat(64), entropy: 7n, sessionBlockHeight: 5n, servicerPublicKey: stranger.publicKey, blockchain: '0001', aat, signature: '' };
    const signWith = (seed, proof) => bytesToHex(sign(seed, sha3_256(leafBytesOf(proof, aatHashOf(proof.aat)))));
    const proof = { ...unsigned, signature: signWith(client.seed, unsigned) };
    const ed = new Ed25519Verifier();
    assert.is(checkLeafSignatures(proof, ed).code, undefined);
    const badAat = { ...aat, signature: bytesToHex(sign(stranger.seed, aatHashOf(unsignedAat))) };
    assert.is(checkLeafSignatures({ ...proof, aat: badAat }, ed).code, 'pocketcore:4');
    assert.is(checkLeafSignatures({ ...proof, signature: signWith(stranger.seed, unsigned) }, ed).code, 'pocketcore:41');
    assert.is(checkLeafSignatures({ ...proof, entropy: 8n }, ed).code, 'pocketcore:41');
});
test('session walk and header hash agree with the ledger\'s (modules/pocketcore/session.ts) on random indexes, end states and seeds', () => {
    const address = fc.uint8Array({ minLength: 20, maxLength: 20 }).map((b) => bytesToHex(b));
    const chains = fc.subarray(['0001', '0002', '0003'], { minLength: 0 });
    fc.assert(fc.property(fc.uniqueArray(address, { minLength: 1, maxLength: 30 }), fc.array(fc.record({ jailed: fc.boolean(), gone: fc.boolean(), chains }), { minLength: 30, maxLength: 30 }), fc.integer({ min: 1, max: 8 }), fc.bigInt({ min: 1n, max: 3n }), fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ minLength: 32, maxLength: 32 }), (addresses, ends, count, maxChains, appKey, blockHash) => {
        const candidates = [...addresses].sort();
        const atEnd = new Map(candidates.flatMap((a, i) => (ends[i].gone ? [] : [[a, { jailed: ends[i].jailed, chains: ends[i].chains }]])));
        const appPublicKey = bytesToHex(appKey);
        const blockHashHex = bytesToHex(blockHash);
        const mine = selectNodes({ appPublicKey, chain: '0001', blockHashHex, candidates, count, nodeMaxChains: maxChains, atEnd });
        const ledger = selectSessionNodes({
            chain: '0001',
            key: sessionKey(appPublicKey, '0001', blockHashHex),
            candidates: candidates,
            count,
            maxChains,
            lookup: (a) => (atEnd.has(a) ? { jailed: atEnd.get(a).jailed, chains: atEnd.get(a).chains } : undefined),
        });
        assert.equal(mine, ledger.ok ? ledger.value.nodes : `pocketcore:${ledger.error.code}`);
        assert.is(sessionHeaderHash(appPublicKey, '0001', count), ledgerHeaderHash({ appPublicKey: appPublicKey, chain: '0001', sessionHeight: count }));
    }), { numRuns: 300 });
});
test('TV-8: MaxRelays and the per-node allowance', () => {
    const params = (base) => new ParamTracker(new Map([['application/BaseRelaysPerPOKT', base], ['application/StabilityAdjustment', 0n], ['application/ParticipationRateOn', false]]));
    assert.is(appMaxRelays(params(100n), 100000000000n), 100000n);
    assert.is(maxPossibleRelays(100000n, 1, 1), 100000n);
    assert.is(appMaxRelays(params(200000n), 2228350000000n), 4456700000n);
    assert.is(maxPossibleRelays(4456700000n, 1, 24), 185695833n);
    assert.is(appMaxRelays(params(200000n), 1000000000n), 2000000n);
    assert.is(maxPossibleRelays(2000000n, 3, 24), 27778n);
});
test('the proof index agrees with the ledger\'s (modules/pocketcore/proof-index.ts) on random seeds', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.bigInt({ min: 5n, max: 1n << 40n }), (block, header, total) => {
        assert.is(auditProofIndex(bytesToHex(block), bytesToHex(header), total), proofIndex(bytesToHex(block), bytesToHex(header), total));
    }), { numRuns: 200 });
});
test.run();
//# sourceMappingURL=claims-proofs.test.js.map