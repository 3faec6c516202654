/**
 * `mkdir -p` that always ends. Node's `mkdirSync(path, { recursive: true })` never returns when a
 * parent exists but refuses children with ENOENT — `/proc/foo`: libuv retries the parent (EEXIST)
 * and the child (ENOENT) forever (QA of 2026-12-06: `init --data /proc/foo` hung). Here the
 * missing components are created one by one, parent first, with plain mkdir: such a refusal is
 * thrown as the errno error it is (ENOENT, ENOTDIR, EACCES, EROFS, ENOSPC), which the CLI reports
 * with its code. A component another process creates meanwhile (EEXIST) is fine.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export function makeDirs(path: string): void {
  const missing: string[] = [];
  let at = resolve(path);
  while (!exists(at)) {
    missing.push(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const dir of missing.reverse()) {
    try {
      mkdirSync(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  // The path itself may exist as a file: say so as mkdir would.
  if (missing.length === 0 && !statSync(at).isDirectory()) mkdirSync(at);
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
