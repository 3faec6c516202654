/**
 * Real full and read-only file systems for tests of disk errors: a tiny tmpfs mounted on a
 * scratch directory (needs root or CAP_SYS_ADMIN; `tryMount` says whether mounting is permitted
 * here, so tests can skip with a note instead of failing where they cannot run), filled to the
 * last byte with a filler file (ENOSPC), or mounted read-only (EROFS); or a directory bind-mounted
 * read-only (`tryBindMountReadOnly`).
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export interface Mount {
  readonly dir: string;
  unmount(): void;
}

/** Mount a tmpfs of `sizeKiB` on `dir` (created), or undefined if mounting is not permitted. */
export function tryMountTmpfs(dir: string, sizeKiB: number, options: { readOnly?: boolean } = {}): Mount | undefined {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKiB}k${options.readOnly === true ? ',ro' : ''}`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  return mountAt(dir, ['-l']);
}

/**
 * `source` seen read-only at `dir` (created): `mount --bind source dir`, then `mount -o
 * remount,bind,ro dir` — what an auditor handed a snapshot volume or an evidence disk sees: the
 * same files, EROFS on every write through `dir` (the source stays writable through its own path).
 * Where mounting is not permitted here: the reason, as a string (nothing is left mounted).
 */
export function tryBindMountReadOnly(source: string, dir: string): Mount | string {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['--bind', source, dir], { stdio: 'pipe' });
  } catch (error) {
    return `mount --bind failed: ${String((error as { stderr?: unknown }).stderr ?? error).trim()}`;
  }
  try {
    execFileSync('mount', ['-o', 'remount,bind,ro', dir], { stdio: 'pipe' });
  } catch (error) {
    execFileSync('umount', [dir], { stdio: 'ignore' });
    return `mount -o remount,bind,ro failed: ${String((error as { stderr?: unknown }).stderr ?? error).trim()}`;
  }
  return mountAt(dir, []);
}

/** The mount at `dir`, unmounted once (`umount [flags] dir`) however often unmount() is called. */
function mountAt(dir: string, umountFlags: readonly string[]): Mount {
  let mounted = true;
  return {
    dir,
    unmount() {
      if (!mounted) return;
      mounted = false;
      execFileSync('umount', [...umountFlags, dir], { stdio: 'ignore' });
    },
  };
}

/** Remount read-only or read-write (fails with EBUSY while a file on it is open for writing). */
export function remount(dir: string, readOnly: boolean): void {
  execFileSync('mount', ['-o', `remount,${readOnly ? 'ro' : 'rw'}`, dir], { stdio: 'ignore' });
}

/** Grow (or shrink) a mounted tmpfs to `sizeKiB`: "free space" without touching its files. */
export function resize(dir: string, sizeKiB: number): void {
  execFileSync('mount', ['-o', `remount,size=${sizeKiB}k`, dir], { stdio: 'ignore' });
}

/** Fill the file system holding `dir` until writes fail with ENOSPC; returns the filler to delete. */
export function fillDisk(dir: string): string {
  const filler = join(dir, 'filler');
  const fd = openSync(filler, 'w');
  try {
    for (let chunk = 1 << 20; chunk >= 1; ) {
      try {
        writeSync(fd, Buffer.alloc(chunk));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
        chunk >>= 1;
      }
    }
  } finally {
    closeSync(fd);
  }
  return filler;
}

export function freeDisk(filler: string): void {
  rmSync(filler, { force: true });
}

/** `run` on a fresh tmpfs of `sizeKiB` at `dir`, unmounted after; a note and nothing run where none can be mounted (not root). */
export async function onSmallTmpfs(dir: string, sizeKiB: number, run: (mounted: string) => void | Promise<void>): Promise<void> {
  const mount = tryMountTmpfs(dir, sizeKiB);
  if (mount === undefined) {
    console.log('  (skipped: cannot mount a tmpfs here — run as root to test a real ENOSPC)');
    return;
  }
  try {
    await run(mount.dir);
  } finally {
    mount.unmount();
  }
}
