/**
 * Who may sign a message (pocket's GetSigners), its msg.Type() string and its base fee.
 *
 * GetSigners lists the addresses whose key may sign; the ante handler accepts a signature by
 * any of them (x/auth/ante.go:71-147), plus two state-dependent extras it adds itself (the
 * node's current output address for a StakeNode, and the signer of an app transfer).
 * Order is pocket-core's.
 */
import { unreachable } from '../core/assert.js';
import { MESSAGE_TYPES } from '../wire/type-urls.js';
/**
 * pocket-core's GetSigners. StakeNode: [operator, output] (msg.go:202-204; Go lists a nil
 * output too, which can never match, so it is left out here); BeginUnstakeNode/UnjailNode:
 * [signer, validator] (msg.go:29-31, 68-70); StakeApp: [app] (x/apps/types/msg.go:32-34);
 * Proof: [address of the leaf's servicer key] (msgs.go:198-200); the rest their sender.
 */
export function signersOf(message) {
    switch (message.type) {
        case 'Send':
            return [message.fromAddress];
        case 'StakeNode':
            return message.outputAddress === null ? [message.operatorAddress] : [message.operatorAddress, message.outputAddress];
        case 'BeginUnstakeNode':
        case 'UnjailNode':
            return [message.signerAddress, message.validatorAddress];
        case 'StakeApp':
            return [message.applicationAddress];
        case 'BeginUnstakeApp':
        case 'UnjailApp':
            return [message.applicationAddress];
        case 'Claim':
            return [message.fromAddress];
        case 'Proof':
            return [message.leaf.servicerAddress];
        case 'ParamChange':
        case 'DAOTransfer':
            return [message.fromAddress];
        case 'Upgrade':
            return [message.address];
        default:
            return unreachable(message, 'message');
    }
}
/**
 * pocket's msg.Type(): "send", "stake_validator", "begin_unstake_validator",
 * "unjail_validator", "app_stake", "app_begin_unstake", "app_unjail", "claim", "proof",
 * "change_param", "dao_tranfer" (sic), "upgrade". FeeMultipliers are keyed by it
 * (x/auth/types/fee.go:5-12).
 */
export function messageType(message) {
    return MESSAGE_TYPES[typeof message === 'string' ? message : message.type].msgType;
}
/** Every message's base fee (NodeFeeMap/AppFeeMap/PocketFeeMap/GovFeeMap, x/<module>/types/fee.go). */
export const BASE_FEE_UPOKT = 10000n;
/** msg.GetFee(): the fee before auth/FeeMultipliers. */
export function baseFeeUpokt(message) {
    void message;
    return BASE_FEE_UPOKT;
}
//# sourceMappingURL=signers.js.map