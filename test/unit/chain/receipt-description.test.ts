/**
 * Goal: a decoded tx whose message fails ValidateBasic still gets pocket-core's message type,
 * signer and recipient on its receipt. DeliverTx (baseapp/baseapp.go:808-818 at RC-0.12.0) sets
 * them whenever the tx decodes: MessageType = msg.Type(), Recipient = msg.GetRecipient(), and —
 * runTx returning no signer key when ValidateBasic fails (baseapp.go:1026-1028) — Signer =
 * msg.GetSigners()[0], computed from the fields as sent, whatever they hold. The tx indexer then
 * lists the tx under that signer and recipient (types/indexer.go:93-103), so it shows in their
 * accounttxs.
 * Method: one block of such txs through the real producer and reducer, each expected value worked
 * out here from the Go source named beside it (addresses: SHA-256(ed25519 key)[:20]; secp256k1:
 * RIPEMD-160(SHA-256(key)), tendermint crypto/secp256k1/secp256k1.go:142-150, with node:crypto);
 * then a data directory with a zero-amount Send, projected and served, asked for accounttxs.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { TxReceipt } from '../../../src/chain/receipts.js';
import { project } from '../../../src/projection/run.js';
import { ChainWriter } from '../../../src/runtime/chain-writer.js';
import { initDataDir } from '../../../src/runtime/data-dir.js';
import type { WireMessage, WireRelayProof } from '../../../src/wire/types.js';
import { BLOCK_INTERVAL_NS, produce, sendMsg, signTx, startChain, testGenesisJson, testKey, type TestKey } from '../../helpers/chain.js';
import { postTo, serveInProcess } from '../../helpers/query.js';

const alice = testKey('receipt-description alice');
const bob = testKey('receipt-description bob');
const validator = testKey('validator-1');

const sha256 = (bytes: Buffer): Buffer => createHash('sha256').update(bytes).digest();
const ed25519Address = (publicKeyHex: string): string => sha256(Buffer.from(publicKeyHex, 'hex')).subarray(0, 20).toString('hex');
const secp256k1Address = (publicKeyHex: string): string => createHash('ripemd160').update(sha256(Buffer.from(publicKeyHex, 'hex'))).digest('hex');

/** A 33-byte key in secp256k1's compressed form: pocket-core takes any 33 bytes as one (crypto/keys.go:92-93). */
const SECP256K1_KEY = `02${'5a'.repeat(32)}`;
/** A 19-byte address: pocket's ValidateBasic only checks for emptiness. */
const SHORT_ADDRESS = 'ab'.repeat(19);

const RANGE = { hash: '11'.repeat(32), lower: 0n, upper: 10n };

function relayProof(servicerPublicKey: string, blockchain = '0001'): WireRelayProof {
  return {
    requestHash: '22'.repeat(32),
    entropy: 1n,
    sessionBlockHeight: 1n,
    servicerPublicKey,
    blockchain,
    aat: { version: '0.0.1', appPublicKey: bob.publicKey, clientPublicKey: bob.publicKey, signature: '' },
    signature: '',
  };
}

function proofMsg(leaf: Extract<WireMessage, { kind: 'Proof' }>['leaf'], levels: number): WireMessage {
  return { kind: 'Proof', merkleProof: { index: 0n, hashRanges: Array.from({ length: levels }, () => RANGE), target: RANGE }, leaf, evidenceType: 1n };
}

interface Case {
  readonly label: string;
  readonly msg: WireMessage;
  /** The rejection pocket-core's ValidateBasic gives it (ours too). */
  readonly rejection: string;
  readonly messageType: string;
  readonly signer: string | null;
  readonly recipient: string | null;
}

const CASES: readonly Case[] = [
  // x/nodes/types/msg.go:129-131 (pos:109); GetSigners [FromAddress] msg.go:107-109; GetRecipient ToAddress msg.go:111-113
  { label: 'a zero-amount Send', msg: sendMsg(alice, bob, 0n), rejection: 'send_amount_must_be_positive', messageType: 'send', signer: alice.address, recipient: bob.address },
  // the same, with the recipient's bytes as sent (sdk.Address is any bytes)
  { label: 'a zero-amount Send to a 19-byte address', msg: sendMsg(alice, SHORT_ADDRESS as TestKey['address'], 0n), rejection: 'send_amount_must_be_positive', messageType: 'send', signer: alice.address, recipient: SHORT_ADDRESS },
  // MsgStake.ValidateBasic msg.go:221-223 (pos:102); GetSigners [PublicKey.Address(), Output] msg.go:202-204; GetRecipient nil msg.go:206-208
  { label: 'a zero-value StakeNode', msg: { kind: 'StakeNode', publicKey: bob.publicKey, chains: ['0001'], value: '0', serviceUrl: 'https://node.example.com:443', outputAddress: alice.address, rewardDelegators: null }, rejection: 'stake_amount_must_be_positive', messageType: 'stake_validator', signer: ed25519Address(bob.publicKey), recipient: null },
  // the same with a secp256k1 key: its address is RIPEMD-160(SHA-256(key))
  { label: 'a zero-value StakeNode with a secp256k1 key', msg: { kind: 'StakeNode', publicKey: SECP256K1_KEY, chains: ['0001'], value: '0', serviceUrl: 'https://node.example.com:443', outputAddress: alice.address, rewardDelegators: null }, rejection: 'stake_amount_must_be_positive', messageType: 'stake_validator', signer: secp256k1Address(SECP256K1_KEY), recipient: null },
  // MsgBeginUnstake: GetSigners [Signer, Address] msg.go:29-31 — the signer is first, though the validator is missing
  { label: 'a BeginUnstakeNode without a validator address', msg: { kind: 'BeginUnstakeNode', validatorAddress: '', signerAddress: alice.address }, rejection: 'validator_address_missing', messageType: 'begin_unstake_validator', signer: alice.address, recipient: null },
  // ... and GetSigners()[0] is the empty Signer: nothing to list (baseapp.go:813-814, indexer.go:95)
  { label: 'a BeginUnstakeNode without a signer', msg: { kind: 'BeginUnstakeNode', validatorAddress: alice.address, signerAddress: '' }, rejection: 'signer_address_missing', messageType: 'begin_unstake_validator', signer: null, recipient: null },
  // MsgUnjail: GetSigners [Signer, ValidatorAddr] msg.go:68-70
  { label: 'an UnjailNode without a validator address', msg: { kind: 'UnjailNode', validatorAddress: '', signerAddress: alice.address }, rejection: 'validator_not_found', messageType: 'unjail_validator', signer: alice.address, recipient: null },
  // x/apps/types/msg.go: GetSigners [PubKey.Address()] 32-34
  { label: 'a zero-value StakeApp with chains', msg: { kind: 'StakeApp', publicKey: bob.publicKey, chains: ['0001'], value: '0' }, rejection: 'stake_amount_must_be_positive', messageType: 'app_stake', signer: ed25519Address(bob.publicKey), recipient: null },
  // x/apps/types/msg.go: GetSigners [Address] 171-173, [AppAddr] 217-219 — empty
  { label: 'a BeginUnstakeApp without an address', msg: { kind: 'BeginUnstakeApp', applicationAddress: '' }, rejection: 'application_address_missing', messageType: 'app_begin_unstake', signer: null, recipient: null },
  { label: 'an UnjailApp without an address', msg: { kind: 'UnjailApp', applicationAddress: '' }, rejection: 'application_not_found', messageType: 'app_unjail', signer: null, recipient: null },
  // x/pocketcore/types/msgs.go:42-44 (total_proofs < 5); GetSigners [FromAddress] msgs.go:82-84
  {
    label: 'a Claim of 4 relays',
    msg: { kind: 'Claim', header: { appPublicKey: bob.publicKey, chain: '0001', sessionHeight: 1n }, merkleRoot: RANGE, totalProofs: 4n, fromAddress: alice.address, evidenceType: 1n, expirationHeight: 0n },
    rejection: 'too_few_proofs',
    messageType: 'claim',
    signer: alice.address,
    recipient: null,
  },
  // MsgProof: GetSigners [Leaf.GetSigner()] msgs.go:198-200; RelayProof.GetSigner: nil for a key NewPublicKey refuses (proof.go:231-237)
  { label: 'a Proof whose servicer key is not hex', msg: proofMsg({ kind: 'relay', proof: relayProof('zz') }, 3), rejection: 'public_key_decode_failed', messageType: 'proof', signer: null, recipient: null },
  // ... a 31-byte key: neither ed25519 (32) nor secp256k1 (33) nor amino multisig (crypto/keys.go:88-99)
  { label: 'a Proof whose servicer key is 31 bytes', msg: proofMsg({ kind: 'relay', proof: relayProof('cd'.repeat(31)) }, 3), rejection: 'invalid_public_key_size', messageType: 'proof', signer: null, recipient: null },
  // ... a valid key in upper case (Go's hex.DecodeString takes either case) on a proof that fails
  // later: an empty relay chain (NetworkIdentifierVerification, x/pocketcore/types/crypto.go:25-41)
  { label: 'a Proof with an upper-case servicer key and no relay chain', msg: proofMsg({ kind: 'relay', proof: relayProof(bob.publicKey.toUpperCase(), '') }, 3), rejection: 'hash_missing', messageType: 'proof', signer: bob.address, recipient: null },
  // ... no leaf at all: an empty RelayProof (proof.go:37-47), whose "" key is refused
  { label: 'a Proof without a leaf', msg: proofMsg({ kind: 'none' }, 2), rejection: 'too_few_merkle_levels', messageType: 'proof', signer: null, recipient: null },
  // ... a challenge proof: ChallengeProofInvalidData.GetSigner = ReporterAddress (proof.go:458-460)
  {
    label: 'a challenge Proof of 2 levels',
    msg: proofMsg({ kind: 'challenge', proof: { majorityResponses: [], minorityResponse: { signature: '', payload: '', proof: relayProof(bob.publicKey) }, reporterAddress: alice.address } }, 2),
    rejection: 'too_few_merkle_levels',
    messageType: 'proof',
    signer: alice.address,
    recipient: null,
  },
  // x/gov/types/msg.go: GetSigners [FromAddress] 40-42
  { label: 'a ParamChange without a key', msg: { kind: 'ParamChange', fromAddress: alice.address, paramKey: '', paramValue: '22' }, rejection: 'parameter_key_or_value_empty', messageType: 'change_param', signer: alice.address, recipient: null },
  // GetSigners [FromAddress] 91-93; GetRecipient nil 96-98 (not ToAddress); Type "dao_tranfer" (sic)
  { label: 'a zero DAOTransfer', msg: { kind: 'DAOTransfer', fromAddress: alice.address, toAddress: bob.address, amount: '0', action: 'dao_transfer' }, rejection: 'dao_amount_must_not_be_zero', messageType: 'dao_tranfer', signer: alice.address, recipient: null },
  // GetSigners [Address] 144-146
  { label: 'an Upgrade at height 0', msg: { kind: 'Upgrade', address: alice.address, upgrade: { height: 0n, version: '1.0', oldUpgradeHeight: 0n, features: [] } }, rejection: 'upgrade_height_or_version_missing', messageType: 'upgrade', signer: alice.address, recipient: null },
];

const described = suite('chain: a message failing ValidateBasic keeps its type, signer and recipient');

described('every message kind, from its fields as sent (pocket-core GetSigners()[0] / GetRecipient())', () => {
  const state = startChain({ accounts: [{ key: alice, balanceUpokt: 1_000_000_000n }], validators: [{ key: validator, tokensUpokt: 100_000_000_000n }] });
  const receipts = produce(state, CASES.map((c) => signTx(alice, c.msg))).receipts;
  assert.is(receipts.length, CASES.length);
  CASES.forEach((c, i) => {
    const receipt: TxReceipt = receipts[i]!;
    assert.is(receipt.name, c.rejection, `${c.label}: ${receipt.log}`);
    assert.is(receipt.feeUpokt, 0n, c.label);
    assert.equal({ messageType: receipt.messageType, signer: receipt.signer, recipient: receipt.recipient }, { messageType: c.messageType, signer: c.signer, recipient: c.recipient }, c.label);
  });
});

described('an in-block duplicate of such a tx is described too (baseapp.go:791-818)', () => {
  const state = startChain({ accounts: [{ key: alice, balanceUpokt: 1_000_000_000n }], validators: [{ key: validator, tokensUpokt: 100_000_000_000n }] });
  const zero = signTx(alice, sendMsg(alice, bob, 0n));
  const [, second] = produce(state, [zero, zero]).receipts;
  assert.is(`${second!.codespace}:${second!.code}`, 'auth:6');
  assert.equal([second!.messageType, second!.signer, second!.recipient], ['send', alice.address, bob.address]);
});

described('end to end: the zero-amount Send is in the sender\'s and the recipient\'s accounttxs', async () => {
  const root = mkdtempSync(join(tmpdir(), 'pokt-ledger-receipt-description-'));
  try {
    const genesisFile = join(root, 'genesis.json');
    const dataDir = join(root, 'chain');
    writeFileSync(genesisFile, testGenesisJson({ accounts: [{ key: alice, balanceUpokt: 1_000_000_000n }], validators: [{ key: validator, tokensUpokt: 100_000_000_000n }] }));
    initDataDir(dataDir, genesisFile);
    const writer = await ChainWriter.open(dataDir, { fsync: 'never' });
    try {
      const block = writer.produce({ timeNs: writer.lastBlockTimeNs + BLOCK_INTERVAL_NS, txs: [signTx(alice, sendMsg(alice, bob, 0n))] });
      assert.equal(block.result.receipts.map((r) => r.name), ['send_amount_must_be_positive']);
    } finally {
      writer.close();
    }
    await project(dataDir);
    const served = await serveInProcess(dataDir);
    try {
      const sent = await postTo(served.app, '/v1/query/accounttxs', { address: alice.address });
      assert.is(sent.status, 200, sent.text);
      assert.is(sent.json.total_txs, 1, 'listed under its signer');
      assert.equal(sent.json.txs[0].tx_result, { code: 109, data: null, log: sent.json.txs[0].tx_result.log, info: '', events: null, codespace: 'pos', signer: alice.address.toUpperCase(), recipient: bob.address.toUpperCase(), message_type: 'send' });
      const received = await postTo(served.app, '/v1/query/accounttxs', { address: bob.address, received: true });
      assert.is(received.json.total_txs, 1, 'listed under its recipient');
    } finally {
      await served.close();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

described.run();
