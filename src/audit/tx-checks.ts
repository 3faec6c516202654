/**
 * Tx outcome checks: each tx's charged fee and payer, and its code where the audit re-decides
 * it, against the recorded txs row.
 */
import type { Message } from '../messages/index.js';
import { extraSigners, ShadowAnte } from './independent/ante.js';
import type { ShadowBank } from './independent/bank.js';
import type { RawBlock, RawTx } from './independent/inputs.js';
import type { ExpectedLine, ShadowLedger } from './independent/shadow.js';
import { codeText, DELIVERED, TxOutcomes, type DerivedTx } from './independent/tx-outcomes.js';
import type { RecordedLedger, RecordedTx } from './recorded.js';
import type { Genesis } from './genesis-shadow.js';
import type { AuditTally } from './tally.js';

/** What a mismatch shows for a tx the projection has no row for, and for a row the block has no tx for. */
const NO_ROW = '(no tx row)';
const NO_TX = '(no tx)';
/** The codespace the shadow follows for a tx with neither its own code nor a row: refused, by no rule of the ledger's. */
const NOT_FOLLOWED = 'audit';

export class TxChecks {
  private readonly outcomes: TxOutcomes;

  constructor(private readonly recorded: RecordedLedger, private readonly shadow: ShadowLedger, bank: ShadowBank, genesis: Genesis, private readonly tally: AuditTally) {
    const genesisKeys = new Map(genesis.accounts.flatMap((a) => (a.publicKey === null ? [] : [[a.address, a.publicKey] as const])));
    const ante = new ShadowAnte({ bank, params: shadow.params, genesisKeys, extraSigners: (message, txSigner) => this.extraSigners(message, txSigner) });
    this.outcomes = new TxOutcomes(ante, bank, shadow.params, shadow);
  }

  /**
   * Every tx of the block against its recorded row (paired by tx_index), in order; the lines the
   * shadow expects from them. A tx whose row is missing or holds another hash is named once and
   * still delivered by its own outcome: the block log, not the projection, says which txs ran, so
   * a deleted row must not drop the tx's fee and effects from the shadow (QA of 2026-12-06: one
   * deleted txs row gave 4,493 mismatches and a failing supply, and shifted every later row of
   * its block onto the wrong tx). A row at an index the block does not have is named too.
   */
  deliverBlock(block: RawBlock, report: boolean): ExpectedLine[] {
    const h = block.header.height;
    const rows = new Map(this.recorded.txs(h).map((r) => [r.index, r] as const));
    const expected: ExpectedLine[] = [];
    this.outcomes.beginBlock();
    block.txs.forEach((tx, index) => {
      const row = rows.get(index);
      rows.delete(index);
      const matching = row !== undefined && row.hash === tx.hash ? row : undefined;
      if (matching === undefined) this.tally.mismatch(report, { height: h, account: null, line: `tx/${index}`, expected: tx.hash, recorded: row?.hash ?? NO_ROW });
      expected.push(...this.deliverTx(h, report, index, block.header.chainId, tx, matching));
    });
    for (const extra of rows.values()) this.tally.mismatch(report, { height: h, account: null, line: `tx/${extra.index}`, expected: NO_TX, recorded: extra.hash });
    this.outcomes.endBlock(block.txs.map((tx) => tx.hash));
    return expected;
  }

  /**
   * One tx: the audit's own outcome (fee charged and payer; the code where it re-decides it)
   * against the recorded row; the shadow then follows its own outcome, so a changed row is
   * named once and does not spread into the balances. Without a row (already named) there is
   * nothing to compare, and a code the audit does not re-decide has nothing to follow: the fee is
   * charged and the message is taken as refused.
   */
  private deliverTx(h: number, report: boolean, index: number, chainId: string, tx: RawTx, recorded: RecordedTx | undefined): ExpectedLine[] {
    const own = this.outcomes.derive(chainId, h, tx);
    const account = own.payer ?? tx.signer;
    report &&= account === null || this.tally.about(account);
    if (report) {
      this.tally.txFees++;
      if (own.code !== undefined) this.tally.txCodes++;
      if (tx.message !== undefined) this.tally.countHandlerCode(tx.message.type, own.code);
    }
    if (recorded !== undefined) this.compareRow(h, report, index, account, own, recorded);
    const [codespace, code] = followedCode(own, recorded);
    return this.shadow.deliverTx(tx.message, tx.signer, { code, codespace, feeCharged: own.fee, payer: own.payer });
  }

  private compareRow(h: number, report: boolean, index: number, account: string | null, own: DerivedTx, recorded: RecordedTx): void {
    if (own.fee !== recorded.feeCharged) this.tally.mismatch(report, { height: h, account, line: `tx/${index}:fee_charged`, expected: String(own.fee), recorded: String(recorded.feeCharged) });
    const recordedCode = codeText(recorded.code, recorded.codespace);
    if (own.code !== undefined && own.code !== recordedCode) this.tally.mismatch(report, { height: h, account, line: `tx/${index}:code`, expected: own.code, recorded: recordedCode });
  }

  /** A node's current output address may sign its StakeNode; an app's key may sign its transfer (§0.1), each while its features are active. */
  private extraSigners(message: Message, txSigner: string | null): string[] {
    const shadow = this.shadow;
    return extraSigners({ params: shadow.params, height: shadow.height, outputOf: (operator) => shadow.nodes.get(operator)?.outputAddress, hasApp: (address) => shadow.apps.has(address) }, message, txSigner);
  }
}

/** The [codespace, code] the shadow follows: its own where it re-decides the code, else the recorded one. */
function followedCode(own: DerivedTx, recorded: RecordedTx | undefined): [string, number] {
  if (own.code === undefined) return recorded === undefined ? [NOT_FOLLOWED, 1] : [recorded.codespace, recorded.code];
  if (own.code === DELIVERED) return ['', 0];
  return [own.code.split(':')[0]!, Number(own.code.split(':')[1])];
}
