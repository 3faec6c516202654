import { unstakeMatureApplications } from '../modules/apps/index.js';
import { payBlockReward, updateValidatorSet, releaseWaitingValidators, unstakeMatureValidators } from '../modules/nodes/index.js';
import { activateFeatureParams, upgradeHaltReason } from '../modules/gov/index.js';
import { burnApplicationStakes } from '../modules/policy/index.js';
import { handleValidatorSignatures, handleDoubleSignEvidence, incrementJailedBlocks, checkEvidence } from '../modules/slashing/index.js';
import { deleteExpiredClaims, endBlockHistoryFloor, afterCommit } from '../modules/pocketcore/index.js';
import { voteSignBytes } from './block.js';
import { checkChainHeader, checkLastCommit } from './header-checks.js';
export const BEGIN_BLOCK_STEPS = [
    { name: 'gov.activateFeatureParams', run: (state, ctx) => activateFeatureParams(state, ctx) },
    { name: 'nodes.payBlockReward', run: (state, ctx) => payBlockReward(state, state.params().pos, ctx) },
    { name: 'slashing.handleValidatorSignatures', run: (state, ctx) => handleValidatorSignatures(state, state.params().pos, ctx) },
    { name: 'slashing.handleDoubleSignEvidence', run: (state, ctx) => handleDoubleSignEvidence(state, state.params().pos, ctx) },
    { name: 'pocketcore.deleteExpiredClaims', run: (state, ctx) => deleteExpiredClaims(state, ctx) },
];
export const END_BLOCK_STEPS = [
    { name: 'slashing.incrementJailedBlocks', run: (state, ctx) => incrementJailedBlocks(state, state.params().pos, ctx) },
    { name: 'nodes.releaseWaitingValidators', run: (state, ctx) => releaseWaitingValidators(state, state.params().pos, ctx) },
    { name: 'nodes.updateValidatorSet', run: (state, ctx) => updateValidatorSet(state, state.params().pos, ctx) },
    { name: 'nodes.unstakeMatureValidators', run: (state, ctx) => unstakeMatureValidators(state, ctx) },
    { name: 'apps.unstakeMatureApplications', run: (state, ctx) => unstakeMatureApplications(state, ctx) },
    { name: 'policy.burnForRelayMint', run: (state, _ctx, events) => burnApplicationStakes(state, state.params().application.burnRate, events) },
    { name: 'pocketcore.advanceHistoryFloor', run: (state, ctx) => endBlockHistoryFloor(state, ctx) },
];
/** Run in order before anything is applied; the first problem rejects the block (BlockRejectedError). */
export const HEADER_CHECKS = [
    // An upgrade to a version this ledger does not implement stops the chain here (gov/features.ts).
    { name: 'gov.upgradeHalt', run: (state, block) => haltProblem(upgradeHaltReason(state.params().gov.upgrade, block.header.height)) },
    { name: 'chain.header', run: (state, block, prepared) => checkChainHeader(state, block, prepared) },
    { name: 'chain.lastCommit', run: (state, block) => checkLastCommit(state, block) },
    // Double-sign evidence must be valid (forged, identical or future votes: not a block of this chain).
    { name: 'slashing.checkEvidence', run: (_state, block) => checkEvidence(block.header.evidence, block.header.chainId, block.header.height, voteSignBytes) },
];
function haltProblem(reason) {
    return reason === undefined ? undefined : { code: 'upgrade_required', message: reason };
}
export const AFTER_COMMIT_STEPS = [
    // Session-start chain-index memo + history pruning to pocketcore's floor (modules/pocketcore/history.ts).
    { name: 'pocketcore.afterCommit', run: (state, height) => afterCommit(state, height) },
];
//# sourceMappingURL=hooks.js.map