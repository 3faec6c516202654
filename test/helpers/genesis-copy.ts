/** Damaging a data directory's genesis copy the way a file-identity check could miss. */
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import * as assert from 'uvu/assert';

/**
 * One byte of the copy changed in place (the first digit of a balance of 10000000000: same size),
 * its modification time put back: only its change time (and its checksum) tell.
 */
export function changeOneByteInPlace(copy: string): void {
  const before = statSync(copy);
  const text = readFileSync(copy, 'utf8');
  const at = text.indexOf('10000000000');
  assert.ok(at > 0, 'the balance is in the copy');
  writeFileSync(copy, `${text.slice(0, at)}2${text.slice(at + 1)}`);
  utimesSync(copy, before.atime, before.mtime);
  assert.is(statSync(copy).size, before.size);
}
