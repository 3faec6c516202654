import { sha3_256 } from '../../crypto/hash.js';
import { claimKey } from './claims.js';
import { levelsFor, verifyMsiProof } from './merkle.js';
import { pseudorandomIndex } from './sessions.js';
import { signerAddress } from './address.js';
/** The claim a proof addresses (its servicer, the leaf's session header, the evidence type). */
export function proofClaimKey(message) {
    const leaf = message.leaf;
    return claimKey(leaf.servicerAddress, leaf.aat.appPublicKey, leaf.blockchain, leaf.sessionBlockHeight, message.evidenceType);
}
/** The proof's code, or undefined where the audit cannot decide it (an imported claim, an upgrade naming a feature). */
export function decideProof(world, message, wire, leafBytes, height) {
    const claim = world.claims.get(proofClaimKey(message));
    if (claim === undefined)
        return 'pocketcore:65';
    const start = world.history.at(claim.sessionHeight);
    if (claim.root === null || start === undefined || world.featuresChanged())
        return undefined;
    const levels = levelsFor(claim.totalProofs);
    const { merkleProof } = wire;
    if (merkleProof.hashRanges.length !== levels)
        return 'pocketcore:49';
    const rootUpper = claim.root.upper;
    if (!merkleProof.hashRanges.some((r) => r.upper === rootUpper) && merkleProof.target.upper !== rootUpper)
        return 'pocketcore:66';
    const seedHeight = claim.sessionHeight + start.params.claimSubmissionWindow * start.params.blocksPerSession;
    const seedHash = height >= seedHeight ? world.history.blockHash(seedHeight - 1) : undefined;
    if (seedHash === undefined)
        return height >= seedHeight ? undefined : 'sdk:1';
    if (proofIndex(seedHash, claim.headerHash, claim.totalProofs) !== merkleProof.index)
        return 'pocketcore:49';
    const root = { hash: hexBytes(claim.root.hashHex), lower: claim.root.lower, upper: rootUpper };
    const verdict = verifyMsiProof(root, leafBytes, merkleProof.index, node(merkleProof.target), merkleProof.hashRanges.map(node), levels);
    if (!verdict.valid)
        return verdict.replayAttack ? 'pocketcore:86' : 'pocketcore:66';
    const app = start.apps.get(signerAddress(message.leaf.aat.appPublicKey) ?? '');
    if (app === undefined)
        return 'pocketcore:45';
    if (message.leaf.sessionBlockHeight !== claim.sessionHeight)
        return 'pocketcore:60';
    if (!app.chains.includes(message.leaf.blockchain))
        return 'pocketcore:13';
    return 'ok';
}
/** The leaf the chain asks for (§4.5): the seed JSON's field names are Go's struct fields. */
export function proofIndex(seedBlockHash, headerHash, totalProofs) {
    return pseudorandomIndex(sha3_256(`{"BlockHash":${JSON.stringify(seedBlockHash)},"Header":${JSON.stringify(headerHash)}}`), totalProofs);
}
function node(range) {
    return { hash: hexBytes(range.hash ?? ''), lower: range.lower, upper: range.upper };
}
function hexBytes(hex) {
    return new Uint8Array(Buffer.from(hex, 'hex'));
}
//# sourceMappingURL=proofs.js.map