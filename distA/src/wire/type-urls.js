export const MESSAGE_TYPES = Object.freeze({
    Send: { kind: 'Send', typeUrl: '/x.nodes.MsgSend', aminoType: 'pos/Send', msgType: 'send' },
    StakeNode: { kind: 'StakeNode', typeUrl: '/x.nodes.MsgProtoStake8', aminoType: 'pos/8.0MsgStake', msgType: 'stake_validator' },
    BeginUnstakeNode: { kind: 'BeginUnstakeNode', typeUrl: '/x.nodes.MsgBeginUnstake8', aminoType: 'pos/8.0MsgBeginUnstake', msgType: 'begin_unstake_validator' },
    UnjailNode: { kind: 'UnjailNode', typeUrl: '/x.nodes.MsgUnjail8', aminoType: 'pos/8.0MsgUnjail', msgType: 'unjail_validator' },
    StakeApp: { kind: 'StakeApp', typeUrl: '/x.apps.MsgProtoStake', aminoType: 'apps/MsgAppStake', msgType: 'app_stake' },
    BeginUnstakeApp: { kind: 'BeginUnstakeApp', typeUrl: '/x.apps.MsgBeginUnstake', aminoType: 'apps/MsgAppBeginUnstake', msgType: 'app_begin_unstake' },
    UnjailApp: { kind: 'UnjailApp', typeUrl: '/x.apps.MsgUnjail', aminoType: 'apps/MsgAppUnjail', msgType: 'app_unjail' },
    Claim: { kind: 'Claim', typeUrl: '/x.pocketcore.MsgClaim', aminoType: 'pocketcore/claim', msgType: 'claim' },
    Proof: { kind: 'Proof', typeUrl: '/x.pocketcore.MsgProtoProof', aminoType: 'pocketcore/proof', msgType: 'proof' },
    ParamChange: { kind: 'ParamChange', typeUrl: '/x.gov.MsgChangeParam', aminoType: 'gov/msg_change_param', msgType: 'change_param' },
    DAOTransfer: { kind: 'DAOTransfer', typeUrl: '/x.gov.MsgDAOTransfer', aminoType: 'gov/msg_dao_transfer', msgType: 'dao_tranfer' },
    Upgrade: { kind: 'Upgrade', typeUrl: '/x.gov.MsgUpgrade', aminoType: 'gov/msg_upgrade', msgType: 'upgrade' },
});
/**
 * Pre-NCUST node messages (x/nodes/types/msg_legacy.go:42-44, 80-82, 225-227). Pocket-core only
 * executes them before the NCUST feature height; this ledger runs with every feature active and
 * refuses them with `ledger:unsupported_legacy_message` (PROTOCOL §12.1 choice).
 */
export const LEGACY_TYPE_URLS = new Map([
    ['/x.nodes.MsgProtoStake', 'pos/MsgStake'],
    ['/x.nodes.MsgBeginUnstake', 'pos/MsgBeginUnstake'],
    ['/x.nodes.MsgUnjail', 'pos/MsgUnjail'],
]);
const BY_TYPE_URL = new Map(Object.values(MESSAGE_TYPES).map((info) => [info.typeUrl, info]));
export function messageTypeByUrl(typeUrl) {
    return BY_TYPE_URL.get(typeUrl);
}
//# sourceMappingURL=type-urls.js.map