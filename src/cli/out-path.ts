/**
 * Paths a command is told to write (export --out, audit --csv / --html, export-analytics --out):
 * the one check every such option passes before anything is written.
 *
 * - Never into the chain itself: a path that resolves (realpath, through symlinks — for a file
 *   not there yet, through its nearest existing ancestor) to the data directory, or to anything
 *   inside its events/, snapshots/ or projections/, is refused (`output_in_data_dir`). The write
 *   renames over its target, so `export --out <data>/events/segment-….log` replaced every
 *   acknowledged block, and `--out <data>/events/genesis.json` the chain's genesis.
 * - Never over an existing file unless the operator says so (`--force`): `output_exists`; never
 *   over a directory (`output_is_directory`).
 * - Only into a directory that exists (`output_directory_missing`), checked before the work.
 * - Never two options of one command onto the same file (`output_same_file`).
 * All are coded errors (exit 1), like `keys create`'s key_file_exists.
 */
import { existsSync, lstatSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { CliError } from './output.js';

/** The parts of a data directory no command's output may land in (the directory itself is refused too). */
const CHAIN_PARTS: readonly string[] = ['events', 'snapshots', 'projections'];

export interface OutputPathOptions {
  /** The option's name, for the message (`--out`, `--csv`, …). */
  readonly option: string;
  /** Overwrite an existing file. */
  readonly force: boolean;
}

/** Refuses `path` (a file to be written) if it lands in the chain of `dataDir` or, without force, on an existing file. */
export function checkOutputFile(path: string, dataDir: string, options: OutputPathOptions): void {
  checkOutsideChain(path, dataDir, options.option);
  if (existsSync(path) && statSync(path).isDirectory()) {
    // --force replaces a file; a directory in the way is a mistaken path, not something to replace.
    throw new CliError('output_is_directory', `${options.option} ${path} is a directory; name a file`, { path, option: options.option });
  }
  if (!options.force && exists(path)) {
    throw new CliError('output_exists', `${options.option} ${path} exists; give --force to overwrite it`, { path, option: options.option });
  }
  // Before the work, not after it: a missing directory was found only at the write, after the
  // replay or audit (hours on a mainnet-sized chain), and named by its temporary file
  // ("ENOENT … open 'x.json.18732.tmp'", QA of 2026-12-06).
  const parent = dirname(resolve(path));
  if (!isDirectory(parent)) {
    throw new CliError('output_directory_missing', `${options.option} ${path}: ${parent} is not an existing directory; create it first`, { path, directory: parent, option: options.option });
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Refuses two options of one command that name the same file (`output_same_file`), compared as
 * they resolve (through symlinks; a file not there yet through its nearest existing ancestor):
 * each would be written and the last rename would win, so `audit --csv r --html r` exited 0
 * with the mismatch CSV silently lost (QA of 2026-12-06).
 */
export function checkDistinctOutputFiles(files: ReadonlyArray<readonly [option: string, path: string | undefined]>): void {
  const seen = new Map<string, string>();
  for (const [option, path] of files) {
    if (path === undefined) continue;
    const target = realPath(path);
    const earlier = seen.get(target);
    if (earlier !== undefined) throw new CliError('output_same_file', `${earlier} and ${option} both name ${path}: one would replace the other; give each its own file`, { path, resolved: target, options: [earlier, option] });
    seen.set(target, option);
  }
}

/** Refuses `dir` (a directory files are written into) if it is, or lies in, the chain of `dataDir`; and, without force, if one of `names` already exists in it. */
export function checkOutputDirectory(dir: string, dataDir: string, names: readonly string[], options: OutputPathOptions): void {
  checkOutsideChain(dir, dataDir, options.option);
  const existing = names.map((name) => join(dir, name)).filter(exists);
  if (!options.force && existing.length > 0) {
    throw new CliError('output_exists', `${options.option} ${dir} already holds ${existing.map((file) => basename(file)).join(', ')}; give --force to overwrite them`, { path: dir, option: options.option, files: existing });
  }
}

function checkOutsideChain(path: string, dataDir: string, option: string): void {
  const target = realPath(path);
  const home = realPath(dataDir);
  const part = target === home ? '' : CHAIN_PARTS.find((name) => within(target, realPath(join(dataDir, name))));
  if (part === undefined) return;
  const what = part === '' ? 'the data directory itself' : `the data directory's ${part}/`;
  const resolved = target === resolve(path) ? '' : ` resolves to ${target}, which is`;
  throw new CliError('output_in_data_dir', `${option} ${path}${resolved} inside ${what} (${dataDir}): writing there would replace the chain's own files; choose a path outside it`, { path, resolved: target, data_dir: dataDir, option });
}

/** Whether anything (a file, a directory, even a dangling symlink) is at `path`. */
function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where `path` really is: realpath of the path, or of its nearest existing ancestor with the
 * rest appended (a file not yet written, in a directory reached through a symlink). A dangling
 * symlink is its own place: the write replaces the link, not what it names.
 */
function realPath(path: string): string {
  const absolute = resolve(path);
  if (existsSync(absolute)) return realpathSync(absolute);
  const parent = dirname(absolute);
  return parent === absolute ? absolute : join(realPath(parent), basename(absolute));
}

function within(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
