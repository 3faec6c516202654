/**
 * Test chains for governance and slashing: the e2e localnet template (test/helpers/chain.ts)
 * with the DAO owner and every ACL owner replaced by a test key, funded accounts for the
 * owner and each validator operator (so they can pay fees), plus message builders for
 * ParamChange / DAOTransfer / Upgrade / Unjail and receipt helpers.
 */
import * as assert from 'uvu/assert';
import { bytesToHex } from '../../src/core/hex.js';
import { readFixture } from './paths.js';
import { importGenesis } from '../../src/genesis/import.js';
import { parseGenesis } from '../../src/genesis/parse.js';
import { produce, testGenesisJson, testKey } from './chain.js';
import { Prng } from '../../src/core/prng.js';
import { totalSupply } from '../../src/modules/auth/bank.js';
import { checkInvariants } from '../../src/sim/invariants.js';
import { SupplyLedger } from '../../src/sim/supply.js';
import { testSimContext } from './sim-context.js';
export const OWNER = testKey('dao-owner');
/** The 35 ACL keys of the e2e localnet genesis (the same set as mainnet's, in another order). */
export function templateAclKeys() {
    const genesis = JSON.parse(readFixture('e2e-single-node-genesis.json'));
    return genesis.app_state.gov.params.acl.map((entry) => entry.acl_key);
}
export const FUNDS_UPOKT = 1000000000000n;
export function govChain(spec = {}) {
    const parsed = parseGenesis(govGenesisJson(spec));
    if (!parsed.ok)
        throw new Error(`test genesis invalid: ${JSON.stringify(parsed.error)}`);
    return importGenesis(parsed.value);
}
/** The genesis document govChain starts from (OWNER owns the DAO and every ACL key). */
export function govGenesisJson(spec = {}) {
    const owner = OWNER.address;
    const acl = templateAclKeys().map((key) => ({ acl_key: key, address: owner }));
    const validators = spec.validators ?? [];
    const funded = new Map();
    funded.set(owner, { key: OWNER, balanceUpokt: FUNDS_UPOKT });
    for (const v of validators)
        funded.set(v.key.address, { key: v.key, balanceUpokt: FUNDS_UPOKT });
    for (const a of spec.accounts ?? [])
        funded.set(a.key.address, a);
    const params = { gov: { dao_owner: owner, acl } };
    for (const [module, overrides] of Object.entries(spec.params ?? {}))
        params[module] = { ...(params[module] ?? {}), ...overrides };
    const chainSpec = { accounts: [...funded.values()], validators, params };
    const genesis = JSON.parse(testGenesisJson(chainSpec));
    genesis.app_state.gov.DAO_Tokens = (spec.daoTokensUpokt ?? 0n).toString();
    return JSON.stringify(genesis);
}
export function paramChange(from, key, valueJson) {
    const bytes = typeof valueJson === 'string' ? new TextEncoder().encode(valueJson) : valueJson;
    return { kind: 'ParamChange', fromAddress: typeof from === 'string' ? from : from.address, paramKey: key, paramValue: bytesToHex(bytes) };
}
export function daoTransfer(from, to, amountUpokt, action) {
    return { kind: 'DAOTransfer', fromAddress: from.address, toAddress: to, amount: amountUpokt.toString(), action };
}
export function upgrade(from, height, version, features = [], oldUpgradeHeight = 0n) {
    return { kind: 'Upgrade', address: from.address, upgrade: { height, version, oldUpgradeHeight, features } };
}
export function unjail(validator, signer) {
    const address = (k) => (typeof k === 'string' ? k : k.address);
    return { kind: 'UnjailNode', validatorAddress: address(validator), signerAddress: address(signer) };
}
export function code(receipt) {
    return receipt.code === 0 ? 'ok' : `${receipt.codespace}:${receipt.code}`;
}
/** Assert a block's only receipt ended with `expected` ('ok' or 'codespace:code'). */
export function expectOnly(result, expected) {
    assert.is(result.receipts.length, 1);
    const receipt = result.receipts[0];
    assert.is(code(receipt), expected, receipt.log);
    return receipt;
}
/** Every event of a block (BeginBlock steps, txs, EndBlock steps), in applied order. */
export function eventsOf(result) {
    const fromSteps = (steps) => steps.flatMap((step) => [...step.events]);
    return [...fromSteps(result.beginBlock), ...result.receipts.flatMap((r) => [...r.events]), ...fromSteps(result.endBlock)];
}
export function eventsOfType(result, type) {
    return eventsOf(result).filter((event) => event.type === type);
}
/**
 * Drive simulator workloads without the simulator runner (as test/unit/sim/staking-workload
 * does): each block, a SimContext per workload (seeded Prng per block and workload), its txs and
 * faults, the real producer and reducer; every receipt must match its expectation, invariants
 * must hold and supply must equal start + Σ minted − Σ burned (src/sim/supply.ts).
 * Returns tx counts by label and outcome, and the block results.
 */
export function driveWorkloads(state, workloads, options) {
    const outcomes = new Map();
    const results = [];
    const supply = new SupplyLedger(totalSupply(state.auth));
    let previous = [];
    for (let i = 0; i < options.blocks; i++) {
        const height = state.chain.meta.get('meta').height + 1;
        const proposals = [];
        const offline = new Set();
        const evidence = [];
        for (const { workload, keys } of workloads) {
            const prng = new Prng(BigInt(options.seed) * 1000003n + BigInt(height) * 7n + BigInt(workload.name.length));
            const ctx = testSimContext({
                state,
                prng,
                keys,
                validatorKeys: options.validatorKeys,
                txsPerBlock: 4,
                previousBlockTxs: previous,
                freshKeyName: (h, label) => `workload-fresh-${h}-${workload.name}-${label}`,
            });
            proposals.push(...workload.propose(ctx));
            const faults = workload.faults?.(ctx) ?? {};
            for (const address of faults.offline ?? [])
                offline.add(address);
            evidence.push(...(faults.evidence ?? []));
        }
        const result = produce(state, proposals.map((p) => p.bytes), { signed: (address) => !offline.has(address), evidence });
        proposals.forEach((proposal, index) => {
            const receipt = result.receipts[index];
            const actual = code(receipt);
            assert.is(actual, proposal.expect, `block ${height} tx ${index} ${proposal.label}: ${receipt.log} (seed ${options.seed})`);
            const counts = outcomes.get(proposal.label) ?? new Map();
            counts.set(actual, (counts.get(actual) ?? 0) + 1);
            outcomes.set(proposal.label, counts);
        });
        assert.equal(checkInvariants(state), [], `invariants after block ${height} (seed ${options.seed})`);
        supply.record(result);
        assert.is(totalSupply(state.auth), supply.expectedSupplyUpokt, `supply after block ${height} (seed ${options.seed})`);
        results.push(result);
        previous = proposals.map((p) => p.bytes);
    }
    return { outcomes, results };
}
//# sourceMappingURL=gov-chain.js.map