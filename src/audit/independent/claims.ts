/**
 * Claims as the audit decides them, written from PROTOCOL §4.3–§4.4 and §7 (pocket-core
 * x/pocketcore/keeper/claim.go:144-248, types/session.go:51-90 and 290-294; checked against
 * RC-0.12.0), plus the ledger's own documented rules (docs/audit.md, "Claims and proofs are its own too": L1 challenge
 * evidence refused, L2 a session height that starts no session refused, L3 first claim wins,
 * and the history floor, session-history.ts). In the ledger's order, first failure wins:
 *   evidence type 0 → pocketcore:84;  type ≠ 1 → ledger:7 (L1)
 *   SBH ≥ h or below the history floor → sdk:1;  SBH starts no session → ledger:12 (L2)
 *   h ≤ SBH + BPS − 1 → pocketcore:60
 *   total_proofs < MinimumNumberOfProofs → pocketcore:49
 *   chain ∉ SupportedBlockchains → pocketcore:53
 *   the claimant is no node at SBH → pocketcore:48;  the app (key → address) none at SBH → pocketcore:45
 *   [MREL] app without chains → sdk:1 (Go divides by zero); total_proofs > MaxPossibleRelays → pocketcore:71
 *   [MAXCH] app chains > application/MaximumChains → pocketcore:91
 *   the session (sessions.ts) → pocketcore:17;  header key ≠ the app's key as stored → 61;
 *   chain ∉ app chains → 13;  claimant not among the session's nodes → 14
 *   h > SBH + CSW·BPS (CURRENT params) → pocketcore:69
 *   a live claim for the key → ledger:11;  the key already settled → ledger:13 (L3)
 * SBH-dependent values are the session-start snapshot's (session-history.ts).
 * MaxPossibleRelays: app-relays.ts.
 */
import { maxPossibleRelays } from './app-relays.js';
import type { ClaimMessage } from '../../messages/index.js';
import type { ParamTracker } from './params.js';
import { selectNodes, sessionHeaderHash } from './sessions.js';
import type { SessionHistory, SessionStart } from './session-history.js';
import { signerAddress } from './address.js';

/** A marker that stops the chain of checks with "not decided" (an input the audit does not have). */
const UNDECIDED = 'undecided';

export interface LiveClaim {
  readonly servicer: string;
  readonly sessionHeight: number;
  readonly headerHash: string;
  readonly totalProofs: bigint;
  /** The claimed Merkle root; null for a claim imported with an exported state (its proofs are taken from the record). */
  readonly root: { readonly hashHex: string; readonly lower: bigint; readonly upper: bigint } | null;
  /** BeginBlock of this height deletes it; null when unknown (imported). */
  readonly expiresAt: number | null;
}

export function claimKey(servicer: string, appPublicKey: string, chain: string, sessionHeight: number | bigint, evidenceType: number): string {
  return `${servicer}|${appPublicKey}|${chain}|${sessionHeight}|${evidenceType}`;
}

/** The live claims and the settled markers (proved or burned), as the audit's own outcomes left them. */
export class ClaimBook {
  private readonly live = new Map<string, LiveClaim>();
  /** key → the settled claim's session height. */
  private readonly settled = new Map<string, number>();

  get(key: string): LiveClaim | undefined {
    return this.live.get(key);
  }

  has(key: string): boolean {
    return this.live.has(key);
  }

  isSettled(key: string): boolean {
    return this.settled.has(key);
  }

  open(key: string, claim: LiveClaim): void {
    this.live.set(key, claim);
  }

  /** A proof or a replay burn: the claim leaves the live set, remembered as settled. */
  settle(key: string): LiveClaim | undefined {
    const claim = this.live.get(key);
    this.live.delete(key);
    if (claim !== undefined) this.settled.set(key, claim.sessionHeight);
    return claim;
  }

  /** BeginBlock (claim.go:374-389): every claim with expiration height ≤ h is deleted. */
  expire(height: number): void {
    for (const [key, claim] of this.live) if (claim.expiresAt !== null && claim.expiresAt <= height) this.live.delete(key);
  }

  oldestSessionHeight(): number | undefined {
    let oldest: number | undefined;
    for (const claim of this.live.values()) if (oldest === undefined || claim.sessionHeight < oldest) oldest = claim.sessionHeight;
    return oldest;
  }

  forgetSettledBelow(floor: number): void {
    for (const [key, sessionHeight] of this.settled) if (sessionHeight < floor) this.settled.delete(key);
  }
}

export interface PocketcoreWorld {
  readonly history: SessionHistory;
  readonly claims: ClaimBook;
  readonly params: ParamTracker;
  /** Whether an upgrade names a feature these rules branch on ([MREL], [MAXCH], [REPBR], [CODEC]): then they are not re-decided. */
  featuresChanged(): boolean;
}

/** The claim's code ("ok" or "codespace:code"), or undefined where the audit cannot decide it. */
export function decideClaim(world: PocketcoreWorld, message: ClaimMessage, height: number): string | undefined {
  if ((message.evidenceType as number) === 0) return 'pocketcore:84';
  if (message.evidenceType !== 1) return 'ledger:7';
  const sbh = message.header.sessionHeight;
  if (sbh >= height || sbh < world.history.floor) return 'sdk:1';
  if (sbh <= world.history.genesisHeight || world.featuresChanged()) return undefined;
  const start = world.history.at(sbh);
  if (start === undefined) return 'ledger:12';
  const code = startChecks(start, message, height) ?? sessionChecks(world, start, message) ?? windowChecks(world, message, height);
  return code === UNDECIDED ? undefined : code;
}

function startChecks(start: SessionStart, message: ClaimMessage, height: number): string | undefined {
  const p = start.params;
  if (height <= start.height + p.blocksPerSession - 1) return 'pocketcore:60';
  if (message.totalProofs < p.minimumProofs) return 'pocketcore:49';
  if (!p.supportedChains.includes(message.header.chain)) return 'pocketcore:53';
  if (!start.validators.has(message.fromAddress)) return 'pocketcore:48';
  const app = start.apps.get(signerAddress(message.header.appPublicKey) ?? '');
  if (app === undefined) return 'pocketcore:45';
  if (app.chains.length === 0) return 'sdk:1';
  if (app.maxRelays === null) return UNDECIDED;
  if (message.totalProofs > maxPossibleRelays(app.maxRelays, app.chains.length, p.sessionNodeCount)) return 'pocketcore:71';
  if (BigInt(app.chains.length) > p.appMaxChains) return 'pocketcore:91';
  return undefined;
}

function sessionChecks(world: PocketcoreWorld, start: SessionStart, message: ClaimMessage): string | undefined {
  const app = start.apps.get(signerAddress(message.header.appPublicKey) ?? '')!;
  const nodes = sessionOf(world, start, message.header.appPublicKey, message.header.chain);
  if (nodes === undefined) return UNDECIDED;
  if (typeof nodes === 'string') return nodes;
  if (message.header.appPublicKeyAsSigned !== app.publicKey) return 'pocketcore:61';
  if (!app.chains.includes(message.header.chain)) return 'pocketcore:13';
  if (!nodes.includes(message.fromAddress)) return 'pocketcore:14';
  return undefined;
}

function windowChecks(world: PocketcoreWorld, message: ClaimMessage, height: number): string {
  const p = world.params;
  const sbh = message.header.sessionHeight;
  // ClaimIsMature (claim.go:368-371) in Go int64, which wraps: CSW 2^63 − 1 at BPS 4 is −4, a window closed at once.
  if (BigInt(height) > BigInt.asIntN(64, BigInt(sbh) + p.int('pocketcore/ClaimSubmissionWindow') * p.int('pos/BlocksPerSession'))) return 'pocketcore:69';
  const key = claimKey(message.fromAddress, message.header.appPublicKey, message.header.chain, sbh, message.evidenceType);
  if (world.claims.has(key)) return 'ledger:11';
  if (world.claims.isSettled(key)) return 'ledger:13';
  return 'ok';
}

/** The session's nodes (memoised per snapshot), pocketcore:17, or undefined when the start's block hash is unknown. */
function sessionOf(world: PocketcoreWorld, start: SessionStart, appPublicKey: string, chain: string): readonly string[] | string | undefined {
  const memoKey = `${appPublicKey}|${chain}`;
  const known = start.sessions.get(memoKey);
  if (known !== undefined) return known;
  const blockHashHex = world.history.blockHash(start.height);
  if (blockHashHex === undefined || start.atEnd === undefined) return undefined;
  const nodes = selectNodes({
    appPublicKey,
    chain,
    blockHashHex,
    candidates: start.chainIndex.get(chain) ?? [],
    count: start.params.sessionNodeCount,
    nodeMaxChains: start.params.nodeMaxChains,
    atEnd: start.atEnd,
  });
  start.sessions.set(memoKey, nodes);
  return nodes;
}

/** The header hash the proof index is seeded with (sessions.ts). */
export function claimHeaderHash(message: ClaimMessage): string {
  return sessionHeaderHash(message.header.appPublicKey, message.header.chain, message.header.sessionHeight);
}
