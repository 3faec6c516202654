/**
 * Goal: for random sequences of staking messages (node stake/edit/unstake, app stake/edit/
 * transfer/unstake/unjail — valid and invalid, across session ends and unstake maturities),
 * after every block: total supply is unchanged, no balance goes negative, every staked token is
 * in exactly one pool (node pool = Σ validator tokens, app pool = Σ app stakes), the validator
 * set is the top MaxValidators by (power desc, address asc) recomputed from scratch, the derived
 * indexes equal a recount, and a rejected message changes nothing but its fee.
 * Method: fast-check generates plans (printed seed, FC_SEED to replay) over a small key pool;
 * each plan runs through the real producer and reducer from a fresh genesis with MaxValidators 3,
 * BlocksPerSession 2 and 30-minute unstaking times.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { totalSupply } from '../../../src/modules/auth/bank.js';
import { StakeStatus, VALIDATOR_SET_KEY } from '../../../src/modules/nodes/state.js';
import { computeValidatorSet } from '../../../src/modules/nodes/validator-set.js';
import { checkInvariants } from '../../../src/sim/invariants.js';
import { produce, signTx, testKey } from '../../helpers/chain.js';
import { beginUnstakeAppMsg, beginUnstakeNodeMsg, stakeAppMsg, stakeNodeMsg, startStakingChain, transferAppMsg, unjailAppMsg } from '../../helpers/staking.js';
import { fastCheckSeed } from '../crypto/fc-seed.js';
const POKT = 1000000n;
const operators = Array.from({ length: 6 }, (_, i) => testKey(`prop-operator-${i}`));
const outputs = Array.from({ length: 3 }, (_, i) => testKey(`prop-output-${i}`));
const apps = Array.from({ length: 5 }, (_, i) => testKey(`prop-app-${i}`));
const anchor = testKey('prop-anchor-validator');
const everyone = [...operators, ...outputs, ...apps];
const amounts = [0n, 1n, POKT - 1n, POKT, 2n * POKT, 7n * POKT, 15n * POKT, 40n * POKT, 250n * POKT, 1000000n * POKT];
const urls = ['https://node.example.com:443', 'http://a.b:1', 'ftp://bad.url:1', `https://${'x'.repeat(250)}.example.com:1`];
const action = fc.oneof({ weight: 4, arbitrary: fc.record({ kind: fc.constant('stakeNode'), op: fc.nat(5), amount: fc.nat(amounts.length - 1), output: fc.integer({ min: -1, max: 2 }), signer: fc.nat(2), chains: fc.nat(17), url: fc.nat(urls.length - 1) }) }, { weight: 2, arbitrary: fc.record({ kind: fc.constant('unstakeNode'), op: fc.nat(5), signer: fc.nat(2) }) }, { weight: 3, arbitrary: fc.record({ kind: fc.constant('stakeApp'), app: fc.nat(4), amount: fc.nat(amounts.length - 1), chains: fc.nat(16) }) }, { weight: 1, arbitrary: fc.record({ kind: fc.constant('transferApp'), from: fc.nat(4), to: fc.nat(everyone.length - 1) }) }, { weight: 1, arbitrary: fc.record({ kind: fc.constant('unstakeApp'), app: fc.nat(4) }) }, { weight: 1, arbitrary: fc.record({ kind: fc.constant('unjailApp'), app: fc.nat(4) }) });
const plan = fc.array(fc.array(action, { maxLength: 5 }), { minLength: 1, maxLength: 14 });
const chainIds = (n) => Array.from({ length: n }, (_, i) => (i + 1).toString(16).padStart(4, '0'));
/** The message and the key that signs it. */
function toTx(a, state) {
    switch (a.kind) {
        case 'stakeNode': {
            const op = operators[a.op];
            const output = a.output < 0 ? null : outputs[a.output];
            const current = state.nodes.validators.get(op.address)?.outputAddress;
            const currentOutput = outputs.find((k) => k.address === current);
            const signer = [op, output ?? op, currentOutput ?? op][a.signer];
            return [signer, stakeNodeMsg(op, { value: amounts[a.amount], output, chains: chainIds(a.chains), serviceUrl: urls[a.url] })];
        }
        case 'unstakeNode': {
            const op = operators[a.op];
            const signer = [op, outputs[0], outputs[1]][a.signer];
            return [signer, beginUnstakeNodeMsg(op, signer)];
        }
        case 'stakeApp':
            return [apps[a.app], stakeAppMsg(apps[a.app], amounts[a.amount], chainIds(a.chains))];
        case 'transferApp':
            return [apps[a.from], transferAppMsg(everyone[a.to])];
        case 'unstakeApp':
            return [apps[a.app], beginUnstakeAppMsg(apps[a.app])];
        case 'unjailApp':
            return [apps[a.app], unjailAppMsg(apps[a.app])];
    }
}
function freshChain() {
    return startStakingChain({
        accounts: everyone.map((key) => ({ key, balanceUpokt: 2000n * POKT })),
        validators: [{ key: anchor, tokensUpokt: 10000000n * POKT }, { key: operators[5], tokensUpokt: 20n * POKT }],
        apps: [{ key: apps[4], stakeUpokt: 5n * POKT, jailed: true }],
        params: {
            pos: { max_validators: '3', session_block_frequency: '2', unstaking_time: '1800000000000', servicer_stake_weight_ceiling: '1000000' },
            application: { unstaking_time: '1800000000000', max_applications: '4' },
        },
    });
}
function checkBlock(state, supply, where) {
    assert.equal(checkInvariants(state), [], `${where}: invariants`);
    assert.is(totalSupply(state.auth), supply, `${where}: total supply unchanged`);
    const validators = [...state.nodes.validators.unorderedValues()];
    const expectedSet = computeValidatorSet(validators, state.params().pos.maxValidators);
    assert.equal([...state.nodes.validatorSet.get(VALIDATOR_SET_KEY)], expectedSet, `${where}: validator set = top MaxValidators by (power, address)`);
    assert.equal([...state.nodes.powerIndex.all()], computeValidatorSet(validators, BigInt(validators.length)), `${where}: power index = full ranking`);
    assert.is(state.nodes.unstakingQueue.size, validators.filter((v) => v.status === StakeStatus.Unstaking).length, `${where}: unstaking queue`);
    const appList = [...state.apps.applications.unorderedValues()];
    assert.is(state.apps.stakedCount.count, appList.filter((a) => a.status === StakeStatus.Staked && !a.jailed).length, `${where}: staked app count`);
    assert.is(state.apps.unstakingQueue.size, appList.filter((a) => a.status === StakeStatus.Unstaking).length, `${where}: app unstaking queue`);
    for (const address of state.nodes.waitingValidators.unorderedKeys())
        assert.ok(state.nodes.validators.has(address), `${where}: waiting ${address} has a record`);
}
const properties = suite('staking properties over random message sequences');
properties('supply, pools, non-negative balances, the validator set and the derived indexes hold after every block', () => {
    const seed = fastCheckSeed('staking properties');
    let blocks = 0;
    let accepted = 0;
    let rejected = 0;
    const seen = new Map();
    const codes = new Map();
    fc.assert(fc.property(plan, (blockPlans) => {
        const state = freshChain();
        const supply = totalSupply(state.auth);
        checkBlock(state, supply, 'genesis');
        for (const [index, actions] of blockPlans.entries()) {
            const txs = actions.map((a) => {
                const [key, msg] = toTx(a, state);
                return signTx(key, msg);
            });
            const result = produce(state, txs);
            blocks++;
            for (const e of [...result.receipts.flatMap((r) => r.events), ...result.endBlock.flatMap((s) => s.events)])
                seen.set(e.type, (seen.get(e.type) ?? 0) + 1);
            for (const receipt of result.receipts) {
                if (receipt.code !== 0)
                    codes.set(`${receipt.codespace}:${receipt.code}`, (codes.get(`${receipt.codespace}:${receipt.code}`) ?? 0) + 1);
                if (receipt.code === 0)
                    accepted++;
                else {
                    rejected++;
                    assert.ok(receipt.events.every((e) => e.type === 'FeeDeducted'), `a rejected message only pays its fee (${receipt.codespace}:${receipt.code})`);
                }
            }
            checkBlock(state, supply, `block ${index + 1}`);
        }
    }), { seed, numRuns: 60 });
    for (const type of ['NodeStaked', 'NodeStakeEdited', 'NodeUnstakingStarted', 'NodeUnstaked', 'AppStaked', 'AppStakeEdited', 'AppTransferred', 'AppUnstaked', 'AppUnjailed', 'ValidatorSetUpdated']) {
        assert.ok((seen.get(type) ?? 0) > 0, `the plans reach ${type}`);
    }
    assert.ok(codes.size >= 15, `the plans reach many rejection codes (${[...codes.keys()].sort().join(' ')})`);
    assert.ok(accepted > 50 && rejected > 50, `the plans reach both outcomes (accepted ${accepted}, rejected ${rejected}, blocks ${blocks})`);
});
properties.run();
//# sourceMappingURL=properties.test.js.map