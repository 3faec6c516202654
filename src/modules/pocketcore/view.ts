/**
 * The slice of the ledger state pocketcore reads, spelled with LedgerState's property paths so
 * the chain passes its whole (read-only) state. Writes happen only in evolve.ts.
 */
import { mustHexToBytes } from '../../core/hex.js';
import type { Address, PublicKeyHex } from '../../core/types.js';
import { addressFromPublicKey, addressOfPublicKeyHex } from '../../crypto/address.js';
import type { Params } from '../../params/params.js';
import { heightKey } from '../../state/chain-tables.js';
import type { ReadonlyTable } from '../../state/table.js';
import type { Application } from '../apps/index.js';
import type { Validator } from '../nodes/index.js';
import type { ClaimIndex } from './claim-index.js';
import type { SessionCandidates } from './session-candidates.js';
import { HISTORY_FLOOR_KEY, type ClaimRecord, type SettledClaim } from './state.js';

/** The derived, in-memory parts (method-only objects; not state). */
export interface PocketcoreDerived {
  readonly sessionCandidates: Pick<SessionCandidates, 'at' | 'current'>;
  readonly claimIndex: Pick<ClaimIndex, 'expiredAt' | 'oldestSessionHeight'>;
}

export interface PocketcoreView {
  readonly chain: { readonly blockHashes: ReadonlyTable<string> };
  readonly nodes: { readonly validators: ReadonlyTable<Validator> };
  readonly apps: { readonly applications: ReadonlyTable<Application> };
  readonly pocketcore: {
    readonly claims: ReadonlyTable<ClaimRecord>;
    readonly settledClaims: ReadonlyTable<SettledClaim>;
    readonly historyFloor: ReadonlyTable<number>;
  } & PocketcoreDerived;
  params(): Params;
  paramsAt(height: number): Params;
}

/** Hash of block `height` (hex), once that block is applied. */
export function blockHashAt(view: Pick<PocketcoreView, 'chain'>, height: number): string | undefined {
  return view.chain.blockHashes.get(heightKey(height));
}

/** The oldest height whose committed state pocketcore may read (0 before any pruning). */
export function historyFloor(view: { readonly pocketcore: { readonly historyFloor: ReadonlyTable<number> } }): number {
  return view.pocketcore.historyFloor.get(HISTORY_FLOOR_KEY) ?? 0;
}

/**
 * Address of an application key (GetAppFromPublicKey converts key → address). PERF: every claim
 * and proof looks its app up by key (~2,800 a mainnet-shaped block, over ~2k apps), so a 32-byte
 * key goes through addressOfPublicKeyHex's bounded memo of the same pure function; anything else
 * (which validated messages never carry) takes the direct path, with its error.
 */
export function appAddressOf(appPublicKey: PublicKeyHex): Address {
  return addressOfPublicKeyHex(appPublicKey) ?? addressFromPublicKey(mustHexToBytes(appPublicKey));
}
