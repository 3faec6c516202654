/**
 * The import benchmark's workload: a pocket-core-shaped export of mainnet's size, generated once
 * per (seed, size, base chain, code) and cached on disk — `<package>/.cache/import/<key>/`
 * (git-ignored; $POKT_LEDGER_CACHE/import when set), so only the first run pays for it.
 *
 * Base: the mainnet-shaped chain of the quick `mainnet` benchmark (scale 0.05, 24 blocks, the
 * seeded cache of src/sim/mainnet: mainnet's genesis and mid-2022 params, ~400 nodes over 50
 * chains, apps, claims, signing infos), exported at its tip by the ledger's exporter
 * (`pokt-ledger export`) without the `pokt_ledger` section — what pocket-core's
 * export-genesis-for-reset would write, with `initial_height` kept so that no
 * `--exported-height` is needed — then grown by bench/lib/pocket-export.ts.
 *
 * Key: SHA-256 over the seed, the size, the base chain's key (which covers mainnet's genesis and
 * the compiled code that decides the chain: chain-cache.ts codeFingerprint) and the compiled
 * generator (this file and pocket-export.js). Crash safety and pruning as the chain caches: built
 * in `<key>.tmp-<pid>`, renamed into place when complete; of the entries of the same size only
 * the most recently used few stay (pruneStale).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../../src/core/paths.js';
import { exportDataDir } from '../../src/cli/commands/export.js';
import { mainnetChain, mainnetChainKey, type MainnetChainOptions } from '../../src/sim/mainnet/index.js';
import { Prng } from '../../src/core/prng.js';
import { cachedWorkloadDir } from './cached-dir.js';
import { prunedText } from './mainnet-chain.js';
import { exportText, growExport, pocketCoreShape, type ExportGrowth } from './pocket-export.js';
import type { BenchContext } from './types.js';

/** The base chain: the quick mainnet benchmark's (shared cache entry). */
const BASE_SCALE = 0.05;
const BASE_BLOCKS = 24;

/** What the generation recorded beside the file (`workload.json`): the benchmark checks against it. */
export interface ImportWorkload {
  readonly file: string;
  readonly bytes: number;
  readonly sha256: string;
  /** posmint/Account entries (module accounts not counted). */
  readonly accounts: number;
  readonly validators: number;
  readonly height: number;
  readonly cached: boolean;
}

type Recorded = Omit<ImportWorkload, 'file' | 'cached'>;

function cacheRoot(): string {
  const base = process.env['POKT_LEDGER_CACHE'];
  return base === undefined ? join(packageRoot(), '.cache', 'import') : join(base, 'import');
}

function baseOptions(seed: number): MainnetChainOptions {
  return { blocks: BASE_BLOCKS, scale: BASE_SCALE, seed: BigInt(seed), workers: 2 };
}

/** The compiled generator (this module and the pure one beside it): a change to either makes a new entry. */
function generatorFingerprint(): Buffer {
  const here = dirname(fileURLToPath(import.meta.url));
  return createHash('sha256').update(readFileSync(join(here, 'import-genesis.js'))).update(readFileSync(join(here, 'pocket-export.js'))).digest();
}

function workloadKey(seed: number, growth: ExportGrowth): string {
  const settings = JSON.stringify({ seed, ...growth });
  const digest = createHash('sha256').update(settings).update(mainnetChainKey(baseOptions(seed))).update(generatorFingerprint()).digest('hex');
  return `a${growth.accounts}-v${growth.validators}-c${growth.chainsPerValidator}-${digest.slice(0, 16)}`;
}

const exportFile = (dir: string): string => join(dir, 'export.json');
const recordFile = (dir: string): string => join(dir, 'workload.json');

/** The base export: the chain's state at its tip, as pocket-core would have written it. */
async function baseExport(ctx: BenchContext): Promise<Record<string, unknown>> {
  const chain = await mainnetChain(baseOptions(ctx.seed));
  if (chain.pruned.length > 0) ctx.progress(prunedText(chain.pruned));
  return pocketCoreShape(await exportDataDir(chain.dataDir, BASE_BLOCKS));
}

async function generate(ctx: BenchContext, dir: string, growth: ExportGrowth): Promise<void> {
  const started = performance.now();
  const grown = growExport(await baseExport(ctx), new Prng(ctx.seed), growth);
  const text = exportText(grown.doc);
  mkdirSync(dir, { recursive: true });
  writeFileSync(exportFile(dir), text);
  const recorded: Recorded = {
    bytes: Buffer.byteLength(text),
    sha256: createHash('sha256').update(text).digest('hex'),
    accounts: grown.accounts,
    validators: grown.validators,
    height: Number(grown.doc['initial_height']) - 1,
  };
  writeFileSync(recordFile(dir), JSON.stringify(recorded) + '\n');
  ctx.progress(`workload: generated ${(recorded.bytes / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** The cached export for this size, generated on a miss. */
export async function importWorkload(ctx: BenchContext, growth: ExportGrowth): Promise<ImportWorkload> {
  const { dir, cached } = await cachedWorkloadDir(ctx, {
    root: cacheRoot(),
    key: workloadKey(ctx.seed, growth),
    marker: recordFile,
    building: (entry) => `workload: generating a pocket-core-shaped export (+${growth.accounts} accounts, +${growth.validators} validators; seed ${ctx.seed}) into ${entry}…`,
    build: (scratch) => generate(ctx, scratch, growth),
  });
  const recorded = JSON.parse(readFileSync(recordFile(dir), 'utf8')) as Recorded;
  return { ...recorded, file: exportFile(dir), cached };
}
