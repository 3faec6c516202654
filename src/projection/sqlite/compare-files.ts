/**
 * Row-by-row comparison of two SQLite projections of the same chain: the one a data directory
 * serves, and one rebuilt from the block log (../against-log.ts). SQLite's quick_check finds a
 * damaged page, not a changed value: a flipped bit inside an amount leaves a well-formed page.
 * A projection is a pure function of the log up to its checkpoint, whatever the batches it was
 * written in (two builds of `start`'s chain, one in 120 + 60 blocks and one in 180, are equal in
 * every table), so any difference is damage.
 *
 * Each table is read in primary-key order (all columns where it declares none) from both files at
 * once, with integers as bigints (no rounding above 2^53) and blobs as bytes, and the first row
 * that differs is named: its table, its key, and each side's differing columns.
 *
 * PERF: both sides are streamed (two iterators), so memory stays flat however many rows a table
 * holds; ordering by the primary key is an index walk, not a sort.
 */
import Database from 'better-sqlite3';

/** A row as SQLite hands it back with safe integers: bigint, number (REAL), string, Buffer, null. */
type Cell = bigint | number | string | Buffer | null;
type Row = Cell[];

export interface TableShape {
  readonly name: string;
  readonly columns: readonly string[];
  /** What names a row, in the order rows are read: the primary key's columns, or every column where the table declares none. */
  readonly identity: readonly string[];
}

/** Where two projections part: the first differing row of the first differing table (tables by name). */
export interface RowDifference {
  readonly table: string;
  /** The row's key (column → value as text), or every column where the table has no key. */
  readonly key: Readonly<Record<string, string>>;
  /** Column → value as text, of the columns that differ; null for a row one side does not have. */
  readonly projection: Readonly<Record<string, string>> | null;
  readonly rebuilt: Readonly<Record<string, string>> | null;
}

export interface Comparison {
  readonly tables: number;
  /** Rows compared (of the rebuilt side) up to the first difference, or all of them. */
  readonly rows: number;
  readonly difference: RowDifference | null;
}

/** Tables of a projection file, by name, with their columns and primary keys. */
function tableShapes(db: Database.Database): TableShape[] {
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return names.map((name) => {
    const info = db.prepare('SELECT name, pk FROM pragma_table_info(?) ORDER BY cid').all(name) as Array<{ name: string; pk: number }>;
    const key = info.filter((column) => column.pk > 0).sort((a, b) => a.pk - b.pk).map((column) => column.name);
    const columns = info.map((column) => column.name);
    return { name, columns, identity: key.length > 0 ? key : columns };
  });
}

const quoted = (name: string): string => `"${name.replaceAll('"', '""')}"`;

function orderedRows(db: Database.Database, table: TableShape): IterableIterator<Row> {
  const order = table.identity.map(quoted).join(', ');
  const columns = table.columns.map(quoted).join(', ');
  return db.prepare(`SELECT ${columns} FROM ${quoted(table.name)} ORDER BY ${order}`).raw(true).safeIntegers(true).iterate() as IterableIterator<Row>;
}

function sameCell(a: Cell, b: Cell): boolean {
  if (Buffer.isBuffer(a) || Buffer.isBuffer(b)) return Buffer.isBuffer(a) && Buffer.isBuffer(b) && a.equals(b);
  return typeof a === typeof b && (a === b || (Number.isNaN(a) && Number.isNaN(b)));
}

/** A cell as text for a report: blobs as hex, the rest as SQLite would print them. */
function cellText(cell: Cell): string {
  if (cell === null) return 'NULL';
  if (Buffer.isBuffer(cell)) return `x'${cell.toString('hex')}'`;
  return String(cell);
}

function columnsOf(table: TableShape, row: Row, pick: (index: number) => boolean): Record<string, string> {
  const out: Record<string, string> = {};
  table.columns.forEach((column, index) => {
    if (pick(index)) out[column] = cellText(row[index] ?? null);
  });
  return out;
}

function keyOf(table: TableShape, row: Row): Record<string, string> {
  const identity = new Set(table.identity);
  return columnsOf(table, row, (index) => identity.has(table.columns[index]!));
}

/** Which of two rows comes first in the table's order (the same order SQLite sorted them in, for keys of one type). */
function compareKeys(table: TableShape, a: Row, b: Row): number {
  const indexes = table.identity.map((column) => table.columns.indexOf(column));
  for (const index of indexes) {
    const x = a[index] ?? null;
    const y = b[index] ?? null;
    if (sameCell(x, y)) continue;
    if (x === null) return -1;
    if (y === null) return 1;
    if (Buffer.isBuffer(x) && Buffer.isBuffer(y)) return Buffer.compare(x, y);
    // Keys are ASCII text or integers here, where JavaScript's order is SQLite's; for other text
    // it only decides which side's row is named as the extra one — a difference either way.
    return x < y ? -1 : 1;
  }
  return 0;
}

/** The first difference between two rows in the same place of the same table, or null. */
function rowDifference(table: TableShape, projection: Row | undefined, rebuilt: Row | undefined): RowDifference | null {
  if (projection === undefined && rebuilt === undefined) return null;
  if (projection !== undefined && rebuilt !== undefined) {
    const order = compareKeys(table, projection, rebuilt);
    if (order === 0) {
      const differing = table.columns.map((_, index) => !sameCell(projection[index] ?? null, rebuilt[index] ?? null));
      if (!differing.includes(true)) return null;
      return { table: table.name, key: keyOf(table, rebuilt), projection: columnsOf(table, projection, (i) => differing[i]!), rebuilt: columnsOf(table, rebuilt, (i) => differing[i]!) };
    }
    // Different keys: the side whose key comes first has a row the other lacks.
    return order < 0 ? extraRow(table, projection, 'projection') : extraRow(table, rebuilt, 'rebuilt');
  }
  return projection !== undefined ? extraRow(table, projection, 'projection') : extraRow(table, rebuilt!, 'rebuilt');
}

function extraRow(table: TableShape, row: Row, side: 'projection' | 'rebuilt'): RowDifference {
  const all = columnsOf(table, row, () => true);
  return { table: table.name, key: keyOf(table, row), projection: side === 'projection' ? all : null, rebuilt: side === 'rebuilt' ? all : null };
}

/** Compares `table` in both files; the rows compared and the first difference. */
function compareTable(projection: Database.Database, rebuilt: Database.Database, table: TableShape, onRow: () => void): { rows: number; difference: RowDifference | null } {
  const left = orderedRows(projection, table);
  const right = orderedRows(rebuilt, table);
  let rows = 0;
  try {
    for (;;) {
      const a = left.next();
      const b = right.next();
      const difference = rowDifference(table, a.done === true ? undefined : a.value, b.done === true ? undefined : b.value);
      if (difference !== null) return { rows, difference };
      if (a.done === true && b.done === true) return { rows, difference: null };
      rows++;
      onRow();
    }
  } finally {
    left.return?.();
    right.return?.();
  }
}

/** A table one side has and the other does not, or with other columns. */
function shapeDifference(projection: TableShape | undefined, rebuilt: TableShape | undefined): RowDifference | null {
  const name = (projection ?? rebuilt)!.name;
  const columns = (shape: TableShape | undefined): Record<string, string> | null => (shape === undefined ? null : { columns: shape.columns.join(', ') });
  if (projection !== undefined && rebuilt !== undefined && projection.columns.join('\u0000') === rebuilt.columns.join('\u0000') && projection.identity.join('\u0000') === rebuilt.identity.join('\u0000')) return null;
  return { table: name, key: {}, projection: columns(projection), rebuilt: columns(rebuilt) };
}

/**
 * Compares every table of `projection` with `rebuilt` and returns the first difference, tables
 * taken by name. `onRow` is called for every row that matched. The caller opens both (read
 * only); a projection a live writer may move on is read inside one transaction (against-log.ts).
 */
export function compareProjections(projection: Database.Database, rebuilt: Database.Database, onRow: () => void = () => undefined): Comparison {
  const left = new Map(tableShapes(projection).map((table) => [table.name, table]));
  const right = new Map(tableShapes(rebuilt).map((table) => [table.name, table]));
  const names = [...new Set([...left.keys(), ...right.keys()])].sort();
  let rows = 0;
  for (const name of names) {
    const shape = shapeDifference(left.get(name), right.get(name));
    if (shape !== null) return { tables: names.length, rows, difference: shape };
    const compared = compareTable(projection, rebuilt, right.get(name)!, onRow);
    rows += compared.rows;
    if (compared.difference !== null) return { tables: names.length, rows, difference: compared.difference };
  }
  return { tables: names.length, rows, difference: null };
}

/** Rows of every table of a projection (the comparison's progress total). */
export function countRows(db: Database.Database): number {
  return tableShapes(db).reduce((sum, table) => sum + Number(db.prepare(`SELECT count(*) FROM ${quoted(table.name)}`).pluck().get()), 0);
}
