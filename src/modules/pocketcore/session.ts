/**
 * Sessions (PROTOCOL §3.2–3.3): the session header, its hash, the session key and the
 * pseudorandom choice of servicers for an (application, chain, session height).
 *
 * Header bytes = Go encoding/json of SessionHeader in declared order, no spaces
 * (x/pocketcore/types/session.go:276-282; pocket.pb.go:28-32):
 *   {"app_public_key":"<hex>","chain":"<hex>","session_height":N}
 * Header hash = SHA3-256(header bytes). It keys claims and seeds the proof index.
 *
 * Session key = SHA3-256 of {"app_pub_key":…,"chain":…,"blockchain":<block hash hex>}
 * (session.go:208-240), where the block hash is the ledger's hash of block SBH
 * (src/chain/block.ts, the one definition; PROTOCOL §13).
 *
 * Node selection (`NewSessionNodes`, session.go:111-172): candidates are the validators in the
 * chain index at the session start, ascending by address. Repeatedly:
 *   idx = uint64_BE(key[0:8]) mod total;  key = SHA3-256(key);  n = candidates[idx]
 * skip n if its ADDRESS was already examined (pocket-core's map `m` is keyed by address, not by
 * list position); otherwise mark it examined and look it up in the END state; keep it unless it
 * is missing, jailed, staked for more than pos/MaximumChains (session-start value) chains, or no
 * longer lists the chain. Stop at SessionNodeCount nodes; fewer than that many candidates, or
 * every candidate examined without filling the session ⇒ pocketcore:17.
 *
 * Worked example (the loop, 3 candidates [A,B,C], count 2): key₀ → 7 mod 3 = 1 → B kept;
 * key₁ → 4 mod 3 = 1 → B again, skipped (not counted); key₂ → 9 mod 3 = 0 → A jailed at
 * session end, skipped; key₃ → 2 → C kept → session [B, C]. Order is selection order.
 *
 * A list that names an address twice (pocket-core's KV chain index cannot; ours is deduplicated
 * by session-candidates.ts, but the walk must not depend on that): `total` is still the list
 * length (pocket-core's `totalNodes`), and a draw that lands on a second copy of an examined
 * address is skipped like any repeat — a node is seated at most once. Termination: pocket-core
 * stops when len(m) (distinct addresses examined) reaches totalNodes, which a list with copies
 * never reaches (Go would loop forever); we stop when every list POSITION has been drawn, which
 * is the same moment for a list without copies. Example: [A, A, B], count 2, A jailed → in
 * whatever order the draws reach them, A is examined once (skipped: jailed), its copy is a
 * repeat, B is kept; once all three positions are drawn the session has 1 of 2 ⇒ pocketcore:17.
 *
 * DEV_NOTE: strings hashed here are the CANONICAL header values (lower-case app key, upper-case
 * chain id) — pocket-core hashes them as the sender wrote them. For the usual inputs (lower-case
 * keys, numeric chain ids such as "0001") the bytes are identical; the difference is visible in
 * claims (claim.ts) and in dispatch, which answers an upper-case app key with the lower-case
 * key's session (docs/protocol-choices.md, Sessions; PROTOCOL §12.2 item 11: chain ids are
 * canonicalised). A proof's leaf keeps its AAT app key as signed (proof.ts leafSessionHeader).
 */
import { bytesToHex } from '../../core/hex.js';
import { goObject, goString } from '../../core/json.js';
import { rejection, type Rejection } from '../../core/rejection.js';
import { err, ok, type Result } from '../../core/result.js';
import type { Address, PublicKeyHex } from '../../core/types.js';
import { sha3_256 } from '../../crypto/hash.js';
import { POCKETCORE } from '../../core/codes.js';
import type { Validator } from '../nodes/index.js';

/** The canonical session header (what claims and sessions are keyed by). */
export interface SessionHeaderKey {
  readonly appPublicKey: PublicKeyHex;
  /** Canonical relay chain id (upper-case hex, 1–4 bytes). */
  readonly chain: string;
  readonly sessionHeight: number;
}

/** Go-JSON bytes of the header: {"app_public_key":…,"chain":…,"session_height":N}. */
export function sessionHeaderJson(header: SessionHeaderKey): string {
  return goObject([
    ['app_public_key', goString(header.appPublicKey)],
    ['chain', goString(header.chain)],
    ['session_height', String(header.sessionHeight)],
  ]);
}

/**
 * SHA3-256 of the header bytes, lower-case hex (SessionHeader.HashString). PERF: every proof
 * finds its claim by this hash (~1,400 a mainnet-shaped block, over a few hundred sessions), so
 * it is memoised, bounded (cleared when full). Equal memo keys mean equal header bytes, for any
 * strings: the length prefix fixes where the app key ends, and a number's text never contains
 * '|', so the last '|' splits the chain from the height (whose text is what the JSON holds).
 */
export function sessionHeaderHash(header: SessionHeaderKey): string {
  const key = `${header.appPublicKey.length}:${header.appPublicKey}|${header.chain}|${header.sessionHeight}`;
  let hash = headerHashes.get(key);
  if (hash === undefined) {
    hash = bytesToHex(sha3_256(sessionHeaderJson(header)));
    if (headerHashes.size >= HEADER_HASH_MEMO_CAPACITY) headerHashes.clear();
    headerHashes.set(key, hash);
  }
  return hash;
}

const HEADER_HASH_MEMO_CAPACITY = 16_384;
const headerHashes = new Map<string, string>();

/** Session key: SHA3-256 of {"app_pub_key","chain","blockchain"} (session.go:208-240). */
export function sessionKey(appPublicKey: string, chain: string, blockHashHex: string): Uint8Array {
  return sha3_256(
    goObject([
      ['app_pub_key', goString(appPublicKey)],
      ['chain', goString(chain)],
      ['blockchain', goString(blockHashHex)],
    ]),
  );
}

/** uint64 big-endian of the first 8 bytes, mod `total` (PseudorandomSelection, crypto.go:132-137). */
export function pseudorandomIndex(hash: Uint8Array, total: bigint): bigint {
  const first = new DataView(hash.buffer, hash.byteOffset, 8).getBigUint64(0, false);
  return first % total;
}

/** Largest `total` for which the two-halves form below stays below 2^53 (exact in a double). */
const EXACT_NUMBER_TOTAL = 2 ** 21;

/**
 * `pseudorandomIndex` for a list length, as a number: the same index. PERF: the session walk
 * draws ~24+ times per session and a mainnet-shaped block computes ~230 sessions; the 64-bit
 * BigInt read and modulo (a DataView and two BigInts per draw) were 13% of computeSession's
 * profile on replaying the mainnet-shaped chain (scale 1); skipReason, whose MaximumChains check
 * built a BigInt per candidate, another 16%.
 * With v = hi·2^32 + lo (the two big-endian 32-bit halves): v mod t = ((hi mod t)·2^32 + lo) mod t,
 * and (hi mod t)·2^32 + lo < t·2^32 ≤ 2^53 while t ≤ 2^21, so every step is exact in a double.
 * Example: hi = 1, lo = 5, t = 3 → v = 4,294,967,301 ≡ 0 (mod 3); (1·4,294,967,296 + 5) mod 3 = 0.
 * Longer lists (more than 2,097,152 candidates on one chain) take the BigInt path.
 */
export function pseudorandomListIndex(hash: Uint8Array, total: number): number {
  if (total > EXACT_NUMBER_TOTAL) return Number(pseudorandomIndex(hash, BigInt(total)));
  const view = new DataView(hash.buffer, hash.byteOffset, 8);
  return (((view.getUint32(0, false) % total) * 2 ** 32 + view.getUint32(4, false)) % total);
}

export interface SessionSelectionInput {
  /** Canonical chain id the session is for. */
  readonly chain: string;
  /** The session key (start of the pseudorandom walk). */
  readonly key: Uint8Array;
  /** Validators in the chain index at the session start, ascending by address. */
  readonly candidates: readonly Address[];
  /** SessionNodeCount at the session start. */
  readonly count: number;
  /** pos/MaximumChains at the session start ([MAXCH]). */
  readonly maxChains: bigint;
  /** The validator as of the session's END state (claims) or now (dispatch). */
  readonly lookup: (address: Address) => Validator | undefined;
}

/** Why a candidate was passed over (for explanations and tests; not consensus data). */
export type SkipReason = 'repeat' | 'not_found' | 'jailed' | 'too_many_chains' | 'chain_not_staked';

export interface SessionSelection {
  readonly nodes: readonly Address[];
  /** How many pseudorandom draws the walk took (cost measure). */
  readonly draws: number;
}

function skipReason(chain: string, maxChains: number, validator: Validator | undefined): SkipReason | undefined {
  if (validator === undefined) return 'not_found';
  if (validator.chains.length > maxChains) return 'too_many_chains';
  if (validator.jailed) return 'jailed';
  if (!validator.chains.includes(chain)) return 'chain_not_staked';
  return undefined;
}

/** NewSessionNodes: the pseudorandom walk described in the file header. */
export function selectSessionNodes(input: SessionSelectionInput): Result<SessionSelection, Rejection> {
  const { candidates, count } = input;
  const total = candidates.length;
  if (total < count) {
    return err(rejection(POCKETCORE.insufficient_nodes, `only ${total} nodes staked for chain ${input.chain}, a session needs ${count}`));
  }
  // A list length against MaximumChains as numbers: the same answer for every int64 (a value
  // beyond ±2^53 rounds, but never across a list length).
  const maxChains = Number(input.maxChains);
  /** Addresses looked at (pocket-core's `m`): a node is examined, and seated, at most once. */
  const examined = new Set<Address>();
  /** List positions drawn: the termination test (file header: lists with copies). */
  const drawnPositions = new Set<number>();
  const nodes: Address[] = [];
  let key = input.key;
  let draws = 0;
  while (nodes.length < count) {
    if (drawnPositions.size >= total) {
      return err(rejection(POCKETCORE.insufficient_nodes, `every one of the ${examined.size} nodes of chain ${input.chain} was examined; only ${nodes.length} of ${count} are eligible`));
    }
    const index = pseudorandomListIndex(key, total);
    key = sha3_256(key);
    draws++;
    drawnPositions.add(index);
    const address = candidates[index]!;
    if (examined.has(address)) continue;
    examined.add(address);
    if (skipReason(input.chain, maxChains, input.lookup(address)) !== undefined) continue;
    nodes.push(address);
  }
  return ok({ nodes, draws });
}
