import type { ExpectedLine } from './independent/shadow.js';

/** What `runAudit` is asked to do: the data directory, the range, the scope and the extras. */
export interface AuditOptions {
  readonly dataDir: string;
  readonly from?: number;
  readonly to?: number;
  /** Only lines about this node or account are counted and reported. */
  readonly node?: string;
  /** Build or catch up the projection first (default true). */
  readonly catchUp?: boolean;
  /** Check the values held by snapshots in range (default true). */
  readonly snapshots?: boolean;
  /** Keep at most this many mismatches in the summary (default 1000; the count is exact). */
  readonly maxListed?: number;
  /** Every line derived in range and in scope, as it is derived (`audit --lines-csv` writes them). */
  readonly onLine?: (height: number, line: ExpectedLine) => void;
  /** After walked blocks: `first` is the first height walked (the chain's first block; below `from` too), `blocks` those in range. */
  readonly onProgress?: (p: { height: number; first: number; from: number; to: number; blocks: number; lines: number }) => void;
}
