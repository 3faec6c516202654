/**
 * Transaction fees (x/auth/types/fee.go:5-12): every message's base fee (10,000 uPOKT) times
 * auth/FeeMultipliers — the override for its msg.Type() ("send", "claim", …) if listed, else the
 * default multiplier. Example: default 1, override {"claim": 3} → send 10,000, claim 30,000.
 */
import { BASE_FEE_UPOKT } from '../../messages/index.js';
export function feeForMessageType(messageType, auth) {
    const override = auth.feeMultipliers.overrides.find((entry) => entry.key === messageType);
    return BASE_FEE_UPOKT * (override?.multiplier ?? auth.feeMultipliers.default);
}
//# sourceMappingURL=fees.js.map