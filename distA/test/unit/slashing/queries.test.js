/**
 * Goal: the signing-info query returns a validator's record (any address case) and pos:108 —
 * pocket-core's ErrNoSigningInfoFound (x/nodes/types/errors.go, PROTOCOL §7 codes) — for an
 * address without one.
 * Method: a genesis validator (genesis writes its signing info with start height 0 and jailed
 * until Unix 0, PROTOCOL §4) and an unknown address.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { POS } from '../../../src/messages/index.js';
import { querySigningInfo } from '../../../src/modules/slashing/index.js';
import { assertOk, assertRejected } from '../../helpers/assert.js';
import { startChain, testKey } from '../../helpers/chain.js';
const test = suite('slashing: signing-info query');
test('a genesis validator has its record; an unknown address is pos:108', () => {
    const validator = testKey('validator-1');
    const state = startChain({ accounts: [], validators: [{ key: validator, tokensUpokt: 100000000000n }] });
    const info = assertOk(querySigningInfo(state, validator.address.toUpperCase()));
    assert.is(info.address, validator.address);
    assert.is(info.startHeight, 0);
    assert.is(info.jailedUntilNs, 0n);
    assert.is(info.missedBlocksCounter, 0);
    assertRejected(querySigningInfo(state, testKey('nobody').address), POS.signing_info_not_found);
});
test.run();
//# sourceMappingURL=queries.test.js.map