/**
 * The slice of the ledger state pocketcore reads, spelled with LedgerState's property paths so
 * the chain passes its whole (read-only) state. Writes happen only in evolve.ts.
 */
import { mustHexToBytes } from '../../core/hex.js';
import { addressFromPublicKey } from '../../crypto/address.js';
import { heightKey } from '../../state/chain-tables.js';
import { HISTORY_FLOOR_KEY } from './state.js';
/** Hash of block `height` (hex), once that block is applied. */
export function blockHashAt(view, height) {
    return view.chain.blockHashes.get(heightKey(height));
}
/** The oldest height whose committed state pocketcore may read (0 before any pruning). */
export function historyFloor(view) {
    return view.pocketcore.historyFloor.get(HISTORY_FLOOR_KEY) ?? 0;
}
/** Address of an application key (GetAppFromPublicKey converts key → address). */
export function appAddressOf(appPublicKey) {
    return addressFromPublicKey(mustHexToBytes(appPublicKey));
}
//# sourceMappingURL=view.js.map