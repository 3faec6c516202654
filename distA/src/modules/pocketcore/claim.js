import { accepted, rejected } from '../../core/outcome.js';
import { rejection } from '../../core/rejection.js';
import { LEDGER, POCKETCORE, SDK } from '../../messages/index.js';
import { maxPossibleRelays } from '../apps/index.js';
import { computeSessionAtEnd } from './session-service.js';
import { isSessionStart, sessionEndHeight } from './session-heights.js';
import { sessionHeaderHash } from './session.js';
import { claimKey } from './state.js';
import { appAddressOf, historyFloor } from './view.js';
/**
 * SetClaim's expiration (claim.go:232-239): claimHeight + ClaimExpiration·BPS, both at the
 * session start. TV-15 (claim_test.go:115-160): claim at 1, 100 sessions of 25 blocks → 2501.
 */
export function claimExpirationHeight(claimHeight, claimExpirationSessions, blocksPerSession) {
    return claimHeight + Number(claimExpirationSessions * blocksPerSession);
}
const fail = (code, log) => rejected(rejection(code, log));
export function decideClaim(view, msg, ctx) {
    const height = ctx.height;
    const maxChainsEnforced = !ctx.inactiveFeatures.has('MAXCH');
    const sessionHeight = msg.header.sessionHeight;
    // 1, L1
    if (msg.evidenceType === 0)
        return fail(POCKETCORE.evidence_type_missing, 'the evidence type is missing');
    if (msg.evidenceType !== 1)
        return fail(LEDGER.challenge_proof_unsupported, 'challenge claims are not supported: only relay evidence (type 1) can be claimed');
    // 2
    if (sessionHeight >= height || sessionHeight < historyFloor(view)) {
        return fail(SDK.internal_error, `no committed state at session height ${sessionHeight} (current height ${height}, history floor ${historyFloor(view)})`);
    }
    const session = view.paramsAt(sessionHeight);
    const blocksPerSession = Number(session.pos.blocksPerSession);
    // L2
    if (!isSessionStart(sessionHeight, blocksPerSession)) {
        return fail(LEDGER.claim_not_at_session_start, `session height ${sessionHeight} does not start a session (height mod ${blocksPerSession} ≠ 1)`);
    }
    // 3
    const endHeight = sessionEndHeight(sessionHeight, blocksPerSession);
    if (height <= endHeight)
        return fail(POCKETCORE.invalid_block_height, `the session ${sessionHeight} ends at ${endHeight}; claims are accepted from ${endHeight + 1}`);
    // 4
    if (msg.totalProofs < session.pocketcore.minimumNumberOfProofs) {
        return fail(POCKETCORE.invalid_proofs, `${msg.totalProofs} relays is below the minimum of ${session.pocketcore.minimumNumberOfProofs}`);
    }
    // 5
    if (!session.pocketcore.supportedBlockchains.includes(msg.header.chain)) {
        return fail(POCKETCORE.chain_not_supported, `chain ${msg.header.chain} is not supported`);
    }
    // 6
    if (view.nodes.validators.getAt(msg.fromAddress, sessionHeight) === undefined) {
        return fail(POCKETCORE.node_not_found, `no node ${msg.fromAddress} at session height ${sessionHeight}`);
    }
    // 7
    const app = view.apps.applications.getAt(appAddressOf(msg.header.appPublicKey), sessionHeight);
    if (app === undefined)
        return fail(POCKETCORE.application_not_found, `no application with key ${msg.header.appPublicKey} at session height ${sessionHeight}`);
    // 8 (an app without chains would divide by zero: Go panics, sdk:1)
    if (!ctx.inactiveFeatures.has('MREL')) {
        if (app.chains.length === 0)
            return fail(SDK.internal_error, 'the application has no chains');
        const allowance = maxPossibleRelays(app.maxRelays, app.chains.length, session.pocketcore.sessionNodeCount);
        if (msg.totalProofs > allowance)
            return fail(POCKETCORE.over_service, `${msg.totalProofs} relays exceed the allowance of ${allowance} per node per session`);
    }
    // 9
    if (maxChainsEnforced && BigInt(app.chains.length) > session.application.maximumChains) {
        return fail(POCKETCORE.app_chains_over_limit, `the application is staked for ${app.chains.length} chains, more than ${session.application.maximumChains}`);
    }
    // 10
    const header = { appPublicKey: msg.header.appPublicKey, chain: msg.header.chain, sessionHeight };
    const computed = computeSessionAtEnd(view, header, height - 1, { enforceMaxChains: maxChainsEnforced });
    if (!computed.ok)
        return rejected(computed.error);
    if (msg.header.appPublicKeyAsSigned !== app.publicKey)
        return fail(POCKETCORE.application_public_key_mismatch, 'the session header key is not the application key as the chain writes it (lower-case hex)');
    if (!app.chains.includes(msg.header.chain))
        return fail(POCKETCORE.chain_not_staked_by_app, `the application is not staked for chain ${msg.header.chain}`);
    if (!computed.value.nodes.includes(msg.fromAddress))
        return fail(POCKETCORE.node_not_in_session, `node ${msg.fromAddress} is not in the session`);
    // 11
    const current = view.params();
    const windowEnd = sessionHeight + Number(current.pocketcore.claimSubmissionWindow * current.pos.blocksPerSession);
    if (height > windowEnd)
        return fail(POCKETCORE.claim_window_closed, `the claim window of session ${sessionHeight} closed at ${windowEnd}`);
    // L3
    const headerHash = sessionHeaderHash(header);
    const key = claimKey(msg.fromAddress, headerHash, msg.evidenceType);
    if (view.pocketcore.claims.has(key))
        return fail(LEDGER.claim_already_exists, `a claim for this session by ${msg.fromAddress} is already pending`);
    if (view.pocketcore.settledClaims.has(key))
        return fail(LEDGER.claim_already_settled, `the claim for this session by ${msg.fromAddress} was already settled`);
    const expirationHeight = claimExpirationHeight(height, session.pocketcore.claimExpiration, session.pos.blocksPerSession);
    return accepted({
        type: 'ClaimSubmitted',
        key,
        claim: {
            servicer: msg.fromAddress,
            header,
            headerHash,
            merkleRoot: { hashHex: msg.merkleRoot.hashHex, lower: msg.merkleRoot.lower, upper: msg.merkleRoot.upper },
            totalProofs: msg.totalProofs,
            evidenceType: msg.evidenceType,
            submittedHeight: height,
            expirationHeight,
        },
    });
}
//# sourceMappingURL=claim.js.map