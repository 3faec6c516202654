/**
 * Goal: `pokt-ledger tx decode` and `tx sign` work end to end as a user runs them.
 * Method: spawn the compiled CLI (this build's src/cli/main.js) with real arguments: decode the
 * mainnet fixture (values stated by test/fixtures/tx-h41144.json), sign every message type with
 * a fixed-seed key file and decode the result again, and check coded failures (exit 1).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { formatKeyFile } from '../../../src/crypto/keys.js';
import { decodeTx, encodeTx, msgToAminoJson } from '../../../src/wire/index.js';
import { appKey, daoOwnerKey, otherKey, outputKey, sampleMessages, servicerKey, signerKey } from '../../gen/vectors/wire-samples.js';
import { readFixture } from '../../helpers/paths.js';

const here = dirname(fileURLToPath(import.meta.url));
const MAIN = join(here, '..', '..', '..', 'src', 'cli', 'main.js');

interface Run {
  readonly status: number | null;
  readonly json: Record<string, unknown>;
  readonly stdout: string;
  readonly stderr: string;
}

function cli(...args: string[]): Run {
  const result = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8' });
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(result.stdout) as Record<string, unknown>;
  } catch {
    // human output
  }
  return { status: result.status, json, stdout: result.stdout, stderr: result.stderr };
}

const fixture = JSON.parse(readFixture('tx-h41144.json')) as { hash: string; tx: string; stdTx: { msg: unknown; signature: { pub_key: string } } };
const dir = mkdtempSync(join(tmpdir(), 'pokt-ledger-tx-'));
const keyFile = (name: string, key = signerKey): string => {
  const path = join(dir, `${name}.json`);
  writeFileSync(path, formatKeyFile(key));
  return path;
};

const decode = suite('cli/tx decode');

decode('the mainnet fixture (base64) prints exactly the documented keys and values', () => {
  const run = cli('tx', 'decode', fixture.tx, '--json');
  assert.is(run.status, 0);
  assert.equal(Object.keys(run.json).slice(0, 10), ['hash', 'type', 'msg', 'fee', 'memo', 'entropy', 'signer', 'public_key', 'signature_valid', 'validate_basic']);
  assert.is(run.json['hash'], fixture.hash);
  assert.is(run.json['type'], 'pos/Send');
  assert.equal(run.json['msg'], (fixture.stdTx.msg as { value: unknown }).value);
  assert.equal(run.json['fee'], [{ amount: '10000', denom: 'upokt' }]);
  assert.is(run.json['memo'], '');
  assert.is(run.json['entropy'], '3908904207717607');
  assert.is(run.json['signer'], 'ce16bb2714f93cfb3c00b5bd4b16dc5d8ca1687a');
  assert.is(run.json['public_key'], fixture.stdTx.signature.pub_key);
  assert.is(run.json['signature_valid'], true);
  assert.is(run.json['validate_basic'], null);
});

decode('hex input works the same; another chain id makes the signature invalid', () => {
  const hex = Buffer.from(fixture.tx, 'base64').toString('hex');
  assert.is(cli('tx', 'decode', hex, '--json').json['hash'], fixture.hash);
  assert.is(cli('tx', 'decode', fixture.tx, '--chain-id', 'testnet', '--json').json['signature_valid'], false);
});

decode('human output names the hash and the verdicts', () => {
  const run = cli('tx', 'decode', fixture.tx);
  assert.is(run.status, 0);
  assert.ok(run.stdout.includes(fixture.hash));
  assert.ok(run.stdout.includes('signature        valid'));
});

decode('the signature verdict names the chain id it was checked against', () => {
  assert.ok(cli('tx', 'decode', fixture.tx).stdout.includes('signature        valid for chain id "mainnet"'));
  const other = cli('tx', 'decode', fixture.tx, '--chain-id', 'testnet');
  assert.ok(other.stdout.includes('signature        INVALID for chain id "testnet" (signed for another chain? --chain-id names it)'), other.stdout);
  assert.is(cli('tx', 'decode', fixture.tx, '--chain-id', 'testnet', '--json').json['chain_id'], 'testnet');
});

const VIEW_KEYS = ['hash', 'type', 'msg', 'fee', 'memo', 'entropy', 'signer', 'public_key', 'signature_valid', 'validate_basic', 'type_url', 'encoding', 'chain_id'];

decode('a signature INVALID for the chain id: the whole decoded view, then invalid_signature and exit 1 (a script checking the exit code is not fooled)', () => {
  const human = cli('tx', 'decode', fixture.tx, '--chain-id', 'testnet');
  assert.is(human.status, 1, human.stderr);
  assert.ok(human.stdout.includes(`hash             ${fixture.hash}`), human.stdout);
  assert.ok(human.stdout.includes('signature        INVALID for chain id "testnet"'), human.stdout);
  assert.match(human.stderr, /^error \[invalid_signature\]: the signature does not verify for chain id "testnet"/);
  const json = cli('tx', 'decode', fixture.tx, '--chain-id', 'testnet', '--json');
  assert.is(json.status, 1);
  assert.equal(Object.keys(json.json), [...VIEW_KEYS, 'error'], 'the same document as for a valid tx, and the error beside');
  assert.is(json.json['hash'], fixture.hash);
  assert.is(json.json['signature_valid'], false);
  assert.equal(json.json['error'], {
    code: 'invalid_signature',
    message: (json.json['error'] as { message: string }).message,
    details: { chain_id: 'testnet', signer: 'ce16bb2714f93cfb3c00b5bd4b16dc5d8ca1687a' },
  });
  assert.is(json.stdout.trim().split('\n').length, 1, 'one JSON document');
});

decode('a message validateBasic refuses: the whole decoded view, then invalid_tx (its codespace:code in the details) and exit 1', () => {
  const args = ['tx', 'sign', '--key', keyFile('signer'), '--chain-id', 'mainnet', '--type', 'send', '--to', otherKey.address, '--amount', '0', '--no-validate', '--json'];
  const tx = cli(...args).json['tx'] as string;
  const human = cli('tx', 'decode', tx);
  assert.is(human.status, 1, human.stderr);
  assert.ok(human.stdout.includes('validate basic   pos:109 send_amount_must_be_positive'), human.stdout);
  assert.match(human.stderr, /^error \[invalid_tx\]: /);
  const json = cli('tx', 'decode', tx, '--json');
  assert.is(json.status, 1);
  assert.equal(Object.keys(json.json), [...VIEW_KEYS, 'error']);
  assert.is(json.json['signature_valid'], true);
  assert.equal((json.json['error'] as { code: string; details: unknown }).code, 'invalid_tx');
  assert.equal((json.json['error'] as { details: unknown }).details, { codespace: 'pos', code: 109, name: 'send_amount_must_be_positive' });
});

decode('a signature not checked (no ed25519 public key in the tx) is no failure: exit 0', () => {
  const decoded = decodeTx(Buffer.from(fixture.tx, 'base64'));
  assert.ok(decoded.ok);
  const unsigned = Buffer.from(encodeTx({ ...decoded.value, signature: { publicKey: null, signature: decoded.value.signature.signature } })).toString('base64');
  const json = cli('tx', 'decode', unsigned, '--json');
  assert.is(json.status, 0, json.stdout);
  assert.is(json.json['signature_valid'], null);
  assert.is(json.json['error'], undefined);
  const human = cli('tx', 'decode', unsigned);
  assert.is(human.status, 0);
  assert.ok(human.stdout.includes('signature        not checked'), human.stdout);
});

decode('garbage is a coded error with exit 1', () => {
  const notText = cli('tx', 'decode', '%%%', '--json');
  assert.is(notText.status, 1);
  assert.is((notText.json['error'] as { code: string }).code, 'invalid_tx_text');
  const notTx = cli('tx', 'decode', 'deadbeef', '--json');
  assert.is(notTx.status, 1);
  assert.equal(notTx.json['error'], { code: 'tx_decode_error', message: (notTx.json['error'] as { message: string }).message, details: { codespace: 'sdk', code: 2 } });
});

decode.run();

const sign = suite('cli/tx sign');

function signAndDecode(key: string, args: string[]): Record<string, unknown> {
  const signed = cli('tx', 'sign', '--key', key, '--chain-id', 'mainnet', '--entropy', '12345', ...args, '--json');
  assert.is(signed.status, 0, signed.stdout);
  assert.equal(Object.keys(signed.json), ['hash', 'tx', 'hex']);
  assert.is(Buffer.from(signed.json['tx'] as string, 'base64').toString('hex'), signed.json['hex']);
  const decoded = cli('tx', 'decode', signed.json['tx'] as string, '--json');
  assert.is(decoded.status, 0);
  assert.is(decoded.json['hash'], signed.json['hash']);
  assert.is(decoded.json['signature_valid'], true);
  assert.is(decoded.json['validate_basic'], null);
  assert.is(decoded.json['entropy'], '12345');
  return decoded.json;
}

sign('send: the decoded tx carries the fields given, signed by the key', () => {
  const decoded = signAndDecode(keyFile('signer'), ['--type', 'send', '--to', otherKey.address, '--amount', '5', '--memo', 'hi <&>']);
  assert.equal(decoded['msg'], { amount: '5', from_address: signerKey.address, to_address: otherKey.address });
  assert.is(decoded['signer'], signerKey.address);
  assert.is(decoded['memo'], 'hi <&>');
});

sign('a memo past mainnet\'s MaxMemoCharacters (75) is signed with a warning: the limit is the chain\'s parameter', () => {
  const args = ['tx', 'sign', '--key', keyFile('signer'), '--chain-id', 'mainnet', '--type', 'send', '--to', otherKey.address, '--amount', '5', '--json', '--memo'];
  const long = cli(...args, 'm'.repeat(76));
  assert.is(long.status, 0);
  assert.match(long.stderr, /warning \[memo_too_long\]: the memo is 76 bytes/);
  assert.is(cli(...args, 'm'.repeat(75)).stderr, '', 'at the limit: no warning');
});

sign('signing is deterministic for fixed inputs (ed25519, fixed entropy)', () => {
  const args = ['tx', 'sign', '--key', keyFile('signer'), '--chain-id', 'mainnet', '--type', 'send', '--to', otherKey.address, '--amount', '5', '--entropy', '1', '--json'];
  assert.is(cli(...args).json['hash'], cli(...args).json['hash']);
});

sign('every --type with its field options', () => {
  const signer = keyFile('signer');
  const cases: [string, string[], string][] = [
    ['stake-node', ['--chains', '0001,03DF', '--amount', '15000000000', '--service-url', 'https://node.example.com:443', '--output', outputKey.address, '--delegators', `${otherKey.address}=10`], 'pos/8.0MsgStake'],
    ['begin-unstake-node', ['--signer', signerKey.address], 'pos/8.0MsgBeginUnstake'],
    ['unjail-node', [], 'pos/8.0MsgUnjail'],
    ['stake-app', ['--chains', '0001', '--amount', '1000000'], 'apps/MsgAppStake'],
    ['stake-app', ['--public-key', Buffer.from(otherKey.publicKey).toString('hex'), '--amount', '0'], 'apps/MsgAppStake'],
    ['begin-unstake-app', [], 'apps/MsgAppBeginUnstake'],
    ['unjail-app', [], 'apps/MsgAppUnjail'],
    ['param-change', ['--param-key', 'pos/StakeMinimum', '--param-value', '"15000000000"'], 'gov/msg_change_param'],
    ['dao-transfer', ['--to', otherKey.address, '--amount', '1'], 'gov/msg_dao_transfer'],
    ['dao-transfer', ['--amount', '1', '--action', 'dao_burn'], 'gov/msg_dao_transfer'],
    ['upgrade', ['--height', '100', '--version', '2.0.0', '--features', 'RSCAL:100,VEDIT:100'], 'gov/msg_upgrade'],
  ];
  for (const [type, args, aminoType] of cases) assert.is(signAndDecode(signer, ['--type', type, ...args])['type'], aminoType, type);
});

sign('--msg takes any message as amino JSON (claims and proofs too)', () => {
  const keys = { claim: servicerKey, proof: servicerKey, 'stake-app': appKey, upgrade: daoOwnerKey } as const;
  for (const sample of sampleMessages().filter((entry) => entry.name in keys)) {
    const key = keyFile(sample.name, keys[sample.name as keyof typeof keys]);
    const amino = msgToAminoJson(sample.msg);
    const decoded = signAndDecode(key, ['--msg', JSON.stringify(amino)]);
    assert.is(decoded['type'], amino.type, sample.name);
  }
});

sign('an invalid message is refused with its rejection code; --no-validate signs it anyway', () => {
  const refused = cli('tx', 'sign', '--key', keyFile('signer'), '--chain-id', 'mainnet', '--type', 'send', '--to', otherKey.address, '--amount', '0', '--json');
  assert.is(refused.status, 1);
  assert.equal(refused.json['error'], { code: 'send_amount_must_be_positive', message: 'the amount to send must be positive', details: { codespace: 'pos', code: 109 } });
  const forced = cli('tx', 'sign', '--key', keyFile('signer'), '--chain-id', 'mainnet', '--type', 'send', '--to', otherKey.address, '--amount', '0', '--no-validate', '--json');
  assert.is(forced.status, 0);
  const decoded = cli('tx', 'decode', forced.json['tx'] as string, '--json');
  assert.is((decoded.json['validate_basic'] as { code: number }).code, 109);
});

sign('bad options (exit 2) and key files (exit 1) are coded errors', () => {
  const missing = cli('tx', 'sign', '--key', join(dir, 'nope.json'), '--chain-id', 'mainnet', '--type', 'send', '--json');
  assert.is(missing.status, 1);
  assert.is((missing.json['error'] as { code: string }).code, 'key_file_unreadable');
  const noTo = cli('tx', 'sign', '--key', keyFile('signer'), '--chain-id', 'mainnet', '--type', 'send', '--amount', '1', '--json');
  assert.is((noTo.json['error'] as { code: string }).code, 'missing_option');
  const unknown = cli('tx', 'sign', '--key', keyFile('signer'), '--chain-id', 'mainnet', '--type', 'claim', '--json');
  assert.is((unknown.json['error'] as { code: string }).code, 'unknown_message_type');
  assert.is(unknown.status, 2, 'an option value refused: a usage error');
  const badJson = cli('tx', 'sign', '--key', keyFile('signer'), '--chain-id', 'mainnet', '--msg', '{"type":"pos/Send","value":{"bogus":1}}', '--json');
  assert.is((badJson.json['error'] as { code: string }).code, 'invalid_message_json');
  const notJson = cli('tx', 'sign', '--key', keyFile('signer'), '--chain-id', 'mainnet', '--msg', '{not json', '--json');
  assert.is((notJson.json['error'] as { code: string }).code, 'invalid_message_json');
  assert.is(notJson.status, 2, 'an option value refused: a usage error');
  const notHex = cli('tx', 'sign', '--key', keyFile('signer'), '--chain-id', 'mainnet', '--type', 'send', '--to', 'zz', '--amount', '1', '--no-validate', '--json');
  assert.is(notHex.status, 2, 'a usage error');
  assert.is((notHex.json['error'] as { code: string }).code, 'invalid_option');
  const badEntropy = cli('tx', 'sign', '--key', keyFile('signer'), '--chain-id', 'mainnet', '--type', 'unjail-node', '--entropy', '9223372036854775808', '--json');
  assert.is((badEntropy.json['error'] as { code: string }).code, 'invalid_option');
});

sign.after(() => rmSync(dir, { recursive: true, force: true }));

sign('stake-node without --output is a usage error (every chain here refuses the stake: pos:123), not a tx that fails after its fee', () => {
  const run = cli('tx', 'sign', '--key', keyFile('signer'), '--chain-id', 'mainnet', '--type', 'stake-node', '--chains', '0001', '--amount', '15000000000', '--service-url', 'https://node.example.com:443', '--json');
  assert.is(run.status, 2, run.stdout);
  assert.equal(run.json['error'], { code: 'missing_option', message: '--type stake-node needs --output' });
});

sign('an empty or over-long --chain-id is a usage error, not a tx no chain accepts', () => {
  for (const chainId of ['', 'c'.repeat(51)]) {
    const run = cli('tx', 'sign', '--key', keyFile('signer'), '--chain-id', chainId, '--type', 'send', '--to', otherKey.address, '--amount', '5', '--json');
    assert.is(run.status, 2, run.stdout);
    assert.is((run.json['error'] as { code: string }).code, 'invalid_option');
  }
  assert.is(cli('tx', 'sign', '--key', keyFile('signer'), '--chain-id', 'c'.repeat(50), '--type', 'send', '--to', otherKey.address, '--amount', '5', '--json').status, 0);
});

sign.run();
