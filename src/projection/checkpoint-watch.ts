/**
 * When a read store's height-keyed caches (as-of-lists.ts, per-height memos) must be dropped.
 *
 * Those caches rest on one premise: rows at or below the checkpoint never change. A rollback
 * (`rollback --to H` deletes a SQLite projection's rows above H) or a rebuild (`project
 * --rebuild`, the way back for a PostgreSQL projection) followed by OTHER blocks breaks it: the
 * same heights, other rows. A `serve` running beside them would go on answering from lists of
 * the chain that is gone.
 *
 * Each answer reads the checkpoint first (height and block hash). The watch compares it with the
 * checkpoints it has seen:
 * - past the highest one seen (H): the block at H is still the one seen iff the first block above
 *   it names it as its previous block (one row read when the checkpoint has moved, not per
 *   answer; it also covers the genesis checkpoint, which has no block row of its own); a hash
 *   chain, so every block below H is then the one seen too;
 * - at or below it: a height seen before must still have the same block hash; a height never
 *   seen is taken as a replaced chain (it may be, after a rollback; otherwise only an answer
 *   that began before the newest checkpoint lands here, and forgetting costs only time).
 * Example: seen 10 (hash a) and 12 (c); rollback to 8, blocks 9–12 made again differently; an
 * answer reads checkpoint 12 with hash c' ≠ c → the caches are forgotten. Had the same blocks
 * been made again, c' = c and the caches stay (they are still right).
 */
import { BoundedCache } from '../core/bounded-cache.js';

export interface CheckpointSeen {
  readonly height: number;
  /** The hash of the block at `height` (at genesis, the hash the first block must name as previous). */
  readonly blockHash: string;
}

/** Checkpoints remembered (height → block hash): enough to recognise an answer that began a few blocks ago. */
const REMEMBERED = 1_024;

/** What the first block above a seen checkpoint names as its previous block, as read with a newer checkpoint. */
export interface SuccessorLink {
  /** The successor's height: a seen checkpoint's height + 1. */
  readonly height: number;
  /** Its previous-block hash (undefined: no such block in the projection). */
  readonly previousHash: string | undefined;
}

export class CheckpointWatch {
  private readonly seen = new BoundedCache<number, string>(REMEMBERED);
  private highest: CheckpointSeen | undefined;

  constructor(private readonly forget: () => void) {}

  /**
   * The height of the block whose previous-block hash `observe` needs with `now`: the highest
   * checkpoint seen + 1 when `now` is past it; otherwise undefined (nothing to read).
   */
  successorNeeded(now: CheckpointSeen): number | undefined {
    return this.highest !== undefined && now.height > this.highest.height ? this.highest.height + 1 : undefined;
  }

  /**
   * Take in an answer's checkpoint; forgets the caches when the chain they were built from may
   * be gone. `link`: the block successorNeeded(now) named, read with `now` (another answer may
   * have moved the highest checkpoint since: the link is checked against the checkpoint it
   * follows, whichever that is).
   */
  observe(now: CheckpointSeen, link?: SuccessorLink): void {
    const highest = this.highest;
    if (highest !== undefined && this.replaced(highest, now, link)) {
      this.forget();
      this.seen.clear();
      this.highest = undefined;
    }
    this.seen.set(now.height, now.blockHash);
    if (this.highest === undefined || now.height >= this.highest.height) this.highest = now;
  }

  private replaced(highest: CheckpointSeen, now: CheckpointSeen, link: SuccessorLink | undefined): boolean {
    if (now.height <= highest.height) return !this.remembers(now.height, now.blockHash);
    return link === undefined || link.previousHash === undefined || !this.remembers(link.height - 1, link.previousHash);
  }

  /** Whether `blockHash` is the hash seen at `height` (false when that height is not remembered). */
  private remembers(height: number, blockHash: string): boolean {
    return this.seen.get(height) === blockHash;
  }
}
