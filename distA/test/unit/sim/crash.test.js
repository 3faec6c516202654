/**
 * Goal: a simulated chain survives its writer being killed at any moment: every block whose
 * append returned is still there when the log reopens, the reopened log replays to every stored
 * root, and the chain continues — ending exactly where an uninterrupted run would be.
 * Method: the chain is created once (genesis + simulator keys, the sends workload); then, KILLS
 * times (default 50), a child process (test/helpers/sim-writer.ts: the real simulator and ChainWriter, fsync
 * 'always') continues it and prints each height after its append returned; the parent SIGKILLs
 * it at a seeded moment — by timer from spawn (start-up, open, the opening replay) or after a
 * seeded number of acknowledged blocks (mid-block: apply, append, fsync) — then reopens the log
 * as a writer (torn-tail recovery), checks lastHeight ≥ every printed height, and replays from
 * genesis checking every stored root. Finally an uninterrupted run of the same seed to the same
 * height must have the same roots at every height. Override: POKT_SIM_CRASH_SEED,
 * POKT_SIM_CRASH_KILLS. The seed and the figures are printed.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Prng } from '../../../src/core/prng.js';
import { BlockLog, blockLogDir } from '../../../src/log/index.js';
import { replay } from '../../../src/runtime/replay.js';
import { simulate } from '../../../src/sim/simulator.js';
import { readStoredRoots } from '../../../src/cli/commands/chain.js';
import { scratch, writeSmallGenesis } from '../../helpers/sim.js';
const SEED = Number(process.env['POKT_SIM_CRASH_SEED'] ?? 0xc0ffee);
const KILLS = Number(process.env['POKT_SIM_CRASH_KILLS'] ?? 50);
const SIM_SEED = 77n;
console.log(`sim crash.test seed=${SEED} kills=${KILLS} (POKT_SIM_CRASH_SEED / POKT_SIM_CRASH_KILLS to change)`);
const writerScript = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'helpers', 'sim-writer.js');
/** Runs one child until the trigger, SIGKILLs it; resolves with the highest printed height. */
function runChild(dataDir, trigger) {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [writerScript, dataDir, String(SIM_SEED)], { stdio: ['ignore', 'pipe', 'pipe'] });
        let acked = 0;
        let acks = 0;
        let pending = '';
        let stderr = '';
        let killed = false;
        const kill = () => {
            if (!killed)
                child.kill('SIGKILL');
            killed = true;
        };
        if (trigger.kind === 'timer')
            setTimeout(kill, trigger.ms);
        child.stdout.on('data', (chunk) => {
            pending += chunk.toString('utf8');
            const lines = pending.split('\n');
            pending = lines.pop(); // a line without its newline is not an acknowledgement
            for (const line of lines) {
                if (!/^\d+$/.test(line))
                    continue;
                acked = Math.max(acked, Number(line));
                acks++;
            }
            if (trigger.kind === 'acks' && acks >= trigger.count)
                kill();
        });
        child.stderr.on('data', (chunk) => (stderr += chunk.toString('utf8')));
        child.on('error', reject);
        child.on('close', (code, signal) => {
            if (signal !== 'SIGKILL')
                reject(new Error(`sim writer exited by itself (code ${code}): ${stderr}`));
            else
                resolve(acked);
        });
    });
}
const crash = suite('sim: chain crash safety');
crash(`${KILLS} SIGKILLs of a simulating writer: acknowledged blocks survive, roots replay, the chain ends where an uninterrupted run does`, async () => {
    const tmp = scratch('sim-crash');
    const prng = new Prng(SEED);
    try {
        const genesisFile = writeSmallGenesis(tmp.dir);
        const dataDir = join(tmp.dir, 'data');
        // The sends workload only: this test is about the writer and the log, and every restart
        // replays the chain, so a light workload buys more kills per second.
        await simulate({ dataDir, genesisFile, seed: SIM_SEED, blocks: 0, workers: 0, workloads: ['sends'] });
        let maxAcked = 0;
        let tornTails = 0;
        let staleLocks = 0;
        let timerKills = 0;
        for (let round = 0; round < KILLS; round++) {
            const trigger = prng.chance(0.25) ? { kind: 'timer', ms: 30 + prng.int(600) } : { kind: 'acks', count: 1 + prng.int(6) };
            if (trigger.kind === 'timer')
                timerKills++;
            maxAcked = Math.max(maxAcked, await runChild(dataDir, trigger));
            const { log, recovery } = BlockLog.open(blockLogDir(dataDir));
            if (recovery.tornTail)
                tornTails++;
            if (recovery.staleLockTakenOver)
                staleLocks++;
            const lastHeight = log.lastHeight;
            log.close();
            assert.ok(lastHeight >= maxAcked, `round ${round}: log ends at ${lastHeight}, but height ${maxAcked} was acknowledged (seed ${SEED})`);
            const replayed = await replay(dataDir, { trustSignatures: true });
            assert.ok(replayed.verified, `round ${round}: replay diverged at ${replayed.divergence?.height}: ${replayed.divergence?.detail} (seed ${SEED})`);
            assert.is(replayed.height, lastHeight);
        }
        const finalRoots = readStoredRoots(dataDir);
        console.log(`sim crash.test: ${KILLS} kills (${timerKills} by timer), ${tornTails} torn tails cut, ${staleLocks} stale locks taken over, chain at height ${finalRoots.length}, highest acknowledged ${maxAcked}`);
        assert.ok(finalRoots.length >= KILLS / 2, 'the chain made progress between kills');
        const fullyVerified = await replay(dataDir, { workers: 2 });
        assert.ok(fullyVerified.verified, 'replay with every signature verified');
        const straight = join(tmp.dir, 'straight');
        await simulate({ dataDir: straight, genesisFile, seed: SIM_SEED, blocks: finalRoots.length, txsPerBlock: 4, workers: 0, fsync: 'never', workloads: ['sends'] });
        assert.equal(readStoredRoots(straight), finalRoots, 'an uninterrupted run reaches the same roots at every height');
    }
    finally {
        tmp.remove();
    }
});
crash.run();
//# sourceMappingURL=crash.test.js.map