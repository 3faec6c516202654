import { msgToAminoJson } from '../../wire/amino-json.js';
import { AppendRows, defineProjector } from '../projector.js';
import { TXS } from '../tables.js';
function txRow(committed, index) {
    const receipt = committed.receipts[index];
    const prepared = committed.prepared[index];
    const tx = prepared.decoded.ok ? prepared.decoded.value : undefined;
    return [
        committed.block.header.height, index, receipt.hash, receipt.signer, receipt.recipient, receipt.messageType,
        // A JsonValue holds no bigint: JSON.stringify writes it as jsonText would, without the walk.
        tx === undefined ? null : JSON.stringify(msgToAminoJson(tx.msg)),
        tx === undefined ? null : declaredFee(tx.fee),
        receipt.feeUpokt,
        tx === undefined ? null : tx.memo,
        tx === undefined ? null : tx.entropy.toString(),
        receipt.code, receipt.codespace, receipt.name, receipt.log, prepared.bytes,
    ];
}
/**
 * The declared upokt fee (the wire keeps decimal strings; a non-upokt or odd fee is stored as
 * null). Up to 77 digits (sdk.Int's 2^255 has 77; amounts.ts stores up to 78): a TestNet-sized
 * chain's fees may pass int64.
 */
function declaredFee(fee) {
    const coin = fee.length === 1 ? fee[0] : undefined;
    return coin !== undefined && coin.denom === 'upokt' && /^[0-9]{1,77}$/.test(coin.amount) ? BigInt(coin.amount) : null;
}
export const txsProjector = defineProjector(() => {
    const rows = new AppendRows(TXS);
    return {
        name: 'txs',
        tables: [TXS],
        handlers: {},
        block: (committed) => {
            for (let index = 0; index < committed.receipts.length; index++)
                rows.add(txRow(committed, index));
        },
        flush: (sink) => rows.flush(sink),
    };
});
//# sourceMappingURL=txs.js.map