/**
 * Goal: every kind of damage a crash, a disk or an operator can do to a data directory, met by
 * every command that opens it, ends in one of three documented ways — never a silently shorter
 * chain, never a stack trace:
 *   - `error`: a coded error (exit ≠ 0) whose details name what is damaged (height, file);
 *   - `warn`:  the command works on the whole chain (every acknowledged height) and prints (once) what
 *              it repaired or skipped (a cut of never-acknowledged bytes, a skipped snapshot, …);
 *   - `intact`: the command does not read the damaged file and works on the whole chain.
 * Method: a small simulated chain (12 blocks, snapshots at 4 and 8), its block log rewritten
 * into small segments (2–3 records each) with the writer's `segmentBytes` option; a fresh copy per
 * cell is damaged, then the real CLI runs on it (`node dist/src/cli/main.js …`, the node until it
 * listens). Heights are checked: replay/roots/snapshot report 12, query answers at --height 12,
 * the node starts at height 12.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, readdirSync, readFileSync, renameSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { BlockLog } from '../../../src/log/index.js';
import { CLI_PATH, runCli, scratch, writeSmallGenesis, type CliRun } from '../../helpers/sim.js';
import { flipByte } from '../../helpers/log-fixtures.js';

const TIP = 12;
const tmp = scratch('matrix');
const genesisFile = writeSmallGenesis(tmp.dir);
const pristine = join(tmp.dir, 'pristine');
const foreign = join(tmp.dir, 'foreign');

type Command = 'replay' | 'roots' | 'snapshot' | 'query' | 'node';
const COMMANDS: readonly Command[] = ['replay', 'roots', 'snapshot', 'query', 'node'];

type Expect = { readonly error: string; readonly names: Readonly<Record<string, unknown>> } | { readonly warn: string } | { readonly intact: true };

interface Damage {
  readonly name: string;
  readonly damage: (dir: string) => void;
  readonly expect: (command: Command) => Expect;
}

// ── the data directory's layout ───────────────────────────────────────────────────────────────

const events = (dir: string): string => join(dir, 'events');
const segments = (dir: string): string[] => readdirSync(events(dir)).filter((file) => file.endsWith('.log')).sort();
const firstHeightOf = (file: string): number => Number(file.slice(8, 20));
const snapshotFiles = (dir: string): string[] => readdirSync(join(dir, 'snapshots')).filter((file) => file.endsWith('.snap')).sort();

/** Frame offsets of a segment (24-byte header, u32 payload length at 8). */
function frames(path: string): number[] {
  const bytes = readFileSync(path);
  const offsets: number[] = [];
  for (let at = 0; at < bytes.length; at += 24 + bytes.readUInt32LE(at + 8)) offsets.push(at);
  return offsets;
}

/** The segment holding `height` and the frame offset in it. */
function locate(dir: string, height: number): { path: string; offset: number; end: number } {
  const file = segments(dir).filter((name) => firstHeightOf(name) <= height).at(-1) as string;
  const path = join(events(dir), file);
  const offsets = frames(path);
  const i = height - firstHeightOf(file);
  return { path, offset: offsets[i] as number, end: (offsets[i + 1] as number | undefined) ?? readFileSync(path).length };
}

const lastSegment = (dir: string): string => join(events(dir), segments(dir).at(-1) as string);

/** A sealed segment (not the first, not the last) and the heights it holds. */
function middleSegment(dir: string): { file: string; first: number; last: number } {
  const names = segments(dir);
  const file = names[Math.floor(names.length / 2)] as string;
  const next = names[Math.floor(names.length / 2) + 1] as string;
  return { file, first: firstHeightOf(file), last: firstHeightOf(next) - 1 };
}

/** Rewrites the chain's log into segments of about `perSegment` records (same records, same heights). */
function resegment(dir: string, perSegment: number): void {
  const source = BlockLog.open(events(dir), { readOnly: true }).log;
  const records = [...source.iterate(1)].map(({ height, payload }) => ({ height, payload: Buffer.from(payload) }));
  source.close();
  const mean = records.reduce((sum, r) => sum + r.payload.length + 24, 0) / records.length;
  const rebuilt = join(tmp.dir, 'rebuilt');
  const { log } = BlockLog.open(rebuilt, { create: true, segmentBytes: Math.ceil(mean * perSegment) });
  for (const record of records) log.append(record.height, record.payload);
  log.close();
  const logFiles = /^(segment-\d+\.log|index|head|block-log\.json)$/;
  for (const name of readdirSync(events(dir))) if (logFiles.test(name)) rmSync(join(events(dir), name), { recursive: true });
  for (const name of readdirSync(rebuilt)) renameSync(join(rebuilt, name), join(events(dir), name));
  rmSync(rebuilt, { recursive: true });
}

// ── the damages ───────────────────────────────────────────────────────────────────────────────

const everywhere = (expect: Expect) => (): Expect => expect;
/** Commands that start from the newest snapshot (snapshot, query, the node); replay and roots read the log from height 1. */
const fromSnapshot = (command: Command): boolean => command === 'snapshot' || command === 'query' || command === 'node';

const DAMAGES: readonly Damage[] = [
  {
    name: 'bit rot in the final record',
    damage: (dir) => flipByte(locate(dir, TIP).path, locate(dir, TIP).end - 2),
    expect: everywhere({ error: 'log_record_corrupt', names: { height: TIP } }),
  },
  {
    name: 'bit rot in a middle record above the newest usable snapshot (sealed segment)',
    damage: (dir) => {
      const at = locate(dir, 10);
      flipByte(at.path, at.offset + 30);
    },
    expect: everywhere({ error: 'log_record_corrupt', names: { height: 10 } }),
  },
  {
    name: 'bit rot in an early record (below the snapshots)',
    damage: (dir) => flipByte(locate(dir, 2).path, locate(dir, 2).offset + 30),
    // Commands that start from a proven snapshot never read height 2: their chain is whole.
    expect: (command) => (fromSnapshot(command) ? { intact: true } : { error: 'log_record_corrupt', names: { height: 2 } }),
  },
  {
    name: 'the final (acknowledged) record cut mid-frame',
    damage: (dir) => truncateSync(locate(dir, TIP).path, locate(dir, TIP).offset + 30),
    expect: everywhere({ error: 'log_record_corrupt', names: { height: TIP, acknowledgedHeight: TIP } }),
  },
  {
    name: 'a torn write of a never-acknowledged record after the tip',
    damage: (dir) => {
      const tip = locate(dir, TIP);
      const frame = readFileSync(tip.path).subarray(tip.offset, tip.end);
      appendFileSync(tip.path, frame.subarray(0, frame.length - 7)); // a partial frame (height 12's bytes: damaged)
    },
    expect: everywhere({ warn: 'log_tail_cut' }),
  },
  {
    name: 'truncation at a frame boundary (the final record gone)',
    damage: (dir) => truncateSync(locate(dir, TIP).path, locate(dir, TIP).offset),
    expect: everywhere({ error: 'log_records_lost', names: { fromHeight: TIP, toHeight: TIP } }),
  },
  {
    name: 'the last segment emptied',
    damage: (dir) => truncateSync(lastSegment(dir), 0),
    expect: (): Expect => ({ error: 'log_records_lost', names: { fromHeight: firstHeightOf(segments(pristine).at(-1) as string), toHeight: TIP } }),
  },
  {
    name: 'the last segment of several deleted',
    damage: (dir) => unlinkSync(lastSegment(dir)),
    expect: (): Expect => ({ error: 'log_records_lost', names: { fromHeight: firstHeightOf(segments(pristine).at(-1) as string), toHeight: TIP } }),
  },
  {
    name: 'a middle segment deleted',
    damage: (dir) => unlinkSync(join(events(dir), middleSegment(dir).file)),
    expect: (): Expect => ({ error: 'log_segment_sequence_broken', names: { expectedFirstHeight: middleSegment(pristine).first } }),
  },
  {
    name: 'an index file damaged (its last entry)',
    damage: (dir) => {
      const index = join(events(dir), 'index', middleSegment(dir).file.replace('.log', '.idx'));
      flipByte(index, readFileSync(index).length - 8);
    },
    expect: everywhere({ warn: 'log_index_rebuilt' }),
  },
  {
    name: 'the index directory deleted',
    damage: (dir) => rmSync(join(events(dir), 'index'), { recursive: true }),
    expect: everywhere({ warn: 'log_index_rebuilt' }),
  },
  {
    name: 'one head slot damaged',
    damage: (dir) => {
      const head = readFileSync(join(events(dir), 'head'));
      const newer = head.readUInt32LE(12) > head.readUInt32LE(512 + 12) ? 0 : 512;
      flipByte(join(events(dir), 'head'), newer + 20);
    },
    expect: everywhere({ warn: 'log_head_slot_damaged' }),
  },
  {
    name: 'both head slots damaged',
    damage: (dir) => writeFileSync(join(events(dir), 'head'), Buffer.alloc(1024, 0x55)),
    expect: everywhere({ error: 'log_head_corrupt', names: { file: 'head' } }),
  },
  {
    name: 'the head file deleted',
    damage: (dir) => unlinkSync(join(events(dir), 'head')),
    expect: everywhere({ error: 'log_head_missing', names: { file: 'head' } }),
  },
  {
    name: 'one byte of chain_id changed in ledger.json',
    damage: (dir) => {
      const path = join(events(dir), 'ledger.json');
      writeFileSync(path, readFileSync(path, 'utf8').replace('"pokt-ledger-test"', '"pokt-ledger-tesT"'));
    },
    expect: everywhere({ error: 'chain_id_mismatch', names: { ledger_json: 'pokt-ledger-tesT' } }),
  },
  {
    name: 'genesis.json changed',
    damage: (dir) => appendFileSync(join(events(dir), 'genesis.json'), ' '),
    expect: everywhere({ error: 'genesis_changed', names: { file: 'genesis.json' } }),
  },
  {
    name: "another chain's snapshot (same chain id) at the tip height",
    damage: (dir) => {
      const theirs = snapshotFiles(foreign).at(-1) as string;
      assert.ok(theirs.startsWith(String(TIP).padStart(12, '0')), 'the foreign snapshot is at the tip height');
      cpSync(join(foreign, 'snapshots', theirs), join(dir, 'snapshots', theirs));
    },
    expect: (command) => (fromSnapshot(command) ? { warn: 'snapshot_skipped' } : { intact: true }),
  },
  {
    name: 'the newest snapshot damaged',
    damage: (dir) => {
      const path = join(dir, 'snapshots', snapshotFiles(dir).at(-1) as string);
      truncateSync(path, readFileSync(path).length - 100);
    },
    expect: (command) => (fromSnapshot(command) ? { warn: 'snapshot_skipped' } : { intact: true }),
  },
  {
    name: 'a stray snapshot .tmp of a dead process',
    damage: (dir) => writeFileSync(join(dir, 'snapshots', `${snapshotFiles(dir).at(-1) as string}.999999999.tmp`), 'half a snapshot'),
    expect: everywhere({ warn: 'snapshot_temp_removed' }),
  },
  {
    name: 'a stale LOCK (dead pid on this host)',
    damage: (dir) => writeFileSync(join(events(dir), 'LOCK'), JSON.stringify({ pid: 999_999_999, hostname: hostnameOf(), nonce: 'dead' })),
    // Readers never look at the lock; the writer takes it over and says so.
    expect: (command) => (command === 'node' ? { warn: 'log_lock_taken_over' } : { intact: true }),
  },
  {
    name: 'an empty LOCK',
    damage: (dir) => writeFileSync(join(events(dir), 'LOCK'), ''),
    expect: (command) => (command === 'node' ? { warn: 'log_lock_taken_over' } : { intact: true }),
  },
];

function hostnameOf(): string {
  return process.env['HOSTNAME'] ?? readFileSync('/etc/hostname', 'utf8').trim();
}

// ── running a command on a damaged copy ──────────────────────────────────────────────────────

interface Outcome {
  readonly run: CliRun;
  /** The coded error (code + details), if the command failed. */
  readonly error: { code: string; details: Record<string, unknown> | undefined; text: string } | null;
  /** The chain height the command worked on, if it succeeded. */
  readonly height: number | null;
}

async function runCommand(command: Command, dir: string): Promise<Outcome> {
  if (command === 'node') return runNode(dir);
  const args: Record<Exclude<Command, 'node'>, string[]> = {
    replay: ['replay', '--data', dir, '--trust-signatures', '--no-progress', '--json'],
    roots: ['roots', '--data', dir, '--json'],
    snapshot: ['snapshot', '--data', dir, '--json'],
    query: ['query', 'nodes', '--data', dir, '--height', String(TIP), '--json'],
  };
  const run = await runCli(args[command]);
  const parsed = run.stdout.trim() === '' ? undefined : (JSON.parse(run.stdout) as unknown);
  const error = (parsed as { error?: { code: string; details?: Record<string, unknown> } } | undefined)?.error;
  if (error !== undefined) return { run, error: { code: error.code, details: error.details, text: run.stdout }, height: null };
  const height =
    command === 'roots'
      ? (((parsed as Array<{ height: number }>).at(-1)?.height ?? 0) === (parsed as unknown[]).length ? (parsed as unknown[]).length : -1)
      : command === 'query'
        ? TIP // `query --height 12` answers only if the chain reaches height 12
        : command === 'replay' && (parsed as { verified: boolean }).verified !== true
          ? -1
          : (parsed as { height: number }).height;
  return { run, error: null, height };
}

/** `node --port 0 --interval 0` until it listens (then SIGTERM) or exits. */
function runNode(dir: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_PATH, 'node', '--data', dir, '--port', '0', '--interval', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let height: number | null = null;
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      const started = /at height (\d+), listening on/.exec(stderr);
      if (started !== null && height === null) {
        height = Number(started[1]);
        child.kill('SIGTERM');
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const coded = /error \[(\w+)\]: /.exec(stderr);
      const run = { code, signal, stdout, stderr };
      resolve({ run, error: coded === null ? null : { code: coded[1] as string, details: undefined, text: stderr }, height });
    });
  });
}

const clip = (text: string): string => (text.length > 600 ? `${text.slice(0, 600)}…` : text);

/** Each expected detail appears in the error: as a JSON field (--json) or in the printed context. */
function namesAll(outcome: Outcome, names: Readonly<Record<string, unknown>>): string[] {
  const missing: string[] = [];
  for (const [key, value] of Object.entries(names)) {
    const found = outcome.error?.details?.[key];
    const ok =
      outcome.error?.details === undefined
        ? outcome.error?.text.includes(`"${key}": ${typeof value === 'string' ? '"' : ''}`) === true && outcome.error.text.includes(String(value))
        : typeof value === 'string'
          ? String(found).includes(value)
          : found === value;
    if (!ok) missing.push(`${key}=${String(value)}`);
  }
  return missing;
}

function check(damage: Damage, command: Command, outcome: Outcome): string | null {
  const { run } = outcome;
  const where = `${damage.name} × ${command}`;
  if (/\n\s{4}at /.test(run.stderr) || /"message":"[^"]*\\n\s{4}at /.test(run.stdout)) return `${where}: a stack trace\n${clip(run.stderr + run.stdout)}`;
  const expect = damage.expect(command);
  if ('error' in expect) {
    if (outcome.error?.code !== expect.error) return `${where}: expected error ${expect.error}, got ${outcome.error?.code ?? `exit ${run.code} height ${outcome.height}`}\n${clip(run.stderr + run.stdout)}`;
    if (run.code === 0 || run.code === null) return `${where}: a coded error with exit code ${run.code}`;
    const missing = namesAll(outcome, expect.names);
    return missing.length === 0 ? null : `${where}: the error does not name ${missing.join(', ')}\n${clip(outcome.error.text)}`;
  }
  if (outcome.error !== null) return `${where}: unexpected error ${outcome.error.code}\n${clip(outcome.error.text)}`;
  if (command !== 'node' && run.code !== 0) return `${where}: exit ${run.code}\n${clip(run.stderr)}`;
  if (outcome.height !== TIP) return `${where}: worked on height ${outcome.height}, the chain is ${TIP} (a silently shorter chain)\n${clip(run.stderr)}`;
  if ('warn' in expect && !run.stderr.includes(`warning [${expect.warn}]`)) return `${where}: no printed warning [${expect.warn}]\n${clip(run.stderr)}`;
  // Said once: a command opening the log three times printed a rebuilt index three times.
  const warnings = run.stderr.split('\n').filter((line) => line.startsWith('warning ['));
  if (new Set(warnings).size !== warnings.length) return `${where}: a warning printed more than once\n${clip(warnings.join('\n'))}`;
  return null;
}

/** Runs `jobs` with at most `limit` at a time. */
async function pooled<T>(jobs: ReadonlyArray<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await (jobs[i] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

// ── the test ──────────────────────────────────────────────────────────────────────────────────

const matrix = suite('cli: corruption matrix (damage × replay, roots, snapshot, query, node)');

matrix.before(async () => {
  try {
    await makeChains();
  } catch (error) {
    console.error(error); // uvu prints nothing for a failing hook
    throw error;
  }
});

async function makeChains(): Promise<void> {
  for (const [dir, seed] of [[pristine, '5'], [foreign, '6']] as const) {
    const made = await runCli(['simulate', '--data', dir, '--genesis', genesisFile, '--blocks', String(TIP), '--seed', seed, '--txs-per-block', '3', '--snapshot-every', '4', '--no-progress', '--json']);
    assert.is(made.code, 0, made.stderr + made.stdout);
  }
  resegment(pristine, 2);
  assert.ok(segments(pristine).length >= 5, `small segments: ${segments(pristine).join(', ')}`);
  // Keep the snapshots at 4 and 8: commands that start from a snapshot then read heights 9–12.
  unlinkSync(join(pristine, 'snapshots', snapshotFiles(pristine).at(-1) as string));
  assert.is(snapshotFiles(pristine).length, 2);
  assert.ok(locate(pristine, 10).path !== lastSegment(pristine), 'height 10 is in a sealed segment');
}

matrix.after(() => tmp.remove());

matrix('the undamaged chain: every command works on all 12 heights without a warning', async () => {
  const outcomes = await pooled(COMMANDS.map((command) => async () => {
    const dir = join(tmp.dir, `clean-${command}`);
    cpSync(pristine, dir, { recursive: true });
    return { command, outcome: await runCommand(command, dir) };
  }), 3);
  for (const { command, outcome } of outcomes) {
    assert.is(outcome.error, null, `${command}: ${outcome.run.stderr}`);
    assert.is(outcome.height, TIP, command);
    assert.not.match(outcome.run.stderr, /warning \[/, `${command} prints no warning on a clean chain`);
  }
});

matrix('every damage × every command: a coded error naming the damage, or the whole chain with the repair printed', async () => {
  const cells = DAMAGES.flatMap((damage, d) =>
    COMMANDS.map((command) => async () => {
      const dir = join(tmp.dir, `cell-${d}-${command}`);
      cpSync(pristine, dir, { recursive: true });
      try {
        damage.damage(dir);
      } catch (error) {
        return `${damage.name}: the damage could not be made (${String(error)})`;
      }
      const outcome = await runCommand(command, dir);
      rmSync(dir, { recursive: true, force: true });
      return check(damage, command, outcome);
    }),
  );
  const failures = (await pooled(cells, 3)).filter((failure): failure is string => failure !== null);
  assert.is(failures.length, 0, `${failures.length} of ${cells.length} cells failed:\n\n${failures.join('\n\n')}`);
});

matrix('`verify`, which opens the log three times, says a repaired damage once (a rebuilt index)', async () => {
  const dir = join(tmp.dir, 'verify-once');
  cpSync(pristine, dir, { recursive: true });
  rmSync(join(events(dir), 'index'), { recursive: true });
  const run = await runCli(['verify', '--data', dir, '--no-progress']);
  assert.is(run.code, 0, run.stderr + run.stdout);
  const lines = run.stderr.split('\n').filter((line) => line.startsWith('warning [log_index_rebuilt]'));
  assert.is(lines.length, new Set(lines).size, `each rebuilt index once:\n${lines.join('\n')}`);
  assert.ok(lines.length >= 1, 'the rebuild is said');
});

matrix('the way out of log_records_lost: `repair` accepts the loss (reported), then the shorter chain opens', async () => {
  const dir = join(tmp.dir, 'repair');
  cpSync(pristine, dir, { recursive: true });
  const first = firstHeightOf(segments(dir).at(-1) as string);
  unlinkSync(lastSegment(dir));
  // Acknowledged heights go for good: not without --yes off a terminal, and then nothing changes.
  const unasked = await runCli(['repair', '--data', dir, '--json']);
  assert.equal([unasked.code, JSON.parse(unasked.stdout)['error']['code']], [2, 'confirmation_required'], unasked.stdout);
  assert.match(JSON.parse(unasked.stdout)['error']['message'], `heights ${first}–${TIP} (log_records_lost)`);
  assert.is((await runCli(['roots', '--data', dir, '--json'])).code, 1, 'still refused: nothing was repaired');
  const repaired = await runCli(['repair', '--data', dir, '--yes', '--json']);
  assert.is(repaired.code, 0, repaired.stderr);
  assert.equal(JSON.parse(repaired.stdout)['loss_accepted'], { fromHeight: first, toHeight: TIP });
  const replayed = await runCli(['replay', '--data', dir, '--trust-signatures', '--no-progress', '--json']);
  assert.is(replayed.code, 0, replayed.stderr);
  assert.equal([JSON.parse(replayed.stdout)['height'], JSON.parse(replayed.stdout)['verified']], [first - 1, true]);
});

matrix.run();
