/**
 * Genesis file → validated doc → ledger state at height 0. The I/O lives here, at the edge.
 */
import { readFileSync, statSync } from 'node:fs';
import { bundledMainnetGenesisPath } from '../core/paths.js';
import { importGenesis } from './import.js';
import { MAX_GENESIS_BYTES, parseGenesis } from './parse.js';
export class GenesisError extends Error {
    file;
    problems;
    name = 'GenesisError';
    constructor(file, problems) {
        super(`invalid genesis ${file}: ${problems.length} problem(s); first: ${problems[0]?.path}: ${problems[0]?.message}`);
        this.file = file;
        this.problems = problems;
    }
}
export function readGenesisFile(file = bundledMainnetGenesisPath(), options = {}) {
    const size = statSync(file).size;
    if (size > MAX_GENESIS_BYTES)
        throw new GenesisError(file, [{ path: '$', message: `file is ${size} bytes, more than ${MAX_GENESIS_BYTES}` }]);
    const parsed = parseGenesis(readFileSync(file, 'utf8'), options);
    if (!parsed.ok)
        throw new GenesisError(file, parsed.error);
    return parsed.value;
}
export function loadGenesisState(file) {
    const doc = readGenesisFile(file);
    return { doc, state: importGenesis(doc) };
}
//# sourceMappingURL=load.js.map