/**
 * The audit's own ante handler (PROTOCOL §0.1 step 3, and docs/threat-model.md "A signature
 * authorizes one delivery" for the ledger's replay key): whether a tx's fee was charged, or which code refused
 * it, re-decided from the raw tx, the parameters in force and the shadow bank. In order:
 *   tx basics (fee coins, a signature)        → the messages layer's verdict (sdk:14, sdk:4, …)
 *   memo longer than auth/MaxMemoCharacters  → auth:1   (bytes of UTF-8)
 *   tx hash in a block before                → auth:6
 *   no public key in the signature while [AppTransfer] is active → sdk:1 (pocket-core asks
 *   the nil key for its address, x/auth/ante.go:81-84, and runTx recovers the panic,
 *   baseapp/baseapp.go:987-999)
 *   for each acceptable signer (the message's signers, a node's current output address for a
 *   StakeNode, the signer of an app transfer; Go's nil entries too, see candidates): the key is the tx's (or, when absent, the one the
 *   genesis file gives the account); skipped unless it hashes to that signer; declared fee below
 *   10,000 × FeeMultiplier(type) → auth:4; signature verifies over the sign bytes → matched.
 *   no signer matched                        → sdk:4
 *   SHA-256(sign bytes ‖ 0x00 ‖ signer) seen → ledger:20
 *   signer has no account                    → sdk:9;  balance < declared fee → auth:6
 * Passing charges the declared uPOKT fee to the signer (into fee_collector).
 * The signature is verified with node:crypto (ed25519.ts).
 */
import { createHash } from 'node:crypto';
import { SpillMap } from '../../core/spill-map.js';
import { declaredFeeUpokt, messageType, signersOf, validateTxBasic, type Message } from '../../messages/index.js';
import { signBytes, type DecodedTx } from '../../wire/index.js';
import type { ShadowBank } from './bank.js';
import { Ed25519Verifier } from './ed25519.js';
import type { ParamTracker } from './params.js';
import { signerAddress } from './address.js';

/** What `extraSigners` reads: the shadow's records, the parameters in force and the block height. */
export interface ExtraSignerWorld {
  readonly params: ParamTracker;
  readonly height: number;
  outputOf(operator: string): string | null | undefined;
  hasApp(address: string): boolean;
}

/**
 * The extra acceptable signers (x/auth/ante.go:71-91): a node's current output address for its
 * StakeNode while [NCUST] and [OEDIT] are active; the tx signer of an app transfer (an existing
 * app's key, another than the message's) while [AppTransfer] is.
 */
export function extraSigners(world: ExtraSignerWorld, message: Message, txSigner: string | null): string[] {
  if (message.type === 'StakeNode') {
    if (world.params.featureOff('NCUST', world.height) || world.params.featureOff('OEDIT', world.height)) return [];
    // GetOutputAddressFromValidator: a known node's output, or its own address without one (validator.go:107-112).
    const output = world.outputOf(message.operatorAddress);
    return output === undefined ? [] : [output ?? message.operatorAddress];
  }
  if (message.type !== 'StakeApp' || !message.transfer || txSigner === null || txSigner === message.applicationAddress) return [];
  return !world.params.featureOff('AppTransfer', world.height) && world.hasApp(txSigner) ? [txSigner] : [];
}

export type AnteVerdict = { readonly ok: true; readonly payer: string; readonly fee: bigint } | { readonly ok: false; readonly code: string };

export interface AnteWorld {
  readonly bank: ShadowBank;
  readonly params: ParamTracker;
  /** Public keys the genesis file gives accounts (the only keys the ledger's bank knows). */
  readonly genesisKeys: ReadonlyMap<string, string>;
  /** The extra acceptable signers the shadow's records give (StakeNode output, app transfer). */
  extraSigners(message: Message, txSigner: string | null): readonly string[];
}

export class ShadowAnte {
  /**
   * Every tx hash included in a block so far (the tx index: failed txs too), and every delivered
   * tx's replay key. SpillMaps, not Sets: one per tx, past V8's 2^24 entries per Set on a long chain.
   */
  private readonly included = new SpillMap<true>();
  private readonly replayKeys = new SpillMap<true>();
  private readonly ed25519 = new Ed25519Verifier();

  constructor(private readonly world: AnteWorld) {}

  run(chainId: string, height: number, tx: DecodedTx, message: Message): AnteVerdict {
    const basic = validateTxBasic(tx);
    if (!basic.ok) return refuse(`${basic.error.codespace}:${basic.error.code}`);
    const p = this.world.params;
    if (BigInt(Buffer.byteLength(tx.memo, 'utf8')) > p.int('auth/MaxMemoCharacters')) return refuse('auth:1');
    if (this.included.has(tx.hash)) return refuse('auth:6');
    if (tx.signature.publicKey === null && !p.featureOff('AppTransfer', height)) return refuse('sdk:1');
    const bytes = signBytes(chainId, tx);
    const txSigner = signerAddress(tx.signature.publicKey);
    const declared = declaredFeeUpokt(tx);
    let payer: string | undefined;
    for (const candidate of this.candidates(message, txSigner, height)) {
      if (candidate === null) {
        if (tx.signature.publicKey === null) return refuse('auth:3');
        continue;
      }
      const key = tx.signature.publicKey ?? this.world.genesisKeys.get(candidate);
      if (key === undefined) return refuse(this.world.bank.has(candidate) ? 'auth:2' : 'auth:3');
      if (signerAddress(key) !== candidate) continue;
      if (declared < p.fee(messageType(message))) return refuse('auth:4');
      if (!this.ed25519.verifies(key, bytes, tx.signature.signature)) continue;
      payer = candidate;
      break;
    }
    if (payer === undefined) return refuse('sdk:4');
    const replayKey = createHash('sha256').update(bytes).update(Uint8Array.of(0)).update(payer).digest('hex');
    if (this.replayKeys.has(replayKey)) return refuse('ledger:20');
    if (!this.world.bank.has(payer)) return refuse('sdk:9');
    if (this.world.bank.balance(payer) < declared || tx.fee.some((coin) => coin.denom !== 'upokt')) return refuse('auth:6');
    this.replayKeys.set(replayKey, true);
    return { ok: true, payer, fee: declared };
  }

  /**
   * pocket-core's validSigners (x/auth/ante.go:71-91) with Go's nil addresses as null: a
   * StakeNode's absent output, and the output signer appended to every message once [NCUST] and
   * [OEDIT] are on (nil unless the shadow knows the node: its output, else its operator). A nil signer never matches a
   * carried key; a key-less tx fails its account lookup (auth:3).
   */
  private candidates(message: Message, txSigner: string | null, height: number): Array<string | null> {
    const p = this.world.params;
    const extra = this.world.extraSigners(message, txSigner);
    const output = message.type === 'StakeNode' ? extra[0] : undefined; // a known node's output signer
    const out: Array<string | null> = [...signersOf(message)];
    if (message.type === 'StakeNode' && message.outputAddress === null) out.push(null);
    if (!p.featureOff('NCUST', height) && !p.featureOff('OEDIT', height)) out.push(output ?? null);
    if (message.type === 'StakeApp') out.push(...extra); // empty unless [AppTransfer] is active (extraSigners)
    return out;
  }

  /** End of block: every tx of the block joins the tx index (a later copy is auth:6). */
  index(hashes: readonly string[]): void {
    for (const hash of hashes) this.included.set(hash, true);
  }
}

function refuse(code: string): AnteVerdict {
  return { ok: false, code };
}
