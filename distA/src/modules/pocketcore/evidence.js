/**
 * Relay evidence, built the way an application, its client and a servicer build it (PROTOCOL
 * §4.1–4.2; x/pocketcore/types/aat.go, proof.go, merkle.go): a library the simulator, the tests
 * and the benchmarks use to produce REAL claims and proofs from real signed relays.
 *
 *   1. the app signs an AAT for a client key: signature over SHA3-256 of the AAT's JSON;
 *   2. for every relay the client signs the relay proof: signature over SHA3-256 of the leaf JSON
 *      (entropy, session height, servicer key, chain, token = AAT hash, request hash);
 *   3. the servicer builds the MSI tree over the leaves' JSON and claims its root with
 *      total_proofs = number of relays;
 *   4. once the seed block exists it proves the leaf at the pseudorandom index.
 *
 * Pure and deterministic (keys are seeds; ed25519 signatures are deterministic).
 */
import { bytesToHex } from '../../core/hex.js';
import { createSigner } from '../../crypto/ed25519.js';
import { sha3_256 } from '../../crypto/hash.js';
import { aatHash, relayProofBytes, relayProofHash } from '../../messages/index.js';
import { buildMsiTree, msiProof } from './msi-tree.js';
const signers = new WeakMap();
function signerOf(seed) {
    let sign = signers.get(seed);
    if (sign === undefined)
        signers.set(seed, (sign = createSigner(seed)));
    return sign;
}
/** An AAT for `clientPublicKey`, signed by the application (aat.go:50-118). */
export function signAat(app, clientPublicKey, version = '0.0.1') {
    const unsigned = { version, appPublicKey: app.publicKey, clientPublicKey, signature: '' };
    return { ...unsigned, signature: bytesToHex(signerOf(app.seed)(aatHash(unsigned))) };
}
/** A relay proof signed by the client (proof.go:133-142: signature over the raw leaf hash). */
export function signRelayProof(client, input) {
    const unsigned = {
        requestHash: input.requestHash ?? bytesToHex(sha3_256(input.payload)),
        entropy: input.entropy,
        sessionBlockHeight: BigInt(input.sessionBlockHeight),
        servicerPublicKey: input.servicerPublicKey,
        blockchain: input.blockchain,
        aat: input.aat,
        signature: '',
    };
    return { ...unsigned, signature: bytesToHex(signerOf(client.seed)(relayProofHash(unsigned))) };
}
export function buildSessionEvidence(header, proofs) {
    return { header, proofs, tree: buildMsiTree(proofs.map(relayProofBytes)) };
}
function wireRange(node) {
    return { hash: bytesToHex(node.hash), lower: node.lower, upper: node.upper };
}
/** MsgClaim for the evidence (relay evidence, expiration 0, as nodes send it). */
export function claimMessage(evidence, fromAddress, options = {}) {
    return {
        kind: 'Claim',
        header: { appPublicKey: evidence.header.appPublicKey, chain: evidence.header.chain, sessionHeight: BigInt(evidence.header.sessionHeight) },
        merkleRoot: wireRange(options.root ?? evidence.tree.root),
        totalProofs: options.totalProofs ?? BigInt(evidence.tree.leafCount),
        fromAddress,
        evidenceType: 1n,
        expirationHeight: 0n,
    };
}
/** MsgProof opening the leaf at sorted position `index` (GenerateProofs). */
export function proofMessage(evidence, index, options = {}) {
    const proof = msiProof(evidence.tree, index);
    const leaf = options.leaf ?? evidence.proofs[evidence.tree.order[index]];
    const siblings = proof.siblings.map(wireRange);
    return {
        kind: 'Proof',
        merkleProof: { index: options.claimedIndex ?? BigInt(index), hashRanges: options.siblings?.(siblings) ?? siblings, target: wireRange(proof.target) },
        leaf: { kind: 'relay', proof: leaf },
        evidenceType: 1n,
    };
}
//# sourceMappingURL=evidence.js.map