/**
 * Removing what killed processes left behind: a temporary file or scratch directory named with
 * its writer's pid (`<file>.tmp-<pid>` of `audit --lines-csv`, `pokt-ledger-what-if-<pid>-…` of
 * `audit --what-if`), which Ctrl-C — the signal's default action for those commands
 * (cli/interrupt.ts) — leaves for good.
 *
 * A courtesy, so it removes only what is surely a dead writer's of this user, and never fails
 * the command that tidies up:
 *   - a live pid keeps its entry (EPERM from kill(pid, 0) counts as alive: log/lock.ts
 *     processAlive); a reused pid only keeps an entry longer, never removes a live one's;
 *   - an entry another user owns is theirs: the directory may be shared (the system's temp dir)
 *     with processes of another pid namespace, alive under a pid that looks dead here; root
 *     could remove it, anyone else would fail with EACCES;
 *   - an entry of the other kind (a directory where the writer leaves a file) is not a leftover;
 *   - a removal that fails leaves the entry (the command's own work is what matters).
 */
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { processAlive } from '../log/index.js';

export interface Leftovers {
  /** The writer's pid in an entry's name, undefined for a name that is not a leftover's. */
  readonly pidOf: (name: string) => number | undefined;
  /** What a writer leaves: a file, or a directory (removed with what it holds). */
  readonly kind: 'file' | 'directory';
}

/** A pid as writers put it in a name (decimal digits only; Number() would also read '0x1f' or '1e3'). */
export function decimalPid(text: string): number | undefined {
  return /^[0-9]+$/.test(text) ? Number(text) : undefined;
}

export function removeDeadWritersLeftovers(dir: string, leftovers: Leftovers): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return; // the writer's own open says what is wrong with the directory
  }
  for (const name of names) {
    const pid = leftovers.pidOf(name);
    if (pid === undefined || !Number.isSafeInteger(pid) || pid <= 0 || processAlive(pid)) continue;
    const path = join(dir, name);
    if (isOwnLeftover(path, leftovers.kind)) removeQuietly(path);
  }
}

/** Whether `path` is of the kind a writer leaves and owned by this process's user. */
function isOwnLeftover(path: string, kind: Leftovers['kind']): boolean {
  try {
    const stat = lstatSync(path);
    const ofKind = kind === 'file' ? stat.isFile() : stat.isDirectory();
    return ofKind && (process.getuid === undefined || stat.uid === process.getuid());
  } catch {
    return false; // gone meanwhile (another writer tidied it) or unreadable: not ours to judge
  }
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // left as it is: tidying up is never the command's failure
  }
}
