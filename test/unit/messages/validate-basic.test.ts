/**
 * Goal: validateBasic gives pocket-core's verdict and code for every case of its ValidateBasic
 * (PROTOCOL §1 tables, TV-18), in pocket's check order, and our documented stricter codes only
 * where pocket-core accepts.
 * Method: given a valid message, when one field is changed, then the expected code. Cases
 * from pocket-core's Go tests are marked with file:line and use the values the test states
 * (random Go keys replaced by our fixed sample keys); the others follow the code path of
 * the cited ValidateBasic.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { assertOk, assertType } from '../../helpers/assert.js';
import { bytesToHex } from '../../../src/core/hex.js';
import { codeOf } from '../../../src/core/rejection.js';
import { sha3_256 } from '../../../src/crypto/hash.js';
import { validateBasic } from '../../../src/messages/index.js';
import type { WireMessage, WireRelayProof } from '../../../src/wire/index.js';
import { appKey, clientKey, outputKey, otherKey, sampleKey, sampleMessages, servicerKey, signedRelayProof, signerKey } from '../../gen/vectors/wire-samples.js';

/** 'valid' or the rejection's codespace:code. */
function verdict(msg: WireMessage): string {
  const result = validateBasic(msg);
  return result.ok ? 'valid' : codeOf(result.error);
}

const hex = bytesToHex;
const SIGNER = signerKey.address;
const OTHER = otherKey.address;
const PUBKEY = hex(signerKey.publicKey);

// ---------------------------------------------------------------------------------------------
const send = suite('messages/validateBasic: Send (x/nodes/types/msg.go:122-133)');
const validSend: Extract<WireMessage, { kind: 'Send' }> = { kind: 'Send', fromAddress: SIGNER, toAddress: OTHER, amount: '1' };

send('msg_test.go:384-442 — ok; empty from → pos:101; empty to → pos:101; amount −1 → pos:109', () => {
  assert.is(verdict(validSend), 'valid');
  assert.is(verdict({ ...validSend, fromAddress: '' }), 'pos:101');
  assert.is(verdict({ ...validSend, toAddress: '' }), 'pos:101');
  assert.is(verdict({ ...validSend, amount: '-1' }), 'pos:109');
});

send('amount 0 (or absent) → pos:109', () => {
  assert.is(verdict({ ...validSend, amount: '0' }), 'pos:109');
  assert.is(verdict({ ...validSend, amount: '' }), 'pos:109');
});

send('ours: a 19-byte address (pocket accepts it) → sdk:7', () => {
  assert.is(verdict({ ...validSend, toAddress: OTHER.slice(2) }), 'sdk:7');
  assert.is(verdict({ ...validSend, fromAddress: SIGNER + '00' }), 'sdk:7');
});

send('ours: amount text that pocket parses but that is not canonical decimal → ledger:5', () => {
  for (const amount of ['+1', '01', '0x1', '1_0', '0b1']) assert.is(verdict({ ...validSend, amount }), 'ledger:5', amount);
  // pocket's own checks still come first: "-0x1" is −1 → pos:109
  assert.is(verdict({ ...validSend, amount: '-0x1' }), 'pos:109');
});

send('the validated message has lowercase addresses and a bigint amount', () => {
  assert.equal(validateBasic({ ...validSend, fromAddress: SIGNER.toUpperCase(), amount: '8000010000' }), {
    ok: true,
    value: { type: 'Send', fromAddress: SIGNER, toAddress: OTHER, amountUpokt: 8_000_010_000n },
  });
});

send.run();

// ---------------------------------------------------------------------------------------------
const stakeNode = suite('messages/validateBasic: StakeNode (x/nodes/types/msg.go:217-242)');
type StakeNodeWire = Extract<WireMessage, { kind: 'StakeNode' }>;
const baseStake: StakeNodeWire = {
  kind: 'StakeNode',
  publicKey: PUBKEY,
  chains: ['0001'],
  value: '1',
  serviceUrl: 'https://www.pokt.network:8080',
  outputAddress: outputKey.address,
  rewardDelegators: null,
};

stakeNode('msg_test.go:592-666 — ok; value −1 → pos:102; chains [] → pos:115; chain "" → pos:119', () => {
  assert.is(verdict(baseStake), 'valid');
  assert.is(verdict({ ...baseStake, value: '-1' }), 'pos:102');
  assert.is(verdict({ ...baseStake, chains: [] }), 'pos:115');
  assert.is(verdict({ ...baseStake, chains: [''] }), 'pos:119');
});

stakeNode('empty public key → pos:103; chain not hex / 3 bytes → pos:119; bad service URL → pos:118', () => {
  assert.is(verdict({ ...baseStake, publicKey: '' }), 'pos:103');
  assert.is(verdict({ ...baseStake, chains: ['0001', 'zz01'] }), 'pos:119');
  assert.is(verdict({ ...baseStake, chains: ['000102'] }), 'pos:119');
  assert.is(verdict({ ...baseStake, chains: ['001'] }), 'pos:119');
  assert.is(verdict({ ...baseStake, serviceUrl: 'https://www.pokt.network' }), 'pos:118');
});

stakeNode('check order: value before chains before URL', () => {
  assert.is(verdict({ ...baseStake, value: '0', chains: [], serviceUrl: '' }), 'pos:102');
  assert.is(verdict({ ...baseStake, chains: [], serviceUrl: '' }), 'pos:115');
  assert.is(verdict({ ...baseStake, chains: ['x'], serviceUrl: '' }), 'pos:119');
});

// TV-18: msg_test.go:667-713, chains ["0001","0040","03DF"], value 1,000,000,000,000, URL "https://pokt.network:1"
const delegatorStake = (rewardDelegators: ReadonlyArray<readonly [string, number]> | null): StakeNodeWire => ({
  kind: 'StakeNode',
  publicKey: PUBKEY,
  chains: ['0001', '0040', '03DF'],
  value: '1000000000000',
  serviceUrl: 'https://pokt.network:1',
  outputAddress: outputKey.address,
  rewardDelegators,
});
const D1 = sampleKey(8).address;
const D2 = sampleKey(9).address;

stakeNode('TV-18 msg_test.go:667-713 — reward delegators', () => {
  assert.is(verdict(delegatorStake(null)), 'valid');
  assert.is(verdict(delegatorStake([['1234', 10]])), 'pos:128');
  assert.is(verdict(delegatorStake([[D1, 0]])), 'pos:128');
  assert.is(verdict(delegatorStake([[D1, 100]])), 'valid');
  assert.is(verdict(delegatorStake([[D1, 100], [D2, 1]])), 'pos:128');
  assert.is(verdict(delegatorStake([[D1, 99], [D2, 1]])), 'valid');
  assert.is(verdict(delegatorStake([[D1, 98], [D2, 1]])), 'valid');
});

stakeNode('"03DF" (upper-case hex) is accepted and every chain is canonicalised to upper case, as-signed kept', () => {
  const stake = assertType(assertOk(validateBasic({ ...delegatorStake(null), chains: ['0001', '03df', '03DF'] })), 'StakeNode');
  assert.equal(stake.chains, ['0001', '03DF', '03DF']);
  assert.equal(stake.chainsAsSigned, ['0001', '03df', '03DF']);
  assert.is(stake.operatorAddress, SIGNER);
});

stakeNode('1-byte chains are valid staking chains (NetworkIdentifierLength 2 is a maximum)', () => {
  assert.is(verdict({ ...baseStake, chains: ['01'] }), 'valid');
});

stakeNode('ours: delegator key "" (Go: AddressFromHex("") ok) or the same address twice → pos:128', () => {
  assert.is(verdict(delegatorStake([['', 10]])), 'pos:128');
  assert.is(verdict(delegatorStake([[D1, 10], [D1.toUpperCase(), 10]])), 'pos:128');
  // Go keeps the last of two equal keys: {D1:200, D1:10} is a map {D1:10} there and here it is a duplicate
  assert.is(verdict(delegatorStake([[D1, 200], [D1, 10]])), 'pos:128');
});

stakeNode('ours: secp256k1 (33-byte) key → ledger:6; output address of 19 bytes → sdk:7; value "+1" → ledger:5', () => {
  assert.is(verdict({ ...baseStake, publicKey: '02' + PUBKEY }), 'ledger:6');
  assert.is(verdict({ ...baseStake, outputAddress: OTHER.slice(2) }), 'sdk:7');
  assert.is(verdict({ ...baseStake, value: '+1' }), 'ledger:5');
});

stakeNode('the validated delegators are lowercase and sorted by address', () => {
  const [low, high] = [D1, D2].sort();
  const stake = assertType(assertOk(validateBasic(delegatorStake([[high!.toUpperCase(), 1], [low!, 2]]))), 'StakeNode');
  assert.equal(stake.rewardDelegators, [[low, 2], [high, 1]]);
});

stakeNode.run();

// ---------------------------------------------------------------------------------------------
const nodeOthers = suite('messages/validateBasic: BeginUnstakeNode, UnjailNode (x/nodes/types/msg.go:44-91)');

nodeOthers('msg_test.go:159-198 — BeginUnstake: nil address → pos:103; nil signer → pos:126; pass', () => {
  assert.is(verdict({ kind: 'BeginUnstakeNode', validatorAddress: '', signerAddress: OTHER }), 'pos:103');
  assert.is(verdict({ kind: 'BeginUnstakeNode', validatorAddress: SIGNER, signerAddress: '' }), 'pos:126');
  assert.is(verdict({ kind: 'BeginUnstakeNode', validatorAddress: SIGNER, signerAddress: OTHER }), 'valid');
});

nodeOthers('msg_test.go:869-912 — Unjail: nil address → pos:101; nil signer → pos:126; ok', () => {
  assert.is(verdict({ kind: 'UnjailNode', validatorAddress: '', signerAddress: OTHER }), 'pos:101');
  assert.is(verdict({ kind: 'UnjailNode', validatorAddress: SIGNER, signerAddress: '' }), 'pos:126');
  assert.is(verdict({ kind: 'UnjailNode', validatorAddress: SIGNER, signerAddress: OTHER }), 'valid');
});

nodeOthers('ours: short addresses → sdk:7', () => {
  assert.is(verdict({ kind: 'BeginUnstakeNode', validatorAddress: 'ab', signerAddress: OTHER }), 'sdk:7');
  assert.is(verdict({ kind: 'UnjailNode', validatorAddress: SIGNER, signerAddress: 'ab' }), 'sdk:7');
});

nodeOthers.run();

// ---------------------------------------------------------------------------------------------
const apps = suite('messages/validateBasic: application messages (x/apps/types/msg.go)');
const APP_KEY = hex(appKey.publicKey);
const validApp: Extract<WireMessage, { kind: 'StakeApp' }> = { kind: 'StakeApp', publicKey: APP_KEY, chains: ['0001'], value: '1000000' };

apps('TV-18 apps msg_test.go:140-185 — empty → application:103; value −1 → 115; chains [] → 116; "aaaaaa" → 117; valid', () => {
  assert.is(verdict({ kind: 'StakeApp', publicKey: '', chains: [], value: '' }), 'application:103');
  assert.is(verdict({ kind: 'StakeApp', publicKey: APP_KEY, chains: [], value: '-1' }), 'application:115');
  assert.is(verdict({ kind: 'StakeApp', publicKey: APP_KEY, chains: [], value: '1' }), 'application:116');
  assert.is(verdict({ ...validApp, chains: ['aaaaaa'] }), 'application:117');
  assert.is(verdict(validApp), 'valid');
});

apps('the transfer form (value 0, no chains) passes at once (IsValidTransfer, msg.go:71-87); value 0 with chains does not', () => {
  const transfer = assertType(assertOk(validateBasic({ kind: 'StakeApp', publicKey: APP_KEY, chains: [], value: '0' })), 'StakeApp');
  assert.is(transfer.transfer, true);
  assert.is(transfer.valueUpokt, 0n);
  assert.is(transfer.applicationAddress, appKey.address);
  assert.is(verdict({ kind: 'StakeApp', publicKey: APP_KEY, chains: [], value: '' }), 'valid');
  assert.is(verdict({ kind: 'StakeApp', publicKey: APP_KEY, chains: ['0001'], value: '0' }), 'application:115');
});

apps('ours: a secp256k1 key → ledger:6 (both forms); non-canonical value → ledger:5', () => {
  assert.is(verdict({ ...validApp, publicKey: '03' + APP_KEY }), 'ledger:6');
  assert.is(verdict({ kind: 'StakeApp', publicKey: '03' + APP_KEY, chains: [], value: '0' }), 'ledger:6');
  assert.is(verdict({ ...validApp, value: '0x10' }), 'ledger:5');
  assert.is(verdict({ kind: 'StakeApp', publicKey: APP_KEY, chains: [], value: '00' }), 'ledger:5');
});

apps('apps msg_test.go:282-312 — BeginUnstake without address → application:103', () => {
  assert.is(verdict({ kind: 'BeginUnstakeApp', applicationAddress: '' }), 'application:103');
  assert.is(verdict({ kind: 'BeginUnstakeApp', applicationAddress: appKey.address }), 'valid');
  assert.is(verdict({ kind: 'BeginUnstakeApp', applicationAddress: 'ab' }), 'sdk:7');
});

apps('apps msg_test.go:409-440 — Unjail without address → application:101', () => {
  assert.is(verdict({ kind: 'UnjailApp', applicationAddress: '' }), 'application:101');
  assert.is(verdict({ kind: 'UnjailApp', applicationAddress: appKey.address }), 'valid');
  assert.is(verdict({ kind: 'UnjailApp', applicationAddress: 'ab' }), 'sdk:7');
});

apps.run();

// ---------------------------------------------------------------------------------------------
const claim = suite('messages/validateBasic: Claim (x/pocketcore/types/msgs.go:30-74)');
// msgs_test.go:31-149: chain hex([]byte{01}) = "01", root = Hash("fakeRoot") with range upper 100, 100 proofs
const validClaim: Extract<WireMessage, { kind: 'Claim' }> = {
  kind: 'Claim',
  header: { appPublicKey: APP_KEY, chain: '01', sessionHeight: 1n },
  merkleRoot: { hash: hex(sha3_256('fakeRoot')), lower: 0n, upper: 100n },
  totalProofs: 100n,
  fromAddress: servicerKey.address,
  evidenceType: 1n,
  expirationHeight: 0n,
};

claim('msgs_test.go:31-149 — valid; app key "" → 54; root "bad_root" → 62; proofs −1 → 11; empty from (with −1 proofs) → 11; no evidence → 84', () => {
  assert.is(verdict(validClaim), 'valid');
  assert.is(verdict({ ...validClaim, header: { ...validClaim.header, appPublicKey: '' } }), 'pocketcore:54');
  assert.is(verdict({ ...validClaim, merkleRoot: { hash: hex(Buffer.from('bad_root')), lower: 0n, upper: 0n } }), 'pocketcore:62');
  assert.is(verdict({ ...validClaim, totalProofs: -1n }), 'pocketcore:11');
  assert.is(verdict({ ...validClaim, totalProofs: -1n, fromAddress: '' }), 'pocketcore:11');
  assert.is(verdict({ ...validClaim, evidenceType: 0n }), 'pocketcore:84');
});

claim('every check of PROTOCOL §1.4 in order', () => {
  assert.is(verdict({ ...validClaim, header: { ...validClaim.header, chain: '' } }), 'pocketcore:8');
  assert.is(verdict({ ...validClaim, header: { ...validClaim.header, sessionHeight: 0n } }), 'pocketcore:9');
  assert.is(verdict({ ...validClaim, totalProofs: 4n }), 'pocketcore:11');
  assert.is(verdict({ ...validClaim, totalProofs: 5n }), 'valid');
  assert.is(verdict({ ...validClaim, header: { ...validClaim.header, appPublicKey: 'zz' } }), 'pocketcore:54');
  assert.is(verdict({ ...validClaim, fromAddress: '' }), 'pocketcore:22');
  assert.is(verdict({ ...validClaim, fromAddress: 'abcd' }), 'pocketcore:22');
  assert.is(verdict({ ...validClaim, merkleRoot: { ...validClaim.merkleRoot, hash: null } }), 'pocketcore:23');
  assert.is(verdict({ ...validClaim, merkleRoot: { ...validClaim.merkleRoot, hash: 'ab' } }), 'pocketcore:62');
  assert.is(verdict({ ...validClaim, merkleRoot: { ...validClaim.merkleRoot, upper: 0n } }), 'pocketcore:89');
  assert.is(verdict({ ...validClaim, merkleRoot: { ...validClaim.merkleRoot, lower: 100n } }), 'pocketcore:89');
  assert.is(verdict({ ...validClaim, merkleRoot: { ...validClaim.merkleRoot, lower: 1n } }), 'pocketcore:73');
  assert.is(verdict({ ...validClaim, evidenceType: 3n }), 'pocketcore:5');
  assert.is(verdict({ ...validClaim, evidenceType: 2n }), 'valid');
  assert.is(verdict({ ...validClaim, expirationHeight: 1n }), 'pocketcore:88');
});

claim('ours: the chain must be 1–4 bytes of hex (pocket checks non-empty only) → pocketcore:52 / 62', () => {
  assert.is(verdict({ ...validClaim, header: { ...validClaim.header, chain: 'eth' } }), 'pocketcore:52');
  assert.is(verdict({ ...validClaim, header: { ...validClaim.header, chain: '0102030405' } }), 'pocketcore:62');
  // pocket's own checks first: an invalid chain with 0 proofs is still pocketcore:11
  assert.is(verdict({ ...validClaim, header: { ...validClaim.header, chain: 'eth' }, totalProofs: 0n }), 'pocketcore:11');
});

claim('ours: a session height beyond 2^53 → ledger:8', () => {
  assert.is(verdict({ ...validClaim, header: { ...validClaim.header, sessionHeight: 1n << 60n } }), 'ledger:8');
});

claim('the validated claim keeps the as-signed chain and app key next to the canonical ones', () => {
  const claimed = assertType(assertOk(validateBasic({ ...validClaim, header: { ...validClaim.header, chain: '000a', appPublicKey: APP_KEY.toUpperCase() } })), 'Claim');
  assert.equal(claimed.header, { appPublicKey: APP_KEY, appPublicKeyAsSigned: APP_KEY.toUpperCase(), chain: '000A', chainAsSigned: '000a', sessionHeight: 1 });
});

claim.run();

// ---------------------------------------------------------------------------------------------
const proof = suite('messages/validateBasic: Proof (x/pocketcore/types/msgs.go:173-190, proof.go:105-143)');
const hash = (label: string): string => hex(sha3_256(label));
// msgs_test.go:180-260: ranges {0,1},{1,2},{2,3}, target {3,4}, leaf entropy 1, SBH 1, chain "01", request hash = servicer key
const goLeaf = signedRelayProof({ entropy: 1n, sessionBlockHeight: 1n, blockchain: '01', requestHash: hex(servicerKey.publicKey) });
const validProof: Extract<WireMessage, { kind: 'Proof' }> = {
  kind: 'Proof',
  merkleProof: {
    index: 0n,
    hashRanges: [
      { hash: hash('fake1'), lower: 0n, upper: 1n },
      { hash: hash('fake2'), lower: 1n, upper: 2n },
      { hash: hash('fake3'), lower: 2n, upper: 3n },
    ],
    target: { hash: hash('fake4'), lower: 3n, upper: 4n },
  },
  leaf: { kind: 'relay', proof: goLeaf },
  evidenceType: 1n,
};
const withLeaf = (changes: Partial<WireRelayProof>): WireMessage => ({ ...validProof, leaf: { kind: 'relay', proof: { ...goLeaf, ...changes } } });

proof('msgs_test.go:180-314 (cumulative mutations as the Go test builds them)', () => {
  assert.is(verdict(validProof), 'valid');
  // entropy 1 → 0 after signing: the client signature no longer verifies
  assert.is(verdict(withLeaf({ entropy: 0n })), 'pocketcore:41');
  assert.is(verdict({ ...validProof, merkleProof: { ...validProof.merkleProof, hashRanges: [] } }), 'pocketcore:63');
  // PROTOCOL §12.2 item 17: fewer than 3 levels (msgs.go:175 `< 3`) → pocketcore:63; validProof has exactly 3.
  assert.is(verdict({ ...validProof, merkleProof: { ...validProof.merkleProof, hashRanges: validProof.merkleProof.hashRanges.slice(0, 2) } }), 'pocketcore:63');
  assert.is(verdict(withLeaf({ entropy: 0n, sessionBlockHeight: -1n })), 'pocketcore:60');
  const token = { ...goLeaf.aat, signature: '' };
  assert.is(verdict(withLeaf({ entropy: 0n, sessionBlockHeight: -1n, aat: token })), 'pocketcore:60');
  assert.is(verdict(withLeaf({ entropy: 0n, sessionBlockHeight: -1n, aat: token, blockchain: '' })), 'pocketcore:60');
  assert.is(verdict(withLeaf({ entropy: 0n, sessionBlockHeight: -1n, aat: token, blockchain: '', signature: hex(Buffer.from('foobar')) })), 'pocketcore:60');
});

proof('each check alone, in order', () => {
  assert.is(verdict({ ...validProof, merkleProof: { ...validProof.merkleProof, target: { hash: hash('x'), lower: 4n, upper: 4n } } }), 'pocketcore:89');
  assert.is(verdict(withLeaf({ sessionBlockHeight: 0n })), 'pocketcore:60');
  assert.is(verdict(withLeaf({ servicerPublicKey: 'xyz' })), 'pocketcore:6');
  assert.is(verdict(withLeaf({ servicerPublicKey: 'abcd' })), 'pocketcore:42');
  assert.is(verdict(withLeaf({ blockchain: 'x1' })), 'pocketcore:52');
  assert.is(verdict(withLeaf({ blockchain: '' })), 'pocketcore:23');
  assert.is(verdict(withLeaf({ blockchain: '0102030405' })), 'pocketcore:62');
  assert.is(verdict(withLeaf({ requestHash: 'q' })), 'pocketcore:52');
  assert.is(verdict(withLeaf({ requestHash: '' })), 'pocketcore:23');
  assert.is(verdict(withLeaf({ requestHash: 'abcd' })), 'pocketcore:62');
  assert.is(verdict(withLeaf({ entropy: -1n })), 'pocketcore:29');
  assert.is(verdict(withLeaf({ signature: 'not hex' })), 'pocketcore:39');
  assert.is(verdict(withLeaf({ signature: 'abcd' })), 'pocketcore:38');
  assert.is(verdict(withLeaf({ signature: hex(new Uint8Array(64)) })), 'pocketcore:41');
  assert.is(verdict({ ...validProof, evidenceType: 0n }), 'pocketcore:5');
  assert.is(verdict({ ...validProof, evidenceType: 2n }), 'valid');
});

proof('AAT.Validate failures are all pocketcore:4 (aat.go:33-118)', () => {
  const aat = goLeaf.aat;
  assert.is(verdict(withLeaf({ aat: { ...aat, version: '' } })), 'pocketcore:4');
  assert.is(verdict(withLeaf({ aat: { ...aat, version: '0.0.2' } })), 'pocketcore:4');
  assert.is(verdict(withLeaf({ aat: { ...aat, appPublicKey: '' } })), 'pocketcore:4');
  assert.is(verdict(withLeaf({ aat: { ...aat, appPublicKey: 'abcd' } })), 'pocketcore:4');
  assert.is(verdict(withLeaf({ aat: { ...aat, clientPublicKey: '' } })), 'pocketcore:4');
  assert.is(verdict(withLeaf({ aat: { ...aat, signature: hex(new Uint8Array(64)) } })), 'pocketcore:4');
});

proof('the leaf is signed by the AAT client over the leaf hash; a leaf signed by anyone else fails (41)', () => {
  assert.is(verdict({ ...validProof, leaf: { kind: 'relay', proof: signedRelayProof({}, otherKey) } }), 'pocketcore:41');
  assert.is(verdict({ ...validProof, leaf: { kind: 'relay', proof: signedRelayProof({}, clientKey) } }), 'valid');
});

proof('a leaf without a oneof member is an empty relay proof (pocketcore:60); a challenge leaf is ledger:7', () => {
  assert.is(verdict({ ...validProof, leaf: { kind: 'none' } }), 'pocketcore:60');
  const response = { signature: '', payload: '', proof: goLeaf };
  assert.is(verdict({ ...validProof, leaf: { kind: 'challenge', proof: { majorityResponses: [response, response], minorityResponse: response, reporterAddress: SIGNER } } }), 'ledger:7');
});

proof('the validated leaf carries the servicer address and the canonical chain', () => {
  const proved = assertType(assertOk(validateBasic(withLeaf({}))), 'Proof');
  assert.is(proved.leaf.servicerAddress, servicerKey.address);
  assert.is(proved.leaf.blockchain, '01');
  assert.is(proved.leaf.sessionBlockHeight, 1);
});

proof.run();

// ---------------------------------------------------------------------------------------------
const gov = suite('messages/validateBasic: gov messages (x/gov/types/msg.go)');
const OWNER = sampleKey(7).address;
const FALSE_JSON = hex(Buffer.from('false')); // cdc.MarshalJSON(false), gov msg_test.go:12

gov('gov msg_test.go:10-33 — ParamChange: valid; empty key → gov:3; nil address → sdk:7; nil value → gov:3', () => {
  assert.is(verdict({ kind: 'ParamChange', fromAddress: OWNER, paramKey: 'bank/sendenabled', paramValue: FALSE_JSON }), 'valid');
  assert.is(verdict({ kind: 'ParamChange', fromAddress: OWNER, paramKey: '', paramValue: FALSE_JSON }), 'gov:3');
  assert.is(verdict({ kind: 'ParamChange', fromAddress: '', paramKey: 'bank/sendenabled', paramValue: FALSE_JSON }), 'sdk:7');
  assert.is(verdict({ kind: 'ParamChange', fromAddress: OWNER, paramKey: 'bank/sendenabled', paramValue: null }), 'gov:3');
});

gov('ours: ParamChange with a present-but-empty value → gov:3; a short address → sdk:7', () => {
  assert.is(verdict({ kind: 'ParamChange', fromAddress: OWNER, paramKey: 'k', paramValue: '' }), 'gov:3');
  assert.is(verdict({ kind: 'ParamChange', fromAddress: 'ab', paramKey: 'k', paramValue: FALSE_JSON }), 'sdk:7');
});

gov('gov msg_test.go:52-85 — DAOTransfer: valid; no action → gov:7; zero → gov:8; zero without to → gov:8; zero without from → sdk:7', () => {
  const valid: Extract<WireMessage, { kind: 'DAOTransfer' }> = { kind: 'DAOTransfer', fromAddress: OWNER, toAddress: OTHER, amount: '1', action: 'dao_transfer' };
  assert.is(verdict(valid), 'valid');
  assert.is(verdict({ ...valid, action: '' }), 'gov:7');
  assert.is(verdict({ ...valid, amount: '0' }), 'gov:8');
  assert.is(verdict({ ...valid, toAddress: '', amount: '0' }), 'gov:8');
  assert.is(verdict({ ...valid, fromAddress: '', amount: '0' }), 'sdk:7');
});

gov('DAOTransfer: a transfer needs a recipient (sdk:7); a burn does not', () => {
  assert.is(verdict({ kind: 'DAOTransfer', fromAddress: OWNER, toAddress: '', amount: '1', action: 'dao_transfer' }), 'sdk:7');
  assert.is(verdict({ kind: 'DAOTransfer', fromAddress: OWNER, toAddress: '', amount: '1', action: 'dao_burn' }), 'valid');
});

gov('ours: DAOTransfer negative → gov:8, above int64 → ledger:8 (pocket panics), non-canonical → ledger:5', () => {
  const valid: Extract<WireMessage, { kind: 'DAOTransfer' }> = { kind: 'DAOTransfer', fromAddress: OWNER, toAddress: OTHER, amount: '1', action: 'dao_burn' };
  assert.is(verdict({ ...valid, amount: '-1' }), 'gov:8');
  assert.is(verdict({ ...valid, amount: '9223372036854775808' }), 'ledger:8');
  assert.is(verdict({ ...valid, amount: '9223372036854775807' }), 'valid');
  assert.is(verdict({ ...valid, amount: '0x1' }), 'ledger:5');
});

gov('gov msg_test.go:87-112 — Upgrade: valid (100, "2.0.0"); height 0 → gov:9; version "" → gov:9', () => {
  const valid: Extract<WireMessage, { kind: 'Upgrade' }> = { kind: 'Upgrade', address: OWNER, upgrade: { height: 100n, version: '2.0.0', oldUpgradeHeight: 0n, features: [] } };
  assert.is(verdict(valid), 'valid');
  assert.is(verdict({ ...valid, upgrade: { ...valid.upgrade, height: 0n } }), 'gov:9');
  assert.is(verdict({ ...valid, upgrade: { ...valid.upgrade, version: '' } }), 'gov:9');
  assert.is(verdict({ ...valid, address: '' }), 'sdk:7');
});

gov('ours: Upgrade with a negative height → gov:9; malformed feature → ledger:9; huge height → ledger:8', () => {
  const valid: Extract<WireMessage, { kind: 'Upgrade' }> = { kind: 'Upgrade', address: OWNER, upgrade: { height: 100n, version: '2.0.0', oldUpgradeHeight: 0n, features: ['RSCAL:69232'] } };
  assert.is(verdict(valid), 'valid');
  assert.is(verdict({ ...valid, upgrade: { ...valid.upgrade, height: -5n } }), 'gov:9');
  for (const feature of ['RSCAL', 'RSCAL:', ':5', 'RSCAL:-1', 'RSCAL:+1', 'RSCAL:01', 'A:1:2', 'A B:1']) {
    assert.is(verdict({ ...valid, upgrade: { ...valid.upgrade, features: [feature] } }), 'ledger:9', feature);
  }
  assert.is(verdict({ ...valid, upgrade: { ...valid.upgrade, height: 1n << 60n } }), 'ledger:8');
});

gov.run();

// ---------------------------------------------------------------------------------------------
const samples = suite('messages/validateBasic: the shared samples');

samples('every sample message is valid', () => {
  for (const sample of sampleMessages()) assert.is(verdict(sample.msg), 'valid', sample.name);
});

samples.run();
