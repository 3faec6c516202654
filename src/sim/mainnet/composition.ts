/**
 * Per-block composition of a run, beside mainnet's figures (shape.ts MAINNET_BLOCK): proofs,
 * claims, sends, tx bytes, the proofs' and claims' shares of the tx bytes, the failing share of
 * claims, and the claim values minted (RelaysRewarded per accepted proof) — also divided by the
 * run's relayScale, i.e. what the claim would be worth with all of mainnet's relays.
 *
 * Only steady blocks are summarised: those with proofs (a chain's first CSW·BPS blocks have none).
 * Figures per block are summarised as median and 5th–95th percentile over the steady blocks.
 */
import type { SimBlockReport } from '../simulator.js';
import { MAINNET_BLOCK } from './shape.js';

export interface BlockComposition {
  readonly height: number;
  readonly proofs: number;
  readonly claims: number;
  readonly sends: number;
  readonly other: number;
  readonly txBytes: number;
  readonly proofBytes: number;
  readonly claimBytes: number;
  readonly failedClaims: number;
  readonly failedTxs: number;
  /** Minted per accepted proof, uPOKT. */
  readonly claimValuesUpokt: readonly bigint[];
}

export function blockComposition(report: Pick<SimBlockReport, 'height' | 'txBytes' | 'result'>): BlockComposition {
  let proofs = 0, claims = 0, sends = 0, other = 0, txBytes = 0, proofBytes = 0, claimBytes = 0, failedClaims = 0, failedTxs = 0;
  const claimValuesUpokt: bigint[] = [];
  report.result.receipts.forEach((receipt, i) => {
    const bytes = report.txBytes[i]?.byteLength ?? 0;
    txBytes += bytes;
    if (receipt.code !== 0) failedTxs++;
    if (receipt.messageType === 'proof') {
      proofs++;
      proofBytes += bytes;
    } else if (receipt.messageType === 'claim') {
      claims++;
      claimBytes += bytes;
      if (receipt.code !== 0) failedClaims++;
    } else if (receipt.messageType === 'send') sends++;
    else other++;
    for (const event of receipt.events) if (event.type === 'RelaysRewarded') claimValuesUpokt.push(event.plan.mintedUpokt);
  });
  return { height: report.height, proofs, claims, sends, other, txBytes, proofBytes, claimBytes, failedClaims, failedTxs, claimValuesUpokt };
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))]!;
}

export interface Spread {
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
}

function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { p5: quantile(sorted, 0.05), p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) };
}

export interface CompositionSummary {
  readonly blocks: number;
  readonly steady_blocks: number;
  readonly proofs: Spread;
  readonly claims: Spread;
  readonly sends: Spread;
  readonly other: Spread;
  readonly tx_bytes: Spread;
  readonly proof_share_of_tx_bytes: number;
  readonly claim_share_of_tx_bytes: number;
  readonly failing_claim_share: number;
  readonly claim_value_pokt: { readonly p50: number; readonly p95: number };
  readonly relay_scale: number;
}

const NO_STEADY_BLOCK = "no block of this run carried proofs yet, so there is nothing to compare with mainnet's: run more blocks (proofs begin once the first sessions' claims are in, at block 13 with mainnet's parameters; 100 blocks or more give settled figures)";

export class CompositionRecorder {
  readonly blocks: BlockComposition[] = [];

  constructor(private readonly relayScale = 1) {}

  record(report: Pick<SimBlockReport, 'height' | 'txBytes' | 'result'>): void {
    this.blocks.push(blockComposition(report));
  }

  summary(relayScale = this.relayScale): CompositionSummary {
    const steady = this.blocks.filter((b) => b.proofs > 0);
    const sum = (f: (b: BlockComposition) => number): number => steady.reduce((acc, b) => acc + f(b), 0);
    const values = steady.flatMap((b) => b.claimValuesUpokt.map((v) => Number(v) / 1e6)).sort((a, b) => a - b);
    const claims = sum((b) => b.claims);
    return {
      blocks: this.blocks.length,
      steady_blocks: steady.length,
      proofs: spread(steady.map((b) => b.proofs)),
      claims: spread(steady.map((b) => b.claims)),
      sends: spread(steady.map((b) => b.sends)),
      other: spread(steady.map((b) => b.other)),
      tx_bytes: spread(steady.map((b) => b.txBytes)),
      proof_share_of_tx_bytes: sum((b) => b.proofBytes) / Math.max(1, sum((b) => b.txBytes)),
      claim_share_of_tx_bytes: sum((b) => b.claimBytes) / Math.max(1, sum((b) => b.txBytes)),
      failing_claim_share: sum((b) => b.failedClaims) / Math.max(1, claims),
      claim_value_pokt: { p50: quantile(values, 0.5), p95: quantile(values, 0.95) },
      relay_scale: relayScale,
    };
  }

  /** The summary as a text table beside mainnet's figures. */
  table(relayScale = this.relayScale, scale = 1): string {
    const s = this.summary(relayScale);
    const n = (x: number): string => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '–');
    const r = (x: Spread, per = 1): string => `${n(x.p50 / per)} (${n(x.p5 / per)}–${n(x.p95 / per)})`;
    const pct = (x: number, digits = 1): string => `${(x * 100).toFixed(digits)}%`;
    const pokt = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : '–');
    const m = MAINNET_BLOCK;
    const rows: Array<[string, string, string]> = [
      ['proofs per block', r(s.proofs), `${n(m.proofs[0])}–${n(m.proofs[1])}`],
      ['claims per block', r(s.claims), `${n(m.claims[0])}–${n(m.claims[1])}`],
      ['sends per block', r(s.sends), `${n(m.sends[0])}–${n(m.sends[1])}`],
      ['other txs per block', r(s.other), '–'],
      ['tx bytes per block', r(s.tx_bytes), `~${n(m.bytes)}`],
      ['proofs, share of tx bytes', pct(s.proof_share_of_tx_bytes), pct(m.proofShareOfTxBytes, 0)],
      ['claims, share of tx bytes', pct(s.claim_share_of_tx_bytes), pct(m.claimShareOfTxBytes, 0)],
      ['claims failing', pct(s.failing_claim_share, 2), pct(m.failingClaimShare, 2)],
      ['claim value p50 / p95, POKT minted', `${pokt(s.claim_value_pokt.p50)} / ${pokt(s.claim_value_pokt.p95)}`, '–'],
      [`  ÷ relay scale ${relayScale === 1 ? '1' : `1/${Math.round(1 / relayScale)}`}`, `${pokt(s.claim_value_pokt.p50 / relayScale)} / ${pokt(s.claim_value_pokt.p95 / relayScale)}`, `${m.claimValuePoktP50} / ${m.claimValuePoktP95}`],
    ];
    const header = `block composition: ${s.steady_blocks} steady blocks (with proofs) of ${s.blocks}; median (5th–95th percentile); scale ${scale}`;
    // Nothing measured is said, not drawn as "– (–––)" and a 0.0% proof share beside mainnet's 67%.
    if (s.steady_blocks === 0) return `${header}\n  ${NO_STEADY_BLOCK}`;
    const width = Math.max(...rows.map(([a]) => a.length));
    const ours = Math.max(...rows.map(([, b]) => b.length), 'this run'.length);
    const lines = rows.map(([a, b, c]) => `  ${a.padEnd(width)}  ${b.padEnd(ours)}  ${c}`);
    return [header, `  ${''.padEnd(width)}  ${'this run'.padEnd(ours)}  mainnet (${m.source})`, ...lines].join('\n');
  }
}
