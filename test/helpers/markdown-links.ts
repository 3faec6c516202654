/**
 * The links of the repository's Markdown files, and which of them lead nowhere: a relative path
 * that names no file or directory, or a `#fragment` that names no heading of its target (anchors
 * as GitHub renders them: github-slugger, the same slugs with `-1`, `-2` for repeated headings).
 * Web addresses are not followed (the tests run offline). Fenced code blocks and inline code
 * are not Markdown, so their brackets are not links (`a[0](b)` in a code sample).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import GithubSlugger from 'github-slugger';

/** Directories never searched for documents: dependencies, build output, test artefacts. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', '.git', 'test-output', '.cache']);

export interface MarkdownLink {
  readonly file: string;
  readonly line: number;
  readonly target: string;
}

export interface BrokenLink extends MarkdownLink {
  readonly problem: string;
}

/** Every *.md under `root` (repository-relative paths, sorted), outside SKIPPED_DIRECTORIES. */
export function markdownFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(join(dir, entry.name));
      } else if (entry.name.endsWith('.md')) found.push(relative(root, join(dir, entry.name)));
    }
  };
  walk(root);
  return found.sort();
}

/** The lines of a Markdown text with fenced code blocks blanked and inline code removed (line numbers kept). */
function proseLines(text: string): string[] {
  let fenced = false;
  return text.split('\n').map((line) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      return '';
    }
    return fenced ? '' : line.replace(/`[^`]*`/g, '');
  });
}

/** The inline links `[text](target)` of a Markdown text, with their 1-based lines. */
export function linksOf(file: string, text: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  proseLines(text).forEach((line, index) => {
    for (const match of line.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) links.push({ file, line: index + 1, target: match[1]! });
  });
  return links;
}

/** The anchors GitHub gives the headings of a Markdown text, in order. */
export function headingAnchors(text: string): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  for (const line of proseLines(text)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading !== null) anchors.add(slugger.slug(heading[1]!));
  }
  return anchors;
}

const isExternal = (target: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(target);

/** What is wrong with one link (undefined when it leads somewhere). `read` gives a file's text. */
export function linkProblem(root: string, link: MarkdownLink, read: (path: string) => string): string | undefined {
  if (isExternal(link.target)) return undefined;
  const [pathPart, fragment] = link.target.split('#', 2) as [string, string | undefined];
  const path = pathPart === '' ? resolve(root, link.file) : resolve(root, dirname(link.file), decodeURI(pathPart));
  if (!path.startsWith(resolve(root))) return 'leads outside the repository';
  if (!existsSync(path)) return `${relative(root, path)} does not exist`;
  if (fragment === undefined || fragment === '') return undefined;
  if (statSync(path).isDirectory() || !path.endsWith('.md')) return `#${fragment} on ${relative(root, path)}, which is not a Markdown file`;
  return headingAnchors(read(path)).has(fragment) ? undefined : `${relative(root, path)} has no heading #${fragment}`;
}

/** Every link of every Markdown file under `root` that leads nowhere. */
export function brokenLinks(root: string): { readonly links: number; readonly broken: BrokenLink[] } {
  const texts = new Map<string, string>();
  const read = (path: string): string => {
    let text = texts.get(path);
    if (text === undefined) texts.set(path, (text = readFileSync(path, 'utf8')));
    return text;
  };
  const broken: BrokenLink[] = [];
  let links = 0;
  for (const file of markdownFiles(root)) {
    for (const link of linksOf(file, read(resolve(root, file)))) {
      links++;
      const problem = linkProblem(root, link, read);
      if (problem !== undefined) broken.push({ ...link, problem });
    }
  }
  return { links, broken };
}
