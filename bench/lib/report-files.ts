/**
 * The benchmark report's files: read what a run saved (bench/results/latest/<name>.json and
 * machine.json; the history in bench/results/<name>.jsonl), write latest/report.html, and — where
 * Debian's Chromium is installed — the two pictures the README shows: latest/report-goals.png, its
 * first chart (every goal of the run as a share of it), and latest/report-history.png, the goals
 * not met or on the line over every full run.
 *
 * Nothing unreadable is skipped silently: a malformed line, a file that is not what it should be,
 * becomes a problem the page states (and the caller prints), never a shorter history that looks
 * whole.
 */
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BenchUsageError } from './args.js';
import { CHROMIUM, launchDebianChromium } from './chromium.js';
import { benchReportHtml, type BenchReportInput } from './report-page.js';
import type { Machine, ResultLine } from './summary.js';


const isLine = (value: unknown): value is ResultLine => typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as Record<string, unknown>)['bench'] === 'string';

function parseJson(text: string, where: string, problems: string[]): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    problems.push(`${where}: not JSON (${(error as Error).message})`);
    return undefined;
  }
}

/** latest/<name>.json: the array of one benchmark's lines in that run. */
function readLatestLines(latestDir: string, problems: string[]): ResultLine[] {
  const lines: ResultLine[] = [];
  const files = readdirSync(latestDir).filter((file) => file.endsWith('.json') && file !== 'machine.json').sort();
  for (const file of files) {
    const value = parseJson(readFileSync(join(latestDir, file), 'utf8'), `latest/${file}`, problems);
    if (value === undefined) continue;
    if (!Array.isArray(value)) {
      problems.push(`latest/${file}: not an array of result lines`);
      continue;
    }
    value.forEach((line, i) => (isLine(line) ? lines.push(line) : problems.push(`latest/${file}[${i}]: not a result line`)));
  }
  return lines;
}

function readMachine(latestDir: string, problems: string[]): Machine | undefined {
  const file = join(latestDir, 'machine.json');
  if (!existsSync(file)) {
    problems.push('latest/machine.json: missing (the run did not save its machine)');
    return undefined;
  }
  const value = parseJson(readFileSync(file, 'utf8'), 'latest/machine.json', problems);
  return typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)['date'] === 'string' ? (value as Machine) : undefined;
}

/** Every <name>.jsonl line, file by file in name order. */
function readHistory(resultsDir: string, problems: string[]): ResultLine[] {
  const lines: ResultLine[] = [];
  for (const file of readdirSync(resultsDir).filter((name) => name.endsWith('.jsonl')).sort()) {
    readFileSync(join(resultsDir, file), 'utf8')
      .split('\n')
      .forEach((text, i) => {
        if (text.trim() === '') return;
        const value = parseJson(text, `${file}:${i + 1}`, problems);
        if (value === undefined) return;
        if (isLine(value)) lines.push(value);
        else problems.push(`${file}:${i + 1}: not a result line`);
      });
  }
  return lines;
}

/** What the report is made of, from a results directory (bench/results). */
export function readReportInput(resultsDir: string): BenchReportInput {
  const problems: string[] = [];
  const latestDir = join(resultsDir, 'latest');
  if (!existsSync(latestDir)) throw new BenchUsageError('no_saved_results', `${latestDir} does not exist: a full run (npm run bench) or a saved quick suite (npm run bench -- --quick --save) writes it`);
  const lines = readLatestLines(latestDir, problems);
  const machine = readMachine(latestDir, problems);
  return { lines, machine, history: readHistory(resultsDir, problems), problems };
}

/** Whole-file replace (tmp + rename): a killed run leaves the previous file, not half of one. */
export function replaceFile(file: string, content: string | Buffer): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, file);
}

export interface WrittenReport {
  readonly html: string;
  /** The pictures written, or why there are none (no Chromium, or it failed: the page is written either way). */
  readonly png: { readonly files: readonly string[] } | { readonly missing: string };
  readonly problems: readonly string[];
}

/** latest/report.html from the saved results, and its two pictures when Chromium can draw them. */
export async function writeBenchReport(resultsDir: string): Promise<WrittenReport> {
  const input = readReportInput(resultsDir);
  const html = join(resultsDir, 'latest', 'report.html');
  replaceFile(html, benchReportHtml(input));
  if (!existsSync(CHROMIUM)) return { html, png: { missing: `${CHROMIUM} is not installed (bash scripts/system-deps.sh installs it)` }, problems: input.problems };
  let pictures: Array<{ file: string; bytes: Buffer }>;
  try {
    pictures = (await screenshots(html)).map(({ name, bytes }) => ({ file: join(resultsDir, 'latest', name), bytes }));
  } catch (error) {
    // The previous pictures stay (none was replaced); the page itself is written.
    return { html, png: { missing: `Chromium could not draw them: ${(error as Error).message.split('\n')[0]}` }, problems: input.problems };
  }
  for (const { file, bytes } of pictures) replaceFile(file, bytes);
  return { html, png: { files: pictures.map((p) => p.file) }, problems: input.problems };
}

/**
 * `--report` (and the end of a whole suite run): draws the report, then says on `say` what it left
 * out and where it is. Returns the exit code of `--report`: 1 when anything was left out (a
 * damaged line or file, a missing machine.json) — the report is still written and names them, but
 * a script drawing it learns from the code that the history it shows is not whole — else 0.
 */
export async function drawReport(resultsDir: string, say: (line: string) => void): Promise<number> {
  const written = await writeBenchReport(resultsDir);
  for (const problem of written.problems) say(`bench report: left out ${problem}`);
  const picture = 'files' in written.png ? `, pictures ${written.png.files.join(', ')}` : ` (no pictures: ${written.png.missing})`;
  say(`bench: report written to ${written.html}${picture}`);
  return written.problems.length === 0 ? 0 : 1;
}

/** The README's pictures: an element of the page each (a history picture only when the page has one). */
const PICTURES: ReadonlyArray<{ readonly name: string; readonly selector: string }> = [
  { name: 'report-goals.png', selector: '#goals-now' },
  { name: 'report-history.png', selector: '#featured-card' },
];

/** The README's pictures as headless Chromium draws them at a laptop's width. */
async function screenshots(htmlFile: string): Promise<Array<{ name: string; bytes: Buffer }>> {
  const browser = await launchDebianChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`file://${htmlFile}`);
    await page.waitForSelector('body[data-rendered="yes"]', { timeout: 30_000 });
    const taken: Array<{ name: string; bytes: Buffer }> = [];
    for (const { name, selector } of PICTURES) {
      if ((await page.locator(selector).count()) > 0) taken.push({ name, bytes: await page.locator(selector).screenshot() });
    }
    return taken;
  } finally {
    await browser.close();
  }
}
