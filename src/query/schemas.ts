/**
 * JSON schemas of the query routes' request bodies (validated by fastify's Ajv, types NOT
 * coerced: "5" is not a height, as Go's decoder refuses it) and of their answers (published in
 * the OpenAPI document; answers are written with JSON.stringify, never reshaped by a schema).
 *
 * Field names and types are pocket-core's request structs (app/cmd/rpc/query.go:56-104 and the
 * opts structs of x/nodes/types/querier.go, x/apps/types/querier.go). Unknown fields are ignored
 * (pocket-core's decoder ignores them too; the SDK sends a few, e.g. `perPage`).
 */

/** Heights are Go int64 in pocket-core; beyond 2^53 a JSON number is not exact here. */
export const MAX_HEIGHT = Number.MAX_SAFE_INTEGER;
/** The largest page the service serves; a larger per_page is refused (400 naming the field). */
export const MAX_PER_PAGE = 1000;

export const height = { type: 'integer', minimum: 0, maximum: MAX_HEIGHT, description: '0 or absent = the latest projected height' } as const;
export const address = { type: 'string', pattern: '^[0-9a-fA-F]{40}$', description: '20-byte hex address' } as const;
export const hash = { type: 'string', pattern: '^[0-9a-fA-F]{64}$', description: 'tx hash, 32-byte hex' } as const;
export const anyHash = { ...hash, description: 'a tx or block hash, 32-byte hex (either case)' } as const;
export const publicKey = { type: 'string', pattern: '^[0-9a-fA-F]{64}$', description: 'ed25519 public key, 32-byte hex' } as const;
export const chain = { type: 'string', pattern: '^[0-9a-fA-F]{1,8}$', description: 'relay chain id (hex)' } as const;
export const page = { type: 'integer', minimum: 0, maximum: MAX_HEIGHT, description: '1-based; 0 or absent = 1' } as const;
export const perPage = { type: 'integer', minimum: 0, maximum: MAX_PER_PAGE, description: `0 or absent = the route's default; at most ${MAX_PER_PAGE} (more is refused)` } as const;
/**
 * pocket-core's checkSort (app/query.go:630-639) refuses no text (a 400 here answered what
 * pocket-core serves: found by the query QA of 2026-12-06); its tx indexer walks "asc" newest
 * first and anything else oldest first (chain-routes.ts directionOf). The body limit bounds its length.
 */
export const order = { type: 'string', description: "by (height, index), as pocket-core's tx indexer: 'asc' newest first; any other text or none (default 'desc') oldest first" } as const;

type Properties = Record<string, object>;

/** An object body (an empty body reads as {}), unknown fields allowed. */
export function body(properties: Properties, required: readonly string[] = []): object {
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
}

const stringy = { type: 'string' } as const;
const int = { type: 'integer' } as const;
const bool = { type: 'boolean' } as const;
const nullable = (schema: object): object => ({ anyOf: [schema, { type: 'null' }] });
const obj = (properties: Properties): object => ({ type: 'object', properties });
const list = (items: object): object => ({ type: 'array', items });

export const errorAnswer = obj({ code: { type: 'integer', description: 'the HTTP status (pocket-core rpcError)' }, message: stringy, error: { type: 'string', description: 'stable error name' }, details: { type: 'object' } });

export const nodeAnswer = obj({
  address: stringy, public_key: stringy, jailed: bool, status: int, chains: list(stringy), service_url: stringy, tokens: stringy, unstaking_time: stringy,
  output_address: stringy, reward_delegators: nullable({ type: 'object' }),
});
export const appAnswer = obj({ address: stringy, public_key: stringy, jailed: bool, chains: list(stringy), max_relays: stringy, status: int, staked_tokens: stringy, unstaking_time: stringy });
/** The ledger's /v1/query/actor: what an address is at a height, never a 400 for "not that". */
export const actorAnswer = obj({ address: stringy, height: int, module: nullable(stringy), node: nullable(nodeAnswer), app: nullable(appAnswer) });
/** The ledger's /v1/query/hash: what a 64-hex names at a height — a tx, a block, either, or neither (nulls, never a 400 for "not found"). */
export const hashAnswer = obj({ hash: stringy, height: int, tx: nullable(obj({ height: int, index: int })), block: nullable(obj({ height: int })) });
export const page$ = (item: object): object => obj({ result: nullable(list(item)), total_pages: int, page: int });
export const txAnswer = obj({
  hash: stringy, height: int, index: int,
  tx_result: obj({ code: int, data: { type: 'null' }, log: stringy, info: stringy, events: { type: 'null' }, codespace: stringy, signer: stringy, recipient: stringy, message_type: stringy }),
  tx: { type: 'string', description: 'base64 of the tx bytes' },
  proof: { type: 'object', description: "Tendermint's TxProof of the tx in its block when `prove` is true, else the empty TxProof" },
  stdTx: obj({ msg: { description: 'the message as amino JSON (its sign bytes)' }, fee: nullable(list(obj({ denom: stringy, amount: stringy }))), signature: obj({ pub_key: stringy, signature: stringy }), memo: stringy, entropy: int }),
});
export const txSearchAnswer = obj({ txs: list(txAnswer), page_count: { type: 'integer', description: 'txs on this page' }, total_txs: { type: 'integer', description: 'matches on all pages' } });
export const accountAnswer = nullable(obj({ address: stringy, coins: list(obj({ denom: stringy, amount: stringy })), public_key: nullable(stringy), name: { type: 'string', description: 'module accounts only (ModuleAccount)' }, permissions: { ...nullable(list(stringy)), description: 'module accounts only (ModuleAccount)' } }));
const base64 = { type: 'string', description: 'base64 (a Go []byte)' } as const;
/** A claim in a nodeclaims page: MsgClaim via encoding/json (numbers). */
export const claimAnswer = obj({
  header: obj({ app_public_key: stringy, chain: stringy, session_height: int }),
  merkle_root: obj({ merkleHash: base64, range: obj({ lower: int, upper: int }) }),
  total_proofs: int, from_address: stringy, evidence_type: int, expiration_height: int,
});
/** nodeclaim: MsgClaim in amino JSON (int64 as strings), wrapped as its registered type. */
export const aminoClaimAnswer = obj({
  type: { type: 'string', enum: ['pocketcore/claim'] },
  value: obj({
    header: obj({ app_public_key: stringy, chain: stringy, session_height: stringy }),
    merkle_root: obj({ merkleHash: base64, range: obj({ lower: stringy, upper: stringy }) }),
    total_proofs: stringy, from_address: stringy, evidence_type: stringy, expiration_height: stringy,
  }),
});
export const signingInfoAnswer = obj({ address: stringy, start_height: int, index_offset: int, jailed_until: stringy, missed_blocks_counter: int, jailed_blocks_counter: int });
export const paramAnswer = obj({ param_key: stringy, param_value: stringy });
export const allParamsAnswer = obj(Object.fromEntries(['app_params', 'node_params', 'pocket_params', 'gov_params', 'auth_params'].map((k) => [k, list(paramAnswer)])));
export const supplyAnswer = obj(Object.fromEntries(['node_staked', 'app_staked', 'dao', 'total_staked', 'total_unstaked', 'total'].map((k) => [k, stringy])));
export const jsonTextAnswer = { type: 'string', description: 'a JSON text inside a JSON string, as pocket-core writes it (WriteResponse of amino JSON)' };
export const anyObject = { type: 'object', additionalProperties: true };
/** A list answer beyond pocket-core: the page's rows and the total over all pages. */
export const ledgerPage = (item: object): object => obj({ result: list(item), page: int, per_page: int, total: { type: 'integer', description: 'matches over all pages' }, total_pages: int, height: int });
