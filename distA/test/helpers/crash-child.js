/**
 * The crash tests' victim process (test/unit/history/crash.test.ts): runs ONE rollback or
 * snapshot on a data directory exactly as the CLI's `rollback` / `snapshot` actions do (settle a
 * pending rollback, then rollbackDataDir with the projection step; or replay from the newest
 * snapshot, then writeSnapshot), but loads only those modules — a fraction of the full CLI's
 * start-up, which is most of a crash run's cost. It prints `started` on stderr right before the
 * operation, so the test's kill delays count from there and land inside the operation instead of
 * during module loading.
 *
 *   node crash-child.js rollback <dir> <height>
 *   node crash-child.js snapshot <dir> <keep> [<step>]   (step: wait there to be killed)
 */
import { finishPendingRollback, projectionRollbackStep } from '../../src/projection/rollback.js';
import { openChain } from '../../src/runtime/open-chain.js';
import { replay } from '../../src/runtime/replay.js';
import { rollbackDataDir } from '../../src/runtime/rollback.js';
import { writeSnapshot } from '../../src/snapshot/snapshot.js';
const [operation, dir, argument, pauseAt] = process.argv.slice(2);
/** Print the step and wait (until killed) when it is the one asked for. */
function pause(step) {
    if (step !== pauseAt)
        return;
    process.stderr.write(`paused at ${step}\n`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
}
const quiet = { onWarning: () => undefined };
if (operation === 'rollback') {
    openChain(dir, quiet).log.close();
    finishPendingRollback(dir);
    process.stderr.write('started\n');
    rollbackDataDir(dir, Number(argument), { derived: [projectionRollbackStep(dir)] });
}
else if (operation === 'snapshot') {
    const outcome = await replay(dir, { fromSnapshot: true, trustSignatures: true, ...quiet });
    process.stderr.write('started\n');
    writeSnapshot(dir, outcome.state, { keep: Number(argument), onStep: pause });
}
else {
    throw new Error(`crash-child: unknown operation ${operation}`);
}
process.stderr.write('finished\n');
//# sourceMappingURL=crash-child.js.map