/**
 * Block proposer lottery: "round down (node stake / average node stake) = tickets in the hat"
 * (Pocket docs; the pokt-network/tendermint fork's GetProposerRandomized, PROTOCOL §6.2/§14).
 *
 *   seed    = SHA-256(prevBlockHash ‖ LE64(round))          (round is 0 in this ledger)
 *   avg     = floor(Σ power / n)
 *   tickets = for each validator in ascending address order, max(1, floor(power / avg)) tickets
 *   winner  = ticket number uint64_BE(seed[0:8]) mod Σ tickets
 *
 * This is the fork's rule at the commit pocket-core pins (59310158d3e9, go.mod:5:
 * types/validator_set.go:326-363) for heights ≥ 30040. For codec-upgrade height ≤ h < 30040 the
 * fork's seed also carries the last commit's JSON between the hash and the round (:329-330, fed
 * by consensus/state.go:982-1003); the ledger has no such branch. The inputs are the ledger's own:
 * prevBlockHash is the ledger's hash of block h−1 (ZERO_HASH for block 1, chain/producer.ts),
 * where the fork takes Tendermint's header hash of h−1 and, for blocks 1 and 2, the signing set's
 * ValidatorSet.Hash() (cs.GetPreviousBlockHash, consensus/state.go:2060-2065) — so the winners
 * are this ledger's, not a Tendermint chain's (docs/protocol-choices.md, "Block level").
 *
 * Worked example: powers A=30, B=10, C=10 (addresses A<B<C) → avg = floor(50/3) = 16 →
 * tickets A=1 (floor(30/16)), B=1, C=1 (max(1, 0)) → 3 tickets; a seed whose first 8 bytes are
 * 0x…05 picks ticket 5 mod 3 = 2 → C.
 *
 * DEV_NOTE: determinism — the only inputs are the set (sorted here by address) and the previous
 * block hash; the ticket list is never materialised (prefix sums), so cost is O(n).
 */
import { invariant } from '../../core/assert.js';
import { concatBytes, mustHexToBytes } from '../../core/hex.js';
import type { Address } from '../../core/types.js';
import { sha256 } from '../../crypto/hash.js';
import type { ValidatorSetMember } from './validator-set.js';

function le64(value: bigint): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, value, true);
  return out;
}

export function proposerSeed(prevBlockHash: string, round = 0n): bigint {
  const seed = sha256(concatBytes(mustHexToBytes(prevBlockHash), le64(round)));
  return new DataView(seed.buffer, seed.byteOffset, 8).getBigUint64(0, false);
}

/** Round r > 0 (the round-0 proposer was offline) reseeds the lottery with LE64(r). */
export function selectProposer(set: readonly ValidatorSetMember[], prevBlockHash: string, round = 0n): Address {
  invariant(set.length > 0, 'cannot pick a proposer from an empty validator set');
  const byAddress = [...set].sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  let total = 0n;
  for (const member of byAddress) total += member.power;
  const average = total / BigInt(byAddress.length);
  const tickets = byAddress.map((member) => {
    const count = average === 0n ? 1n : member.power / average;
    return count < 1n ? 1n : count;
  });
  let ticketTotal = 0n;
  for (const count of tickets) ticketTotal += count;
  let winning = proposerSeed(prevBlockHash, round) % ticketTotal;
  for (let i = 0; i < byAddress.length; i++) {
    if (winning < tickets[i]!) return byAddress[i]!.address;
    winning -= tickets[i]!;
  }
  invariant(false, 'ticket walk ended without a winner');
}
