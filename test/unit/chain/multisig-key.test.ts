/**
 * Goal: a tx signed "by" pocket-core's multisig key (crypto.PublicKeyMultiSignature) is refused
 * consistently, wherever it arrives, with the documented code (src/messages/index.ts rule 4):
 * sdk:2 at decode, no fee, in a block and at the mempool alike.
 * pocket-core decodes such a key: NewPublicKeyBz tries the amino multisig form for any length
 * other than 32/33 (crypto/keys.go:88-99, crypto/multisig.go:79-82), and its ante handler then
 * skips the minimum fee for it (x/auth/ante.go:131-145, PROTOCOL §12.2 #23) — the reason the
 * ledger refuses it (deliberate difference, not parity).
 * Method: the amino binary of a real 2-of-2 key list (prefix of "crypto/public_key_multi_signature",
 * then each ed25519 key behind the prefix of "crypto/ed25519_public_key"), put into a signed tx.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createHash } from 'node:crypto';
import { bytesToHex } from '../../../src/core/hex.js';
import { codeOf } from '../../../src/core/rejection.js';
import { CheckState } from '../../../src/chain/check-state.js';
import { prepareTx } from '../../../src/chain/prepare.js';
import { balanceOf } from '../../../src/modules/auth/bank.js';
import { decodeTx, encodeTx } from '../../../src/wire/index.js';
import { produce, sendMsg, signTx, startChain, TEST_CHAIN_ID, testKey } from '../../helpers/chain.js';

const alice = testKey('alice');
const carol = testKey('carol');
const bob = testKey('bob');

/** go-amino's prefix bytes of a registered name (amino codec.go nameToDisfix). */
function aminoPrefix(name: string): number[] {
  let digest = [...createHash('sha256').update(name).digest()];
  while (digest[0] === 0) digest = digest.slice(1);
  digest = digest.slice(3); // disambiguation bytes
  while (digest[0] === 0) digest = digest.slice(1);
  return digest.slice(0, 4);
}

/** PublicKeyMultiSignature{PublicKeys: keys} as cdc.MarshalBinaryBare writes it (crypto/multisig.go:53-55). */
function multisigKeyBytes(keys: readonly string[]): Uint8Array {
  const ed25519 = aminoPrefix('crypto/ed25519_public_key');
  const entries = keys.flatMap((hex) => {
    const inner = [...ed25519, 0x20, ...Buffer.from(hex, 'hex')];
    return [0x0a, inner.length, ...inner];
  });
  return Uint8Array.from([...aminoPrefix('crypto/public_key_multi_signature'), ...entries]);
}

function withMultisigKey(tx: Uint8Array): Uint8Array {
  const decoded = decodeTx(tx);
  if (!decoded.ok) throw new Error('test tx does not decode');
  const key = bytesToHex(multisigKeyBytes([alice.publicKey, carol.publicKey]));
  return encodeTx({ ...decoded.value, signature: { publicKey: key, signature: decoded.value.signature.signature } });
}

const multisig = suite('multisig public keys (crypto.PublicKeyMultiSignature) in the tx signature');

multisig('the key is 82 bytes of amino: neither ed25519 (32) nor secp256k1 (33)', () => {
  assert.is(multisigKeyBytes([alice.publicKey, carol.publicKey]).byteLength, 82);
});

multisig('decode refuses it with sdk:2 (messages/index.ts rule 4)', () => {
  const result = decodeTx(withMultisigKey(signTx(alice, sendMsg(alice, bob, 5n))));
  assert.is(result.ok ? 'decoded' : codeOf(result.error), 'sdk:2');
});

multisig('a block gives sdk:2 and charges nothing; CheckTx refuses it the same way', () => {
  const state = startChain({ accounts: [{ key: alice, balanceUpokt: 1_000_000n }], validators: [{ key: testKey('validator-1'), tokensUpokt: 100_000_000_000n }] });
  const tx = withMultisigKey(signTx(alice, sendMsg(alice, bob, 5n), { feeUpokt: 0n }));
  const checked = new CheckState(state).check(prepareTx(tx, TEST_CHAIN_ID));
  assert.is(checked.ok ? 'admitted' : codeOf(checked.error), 'sdk:2');
  const [receipt] = produce(state, [tx]).receipts;
  assert.is(`${receipt!.codespace}:${receipt!.code}`, 'sdk:2');
  assert.is(receipt!.feeUpokt, 0n);
  assert.is(balanceOf(state.auth, alice.address), 1_000_000n);
});

multisig.run();
