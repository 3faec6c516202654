/**
 * Goal: addresses are the first 20 bytes of SHA-256(ed25519 public key), as pocket derives them.
 * Method: the pocket-js vector and every account and validator of the bundled mainnet genesis
 * (shared/data/README.md: "for all 504 accounts and 502 validators address ==
 * hex(sha256(pubkey))[0:40]").
 */
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mustHexToBytes } from '../../../src/core/hex.js';
import { bundledMainnetGenesisPath } from '../../../src/core/paths.js';
import { addressFromPublicKey } from '../../../src/crypto/address.js';
const address = suite('crypto/address');
address('pocket-js vector: public key → address', () => {
    const publicKey = mustHexToBytes('b243b27bc9fbe5580457a46370ae5f03a6f6753633e51efdaf2cf534fdc26cc3');
    assert.is(addressFromPublicKey(publicKey), 'b50a6e20d3733fb89631ae32385b3c85c533c560');
});
address('mainnet genesis: all 504 accounts and 502 validators', () => {
    const genesis = JSON.parse(readFileSync(bundledMainnetGenesisPath(), 'utf8'));
    let accounts = 0;
    for (const { value } of genesis.app_state.auth.accounts) {
        if (value.public_key === null)
            continue;
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
//# sourceMappingURL=address.test.js.map