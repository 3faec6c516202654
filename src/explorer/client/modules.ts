/**
 * The chain's module accounts, by address: pocket-core derives each from its module's name as the
 * first 20 bytes of SHA-256(name) (x/auth/types/account.go:320-322; src/crypto/address.ts). They
 * hold pools, not anyone's keys, so their pages say what they are instead of "an account that has
 * sent nothing". Constants, not computed here: the browser's SHA-256 (crypto.subtle) exists only on
 * secure origins, and the explorer may be served on a LAN address. A unit test holds every one
 * equal to the server's moduleAddress(name) (test/unit/explorer/modules.test.ts).
 */
export interface ModuleAccount {
  readonly name: string;
  readonly what: string;
}

export const MODULE_ACCOUNTS: Readonly<Record<string, ModuleAccount>> = {
  '6386713deb27b609daad5e2e32ee6591753e5f4e': { name: 'dao', what: 'the DAO treasury: its share of every relay reward, spent only by governance (dao_tranfer)' },
  f1829676db577682e944fc3493d451b67ff3e29f: { name: 'fee_collector', what: "collects a block's tx fees and the DAO and proposer shares of its relay rewards; split between the DAO and the proposer at the next block" },
  '8ef97b488e66a2b2e89a3b4999549816768910fb': { name: 'staked_tokens_pool', what: "holds every node's stake" },
  '63533fb8f43b4883a1f37265f1561ce7b1c6c307': { name: 'application_staked_tokens_pool', what: "holds every application's stake" },
  '7160f8688035138fcbc9a6c8041949ebea0c0d21': { name: 'pos', what: "the nodes (pos) module's own account" },
  '1fe289205936c3fdb61158223892c7a8bee6ff4d': { name: 'application', what: "the application module's own account" },
};

/** The module account at `address` (lowercase hex), if it is one. */
export function moduleAccount(address: string): ModuleAccount | undefined {
  return Object.hasOwn(MODULE_ACCOUNTS, address) ? MODULE_ACCOUNTS[address] : undefined;
}

/** The address of the module account named `name` ("dao" → 6386…4e), if there is one. */
export function moduleAddressOf(name: string): string | undefined {
  return Object.keys(MODULE_ACCOUNTS).find((address) => MODULE_ACCOUNTS[address]!.name === name);
}

/**
 * The account a reward line pays: its address, or — for a block reward's DAO cut, whose line has
 * none (the projection keeps it by its proposer) — the dao module account, where pocket-core's
 * blockReward sends it (x/nodes/keeper/reward.go:227-245, x/gov/types/dao.go:8). A burn and the
 * fee collector's retained remainder pay no one: null.
 */
export function rewardPaidTo(line: { readonly kind: string; readonly role: string; readonly address: string | null }): string | null {
  return line.address ?? (line.kind === 'block' && line.role === 'dao' ? (moduleAddressOf('dao') ?? null) : null);
}
