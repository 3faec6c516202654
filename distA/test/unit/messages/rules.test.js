/**
 * Goal: the building blocks of the message layer — service URLs, relay-proof hashing, signers,
 * msg types and fees, StdTx basic checks, the code catalogue — match pocket-core.
 * Method: TV-16 (x/nodes/types/util_test.go:9-27) and TV-19 (PROTOCOL §11, derived) values as
 * stated; GetSigners/Type expectations from the Go tests named per case; the code catalogue
 * against PROTOCOL §1.7.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { assertType } from '../../helpers/assert.js';
import { bytesToHex } from '../../../src/core/hex.js';
import { codeOf } from '../../../src/core/rejection.js';
import { ALL_CODES, aatHash, BASE_FEE_UPOKT, baseFeeUpokt, declaredFeeUpokt, isValidServiceUrl, messageType, relayProofBytes, signersOf, validateBasic, validateTxBasic, } from '../../../src/messages/index.js';
import { sampleMessages } from '../../gen/vectors/wire-samples.js';
const urls = suite('messages/service URL (ValidateServiceURL, x/nodes/types/util.go:22-47)');
urls('TV-16 util_test.go:9-27', () => {
    assert.ok(isValidServiceUrl('https://foo.bar:8080'));
    assert.not.ok(isValidServiceUrl('foo.bar:8080'), 'missing prefix');
    assert.not.ok(isValidServiceUrl('ws://foo.bar:8080'), 'wrong prefix');
    assert.not.ok(isValidServiceUrl('ws://foo.bar'), 'no port');
    assert.not.ok(isValidServiceUrl('ws://foo.bar:66666'), 'bad port');
    assert.not.ok(isValidServiceUrl('https://foobar:8080'), 'no dot');
});
urls('the rest of the rule: lower-cased first, http allowed, port 0..65535 with leading zeros, no path or IPv6', () => {
    for (const url of ['HTTPS://Node.Example.COM:443', 'http://10.0.0.1:8081', 'https://a.b:0', 'https://a.b:65535', 'https://a.b:00443', 'https://my_node.x:1']) {
        assert.ok(isValidServiceUrl(url), url);
    }
    for (const url of ['https://a.b:65536', 'https://a.b:', 'https://a.b:443/', 'https://a.b:443/path', 'https://[::1]:443', 'https://a.b:+443', 'https://a b.c:1', 'https://a.b:1?x', 'https://a.b:99999999999999999999', '', '/a.b:1']) {
        assert.not.ok(isValidServiceUrl(url), url);
    }
});
urls('ours: userinfo, %-escapes and non-ASCII are refused (Go would accept some of them)', () => {
    for (const url of ['https://user.x@host:443', 'https://a%41.b:1', 'https://ñ.b:1', 'https://a<b.c:1'])
        assert.not.ok(isValidServiceUrl(url), url);
});
urls.run();
const hashing = suite('messages/relay-proof hashing (aat.go:50-71, proof.go:158-212)');
hashing('TV-19: the AAT {0.0.1, "a"×64, "b"×64} hashes to 45fded72…2d1f', () => {
    const aat = { version: '0.0.1', appPublicKey: 'a'.repeat(64), clientPublicKey: 'b'.repeat(64), signature: '' };
    assert.is(bytesToHex(aatHash(aat)), '45fded723291efdb76a84c161a2cab51a19afc3741b4ebab205a568629ff2d1f');
    // the signature never enters the hash
    assert.is(bytesToHex(aatHash({ ...aat, signature: 'ff' })), '45fded723291efdb76a84c161a2cab51a19afc3741b4ebab205a568629ff2d1f');
});
hashing('TV-19: leaf 0 bytes', () => {
    const proof = {
        requestHash: 'd'.repeat(64),
        entropy: 3238283n,
        sessionBlockHeight: 1n,
        servicerPublicKey: 'c'.repeat(64),
        blockchain: '0001',
        aat: { version: '0.0.1', appPublicKey: 'a'.repeat(64), clientPublicKey: 'b'.repeat(64), signature: '' },
        signature: 'ignored',
    };
    assert.is(relayProofBytes(proof), `{"entropy":3238283,"session_block_height":1,"servicer_pub_key":"${'c'.repeat(64)}","blockchain":"0001","signature":"","token":"45fded723291efdb76a84c161a2cab51a19afc3741b4ebab205a568629ff2d1f","request_hash":"${'d'.repeat(64)}"}`);
});
hashing.run();
const signers = suite('messages/signers, msg types and base fees');
function validated(name) {
    const sample = sampleMessages().find((entry) => entry.name === name);
    const result = sample === undefined ? undefined : validateBasic(sample.msg);
    if (result === undefined || !result.ok)
        throw new Error(`sample ${name} is not valid`);
    return result.value;
}
signers('GetSigners: BeginUnstake/Unjail → [signer, validator] (msg_test.go:52-94); StakeNode → [operator, output] (msg_test.go:443-495)', () => {
    const unstake = assertType(validated('begin-unstake-node'), 'BeginUnstakeNode');
    assert.equal(signersOf(unstake), [unstake.signerAddress, unstake.validatorAddress]);
    const stake = assertType(validated('stake-node'), 'StakeNode');
    assert.equal(signersOf(stake), [stake.operatorAddress, stake.outputAddress]);
    const minimal = assertType(validated('stake-node-minimal'), 'StakeNode');
    assert.equal(signersOf(minimal), [minimal.operatorAddress]);
});
signers('GetSigners of the others: the sender; Proof → the leaf servicer (msgs.go:198-200)', () => {
    const send = assertType(validated('send'), 'Send');
    assert.equal(signersOf(send), [send.fromAddress]);
    const app = assertType(validated('stake-app'), 'StakeApp');
    assert.equal(signersOf(app), [app.applicationAddress]);
    const proof = assertType(validated('proof'), 'Proof');
    assert.equal(signersOf(proof), [proof.leaf.servicerAddress]);
    const upgrade = assertType(validated('upgrade'), 'Upgrade');
    assert.equal(signersOf(upgrade), [upgrade.address]);
});
signers("msg.Type() of every message (x/<module>/types/msg*.go), 'dao_tranfer' spelled as pocket does", () => {
    const types = Object.fromEntries(sampleMessages().map((sample) => [sample.name, messageType(validated(sample.name))]));
    assert.equal(types, {
        send: 'send',
        'stake-node': 'stake_validator',
        'stake-node-minimal': 'stake_validator',
        'begin-unstake-node': 'begin_unstake_validator',
        'unjail-node': 'unjail_validator',
        'stake-app': 'app_stake',
        'stake-app-transfer': 'app_stake',
        'begin-unstake-app': 'app_begin_unstake',
        'unjail-app': 'app_unjail',
        claim: 'claim',
        proof: 'proof',
        'param-change': 'change_param',
        'dao-transfer': 'dao_tranfer',
        'dao-burn': 'dao_tranfer',
        upgrade: 'upgrade',
    });
});
signers('every base fee is 10,000 uPOKT (x/<module>/types/fee.go)', () => {
    assert.is(BASE_FEE_UPOKT, 10000n);
    for (const sample of sampleMessages())
        assert.is(baseFeeUpokt(validated(sample.name)), 10000n);
});
signers.run();
const txBasic = suite('messages/StdTx.ValidateBasic (x/auth/types/stdtx.go:184-192, Coins.IsValid types/coin.go:201-234)');
const tx = (fee, signature = 'ab'.repeat(64)) => ({
    msg: sampleMessages()[0].msg,
    fee,
    memo: '',
    entropy: 1n,
    signature: { publicKey: null, signature },
});
const verdict = (value) => {
    const result = validateTxBasic(value);
    return result.ok ? 'valid' : codeOf(result.error);
};
txBasic('valid fee sets: none, one positive upokt coin, sorted distinct denoms', () => {
    assert.is(verdict(tx([])), 'valid');
    assert.is(verdict(tx([{ denom: 'upokt', amount: '10000' }])), 'valid');
    assert.is(verdict(tx([{ denom: 'aaa', amount: '1' }, { denom: 'upokt', amount: '1' }])), 'valid');
});
txBasic('invalid fee sets → sdk:14: bad denom, zero or negative amount, unsorted or repeated denoms, upper case', () => {
    assert.is(verdict(tx([{ denom: 'up', amount: '1' }])), 'sdk:14');
    assert.is(verdict(tx([{ denom: 'Upokt', amount: '1' }])), 'sdk:14');
    assert.is(verdict(tx([{ denom: 'upokt', amount: '0' }])), 'sdk:14');
    assert.is(verdict(tx([{ denom: 'upokt', amount: '-5' }])), 'sdk:14');
    assert.is(verdict(tx([{ denom: 'upokt', amount: '' }])), 'sdk:14');
    assert.is(verdict(tx([{ denom: 'upokt', amount: '1' }, { denom: 'aaa', amount: '1' }])), 'sdk:14');
    assert.is(verdict(tx([{ denom: 'upokt', amount: '1' }, { denom: 'upokt', amount: '1' }])), 'sdk:14');
    assert.is(verdict(tx([{ denom: 'aaa', amount: '1' }, { denom: 'Bbb', amount: '1' }])), 'sdk:14');
});
txBasic('an empty signature → sdk:4, after the fee check', () => {
    assert.is(verdict(tx([], '')), 'sdk:4');
    assert.is(verdict(tx([{ denom: 'upokt', amount: '0' }], '')), 'sdk:14');
});
txBasic('ours: a non-canonical fee amount → ledger:5', () => {
    assert.is(verdict(tx([{ denom: 'upokt', amount: '0x2710' }])), 'ledger:5');
});
txBasic('the declared upokt fee', () => {
    assert.is(declaredFeeUpokt(tx([{ denom: 'aaa', amount: '7' }, { denom: 'upokt', amount: '10000' }])), 10000n);
    assert.is(declaredFeeUpokt(tx([])), 0n);
});
txBasic.run();
const catalogue = suite('messages/codes: the §1.7 catalogue');
catalogue('every code PROTOCOL §1.7 lists exists, once per codespace:code', () => {
    const listed = {
        pos: [101, 102, 103, 104, 105, 106, 108, 109, 110, 111, 112, 115, 117, 118, 119, 120, 122, 123, 124, 125, 126, 127, 128, 129],
        application: [101, 103, 104, 105, 106, 110, 111, 112, 115, 116, 117, 118, 119, 120],
        pocketcore: [5, 8, 9, 11, 13, 14, 17, 22, 45, 48, 49, 53, 54, 60, 61, 63, 65, 66, 69, 71, 73, 84, 86, 88, 89, 91],
        gov: [3, 5, 7, 8, 9, 11],
        auth: [1, 2, 3, 4, 5, 6, 8],
        sdk: [1, 4, 5, 6, 7, 10, 11, 13, 14],
    };
    const present = new Set(ALL_CODES.map((code) => `${code.codespace}:${code.code}`));
    for (const [codespace, codes] of Object.entries(listed))
        for (const code of codes)
            assert.ok(present.has(`${codespace}:${code}`), `${codespace}:${code}`);
    assert.is(present.size, ALL_CODES.length, 'a codespace:code defined twice');
    for (const code of ALL_CODES)
        assert.match(code.name, /^[a-z][a-z0-9_]*$/);
});
catalogue.run();
//# sourceMappingURL=rules.test.js.map