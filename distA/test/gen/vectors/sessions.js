/**
 * CHANGE DETECTOR for session node selection: test/vectors/sessions.change-detector.json.
 * Its outputs are produced by the code under test (change, not correctness); the independent
 * check is the python oracle (test/oracle/, verdicts in test/oracle/verdicts/sessions.json).
 *
 * Each case is a pure NewSessionNodes problem (PROTOCOL §3.2–3.3): the session header and the
 * hash of block SBH give the session key; the candidates are the chain index at the session
 * start (addresses, ascending); each candidate's END-state record says whether it is missing,
 * jailed, staked for how many chains and whether it still lists the chain. Output: the header
 * hash, the session key, the selected nodes in selection order and the number of draws — or the
 * rejection code.
 *
 * Candidate addresses and block hashes are SHA-256 of readable labels, so another implementation
 * can rebuild every input. Outputs come from src/modules/pocketcore/session.ts. Regenerate with
 * `npm run vectors`; never edit by hand.
 */
import { bytesToHex } from '../../../src/core/hex.js';
import { sha256 } from '../../../src/crypto/hash.js';
import { StakeStatus } from '../../../src/modules/nodes/state.js';
import { selectSessionNodes, sessionHeaderHash, sessionKey } from '../../../src/modules/pocketcore/session.js';
export const SESSIONS_VECTORS_FILE = 'sessions.change-detector.json';
const labelHash = (label) => bytesToHex(sha256(label));
const labelAddress = (label) => labelHash(label).slice(0, 40);
function validatorOf(address, chain, state) {
    if (state?.missing)
        return undefined;
    return {
        address: address,
        publicKey: '00'.repeat(32),
        jailed: state?.jailed === true,
        status: StakeStatus.Staked,
        chains: state?.chains ?? [chain],
        serviceUrl: 'https://node.example.com:443',
        tokensUpokt: 15000000000n,
        unstakingTimeNs: null,
        outputAddress: null,
        rewardDelegators: null,
    };
}
export function evaluateSessionCase(input) {
    const header = { appPublicKey: input.appPublicKey, chain: input.chain, sessionHeight: input.sessionHeight };
    const key = sessionKey(input.appPublicKey, input.chain, input.blockHash);
    const byAddress = new Map(input.candidates.map((address, i) => [address, validatorOf(address, input.chain, input.endState[String(i)])]));
    const result = selectSessionNodes({
        chain: input.chain,
        key,
        candidates: input.candidates,
        count: input.sessionNodeCount,
        maxChains: BigInt(input.maxChains),
        lookup: (address) => byAddress.get(address),
    });
    const common = { headerHash: sessionHeaderHash(header), key: bytesToHex(key) };
    return result.ok ? { ...common, nodes: result.value.nodes, draws: result.value.draws } : { ...common, error: `${result.error.codespace}:${result.error.code}` };
}
function candidates(label, n) {
    return Array.from({ length: n }, (_, i) => labelAddress(`${label}/node/${i}`)).sort();
}
function input(label, n, count, endState = {}, overrides = {}) {
    return {
        appPublicKey: labelHash(`${label}/app`),
        chain: '0021',
        sessionHeight: 10_001,
        blockHash: labelHash(`${label}/block`),
        sessionNodeCount: count,
        maxChains: '15',
        candidates: candidates(label, n),
        endState,
        ...overrides,
    };
}
function every(n, predicate, state) {
    const out = {};
    for (let i = 0; i < n; i++)
        if (predicate(i))
            out[String(i)] = state;
    return out;
}
const SIXTEEN_CHAINS = Array.from({ length: 16 }, (_, i) => (i === 0 ? '0021' : (0x100 + i).toString(16).toUpperCase().padStart(4, '0')));
export function buildSessionVectors() {
    const cases = [];
    const add = (description, data) => {
        cases.push({ description, input: data, output: evaluateSessionCase(data) });
    };
    add('5 candidates, 5 nodes (mainnet genesis SessionNodeCount): every candidate, in draw order', input('five', 5, 5));
    add('24 of 100 candidates (docs-snapshot SessionNodeCount)', input('hundred', 100, 24));
    add('24 of 1,000 candidates', input('thousand', 1000, 24));
    add('24 of 100, every third candidate jailed at the session end', input('jailed', 100, 24, every(100, (i) => i % 3 === 0, { jailed: true })));
    add('24 of 100, every fourth candidate gone at the session end (unstaked and deleted)', input('missing', 100, 24, every(100, (i) => i % 4 === 1, { missing: true })));
    add('24 of 100, every fifth candidate re-staked to another chain before the session end', input('rechained', 100, 24, every(100, (i) => i % 5 === 2, { chains: ['0001'] })));
    add('24 of 100, every sixth candidate staked for 16 chains (> MaximumChains 15)', input('maxchains', 100, 24, every(100, (i) => i % 6 === 3, { chains: SIXTEEN_CHAINS })));
    add('exactly 15 chains is allowed', input('fifteen', 10, 5, every(10, () => true, { chains: SIXTEEN_CHAINS.slice(0, 15) })));
    add('fewer candidates than SessionNodeCount → pocketcore:17', input('few', 4, 5));
    add('every candidate examined without filling the session → pocketcore:17', input('exhausted', 8, 5, every(8, (i) => i >= 3, { jailed: true })));
    add('a single candidate and one node', input('single', 1, 1));
    add('chain 0001, session height 1 (a localnet-style first session)', input('first', 7, 3, {}, { chain: '0001', sessionHeight: 1 }));
    return {
        kind: 'change detector: outputs produced by the code under test; correctness is checked by test/oracle (python)',
        title: 'Session node selection (NewSessionNodes)',
        summary: 'Session key = SHA3-256({"app_pub_key","chain","blockchain"}); index = uint64_BE(key[0:8]) mod n, key = SHA3-256(key) after every draw; repeats skipped; candidates missing, jailed, over MaximumChains or no longer staked for the chain at the session end skipped (x/pocketcore/types/session.go:111-240). Candidate addresses are sha256("<label>/node/<i>")[0:20] sorted; block hashes sha256("<label>/block"); app keys sha256("<label>/app"). Generated by test/gen/vectors/sessions.ts; never edit by hand.',
        generator: 'test/gen/vectors/sessions.ts',
        cases,
    };
}
export const sessionsVectorsModule = { file: SESSIONS_VECTORS_FILE, build: buildSessionVectors };
//# sourceMappingURL=sessions.js.map