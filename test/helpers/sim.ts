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

export function scratch(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `pokt-ledger-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A small genesis (the e2e localnet template, one funded non-sim account, no validators — the
 * simulator stakes its own) written to `<dir>/genesis.json`.
 */
export function writeSmallGenesis(dir: string): string {
  const file = join(dir, 'genesis.json');
  writeFileSync(file, testGenesisJson({ accounts: [{ key: testKey('genesis-holder'), balanceUpokt: 5_000_000_000n }] }));
  return file;
}

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `pokt-ledger <args>` (the compiled CLI) in a child process. */
export function runCli(args: readonly string[], options: { timeoutMs?: number; nodeArgs?: readonly string[] } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), CLI_PATH, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/**
 * `pokt-ledger simulate` of a small chain into `dataDir` on writeSmallGenesis's genesis (written
 * into `scratchDir`): the quiet, JSON-reporting run many CLI tests start from.
 */
export function simulateSmallChain(dataDir: string, scratchDir: string, shape: { blocks: number; seed: number; txsPerBlock: number }): Promise<CliRun> {
  const args = ['simulate', '--data', dataDir, '--genesis', writeSmallGenesis(scratchDir), '--blocks', String(shape.blocks), '--seed', String(shape.seed)];
  return runCli([...args, '--txs-per-block', String(shape.txsPerBlock), '--no-progress', '--json']);
}

/** Every file under `dir` (relative path → bytes), for byte-for-byte comparisons. */
export function filesUnder(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (at: string): void => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}
