/**
 * Lines of a large UTF-8 text held as bytes (a snapshot's gunzipped content), one string per
 * line. PERF: half the time of decoding the whole text to one string and splitting it (53 MB:
 * ~430 → ~225 ms), and no limit from V8's longest string (~512 MB).
 */

export const NEWLINE = 0x0a;

/** Visits each line of `bytes[from, to)` in order, without its newline; a last line without one too. */
export function forEachLine(bytes: Buffer, from: number, to: number, visit: (line: string, index: number) => void): void {
  let index = 0;
  for (let start = from; start < to; index++) {
    const newline = bytes.indexOf(NEWLINE, start);
    const end = newline < 0 || newline > to ? to : newline;
    visit(bytes.toString('utf8', start, end), index);
    start = end + 1;
  }
}
