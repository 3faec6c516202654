/**
 * Chain-level state: the chain id, genesis time, the last applied block's height, time and
 * proposer ("meta"), and the hash of every block (sessions and proofs seed from earlier block
 * hashes, PROTOCOL §3.2/§4.5). Table specs only, below modules/ so that a module reading block
 * hashes (pocketcore sessions and proof seeds) uses the same `heightKey` as the chain that
 * writes them.
 */
import { canonicalJson } from '../core/json.js';
import type { Address } from '../core/types.js';
import type { TableSpec } from './table.js';

export interface ChainMeta {
  readonly chainId: string;
  readonly genesisTimeNs: bigint;
  /** Height of the last applied block (0 = genesis only). */
  readonly height: number;
  /** Time of the last applied block (genesis time at height 0). */
  readonly lastBlockTimeNs: bigint;
  /** Proposer of the last applied block (paid at the next BeginBlock); null at genesis. */
  readonly lastProposer: Address | null;
}

export const CHAIN_META_KEY = 'meta';

export const chainMetaTable: TableSpec<ChainMeta> = {
  name: 'chain/meta',
  encode: (m) =>
    canonicalJson({ chain_id: m.chainId, genesis_time: m.genesisTimeNs, height: m.height, last_block_time: m.lastBlockTimeNs, last_proposer: m.lastProposer }),
  decode: (text) => {
    const raw = JSON.parse(text) as { chain_id: string; genesis_time: string; height: number; last_block_time: string; last_proposer: Address | null };
    return {
      chainId: raw.chain_id,
      genesisTimeNs: BigInt(raw.genesis_time),
      height: raw.height,
      lastBlockTimeNs: BigInt(raw.last_block_time),
      lastProposer: raw.last_proposer,
    };
  },
};

/** Height → block hash (lower-case hex); keys are zero-padded so they sort by height. */
export const heightKey = (height: number): string => String(height).padStart(12, '0');

export const blockHashesTable: TableSpec<string> = {
  name: 'chain/block_hashes',
  encode: (hash) => hash,
  decode: (text) => text,
};

/**
 * Double-sign evidence already committed by a block: evidence key → the height of the block that
 * carried it. Tendermint refuses a block whose evidence an earlier block committed (the fork at
 * 59310158d3e9, pocket-core go.mod:5: state/validation.go:146-147, evidencePool.IsCommitted,
 * evidence/pool.go:181-185, evidence/store.go:240-256); without this the same double sign
 * could be slashed once per block for as long as pocket's age window lets it count (PROTOCOL
 * §6.6: MaxEvidenceAge 3 h → 12 blocks). Every valid evidence is recorded, the ignored kinds
 * included (Tendermint commits them too). Kept forever, as Tendermint's evidence store does.
 *
 * Not hashed into the state root: it lives in Tendermint's evidence store, outside pocket-core's
 * app hash, and the block hashes already commit to every header's evidence (as for the tx index).
 *
 * The key is (address, height, round) — the identity under which one block may carry evidence
 * once (slashing/double-sign.ts checkEvidence) — where Tendermint keys on the hash of the exact
 * vote pair; so a different pair of conflicting votes for the same height and round is refused
 * as well, across blocks as within one.
 */
export const evidenceKey = (address: string, height: number, round: number): string => `${address}/${heightKey(height)}/${round}`;

export const committedEvidenceTable: TableSpec<number> = {
  name: 'chain/committed_evidence',
  encode: (height) => String(height),
  decode: (text) => Number(text),
  committed: false,
};

/**
 * Tendermint's consensus params that pocket-core's EndBlock changes (chain/consensus-params.ts
 * says how): the block size limit and the evidence max age (in blocks) for the next block, and the
 * height the chain started after (0, or an exported state's H): the first block after it hands no
 * update to Tendermint. Not hashed into the state root: Tendermint's state, outside pocket-core's
 * app hash, derived from what the block log commits to.
 */
export interface ConsensusBlock {
  readonly maxBytes: bigint;
  readonly evidenceMaxAge: bigint;
  readonly genesisHeight: number;
}

export const CONSENSUS_BLOCK_KEY = 'block';

export const consensusTable: TableSpec<ConsensusBlock> = {
  name: 'chain/consensus',
  encode: (block) => canonicalJson({ evidence_max_age: block.evidenceMaxAge, genesis_height: block.genesisHeight, max_bytes: block.maxBytes }),
  decode: (text) => {
    const raw = JSON.parse(text) as { evidence_max_age: string; genesis_height: number; max_bytes: string };
    return { maxBytes: BigInt(raw.max_bytes), evidenceMaxAge: BigInt(raw.evidence_max_age), genesisHeight: raw.genesis_height };
  },
  committed: false,
};
