/**
 * Child process of the chain-level crash test (test/unit/sim/crash.test.ts): runs the simulator
 * on an existing simulated data dir (fsync 'always') for ever, printing each height on stdout
 * only AFTER ChainWriter.produce returned — i.e. after the block's append returned, so a printed
 * height is a block the log promised to keep. The parent kills it with SIGKILL at random moments.
 *
 * argv: <dataDir> <seed>
 */
import { writeSync } from 'node:fs';
import { simulate } from '../../src/sim/simulator.js';
const [dataDir, seed] = process.argv.slice(2);
if (dataDir === undefined || seed === undefined)
    throw new Error('usage: sim-writer <dataDir> <seed>');
writeSync(1, 'start\n');
await simulate({
    dataDir,
    seed: BigInt(seed),
    blocks: 1_000_000,
    txsPerBlock: 4,
    workers: 0,
    fsync: 'always',
    // writeSync: nothing may sit in a userland buffer when the kill comes.
    onBlock: (report) => void writeSync(1, `${report.height}\n`),
});
//# sourceMappingURL=sim-writer.js.map