/**
 * rollback's note on the PostgreSQL projections made from a data directory.
 *
 * A PostgreSQL projection lives outside the data directory, so rollback cannot reach it;
 * `project --postgres` then refuses it (projection_ahead_of_log, or projection_other_chain once
 * the chain grew again) until it is rebuilt. Said only where one was made from this directory —
 * `project --postgres` records each in it (projection/postgres-record.ts) — and naming it; a
 * directory never projected into PostgreSQL gets no note.
 *
 * The rebuild command is given as it can be run: this data directory and each recorded URL (it
 * printed the placeholders `DIR` and `URL`; docs walk of 2026-12-07). The records hold no
 * password, so the note says where it goes. Example, one projection of /srv/d:
 *   … rebuild it with `pokt-ledger project --data /srv/d --postgres postgres://ledger@db:5432/pokt --rebuild` …
 */
import { shellWord } from '../core/shell-word.js';
import { recordedPostgresUrl } from '../projection/postgres-record.js';

/** A recorded URL (entries such as "(an unreadable record: FILE)" are not). */
const isUrl = (entry: string): boolean => /^postgres(ql)?:\/\//.test(entry);

export function postgresNote(dataDir: string, recorded: readonly string[]): string | undefined {
  if (recorded.length === 0) return undefined;
  // No password is printed, even from a record written by hand with one.
  const entries = recorded.map((entry) => (isUrl(entry) ? recordedPostgresUrl(entry) : entry));
  const one = entries.length === 1;
  const which = one ? `the PostgreSQL projection made from this directory (${entries[0]}) was not rolled back: it lives` : `the PostgreSQL projections made from this directory (${entries.join(', ')}) were not rolled back: they live`;
  const urls = entries.filter(isUrl);
  const commands = (urls.length === 0 ? ['<its URL>'] : urls).map((url) => `\`pokt-ledger project --data ${shellWord(dataDir)} --postgres ${url === '<its URL>' ? url : shellWord(url)} --rebuild\``);
  const password = `(the URL${urls.length === 1 ? '' : 's'} as recorded, without a password: add it, postgres://user:password@host/db, or set PGPASSWORD)`;
  return `${which} outside the data directory; rebuild ${one ? 'it' : 'each'} with ${commands.join('; ')} ${password} — until then project refuses ${one ? 'it' : 'them'}`;
}
