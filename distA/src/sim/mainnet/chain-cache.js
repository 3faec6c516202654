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
 * rules makes a new key, and the stale entry is simply never read again (delete the folder to
 * reclaim the space). A different number of blocks is a different entry.
 * Crash safety: a chain is generated in `<key>.tmp-<pid>` and renamed into place when complete;
 * leftovers of killed runs are removed the next time (their pid no longer alive).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledMainnetGenesisPath, packageRoot } from '../../core/paths.js';
import { processAlive } from '../../log/index.js';
import { simulate } from '../simulator.js';
import { mainnetShape } from './shape.js';
const CODE_LAYERS = ['core', 'crypto', 'wire', 'messages', 'params', 'state', 'modules', 'chain', 'genesis', 'log', 'runtime', 'sim'];
function filesUnder(dir) {
    if (!existsSync(dir))
        return [];
    return readdirSync(dir, { withFileTypes: true })
        .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : []))
        .sort();
}
/** SHA-256 of the compiled code that decides the log (the dist/src tree this module runs from). */
export function codeFingerprint() {
    const srcDir = dirname(dirname(dirname(fileURLToPath(import.meta.url)))); // dist/src
    const hash = createHash('sha256');
    for (const layer of CODE_LAYERS) {
        for (const file of filesUnder(join(srcDir, layer)))
            hash.update(relative(srcDir, file)).update('\0').update(readFileSync(file)).update('\0');
    }
    return hash.digest('hex');
}
export function mainnetChainKey(options) {
    const shape = mainnetShape(options);
    const genesis = readFileSync(options.genesisFile ?? bundledMainnetGenesisPath());
    const settings = JSON.stringify({ seed: String(options.seed ?? 42n), scale: shape.scale, relayScale: shape.relayScale, blocks: options.blocks });
    const digest = createHash('sha256').update(settings).update(createHash('sha256').update(genesis).digest()).update(codeFingerprint()).digest('hex');
    return `s${shape.scale}-r${Math.round(1 / shape.relayScale)}-b${options.blocks}-${digest.slice(0, 16)}`;
}
export function defaultCacheRoot() {
    return process.env['POKT_LEDGER_CACHE'] ?? join(packageRoot(), '.cache', 'mainnet-shaped');
}
export function removeDeadTemps(root) {
    for (const name of readdirSync(root)) {
        const match = /\.tmp-(\d+)$/.exec(name);
        if (match !== null && !processAlive(Number(match[1])))
            rmSync(join(root, name), { recursive: true, force: true });
    }
}
/** The cached chain for these options, generating it (through the simulator) on a miss. */
export async function mainnetChain(options) {
    const root = options.cacheRoot ?? defaultCacheRoot();
    mkdirSync(root, { recursive: true });
    removeDeadTemps(root);
    const key = mainnetChainKey(options);
    const dataDir = join(root, key);
    if (existsSync(join(dataDir, 'events', 'simulation.json')) && statSync(dataDir).isDirectory())
        return { dataDir, key, cached: true, blocks: options.blocks };
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
    return { dataDir, key, cached: false, blocks: options.blocks, summary };
}
//# sourceMappingURL=chain-cache.js.map