/**
 * Goal: every snake_case name the documentation quotes as code — an error code
 * (`projection_missing`), a JSON field (`start_seconds`), a table (`reward_lines`), a benchmark
 * line's field (`ratio_to_limit`) — is still a name the program uses: a code or field renamed or
 * removed cannot stay in README.md or docs/ (a reader matching on it would wait for a name that
 * never comes).
 * Method: every `inline_code` span of the README and docs/*.md that is one snake_case word is
 * looked up, as text, in the source under src/ and bench/; the few names that are someone
 * else's (quoted to say so) are listed with why. The checker is shown on a planted text to name
 * an unknown one and to leave prose, fenced blocks and other code spans alone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { markdownFiles } from '../../helpers/markdown-links.js';
import { repoRoot } from '../../helpers/paths.js';

const test = suite('documentation: quoted names');

/** Names the documents quote that are not ours. */
const NOT_OURS: ReadonlyMap<string, string> = new Map([
  ['total_count', "the pocketjs SDK's expected field, quoted in docs/projections.md as its fault (pocket-core answers total_txs)"],
]);

interface QuotedName {
  readonly file: string;
  readonly line: number;
  readonly name: string;
}

/** The one-word snake_case code spans of a Markdown text, outside fenced blocks. */
function quotedNames(file: string, text: string): QuotedName[] {
  const names: QuotedName[] = [];
  let fenced = false;
  text.split('\n').forEach((line, index) => {
    if (/^\s*```/.test(line)) {
      fenced = !fenced;
      return;
    }
    if (fenced) return;
    for (const match of line.matchAll(/`([a-z][a-z0-9]*(?:_[a-z0-9]+)+)`/g)) names.push({ file, line: index + 1, name: match[1] as string });
  });
  return names;
}

/** Every source file's text under the given directories (TypeScript, SQL, JSON), joined. */
function sourceText(root: string, dirs: readonly string[]): string {
  const parts: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'results') walk(path);
      } else if (/\.(ts|sql|json)$/.test(entry.name)) parts.push(readFileSync(path, 'utf8'));
    }
  };
  for (const dir of dirs) walk(join(root, dir));
  return parts.join('\n');
}

function unknownNames(names: readonly QuotedName[], source: string): string[] {
  return names.filter((n) => !NOT_OURS.has(n.name) && !source.includes(n.name)).map((n) => `${n.file}:${n.line}: \`${n.name}\``);
}

test('every snake_case name README.md and docs/ quote as code is one the program uses', () => {
  const root = repoRoot();
  const files = markdownFiles(root).filter((f) => f === 'README.md' || f.startsWith('docs/'));
  const names = files.flatMap((file) => quotedNames(file, readFileSync(join(root, file), 'utf8')));
  assert.ok(new Set(names.map((n) => n.name)).size >= 100, `only ${names.length} quoted names found: the parser missed most of them`);
  assert.equal(unknownNames(names, sourceText(root, ['src', 'bench'])), []);
});

test('the checker names an unknown quoted name and leaves prose, fences and other spans alone', () => {
  const text = [
    'A missing projection is `projection_missing`; a renamed code is `projection_gone`.',
    'In prose, projection_vanished is not quoted; `projection_missing.details` and `--no-serve` are not one name.',
    '```',
    'error [`fenced_name`]: `also_fenced`',
    '```',
    'The SDK wants `total_count`.',
  ].join('\n');
  const names = quotedNames('x.md', text);
  assert.equal(names.map((n) => [n.line, n.name]), [[1, 'projection_missing'], [1, 'projection_gone'], [6, 'total_count']]);
  assert.equal(unknownNames(names, 'code: "projection_missing"'), ['x.md:1: `projection_gone`']);
});

test.run();
