/**
 * The raw inputs, read without the reducer: the data directory's genesis file (the genesis
 * document parser), and each block of the log decoded (log frames → record → block → txs →
 * validated messages). Decoders only: no rule runs here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeRecord } from '../../chain/record.js';
import type { BlockHeader } from '../../chain/block.js';
import { parseGenesisFromBytes } from '../../genesis/parse.js';
import type { GenesisDoc } from '../../genesis/types.js';
import { BlockLog, blockLogDir } from '../../log/index.js';
import { validateBasic } from '../../messages/validate-basic.js';
import type { Message } from '../../messages/types.js';
import type { DecodedTx } from '../../wire/index.js';
import { declaredFeeUpokt } from '../../messages/index.js';
import { decodeTx, txHash } from '../../wire/index.js';
import { signerAddress } from './address.js';

export interface RawTx {
  readonly hash: string;
  /** The decoded tx (sign document, signature, fee, memo); undefined when it does not decode. */
  readonly wire: DecodedTx | undefined;
  readonly message: Message | undefined;
  readonly signer: string | null;
  readonly declaredFee: bigint | null;
}

export interface RawBlock {
  readonly header: BlockHeader;
  readonly txs: readonly RawTx[];
  /** The header's exact bytes (its hash is the block hash) and the state root the producer recorded after the block: the report's provenance. */
  readonly headerBytes: Uint8Array;
  readonly stateRootAfter: string;
}

export class AuditInputError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/** The genesis document the data directory was initialised with (its ledger.json names it). */
export function readDataDirGenesis(dataDir: string): GenesisDoc {
  let config: { genesis_file?: unknown; exported_height?: unknown };
  try {
    config = JSON.parse(readFileSync(join(blockLogDir(dataDir), 'ledger.json'), 'utf8')) as typeof config;
  } catch (error) {
    throw new AuditInputError('not_a_data_dir', `${dataDir} is not a pokt-ledger data directory (${error instanceof Error ? error.message : String(error)})`);
  }
  // An exported state without `initial_height` continues at the height given at init (--exported-height).
  const exported = typeof config.exported_height === 'number' ? { exportedHeight: config.exported_height } : {};
  // Bytes, not text: an export may be longer than V8's longest string (core/json-bytes.ts).
  const parsed = parseGenesisFromBytes(readFileSync(join(blockLogDir(dataDir), String(config.genesis_file))), exported);
  if (!parsed.ok) throw new AuditInputError('genesis_invalid', parsed.error.map((p) => `${p.path}: ${p.message}`).join('; '));
  return parsed.value;
}

export function openLog(dataDir: string): BlockLog {
  return BlockLog.open(blockLogDir(dataDir), { readOnly: true }).log;
}

export function* rawBlocks(log: BlockLog, from: number, to: number): Generator<RawBlock> {
  for (const record of log.iterate(from, to)) {
    const { block, headerBytes, stateRootAfter } = decodeRecord(record.payload, record.height);
    yield { header: block.header, txs: block.txs.map(rawTx), headerBytes, stateRootAfter };
  }
}

function rawTx(bytes: Uint8Array): RawTx {
  const decoded = decodeTx(bytes);
  if (!decoded.ok) return { hash: txHash(bytes), wire: undefined, message: undefined, signer: null, declaredFee: null };
  const tx = decoded.value;
  // A proof's shapes are the decoder's verdict; its two signatures are the audit's own
  // (relay-proof.ts), so the messages layer's verifier is told to accept them here.
  const validated = validateBasic(tx.msg, tx.msg.kind === 'Proof' ? acceptSignatures : undefined);
  return { hash: tx.hash, wire: tx, message: validated.ok ? validated.value : undefined, signer: signerAddress(tx.signature.publicKey), declaredFee: declaredFeeUpokt(tx) };
}

/** The signature verdict given to the messages layer for a proof: the audit checks them itself. */
const acceptSignatures = (): boolean => true;
