/**
 * The projection's part of a chain rollback (runtime/rollback.ts step 4): bring the SQLite
 * projection back to the rolled-back height in one transaction (ProjectionStore.rollbackTo).
 * Idempotent, so a rollback interrupted after its commit point finishes it on the next run of
 * `rollback`, `verify` or `project` (`finishPendingRollback`).
 */
import { existsSync } from 'node:fs';
import { finishDerived, type RollbackIntent } from '../runtime/rollback.js';
import { recordedAtHeight } from '../runtime/verify.js';
import { projectionFailure } from './sqlite/failure.js';
import { projectionFile, ProjectionStore } from './store.js';

export function projectionRollbackStep(dataDir: string): (to: number) => void {
  return (to) => {
    const file = projectionFile(dataDir);
    if (!existsSync(file)) return;
    const store = ProjectionStore.open(dataDir);
    try {
      const at = recordedAtHeight(dataDir, to);
      store.rollbackTo({ height: to, blockHash: at.blockHash, stateRoot: at.stateRoot });
    } catch (error) {
      // Named as the projection's own failures are (a file-size limit as file_too_large, not
      // "the device reported an I/O error"; a damaged file with its remedy).
      throw projectionFailure(error, file);
    } finally {
      store.close();
    }
  };
}

/** Finish the derived steps of a rollback that was interrupted after its commit point. */
export function finishPendingRollback(dataDir: string): RollbackIntent | undefined {
  return finishDerived(dataDir, [projectionRollbackStep(dataDir)]);
}
