/**
 * Goal: a node staked with a chain listed twice (["0001","0001"], which ValidateBasic allows) is
 * seated at most once, and every way of reaching a state agrees on every session: the live run,
 * a replay from genesis, and replays from a snapshot taken before and one taken after that stake.
 * (Before the fix, the candidate list rebuilt from the validator table held such a node twice
 * while the live index held it once, so a snapshot replay computed different sessions.)
 * Method: a data directory written by the real ChainWriter (relay chain: BPS 4, SessionNodeCount
 * 2, four servicers on 0001); the stake lands in block 6; snapshots at 4 (before) and 8 (after);
 * 16 blocks. Sessions of 24 application keys (sessions do not need the app to exist) for every
 * session start 1, 5, 9, 13 — as claims see them — plus dispatch at the head, compared across
 * the four states.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { computeSession, dispatchSession } from '../../../src/modules/pocketcore/session-service.js';
import { ChainWriter } from '../../../src/runtime/chain-writer.js';
import { initDataDir } from '../../../src/runtime/data-dir.js';
import { replay } from '../../../src/runtime/replay.js';
import { listSnapshots } from '../../../src/snapshot/snapshot.js';
import { BLOCK_INTERVAL_NS, signTx, testKey } from '../../helpers/chain.js';
import { POKT, relayChainSpec } from '../../helpers/relays.js';
import { stakeNodeMsg, stakingGenesisJson } from '../../helpers/staking.js';
const twice = testKey('staked-with-0001-twice');
const HEAD = 16;
const STAKE_HEIGHT = 6;
const SNAPSHOT_BEFORE = 4;
const SNAPSHOT_AFTER = 8;
const SESSION_STARTS = [1, 5, 9, 13];
const APP_KEYS = Array.from({ length: 24 }, (_, i) => testKey(`session-replay-app-${i}`).publicKey);
function freshDataDir() {
    const root = mkdtempSync(join(tmpdir(), 'pokt-ledger-session-replay-'));
    const spec = relayChainSpec();
    const genesis = join(root, 'genesis.json');
    writeFileSync(genesis, stakingGenesisJson({ ...spec, accounts: [...(spec.accounts ?? []), { key: twice, balanceUpokt: 100000n * POKT }] }));
    initDataDir(join(root, 'data'), genesis);
    return join(root, 'data');
}
/** Every session of every app key, as text lines (what the four states must agree on). */
function sessionsOf(state) {
    const lines = [];
    for (const appPublicKey of APP_KEYS) {
        for (const sessionHeight of SESSION_STARTS) {
            const session = computeSession(state, { appPublicKey, chain: '0001', sessionHeight }, HEAD, { kind: 'end' });
            assert.ok(session.ok, `session ${sessionHeight}`);
            lines.push(`${appPublicKey.slice(0, 8)} @${sessionHeight}: ${session.value.candidates} candidates → ${session.value.nodes.join(',')}`);
        }
        const now = dispatchSession(state, appPublicKey, '0001', HEAD);
        assert.ok(now.ok);
        lines.push(`${appPublicKey.slice(0, 8)} dispatch: ${now.value.nodes.join(',')}`);
    }
    return lines;
}
async function writeChain(dir) {
    const writer = await ChainWriter.open(dir, { fsync: 'never' });
    try {
        while (writer.height < HEAD) {
            const height = writer.height + 1;
            const txs = height === STAKE_HEIGHT ? [signTx(twice, stakeNodeMsg(twice, { value: 20000n * POKT, chains: ['0001', '0001'] }))] : [];
            const produced = writer.produce({ timeNs: writer.lastBlockTimeNs + BLOCK_INTERVAL_NS, txs });
            if (height === STAKE_HEIGHT)
                assert.is(produced.result.receipts[0]?.code, 0, produced.result.receipts[0]?.log);
            if (height === SNAPSHOT_BEFORE || height === SNAPSHOT_AFTER)
                writer.snapshot();
        }
        return writer.state;
    }
    finally {
        writer.close();
    }
}
/** A copy of the data directory whose newest snapshot is the one at `height`. */
function copyKeepingSnapshotsUpTo(dir, height) {
    const copy = join(dir, '..', `data-up-to-${height}`);
    cpSync(dir, copy, { recursive: true });
    for (const snapshot of listSnapshots(copy))
        if (snapshot.height > height)
            rmSync(snapshot.file);
    return copy;
}
const replays = suite('sessions with a node staked for ["0001","0001"]: live = replay from genesis = replays from snapshots');
replays('the node is seated at most once, and all four states compute the same sessions', async () => {
    const dir = freshDataDir();
    try {
        const live = sessionsOf(await writeChain(dir));
        assert.equal(listSnapshots(dir).map((s) => s.height), [SNAPSHOT_BEFORE, SNAPSHOT_AFTER]);
        const fromGenesis = await replay(dir, { trustSignatures: true });
        const fromAfter = await replay(dir, { trustSignatures: true, fromSnapshot: true });
        const fromBefore = await replay(copyKeepingSnapshotsUpTo(dir, SNAPSHOT_BEFORE), { trustSignatures: true, fromSnapshot: true });
        assert.equal([fromGenesis.startHeight, fromBefore.startHeight, fromAfter.startHeight], [0, SNAPSHOT_BEFORE, SNAPSHOT_AFTER]);
        for (const outcome of [fromGenesis, fromBefore, fromAfter]) {
            assert.ok(outcome.verified, outcome.divergence?.detail);
            assert.is(outcome.height, HEAD);
        }
        assert.equal(sessionsOf(fromGenesis.state), live, 'replay from genesis');
        assert.equal(sessionsOf(fromBefore.state), live, `replay from the snapshot at ${SNAPSHOT_BEFORE} (before the stake)`);
        assert.equal(sessionsOf(fromAfter.state), live, `replay from the snapshot at ${SNAPSHOT_AFTER} (after the stake)`);
        // The sessions mean something: after the stake the chain index has 5 entries, the node is
        // seated in some session, and no session seats anyone twice.
        assert.ok(live.some((line) => line.includes('@9: 5 candidates')), 'session 9 sees 4 + 1 candidates');
        assert.ok(live.some((line) => line.includes(twice.address)), 'the doubly listed node is seated somewhere');
        for (const line of live) {
            const nodes = line.split(/→ |: /).at(-1).split(',');
            assert.is(new Set(nodes).size, nodes.length, line);
        }
    }
    finally {
        rmSync(join(dir, '..'), { recursive: true, force: true });
    }
});
replays.run();
//# sourceMappingURL=session-replay.test.js.map