/**
 * The raw inputs, read without the reducer: the data directory's genesis file (the genesis
 * document parser), and each block of the log decoded (log frames → record → block → txs →
 * validated messages). Decoders only: no rule runs here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeRecord } from '../../chain/record.js';
import { parseGenesis } from '../../genesis/parse.js';
import { BlockLog, blockLogDir } from '../../log/index.js';
import { validateBasic } from '../../messages/validate-basic.js';
import { declaredFeeUpokt } from '../../messages/index.js';
import { decodeTx, txHash } from '../../wire/index.js';
import { signerAddress } from './address.js';
export class AuditInputError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.code = code;
    }
}
/** The genesis document the data directory was initialised with (its ledger.json names it). */
export function readDataDirGenesis(dataDir) {
    let config;
    try {
        config = JSON.parse(readFileSync(join(blockLogDir(dataDir), 'ledger.json'), 'utf8'));
    }
    catch (error) {
        throw new AuditInputError('not_a_data_dir', `${dataDir} is not a pokt-ledger data directory (${error instanceof Error ? error.message : String(error)})`);
    }
    // An exported state without `initial_height` continues at the height given at init (--exported-height).
    const exported = typeof config.exported_height === 'number' ? { exportedHeight: config.exported_height } : {};
    const parsed = parseGenesis(readFileSync(join(blockLogDir(dataDir), String(config.genesis_file)), 'utf8'), exported);
    if (!parsed.ok)
        throw new AuditInputError('genesis_invalid', parsed.error.map((p) => `${p.path}: ${p.message}`).join('; '));
    return parsed.value;
}
export function openLog(dataDir) {
    return BlockLog.open(blockLogDir(dataDir), { readOnly: true }).log;
}
export function* rawBlocks(log, from, to) {
    for (const record of log.iterate(from, to)) {
        const { block } = decodeRecord(record.payload);
        yield { header: block.header, txs: block.txs.map(rawTx) };
    }
}
function rawTx(bytes) {
    const decoded = decodeTx(bytes);
    if (!decoded.ok)
        return { hash: txHash(bytes), wire: undefined, message: undefined, signer: null, declaredFee: null };
    const tx = decoded.value;
    // A proof's shapes are the decoder's verdict; its two signatures are the audit's own
    // (relay-proof.ts), so the messages layer's verifier is told to accept them here.
    const validated = validateBasic(tx.msg, tx.msg.kind === 'Proof' ? acceptSignatures : undefined);
    return { hash: tx.hash, wire: tx, message: validated.ok ? validated.value : undefined, signer: signerAddress(tx.signature.publicKey), declaredFee: declaredFeeUpokt(tx) };
}
/** The signature verdict given to the messages layer for a proof: the audit checks them itself. */
const acceptSignatures = () => true;
//# sourceMappingURL=inputs.js.map