/**
 * Goal: decodeTx accepts exactly what pocket-core's gogoproto decoder accepts (within our
 * documented bounds), reads it the same way, and answers everything else with the right code.
 * Method: hand-assembled bytes (proto-bytes.ts) for each rule of the generated Unmarshal code
 * (auth.pb.go:1975-2178 and siblings, skipAuth 2504-2581, codec/proto_codec.go:81-99,
 * types/int.go:380-393, crypto/keys.go:88-99), each case naming the rule it exercises.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { assertOk } from '../../helpers/assert.js';
import { codeOf } from '../../../src/core/rejection.js';
import { validateBasic, validateTxBasic } from '../../../src/messages/index.js';
import { canonicalEncodingStyle, decodeTx, encodeTx, MAX_FIELD_BYTES, MAX_REPEATED_ENTRIES, MAX_TX_BYTES, txHash } from '../../../src/wire/index.js';
import type { DecodedTx, WireMessage } from '../../../src/wire/index.js';
import {
  ADDRESS_A,
  ADDRESS_B,
  anyField,
  bytesField,
  FEE_FIELD,
  framed,
  hexBytes,
  paddedVarint,
  sendTxBody,
  sendValue,
  SIGNATURE_FIELD,
  stringField,
  tag,
  varint,
  varintField,
} from './proto-bytes.js';

function decodeOk(bytes: Uint8Array): DecodedTx {
  return assertOk(decodeTx(bytes), 'expected a decode');
}

function decodeCode(bytes: Uint8Array): string {
  const result = decodeTx(bytes);
  return result.ok ? 'decoded' : codeOf(result.error);
}

const framing = suite('wire/decode: framing and size');

framing('empty input is sdk:2 ("txBytes are empty", stdtx.go:303-305)', () => {
  assert.is(decodeCode(new Uint8Array(0)), 'sdk:2');
});

framing('the length prefix must equal the rest exactly (proto_codec.go:88-93)', () => {
  const body = sendTxBody();
  assert.is(decodeCode(framed(body)), 'decoded');
  assert.is(decodeCode(Uint8Array.from([...varint(body.length + 1), ...body])), 'sdk:2');
  assert.is(decodeCode(Uint8Array.from([...varint(body.length - 1), ...body])), 'sdk:2');
  assert.is(decodeCode(Uint8Array.from([0x80])), 'sdk:2');
});

framing('a non-minimal length prefix is accepted (binary.Uvarint); the hash is of the bytes received', () => {
  const body = sendTxBody();
  const bytes = Uint8Array.from([...paddedVarint(body.length, 3), ...body]);
  const tx = decodeOk(bytes);
  assert.is(tx.hash, txHash(bytes));
  assert.is.not(tx.hash, txHash(framed(body)));
  assert.is(canonicalEncodingStyle(tx), undefined);
  assert.equal(encodeTx(tx), framed(body));
});

framing('a decoded tx owns its bytes: reusing the input buffer (a Buffer from a log read, or a Uint8Array) changes nothing decoded', () => {
  const wire = framed(sendTxBody());
  for (const input of [Buffer.concat([Buffer.from('xx'), wire]).subarray(2), Uint8Array.from(wire)]) {
    const tx = decodeOk(input);
    const before = { bytes: Buffer.from(tx.bytes).toString('hex'), signature: Buffer.from(tx.signatureBytes.signature).toString('hex') };
    input.fill(0xee); // the caller reuses its buffer
    assert.is(Buffer.from(tx.bytes).toString('hex'), before.bytes, `${input.constructor.name}: bytes`);
    assert.is(Buffer.from(tx.signatureBytes.signature).toString('hex'), before.signature, `${input.constructor.name}: signature bytes`);
    assert.is(tx.hash, txHash(wire));
  }
});

framing(`a tx over MAX_TX_BYTES (${MAX_TX_BYTES}) is ledger:1 before any parsing`, () => {
  assert.is(decodeCode(new Uint8Array(MAX_TX_BYTES + 1)), 'ledger:1');
});

framing(`a field over MAX_FIELD_BYTES (${MAX_FIELD_BYTES}) is ledger:2`, () => {
  const memo = 'm'.repeat(MAX_FIELD_BYTES + 1);
  assert.is(decodeCode(framed(sendTxBody({ extra: stringField(4, memo) }))), 'ledger:2');
  assert.is(decodeCode(framed(sendTxBody({ extra: stringField(4, memo.slice(1)) }))), 'decoded');
});

framing(`a repeated field over MAX_REPEATED_ENTRIES (${MAX_REPEATED_ENTRIES}) is ledger:2`, () => {
  const stake = (count: number): Uint8Array => {
    const chains: number[] = [];
    for (let i = 0; i < count; i++) chains.push(...stringField(2, '0001'));
    const value = [...bytesField(1, new Uint8Array(32).fill(1)), ...chains, ...stringField(3, '1')];
    return framed([...anyField('/x.nodes.MsgProtoStake8', value), ...FEE_FIELD, ...SIGNATURE_FIELD]);
  };
  assert.is(decodeCode(stake(MAX_REPEATED_ENTRIES)), 'decoded');
  assert.is(decodeCode(stake(MAX_REPEATED_ENTRIES + 1)), 'ledger:2');
});

framing.run();

const fields = suite('wire/decode: field rules of the generated Unmarshal');

fields('unknown fields of every wire type are skipped; the content is unchanged but the bytes are not canonical', () => {
  const unknown = [
    ...varintField(9, 300),
    ...tag(10, 1), ...new Array(8).fill(1),
    ...bytesField(11, [1, 2, 3]),
    ...tag(12, 5), 1, 2, 3, 4,
    ...tag(13, 3), ...varintField(1, 5), ...tag(14, 3), ...tag(14, 4), ...tag(13, 4), // nested groups
  ];
  const plain = decodeOk(framed(sendTxBody()));
  const tx = decodeOk(framed(sendTxBody({ extra: unknown })));
  assert.equal(tx.msg, plain.msg);
  assert.is(tx.entropy, plain.entropy);
  assert.is(canonicalEncodingStyle(tx), undefined);
});

fields('an end-group without a start, or an unclosed group, is sdk:2', () => {
  assert.is(decodeCode(framed(sendTxBody({ extra: tag(13, 4) }))), 'sdk:2');
  assert.is(decodeCode(framed(sendTxBody({ extra: tag(13, 3) }))), 'sdk:2');
  assert.is(decodeCode(framed(sendTxBody({ extra: [...tag(13, 3), ...tag(13, 6)] }))), 'sdk:2');
});

fields('wire types 6 and 7 are illegal; field number 0 is illegal', () => {
  assert.is(decodeCode(framed(sendTxBody({ extra: tag(9, 6) }))), 'sdk:2');
  assert.is(decodeCode(framed(sendTxBody({ extra: tag(9, 7) }))), 'sdk:2');
  assert.is(decodeCode(framed(sendTxBody({ extra: [...tag(0, 0), 1] }))), 'sdk:2');
});

fields('a known field with the wrong wire type is sdk:2 ("wrong wireType")', () => {
  assert.is(decodeCode(framed(sendTxBody({ extra: bytesField(5, [1]) }))), 'sdk:2');
  assert.is(decodeCode(framed(sendTxBody({ extra: varintField(4, 1) }))), 'sdk:2');
});

fields('the field number is int32(wire >> 3): a tag 2^32 + 5 reads as field 5 (Go truncates)', () => {
  const tx = decodeOk(framed(sendTxBody({ extra: [...tag((1n << 32n) + 5n, 0), ...varint(77)] })));
  assert.is(tx.entropy, 77n);
});

fields('a repeated scalar keeps the last value; a repeated embedded message merges', () => {
  const tx = decodeOk(framed(sendTxBody({ extra: [...stringField(4, 'first'), ...stringField(4, 'second'), ...varintField(5, 9)] })));
  assert.is(tx.memo, 'second');
  assert.is(tx.entropy, 9n);
  // the Any split in two occurrences: type URL from the first, value from the second
  const split = framed([
    ...bytesField(1, stringField(1, '/x.nodes.MsgSend')),
    ...bytesField(1, bytesField(2, sendValue('5'))),
    ...FEE_FIELD,
    ...SIGNATURE_FIELD,
  ]);
  assert.equal(decodeOk(split).msg, { kind: 'Send', fromAddress: ADDRESS_A, toAddress: ADDRESS_B, amount: '5' });
});

fields('non-minimal varints are accepted; bits above 63 are dropped; an 11th byte is sdk:2', () => {
  assert.is(decodeOk(framed(sendTxBody({ extra: [...tag(5, 0), ...paddedVarint(1, 4)] }))).entropy, 1n);
  const allOnes = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f];
  assert.is(decodeOk(framed(sendTxBody({ extra: [...tag(5, 0), ...allOnes] }))).entropy, -1n);
  assert.is(decodeCode(framed(sendTxBody({ extra: [...tag(5, 0), ...new Array(10).fill(0x80), 0x01] }))), 'sdk:2');
});

fields('a declared length beyond the input (or ≥ 2^63, negative in Go) is sdk:2', () => {
  assert.is(decodeCode(framed([...tag(4, 2), ...varint(1_000_000), 1, 2])), 'sdk:2');
  assert.is(decodeCode(framed([...tag(4, 2), ...varint(1n << 62n)])), 'sdk:2');
  assert.is(decodeCode(framed([...tag(4, 2), ...varint((1n << 64n) - 1n)])), 'sdk:2');
  assert.is(decodeCode(framed([...tag(11, 2), ...varint(1n << 63n)])), 'sdk:2');
});

fields('a truncated message anywhere is sdk:2', () => {
  const body = sendTxBody();
  for (let cut = 1; cut < body.length; cut++) {
    const code = decodeCode(framed(body.slice(0, cut)));
    assert.ok(code === 'sdk:2' || code === 'sdk:6' || code === 'decoded', `cut at ${cut}: ${code}`);
  }
  assert.is(decodeCode(framed(body.slice(0, 5))), 'sdk:2');
});

fields('strings must be UTF-8 (ledger:3 — Go would accept the bytes)', () => {
  assert.is(decodeCode(framed(sendTxBody({ extra: bytesField(4, [0x61, 0xff, 0x62]) }))), 'ledger:3');
  assert.is(decodeCode(framed(sendTxBody({ extra: bytesField(4, [0xed, 0xa0, 0x80]) }))), 'ledger:3');
});

fields.run();

const messages = suite('wire/decode: the message inside the Any');

messages('an unregistered type URL is sdk:2 ("no concrete type registered", interface_registry.go:140-143)', () => {
  assert.is(decodeCode(framed([...anyField('/x.nodes.MsgFoo', []), ...FEE_FIELD, ...SIGNATURE_FIELD])), 'sdk:2');
  assert.is(decodeCode(framed([...anyField('/cosmos.bank.v1beta1.MsgSend', sendValue()), ...FEE_FIELD, ...SIGNATURE_FIELD])), 'sdk:2');
});

messages('the legacy pre-NCUST node messages are ledger:4 (unsupported legacy message)', () => {
  for (const url of ['/x.nodes.MsgProtoStake', '/x.nodes.MsgBeginUnstake', '/x.nodes.MsgUnjail']) {
    assert.is(decodeCode(framed([...anyField(url, bytesField(1, hexBytes(ADDRESS_A))), ...FEE_FIELD, ...SIGNATURE_FIELD])), 'ledger:4', url);
  }
});

messages('an Any with an empty type URL is sdk:6 (nil message → runTx ErrUnknownRequest)', () => {
  assert.is(decodeCode(framed([...FEE_FIELD, ...SIGNATURE_FIELD])), 'sdk:6');
  assert.is(decodeCode(framed([...bytesField(1, []), ...SIGNATURE_FIELD])), 'sdk:6');
});

messages('MsgStake public keys must be 32 or 33 bytes to decode (NewPublicKeyBz)', () => {
  const stake = (keyLength: number): Uint8Array => {
    const value = [...bytesField(1, new Uint8Array(keyLength).fill(3)), ...stringField(2, '0001'), ...stringField(3, '1')];
    return framed([...anyField('/x.apps.MsgProtoStake', value), ...FEE_FIELD, ...SIGNATURE_FIELD]);
  };
  assert.is(decodeCode(stake(0)), 'sdk:2');
  assert.is(decodeCode(stake(31)), 'sdk:2');
  assert.is(decodeCode(stake(32)), 'decoded');
  const secp = decodeOk(stake(33));
  const result = validateBasic(secp.msg);
  assert.is(result.ok ? 'valid' : codeOf(result.error), 'ledger:6');
});

messages('the signature key: absent decodes (key from state); present-but-empty, 31 bytes or an amino multisig key is sdk:2', () => {
  const withSignature = (field: readonly number[]): Uint8Array => framed([...anyField('/x.nodes.MsgSend', sendValue()), ...FEE_FIELD, ...field]);
  assert.is(decodeOk(withSignature(bytesField(3, bytesField(2, new Uint8Array(64))))).signature.publicKey, null);
  assert.is(decodeCode(withSignature(bytesField(3, [...bytesField(1, []), ...bytesField(2, new Uint8Array(64))]))), 'sdk:2');
  assert.is(decodeCode(withSignature(bytesField(3, [...bytesField(1, new Uint8Array(31)), ...bytesField(2, new Uint8Array(64))]))), 'sdk:2');
  // An amino multisig key (PubKeyMultisigThreshold: prefix 22C1F7E2, threshold 2, two amino
  // ed25519 keys 1624DE64 20 ‖ 32 bytes) decodes in pocket-core (crypto/keys.go:94) and then skips
  // the minimum-fee check (x/auth/ante.go:121-145, PROTOCOL §12.2 item 23); refused here, so the
  // hole cannot open.
  const ed = (fill: number): number[] => [0x16, 0x24, 0xde, 0x64, 0x20, ...new Uint8Array(32).fill(fill)];
  const multisig = [0x22, 0xc1, 0xf7, 0xe2, 0x08, 0x02, 0x12, 37, ...ed(1), 0x12, 37, ...ed(2)];
  assert.is(decodeCode(withSignature(bytesField(3, [...bytesField(1, multisig), ...bytesField(2, new Uint8Array(64))]))), 'sdk:2');
  // no signature at all decodes; the StdTx basic check refuses it (sdk:4, stdtx.go:188-190)
  const unsigned = decodeOk(framed([...anyField('/x.nodes.MsgSend', sendValue()), ...FEE_FIELD]));
  const basic = validateTxBasic(unsigned);
  assert.is(basic.ok ? 'valid' : codeOf(basic.error), 'sdk:4');
});

messages('BigInt text is parsed like big.Int.UnmarshalText (base 0): decodable forms decode, the rest is sdk:2', () => {
  const amountOf = (text: string): string => {
    const result = decodeTx(framed(sendTxBody({ amount: text })));
    return result.ok ? (result.value.msg as { amount: string }).amount : codeOf(result.error);
  };
  assert.is(amountOf('0x2710'), '0x2710');
  assert.is(amountOf('1_0000'), '1_0000');
  assert.is(amountOf('+7'), '+7');
  assert.is(amountOf('-5'), '-5');
  assert.is(amountOf('08'), 'sdk:2'); // a leading 0 means octal
  assert.is(amountOf('1.5'), 'sdk:2');
  assert.is(amountOf(' 1'), 'sdk:2');
  assert.is(amountOf('1e3'), 'sdk:2');
  assert.is(amountOf(((1n << 255n) - 1n).toString()), ((1n << 255n) - 1n).toString());
  assert.is(amountOf((1n << 255n).toString()), 'sdk:2'); // more than 255 bits (types/int.go:391-393)
});

messages('an empty BigInt occurrence keeps the previous value (BigInt.Unmarshal returns early)', () => {
  const value = [...sendValue('5'), ...bytesField(3, [])];
  const tx = decodeOk(framed([...anyField('/x.nodes.MsgSend', value), ...FEE_FIELD, ...SIGNATURE_FIELD]));
  assert.is((tx.msg as { amount: string }).amount, '5');
});

messages('reward-delegator entries keep wire order and duplicates; a bad entry wire type is sdk:2', () => {
  const entry = (key: string, share: number): number[] => bytesField(6, [...stringField(1, key), ...varintField(2, share)]);
  const value = (entries: number[]): number[] => [...bytesField(1, new Uint8Array(32).fill(1)), ...stringField(2, '0001'), ...stringField(3, '1'), ...entries];
  const tx = decodeOk(framed([...anyField('/x.nodes.MsgProtoStake8', value([...entry(ADDRESS_B, 5), ...entry(ADDRESS_A, 7), ...entry(ADDRESS_B, 9)])), ...FEE_FIELD, ...SIGNATURE_FIELD]));
  assert.equal((tx.msg as Extract<WireMessage, { kind: 'StakeNode' }>).rewardDelegators, [
    [ADDRESS_B, 5],
    [ADDRESS_A, 7],
    [ADDRESS_B, 9],
  ]);
  const badEntry = bytesField(6, [...varintField(1, 5)]);
  assert.is(decodeCode(framed([...anyField('/x.nodes.MsgProtoStake8', value(badEntry)), ...FEE_FIELD, ...SIGNATURE_FIELD])), 'sdk:2');
});

messages('a second leaf member replaces the first (oneof); a second header merges into the first', () => {
  const relay = bytesField(1, stringField(5, '0001'));
  const challenge = bytesField(2, bytesField(3, hexBytes(ADDRESS_A)));
  const proofValue = [...bytesField(2, relay), ...bytesField(2, challenge)];
  const proof = decodeOk(framed([...anyField('/x.pocketcore.MsgProtoProof', proofValue), ...FEE_FIELD, ...SIGNATURE_FIELD]));
  assert.is((proof.msg as Extract<WireMessage, { kind: 'Proof' }>).leaf.kind, 'challenge');
  const claimValue = [...bytesField(1, stringField(2, '0001')), ...bytesField(1, varintField(3, 7))];
  const claim = decodeOk(framed([...anyField('/x.pocketcore.MsgClaim', claimValue), ...FEE_FIELD, ...SIGNATURE_FIELD]));
  assert.equal((claim.msg as Extract<WireMessage, { kind: 'Claim' }>).header, { appPublicKey: '', chain: '0001', sessionHeight: 7n });
});

messages.run();
