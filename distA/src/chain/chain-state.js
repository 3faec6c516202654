/**
 * Chain-level state: the chain id, genesis time, the last applied block's height, time and
 * proposer ("meta"), and the hash of every block (sessions and proofs seed from earlier block
 * hashes, PROTOCOL §3.2/§4.5).
 */
import { canonicalJson } from '../core/json.js';
export const CHAIN_META_KEY = 'meta';
export const chainMetaTable = {
    name: 'chain/meta',
    encode: (m) => canonicalJson({ chain_id: m.chainId, genesis_time: m.genesisTimeNs, height: m.height, last_block_time: m.lastBlockTimeNs, last_proposer: m.lastProposer }),
    decode: (text) => {
        const raw = JSON.parse(text);
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
export const heightKey = (height) => String(height).padStart(12, '0');
export const blockHashesTable = {
    name: 'chain/block_hashes',
    encode: (hash) => hash,
    decode: (text) => text,
};
//# sourceMappingURL=chain-state.js.map