/** Features whose switching off changes the node stake rules (PROTOCOL §1.1, §12.1). */
const NODE_STAKE_FEATURES = ['NCUST', 'OEDIT', 'RSCAL', 'VEDIT', 'RewardDelegators'];
/** handler.go:56-61 (msg.go:308-313): len(url) in bytes. */
const MAX_SERVICE_URL_BYTES = 255;
/** The code ("ok" or "pos:N"), or undefined where the audit does not decide it. */
export function decideNodeStake(world, message, payer) {
    if (world.featuresChanged(NODE_STAKE_FEATURES))
        return undefined;
    if (Buffer.byteLength(message.serviceUrl, 'utf8') > MAX_SERVICE_URL_BYTES)
        return 'pos:118';
    const signer = payer.address;
    const current = world.nodes.get(message.operatorAddress);
    const outputChangeByCurrentOutput = current !== undefined && message.outputAddress !== null && message.outputAddress !== current.outputAddress && signer === current.outputAddress;
    if (!outputChangeByCurrentOutput && !isOperatorOrOutput(message.operatorAddress, message.outputAddress, signer))
        return 'pos:125';
    if (message.outputAddress === null)
        return 'pos:123';
    if (BigInt(message.chains.length) > world.params.int('pos/MaximumChains'))
        return 'pos:120';
    if (current !== undefined) {
        if (!isOperatorOrOutput(current.operator, current.outputAddress, signer))
            return 'pos:125';
        return current.unstakingAtNs === null ? editCode(world.params, current, message, payer) : 'pos:110';
    }
    if (message.valueUpokt < world.params.int('pos/StakeMinimum'))
        return 'pos:111';
    return payer.spendable < message.valueUpokt ? 'pos:112' : 'ok';
}
function editCode(params, current, message, payer) {
    const value = message.valueUpokt;
    if (value < current.tokens)
        return 'pos:122';
    const { floor, ceiling } = params.pip22();
    if (floor <= 0n)
        return undefined; // Go's Mod by zero: not a rule PROTOCOL states
    if (value < ceiling && value - (value % floor) <= current.tokens)
        return 'pos:122';
    const raise = value - current.tokens;
    if (raise > 0n && payer.spendable < raise)
        return 'pos:112';
    if (current.outputAddress !== null && payer.address !== current.outputAddress && message.outputAddress !== current.outputAddress)
        return 'pos:127';
    if (!sameShares(current.delegators, message.rewardDelegators) && payer.address !== current.operator)
        return 'pos:129';
    return current.waiting ? 'pos:117' : 'ok';
}
/** ValidateValidatorMsgSigner (valStateChanges.go:198-214). */
function isOperatorOrOutput(operator, output, signer) {
    return signer === operator || (output !== null && signer === output);
}
/** CompareStringMaps (types/utils.go:201-213): same size, same share per key; absent = empty. */
function sameShares(a, b) {
    const left = new Map(a ?? []);
    const right = new Map(b ?? []);
    return left.size === right.size && [...left].every(([key, share]) => right.get(key) === share);
}
//# sourceMappingURL=node-stake.js.map