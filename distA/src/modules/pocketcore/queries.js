import { err, ok } from '../../core/result.js';
import { inactiveFeatures } from '../gov/index.js';
import { planBlockReward, StakeStatus } from '../nodes/index.js';
import { planRelayReward } from './rewards.js';
import { dispatchSession } from './session-service.js';
export function dispatch(view, appPublicKey, chain, height) {
    const enforceMaxChains = !inactiveFeatures(view.params().gov.upgrade, height).has('MAXCH');
    const session = dispatchSession(view, appPublicKey, chain, height, { enforceMaxChains });
    if (!session.ok)
        return err(session.error);
    const { header, key, nodes } = session.value;
    return ok({ key, header: { app_public_key: header.appPublicKey, chain: header.chain, session_height: header.sessionHeight }, nodes });
}
export function claimAnswer(claim) {
    return {
        header: { app_public_key: claim.header.appPublicKey, chain: claim.header.chain, session_height: claim.header.sessionHeight },
        merkle_root: { merkleHash: claim.merkleRoot.hashHex, range: { lower: claim.merkleRoot.lower.toString(), upper: claim.merkleRoot.upper.toString() } },
        total_proofs: claim.totalProofs.toString(),
        from_address: claim.servicer,
        evidence_type: claim.evidenceType,
        expiration_height: claim.expirationHeight,
    };
}
/** Pending claims of `address` (all claims when undefined), in key order (= pocket's iteration). */
export function nodeClaims(view, address) {
    const out = [];
    for (const [key, claim] of view.pocketcore.claims.sortedEntries())
        if (address === undefined || key.startsWith(address))
            out.push(claimAnswer(claim));
    return out;
}
/**
 * The relay reward of `relays` relays for a servicer staked `stakeUpokt` under `params`.
 * Example (mainnet-genesis split, RTTM 1000, PIP-22 activation values, 10,000 relays, 15,000
 * POKT): minted 10,000,000, node 8,900,000, fee collector 1,100,000 → DAO 1,000,000, proposer
 * 100,000 (10:1 at the next BeginBlock).
 */
export function calculateRelayReward(params, input) {
    const validator = {
        address: input.operator,
        publicKey: '00'.repeat(32),
        jailed: false,
        status: StakeStatus.Staked,
        chains: [input.chain],
        serviceUrl: '',
        tokensUpokt: input.stakeUpokt,
        unstakingTimeNs: null,
        outputAddress: input.output,
        rewardDelegators: input.delegators,
    };
    const plan = planRelayReward({
        servicer: input.operator,
        chain: input.chain,
        relays: input.relays,
        validator,
        pos: params.pos,
        auth: params.auth,
        ...(input.inactiveFeatures === undefined ? {} : { inactiveFeatures: input.inactiveFeatures }),
    });
    const split = planBlockReward(plan.feeCollectorUpokt, params.pos, null, undefined);
    return {
        plan,
        answer: {
            chain: input.chain,
            relays: input.relays.toString(),
            stake_upokt: input.stakeUpokt.toString(),
            multiplier_upokt_per_relay: plan.multiplierUpoktPerRelay.toString(),
            bin: plan.bin.toString(),
            weight: plan.weight,
            minted_upokt: plan.mintedUpokt.toString(),
            node_upokt: plan.nodeRewardUpokt.toString(),
            reward_cost_refund_upokt: plan.rewardCostRefundUpokt.toString(),
            fee_collector_upokt: plan.feeCollectorUpokt.toString(),
            dao_upokt: (split?.daoUpokt ?? 0n).toString(),
            proposer_upokt: (split?.proposerUpokt ?? 0n).toString(),
            burned_upokt: (split?.burnedUpokt ?? 0n).toString(),
            recipients: plan.lines.map((line) => ({ role: line.role, address: line.address, amount_upokt: line.amountUpokt.toString() })),
        },
    };
}
//# sourceMappingURL=queries.js.map