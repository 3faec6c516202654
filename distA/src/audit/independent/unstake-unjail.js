export function decideUnstakeOrUnjail(world, message) {
    return message.type === 'BeginUnstakeApp' || message.type === 'UnjailApp' ? decideAppMessage(world, message) : decideNodeMessage(world, message);
}
function decideAppMessage(world, message) {
    const app = world.apps.get(message.applicationAddress);
    if (app === undefined)
        return 'application:101';
    if (message.type === 'BeginUnstakeApp')
        return app.unstakingAtNs !== null || app.jailed ? 'sdk:1' : 'ok';
    return app.stake < world.params.int('application/ApplicationStakeMinimum') || !app.jailed ? 'application:105' : 'ok';
}
function decideNodeMessage(world, message) {
    const node = world.nodes.get(message.validatorAddress);
    if (node === undefined)
        return 'pos:101';
    if (message.signerAddress !== node.operator && message.signerAddress !== node.outputAddress)
        return 'pos:125';
    if (message.type === 'BeginUnstakeNode')
        return node.unstakingAtNs !== null ? 'pos:110' : 'ok';
    if (node.tokens < world.params.int('pos/StakeMinimum') || !node.jailed)
        return 'pos:105';
    const info = world.signing.get(message.validatorAddress);
    if (info === undefined)
        return 'pos:101';
    return info.jailedUntilNs !== null && world.timeNs < info.jailedUntilNs ? 'pos:104' : 'ok';
}
//# sourceMappingURL=unstake-unjail.js.map