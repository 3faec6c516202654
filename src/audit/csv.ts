/** The audit's mismatches as CSV (RFC 4180 quoting), one row each, with a header. */
import type { AuditSummary } from './summary.js';

const quote = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export function auditCsv(summary: AuditSummary): string {
  const rows = [['height', 'account', 'line', 'expected', 'recorded'].join(',')];
  for (const m of summary.mismatch_list) rows.push([m.height, m.account, m.line, m.expected, m.recorded].map(quote).join(','));
  return rows.join('\n') + '\n';
}
