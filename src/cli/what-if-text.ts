/**
 * `audit --what-if` for people: the totals as signed POKT, the tx outcomes that change, then the
 * nodes whose figures change most (by |rewards| + |burns|, then address). `--json` keeps every
 * node and tx with the exact uPOKT (audit/what-if.ts WhatIfReport); this text only presents it.
 *
 * Example (a lower RelaysToTokensMultiplier from height 50):
 *   what-if pos/RelaysToTokensMultiplier=485@50, heights 50–120:
 *     total: rewards -246.007952 POKT, burns 0 POKT, jailings 0; supply -273.372792 POKT
 *     tx outcomes that change: 0
 *     nodes changed: 46 (the 30 largest changes; --json lists every one)
 *       04a37b39…: rewards -1.659281 POKT, burns 0 POKT, jailings 0
 */
import type { WhatIfReport } from '../audit/what-if.js';
import { poktText } from '../core/pokt-text.js';
import { grouped, heightRange } from './output.js';

/** How many nodes and changed txs the text lists (the rest: --json). */
export const WHAT_IF_SHOWN = 30;

/** A signed change: "+1.5 POKT", "-246.007952 POKT", "0 POKT". */
export function signedPokt(upokt: string): string {
  const value = BigInt(upokt);
  return `${value > 0n ? '+' : ''}${poktText(value)}`;
}

const signedCount = (n: number): string => (n > 0 ? `+${grouped(n)}` : grouped(n));
const magnitude = (upokt: string): bigint => (upokt.startsWith('-') ? -BigInt(upokt) : BigInt(upokt));

type NodeChange = WhatIfReport['nodes'][number];

/** Largest change first; equal changes in address order (a deterministic listing). */
function byChange(a: NodeChange, b: NodeChange): number {
  const sizeA = magnitude(a.rewards_delta_upokt) + magnitude(a.burns_delta_upokt);
  const sizeB = magnitude(b.rewards_delta_upokt) + magnitude(b.burns_delta_upokt);
  if (sizeA !== sizeB) return sizeA > sizeB ? -1 : 1;
  return a.address < b.address ? -1 : a.address > b.address ? 1 : 0;
}

const moreText = (count: number, shown: number, what: string): string => (count > shown ? ` (the ${shown} ${what}; --json lists every one)` : '');

export function whatIfText(report: WhatIfReport, shown = WHAT_IF_SHOWN): string {
  const t = report.total;
  const overrides = report.overrides.map((o) => `${o.key}=${o.value}@${o.height}`).join(', ');
  const lines = [
    `what-if ${overrides}, heights ${heightRange(report.from, report.to)}:`,
    `  total: rewards ${signedPokt(t.rewards_delta_upokt)}, burns ${signedPokt(t.burns_delta_upokt)}, jailings ${signedCount(t.jailings_delta)}; supply ${signedPokt(t.supply_delta_upokt)}`,
    `  tx outcomes that change: ${grouped(report.changed_txs.length)}${moreText(report.changed_txs.length, shown, 'first')}`,
    ...report.changed_txs.slice(0, shown).map((tx) => `    block ${tx.height}, tx ${tx.index}: ${tx.recorded} → ${tx.what_if}`),
    `  nodes changed: ${grouped(report.nodes.length)}${moreText(report.nodes.length, shown, 'largest changes')}`,
    ...[...report.nodes]
      .sort(byChange)
      .slice(0, shown)
      .map((n) => `    ${n.address}: rewards ${signedPokt(n.rewards_delta_upokt)}, burns ${signedPokt(n.burns_delta_upokt)}, jailings ${signedCount(n.jailings_delta)}`),
  ];
  return `${lines.join('\n')}\n`;
}
