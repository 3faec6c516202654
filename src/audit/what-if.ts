/**
 * What-if: replay the same block log in a scratch directory twice — as recorded, and with
 * parameters overridden from a height (runtime/param-override.ts: a ParamChanged through gov's
 * normal writer) — and report, per node and in total, how rewards, burns, jailings and supply
 * differ from the first override height on, and which transactions' outcomes change.
 *
 * Both runs are aggregated from the committed-block stream (domain events read by their `type`
 * and fields; the audit imports no module). The original data directory is never written.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blockLogDir, lastStoredHeight } from '../log/index.js';
import { CommittedBlockStream, type CommittedBlock } from '../runtime/committed-block.js';
import { readDataDirConfig } from '../runtime/data-dir.js';
import { removeDeadWritersLeftovers } from '../runtime/dead-leftovers.js';
import { checkOverride, type ParamOverride } from '../runtime/param-override.js';
import { replay, type ReplayProgress } from '../runtime/replay.js';
import { MODULE } from './independent/shadow.js';
import { AuditInputError } from './independent/inputs.js';
import { refuseHeightPastTip } from './audit.js';

/** Relay rewards minted to fee_collector are split at the next block (counted there, by recipient). */
const FEE_COLLECTOR = MODULE.fee_collector;

export type { ParamOverride };

/** 'pos/RelaysToTokensMultiplier=485@1200' → {key, value, height}. */
export function parseWhatIf(text: string): ParamOverride {
  const match = /^([A-Za-z]+\/[A-Za-z]+)=(.+)@(\d+)$/s.exec(text);
  if (match === null) throw new Error(`--what-if wants subspace/Key=value@height, got ${JSON.stringify(text)}`);
  const override = { key: match[1]!, value: match[2]!, height: Number(match[3]) };
  if (override.height < 1) throw new Error('--what-if height must be at least 1');
  checkOverride(override);
  return override;
}

interface NodeFigures {
  rewards: bigint;
  burns: bigint;
  jailings: number;
}

interface RunFigures {
  readonly nodes: Map<string, NodeFigures>;
  minted: bigint;
  burned: bigint;
  /** "height/index" → "ok" or "codespace:code". */
  readonly outcomes: Map<string, string>;
  height: number;
}

export interface WhatIfReport {
  readonly overrides: readonly ParamOverride[];
  readonly from: number;
  readonly to: number;
  readonly total: { rewards_delta_upokt: string; burns_delta_upokt: string; jailings_delta: number; supply_delta_upokt: string; minted_delta_upokt: string; burned_delta_upokt: string };
  readonly nodes: ReadonlyArray<{ address: string; rewards_delta_upokt: string; burns_delta_upokt: string; jailings_delta: number }>;
  readonly changed_txs: ReadonlyArray<{ height: number; index: number; recorded: string; what_if: string }>;
}

type Fields = Record<string, unknown>;

function figure(run: RunFigures, address: string): NodeFigures {
  let f = run.nodes.get(address);
  if (f === undefined) run.nodes.set(address, (f = { rewards: 0n, burns: 0n, jailings: 0 }));
  return f;
}

/** One committed block into the run's figures (heights below `from` only advance the run). */
function collect(run: RunFigures, block: CommittedBlock, from: number): void {
  const height = block.block.header.height;
  run.height = height;
  if (height < from) return;
  for (const r of block.receipts) run.outcomes.set(`${height}/${r.index}`, r.code === 0 ? 'ok' : `${r.codespace}:${r.code}`);
  for (const { event } of block.events) {
    const e = event as unknown as Fields;
    switch (e['type']) {
      case 'RelaysRewarded': {
        const plan = e['plan'] as { mintedUpokt: bigint; lines: Array<{ address: string; amountUpokt: bigint }> };
        run.minted += plan.mintedUpokt;
        for (const line of plan.lines) if (line.address !== FEE_COLLECTOR) figure(run, line.address).rewards += line.amountUpokt;
        break;
      }
      case 'BlockRewardDistributed':
        run.burned += e['burnedUpokt'] as bigint;
        for (const share of e['shares'] as Array<{ address: string; amountUpokt: bigint }>) figure(run, share.address).rewards += share.amountUpokt;
        break;
      case 'NodeSlashed':
      case 'ApplicationStakeBurned':
        run.burned += e['burnedUpokt'] as bigint;
        figure(run, e['address'] as string).burns += e['burnedUpokt'] as bigint;
        break;
      case 'ReplayAttackDetected': {
        const burn = e['burn'] as { servicer: string; burnedUpokt: bigint };
        run.burned += burn.burnedUpokt;
        figure(run, burn.servicer).burns += burn.burnedUpokt;
        break;
      }
      case 'DaoBurned':
        run.burned += (e['amountUpokt'] as bigint | undefined) ?? 0n;
        break;
      case 'NodeJailed':
        figure(run, e['address'] as string).jailings++;
        break;
    }
  }
}

export interface WhatIfOptions {
  readonly to?: number;
  /** Per replayed block of each run ('recorded', then 'what-if'). */
  readonly onProgress?: (run: 'recorded' | 'what-if', p: ReplayProgress) => void;
}

async function figuresOf(dir: string, from: number, options: WhatIfOptions, overrides: readonly ParamOverride[] | undefined): Promise<RunFigures> {
  const to = options.to;
  const label = overrides === undefined ? 'recorded' : 'what-if';
  const run: RunFigures = { nodes: new Map(), minted: 0n, burned: 0n, outcomes: new Map(), height: 0 };
  const stream = new CommittedBlockStream();
  stream.subscribe((block) => collect(run, block, from));
  const outcome = await replay(dir, {
    trustSignatures: true,
    stream,
    onWarning: () => undefined,
    ...(options.onProgress === undefined ? {} : { onProgress: (p: ReplayProgress) => options.onProgress!(label, p) }),
    ...(to === undefined ? {} : { to }),
    ...(overrides === undefined ? {} : { paramOverrides: overrides }),
  });
  if (outcome.divergence !== undefined) throw new AuditInputError('what_if_replay_diverged', `the scratch replay stopped at height ${outcome.divergence.height}: ${outcome.divergence.detail}`);
  return run;
}

/** The scratch directory's name: `pokt-ledger-what-if-<pid>-XXXXXX` in the system's temp dir. */
const SCRATCH_PREFIX = 'pokt-ledger-what-if-';

/**
 * Removes the scratch of what-ifs that are gone: each holds a copy of a chain's whole block log,
 * removed at the end — but Ctrl-C stops a what-if by the signal's default action (its replays
 * hold no lock: cli/interrupt.ts), which left the copy in the temp dir for good (dogfooding of
 * 2026-12-07). A what-if still running (its pid alive) keeps its own, another user's scratch is
 * theirs (runtime/dead-leftovers.ts).
 */
function removeDeadWhatIfScratch(): void {
  removeDeadWritersLeftovers(tmpdir(), { kind: 'directory', pidOf: scratchPid });
}

const SCRATCH_NAME = new RegExp(`^${SCRATCH_PREFIX}(\\d+)-`);

/** The what-if's pid in a scratch directory's name (undefined: not a what-if's scratch). */
function scratchPid(name: string): number | undefined {
  const pid = SCRATCH_NAME.exec(name)?.[1];
  return pid === undefined ? undefined : Number(pid);
}

export async function runWhatIf(dataDir: string, overrides: readonly ParamOverride[], options: WhatIfOptions = {}): Promise<WhatIfReport> {
  // As the audit itself: no chain here is data_dir_not_found (not a raw ENOENT from the copy),
  // and --to past the chain's end is refused, not read as its end (audit.ts refuseHeightPastTip).
  readDataDirConfig(dataDir);
  if (options.to !== undefined) refuseHeightPastTip(dataDir, options.to);
  removeDeadWhatIfScratch();
  const scratch = mkdtempSync(join(tmpdir(), `${SCRATCH_PREFIX}${process.pid}-`));
  try {
    const copy = join(scratch, 'chain');
    cpSync(blockLogDir(dataDir), blockLogDir(copy), { recursive: true, filter: (source) => !source.endsWith('.lock') });
    const from = Math.min(...overrides.map((o) => o.height));
    const tip = Math.min(options.to ?? Number.MAX_SAFE_INTEGER, lastStoredHeight(blockLogDir(copy)));
    const beyond = overrides.find((o) => o.height > tip);
    if (beyond !== undefined) throw new AuditInputError('invalid_what_if', `--what-if ${beyond.key}=${beyond.value}@${beyond.height}: the replay ends at height ${tip}, so the override would change nothing`);
    const recorded = await figuresOf(copy, from, options, undefined);
    const whatIf = await figuresOf(copy, from, options, overrides);
    return compareRuns(overrides, from, recorded, whatIf);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function compareRuns(overrides: readonly ParamOverride[], from: number, recorded: RunFigures, whatIf: RunFigures): WhatIfReport {
  const nodes = [...new Set([...recorded.nodes.keys(), ...whatIf.nodes.keys()])]
    .sort()
    .map((address) => {
      const a = recorded.nodes.get(address) ?? { rewards: 0n, burns: 0n, jailings: 0 };
      const b = whatIf.nodes.get(address) ?? { rewards: 0n, burns: 0n, jailings: 0 };
      return { address, rewards: b.rewards - a.rewards, burns: b.burns - a.burns, jailings: b.jailings - a.jailings };
    })
    .filter((n) => n.rewards !== 0n || n.burns !== 0n || n.jailings !== 0);
  const changed = [...whatIf.outcomes]
    .filter(([key, outcome]) => recorded.outcomes.get(key) !== outcome)
    .map(([key, outcome]) => {
      const [height, index] = key.split('/').map(Number) as [number, number];
      return { height, index, recorded: recorded.outcomes.get(key) ?? '(none)', what_if: outcome };
    });
  const sum = (pick: (n: (typeof nodes)[number]) => bigint) => nodes.reduce((total, n) => total + pick(n), 0n);
  return {
    overrides,
    from,
    to: whatIf.height,
    total: {
      rewards_delta_upokt: String(sum((n) => n.rewards)),
      burns_delta_upokt: String(sum((n) => n.burns)),
      jailings_delta: nodes.reduce((total, n) => total + n.jailings, 0),
      supply_delta_upokt: String(whatIf.minted - whatIf.burned - (recorded.minted - recorded.burned)),
      minted_delta_upokt: String(whatIf.minted - recorded.minted),
      burned_delta_upokt: String(whatIf.burned - recorded.burned),
    },
    nodes: nodes.map((n) => ({ address: n.address, rewards_delta_upokt: String(n.rewards), burns_delta_upokt: String(n.burns), jailings_delta: n.jailings })),
    changed_txs: changed,
  };
}
