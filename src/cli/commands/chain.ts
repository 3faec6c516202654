/**
 * Chain data directories:
 *
 *   pokt-ledger init --genesis <file> [--data DIR] [--json] [--[no-]progress]  create a chain (empty log + genesis copy)
 *   pokt-ledger roots [--data DIR] [--from H] [--to H] [--json] every stored block: height, block hash, state root
 *   pokt-ledger snapshot [--data DIR] [--json] [--no-progress] a snapshot of the state at the tip
 *   pokt-ledger repair --data DIR [--yes] [--json]              accept a damaged log's loss: cut at the first damage
 *
 * `roots` reads the log only (no replay): the block hash is SHA-256 of the stored header bytes,
 * the state root the one the producer recorded after the block. Two runs that produced the same
 * chain print the same roots. `snapshot` rebuilds the tip state (newest snapshot + replay of the
 * rest, roots checked, signatures trusted) without taking the writer lock, so it can run next to
 * a live node.
 */
import { statSync } from 'node:fs';
import type { Command } from 'commander';
import { bytesToHex } from '../../core/hex.js';
import { sha256 } from '../../crypto/hash.js';
import { decodeRecord } from '../../chain/record.js';
import { BlockLog, BlockLogError, blockLogDir, type BlockLogErrorCode } from '../../log/index.js';
import { projectionRollbackStep } from '../../projection/rollback.js';
import { rollbackDataDir } from '../../runtime/rollback.js';
import { confirmDestructive } from '../confirm.js';
import { genesisHeightOf, initDataDir, readDataDirConfig, type DataDirConfig, type InitPhase } from '../../runtime/data-dir.js';
import { checkChainFiles, checkFirstBlock, openChain } from '../../runtime/open-chain.js';
import { replay } from '../../runtime/replay.js';
import { DEFAULT_SNAPSHOT_RETENTION, writeSnapshot } from '../../snapshot/snapshot.js';
import { recordedInLog } from '../../runtime/snapshot-proof.js';
import type { LedgerState } from '../../chain/ledger-state.js';
import { dataDirOf, integerOption } from '../args.js';
import { chainWithoutBlocks, CliError, counted, printJson, writeStdout } from '../output.js';
import { phaseLine, replayStepProgress } from '../progress.js';
import { withCliErrors } from '../runtime-errors.js';

export interface StoredRoot {
  readonly height: number;
  readonly block_hash: string;
  readonly state_root: string;
}

/** The stored roots of heights [from, to] (clamped to the log). */
export function readStoredRoots(dataDir: string, from = 1, to?: number): StoredRoot[] {
  const { log } = openChain(dataDir);
  try {
    const last = Math.min(to ?? log.lastHeight, log.lastHeight);
    const first = Math.max(from, log.firstHeight);
    const roots: StoredRoot[] = [];
    if (first > last) return roots;
    for (const { height, payload } of log.iterate(first, last)) {
      const record = decodeRecord(payload, height);
      roots.push({ height, block_hash: bytesToHex(sha256(record.headerBytes)), state_root: record.stateRootAfter });
    }
    return roots;
  } finally {
    log.close();
  }
}

/**
 * A `roots` range that selects no block, saying which heights the chain holds: "no stored block
 * in 45–40 (the tip): this chain holds heights 1–40" (it said "45–the tip … outside the chain's
 * heights" without naming them).
 */
function emptyRootsRange(dataDir: string, from: number, to: number | undefined): CliError {
  const { log } = BlockLog.open(blockLogDir(dataDir), { readOnly: true });
  const [first, last] = [log.firstHeight, log.lastHeight];
  log.close();
  const range = to === undefined ? `${from}–${last} (the tip)` : `${from}–${to}`;
  const holds = last < first ? `this chain holds no block yet (its first will be height ${first})` : `this chain holds heights ${first}–${last}`;
  return new CliError('empty_range', `no stored block in ${range}: ${holds}`, { from, to: to ?? null, first_height: first, last_height: last });
}

/**
 * The log damage a repairing open mends (log/recover.ts repairAt, head.ts openHead): a damaged
 * or missing record, segment or head record. Any other log error (block-log.json lost or
 * damaged, a live writer's lock, …) is no loss repair can accept: it is thrown as it is, before
 * the operator is asked to give anything up.
 */
const MENDABLE: ReadonlySet<string> = new Set<BlockLogErrorCode>([
  'log_record_corrupt',
  'log_height_sequence_broken',
  'log_segment_sequence_broken',
  'log_records_lost',
  'log_head_mismatch',
  'log_head_corrupt',
  'log_head_missing',
]);
/** Of those, the ones where the head record itself is gone: what was acknowledged is unknown. */
const HEAD_LOST: ReadonlySet<string> = new Set<BlockLogErrorCode>(['log_head_corrupt', 'log_head_missing']);

/**
 * What repair would give up — the question put to the operator, and its short form for --json —
 * or undefined when the log opens as it is (then repair only settles what a normal open would).
 * A read-only open that checks every record finds the first damage the repairing open will cut at. A log that opens must also be this chain's (its first
 * block made from ledger.json's genesis), as for every other command.
 */
function logDamage(dir: string, config: DataDirConfig): { readonly question: string; readonly givesUp: string } | undefined {
  try {
    const { log } = BlockLog.open(blockLogDir(dir), { readOnly: true, verify: 'full' });
    try {
      checkFirstBlock(dir, config, log);
    } finally {
      log.close();
    }
    return undefined;
  } catch (error) {
    if (!(error instanceof BlockLogError) || !MENDABLE.has(error.code)) throw error;
    const keep = '(moved to events/torn/; copy the directory first to keep it)';
    // The head record cannot say what was acknowledged any more: nothing is known lost, and the
    // records are checked only by the repairing open (before: "gives up the records from the
    // first damaged one on", while every record was whole).
    if (HEAD_LOST.has(error.code)) {
      return {
        question: `repair rewrites the head record of ${dir} (${error.code}) to claim the records present — checked, cut at the first damaged one if any ${keep} — and an acknowledged record missing beyond them can no longer be told`,
        givesUp: `no record known lost; the head record is rewritten (${error.code})`,
      };
    }
    const context = error.context as { height?: unknown; fromHeight?: unknown; toHeight?: unknown };
    const from = typeof context.fromHeight === 'number' ? context.fromHeight : typeof context.height === 'number' ? context.height : undefined;
    const heights = from === undefined ? 'the records from the first damaged one on' : typeof context.toHeight === 'number' ? `heights ${from}–${context.toHeight}` : `height ${from} and every record after it`;
    return { question: `repair gives up ${heights} (${error.code}) of ${dir} ${keep}`, givesUp: `${heights} (${error.code})` };
  }
}

/**
 * init's steps named on stderr. Unasked (`progress` undefined), only for a genesis of
 * INIT_PROGRESS_BYTES or more: a 218 MB export took 26–34 s in silence (scale walk of
 * 2026-12-07), while a small file is done before a line could help.
 */
const INIT_PROGRESS_BYTES = 16e6;

function initPhaseLines(genesisFile: string, dir: string, progress: boolean | undefined): (phase: InitPhase) => void {
  const size = fileSize(genesisFile);
  const enabled = progress ?? (size !== undefined && size >= INIT_PROGRESS_BYTES);
  const megabytes = size === undefined ? '?' : (size / 1e6).toFixed(1);
  const text: Record<InitPhase, string> = {
    reading: `init: reading and parsing the genesis ${genesisFile} (${megabytes} MB)`,
    importing: 'init: importing its accounts, validators and apps into the state tree',
    writing: `init: writing the block log and a copy of the genesis to ${dir}`,
  };
  return (phase) => phaseLine(text[phase], enabled);
}

/** A missing or unreadable file: undefined, and initDataDir's read names the error. */
function fileSize(file: string): number | undefined {
  try {
    return statSync(file).size;
  } catch {
    return undefined;
  }
}

export function registerChainCommands(program: Command): void {
  program
    .command('init')
    .description('create a chain in a data directory from a genesis file (an empty block log and a copy of the genesis)')
    .requiredOption('--genesis <file>', 'pocket-core genesis JSON')
    .option('--data <dir>', 'data directory (default: the repository root)')
    .option('--exported-height <h>', 'for an exported state without `initial_height` (pocket-core export-genesis-for-reset): the height it was exported at; the chain continues at H + 1', integerOption('--exported-height', 0))
    .option('--json', 'one JSON object on stdout')
    .option('--progress', 'name each step on stderr (default: for a genesis of 16 MB or more)')
    .option('--no-progress', 'nothing on stderr but warnings and errors')
    .action((options: { genesis: string; data?: string; exportedHeight?: number; json?: boolean; progress?: boolean }) =>
      withCliErrors(() => {
        const dir = dataDirOf(options.data);
        const onPhase = initPhaseLines(options.genesis, dir, options.progress);
        const config = initDataDir(dir, options.genesis, { onPhase, ...(options.exportedHeight === undefined ? {} : { exportedHeight: options.exportedHeight }) });
        if (options.json === true) printJson({ data_dir: dir, ...config });
        else {
          // --json said where a continued chain starts (first_height); people were not told.
          const continues = config.first_height === undefined ? '' : `continues the state exported at height ${config.first_height - 1}: the next block is ${config.first_height}\n`;
          writeStdout(`created chain ${config.chain_id} in ${dir}\ngenesis sha256 ${config.genesis_sha256}\ngenesis state root ${config.genesis_state_root}\n${continues}`);
        }
      }),
    );

  program
    .command('roots')
    .description('print every stored block: height, block hash and the state root recorded after it')
    .option('--data <dir>', 'data directory (default: the repository root)')
    .option('--from <height>', 'first height (default: 1)', integerOption('--from', 1))
    .option('--to <height>', 'last height (default: the tip)', integerOption('--to', 1))
    .option('--json', 'a JSON array on stdout')
    .action((options: { data?: string; from?: number; to?: number; json?: boolean }) =>
      withCliErrors(() => {
        if (options.from !== undefined && options.to !== undefined && options.from > options.to) {
          throw new CliError('reversed_range', `--from ${options.from} is above --to ${options.to}: give the lower height first`, { from: options.from, to: options.to });
        }
        const roots = readStoredRoots(dataDirOf(options.data), options.from ?? 1, options.to);
        // No block yet and no range asked for: an honest empty answer, as replay and verify give one.
        if (roots.length === 0 && options.from === undefined && options.to === undefined) {
          if (options.json === true) printJson([]);
          else {
            const genesisHeight = genesisHeightOf(readDataDirConfig(dataDirOf(options.data)));
            process.stderr.write(`no stored block yet: ${chainWithoutBlocks(genesisHeight, genesisHeight > 0)}\n`);
          }
          return;
        }
        // A range that selects nothing is the operator's mistake, said as audit says it (not an empty, successful answer).
        if (roots.length === 0) throw emptyRootsRange(dataDirOf(options.data), options.from ?? 1, options.to);
        if (options.json === true) printJson(roots);
        else writeStdout(roots.map((r) => `${r.height} ${r.block_hash} ${r.state_root}\n`).join(''));
      }),
    );

  program
    .command('repair')
    .description("operator's choice after a coded log error: keep the log up to its first damaged record, move the rest to events/torn/, accept lost acknowledged heights, rewrite the head record, and drop the snapshots and projection rows above the new tip")
    .requiredOption('--data <dir>', 'data directory')
    .option('--yes', 'give up the damaged heights without asking (required when not on a terminal)')
    .option('--json', 'one JSON object on stdout')
    .action((options: { data: string; yes?: boolean; json?: boolean }) =>
      withCliErrors(async () => {
        const dir = dataDirOf(options.data);
        // What every command checks first (ledger.json, genesis.json): a directory they all
        // refuse is not one to cut — before, repair cut it and failed only at the projection.
        const damage = logDamage(dir, checkChainFiles(dir));
        // Acknowledged blocks may go for good: a person types "repair" back, a script says --yes.
        if (damage !== undefined) await confirmDestructive(damage.question, 'repair', options.yes === true, { gives_up: damage.givesUp });
        const { log, recovery } = BlockLog.open(blockLogDir(dir), { repair: true });
        log.close();
        // What was derived from the heights given up goes too, as rollback does it (crash-safe:
        // runtime/rollback.ts); left, the projection was ahead of the log and every snapshot above
        // the tip was skipped with a warning at every open (QA of 2026-12-06).
        const derived = rollbackDataDir(dir, recovery.lastHeight, { derived: [projectionRollbackStep(dir)] });
        const report = { last_height: recovery.lastHeight, repaired: recovery.repaired, loss_accepted: recovery.lossAccepted, head_rewritten: recovery.headCreated !== null, snapshots_removed: derived.snapshots_removed };
        if (options.json === true) printJson(report);
        else {
          const cut = recovery.repaired === null ? 'nothing cut' : `cut from height ${recovery.repaired.fromHeight} (${recovery.repaired.error.code}); moved to events/torn/`;
          const lost = recovery.lossAccepted === null ? '' : `; accepted the loss of heights ${recovery.lossAccepted.fromHeight}–${recovery.lossAccepted.toHeight}`;
          const snapshots = derived.snapshots_removed.length === 0 ? '' : `; ${counted(derived.snapshots_removed.length, 'snapshot')} above it removed`;
          writeStdout(`log now ends at height ${recovery.lastHeight}: ${cut}${lost}${snapshots}; the projection, if any, was cut back to it\n`);
        }
      }),
    );

  program
    .command('snapshot')
    .description('write a snapshot of the state at the tip of the chain (snapshots/<height>-<root>.snap)')
    .option('--data <dir>', 'data directory (default: the repository root)')
    .option('--keep-snapshots <n>', `keep only the newest N snapshots (default ${DEFAULT_SNAPSHOT_RETENTION})`, integerOption('--keep-snapshots', 1))
    .option('--json', 'one JSON object on stdout')
    .option('--no-progress', 'no progress bar on stderr')
    .action((options: { data?: string; keepSnapshots?: number; json?: boolean; progress?: boolean }) =>
      withCliErrors(async () => {
        const dir = dataDirOf(options.data);
        const progress = replayStepProgress('snapshot', options.progress !== false);
        const outcome = await replay(dir, { fromSnapshot: true, trustSignatures: true, onStart: progress.onStart, onProgress: progress.onProgress }).finally(() => progress.stop());
        if (outcome.divergence !== undefined) {
          throw new CliError('replay_diverged', `the log does not replay to its stored roots (height ${outcome.divergence.height}); run \`pokt-ledger replay\``, outcome.divergence);
        }
        const info = writeSnapshotOfChain(dir, outcome.state, options.keepSnapshots ?? DEFAULT_SNAPSHOT_RETENTION);
        if (info.pruned.length > 0) process.stderr.write(`removed ${counted(info.pruned.length, 'old snapshot')}, keeping the newest ${options.keepSnapshots ?? DEFAULT_SNAPSHOT_RETENTION}\n`);
        if (options.json === true) printJson({ height: info.height, state_root: info.stateRoot, file: info.file, pruned: info.pruned });
        else writeStdout(`snapshot at height ${info.height}, state root ${info.stateRoot}\n${info.file}\n`);
      }),
    );
}

/** The snapshot of `state`, retention counting only this chain's snapshots (recordedInLog). */
function writeSnapshotOfChain(dir: string, state: LedgerState, keep: number): ReturnType<typeof writeSnapshot> {
  const { config, log } = openChain(dir);
  try {
    return writeSnapshot(dir, state, { keep, counts: recordedInLog(config, log) });
  } finally {
    log.close();
  }
}
