/**
 * Sessions evaluated on the right states (PROTOCOL §3.3):
 * - sessionCtx = the state committed at the end of block SBH: candidates (chain index),
 *   SessionNodeCount, pos/MaximumChains, and the session key's block hash (hash of block SBH);
 * - endCtx = the state at the end of block SBH + BPS − 1 for claims (claim.go:192-205: nodes
 *   jailed mid-session cannot claim), or the current state for dispatch (session.go:21-36).
 *
 * Dispatch (what `pokt-ledger session` and pocket-core's /v1/client/dispatch answer) uses the
 * latest session height at the current height and the current state as endCtx; it does not
 * require the application to exist (NewSession never looks the app up).
 */
import { bytesToHex } from '../../core/hex.js';
import { rejection, type Rejection } from '../../core/rejection.js';
import { err, ok, type Result } from '../../core/result.js';
import type { Address } from '../../core/types.js';
import { POCKETCORE, SDK } from '../../core/codes.js';
import { latestSessionHeight, sessionEndHeight } from './session-heights.js';
import { selectSessionNodes, sessionHeaderHash, sessionKey, type SessionHeaderKey } from './session.js';
import { blockHashAt, historyFloor, type PocketcoreView } from './view.js';

export interface ComputedSession {
  readonly header: SessionHeaderKey;
  readonly headerHash: string;
  /** Session key, hex. */
  readonly key: string;
  /** Hash of block SBH (the key's seed), hex. */
  readonly blockHash: string;
  readonly nodes: readonly Address[];
  readonly candidates: number;
  readonly draws: number;
}

export type SessionView = Pick<PocketcoreView, 'chain' | 'nodes' | 'pocketcore' | 'paramsAt'>;

/** 'end' = the session's last block (claims); 'now' = the live state (dispatch). */
export type SessionEndState = { readonly kind: 'end' } | { readonly kind: 'now' };

export interface SessionOptions {
  /** [MAXCH]: skip nodes staked for more than pos/MaximumChains chains (default true). */
  readonly enforceMaxChains?: boolean;
}

/** No node has more than 2^63 chains: the MAXCH skip never fires with this bound. */
const UNLIMITED_CHAINS = 1n << 63n;

/**
 * The session of `header` as of its start, with nodes looked up in the end state. `committedHeight`
 * is the last committed block; the session start must be committed and not below the floor.
 */
export function computeSession(view: SessionView, header: SessionHeaderKey, committedHeight: number, end: SessionEndState, options: SessionOptions = {}): Result<ComputedSession, Rejection> {
  const sessionHeight = header.sessionHeight;
  if (sessionHeight > committedHeight || sessionHeight < historyFloor(view)) {
    return err(rejection(SDK.internal_error, `no committed state at session height ${sessionHeight}`));
  }
  const blockHash = blockHashAt(view, sessionHeight);
  if (blockHash === undefined) return err(rejection(SDK.internal_error, `no block hash at height ${sessionHeight}`));
  const params = view.paramsAt(sessionHeight);
  const endHeight = sessionEndHeight(sessionHeight, Number(params.pos.blocksPerSession));
  if (end.kind === 'end' && endHeight > committedHeight) {
    return err(rejection(SDK.internal_error, `session ${sessionHeight} has not ended (ends at ${endHeight})`));
  }
  const key = sessionKey(header.appPublicKey, header.chain, blockHash);
  const candidates = view.pocketcore.sessionCandidates.at(header.chain, sessionHeight);
  const validators = view.nodes.validators;
  const selection = selectSessionNodes({
    chain: header.chain,
    key,
    candidates,
    count: Number(params.pocketcore.sessionNodeCount),
    maxChains: options.enforceMaxChains === false ? UNLIMITED_CHAINS : params.pos.maximumChains,
    lookup: end.kind === 'end' ? (address) => validators.getAt(address, endHeight) : (address) => validators.get(address),
  });
  if (!selection.ok) return selection;
  return ok({
    header,
    headerHash: sessionHeaderHash(header),
    key: bytesToHex(key),
    blockHash,
    nodes: selection.value.nodes,
    candidates: candidates.length,
    draws: selection.value.draws,
  });
}

/**
 * computeSession with the end state ('end' kind), memoised across blocks. PERF: every servicer of
 * a session claims it, in whichever block of the claim window it chooses, so the same session is
 * computed for many claims in many blocks (the mainnet-shaped chain at scale 1: 4,553 claims over
 * 24 blocks needed 1,130 distinct sessions; a memo emptied at every block still computed 4,553).
 * DEV_NOTE: determinism — what computeSession reads is committed history at heights ≤ the
 * session's end (block hash, params and candidates at the session start; validators at the end),
 * and the hash of the end block commits to all of it: through the chain of previous-block hashes
 * and tx roots it commits to every block up to the end, and the reducer is a pure function of
 * those blocks. So an entry is used only while the end block's hash is the one it was computed
 * under (a rollback that replaces that block, or an earlier one, misses), and only after the same
 * cheap checks computeSession starts with (committed, not below the history floor, ended) pass on
 * the state as it is now — a hit returns exactly what computing would. The memo belongs to one
 * state (a WeakMap on its candidates index; a what-if state is another object), and sessions
 * below the history floor are dropped, since nothing may read them any more.
 */
export function computeSessionAtEnd(view: SessionView, header: SessionHeaderKey, committedHeight: number, options: SessionOptions = {}): Result<ComputedSession, Rejection> {
  const endHash = endBlockHash(view, header.sessionHeight, committedHeight);
  if (endHash === undefined) return computeSession(view, header, committedHeight, { kind: 'end' }, options);
  const memo = sessionMemoOf(view);
  let sessions = memo.byHeight.get(header.sessionHeight);
  if (sessions === undefined) {
    memo.byHeight.set(header.sessionHeight, (sessions = new Map()));
    if (memo.byHeight.size > MEMO_SESSION_HEIGHTS) memo.byHeight.delete(Math.min(...memo.byHeight.keys()));
  }
  // The length prefix keeps keys apart for any strings ("a|b" + "c" ≠ "a" + "b|c").
  const key = `${header.appPublicKey.length}:${header.appPublicKey}|${header.chain}|${options.enforceMaxChains !== false}`;
  const entry = sessions.get(key);
  if (entry !== undefined && entry.endHash === endHash) return entry.result;
  const result = computeSession(view, header, committedHeight, { kind: 'end' }, options);
  sessions.set(key, { endHash, result });
  return result;
}

/**
 * The hash of the last block of the session starting at `sessionHeight`, when that session can be
 * computed at `committedHeight` (its start committed and not below the floor, its end committed);
 * undefined otherwise (computeSession then says why).
 */
function endBlockHash(view: SessionView, sessionHeight: number, committedHeight: number): string | undefined {
  if (sessionHeight > committedHeight || sessionHeight < historyFloor(view)) return undefined;
  const endHeight = sessionEndHeight(sessionHeight, Number(view.paramsAt(sessionHeight).pos.blocksPerSession));
  return endHeight > committedHeight ? undefined : blockHashAt(view, endHeight);
}

interface SessionMemo {
  /** Session height → "length:app key|chain|MAXCH enforced" → the session and the end-block hash it was computed under. */
  readonly byHeight: Map<number, Map<string, { readonly endHash: string; readonly result: Result<ComputedSession, Rejection> }>>;
  /** The history floor when sessions below it were last dropped. */
  floor: number;
}

const sessionMemos = new WeakMap<object, SessionMemo>();

/**
 * Session heights the memo keeps at most (the oldest is dropped first): a bound on memory, not a
 * semantic — a dropped session is computed again. Claims come within the claim window (a few
 * sessions), but a live claim can hold the history floor back for its whole expiration; 32
 * heights of ~200 claimed sessions each (mainnet-shaped) is a few MB.
 */
const MEMO_SESSION_HEIGHTS = 32;

/** The state's memo, without the sessions the history floor has passed. */
function sessionMemoOf(view: SessionView): SessionMemo {
  const owner = view.pocketcore.sessionCandidates;
  let memo = sessionMemos.get(owner);
  if (memo === undefined) sessionMemos.set(owner, (memo = { byHeight: new Map(), floor: 0 }));
  const floor = historyFloor(view);
  if (floor > memo.floor) {
    for (const height of memo.byHeight.keys()) if (height < floor) memo.byHeight.delete(height);
    memo.floor = floor;
  }
  return memo;
}

/** HandleDispatch: the latest session at `height` (= the last committed block), end state = now. */
export function dispatchSession(
  view: SessionView & Pick<PocketcoreView, 'params'>,
  appPublicKey: SessionHeaderKey['appPublicKey'],
  chain: string,
  height: number,
  options: SessionOptions = {},
): Result<ComputedSession, Rejection> {
  const sessionHeight = latestSessionHeight(height, Number(view.params().pos.blocksPerSession));
  // ValidateHeader (types/session.go:257-260) runs before any state is read (keeper/session.go:17-19):
  // before block 1 the latest session height is 0 − BPS + 1.
  if (sessionHeight < 1) return err(rejection(POCKETCORE.invalid_block_height, `no session before block 1 (latest session height ${sessionHeight})`));
  return computeSession(view, { appPublicKey, chain, sessionHeight }, height, { kind: 'now' }, options);
}
