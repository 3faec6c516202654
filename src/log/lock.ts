/**
 * Single writer: `<dir>/LOCK`, created exclusively (link(2) of a complete temporary file, which
 * fails if LOCK exists — the same guarantee as O_EXCL), holding {"pid","hostname","nonce"}.
 *
 * - Creating it is atomic, so of two processes opening for write at once exactly one wins; the
 *   other gets `log_locked` naming the holder.
 * - A lock left by a crashed process is stale when its hostname is this host and its pid is no
 *   longer alive (`process.kill(pid, 0)` → ESRCH); it is taken over (reported in the recovery).
 *   A lock from another host is never taken over (we cannot see its processes): remove it by
 *   hand once you know that writer is gone.
 * - Takeover re-reads the file just before unlinking it and re-reads our own after creating it,
 *   so two processes taking over the same stale lock cannot both succeed except in the
 *   microseconds between one's re-read and its unlink (documented residual race; the usual
 *   case, one node restarting, has no contender).
 * - A reused pid makes a dead writer's lock look alive: `log_locked` then shows the pid so an
 *   operator can check it and delete the file. One reuse is certain and handled: a lock naming
 *   THIS process's pid with a nonce this process never held. In a container the node is often
 *   pid 1 (or another small pid) at every start, with the same hostname across restarts, so a
 *   node killed there (OOM, `docker kill`, power loss) found "its own" lock alive at the next
 *   start and refused it forever (log_locked by pid 1) until someone deleted the file.
 * - An empty or unreadable LOCK (no valid {"pid","hostname","nonce"}) is taken over too: a live
 *   writer's lock is complete from the instant it is visible (link of a complete file, fsynced
 *   first), so such a file is never a live writer's — it is what a power loss leaves of a lock
 *   whose content had not reached the disk (a lock from before that fsync was added), or debris.
 *   Its content is reported (`takenOverFrom.unreadable`).
 * Readers (`readOnly: true`) never touch the lock.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { BlockLogError } from './errors.js';
import { LOCK_FILE } from './files.js';

export interface LockOwner {
  readonly pid: number;
  readonly hostname: string;
  readonly nonce: string;
}

export interface HeldLock {
  readonly path: string;
  readonly owner: LockOwner;
  /** The stale lock taken over, if any: its dead owner, or the content of an unreadable lock. */
  readonly takenOverFrom: StaleLock | null;
}

/** A lock taken over: a dead process's (pid, hostname, nonce), or an empty/unreadable file. */
export type StaleLock = LockOwner | { readonly unreadable: string };

function readOwner(path: string): { text: string; owner: LockOwner | null } | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const raw = JSON.parse(text) as Partial<LockOwner>;
    if (typeof raw.pid === 'number' && typeof raw.hostname === 'string' && typeof raw.nonce === 'string') {
      return { text, owner: { pid: raw.pid, hostname: raw.hostname, nonce: raw.nonce } };
    }
  } catch {
    // fall through: unreadable content
  }
  return { text, owner: null };
}

/** Is a process with this pid alive on this host (EPERM: it exists, owned by someone else)? */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

/**
 * Publishes the lock with its content already complete: write a private temporary file, then
 * link(2) it to LOCK, which fails with EEXIST atomically if a lock exists. (Creating LOCK with
 * O_EXCL and then writing would leave an empty, unattributable lock if we crashed in between.)
 */
function tryCreate(path: string, owner: LockOwner): boolean {
  const tmp = `${path}.${owner.pid}.${owner.nonce}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, JSON.stringify(owner) + '\n');
    fsyncSync(fd); // so a power loss cannot leave an empty LOCK that looks like nobody's
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(tmp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(tmp);
  }
}

/** The locks this process holds, by nonce: a lock with our pid and another nonce is a dead namesake's. */
const heldLocks = new Map<string, HeldLock>();

/** Alive, and not an earlier process that had our pid (see above). */
function ownerAlive(owner: LockOwner): boolean {
  if (owner.pid === process.pid) return heldLocks.has(owner.nonce);
  return processAlive(owner.pid);
}

/** Told when this process comes to hold its first lock and when it has released its last. */
export interface LockWatcher {
  readonly firstHeld: () => void;
  readonly lastReleased: () => void;
}

let watcher: LockWatcher | undefined;

/**
 * The CLI's interrupt handling (cli/interrupt.ts) listens for Ctrl-C only while a lock is held:
 * a JavaScript signal listener runs only between turns of the event loop, so one installed for
 * the whole process would leave a long synchronous command (an audit's walk)
 * deaf to Ctrl-C until its end — and only writers hold locks.
 */
export function watchLocks(next: LockWatcher | undefined): void {
  watcher = next;
}

export function acquireLock(dir: string): HeldLock {
  const held = takeLock(dir);
  heldLocks.set(held.owner.nonce, held);
  if (heldLocks.size === 1) watcher?.firstHeld();
  return held;
}

function takeLock(dir: string): HeldLock {
  const path = join(dir, LOCK_FILE);
  const owner: LockOwner = { pid: process.pid, hostname: hostname(), nonce: randomBytes(8).toString('hex') };
  if (tryCreate(path, owner)) return { path, owner, takenOverFrom: null };

  const found = readOwner(path);
  if (found === null) {
    // The holder released it between our create and our read: one more try, no loop.
    if (tryCreate(path, owner)) return { path, owner, takenOverFrom: null };
    throw lockedError(path, readOwner(path)?.owner ?? null);
  }
  const stale = found.owner === null || (found.owner.hostname === owner.hostname && !ownerAlive(found.owner));
  if (!stale) throw lockedError(path, found.owner);

  // Take over: unlink only if the file still says what we judged stale.
  const again = readOwner(path);
  if (again !== null && again.text === found.text) unlinkSync(path);
  if (!tryCreate(path, owner)) throw lockedError(path, readOwner(path)?.owner ?? null);
  const mine = readOwner(path);
  if (mine?.owner?.nonce !== owner.nonce) throw lockedError(path, mine?.owner ?? null);
  return { path, owner, takenOverFrom: found.owner ?? { unreadable: found.text.slice(0, 200) } };
}

/** Removes the lock if it is still ours (never someone else's). */
export function releaseLock(lock: HeldLock): void {
  const wasHeld = heldLocks.delete(lock.owner.nonce);
  try {
    const current = readOwner(lock.path);
    if (current?.owner?.nonce === lock.owner.nonce) unlinkSync(lock.path);
  } finally {
    if (wasHeld && heldLocks.size === 0) watcher?.lastReleased();
  }
}

/**
 * Releases every lock this process still holds, on the way out of an interrupted command
 * (cli/interrupt.ts): Ctrl-C's default action killed `simulate`, `rollback`, `repair`, … (the writers) with
 * their LOCK in place, and the next open had to take it over (log_lock_taken_over). Synchronous:
 * it runs inside the exit. A lock that is no longer ours is left alone (releaseLock).
 */
export function releaseHeldLocks(): void {
  for (const lock of [...heldLocks.values()]) {
    try {
      releaseLock(lock);
    } catch {
      // A lock file we can no longer read or unlink: the next open judges it stale (pid gone).
    }
  }
}

function lockedError(path: string, owner: LockOwner | null): BlockLogError {
  const who = owner === null ? 'an unreadable lock file' : `pid ${owner.pid} on ${owner.hostname}`;
  return new BlockLogError('log_locked', `block log is locked by ${who} (${path}); only one writer at a time`, {
    lockFile: path,
    pid: owner?.pid ?? null,
    hostname: owner?.hostname ?? null,
  });
}
