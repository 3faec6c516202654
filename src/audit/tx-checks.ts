/**
 * Tx outcome checks: each tx's charged fee and payer, and its code where the audit re-decides
 * it, against the recorded txs row.
 */
import type { Message } from '../messages/index.js';
import { ShadowAnte } from './independent/ante.js';
import type { ShadowBank } from './independent/bank.js';
import type { RawBlock, RawTx } from './independent/inputs.js';
import type { ExpectedLine, ShadowLedger } from './independent/shadow.js';
import { codeText, DELIVERED, TxOutcomes, type DerivedTx } from './independent/tx-outcomes.js';
import type { RecordedLedger, RecordedTx } from './recorded.js';
import type { Genesis } from './genesis-shadow.js';
import type { AuditTally } from './tally.js';

export class TxChecks {
  private readonly outcomes: TxOutcomes;

  constructor(private readonly recorded: RecordedLedger, private readonly shadow: ShadowLedger, bank: ShadowBank, genesis: Genesis, private readonly tally: AuditTally) {
    const genesisKeys = new Map(genesis.accounts.flatMap((a) => (a.publicKey === null ? [] : [[a.address, a.publicKey] as const])));
    const ante = new ShadowAnte({ bank, params: shadow.params, genesisKeys, extraSigners: (message, txSigner) => this.extraSigners(message, txSigner) });
    this.outcomes = new TxOutcomes(ante, bank, shadow.params, shadow);
  }

  /** Every tx of the block against its recorded row, in order; the lines the shadow expects from them. */
  deliverBlock(block: RawBlock, report: boolean): ExpectedLine[] {
    const h = block.header.height;
    const rows = this.recorded.txs(h);
    const expected: ExpectedLine[] = [];
    this.outcomes.beginBlock();
    block.txs.forEach((tx, index) => {
      const row = rows[index];
      if (row === undefined || row.hash !== tx.hash) {
        this.tally.mismatch(report, { height: h, account: null, line: `tx/${index}`, expected: tx.hash, recorded: row?.hash ?? '(no tx row)' });
        return;
      }
      expected.push(...this.deliverTx(h, report, index, block.header.chainId, tx, row));
    });
    this.outcomes.endBlock(block.txs.map((tx) => tx.hash));
    return expected;
  }

  /**
   * One tx: the audit's own outcome (fee charged and payer; the code where it re-decides it)
   * against the recorded row; the shadow then follows its own outcome, so a changed row is
   * named once and does not spread into the balances.
   */
  private deliverTx(h: number, report: boolean, index: number, chainId: string, tx: RawTx, recorded: RecordedTx): ExpectedLine[] {
    const own = this.outcomes.derive(chainId, h, tx);
    const account = own.payer ?? tx.signer;
    report &&= account === null || this.tally.about(account);
    if (report) {
      this.tally.txFees++;
      if (own.code !== undefined) this.tally.txCodes++;
      if (tx.message !== undefined) this.tally.countHandlerCode(tx.message.type, own.code);
    }
    if (own.fee !== recorded.feeCharged) this.tally.mismatch(report, { height: h, account, line: `tx/${index}:fee_charged`, expected: String(own.fee), recorded: String(recorded.feeCharged) });
    const recordedCode = codeText(recorded.code, recorded.codespace);
    if (own.code !== undefined && own.code !== recordedCode) this.tally.mismatch(report, { height: h, account, line: `tx/${index}:code`, expected: own.code, recorded: recordedCode });
    const [codespace, code] = followedCode(own, recorded);
    return this.shadow.deliverTx(tx.message, tx.signer, { code, codespace, feeCharged: own.fee, payer: own.payer });
  }

  /** A node's current output address may sign its StakeNode; an app's key may sign its transfer (§0.1). */
  private extraSigners(message: Message, txSigner: string | null): string[] {
    if (message.type === 'StakeNode') {
      const output = this.shadow.nodes.get(message.operatorAddress)?.outputAddress;
      return output === null || output === undefined ? [] : [output];
    }
    if (message.type === 'StakeApp' && message.transfer && txSigner !== null && txSigner !== message.applicationAddress && this.shadow.apps.has(txSigner)) return [txSigner];
    return [];
  }
}

/** The [codespace, code] the shadow follows: its own where it re-decides the code, else the recorded one. */
function followedCode(own: DerivedTx, recorded: RecordedTx): [string, number] {
  if (own.code === undefined) return [recorded.codespace, recorded.code];
  if (own.code === DELIVERED) return ['', 0];
  return [own.code.split(':')[0]!, Number(own.code.split(':')[1])];
}
