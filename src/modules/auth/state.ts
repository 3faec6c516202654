/**
 * auth state: accounts (balances and known public keys), total supply, the tx-hash index.
 *
 * Module accounts are ordinary accounts at well-known addresses (SHA-256(name)[:20]); their
 * balances are the pools (staked tokens, DAO treasury, collected fees).
 */
import { moduleAddress } from '../../crypto/address.js';
import type { Address, PublicKeyHex } from '../../core/types.js';
import type { TableSpec } from '../../state/table.js';

export interface Account {
  readonly balanceUpokt: bigint;
  /**
   * Only from genesis: pocket-core's ante handler never stores a signer's key on its account (no
   * SetPubKey caller, x/auth/ante.go), so a key-less tx can only use a key genesis gave.
   */
  readonly publicKey: PublicKeyHex | null;
}

/** Hot path: a compact, canonical encoding ("<balance>:<pubkey or empty>"). */
export const accountsTable: TableSpec<Account> = {
  name: 'auth/accounts',
  encode: (account) => `${account.balanceUpokt}:${account.publicKey ?? ''}`,
  decode: (text) => {
    const [balance, publicKey] = text.split(':') as [string, string];
    return { balanceUpokt: BigInt(balance), publicKey: publicKey === '' ? null : (publicKey as PublicKeyHex) };
  },
};

/** Single key "total": genesis supply + minted − burned (x/auth/keeper/supply.go). */
export const supplyTable: TableSpec<bigint> = {
  name: 'auth/supply',
  encode: (total) => total.toString(),
  decode: (text) => BigInt(text),
};
export const TOTAL_SUPPLY_KEY = 'total';

/**
 * Every tx hash ever delivered (upper-case hex) → its height. pocket-core rejects a tx whose
 * hash is already indexed (`auth:6`, x/auth/ante.go:51-64): there are no account nonces.
 *
 * Not hashed into the state root (`committed: false`): its content is exactly the set of txs of
 * blocks 1..h, which the chain of block hashes (each header holds its tx root and the previous
 * hash) already commits to — as in pocket-core, where Tendermint's tx indexer sits outside the
 * app hash. It is still state: journaled, read by the ante handler, carried by snapshots (whose
 * checksum covers it). Leaving it out saves a leaf hash per tx, a third of the commit work of a
 * block of sends.
 */
export const txIndexTable: TableSpec<number> = {
  name: 'auth/tx_index',
  encode: (height) => String(height),
  decode: (text) => Number(text),
  committed: false,
};

/**
 * Replay protection on what is signed: the replay key of every tx whose ante handler passed (its
 * fee was charged) → its height. The key is SHA-256 over the sign document and the signer
 * (chain/replay-key.ts), so every encoding of one signed tx — a non-minimal length prefix, an
 * unknown field, reordered fields, the public key left out — has the same key, while the
 * entropy field keeps honest txs with the same content apart. The tx index above cannot do this:
 * its key is the hash of the bytes, which such re-encodings change without touching the
 * signature.
 *
 * Not hashed into the state root, for the tx index's reason: it is a function of the delivered
 * txs, which the block hashes commit to. Journaled, read by the ante handler, carried by
 * snapshots (format version 2; version-1 snapshots lack it and are refused).
 */
export const replayIndexTable: TableSpec<number> = {
  name: 'auth/replay_index',
  encode: (height) => String(height),
  decode: (text) => Number(text),
  committed: false,
};

/** Module account names (PROTOCOL §0) and their addresses. */
export const MODULE_NAMES = {
  feeCollector: 'fee_collector',
  nodesStakedPool: 'staked_tokens_pool',
  appsStakedPool: 'application_staked_tokens_pool',
  dao: 'dao',
  pos: 'pos',
  application: 'application',
} as const;

export type ModuleName = (typeof MODULE_NAMES)[keyof typeof MODULE_NAMES];

export const MODULE_ADDRESSES: Readonly<Record<ModuleName, Address>> = Object.freeze(
  Object.fromEntries(Object.values(MODULE_NAMES).map((name) => [name, moduleAddress(name)])) as Record<ModuleName, Address>,
);

const MODULE_BY_ADDRESS = new Map<string, ModuleName>(Object.entries(MODULE_ADDRESSES).map(([name, address]) => [address, name as ModuleName]));

export function moduleNameOf(address: string): ModuleName | undefined {
  return MODULE_BY_ADDRESS.get(address);
}

const EVERY_PERMISSION = ['burner', 'minter', 'staking'] as const;

/**
 * The permissions pocket-core gives each module account when it creates it
 * (moduleAccountPermissions, app/pocket.go:203-210, the same since RC-0.5.0; the names are
 * x/auth/types/permissions.go:11-15): every one but the application module's, which has none
 * (nil, JSON null). A query answer shows them; the ledger's own rules never read them.
 */
export const MODULE_PERMISSIONS: Readonly<Record<ModuleName, readonly string[] | null>> = {
  [MODULE_NAMES.feeCollector]: EVERY_PERMISSION,
  [MODULE_NAMES.nodesStakedPool]: EVERY_PERMISSION,
  [MODULE_NAMES.appsStakedPool]: EVERY_PERMISSION,
  [MODULE_NAMES.dao]: EVERY_PERMISSION,
  [MODULE_NAMES.pos]: EVERY_PERMISSION,
  [MODULE_NAMES.application]: null,
};
