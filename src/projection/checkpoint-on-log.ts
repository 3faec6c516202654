/**
 * Is the projection this data dir's? Its checkpoint (height, block hash, state root) must be a
 * block of the data dir's block log — or the genesis it starts from — before anything reads it
 * or appends to it.
 *
 * Why: catching up checks each appended block against the checkpoint (engine.ts: the block's
 * previous hash and app hash), but a projection already at the log's height appends nothing, so
 * another chain's projection copied in (or one left from a history that was rolled back and
 * re-grown) was accepted: `project` said "0 blocks", `audit` reported the other chain's rows as
 * hundreds of mismatches and "supply BROKEN", `serve` answered from it (review of 2026-12-05).
 * Cost: one record read and one SHA-256 of its header.
 *
 * Example: a projection at height 60 with block hash 145e…d793 over a log whose block 60 hashes
 * to 9a41…0c2e → projection_other_chain; at height 65 over a log of 60 blocks → projection_ahead_of_log.
 */
import { existsSync } from 'node:fs';
import { decodeRecord } from '../chain/record.js';
import { ZERO_HASH } from '../chain/block.js';
import { bytesToHex } from '../core/hex.js';
import { sha256 } from '../crypto/hash.js';
import { genesisHeightOf, type DataDirConfig } from '../runtime/data-dir.js';
import { openChain } from '../runtime/open-chain.js';
import { ProjectionError, type Checkpoint } from './engine.js';
import { aheadOfLogAdvice, REBUILD_ADVICE } from './errors.js';
import { readCheckpoint } from './sqlite/connection.js';
import { projectionFailure } from './sqlite/failure.js';
import { openProjectionReadOnly } from './sqlite/read-only.js';
import { projectionFile, storedSchemaVersionIn } from './sqlite/database.js';
import { loadMigrations, schemaVersion } from './schema.js';

type Expected = Pick<Checkpoint, 'blockHash' | 'stateRoot'>;

/** What a checkpoint at `height` must hold on this chain: genesis's (zero or imported hash, genesis root) or the stored block's. */
function expectedAt(config: DataDirConfig, readRecord: (height: number) => Uint8Array, height: number): Expected {
  if (height === genesisHeightOf(config)) return { blockHash: config.previous_block_hash ?? ZERO_HASH, stateRoot: config.genesis_state_root };
  const record = decodeRecord(readRecord(height), height);
  return { blockHash: bytesToHex(sha256(record.headerBytes)), stateRoot: record.stateRootAfter };
}

/** Throws a ProjectionError when `checkpoint` is not a point of `dataDir`'s chain; a missing checkpoint (a new projection) passes. */
export function assertCheckpointOnLog(dataDir: string, checkpoint: Checkpoint | undefined): void {
  if (checkpoint === undefined) return;
  // The default sink: audit and serve open the log only here, so what the open found (a damaged
  // head slot, a torn tail ignored) is said here or not at all; said once per process (warnings.ts).
  const { config, log } = openChain(dataDir);
  try {
    if (checkpoint.height > log.lastHeight) {
      throw new ProjectionError('projection_ahead_of_log', `the projection is at height ${checkpoint.height} but the block log ends at ${log.lastHeight}; ${aheadOfLogAdvice(checkpoint.height, log.lastHeight)}`, { height: checkpoint.height, log_height: log.lastHeight });
    }
    if (checkpoint.height < genesisHeightOf(config)) {
      throw new ProjectionError('projection_other_chain', `the projection is at height ${checkpoint.height}, below this chain's genesis height ${genesisHeightOf(config)}: it belongs to another chain; ${REBUILD_ADVICE}`, { height: checkpoint.height });
    }
    const expected = expectedAt(config, (height) => log.read(height), checkpoint.height);
    if (expected.blockHash !== checkpoint.blockHash.toLowerCase() || expected.stateRoot !== checkpoint.stateRoot.toLowerCase()) {
      throw new ProjectionError(
        'projection_other_chain',
        `the projection's block ${checkpoint.height} (hash ${checkpoint.blockHash}, root ${checkpoint.stateRoot}) is not this chain's (hash ${expected.blockHash}, root ${expected.stateRoot}): it comes from another chain or from a history that was rolled back; ${REBUILD_ADVICE}`,
        { height: checkpoint.height, projection_block_hash: checkpoint.blockHash, log_block_hash: expected.blockHash },
      );
    }
  } finally {
    log.close();
  }
}

/**
 * The SQLite projection's checkpoint, read on a read-only connection; undefined when there is no
 * projection or no checkpoint yet, or when the file holds no projection of this build's schema
 * (an empty file: cut to nothing, or created and never migrated; an older schema) — there is
 * nothing to check against the log, and whoever opens it next says what to do: `serve`'s read
 * store refuses it (projection_schema_mismatch, naming `project`), a catch-up rebuilds it.
 * Before, such a file was "internal_error: no such table: projection_checkpoint" from serve.
 * A damaged or unreadable file is the coded error that names it (sqlite/failure.ts:
 * projection_damaged with the rebuild command, read_only, permission_denied).
 */
export function sqliteCheckpointOf(dataDir: string): Checkpoint | undefined {
  const file = projectionFile(dataDir);
  if (!existsSync(file)) return undefined;
  try {
    const db = openProjectionReadOnly(file);
    try {
      db.defaultSafeIntegers(true);
      if (storedSchemaVersionIn(db) !== schemaVersion(loadMigrations())) return undefined;
      return readCheckpoint(db);
    } finally {
      db.close();
    }
  } catch (error) {
    throw projectionFailure(error, file);
  }
}
