/**
 * Which chain an asynchronous read store's height-keyed caches may keep a value of (the
 * PostgreSQL store: its reads of one answer run in a snapshot taken before they run).
 *
 * The checkpoint watch (checkpoint-watch.ts) drops the caches when the chain they were built
 * from is gone (a rebuild with other blocks); the epoch counts those drops. A value read after a
 * drop can still be of the chain that is gone: its answer's snapshot was taken before the
 * rebuild committed, and another answer's checkpoint made the watch drop the caches while this
 * one was reading. So a read belongs to the epoch that was current when its SNAPSHOT began (not
 * when the read itself began), and its value is kept only if no drop came since.
 *
 * Example: epoch 0; answer A takes its snapshot (old chain, epoch 0); the rebuild commits;
 * answer B reads the new checkpoint, the watch drops the caches → epoch 1; A now reads the count
 * at height 90 (the old chain's: 1,204) → read in epoch 0 ≠ 1, answered to A, not kept. Taken at
 * the read instead, A's epoch would be 1 and the old chain's 1,204 would be every later
 * answer's count at 90.
 */
export class CacheEpoch {
  private count = 0;

  /** `begunIn`: the epoch the current answer's snapshot began in (undefined: the read is its own statement). */
  constructor(private readonly begunIn: () => number | undefined = () => undefined) {}

  /** The epoch now (a snapshot records it before its first statement). */
  now(): number {
    return this.count;
  }

  /** The epoch the current read belongs to: its snapshot's, else now (a read outside a snapshot sees the newest commit). */
  ofRead(): number {
    return this.begunIn() ?? this.count;
  }

  /** The caches were dropped: what reads of earlier epochs return is no longer kept. */
  next(): void {
    this.count++;
  }

  /** Whether a value read in `epoch` may be kept: no drop since. */
  keeps(epoch: number): boolean {
    return epoch === this.count;
  }
}
