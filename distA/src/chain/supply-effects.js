const NONE = { mintedUpokt: 0n, burnedUpokt: 0n };
const none = () => NONE;
const burned = (burnedUpokt) => ({ mintedUpokt: 0n, burnedUpokt });
const SUPPLY_EFFECTS = {
    // auth
    FeeDeducted: none,
    CoinsSent: none,
    // nodes: block reward, staking, validator set
    BlockRewardDistributed: (event) => burned(event.burnedUpokt),
    ValidatorSetUpdated: none,
    NodeStaked: none,
    NodeStakeEdited: none,
    NodeUnstakeRequested: none,
    NodeForceUnstakeQueued: none,
    NodeUnstakingStarted: none,
    NodeUnstakeWaitDropped: none,
    NodeUnstaked: none,
    // nodes: slashing and jailing
    NodeSlashed: (event) => burned(event.burnedUpokt),
    NodeJailed: none,
    NodeUnjailed: none,
    SigningInfosUpdated: none,
    SigningInfoSet: none,
    DoubleSignEvidenceIgnored: none,
    // apps
    AppStaked: none,
    AppStakeEdited: none,
    AppTransferred: none,
    AppUnstakingStarted: none,
    AppUnstaked: none,
    AppUnjailed: none,
    // pocketcore
    ClaimSubmitted: none,
    ClaimsExpired: none,
    ProofAccepted: none,
    ProofRejected: none,
    RelaysRewarded: (event) => ({ mintedUpokt: event.plan.mintedUpokt, burnedUpokt: 0n }),
    ReplayAttackDetected: (event) => burned(event.burn.burnedUpokt),
    HistoryFloorAdvanced: none,
    // gov
    ParamChanged: none,
    DaoTransferred: none,
    DaoBurned: (event) => burned(event.amountUpokt),
    UpgradeScheduled: none,
    FeatureParamsActivated: none,
    // policy
    ApplicationStakeBurned: (event) => burned(event.burnedUpokt),
};
export function supplyEffect(event) {
    return SUPPLY_EFFECTS[event.type](event);
}
//# sourceMappingURL=supply-effects.js.map