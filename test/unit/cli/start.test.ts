/**
 * Goal: `start` (what `npm start` runs) does what the README promises: a mainnet-shaped chain on
 * the bundled mainnet genesis with claims, proofs and rewards, verified by replay, projected and
 * audited (its report and per-line CSV in reports/), one summary; `--no-serve` exits after it; otherwise it reaches "serving", answers
 * `POST /v1/query/height` with the chain's height and GET /explorer/ with the page, and Ctrl-C (SIGINT) stops it with exit 0 and
 * no stack trace. It continues an existing chain and refuses a chain it did not create.
 * Method: the compiled CLI in child processes on a temp data dir (scale 0.01, 14 blocks: claims
 * from block 5, proofs from block 13 — BlocksPerSession 4, ClaimSubmissionWindow 3 in the
 * mid-2022 params).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CLI_PATH, runCli, scratch, writeSmallGenesis } from '../../helpers/sim.js';
import { counted } from '../../../src/cli/output.js';

const tmp = scratch('start-cli');
const dir = join(tmp.dir, 'chain');
const start = suite('start');
start.after(() => tmp.remove());

start('the summary counts things as people write them: 1 of a thing, else the plural, thousands separated', () => {
  assert.is(counted(1, 'param change'), '1 param change');
  assert.is(counted(0, 'block'), '0 blocks');
  assert.is(counted(1623, 'claim'), '1,623 claims');
  assert.is(counted(1, 'mismatch', 'mismatches'), '1 mismatch');
  assert.is(counted(2, 'mismatch', 'mismatches'), '2 mismatches');
});

/** The paths of keys with an upper-case letter, anywhere in a JSON document. */
function camelCaseKeys(value: unknown, path = '$'): string[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => [...(/[A-Z]/.test(key) ? [`${path}.${key}`] : []), ...camelCaseKeys(item, `${path}.${key}`)]);
}

interface StartJson {
  simulation: { created: boolean; chain_id: string; profile: string; height: number };
  activity: { claims: number; proofs: number; relay_rewards_upokt: string; param_changes: number };
  replay: { verified: boolean; height: number; signatures: string };
  projection: { height: number };
  audit: { mismatches: number; supply_ok: boolean; to: number; reward_lines: number; slash_and_burn_lines: number; supply_checks: number };
  audit_report: string;
}

start('--no-serve: a mainnet-shaped chain, verified, projected and audited; continued on a second run; a foreign chain refused', async () => {
  const first = await runCli(['start', '--data', dir, '--blocks', '14', '--scale', '0.01', '--no-serve', '--no-progress', '--json']);
  assert.is(first.code, 0, first.stderr);
  const report = JSON.parse(first.stdout) as StartJson;
  assert.equal([report.simulation.created, report.simulation.chain_id, report.simulation.profile, report.simulation.height], [true, 'mainnet', 'mainnet-shaped', 14]);
  assert.ok(report.activity.claims > 0 && report.activity.proofs > 0, 'claims and proofs were made');
  assert.ok(BigInt(report.activity.relay_rewards_upokt) > 0n, 'proofs minted relay rewards');
  assert.is(typeof report.activity.param_changes, 'number');
  // Every key in snake_case, as the rest of the document and every other command's JSON (the
  // activity's were the tally's field names, relayRewardsUpokt and paramChanges: dogfooding of
  // 2026-12-07).
  assert.equal(camelCaseKeys(JSON.parse(first.stdout)), [], 'no camelCase key');
  assert.equal([report.replay.verified, report.replay.height, report.replay.signatures], [true, 14, 'verified']);
  assert.equal([report.projection.height, report.audit.to, report.audit.mismatches, report.audit.supply_ok], [14, 14, 0, true]);
  // The supply is proven at the genesis state and after each of the 14 blocks.
  assert.is(report.audit.supply_checks, 15);
  // Beside the report, every line the audit derived (one CSV row each), which the report names.
  assert.is(report.audit_report, join(dir, 'reports', 'audit.html'));
  const csv = readFileSync(join(dir, 'reports', 'audit-lines.csv'), 'utf8').trimEnd().split('\n');
  assert.is(csv[0], 'height,kind,role,node,address,amount_upokt,chain,relays,multiplier_upokt_per_relay,multiplier_source,stake_upokt,floored_stake_upokt,bin,weight,minted_upokt');
  assert.is(csv.length - 1, report.audit.reward_lines + report.audit.slash_and_burn_lines);
  assert.match(readFileSync(report.audit_report, 'utf8'), /<code>audit-lines\.csv \(beside this report\)<\/code>/);

  const human = await runCli(['start', '--data', dir, '--blocks', '1', '--no-serve', '--no-progress']);
  assert.is(human.code, 0, human.stderr);
  assert.match(human.stdout, /blocks 15–15 \(1 block, /);
  // 16 checks for 15 blocks read as a miscount unless the summary says, as the audit's own output
  // does, that the genesis state is one of them.
  assert.match(human.stdout, /audit\s+PASS: .*, 16 supply checks \(the genesis state’s included\), 0 mismatches/);
  assert.match(human.stdout, /every state root matches/);

  const foreignDir = join(tmp.dir, 'foreign');
  assert.is((await runCli(['init', '--genesis', writeSmallGenesis(tmp.dir), '--data', foreignDir])).code, 0);
  const foreign = await runCli(['start', '--data', foreignDir, '--blocks', '1', '--no-serve', '--no-progress', '--json']);
  assert.is(foreign.code, 1);
  assert.is((JSON.parse(foreign.stdout) as { error: { code: string } }).error.code, 'not_a_simulated_chain');
});

/** Runs `start` until it prints its serving line, queries it, then SIGINTs it. */
function serveAndQuery(args: readonly string[]): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string; height: unknown; explorer: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_PATH, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let height: unknown;
    let explorer = '';
    let asked = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const url = /serving (http:\/\/[^\s:]+:\d+)/.exec(stdout)?.[1];
      if (url === undefined || asked) return;
      asked = true;
      fetch(`${url}/v1/query/height`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
        .then(async (response) => {
          height = await response.json();
          const page = await fetch(`${url}/explorer/`);
          explorer = `${page.status} ${page.headers.get('content-type') ?? ''}`;
          child.kill('SIGINT');
        })
        .catch((error: unknown) => {
          child.kill('SIGKILL');
          reject(error instanceof Error ? error : new Error(String(error)));
        });
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, height, explorer });
    });
  });
}

start('a port already taken is said before any work: port_in_use at once, no chain made', async () => {
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  try {
    const port = (taken.address() as AddressInfo).port;
    const target = join(tmp.dir, 'port-taken');
    const run = await runCli(['start', '--data', target, '--port', String(port), '--no-progress', '--json']);
    assert.is(run.code, 1, run.stderr);
    assert.is((JSON.parse(run.stdout) as { error: { code: string } }).error.code, 'port_in_use');
    assert.not.ok(existsSync(target), 'nothing produced, projected or audited first');
  } finally {
    taken.close();
  }
});

start('serving: reaches "serving", answers POST /v1/query/height with the chain height and the explorer page, stops on SIGINT with exit 0 and no stack trace', async () => {
  const run = await serveAndQuery(['start', '--data', dir, '--blocks', '1', '--port', '0', '--no-progress']);
  assert.is(run.signal, null, run.stderr);
  assert.is(run.code, 0, run.stderr);
  assert.equal(run.height, { height: 16 });
  assert.match(run.explorer, /^200 text\/html/);
  assert.match(run.stdout, /explorer http:\/\/\S+\/explorer\//);
  assert.match(run.stdout, /stopped/);
  assert.not.match(run.stderr, /\n\s+at /, 'no stack trace');
});

start.run();
