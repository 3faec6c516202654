/**
 * Double signing (PROTOCOL §6.6): a block header may carry DuplicateVoteEvidence — two votes by
 * one validator key for the same height and round but different blocks, both signed.
 *
 * Two layers, as in pocket-core + Tendermint:
 *
 * 1. Validity (`checkEvidence`, run by the header check; Tendermint's DuplicateVoteEvidence
 *    Verify): the votes name the key's address, agree on height and round, differ in block hash,
 *    are from an earlier height than the block, and BOTH signatures verify over
 *    voteSignBytes(chainId, vote) (chain/block.ts). Anything else — a forged signature, two
 *    identical votes, evidence from the future — makes the BLOCK invalid: it is not a block of
 *    this chain (Tendermint refuses such a block; pocket-core never sees it). So does evidence of
 *    one (address, height, round) twice in one block, or again after an earlier block committed
 *    it (chain/header-checks.ts checkEvidenceNotCommitted). Tendermint (the pokt-network fork at
 *    59310158d3e9, pocket-core go.mod:5) refuses only the exact same evidence — same hash —
 *    committed by an EARLIER block (state/validation.go:146-147, evidence/pool.go:181-185); it
 *    would accept a duplicate within one block and pocket-core would slash it twice — the ledger
 *    refuses that block instead (one slash per double sign; a choice, not Tendermint's rule).
 *
 * 2. Effect (`handleDoubleSignEvidence`, BeginBlock after downtime; x/nodes/keeper/abci.go:40-61,
 *    slash.go:177-228): valid evidence slashes `power × SlashFractionDoubleSign` — no jail, no
 *    tombstone — where power is the validator's power in the set that signed the evidence's
 *    height (the set after that height − 2: Tendermint's delay, modules/nodes/validator-set.ts).
 *    It is IGNORED (an event records why; nothing changes) when:
 *      - too old: h − evidence height > max(1, floor(int(MaxEvidenceAge.Minutes()) / 15))
 *        (post-UPG30024 rule; 120 s → 1 block: only evidence about block h−1 counts in block h);
 *      - the validator is unknown or Unstaked (pocket: ErrCantHandleEvidence);
 *      - it has no signing info;
 *      - it was not in the validator set at that height (Tendermint would have refused the block;
 *        pocket-core would receive power 0 — we ignore it instead).
 *    pocket-core also compares `blockTime − evidence.Time` with MaxEvidenceAge, but Tendermint
 *    passes the including block's own time as evidence.Time (fork 59310158d3e9
 *    state/execution.go:382, getBeginBlockValidatorInfo), so that age is always 0 and the check
 *    never fires; we leave it out rather than invent a different time.
 *
 * Worked example (TV-10 numbers): evidence in block 12 about block 11, the validator had power 1
 * in the set that signed block 11, SlashFractionDoubleSign 0.05 → burn 50,000 uPOKT.
 */
import type { BlockContext, DuplicateVoteEvidence, Vote } from '../../core/block-context.js';
import type { BlockRejectionName } from '../../core/codes.js';
import { hexToBytes } from '../../core/hex.js';
import type { PosParams } from '../../params/params.js';
import type { ReadonlyTable } from '../../state/table.js';
import { addressFromPublicKey } from '../../crypto/address.js';
import { verify } from '../../crypto/ed25519.js';
import type { SigningInfo } from './state.js';
import type { DoubleSignEvidenceIgnored, SlashingEvent } from './events.js';
import { planSlash } from './slash.js';
import { type NodeForceUnstakeQueued, signingSetFor, StakeStatus, type Validator, type ValidatorSetEntry } from '../nodes/index.js';

/** Why a block's evidence makes the block invalid (the header check's code). */
export interface EvidenceProblem {
  readonly code: Extract<BlockRejectionName, `evidence_${string}`>;
  readonly message: string;
}

type VoteSignBytes = (chainId: string, vote: Vote) => Uint8Array;

function problem(code: EvidenceProblem['code'], index: number, message: string): EvidenceProblem {
  return { code, message: `evidence ${index}: ${message}` };
}

function checkOne(evidence: DuplicateVoteEvidence, index: number, chainId: string, height: number, signBytes: VoteSignBytes): EvidenceProblem | undefined {
  const key = hexToBytes(evidence.publicKey);
  if (key === undefined || key.byteLength !== 32) return problem('evidence_malformed', index, 'public key is not 32 bytes of hex');
  const address = addressFromPublicKey(key);
  const { voteA, voteB } = evidence;
  if (voteA.validatorAddress !== address || voteB.validatorAddress !== address) {
    return problem('evidence_malformed', index, `votes are by ${voteA.validatorAddress}/${voteB.validatorAddress}, the key's address is ${address}`);
  }
  if (voteA.height !== voteB.height || voteA.round !== voteB.round) return problem('evidence_not_conflicting', index, 'votes are for different heights or rounds');
  if (voteA.blockHash === voteB.blockHash) return problem('evidence_not_conflicting', index, 'both votes are for the same block');
  if (!Number.isSafeInteger(voteA.height) || voteA.height < 1 || voteA.height >= height) {
    return problem('evidence_from_future', index, `evidence height ${voteA.height} is not before block ${height}`);
  }
  if (!verify(key, signBytes(chainId, voteA), voteA.signature) || !verify(key, signBytes(chainId, voteB), voteB.signature)) {
    return problem('evidence_signature_invalid', index, `a vote signature does not verify for ${evidence.publicKey}`);
  }
  return undefined;
}

/** Tendermint-level validity of a block's evidence; undefined when every item is valid. */
export function checkEvidence(evidence: readonly DuplicateVoteEvidence[], chainId: string, height: number, signBytes: VoteSignBytes): EvidenceProblem | undefined {
  const seen = new Set<string>();
  for (const [index, item] of evidence.entries()) {
    const found = checkOne(item, index, chainId, height, signBytes);
    if (found !== undefined) return found;
    const id = `${item.voteA.validatorAddress}:${item.voteA.height}:${item.voteA.round}`;
    if (seen.has(id)) return problem('evidence_duplicate', index, `second evidence of ${id} in this block`);
    seen.add(id);
  }
  return undefined;
}

const NS_PER_MINUTE = 60_000_000_000n;

/**
 * int(MaxEvidenceAge.Minutes()) (x/nodes/keeper/abci.go:40): Go's Duration.Minutes() is the
 * float64 `float64(d / Minute) + float64(d % Minute) / (60 × 1e9)`, truncated by int(). Beyond
 * 2^18 minutes (about six months) a residue just under a minute rounds the sum up to the next
 * whole minute: 262,154 min + 59.999999999 s → 262,155. JS numbers are the same IEEE doubles,
 * so the same two correctly rounded operations give the same value.
 */
function goWholeMinutes(durationNs: bigint): bigint {
  const whole = Number(durationNs / NS_PER_MINUTE);
  const fraction = Number(durationNs % NS_PER_MINUTE) / Number(NS_PER_MINUTE);
  return BigInt(Math.trunc(whole + fraction));
}

/** max(1, int(MaxEvidenceAge minutes) / 15) — pocket assumes 15-minute blocks (abci.go:40-49). */
export function maxEvidenceAgeBlocks(maxEvidenceAgeNs: bigint): number {
  const blocks = goWholeMinutes(maxEvidenceAgeNs) / 15n;
  return blocks === 0n ? 1 : Number(blocks > 1_000_000_000n ? 1_000_000_000n : blocks);
}

export interface EvidenceView {
  readonly nodes: {
    readonly validators: ReadonlyTable<Validator>;
    readonly validatorSet: ReadonlyTable<readonly ValidatorSetEntry[]>;
  };
  readonly slashing: { readonly signingInfos: ReadonlyTable<SigningInfo> };
}

type EvidenceEvent = SlashingEvent | NodeForceUnstakeQueued;

export function handleDoubleSignEvidence(state: EvidenceView, params: PosParams, ctx: BlockContext): EvidenceEvent[] {
  const events: EvidenceEvent[] = [];
  const maxAge = maxEvidenceAgeBlocks(params.maxEvidenceAgeNs);
  // A validator slashed by earlier evidence in this block is seen with its reduced stake.
  const touched = new Map<string, Validator>();
  for (const evidence of ctx.evidence) {
    const address = evidence.voteA.validatorAddress;
    const evidenceHeight = evidence.voteA.height;
    const ignore = (reason: DoubleSignEvidenceIgnored['reason']): void => {
      events.push({ type: 'DoubleSignEvidenceIgnored', address, evidenceHeight, reason });
    };
    if (ctx.height - evidenceHeight > maxAge) {
      ignore('too_old');
      continue;
    }
    const validator = touched.get(address) ?? state.nodes.validators.get(address);
    if (validator === undefined || validator.status === StakeStatus.Unstaked) {
      ignore('unknown_validator');
      continue;
    }
    if (!state.slashing.signingInfos.has(address)) {
      ignore('no_signing_info');
      continue;
    }
    // The set that signed block e — the set after e−2 (Tendermint fork 59310158d3e9
    // state/execution.go:378 LoadValidators(ev.Height()); modules/nodes/validator-set.ts).
    const signers = signingSetFor(state, evidenceHeight);
    const power = signers.find((member) => member.address === address)?.power;
    if (power === undefined) {
      ignore('not_in_validator_set');
      continue;
    }
    const plan = planSlash({
      validator,
      reason: 'double_sign',
      infractionHeight: evidenceHeight - 1,
      height: ctx.height,
      power,
      fraction: params.slashFractionDoubleSign,
      stakeMinimumUpokt: params.stakeMinimumUpokt,
    });
    if (plan === undefined) continue;
    events.push(...plan.events);
    touched.set(address, plan.after);
  }
  return events;
}
