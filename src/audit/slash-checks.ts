/**
 * Slash checks: what the shadow's own slashing derived at a height (independent/shadow.ts,
 * signing.ts — downtime slashes and jails, double-sign slashes, force unstakes for
 * MaxJailedBlocks) against the recorded rap sheet, both ways, and the amounts of the slashes
 * both sides have. Matched by (line, node) and order of occurrence:
 *
 *   derived, not recorded → `slash/downtime:derived` expected <burn> recorded none
 *   recorded, not derived → `slash/double_sign:derived` expected none recorded <burn>
 *   both, other amount    → `slash/downtime` expected <burn> recorded <burn>
 *   jails                 → `jail/downtime:derived` jailed / none
 *   force unstakes        → `force_unstake/max_jailed_blocks` queued / none
 *   unjails               → `unjail:derived` unjailed / none (the shadow's delivered Unjail
 *                           txs against the `unjailed` rows: the report itemises the unjails
 *                           as compared with the rap sheet, so a deleted or added row is named)
 *
 * (Force unstakes for a stake below the minimum are stake-checks.ts's.)
 */
import type { Mismatch } from './compare.js';
import type { DerivedEvent } from './independent/shadow.js';
import type { RecordedRap } from './recorded.js';

const NONE = 'none';

interface Side {
  readonly address: string;
  readonly line: string;
  readonly amount: bigint | null;
}

/** The rap rows the shadow derives itself, as lines. */
function recordedSide(rap: readonly RecordedRap[]): Side[] {
  const out: Side[] = [];
  for (const r of rap) {
    if (r.kind === 'slashed') out.push({ address: r.address, line: `slash/${r.reason ?? ''}`, amount: r.amount ?? 0n });
    else if (r.kind === 'jailed' && (r.reason ?? '').startsWith('downtime')) out.push({ address: r.address, line: 'jail/downtime', amount: null });
    else if (r.kind === 'force_unstake' && r.reason === 'max_jailed_blocks') out.push({ address: r.address, line: 'force_unstake/max_jailed_blocks', amount: null });
    else if (r.kind === 'unjailed') out.push({ address: r.address, line: 'unjail', amount: null });
  }
  return out;
}

function keyed(sides: readonly Side[]): Map<string, Side> {
  const out = new Map<string, Side>();
  const seen = new Map<string, number>();
  for (const side of sides) {
    const base = `${side.line}|${side.address}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.set(`${base}#${n}`, side);
  }
  return out;
}

function shown(side: Side): string {
  if (side.line.startsWith('slash/')) return String(side.amount);
  if (side.line === 'unjail') return 'unjailed';
  return side.line.startsWith('jail/') ? 'jailed' : 'queued';
}

/**
 * Every difference between the derived and the recorded slashing outcomes of height h, and
 * between the Unjails the shadow delivered (`unjailed`) and the recorded ones (in scope: `about`).
 */
export function compareSlashing(h: number, derived: readonly DerivedEvent[], rap: readonly RecordedRap[], about: (address: string) => boolean, unjailed: readonly string[] = []): Mismatch[] {
  const unjails: Side[] = unjailed.map((address) => ({ address, line: 'unjail', amount: null }));
  const own = keyed([...derived, ...unjails].filter((d) => about(d.address)));
  const recorded = keyed(recordedSide(rap).filter((r) => about(r.address)));
  const mismatches: Mismatch[] = [];
  const presence = (line: string): string => (line.startsWith('force_unstake/') ? line : `${line}:derived`);
  for (const [key, mine] of own) {
    const theirs = recorded.get(key);
    if (theirs === undefined) mismatches.push({ height: h, account: mine.address, line: presence(mine.line), expected: shown(mine), recorded: NONE });
    else if (mine.amount !== theirs.amount) mismatches.push({ height: h, account: mine.address, line: mine.line, expected: String(mine.amount), recorded: String(theirs.amount) });
  }
  for (const [key, theirs] of recorded) {
    if (!own.has(key)) mismatches.push({ height: h, account: theirs.address, line: presence(theirs.line), expected: NONE, recorded: shown(theirs) });
  }
  return mismatches;
}
