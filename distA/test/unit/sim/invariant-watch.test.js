/**
 * Goal: the simulator's incremental invariant watch (sim/invariants.ts InvariantWatch) reports
 * exactly what the full scan (checkInvariants, the reference) reports, after any writes — money
 * moved, negative balances and stakes planted, entries deleted, writes reverted.
 * Method: a genesis state from the e2e fixture; a seeded sequence of direct table writes (the
 * watch follows tables, not the reducer, so writes that break the invariants on purpose are
 * the point); after each step both must give the same violations, in the same order.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Prng } from '../../../src/core/prng.js';
import { MODULE_ADDRESSES } from '../../../src/modules/auth/index.js';
import { checkInvariants, InvariantWatch } from '../../../src/sim/invariants.js';
import { startStakingChain } from '../../helpers/staking.js';
import { testKey } from '../../helpers/chain.js';
const test = suite('sim/invariant-watch');
test('a fresh genesis state: both report no violation', () => {
    const state = startStakingChain({ accounts: [{ key: testKey(1), balanceUpokt: 1000n }] });
    const watch = new InvariantWatch(state);
    assert.equal(checkInvariants(state), []);
    assert.equal(watch.check(), []);
});
test('seeded writes, deletes and reverts: the watch always equals the full scan', () => {
    const keys = [1, 2, 3, 4, 5].map((i) => testKey(i));
    const state = startStakingChain({ accounts: keys.map((key) => ({ key, balanceUpokt: 1000n })) });
    const watch = new InvariantWatch(state);
    const accounts = state.auth.accounts;
    const validators = state.nodes.validators;
    const validatorAddresses = validators.sortedKeys();
    const prng = new Prng(7n);
    let violationsSeen = 0;
    for (let step = 0; step < 400; step++) {
        const roll = prng.int(10);
        const checkpoint = roll === 9;
        if (checkpoint)
            state.store.checkpoint();
        const account = [...keys.map((k) => k.address), MODULE_ADDRESSES.staked_tokens_pool][prng.int(keys.length + 1)];
        const current = accounts.get(account);
        if (roll < 5 && current !== undefined)
            accounts.set(account, { ...current, balanceUpokt: current.balanceUpokt + BigInt(prng.int(200)) - 100n });
        else if (roll < 7 && validatorAddresses.length > 0) {
            const address = validatorAddresses[prng.int(validatorAddresses.length)];
            const validator = validators.get(address);
            if (validator !== undefined)
                validators.set(address, { ...validator, tokensUpokt: validator.tokensUpokt - BigInt(prng.int(3)) * validator.tokensUpokt });
        }
        else if (roll < 8 && current !== undefined && account !== MODULE_ADDRESSES.staked_tokens_pool)
            accounts.delete(account);
        else if (roll < 9 && current === undefined)
            accounts.set(account, { balanceUpokt: BigInt(prng.int(50)), publicKey: null });
        if (checkpoint)
            state.store.revert();
        const expected = checkInvariants(state);
        violationsSeen += expected.length;
        assert.equal(watch.check(), expected, `step ${step}`);
    }
    // The sequence must have broken the invariants, or it tested nothing.
    assert.ok(violationsSeen > 0, 'the seeded writes produced violations');
});
test.run();
//# sourceMappingURL=invariant-watch.test.js.map