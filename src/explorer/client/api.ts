/**
 * The public query API, and nothing else: every answer the explorer shows comes from one of
 * these POSTs (pocket-core's /v1/query/* routes and the ledger's rewards, rapsheet, claims and
 * supplyhistory). A 4xx/5xx answer is the service's `{code, message, error, details}` shape.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The answer's `details` (`field`, and for height_in_future `latest`). */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

/**
 * No answer at all: the service stopped, or the network between it and the browser is down
 * (fetch rejects; the browser says only "Failed to fetch"). Its message says so in words, for the
 * error page (errors.ts) and a list's failed page (pager.ts).
 */
export class UnreachableError extends Error {
  constructor(readonly route: string, readonly reason: string) {
    super(`the query service could not be reached (${reason})`);
  }
}

export async function query<T>(route: string, body: Readonly<Record<string, unknown>> = {}): Promise<T> {
  return (await counted<T>(route, body)).answer;
}

/**
 * An answer with the list's length from its `x-total-count` header (pocket-core's nodes and apps
 * answers say only how many pages there are; the service counts the rows). NaN when absent.
 */
export async function counted<T>(route: string, body: Readonly<Record<string, unknown>> = {}): Promise<{ answer: T; total: number }> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(`/v1/${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    text = await response.text();
  } catch (error) {
    throw new UnreachableError(route, error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) {
    let answer: { error?: string; message?: string; details?: Record<string, unknown> } = {};
    try {
      answer = JSON.parse(text) as typeof answer;
    } catch {
      // not JSON: keep the status line
    }
    throw new ApiError(response.status, answer.error ?? 'http_error', answer.message ?? `${route}: HTTP ${response.status}`, answer.details ?? {});
  }
  return { answer: JSON.parse(text) as T, total: Number(response.headers.get('x-total-count') ?? NaN) };
}

/** The latest projected height (every page that links "next" or checks a height asks it). */
export async function headHeight(): Promise<number> {
  return (await query<{ height: number }>('query/height')).height;
}

/** The blocks this chain holds: `firstBlock` through `head`. */
export interface ChainSpan {
  readonly head: number;
  readonly firstBlock: number;
}

/**
 * The head and the first block. A chain started from a genesis file holds blocks from 1; one
 * imported from a state exported at H holds that state and blocks from H + 1, and the service
 * refuses heights below H (400 height_before_first_state). The first supply line is that first
 * state (height 0 or H), so it says where the blocks start without a route of its own.
 */
export async function chainSpan(): Promise<ChainSpan> {
  const [head, first] = await Promise.all([headHeight(), query<LedgerPage<SupplyLine>>('query/supplyhistory', { per_page: 1 })]);
  return { head, firstBlock: (first.result[0]?.height ?? 0) + 1 };
}

// The answer shapes the explorer reads (only the fields it shows).

export interface BlockAnswer {
  readonly block_id: { readonly hash: string };
  readonly block: {
    readonly header: {
      readonly chain_id: string;
      readonly height: string;
      readonly time: string;
      readonly num_txs: string;
      readonly total_txs: string;
      readonly last_block_id: { readonly hash: string };
      readonly data_hash: string;
      readonly app_hash: string;
      readonly proposer_address: string;
    };
    readonly evidence: { readonly evidence: readonly unknown[] | null };
    readonly last_commit: { readonly precommits: ReadonlyArray<{ readonly validator_address: string } | null> | null };
  };
}

export interface TxAnswer {
  readonly hash: string;
  readonly height: number;
  readonly index: number;
  readonly tx_result: {
    readonly code: number;
    readonly log: string;
    readonly codespace: string;
    readonly signer: string;
    readonly recipient: string;
    readonly message_type: string;
  };
  readonly stdTx: {
    readonly msg: { readonly type?: string; readonly value?: unknown } | null;
    readonly fee: ReadonlyArray<{ readonly denom: string; readonly amount: string }> | null;
    readonly memo: string;
    readonly entropy: number;
    readonly signature: { readonly pub_key: string };
  };
}

export interface TxPage {
  readonly txs: readonly TxAnswer[];
  readonly total_txs: number;
}

export interface AccountAnswer {
  readonly address: string;
  readonly coins: ReadonlyArray<{ readonly denom: string; readonly amount: string }>;
  readonly public_key: string | null;
}

export interface NodeAnswer {
  readonly address: string;
  readonly public_key: string;
  readonly jailed: boolean;
  readonly status: number;
  readonly chains: readonly string[];
  readonly service_url: string;
  readonly tokens: string;
  readonly unstaking_time: string;
  readonly output_address: string;
}

export interface AppAnswer {
  readonly address: string;
  readonly public_key: string;
  readonly jailed: boolean;
  readonly status: number;
  readonly chains: readonly string[];
  readonly staked_tokens: string;
  readonly max_relays: string;
  readonly unstaking_time: string;
}

/** The ledger's /v1/query/hash: what a 64-hex names at a height — a tx, a block (null where it names none). */
export interface HashAnswer {
  readonly hash: string;
  readonly height: number;
  readonly tx: { readonly height: number; readonly index: number } | null;
  readonly block: { readonly height: number } | null;
}

/** The ledger's /v1/query/actor: what an address is at a height (null where it is not one). */
export interface ActorAnswer {
  readonly address: string;
  readonly height: number;
  readonly module: string | null;
  readonly node: NodeAnswer | null;
  readonly app: AppAnswer | null;
}

/** pocket-core's `{result, total_pages, page}` pages (nodes, apps, signinginfo). */
export interface PocketPage<T> {
  readonly result: readonly T[] | null;
  readonly total_pages: number;
}

/** The ledger's own pages (rewards, rapsheet, claims, supplyhistory). */
export interface LedgerPage<T> {
  readonly result: readonly T[];
  readonly total: number;
  readonly height: number;
}

export interface SigningInfoAnswer {
  readonly address: string;
  readonly start_height: number;
  readonly missed_blocks_counter: number;
  readonly jailed_blocks_counter: number;
  readonly jailed_until: string;
}

export interface RewardLine {
  readonly height: number;
  readonly kind: string;
  readonly role: string;
  /** null for a line that pays no account (a burn, or what stays in a pool). */
  readonly address: string | null;
  readonly amount: string;
  readonly chain: string | null;
  /** The claim a relay line pays for (null for block-reward lines). */
  readonly claim_key: string | null;
  readonly relays: string | null;
  readonly stake_bin: string | null;
  readonly weight: string | null;
}

export interface RapSheetLine {
  readonly height: number;
  readonly address: string;
  readonly kind: string;
  readonly reason: string;
  readonly amount: string | null;
  readonly tx_hash: string | null;
  /** The event as recorded (projection/projectors/rap-sheet.ts); a force unstake's `jails` says whether it jailed. */
  readonly details?: { readonly jails?: boolean };
}

export interface ClaimLine {
  readonly claim_key: string;
  readonly submitted_height: number;
  readonly app_public_key: string;
  /** The app's address (ours: the browser has no SHA-256 on an insecure origin); null for a key that is not 32 bytes of hex. */
  readonly app_address: string | null;
  readonly chain: string;
  readonly session_height: number;
  readonly total_proofs: string;
  readonly expiration_height: number;
  readonly submitted_tx: string | null;
  readonly status: string;
  readonly settled_height: number | null;
  readonly reason: string | null;
}

export interface SupplyLine {
  readonly height: number;
  readonly total: string;
  readonly node_staked: string;
  readonly app_staked: string;
  readonly dao: string;
  readonly fee_collector: string;
  /** This block's own mint and burn, not running totals. */
  readonly minted: string;
  readonly burned: string;
}
