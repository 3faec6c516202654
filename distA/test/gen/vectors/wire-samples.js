/**
 * Deterministic sample wire messages, one or more per message type, all valid under
 * validateBasic: the inputs of the golden wire vectors (wire-txs.ts) and of the codec tests.
 * Keys come from fixed seeds (byte i of seed n = n·16 + i), never from randomness.
 */
import { bytesToHex } from '../../../src/core/hex.js';
import { keyFromSeed } from '../../../src/crypto/keys.js';
import { sha3_256 } from '../../../src/crypto/hash.js';
import { aatHash, relayProofHash } from '../../../src/messages/relay-proof.js';
/** The fixed test key number `n` (0..15). */
export function sampleKey(n) {
    const seed = new Uint8Array(32);
    for (let i = 0; i < 32; i++)
        seed[i] = (n * 16 + i) & 0xff;
    return keyFromSeed(seed);
}
export const signerKey = sampleKey(1);
export const otherKey = sampleKey(2);
export const outputKey = sampleKey(3);
export const appKey = sampleKey(4);
export const clientKey = sampleKey(5);
export const servicerKey = sampleKey(6);
export const daoOwnerKey = sampleKey(7);
const hex = (bytes) => bytesToHex(bytes);
/** An AAT signed by `app` for `client` (version 0.0.1). */
export function signedAat(app = appKey, client = clientKey) {
    const unsigned = { version: '0.0.1', appPublicKey: hex(app.publicKey), clientPublicKey: hex(client.publicKey), signature: '' };
    return { ...unsigned, signature: hex(app.sign(aatHash(unsigned))) };
}
/** A relay proof leaf signed by the AAT's client (RelayProof.ValidateBasic passes). */
export function signedRelayProof(overrides = {}, client = clientKey) {
    const unsigned = {
        requestHash: hex(sha3_256('sample relay request')),
        entropy: 3238283n,
        sessionBlockHeight: 1n,
        servicerPublicKey: hex(servicerKey.publicKey),
        blockchain: '0001',
        aat: signedAat(),
        signature: '',
        ...overrides,
    };
    return { ...unsigned, signature: hex(client.sign(relayProofHash(unsigned))) };
}
const merkleHash = (label) => hex(sha3_256(label));
/** Valid messages: every type, with the edge forms (app transfer, DAO burn) too. */
export function sampleMessages() {
    const signer = signerKey.address;
    const other = otherKey.address;
    return [
        { name: 'send', msg: { kind: 'Send', fromAddress: signer, toAddress: other, amount: '8000010000' } },
        {
            name: 'stake-node',
            msg: {
                kind: 'StakeNode',
                publicKey: hex(signerKey.publicKey),
                chains: ['0001', '0040', '03DF'],
                value: '15000000000',
                serviceUrl: 'https://node1.example.com:443',
                outputAddress: outputKey.address,
                rewardDelegators: [
                    [other, 10],
                    [outputKey.address, 5],
                ],
            },
        },
        {
            name: 'stake-node-minimal',
            msg: { kind: 'StakeNode', publicKey: hex(signerKey.publicKey), chains: ['0021'], value: '15000000000', serviceUrl: 'http://10.0.0.1:8081', outputAddress: '', rewardDelegators: null },
        },
        { name: 'begin-unstake-node', msg: { kind: 'BeginUnstakeNode', validatorAddress: signer, signerAddress: outputKey.address } },
        { name: 'unjail-node', msg: { kind: 'UnjailNode', validatorAddress: signer, signerAddress: signer } },
        { name: 'stake-app', msg: { kind: 'StakeApp', publicKey: hex(appKey.publicKey), chains: ['0001', '0021'], value: '1000000' } },
        { name: 'stake-app-transfer', msg: { kind: 'StakeApp', publicKey: hex(otherKey.publicKey), chains: [], value: '0' } },
        { name: 'begin-unstake-app', msg: { kind: 'BeginUnstakeApp', applicationAddress: appKey.address } },
        { name: 'unjail-app', msg: { kind: 'UnjailApp', applicationAddress: appKey.address } },
        {
            name: 'claim',
            msg: {
                kind: 'Claim',
                header: { appPublicKey: hex(appKey.publicKey), chain: '0001', sessionHeight: 1n },
                merkleRoot: { hash: merkleHash('root'), lower: 0n, upper: 14757274644365627411n },
                totalProofs: 100n,
                fromAddress: servicerKey.address,
                evidenceType: 1n,
                expirationHeight: 0n,
            },
        },
        {
            name: 'proof',
            msg: {
                kind: 'Proof',
                merkleProof: {
                    index: 2n,
                    hashRanges: [
                        { hash: merkleHash('fake1'), lower: 0n, upper: 1n },
                        { hash: merkleHash('fake2'), lower: 1n, upper: 2n },
                        { hash: merkleHash('fake3'), lower: 2n, upper: 3n },
                    ],
                    target: { hash: merkleHash('fake4'), lower: 3n, upper: 4n },
                },
                leaf: { kind: 'relay', proof: signedRelayProof() },
                evidenceType: 1n,
            },
        },
        {
            name: 'param-change',
            msg: { kind: 'ParamChange', fromAddress: daoOwnerKey.address, paramKey: 'pos/StakeMinimum', paramValue: bytesToHex(Buffer.from('"15000000000"')) },
        },
        { name: 'dao-transfer', msg: { kind: 'DAOTransfer', fromAddress: daoOwnerKey.address, toAddress: other, amount: '1000000', action: 'dao_transfer' } },
        { name: 'dao-burn', msg: { kind: 'DAOTransfer', fromAddress: daoOwnerKey.address, toAddress: '', amount: '1', action: 'dao_burn' } },
        {
            name: 'upgrade',
            msg: {
                kind: 'Upgrade',
                address: daoOwnerKey.address,
                upgrade: { height: 69232n, version: 'RC-0.9.0', oldUpgradeHeight: 57616n, features: ['RSCAL:69232', 'VEDIT:69232'] },
            },
        },
    ];
}
//# sourceMappingURL=wire-samples.js.map