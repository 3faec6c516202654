/**
 * Slashing queries over the ledger state: a validator's signing info (pocket-core's
 * `/v1/query/signinginfo` reads the same record, x/nodes/keeper/querier.go; PROTOCOL §10.1),
 * or pos:108 when there is none (ErrNoSigningInfoFound, x/nodes/types/errors.go).
 * Pure functions of a read-only state; the CLI and the query service wrap them.
 */
import { rejection } from '../../core/rejection.js';
import { err, ok } from '../../core/result.js';
import { POS } from '../../messages/index.js';
export function querySigningInfo(state, address) {
    const info = state.slashing.signingInfos.get(address.toLowerCase());
    if (info === undefined)
        return err(rejection(POS.signing_info_not_found, `no signing info for validator ${address}`));
    return ok(info);
}
//# sourceMappingURL=queries.js.map