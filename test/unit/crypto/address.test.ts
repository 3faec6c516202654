/**
 * Goal: addresses are the first 20 bytes of SHA-256(ed25519 public key), as pocket derives them.
 * Method: the pocket-js vector and every account and validator of the bundled mainnet genesis
 * (shared/data/README.md: "for all 504 accounts and 502 validators address ==
 * hex(sha256(pubkey))[0:40]"). addressOfKeyBytes (any key pocket-core's NewPublicKeyBz tells apart
 * by length): tendermint's secp256k1 vector (crypto/secp256k1/secp256k1_test.go:27-28, the
 * Bitcoin address 1CKZ9Nx4zgds8tU7nJHotKSDr4a9bYJCa3, whose Base58Check payload is the
 * RIPEMD-160(SHA-256) below).
 */
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mustHexToBytes } from '../../../src/core/hex.js';
import { bundledMainnetGenesisPath } from '../../../src/core/paths.js';
import { addressFromPublicKey, addressOfKeyBytes } from '../../../src/crypto/address.js';

const address = suite('crypto/address');

address('pocket-js vector: public key → address', () => {
  const publicKey = mustHexToBytes('b243b27bc9fbe5580457a46370ae5f03a6f6753633e51efdaf2cf534fdc26cc3');
  assert.is(addressFromPublicKey(publicKey), 'b50a6e20d3733fb89631ae32385b3c85c533c560');
});

address('addressOfKeyBytes: 32 bytes ed25519, 33 bytes secp256k1, any other length none', () => {
  const ed25519 = mustHexToBytes('b243b27bc9fbe5580457a46370ae5f03a6f6753633e51efdaf2cf534fdc26cc3');
  assert.is(addressOfKeyBytes(ed25519), 'b50a6e20d3733fb89631ae32385b3c85c533c560');
  const secp256k1 = mustHexToBytes('02950e1cdfcb133d6024109fd489f734eeb4502418e538c28481f22bce276f248c');
  assert.is(addressOfKeyBytes(secp256k1), '7c2bb42a8be69791ec763e51f5a49bcd41e82237');
  for (const length of [0, 20, 31, 34, 64]) assert.is(addressOfKeyBytes(new Uint8Array(length)), undefined, String(length));
});

address('mainnet genesis: all 504 accounts and 502 validators', () => {
  const genesis = JSON.parse(readFileSync(bundledMainnetGenesisPath(), 'utf8')) as {
    app_state: {
      auth: { accounts: { value: { address: string; public_key: { value: string } | null } }[] };
      pos: { validators: { address: string; public_key: string }[] };
    };
  };
  let accounts = 0;
  for (const { value } of genesis.app_state.auth.accounts) {
    if (value.public_key === null) continue;
    assert.is(addressFromPublicKey(mustHexToBytes(value.public_key.value)), value.address);
    accounts++;
  }
  assert.is(accounts, 504);
  for (const validator of genesis.app_state.pos.validators) {
    assert.is(addressFromPublicKey(mustHexToBytes(validator.public_key)), validator.address);
  }
  assert.is(genesis.app_state.pos.validators.length, 502);
});

address.run();
