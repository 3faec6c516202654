/**
 * A mainnet-shaped chain on disk, generated once per (seed, scale, relay scale, blocks, genesis,
 * code) and reused — the benchmarks' seeded cache.
 *
 * Where: `<root>/<key>/` with root = $POKT_LEDGER_CACHE or `<package root>/.cache/mainnet-shaped`
 * (git-ignored). Each entry is an ordinary simulated data directory (events/ with the block log,
 * genesis.json and simulation.json), so anything that reads a data dir reads it.
 * Key: SHA-256 over the settings, the source genesis file, and every compiled file of the layers
 * that decide the log's bytes and roots (dist/src/{core,crypto,wire,messages,params,state,
 * modules,chain,genesis,log,runtime,sim}) — so any change to the workload, the encoding or the
 * rules makes a new key. A different number of blocks is a different entry.
 * Growth: every build that changes those layers makes a new key (~37 MB at scale 1), so stale
 * entries are pruned: each use touches its entry, and of the entries with the same settings
 * (the name before its digest: scale, relay scale, blocks) only the KEEP_PER_SETTINGS most
 * recently used stay (pruneStale; the restore bench's cache uses it too).
 * Crash safety: a chain is generated in `<key>.tmp-<pid>` and renamed into place when complete;
 * leftovers of killed runs are removed the next time (their pid no longer alive).
 */
import { makeDirs } from '../../core/make-dirs.js';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledMainnetGenesisPath, packageRoot } from '../../core/paths.js';
import { decimalPid, removeDeadWritersLeftovers } from '../../runtime/dead-leftovers.js';
import { simulate, type SimBlockReport, type SimulationSummary } from '../simulator.js';
import { mainnetShape, type MainnetShapeOptions } from './shape.js';

export interface MainnetChainOptions extends MainnetShapeOptions {
  /** Blocks to produce. */
  readonly blocks: number;
  /** Default 42. */
  readonly seed?: bigint;
  /** Source genesis (default: the bundled mainnet genesis). */
  readonly genesisFile?: string;
  /** Cache root (default: $POKT_LEDGER_CACHE or <package>/.cache/mainnet-shaped). */
  readonly cacheRoot?: string;
  /** Worker threads for trees and signature checks (default: all cores). */
  readonly workers?: number;
  /** Called after every generated block (nothing is called on a cache hit). */
  readonly onBlock?: (report: SimBlockReport) => void;
}

export interface MainnetChain {
  /** The data directory holding the chain (read it; never write it). */
  readonly dataDir: string;
  readonly key: string;
  /** true when it came from the cache, false when generated now. */
  readonly cached: boolean;
  readonly blocks: number;
  /** Only when generated now. */
  readonly summary?: SimulationSummary;
  /** Stale entries removed from the cache on this call (pruneStale). */
  readonly pruned: readonly PrunedEntry[];
}

const CODE_LAYERS = ['core', 'crypto', 'wire', 'messages', 'params', 'state', 'modules', 'chain', 'genesis', 'log', 'runtime', 'sim'];

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : []))
    .sort();
}

/** SHA-256 of the compiled code that decides the log (the dist/src tree this module runs from). */
export function codeFingerprint(): string {
  const srcDir = dirname(dirname(dirname(fileURLToPath(import.meta.url)))); // dist/src
  const hash = createHash('sha256');
  for (const layer of CODE_LAYERS) {
    for (const file of filesUnder(join(srcDir, layer))) hash.update(relative(srcDir, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export function mainnetChainKey(options: MainnetChainOptions): string {
  const shape = mainnetShape(options);
  const genesis = readFileSync(options.genesisFile ?? bundledMainnetGenesisPath());
  const settings = JSON.stringify({ seed: String(options.seed ?? 42n), scale: shape.scale, relayScale: shape.relayScale, blocks: options.blocks });
  const digest = createHash('sha256').update(settings).update(createHash('sha256').update(genesis).digest()).update(codeFingerprint()).digest('hex');
  return `s${shape.scale}-r${Math.round(1 / shape.relayScale)}-b${options.blocks}-${digest.slice(0, 16)}`;
}

export function defaultCacheRoot(): string {
  return process.env['POKT_LEDGER_CACHE'] ?? join(packageRoot(), '.cache', 'mainnet-shaped');
}

export function removeDeadTemps(root: string): void {
  // Only this user's directories of dead writers, never failing the run (runtime/dead-leftovers.ts).
  removeDeadWritersLeftovers(root, { kind: 'directory', pidOf: tempDirectoryPid });
}

/** The writer's pid in an unfinished entry's name, `<entry>.tmp-<pid>`; undefined for anything else. */
function tempDirectoryPid(name: string): number | undefined {
  const match = /\.tmp-([^.]+)$/.exec(name);
  return match === null ? undefined : decimalPid(match[1]!);
}

/** A cache entry removed by pruneStale: its directory name and the bytes it held. */
export interface PrunedEntry {
  readonly name: string;
  readonly bytes: number;
}

/**
 * Entries kept per settings: the one in use and the two used before it — enough to alternate
 * a benchmark between two builds (each build has its own key) without regenerating either.
 */
export const KEEP_PER_SETTINGS = 3;

/** An entry's name is `<settings>-<16 hex digits of its key digest>`; undefined for anything else. */
function settingsOf(name: string): string | undefined {
  return /^(.+)-[0-9a-f]{16}$/.exec(name)?.[1];
}

function bytesUnder(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined) return 0;
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + bytesUnder(join(path, name)), 0);
}

/**
 * Marks `current` (an entry directory under `root`) as just used, then removes the entries with
 * the same settings beyond the `keep` most recently used. Use is the directory's mtime, set here
 * on every hit and generation (a build's files never touch it afterwards). Entries of other
 * settings, unfinished `.tmp-<pid>` directories (removeDeadTemps) and names that are not cache
 * entries are left alone. Returns what was removed.
 */
export function pruneStale(root: string, current: string, keep = KEEP_PER_SETTINGS): PrunedEntry[] {
  const now = new Date();
  utimesSync(join(root, current), now, now);
  const settings = settingsOf(current);
  if (settings === undefined) return [];
  const siblings = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== current && settingsOf(entry.name) === settings)
    // An entry another bench process removed meanwhile is simply gone (no stat, no throw).
    .flatMap((entry) => {
      const stat = statSync(join(root, entry.name), { throwIfNoEntry: false });
      return stat === undefined ? [] : [{ name: entry.name, usedMs: stat.mtimeMs }];
    })
    // Most recent first; the name breaks ties so the choice never depends on readdir's order.
    .sort((a, b) => b.usedMs - a.usedMs || (a.name < b.name ? -1 : 1));
  return siblings.slice(Math.max(0, keep - 1)).map(({ name }) => {
    const bytes = bytesUnder(join(root, name));
    rmSync(join(root, name), { recursive: true, force: true });
    return { name, bytes };
  });
}

/** The cached chain for these options, generating it (through the simulator) on a miss. */
export async function mainnetChain(options: MainnetChainOptions): Promise<MainnetChain> {
  const root = options.cacheRoot ?? defaultCacheRoot();
  makeDirs(root);
  removeDeadTemps(root);
  const key = mainnetChainKey(options);
  const dataDir = join(root, key);
  if (existsSync(join(dataDir, 'events', 'simulation.json')) && statSync(dataDir).isDirectory()) return { dataDir, key, cached: true, blocks: options.blocks, pruned: pruneStale(root, key) };
  const scratch = `${dataDir}.tmp-${process.pid}`;
  rmSync(scratch, { recursive: true, force: true });
  const summary = await simulate({
    dataDir: scratch,
    genesisFile: options.genesisFile ?? bundledMainnetGenesisPath(),
    seed: options.seed ?? 42n,
    profile: 'mainnet-shaped',
    shape: { ...(options.scale === undefined ? {} : { scale: options.scale }), ...(options.relayScale === undefined ? {} : { relayScale: options.relayScale }) },
    blocks: options.blocks,
    fsync: 'never',
    ...(options.workers === undefined ? {} : { workers: options.workers }),
    ...(options.onBlock === undefined ? {} : { onBlock: options.onBlock }),
  });
  rmSync(dataDir, { recursive: true, force: true });
  renameSync(scratch, dataDir);
  return { dataDir, key, cached: false, blocks: options.blocks, summary, pruned: pruneStale(root, key) };
}
