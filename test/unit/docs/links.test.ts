/**
 * Goal: the documentation has no dead ends — every relative link in the repository's Markdown
 * (README.md, docs/, bench/NOTES.md, the data directories' READMEs, the fixtures' sources)
 * names a file that exists, and every #fragment a heading of its target as GitHub renders it.
 * Method: test/helpers/markdown-links.ts over the working tree; the checker itself is shown to
 * catch each kind of dead link on planted texts.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { brokenLinks, headingAnchors, linksOf, markdownFiles } from '../../helpers/markdown-links.js';
import { repoRoot } from '../../helpers/paths.js';

const test = suite('documentation links');

test('every relative link and anchor in the Markdown files leads somewhere', () => {
  const files = markdownFiles(repoRoot());
  assert.ok(files.includes('README.md') && files.includes('docs/audit.md') && files.includes('bench/NOTES.md'), files.join(', '));
  const { links, broken } = brokenLinks(repoRoot());
  assert.ok(links >= 30, `only ${links} links found: the parser missed most of them`);
  assert.equal(broken.map((b) => `${b.file}:${b.line} (${b.target}): ${b.problem}`), []);
});

test('README links to every document under docs/', () => {
  const readme = readFileSync(join(repoRoot(), 'README.md'), 'utf8');
  const linked = new Set(linksOf('README.md', readme).map((l) => l.target.split('#')[0]));
  const documents = markdownFiles(repoRoot()).filter((f) => f.startsWith('docs/'));
  assert.ok(documents.length >= 10, documents.join(', '));
  assert.equal(documents.filter((d) => !linked.has(d)), [], 'documents nobody can find from the README');
});

test('anchors are GitHub’s: punctuation dropped, spaces to hyphens, repeats numbered', () => {
  const anchors = headingAnchors(['# History: snapshots, verify, rollback, export/import', '## Goals (issue 14) and their formulas', '## Real clients (pocketjs)', '### Notes', '### Notes', '```', '# not a heading', '```'].join('\n'));
  assert.equal([...anchors], ['history-snapshots-verify-rollback-exportimport', 'goals-issue-14-and-their-formulas', 'real-clients-pocketjs', 'notes', 'notes-1']);
});

test('links inside code are not links', () => {
  const text = ['[a](x.md) and `[b](y.md)`', '```', '[c](z.md)', '```', '[d](w.md#e "title")'].join('\n');
  assert.equal(linksOf('f.md', text).map((l) => [l.line, l.target]), [[1, 'x.md'], [5, 'w.md#e']]);
});

test('the checker names a missing file, a missing heading, a fragment on a non-Markdown file and an escape', () => {
  const root = mkdtempSync(join(tmpdir(), 'pokt-ledger-links-'));
  try {
    mkdirSync(join(root, 'docs'));
    writeFileSync(join(root, 'docs', 'a.md'), '# A\n\n## Part one\n');
    writeFileSync(join(root, 'data.json'), '{}');
    const readme = [
      '[ok](docs/a.md) [ok](docs/a.md#part-one) [ok](#top) [ok](https://example.com/x#y) [ok](docs/)',
      '[gone](docs/b.md)',
      '[no heading](docs/a.md#part-two)',
      '[fragment on json](data.json#x)',
      '[outside](../etc/passwd)',
      '[own heading missing](#nowhere)',
      '# Top',
    ].join('\n');
    writeFileSync(join(root, 'README.md'), readme);
    const { links, broken } = brokenLinks(root);
    assert.is(links, 10);
    assert.equal(
      broken.map((b) => [b.line, b.problem]),
      [
        [2, 'docs/b.md does not exist'],
        [3, 'docs/a.md has no heading #part-two'],
        [4, '#x on data.json, which is not a Markdown file'],
        [5, 'leads outside the repository'],
        [6, 'README.md has no heading #nowhere'],
      ],
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test.run();
