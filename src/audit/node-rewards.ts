/**
 * Which node got what, and why: per node (the servicer of a relay line, the previous proposer
 * of a block line), from the lines the audit derived itself — its proofs and relays, what its
 * work paid (relay rewards to its output address and delegators, reward-cost refunds, its
 * proposer shares) and the inputs that explain the relay rewards: uPOKT per relay, the stake at
 * each proof and its PIP-22 bin and weight (a range when they changed within the audited
 * heights). Sorted by total, then address; the summary keeps the first `limit` rows, the count
 * and the totals over every node (a mainnet range has tens of thousands of nodes; every line is
 * in `audit --lines-csv`).
 */
import { formatDecimal, parseDecimal } from './independent/dec.js';
import { MODULE, type ExpectedLine } from './independent/shadow.js';
import { lineRow, type LineRow } from './line-rows.js';

/** Smallest and largest value seen (decimal strings; a weight keeps its 18 decimals). */
export interface Range {
  readonly min: string;
  readonly max: string;
}

export interface NodeRow {
  readonly address: string;
  readonly proofs: number;
  readonly relays: string;
  /** Lines paid for its work: relay payouts (refund, output address, delegators) and proposer shares. */
  readonly lines: number;
  readonly relay_rewards_upokt: string;
  readonly refunds_upokt: string;
  readonly proposer_upokt: string;
  readonly total_upokt: string;
  /** What its proofs minted in all: its relay rewards and refunds plus the fee collector's share (DAO + proposer allocation). */
  readonly minted_upokt: string;
  readonly multiplier: Range | null;
  readonly stake: Range | null;
  readonly bin: Range | null;
  readonly weight: Range | null;
}

export interface NodeTable {
  /** Nodes with at least one line. */
  readonly count: number;
  /** The first rows, by total received. */
  readonly rows: readonly NodeRow[];
  /** Every node together (not only the rows kept). */
  readonly total: Omit<NodeRow, 'address' | 'multiplier' | 'stake' | 'bin' | 'weight'>;
  /** With --node: everything paid to that address itself (as an output address, delegator or proposer of any node's work). */
  readonly received_by_scope_address_upokt: string | null;
  /** With --node: its lines (every kind), the first `limit` of `count`. */
  readonly scope_lines: { readonly count: number; readonly rows: readonly LineRow[] } | null;
}

interface Tally {
  proofs: number;
  relays: bigint;
  lines: number;
  relay: bigint;
  refunds: bigint;
  proposer: bigint;
  minted: bigint;
  multiplier: BigRange | null;
  stake: BigRange | null;
  bin: BigRange | null;
  weight: BigRange | null;
}

type BigRange = [min: bigint, max: bigint];

const widen = (range: BigRange | null, value: bigint): BigRange => (range === null ? [value, value] : [value < range[0] ? value : range[0], value > range[1] ? value : range[1]]);
const big = (value: unknown): bigint => (typeof value === 'bigint' ? value : BigInt(String(value)));

export class NodeRewards {
  private readonly nodes = new Map<string, Tally>();
  private receivedByScope = 0n;
  private readonly scopeLines: LineRow[] = [];
  private scopeLineCount = 0;

  /** `scope`: the --node address, whose own receipts and lines are kept too; `limit`: rows kept (nodes, the scope's lines). */
  constructor(private readonly scope: string | undefined, private readonly limit: number) {}

  /** One block's lines (in scope). A proof's payout lines share one `inputs` object: its relays count once. */
  add(height: number, lines: readonly ExpectedLine[]): void {
    let proof: ExpectedLine['inputs'];
    for (const line of lines) {
      if (this.scope !== undefined && this.scopeLineCount++ < this.limit) this.scopeLines.push(lineRow(height, line));
      if ((line.kind !== 'relay' && line.kind !== 'block') || line.subject === null) continue;
      if (this.scope !== undefined && line.address === this.scope) this.receivedByScope += line.amount;
      // Scoped: the node's own row only (another node's proof that pays it a share is in receivedByScope).
      if (this.scope !== undefined && line.subject !== this.scope) continue;
      if (line.kind === 'block' && !line.role.startsWith('proposer_')) continue;
      const node = this.tallyOf(line.subject);
      if (line.kind === 'block') {
        node.proposer += line.amount;
        node.lines++;
        continue;
      }
      const inputs = line.inputs ?? {};
      if (inputs !== proof) {
        proof = inputs;
        this.proof(node, inputs);
      }
      if (line.address === MODULE.fee_collector) continue;
      node.lines++;
      if (line.role === 'reward_cost_refund') node.refunds += line.amount;
      else node.relay += line.amount;
    }
  }

  toJson(): NodeTable {
    const sorted = [...this.nodes].map(([address, t]) => ({ address, t, total: t.relay + t.refunds + t.proposer }));
    sorted.sort((a, b) => (a.total === b.total ? (a.address < b.address ? -1 : 1) : a.total > b.total ? -1 : 1));
    const all = sorted.reduce((sum, { t }) => ({
      proofs: sum.proofs + t.proofs, relays: sum.relays + t.relays, lines: sum.lines + t.lines, relay: sum.relay + t.relay, refunds: sum.refunds + t.refunds, proposer: sum.proposer + t.proposer, minted: sum.minted + t.minted,
    }), { proofs: 0, relays: 0n, lines: 0, relay: 0n, refunds: 0n, proposer: 0n, minted: 0n });
    return {
      count: sorted.length,
      rows: sorted.slice(0, this.limit).map(({ address, t }) => ({ address, ...amounts(t), multiplier: shown(t.multiplier), stake: shown(t.stake), bin: shown(t.bin), weight: shown(t.weight, true) })),
      total: amounts({ ...all, multiplier: null, stake: null, bin: null, weight: null }),
      received_by_scope_address_upokt: this.scope === undefined ? null : String(this.receivedByScope),
      scope_lines: this.scope === undefined ? null : { count: this.scopeLineCount, rows: this.scopeLines },
    };
  }

  private proof(node: Tally, inputs: NonNullable<ExpectedLine['inputs']>): void {
    node.proofs++;
    node.relays += big(inputs['relays'] ?? 0n);
    node.minted += big(inputs['minted'] ?? 0n);
    node.multiplier = widen(node.multiplier, big(inputs['multiplier'] ?? 0n));
    node.stake = widen(node.stake, big(inputs['stake'] ?? 0n));
    node.bin = widen(node.bin, big(inputs['bin'] ?? 0n));
    node.weight = widen(node.weight, parseDecimal(String(inputs['weight'] ?? '0')));
  }

  private tallyOf(address: string): Tally {
    let tally = this.nodes.get(address);
    if (tally === undefined) this.nodes.set(address, (tally = { proofs: 0, relays: 0n, lines: 0, relay: 0n, refunds: 0n, proposer: 0n, minted: 0n, multiplier: null, stake: null, bin: null, weight: null }));
    return tally;
  }
}

function amounts(t: Tally): NodeTable['total'] {
  return {
    proofs: t.proofs,
    relays: String(t.relays),
    lines: t.lines,
    relay_rewards_upokt: String(t.relay),
    refunds_upokt: String(t.refunds),
    proposer_upokt: String(t.proposer),
    total_upokt: String(t.relay + t.refunds + t.proposer),
    minted_upokt: String(t.minted),
  };
}

/** A weight as its 18-decimal text (dec.ts scale), anything else as an integer. */
function shown(range: BigRange | null, decimal = false): Range | null {
  if (range === null) return null;
  const text = (v: bigint): string => (decimal ? formatDecimal(v) : String(v));
  return { min: text(range[0]), max: text(range[1]) };
}
