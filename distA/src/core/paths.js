/**
 * Where the package lives on disk, found by walking up from the compiled file to package.json
 * (so the same code works from dist/, from a scratch build directory, or from an npx bin link).
 * Used for bundled data only (the default genesis); never by the reducer.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
let cached;
export function packageRoot() {
    if (cached !== undefined)
        return cached;
    let dir = dirname(fileURLToPath(import.meta.url));
    for (;;) {
        const manifest = join(dir, 'package.json');
        if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'pokt-ledger') {
            cached = dir;
            return dir;
        }
        const parent = dirname(dir);
        if (parent === dir)
            throw new Error('pokt-ledger package root not found above ' + fileURLToPath(import.meta.url));
        dir = parent;
    }
}
/** The bundled Pocket mainnet genesis (see src/genesis/data/SOURCE.md). */
export function bundledMainnetGenesisPath() {
    return join(packageRoot(), 'src', 'genesis', 'data', 'mainnet-genesis.json');
}
//# sourceMappingURL=paths.js.map