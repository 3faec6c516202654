/**
 * The simulator's keys and signing.
 *
 * Keys are derived, never drawn: seed = SHA-256("pokt-ledger sim key|<sim seed>|<role>|<index>"),
 * so the same simulation seed names the same accounts in every run and a continued run finds
 * the keys its genesis funded. Roles separate the key sets (each workload gets its own accounts
 * — "w:<workload>" — so two workloads never race for one balance; validators and apps have
 * theirs).
 *
 * Signing keeps the imported private KeyObject per key (createSigner, ~2× faster than
 * wire/sign.ts `buildAndSignTx`, which imports the seed on every call) and builds exactly the
 * bytes `buildAndSignTx` builds: same sign document, same encoder.
 */
import { bytesToHex } from '../core/hex.js';
import { addressFromPublicKey } from '../crypto/address.js';
import { createSigner, publicKeyFromSeed } from '../crypto/ed25519.js';
import { sha256 } from '../crypto/hash.js';
import { encodeTx, signBytes, UPOKT_DENOM } from '../wire/index.js';
export function deriveSimKey(simSeed, role, index) {
    const seed = sha256(`pokt-ledger sim key|${simSeed}|${role}|${index}`);
    const publicKey = publicKeyFromSeed(seed);
    return { seed, publicKey: bytesToHex(publicKey), address: addressFromPublicKey(publicKey) };
}
export function deriveSimKeys(simSeed, role, count) {
    return Array.from({ length: count }, (_, index) => deriveSimKey(simSeed, role, index));
}
/** Signs with cached private keys (one import per key for the life of the signer). */
export class SimSigner {
    signers = new Map();
    signatureOf(key, message) {
        const address = key.address;
        let signer = this.signers.get(address);
        if (signer === undefined) {
            signer = createSigner(key.seed);
            this.signers.set(address, signer);
        }
        return signer(message);
    }
    /**
     * The signed tx (as wire/sign.ts buildAndSignTx would encode it). `signWith` makes the
     * signature with another key while the tx still carries `key`'s public key (a forged tx).
     */
    signTx(key, input, signWith = key) {
        const fee = input.feeUpokt === 0n ? [] : [{ denom: UPOKT_DENOM, amount: input.feeUpokt.toString() }];
        const unsigned = { msg: input.msg, fee, memo: input.memo, entropy: input.entropy };
        const signature = this.signatureOf(signWith, signBytes(input.chainId, unsigned));
        const tx = { ...unsigned, signature: { publicKey: key.publicKey, signature: bytesToHex(signature) } };
        return { tx, bytes: encodeTx(tx) };
    }
}
/** A non-negative int64 entropy from the seeded stream (pocket's clients use rand.Int63). */
export function drawEntropy(prng) {
    return prng.nextU64() >> 1n;
}
//# sourceMappingURL=sim-keys.js.map