/**
 * Goal: the sign bytes of every message are the JSON pocket-core's amino codec writes.
 * Method: expected documents written out from pocket-core's struct tags and go-amino v0.15.1's
 * rules (int64 → "string", []byte → base64, nil slice → null, registered interface values
 * wrapped {type,value}, omitempty) — sources cited per case — compared with sortedJson of
 * msgToAminoJson for fixed inputs.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { sortedJson } from '../../../src/core/json.js';
import { msgToAminoJson } from '../../../src/wire/index.js';
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const KEY = 'c'.repeat(64);
const signed = (msg) => sortedJson(msgToAminoJson(msg));
const amino = suite('wire/amino JSON of each message');
amino('pos/Send: addresses as hex, amount as the decimal string (x/nodes/types/msg.pb.go MsgSend tags)', () => {
    assert.is(signed({ kind: 'Send', fromAddress: A, toAddress: B, amount: '1' }), `{"type":"pos/Send","value":{"amount":"1","from_address":"${A}","to_address":"${B}"}}`);
});
amino('BigInt fields show the decoded VALUE in decimal (types/int.go:404-410): "0x10" signs as "16"', () => {
    assert.is(signed({ kind: 'Send', fromAddress: A, toAddress: B, amount: '0x10' }), `{"type":"pos/Send","value":{"amount":"16","from_address":"${A}","to_address":"${B}"}}`);
    assert.is(signed({ kind: 'Send', fromAddress: A, toAddress: B, amount: '010' }), `{"type":"pos/Send","value":{"amount":"8","from_address":"${A}","to_address":"${B}"}}`);
});
amino('pos/8.0MsgStake: the key wrapped as crypto/ed25519_public_key, delegator shares as numbers, output omitted when empty', () => {
    const msg = { kind: 'StakeNode', publicKey: KEY, chains: ['0001', '03DF'], value: '15000000000', serviceUrl: 'https://a.b:443', outputAddress: A, rewardDelegators: [[B, 10]] };
    assert.is(signed(msg), `{"type":"pos/8.0MsgStake","value":{"chains":["0001","03DF"],"output_address":"${A}","public_key":{"type":"crypto/ed25519_public_key","value":"${KEY}"},"reward_delegators":{"${B}":10},"service_url":"https://a.b:443","value":"15000000000"}}`);
    const minimal = { ...msg, outputAddress: '', rewardDelegators: null };
    assert.is(signed(minimal), `{"type":"pos/8.0MsgStake","value":{"chains":["0001","03DF"],"public_key":{"type":"crypto/ed25519_public_key","value":"${KEY}"},"service_url":"https://a.b:443","value":"15000000000"}}`);
});
amino('a 33-byte key would be a crypto/secp256k1_public_key (crypto/amino.go:22)', () => {
    const key33 = '02' + KEY;
    assert.ok(signed({ kind: 'StakeApp', publicKey: key33, chains: ['0001'], value: '1' }).includes(`"pubkey":{"type":"crypto/secp256k1_public_key","value":"${key33}"}`));
});
amino('pos/8.0MsgBeginUnstake omits an empty signer (omitempty); pos/8.0MsgUnjail does not', () => {
    assert.is(signed({ kind: 'BeginUnstakeNode', validatorAddress: A, signerAddress: '' }), `{"type":"pos/8.0MsgBeginUnstake","value":{"validator_address":"${A}"}}`);
    assert.is(signed({ kind: 'BeginUnstakeNode', validatorAddress: A, signerAddress: B }), `{"type":"pos/8.0MsgBeginUnstake","value":{"signer_address":"${B}","validator_address":"${A}"}}`);
    assert.is(signed({ kind: 'UnjailNode', validatorAddress: A, signerAddress: '' }), `{"type":"pos/8.0MsgUnjail","value":{"address":"${A}","signer_address":""}}`);
});
amino('apps/MsgAppStake: pubkey wrapped, the app transfer has "chains":null (a nil slice)', () => {
    assert.is(signed({ kind: 'StakeApp', publicKey: KEY, chains: ['0021'], value: '1000000' }), `{"type":"apps/MsgAppStake","value":{"chains":["0021"],"pubkey":{"type":"crypto/ed25519_public_key","value":"${KEY}"},"value":"1000000"}}`);
    assert.is(signed({ kind: 'StakeApp', publicKey: KEY, chains: [], value: '0' }), `{"type":"apps/MsgAppStake","value":{"chains":null,"pubkey":{"type":"crypto/ed25519_public_key","value":"${KEY}"},"value":"0"}}`);
});
amino('apps/MsgAppBeginUnstake and apps/MsgAppUnjail', () => {
    assert.is(signed({ kind: 'BeginUnstakeApp', applicationAddress: A }), `{"type":"apps/MsgAppBeginUnstake","value":{"application_address":"${A}"}}`);
    assert.is(signed({ kind: 'UnjailApp', applicationAddress: A }), `{"type":"apps/MsgAppUnjail","value":{"address":"${A}"}}`);
});
amino('pocketcore/claim: int64/uint64 and the Go-int evidence type as strings, the root hash as base64', () => {
    const msg = {
        kind: 'Claim',
        header: { appPublicKey: KEY, chain: '0001', sessionHeight: 1n },
        merkleRoot: { hash: '00ff', lower: 0n, upper: 18446744073709551615n },
        totalProofs: 100n,
        fromAddress: A,
        evidenceType: 1n,
        expirationHeight: 0n,
    };
    assert.is(signed(msg), `{"type":"pocketcore/claim","value":{"evidence_type":"1","expiration_height":"0","from_address":"${A}","header":{"app_public_key":"${KEY}","chain":"0001","session_height":"1"},"merkle_root":{"merkleHash":"AP8=","range":{"lower":"0","upper":"18446744073709551615"}},"total_proofs":"100"}}`);
});
amino('pocketcore/proof: the leaf wrapped as pocketcore/relay_proof; an absent hash is null; no siblings is null', () => {
    const msg = {
        kind: 'Proof',
        merkleProof: { index: 3n, hashRanges: [], target: { hash: null, lower: 3n, upper: 4n } },
        leaf: {
            kind: 'relay',
            proof: { requestHash: 'r', entropy: -5n, sessionBlockHeight: 1n, servicerPublicKey: 's', blockchain: '0001', aat: { version: '0.0.1', appPublicKey: 'p', clientPublicKey: 'q', signature: 'g' }, signature: 'z' },
        },
        evidenceType: 1n,
    };
    assert.is(signed(msg), '{"type":"pocketcore/proof","value":{"evidence_type":"1","leaf":{"type":"pocketcore/relay_proof","value":{"aat":{"app_pub_key":"p","client_pub_key":"q","signature":"g","version":"0.0.1"},' +
        '"blockchain":"0001","entropy":"-5","request_hash":"r","servicer_pub_key":"s","session_block_height":"1","signature":"z"}},' +
        '"merkle_proofs":{"hash_ranges":null,"index":"3","target_range":{"merkleHash":null,"range":{"lower":"3","upper":"4"}}}}}');
});
amino('a proof without a leaf member signs as an empty relay proof (ProofI.FromProto fallback, proof.go:37-47)', () => {
    const json = signed({ kind: 'Proof', merkleProof: { index: 0n, hashRanges: [], target: { hash: null, lower: 0n, upper: 0n } }, leaf: { kind: 'none' }, evidenceType: 0n });
    assert.ok(json.includes('"leaf":{"type":"pocketcore/relay_proof","value":{"aat":{"app_pub_key":"","client_pub_key":"","signature":"","version":""},"blockchain":"","entropy":"0"'));
});
amino('gov/msg_change_param: param_value as base64, null when absent', () => {
    const value = Buffer.from('"100"').toString('hex');
    assert.is(signed({ kind: 'ParamChange', fromAddress: A, paramKey: 'application/StabilityAdjustment', paramValue: value }), `{"type":"gov/msg_change_param","value":{"address":"${A}","param_key":"application/StabilityAdjustment","param_value":"IjEwMCI="}}`);
    assert.ok(signed({ kind: 'ParamChange', fromAddress: A, paramKey: 'k', paramValue: null }).includes('"param_value":null'));
});
amino('gov/msg_dao_transfer: an empty to_address is "" (Address.MarshalJSON)', () => {
    assert.is(signed({ kind: 'DAOTransfer', fromAddress: A, toAddress: '', amount: '1', action: 'dao_burn' }), `{"type":"gov/msg_dao_transfer","value":{"action":"dao_burn","amount":"1","from_address":"${A}","to_address":""}}`);
});
amino('gov/msg_upgrade: Height as a string, OldUpgradeHeight and Features omitted when empty', () => {
    assert.is(signed({ kind: 'Upgrade', address: A, upgrade: { height: 100n, version: '2.0.0', oldUpgradeHeight: 0n, features: [] } }), `{"type":"gov/msg_upgrade","value":{"address":"${A}","upgrade":{"Height":"100","Version":"2.0.0"}}}`);
    assert.is(signed({ kind: 'Upgrade', address: A, upgrade: { height: 1n, version: 'FEATURE', oldUpgradeHeight: 5n, features: ['RSCAL:10'] } }), `{"type":"gov/msg_upgrade","value":{"address":"${A}","upgrade":{"Features":["RSCAL:10"],"Height":"1","OldUpgradeHeight":"5","Version":"FEATURE"}}}`);
});
amino('a hostile delegator key like "__proto__" stays a plain JSON key', () => {
    const msg = { kind: 'StakeNode', publicKey: KEY, chains: ['0001'], value: '1', serviceUrl: 'https://a.b:1', outputAddress: '', rewardDelegators: [['__proto__', 1]] };
    assert.ok(signed(msg).includes('"reward_delegators":{"__proto__":1}'));
});
amino.run();
//# sourceMappingURL=amino-json.test.js.map