/**
 * The runtime's coded errors as CLI errors (exit 1, `{"error":{code,message,details}}` with
 * --json): the log's, the data directory's, snapshots', genesis files', the simulator's. Anything
 * else is a bug and stays an internal error (exit 70).
 */
import { BlockDecodeError } from '../chain/block.js';
import { GenesisError } from '../genesis/load.js';
import { UpgradeRequiredError } from '../modules/gov/index.js';
import { BlockLogError } from '../log/index.js';
import { DataDirError } from '../runtime/data-dir.js';
import { SimulationSetupError } from '../sim/sim-setup.js';
import { SimulationFailure } from '../sim/simulator.js';
import { SnapshotError } from '../snapshot/snapshot.js';
import { CliError } from './output.js';

export function asCliError(error: unknown): unknown {
  if (error instanceof BlockLogError) return new CliError(error.code, error.message, error.context);
  if (error instanceof DataDirError || error instanceof SnapshotError || error instanceof SimulationSetupError) return new CliError(error.code, error.message);
  // The chain reached an upgrade to a version this ledger does not implement: it stops producing.
  if (error instanceof UpgradeRequiredError) return new CliError(error.code, error.message);
  if (error instanceof GenesisError) return new CliError('invalid_genesis', error.message, error.problems);
  if (error instanceof BlockDecodeError) return new CliError('record_malformed', error.message);
  if (error instanceof SimulationFailure) return new CliError('simulation_failed', error.message, { seed: error.seed, height: error.height, kind: error.kind, ...(error.context === undefined ? {} : { facts: error.context }) });
  if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return new CliError('file_not_found', error.message);
  return error;
}

/** Runs a command action, turning runtime errors into CliErrors. */
export async function withCliErrors<T>(action: () => Promise<T> | T): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw asCliError(error);
  }
}
