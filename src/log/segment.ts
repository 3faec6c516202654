/** In-memory view of one segment file, and the errors that name a damaged spot in it. */
import { join } from 'node:path';
import { BlockLogError } from './errors.js';
import type { ScanDamage } from './segment-scan.js';

export interface Segment {
  readonly firstHeight: number;
  /** File name inside the log directory. */
  readonly file: string;
  /** Records in the segment (heights firstHeight … firstHeight + count − 1). */
  count: number;
  /** Bytes of complete, accepted frames (the file is never read beyond this). */
  bytes: number;
  /** Frame offsets; null until first needed (sealed segments load their index lazily). */
  offsets: number[] | null;
  /** True when offsets came from scanning the segment itself (not from an index file). */
  offsetsFromScan: boolean;
}

export const lastHeightOf = (segment: Segment): number => segment.firstHeight + segment.count - 1;

/** The error for damage found in a segment where a torn tail is not an explanation. */
export function damageError(dir: string, file: string, damage: ScanDamage, sealed: boolean, acknowledgedHeight = -1): BlockLogError {
  const path = join(dir, file);
  if (damage.problem === 'height_mismatch') {
    const found = damage.header?.height ?? -1;
    return new BlockLogError(
      'log_height_sequence_broken',
      `${path} offset ${damage.offset}: record has height ${found}, expected ${damage.expectedHeight} (${found < damage.expectedHeight ? 'duplicate or out of order' : 'gap'})`,
      { file: path, offset: damage.offset, expected: damage.expectedHeight, found },
    );
  }
  const why =
    sealed && damage.intactAfter === null
      ? 'sealed segment ends with a damaged or partial record'
      : damage.intactAfter === null && damage.expectedHeight <= acknowledgedHeight
        ? `the head record says height ${acknowledgedHeight} was acknowledged, so this is not a torn write`
        : 'intact records follow it';
  const claimed = damage.header !== null && damage.header.height !== damage.expectedHeight ? ` (its header claims height ${damage.header.height})` : '';
  return new BlockLogError(
    'log_record_corrupt',
    `${path} offset ${damage.offset}: record of height ${damage.expectedHeight} is damaged (${damage.problem}); ${why}${claimed}`,
    {
      height: damage.expectedHeight,
      file: path,
      offset: damage.offset,
      problem: damage.problem,
      headerHeight: damage.header?.height ?? null,
      intactAfter: damage.intactAfter,
      acknowledgedHeight: acknowledgedHeight >= 0 ? acknowledgedHeight : null,
    },
  );
}
