/**
 * What claims and proofs read "as of" an earlier block (PROTOCOL §3.3, §4.3–4.6), kept by the
 * audit from its own shadow: at the end of every block that starts a session (h mod BPS = 1,
 * BPS in force after h) a snapshot of the session-start state — the parameters the rules read,
 * which nodes exist, the chain index, the applications —, at the end of that session's last
 * block (SBH + BPS − 1) the nodes as they are then (jailed, chains), and every block's hash
 * (from the next header's prev_block_hash).
 *
 * The history floor (the ledger's rule, docs/audit.md and modules/pocketcore/history.ts's
 * documented formula): after block h,
 *   floor = max(floor, min(h + 1 − (CSW + 1)·BPS, oldest session height of a live claim, h − 1), 0)
 * (params in force after h); reads below it are sdk:1, and settled-claim markers of sessions
 * below it are forgotten. Snapshots and hashes below it are dropped (memory stays bounded).
 */
import type { NodeAtEnd } from './sessions.js';

export interface AppAtStart {
  readonly publicKey: string;
  readonly chains: readonly string[];
  /** null when the audit cannot compute it (ParticipationRateOn: the rate reads pools it does not order exactly). */
  readonly maxRelays: bigint | null;
}

export interface StartParams {
  /** For session arithmetic over heights (numbers); exact in `blocksPerSessionInt64`. */
  readonly blocksPerSession: number;
  /** BlocksPerSession as stored (int64): Go's products with it wrap, and a number past 2^53 is not it. */
  readonly blocksPerSessionInt64: bigint;
  readonly sessionNodeCount: number;
  readonly minimumProofs: bigint;
  readonly supportedChains: readonly string[];
  readonly claimSubmissionWindow: bigint;
  readonly claimExpiration: bigint;
  readonly nodeMaxChains: bigint;
  readonly appMaxChains: bigint;
}

export interface SessionStart {
  readonly height: number;
  readonly params: StartParams;
  /** Every node record at the start (any status). */
  readonly validators: ReadonlySet<string>;
  /** chain → staked nodes listing it, ascending. */
  readonly chainIndex: ReadonlyMap<string, readonly string[]>;
  /** By application address. */
  readonly apps: ReadonlyMap<string, AppAtStart>;
  /** The nodes at the end of the session's last block; undefined until that block ends. */
  atEnd: ReadonlyMap<string, NodeAtEnd> | undefined;
  /** Memo: app key|chain → the session's nodes or pocketcore:17. */
  readonly sessions: Map<string, readonly string[] | string>;
}

export interface ShadowView {
  readonly nodes: ReadonlyMap<string, { readonly chains: readonly string[]; readonly jailed: boolean; readonly unstakingAtNs: bigint | null }>;
  readonly apps: ReadonlyMap<string, AppAtStart>;
}

export class SessionHistory {
  private readonly starts = new Map<number, SessionStart>();
  private readonly endings = new Map<number, SessionStart[]>();
  private readonly hashes = new Map<number, string>();
  private floorHeight = 0;

  /** @param genesisHeight 0, or an imported state's height: nothing below genesisHeight + 1 is known. */
  constructor(readonly genesisHeight: number) {}

  get floor(): number {
    return this.floorHeight;
  }

  /** Block h's header names the hash of block h − 1. */
  recordPreviousHash(height: number, prevBlockHash: string): void {
    if (height - 1 > this.genesisHeight) this.hashes.set(height - 1, prevBlockHash.toLowerCase());
  }

  blockHash(height: number): string | undefined {
    return this.hashes.get(height);
  }

  at(sessionHeight: number): SessionStart | undefined {
    return this.starts.get(sessionHeight);
  }

  /** The end of block h: the end-of-session node view for sessions ending here, then a snapshot when h starts a session. */
  endBlock(height: number, params: StartParams, shadow: ShadowView): void {
    const ending = this.endings.get(height);
    if (ending !== undefined) {
      const atEnd = new Map([...shadow.nodes].map(([address, node]) => [address, { jailed: node.jailed, chains: node.chains }] as const));
      for (const start of ending) start.atEnd = atEnd;
      this.endings.delete(height);
    }
    if (height % params.blocksPerSession !== 1 % params.blocksPerSession) return;
    const start: SessionStart = { height, params, validators: new Set(shadow.nodes.keys()), chainIndex: chainIndex(shadow), apps: new Map(shadow.apps), atEnd: undefined, sessions: new Map() };
    this.starts.set(height, start);
    const end = height + params.blocksPerSession - 1;
    if (end === height) start.atEnd = new Map([...shadow.nodes].map(([address, node]) => [address, { jailed: node.jailed, chains: node.chains }] as const));
    else this.endings.set(end, [...(this.endings.get(end) ?? []), start]);
  }

  /** The floor after block h (file header); returns the new floor. */
  advanceFloor(height: number, claimSubmissionWindow: bigint, blocksPerSession: bigint, oldestLiveClaim: number | undefined): number {
    let candidate = Math.min(height + 1 - Number((claimSubmissionWindow + 1n) * blocksPerSession), height - 1);
    if (oldestLiveClaim !== undefined) candidate = Math.min(candidate, oldestLiveClaim);
    const floor = Math.max(this.floorHeight, candidate, 0);
    if (floor === this.floorHeight) return floor;
    this.floorHeight = floor;
    for (const h of this.starts.keys()) if (h < floor) this.starts.delete(h);
    for (const h of this.hashes.keys()) if (h < floor) this.hashes.delete(h);
    return floor;
  }
}

/** chain → the staked nodes listing it (each once), ascending by address. */
function chainIndex(shadow: ShadowView): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const [address, node] of shadow.nodes) {
    if (node.unstakingAtNs !== null) continue;
    for (const chain of new Set(node.chains)) {
      let list = index.get(chain);
      if (list === undefined) index.set(chain, (list = []));
      list.push(address);
    }
  }
  for (const list of index.values()) list.sort();
  return index;
}
