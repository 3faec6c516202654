/**
 * The projection's part of a chain rollback (runtime/rollback.ts step 4): bring the SQLite
 * projection back to the rolled-back height in one transaction (ProjectionStore.rollbackTo).
 * Idempotent, so a rollback interrupted after its commit point finishes it on the next run of
 * `rollback`, `verify` or `project` (`finishPendingRollback`).
 */
import { existsSync } from 'node:fs';
import { finishDerived } from '../runtime/rollback.js';
import { recordedAtHeight } from '../runtime/verify.js';
import { projectionFile, ProjectionStore } from './store.js';
export function projectionRollbackStep(dataDir) {
    return (to) => {
        if (!existsSync(projectionFile(dataDir)))
            return;
        const store = ProjectionStore.open(dataDir);
        try {
            const at = recordedAtHeight(dataDir, to);
            store.rollbackTo({ height: to, blockHash: at.blockHash, stateRoot: at.stateRoot });
        }
        finally {
            store.close();
        }
    };
}
/** Finish the derived steps of a rollback that was interrupted after its commit point. */
export function finishPendingRollback(dataDir) {
    return finishDerived(dataDir, [projectionRollbackStep(dataDir)]);
}
//# sourceMappingURL=rollback.js.map