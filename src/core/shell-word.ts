/**
 * A value as one POSIX shell word, for the commands messages tell an operator to run: as is when
 * it needs no quoting, else in single quotes (a quote inside as '\''). Examples: /srv/chain →
 * /srv/chain; /srv/my chain → '/srv/my chain'; postgres://u:***@h/db → 'postgres://u:***@h/db'.
 */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}
