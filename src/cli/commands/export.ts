/**
 * `pokt-ledger export --data DIR [--height H] [--out FILE [--force]] [--json] [--no-progress]`: the
 * state at H (default: the chain's tip, named on stderr; newest proven snapshot ≤ H + replay, every root checked; a bar on stderr) as a pocket-core
 * `export-genesis-for-reset` genesis plus the ledger's `pokt_ledger` section (genesis/export.ts).
 * `init --genesis FILE` continues it at H + 1. --out is refused inside the chain's own files and
 * over an existing file without --force (out-path.ts), checked before the replay and again
 * just before the write.
 */
import type { Command } from 'commander';
import type { LedgerState } from '../../chain/ledger-state.js';
import { bytesToHex } from '../../core/hex.js';
import { exportedDocument, exportedStateChunks, exportState } from '../../genesis/export.js';
import { readDataDirConfig } from '../../runtime/data-dir.js';
import { replay, type ReplayOptions } from '../../runtime/replay.js';
import { writeChunksDurably } from '../../runtime/durable-file.js';
import { blockLogDir, lastStoredHeight } from '../../log/index.js';
import { dataDirOf, integerOption } from '../args.js';
import { checkOutputFile } from '../out-path.js';
import { CliError, printJson, writeStdout, writeStdoutChunks } from '../output.js';
import { phaseLine, replayStepProgress } from '../progress.js';
import { withCliErrors } from '../runtime-errors.js';
import { refuseHeightPastTip } from './replay.js';

/** The exported state at `height` as a plain tree (tests, the import benchmark's workload). */
export async function exportDataDir(dir: string, height: number): Promise<Record<string, unknown>> {
  return exportState(await replayedStateAt(dir, height));
}

/**
 * The state at `height`: the newest proven snapshot at or below it, then the blocks after it, every
 * root checked (the genesis copy's checksum by the replay's open). The genesis is not parsed
 * again for the document: what it alone gave the file, pub_key_types, has one possible value
 * (genesis/types.ts SUPPORTED_PUB_KEY_TYPES). PERF: that second read, parse and import took
 * ~28 s of a 99 s CPU profile of the 218 MB file's export, and the parsed genesis was held
 * through the export (docs/history.md).
 */
async function replayedStateAt(dir: string, height: number, progress: Pick<ReplayOptions, 'onStart' | 'onProgress'> = {}): Promise<LedgerState> {
  const outcome = await replay(dir, { to: height, fromSnapshot: true, trustSignatures: true, ...progress });
  if (outcome.divergence !== undefined) throw new CliError('replay_diverged', `the log does not replay to its stored roots (height ${outcome.divergence.height}); run \`pokt-ledger verify\``, outcome.divergence);
  if (outcome.height !== height) throw new CliError('height_not_found', `the chain ends at height ${outcome.height}; cannot export height ${height}`, { height, last_height: outcome.height });
  return outcome.state;
}

/**
 * The last stored height, said on stderr: `export` without --height exports the tip (it once
 * required --height even for that), and the document on stdout names it only as initial_height.
 */
function tipHeight(dataDir: string): number {
  const tip = lastStoredHeight(blockLogDir(dataDir));
  process.stderr.write(`export: no --height: the chain's tip, height ${tip}\n`);
  return tip;
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description("write the state at a height (default: the tip) as a pocket-core export-genesis-for-reset genesis (init --genesis continues it at H + 1)")
    .requiredOption('--data <dir>', 'data directory')
    .option('--height <h>', 'the height to export (default: the chain\'s tip)', integerOption('--height', 0))
    .option('--out <file>', 'write here (written durably; default: stdout); never inside the data directory\'s events/, snapshots/ or projections/')
    .option('--force', 'with --out: overwrite an existing file')
    .option('--json', 'with --out: a JSON summary on stdout')
    .option('--no-progress', 'no progress bar on stderr')
    .action((options: { data: string; height?: number; out?: string; force?: boolean; json?: boolean; progress?: boolean }) =>
      withCliErrors(async () => {
        const dataDir = dataDirOf(options.data);
        const checkOut = (out: string): void => checkOutputFile(out, dataDir, { option: '--out', force: options.force === true });
        if (options.out !== undefined) checkOut(options.out);
        // A directory without a chain is said first (data_dir_not_found), then a height past
        // its end — both before the replay (it replayed the whole chain first: dogfooding of 2026-12-07).
        readDataDirConfig(dataDir);
        const height = options.height ?? tipHeight(dataDir);
        refuseHeightPastTip(dataDir, height, 'export');
        const progress = replayStepProgress('export', options.progress !== false);
        const state = await replayedStateAt(dataDir, height, progress).finally(() => progress.stop());
        // The bar ends with the replay; building and writing a mainnet-sized document (~226 MB)
        // took another ~12 s in silence (scale walk of 2026-12-07).
        phaseLine(`export: writing the state at height ${height} as a pocket-core genesis${options.out === undefined ? '' : ` to ${options.out}`}`, options.progress !== false);
        // Chunks written as they are made, never the whole text: a long chain's export passes
        // V8's longest string (512 MiB), and the tree, its pieces and its bytes held at once took
        // 6–9× the file in RSS (2.22 GB for 226 MB, 3.58 GB for 583.7 MB; docs/history.md).
        const chunks = exportedStateChunks(exportedDocument(state));
        if (options.out === undefined) {
          await writeStdoutChunks(chunks);
          return;
        }
        checkOut(options.out); // again: the replay took time, and the path may have changed meanwhile
        const bytes = writeChunksDurably(options.out, chunks);
        const summary = { file: options.out, height, state_root: bytesToHex(state.store.root), bytes };
        if (options.json === true) printJson(summary);
        else writeStdout(`exported height ${summary.height}${options.height === undefined ? ", the chain's tip" : ''} (state root ${summary.state_root}) to ${summary.file}\n`);
      }),
    );
}
