/**
 * The `pokt-ledger …` command lines the documentation shows, and the options they name that the
 * CLI does not have. A command line is code — an inline code span (which may wrap over lines) or
 * a line of a fenced block — starting at `pokt-ledger <command> [<subcommand>]` (or `npm start --`,
 * which runs `start`), or an inline span that starts with a command's own name and an option
 * (`verify --against DIR2`; not `node …`, which may be Node.js itself), and running to the end of
 * the span or line, a shell comment (` #`), `;` or `&&`. Every `--option` in it must be a long
 * flag of that command (its `--no-x` forms included) or `--help`; a first word that is no command
 * is reported too, so a renamed command cannot leave its old name behind. A fenced `$ …` line
 * whose next line is `error [...]` shows a usage error on purpose and is left alone. Prose is not
 * read: words there are free to mean anything.
 */
import type { Command } from 'commander';

export interface DocCommand {
  readonly file: string;
  readonly line: number;
  /** The command words as the text gives them (`calc mint-rate`). */
  readonly command: string;
  readonly options: readonly string[];
}

export interface DocCommandProblem extends DocCommand {
  readonly problem: string;
}

interface CodePiece {
  readonly line: number;
  readonly code: string;
  readonly inline: boolean;
}

/** Code of a Markdown text: each fenced block line, and each inline span, with its 1-based line. */
function codePieces(text: string): CodePiece[] {
  const pieces: CodePiece[] = [];
  const lines = text.split('\n');
  let fenced = false;
  const prose: string[] = [];
  lines.forEach((line, index) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      prose.push('');
      return;
    }
    if (fenced) {
      const showsError = /^\$ /.test(line) && /^error \[/.test(lines[index + 1] ?? '');
      if (!showsError) pieces.push({ line: index + 1, code: line, inline: false });
      prose.push('');
    } else prose.push(line);
  });
  const proseText = prose.join('\n');
  for (const match of proseText.matchAll(/`([^`]+)`/g)) {
    const line = proseText.slice(0, match.index).split('\n').length;
    pieces.push({ line, code: match[1]!.replace(/\s*\n\s*/g, ' '), inline: true });
  }
  return pieces.sort((a, b) => a.line - b.line);
}

/** The options named in a command line's text (up to a comment, `;` or `&&`). */
function optionsOf(text: string): string[] {
  const line = text.split(/\s#|;|&&/)[0]!;
  return [...line.matchAll(/(?<![\w-])(--[a-z][a-z0-9-]*)/g)].map((m) => m[1]!);
}

/**
 * Every command line in a Markdown text (see the file's comment). `commandNames`: the CLI's
 * top-level commands, for the spans that start with one without saying `pokt-ledger`.
 */
export function docCommands(file: string, text: string, commandNames: ReadonlySet<string> = new Set()): DocCommand[] {
  const found: DocCommand[] = [];
  for (const { line, code, inline } of codePieces(text)) {
    let matched = false;
    for (const match of code.matchAll(/(?:\bpokt-ledger|\bnpm start --)((?:\s+[a-z][a-z0-9-]*)*)(.*)/g)) {
      matched = true;
      const isStart = match[0].startsWith('npm start');
      const words = (match[1] ?? '').trim().split(/\s+/).filter((w) => w !== '');
      const options = optionsOf(`${match[1]} ${match[2] ?? ''}`);
      const command = isStart ? 'start' : words.slice(0, 2).join(' ');
      if (command === '' && options.length === 0) continue; // the bare program name
      found.push({ file, line, command, options });
    }
    if (matched || !inline) continue;
    const bare = /^([a-z][a-z-]*)((?:\s+[a-z][a-z0-9-]*)?)\s+--[a-z]/.exec(code);
    if (bare === null || bare[1] === 'node' || !commandNames.has(bare[1]!)) continue;
    found.push({ file, line, command: `${bare[1]}${bare[2] ?? ''}`.trim(), options: optionsOf(code) });
  }
  return found;
}

/** The long flags a command accepts, `--no-x` forms and `--help` included. */
function longFlags(command: Command): Set<string> {
  const flags = new Set<string>(['--help']);
  for (const option of command.options) {
    if (option.long !== undefined) flags.add(option.long);
  }
  return flags;
}

/** What is wrong with each command line: an unknown command, or options the command lacks. */
export function docCommandProblems(program: Command, commands: readonly DocCommand[]): DocCommandProblem[] {
  const problems: DocCommandProblem[] = [];
  for (const doc of commands) {
    const words = doc.command.split(' ').filter((w) => w !== '');
    if (words.length === 0) {
      const unknown = doc.options.filter((o) => !longFlags(program).has(o) && o !== '--version');
      if (unknown.length > 0) problems.push({ ...doc, problem: `pokt-ledger has no option ${unknown.join(', ')}` });
      continue;
    }
    const top = program.commands.find((c) => c.name() === words[0]);
    if (top === undefined) {
      problems.push({ ...doc, problem: `no command ${words[0]}` });
      continue;
    }
    const sub = words[1] === undefined ? undefined : top.commands.find((c) => c.name() === words[1]);
    const target = sub ?? top;
    if (target.commands.length > 0 && doc.options.some((o) => o !== '--help')) {
      problems.push({ ...doc, problem: `pokt-ledger ${words[0]} needs a command (${target.commands.map((c) => c.name()).join(', ')})` });
      continue;
    }
    const flags = longFlags(target);
    const unknown = doc.options.filter((o) => !flags.has(o));
    if (unknown.length > 0) problems.push({ ...doc, problem: `pokt-ledger ${target === top ? words[0] : `${words[0]} ${words[1]}`} has no option ${unknown.join(', ')}` });
  }
  return problems;
}
