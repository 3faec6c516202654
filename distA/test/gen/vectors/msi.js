/**
 * Golden vectors for relay evidence: test/vectors/msi.json.
 *
 * Kinds (input.kind):
 *   tree         relay-proof leaves (a template + entropies; leaf i = RelayProof.Bytes with
 *                entropy_i) → sorted uppers (small trees), the input order of the sorted leaves,
 *                the root, and the proof of selected leaves; indexed (post codec-upgrade) or
 *                legacy parent hashes
 *   signatures   deterministic keys (seed = SHA-256 of a label) → AAT hash, the app's AAT
 *                signature, the leaf hash and the client's signature
 *   proofIndex   seed block hash + session header hash + total proofs → seed and leaf index
 * TV-19 (PROTOCOL §11) is the first tree case. Outputs come from src/modules/pocketcore and
 * src/messages/relay-proof.ts. Regenerate with `npm run vectors`; never edit by hand.
 */
import { bytesToHex } from '../../../src/core/hex.js';
import { sha256 } from '../../../src/crypto/hash.js';
import { publicKeyFromSeed } from '../../../src/crypto/ed25519.js';
import { aatHash, relayProofBytes, relayProofHash } from '../../../src/messages/index.js';
import { signAat, signRelayProof } from '../../../src/sim/relay-evidence.js';
import { buildMsiTree, msiProof, nodeToJson } from '../../../src/modules/pocketcore/msi-tree.js';
import { proofIndex, proofSeed } from '../../../src/modules/pocketcore/proof-index.js';
export const MSI_VECTORS_FILE = 'msi.json';
function entropiesOf(spec) {
    if (Array.isArray(spec))
        return spec.map((e) => BigInt(e));
    const { first, count } = spec;
    return Array.from({ length: count }, (_, i) => BigInt(first) + BigInt(i));
}
function leafOf(template, entropy) {
    return { ...template, sessionBlockHeight: BigInt(template.sessionBlockHeight), entropy, signature: '' };
}
export function evaluateMsiCase(input) {
    switch (input.kind) {
        case 'tree': {
            const leaves = entropiesOf(input.entropies).map((e) => relayProofBytes(leafOf(input.template, e)));
            const tree = buildMsiTree(leaves, { indexedParents: input.indexedParents });
            return {
                levels: tree.levels.length - 1,
                root: nodeToJson(tree.root),
                ...(leaves.length <= 16 ? { sortedUppers: tree.levels[0].map((n) => n.upper.toString()), order: tree.order } : {}),
                proofs: input.proveIndices.map((index) => {
                    const proof = msiProof(tree, index);
                    return { index, inputPosition: tree.order[index], target: nodeToJson(proof.target), siblings: proof.siblings.map(nodeToJson) };
                }),
            };
        }
        case 'signatures': {
            const app = keyOf(input.appSeedLabel);
            const client = keyOf(input.clientSeedLabel);
            const aat = signAat(app, client.publicKey);
            const relay = signRelayProof(client, {
                aat,
                servicerPublicKey: input.relay.servicerPublicKey,
                blockchain: input.relay.blockchain,
                sessionBlockHeight: Number(input.relay.sessionBlockHeight),
                payload: '',
                requestHash: input.relay.requestHash,
                entropy: BigInt(input.relay.entropy),
            });
            return {
                appPublicKey: app.publicKey,
                clientPublicKey: client.publicKey,
                aatHash: bytesToHex(aatHash(aat)),
                aatSignature: aat.signature,
                leafBytes: relayProofBytes(relay),
                leafHash: bytesToHex(relayProofHash(relay)),
                clientSignature: relay.signature,
            };
        }
        case 'proofIndex':
            return {
                seed: bytesToHex(proofSeed(input.seedBlockHash, input.headerHash)),
                index: proofIndex(input.seedBlockHash, input.headerHash, BigInt(input.totalProofs)).toString(),
            };
    }
}
function keyOf(label) {
    const seed = sha256(label);
    return { seed, publicKey: bytesToHex(publicKeyFromSeed(seed)) };
}
const TV19_TEMPLATE = {
    requestHash: 'd'.repeat(64),
    sessionBlockHeight: '1',
    servicerPublicKey: 'c'.repeat(64),
    blockchain: '0001',
    aat: { version: '0.0.1', appPublicKey: 'a'.repeat(64), clientPublicKey: 'b'.repeat(64), signature: '' },
};
function templateFor(label, sessionBlockHeight) {
    const h = (s) => bytesToHex(sha256(`${label}/${s}`));
    return {
        requestHash: h('request'),
        sessionBlockHeight,
        servicerPublicKey: h('servicer'),
        blockchain: '0021',
        aat: { version: '0.0.1', appPublicKey: h('app'), clientPublicKey: h('client'), signature: h('aat-signature') + h('aat-signature-2') },
    };
}
export function buildMsiVectors() {
    const cases = [];
    const add = (description, input) => {
        cases.push({ description, input, output: evaluateMsiCase(input) });
    };
    const tv19Entropies = ['3238283', '34939492', '12383', '96384', '96384812'];
    add('TV-19: five relay proofs (PROTOCOL §11), indexed parents', { kind: 'tree', template: TV19_TEMPLATE, entropies: tv19Entropies, indexedParents: true, proveIndices: [0, 1, 2, 3, 4] });
    add('TV-19 leaves, legacy parents (session height < 30024 on mainnet)', { kind: 'tree', template: TV19_TEMPLATE, entropies: tv19Entropies, indexedParents: false, proveIndices: [0, 4] });
    for (const n of [2, 3, 8, 9, 16, 17]) {
        add(`${n} leaves`, { kind: 'tree', template: templateFor(`tree-${n}`, '40001'), entropies: { first: '1000', count: n }, indexedParents: true, proveIndices: [0, n - 1, Math.floor(n / 2)] });
    }
    add('100 leaves', { kind: 'tree', template: templateFor('tree-100', '40001'), entropies: { first: '7', count: 100 }, indexedParents: true, proveIndices: [0, 37, 99] });
    add('1,000 leaves', { kind: 'tree', template: templateFor('tree-1000', '40001'), entropies: { first: '5000000', count: 1000 }, indexedParents: true, proveIndices: [0, 511, 999] });
    add('signatures: AAT by the app, relay proof by the client', {
        kind: 'signatures',
        appSeedLabel: 'vector app',
        clientSeedLabel: 'vector client',
        relay: { requestHash: 'ef'.repeat(32), sessionBlockHeight: '40001', servicerPublicKey: 'cd'.repeat(32), blockchain: '0021', entropy: '987654321' },
    });
    for (const [total, label] of [['5', 'five'], ['1000', 'thousand'], ['185695833', 'TV-8 allowance']]) {
        add(`proof index over ${total} relays (${label})`, { kind: 'proofIndex', seedBlockHash: bytesToHex(sha256(`seed ${label}`)), headerHash: bytesToHex(sha256(`header ${label}`)), totalProofs: total });
    }
    return {
        title: 'Relay evidence: MSI trees, signatures, proof index',
        summary: 'Leaves = RelayProof.Bytes (Go JSON without the client signature); BLAKE2b-256 leaves sorted by LE64(hash[0:8]); padding blake2b("i"); parents blake2b(l‖r‖[LE64 i‖LE64 i+1]‖LE64 lower‖LE64 upper) (x/pocketcore/types/merkle.go). Seed = SHA3-256({"BlockHash","Header"}), index = BE64(seed[0:8]) mod total (keeper/proof.go:219-241). Keys for signatures: ed25519 seed = SHA-256(label). Generated by test/gen/vectors/msi.ts; never edit by hand.',
        generator: 'test/gen/vectors/msi.ts',
        cases,
    };
}
export const msiVectorsModule = { file: MSI_VECTORS_FILE, build: buildMsiVectors };
//# sourceMappingURL=msi.js.map