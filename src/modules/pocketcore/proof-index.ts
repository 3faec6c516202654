/**
 * The pseudorandom proof index (PROTOCOL §4.5; x/pocketcore/keeper/proof.go:219-241): which leaf
 * of its tree a servicer must prove, fixed only once the claim can no longer change.
 *
 *   proofHeight = SBH + ClaimSubmissionWindow·BPS          (both from the session-start params)
 *   seedHash    = hash of block proofHeight − 1            (pocket: LastBlockID in block proofHeight)
 *   seed        = SHA3-256({"BlockHash":"<seedHash hex>","Header":"<session header hash hex>"})
 *   index       = uint64_BE(seed[0:8]) mod totalProofs
 *
 * Worked example (BPS 4, CSW 3): a session starting at 5 has proofHeight 17; the seed is the hash
 * of block 16, known once block 16 is committed — so a proof is processable from block 17 on.
 *
 * DEV_NOTE: seed timing is replicated (PROTOCOL §12.2 item 4): the seed block's hash is known at
 * proofHeight, the last height a claim is still accepted. A servicer could in principle see the
 * seed before its claim is final; the ledger keeps pocket-core's window (consensus parity) and
 * closes the one exploitable consequence — claiming the same session twice — in claim.ts.
 */
import { goObject, goString } from '../../core/json.js';
import { sha3_256 } from '../../crypto/hash.js';
import { pseudorandomIndex } from './session.js';
import { int64Height } from './session-heights.js';

/**
 * First height at which the proof of a session can be checked — also the last a claim is
 * accepted at (ClaimIsMature, claim.go:368-371). Go int64 arithmetic (proof.go:228): a product
 * beyond int64 wraps (CSW 2^63 − 1 at BPS 4 is −4), see int64Height.
 */
export function proofHeight(sessionHeight: number, claimSubmissionWindow: bigint, blocksPerSession: bigint): number {
  return int64Height(BigInt(sessionHeight) + claimSubmissionWindow * blocksPerSession);
}

/** The seed bytes: SHA3-256 of the Go-JSON {"BlockHash","Header"} (field names as in Go). */
export function proofSeed(seedBlockHashHex: string, sessionHeaderHashHex: string): Uint8Array {
  return sha3_256(goObject([['BlockHash', goString(seedBlockHashHex)], ['Header', goString(sessionHeaderHashHex)]]));
}

/** The leaf index the proof must open. `totalProofs` ≥ 1 (claims carry ≥ 5). */
export function proofIndex(seedBlockHashHex: string, sessionHeaderHashHex: string, totalProofs: bigint): bigint {
  return pseudorandomIndex(proofSeed(seedBlockHashHex, sessionHeaderHashHex), totalProofs);
}
