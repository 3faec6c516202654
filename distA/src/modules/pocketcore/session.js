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
 * keys, numeric chain ids such as "0001") the bytes are identical; see claim.ts for the one place
 * the difference is visible (PROTOCOL §12.2 item 11: chain ids are canonicalised).
 */
import { bytesToHex } from '../../core/hex.js';
import { goObject, goString } from '../../core/json.js';
import { rejection } from '../../core/rejection.js';
import { err, ok } from '../../core/result.js';
import { sha3_256 } from '../../crypto/hash.js';
import { POCKETCORE } from '../../core/codes.js';
/** Go-JSON bytes of the header: {"app_public_key":…,"chain":…,"session_height":N}. */
export function sessionHeaderJson(header) {
    return goObject([
        ['app_public_key', goString(header.appPublicKey)],
        ['chain', goString(header.chain)],
        ['session_height', String(header.sessionHeight)],
    ]);
}
/** SHA3-256 of the header bytes, lower-case hex (SessionHeader.HashString). */
export function sessionHeaderHash(header) {
    return bytesToHex(sha3_256(sessionHeaderJson(header)));
}
/** Session key: SHA3-256 of {"app_pub_key","chain","blockchain"} (session.go:208-240). */
export function sessionKey(appPublicKey, chain, blockHashHex) {
    return sha3_256(goObject([
        ['app_pub_key', goString(appPublicKey)],
        ['chain', goString(chain)],
        ['blockchain', goString(blockHashHex)],
    ]));
}
/** uint64 big-endian of the first 8 bytes, mod `total` (PseudorandomSelection, crypto.go:132-137). */
export function pseudorandomIndex(hash, total) {
    const first = new DataView(hash.buffer, hash.byteOffset, 8).getBigUint64(0, false);
    return first % total;
}
function skipReason(chain, maxChains, validator) {
    if (validator === undefined)
        return 'not_found';
    if (BigInt(validator.chains.length) > maxChains)
        return 'too_many_chains';
    if (validator.jailed)
        return 'jailed';
    if (!validator.chains.includes(chain))
        return 'chain_not_staked';
    return undefined;
}
/** NewSessionNodes: the pseudorandom walk described in the file header. */
export function selectSessionNodes(input) {
    const { candidates, count } = input;
    const total = candidates.length;
    if (total < count) {
        return err(rejection(POCKETCORE.insufficient_nodes, `only ${total} nodes staked for chain ${input.chain}, a session needs ${count}`));
    }
    const totalBig = BigInt(total);
    /** Addresses looked at (pocket-core's `m`): a node is examined, and seated, at most once. */
    const examined = new Set();
    /** List positions drawn: the termination test (file header: lists with copies). */
    const drawnPositions = new Set();
    const nodes = [];
    let key = input.key;
    let draws = 0;
    while (nodes.length < count) {
        if (drawnPositions.size >= total) {
            return err(rejection(POCKETCORE.insufficient_nodes, `every one of the ${examined.size} nodes of chain ${input.chain} was examined; only ${nodes.length} of ${count} are eligible`));
        }
        const index = Number(pseudorandomIndex(key, totalBig));
        key = sha3_256(key);
        draws++;
        drawnPositions.add(index);
        const address = candidates[index];
        if (examined.has(address))
            continue;
        examined.add(address);
        if (skipReason(input.chain, input.maxChains, input.lookup(address)) !== undefined)
            continue;
        nodes.push(address);
    }
    return ok({ nodes, draws });
}
//# sourceMappingURL=session.js.map