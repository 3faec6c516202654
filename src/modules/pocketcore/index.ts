/**
 * pocketcore's public face (PROTOCOL §3–§5): sessions, relay evidence and the MSI tree, claims
 * and proofs, relay rewards and replay burns as plans, events, queries.
 *
 *   session-heights.ts    SBH arithmetic            session.ts            header, key, node walk
 *   session-candidates.ts chain index memo          session-service.ts    sessions on the right states
 *   msi-tree.ts           Merkle sum-index tree     proof-index.ts        pseudorandom leaf index
 *   evidence.ts           signed relays → claims/proofs (simulator, tests, benches)
 *   claim.ts / proof.ts   the deciders              rewards.ts            reward and burn plans
 *   state.ts, claim-index.ts, history.ts, hooks.ts, events.ts, evolve.ts, queries.ts, view.ts
 */
export { latestSessionHeight, isSessionStart, sessionEndHeight } from './session-heights.js';
export { sessionHeaderJson, sessionHeaderHash, sessionKey, selectSessionNodes, type SessionHeaderKey } from './session.js';
export { computeSession, dispatchSession, type ComputedSession } from './session-service.js';
export { buildMsiTree, msiProof, verifyMsiProof, msiLevelCount, type MsiNode, type MsiTree, type MsiProof } from './msi-tree.js';
export { proofHeight, proofIndex, proofSeed } from './proof-index.js';
export { signAat, signRelayProof, buildSessionEvidence, claimMessage, proofMessage, type SessionEvidence } from './evidence.js';
export { decideClaim, claimExpirationHeight } from './claim.js';
export { decideProof } from './proof.js';
export { planRelayReward, planReplayBurn, rewardCostUpokt, type RelayRewardPlan, type ReplayBurnPlan } from './rewards.js';
export { relayRewardMintedUpokt, type PocketcoreEvent } from './events.js';
export { dispatch, nodeClaims, calculateRelayReward } from './queries.js';
export { claimKey, type ClaimRecord } from './state.js';
