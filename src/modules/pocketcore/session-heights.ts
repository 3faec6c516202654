/**
 * Session heights (PROTOCOL §3.1; x/pocketcore/keeper/session.go:54-84).
 *
 * With BPS = pos/BlocksPerSession, sessions start ("session block height", SBH) at
 * 1, 1+BPS, 1+2·BPS, … — the heights with h mod BPS == 1 — and end at SBH + BPS − 1.
 *
 *   latestSessionHeight(h) = h − BPS + 1           if h mod BPS == 0 (the last block of a session)
 *                          = floor(h / BPS)·BPS + 1 otherwise
 *
 * Worked example (BPS = 4): h = 1..4 → SBH 1; h = 5..8 → SBH 5; h = 8 → 8 − 4 + 1 = 5;
 * h = 9 → floor(9/4)·4 + 1 = 9. Session 5 ends at 8.
 *
 * DEV_NOTE: BPS is a governance param; callers pass the BPS in force at the height that
 * matters (the session start's params for a session's end; the current params for "latest").
 */

/** The first block of the session that contains height `height`. */
export function latestSessionHeight(height: number, blocksPerSession: number): number {
  if (height % blocksPerSession === 0) return height - blocksPerSession + 1;
  return Math.floor(height / blocksPerSession) * blocksPerSession + 1;
}

/** Whether `height` starts a session (h mod BPS == 1; with BPS = 1 every height does). */
export function isSessionStart(height: number, blocksPerSession: number): boolean {
  return blocksPerSession === 1 ? height >= 1 : height % blocksPerSession === 1;
}

/** Last block of the session starting at `sessionHeight`: SBH + BPS − 1. */
export function sessionEndHeight(sessionHeight: number, blocksPerSession: number): number {
  return sessionHeight + blocksPerSession - 1;
}

/** A bigint governance param as a JS number (heights and counts are JS numbers in the ledger). */
export function asCount(value: bigint): number {
  return Number(value);
}

/**
 * A height pocket-core computes in Go int64 arithmetic (a + b·c, wrapping past 2^63 − 1: Go's
 * signed overflow wraps), as a JS number. Beyond ±(2^53 − 1) it is that bound: every height a
 * chain reaches compares with it as with Go's value. Example: 1 + (2^63 − 1)·4 wraps to −3.
 */
export function int64Height(value: bigint): number {
  const wrapped = BigInt.asIntN(64, value);
  const bound = BigInt(Number.MAX_SAFE_INTEGER);
  return Number(wrapped > bound ? bound : wrapped < -bound ? -bound : wrapped);
}
