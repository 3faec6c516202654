/**
 * A benchmark workload's directory from the on-disk cache, or built into it. Built in a scratch
 * directory beside its place and renamed into it only when whole, so a killed run leaves no
 * half-built entry (its scratch is removed by the next run: removeDeadTemps); entries of the
 * same settings from older builds are pruned (pruneStale), with a progress line.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pruneStale, removeDeadTemps } from '../../src/sim/mainnet/chain-cache.js';
import { prunedText } from './mainnet-chain.js';
import type { BenchContext } from './types.js';

export interface CachedDirSpec {
  /** The cache folder of this kind of workload. */
  readonly root: string;
  /** The entry's name: seed, settings and code fingerprint. */
  readonly key: string;
  /** The file a whole entry has (written last by `build`). */
  readonly marker: (dir: string) => string;
  /** The progress line said before building. */
  readonly building: (dir: string) => string;
  readonly build: (scratch: string) => Promise<void>;
}

export async function cachedWorkloadDir(ctx: BenchContext, spec: CachedDirSpec): Promise<{ readonly dir: string; readonly cached: boolean }> {
  mkdirSync(spec.root, { recursive: true });
  removeDeadTemps(spec.root);
  const dir = join(spec.root, spec.key);
  const cached = existsSync(spec.marker(dir));
  if (!cached) {
    ctx.progress(spec.building(dir));
    const scratch = `${dir}.tmp-${process.pid}`;
    rmSync(scratch, { recursive: true, force: true });
    await spec.build(scratch);
    rmSync(dir, { recursive: true, force: true });
    renameSync(scratch, dir);
  }
  const pruned = pruneStale(spec.root, basename(dir));
  if (pruned.length > 0) ctx.progress(prunedText(pruned));
  return { dir, cached };
}
