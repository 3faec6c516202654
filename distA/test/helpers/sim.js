/**
 * Helpers for simulator, node and CLI tests: scratch directories, a small genesis file for the
 * simulator to build on, running the compiled `pokt-ledger` CLI in a child process, and reading
 * a data directory's files.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testGenesisJson, testKey } from './chain.js';
const here = dirname(fileURLToPath(import.meta.url));
/** The compiled CLI entry point of this build (…/src/cli/main.js beside …/test/). */
export const CLI_PATH = join(here, '..', '..', 'src', 'cli', 'main.js');
export function scratch(prefix) {
    const dir = mkdtempSync(join(tmpdir(), `pokt-ledger-${prefix}-`));
    return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
/**
 * A small genesis (the e2e localnet template, one funded non-sim account, no validators — the
 * simulator stakes its own) written to `<dir>/genesis.json`.
 */
export function writeSmallGenesis(dir) {
    const file = join(dir, 'genesis.json');
    writeFileSync(file, testGenesisJson({ accounts: [{ key: testKey('genesis-holder'), balanceUpokt: 5000000000n }] }));
    return file;
}
/** Runs `pokt-ledger <args>` (the compiled CLI) in a child process. */
export function runCli(args, options = {}) {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [CLI_PATH, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => (stdout += chunk.toString('utf8')));
        child.stderr.on('data', (chunk) => (stderr += chunk.toString('utf8')));
        const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
        child.on('error', reject);
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            resolve({ code, signal, stdout, stderr });
        });
    });
}
/** Every file under `dir` (relative path → bytes), for byte-for-byte comparisons. */
export function filesUnder(dir) {
    const files = new Map();
    const walk = (at) => {
        for (const name of readdirSync(at).sort()) {
            const path = join(at, name);
            if (statSync(path).isDirectory())
                walk(path);
            else
                files.set(relative(dir, path), readFileSync(path));
        }
    };
    walk(dir);
    return files;
}
//# sourceMappingURL=sim.js.map