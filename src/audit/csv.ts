/**
 * The audit's CSV files (RFC 4180 quoting, a header row): the mismatches (`audit --csv`), and
 * every line the audit derived with its inputs (`audit --lines-csv`, written as the walk goes:
 * a mainnet range has millions of lines, more than a summary should hold).
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { decimalPid, removeDeadWritersLeftovers } from '../runtime/dead-leftovers.js';
import { LINE_COLUMNS, lineRow } from './line-rows.js';
import type { ExpectedLine } from './independent/shadow.js';
import type { AuditSummary } from './summary.js';

const quote = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

const csvRow = (values: ReadonlyArray<string | number | null>): string => values.map(quote).join(',');

export function auditCsv(summary: AuditSummary): string {
  const rows = [['height', 'account', 'line', 'expected', 'recorded'].join(',')];
  for (const m of summary.mismatch_list) rows.push(csvRow([m.height, m.account, m.line, m.expected, m.recorded]));
  return rows.join('\n') + '\n';
}

/**
 * Removes `<file>.tmp-<pid>` left beside `file` by audits that are gone: Ctrl-C or SIGTERM stops
 * an audit by the signal's default action (its walk is synchronous: cli/interrupt.ts), so its
 * temporary file stays; a writer still running (its pid alive) keeps its own. As snapshot
 * temp files are removed at open (snapshot.ts removeStaleTemps); what is removed, and what never
 * is: runtime/dead-leftovers.ts.
 */
function removeDeadWritersTemps(file: string): void {
  const prefix = `${basename(file)}.tmp-`;
  const pidOf = (name: string): number | undefined => (name.startsWith(prefix) ? decimalPid(name.slice(prefix.length)) : undefined);
  removeDeadWritersLeftovers(dirname(file), { kind: 'file', pidOf });
}

/**
 * Writes each line as it is derived, buffered (one write per ~64 KiB, not per line), into a
 * temporary file that `close` renames over `file` when the audit is done — a failed audit
 * (`abandon`) leaves no half-written CSV that reads like a complete one.
 */
export class LinesCsvWriter {
  private readonly fd: number;
  private readonly temp: string;
  private buffer: string[] = [];
  private size = 0;
  rows = 0;

  constructor(private readonly file: string) {
    removeDeadWritersTemps(file);
    this.temp = `${file}.tmp-${process.pid}`;
    this.fd = openSync(this.temp, 'w');
    this.push(LINE_COLUMNS.join(','));
  }

  line(height: number, line: ExpectedLine): void {
    const row = lineRow(height, line);
    this.push(csvRow(LINE_COLUMNS.map((c) => row[c])));
    this.rows++;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
    renameSync(this.temp, this.file);
  }

  abandon(): void {
    closeSync(this.fd);
    rmSync(this.temp, { force: true });
  }

  private push(text: string): void {
    this.buffer.push(text);
    this.size += text.length + 1;
    if (this.size >= 65_536) this.flush();
  }

  private flush(): void {
    if (this.buffer.length > 0) writeSync(this.fd, this.buffer.join('\n') + '\n');
    this.buffer = [];
    this.size = 0;
  }
}
