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
import { rejection } from '../../core/rejection.js';
import { err, ok } from '../../core/result.js';
import { SDK } from '../../core/codes.js';
import { latestSessionHeight, sessionEndHeight } from './session-heights.js';
import { selectSessionNodes, sessionHeaderHash, sessionKey } from './session.js';
import { blockHashAt, historyFloor } from './view.js';
/** No node has more than 2^63 chains: the MAXCH skip never fires with this bound. */
const UNLIMITED_CHAINS = 1n << 63n;
/**
 * The session of `header` as of its start, with nodes looked up in the end state. `committedHeight`
 * is the last committed block; the session start must be committed and not below the floor.
 */
export function computeSession(view, header, committedHeight, end, options = {}) {
    const sessionHeight = header.sessionHeight;
    if (sessionHeight > committedHeight || sessionHeight < historyFloor(view)) {
        return err(rejection(SDK.internal_error, `no committed state at session height ${sessionHeight}`));
    }
    const blockHash = blockHashAt(view, sessionHeight);
    if (blockHash === undefined)
        return err(rejection(SDK.internal_error, `no block hash at height ${sessionHeight}`));
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
    if (!selection.ok)
        return selection;
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
 * computeSession with the end state ('end' kind), memoised. PERF: every servicer of a session
 * claims it, so one block recomputes the same session for many claims (a mainnet-shaped block:
 * ~1,350 claims over ~230 sessions; each selection walks ~24 SHA3 draws).
 * DEV_NOTE: determinism — the result reads only committed history at heights ≤ committedHeight
 * (block hash, params, candidates at the session start; validators at the session end ≤
 * committedHeight). The memo belongs to one state (WeakMap on its candidates index) and is tagged
 * with the committed head — its height and block hash, which commits to every block below — and
 * emptied when the head changes; so a hit returns what computing would, also after a rollback
 * (a new head hash) or on a what-if state (another object).
 */
export function computeSessionAtEnd(view, header, committedHeight, options = {}) {
    const headHash = blockHashAt(view, committedHeight);
    if (headHash === undefined)
        return computeSession(view, header, committedHeight, { kind: 'end' }, options);
    const owner = view.pocketcore.sessionCandidates;
    const tag = `${committedHeight}:${headHash}`;
    let memo = sessionMemos.get(owner);
    if (memo === undefined || memo.tag !== tag)
        sessionMemos.set(owner, (memo = { tag, sessions: new Map() }));
    const key = `${header.appPublicKey}|${header.chain}|${header.sessionHeight}|${options.enforceMaxChains !== false}`;
    let result = memo.sessions.get(key);
    if (result === undefined) {
        result = computeSession(view, header, committedHeight, { kind: 'end' }, options);
        memo.sessions.set(key, result);
    }
    return result;
}
const sessionMemos = new WeakMap();
/** HandleDispatch: the latest session at `height` (= the last committed block), end state = now. */
export function dispatchSession(view, appPublicKey, chain, height, options = {}) {
    const sessionHeight = latestSessionHeight(height, Number(view.params().pos.blocksPerSession));
    return computeSession(view, { appPublicKey, chain, sessionHeight }, height, { kind: 'now' }, options);
}
//# sourceMappingURL=session-service.js.map