/**
 * txs: every tx of every block, also the failed and undecodable ones (Tendermint indexes them
 * all): hash, position, signer, recipient, pocket message type, the message as amino JSON, the
 * declared and the charged fee, memo, entropy, result code/codespace/name/log, and the raw bytes.
 * Indexed by hash, signer and recipient (accounttxs, received or sent).
 */
import type { CommittedBlock } from '../../runtime/committed-block.js';
import { msgToAminoJson } from '../../wire/amino-json.js';
import { defineProjector, jsonText, type Write } from '../projector.js';

function txRow(committed: CommittedBlock, index: number): Write<'insert'> {
  const receipt = committed.receipts[index]!;
  const prepared = committed.prepared[index]!;
  const tx = prepared.decoded.ok ? prepared.decoded.value : undefined;
  return [
    'insert',
    {
      height: committed.block.header.height,
      tx_index: index,
      hash: receipt.hash,
      signer: receipt.signer,
      recipient: receipt.recipient,
      message_type: receipt.messageType,
      message_json: tx === undefined ? null : jsonText(msgToAminoJson(tx.msg)),
      fee_declared_upokt: tx === undefined ? null : declaredFee(tx.fee),
      fee_charged_upokt: receipt.feeUpokt,
      memo: tx === undefined ? null : tx.memo,
      entropy: tx === undefined ? null : tx.entropy.toString(),
      code: receipt.code,
      codespace: receipt.codespace,
      result_name: receipt.name,
      log: receipt.log,
      raw: prepared.bytes,
    },
  ];
}

/** The declared upokt fee (the wire keeps decimal strings; a non-upokt or odd fee is stored as null). */
function declaredFee(fee: ReadonlyArray<{ readonly denom: string; readonly amount: string }>): bigint | null {
  const coin = fee.length === 1 ? fee[0]! : undefined;
  return coin !== undefined && coin.denom === 'upokt' && /^[0-9]{1,18}$/.test(coin.amount) ? BigInt(coin.amount) : null;
}

export const txsProjector = defineProjector({
  name: 'txs',
  table: 'txs',
  statements: {
    insert: `INSERT INTO txs (height, tx_index, hash, signer, recipient, message_type, message_json, fee_declared_upokt, fee_charged_upokt, memo, entropy, code, codespace, result_name, log, raw)
      VALUES (@height, @tx_index, @hash, @signer, @recipient, @message_type, @message_json, @fee_declared_upokt, @fee_charged_upokt, @memo, @entropy, @code, @codespace, @result_name, @log, @raw)`,
  },
  handlers: {},
  block: (committed) => committed.receipts.map((_, index) => txRow(committed, index)),
});
